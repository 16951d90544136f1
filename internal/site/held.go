package site

import (
	"cmp"
	"slices"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
)

// Held is something a build leaves out of the published site: a draft
// school, page, update or meeting, or an update dated after today. A
// build lists them, so that a forgotten `draft: true` is seen.
type Held struct {
	Path  string // the content file: school.yaml for a school
	Line  int    // a meeting's line in meetings.yaml; 0 for a whole file
	Kind  string // "school", "page", "update" or "meeting"
	Title string
	Draft bool         // a draft; otherwise an update dated after today
	Date  content.Date // an update's date
}

// decide works out, for every school folder and page, what this build
// publishes: it fills the index's published and hidden files, and Held.
func (s *Site) decide(c *content.Content, schools []*Entry) {
	cfg := s.cfg
	ix := &index{fs: c.FS, sitePaths: c.Paths, schools: make(map[string]schoolIndex, len(schools)),
		published: map[string]string{}, pages: map[string]bool{}, hidden: map[string]string{}}
	s.index = ix
	s.Held = nil
	for _, d := range schools {
		ix.schools[d.Slug] = schoolIndex{paths: d.Paths, plan: d.Plan}
		if d.Draft && !cfg.Drafts {
			ix.hidden[d.Dir] = "a draft school"
			s.Held = append(s.Held, Held{Path: d.Dir + "/school.yaml", Kind: "school", Title: d.Name, Draft: true})
			continue
		}
		for _, f := range d.Updates {
			if why := s.heldBack(f); why != "" {
				ix.hidden[f.Path] = why
				s.Held = append(s.Held, Held{Path: f.Path, Kind: "update", Title: f.Title, Draft: f.Draft && !cfg.Drafts, Date: f.Date})
				continue
			}
			u := "/schools/" + d.Slug + "/updates/" + f.Slug + "/"
			ix.published[f.Path] = u
			ix.pages[u] = true
		}
		for _, m := range d.Meetings {
			if m.Draft && !cfg.Drafts {
				s.Held = append(s.Held, Held{Path: d.Dir + "/meetings.yaml", Line: m.Line, Kind: "meeting", Title: m.Title, Draft: true})
			}
		}
	}
	for _, p := range c.Pages {
		if p.Front.Draft && !cfg.Drafts {
			ix.hidden[p.Path] = "a draft page"
			s.Held = append(s.Held, Held{Path: p.Path, Kind: "page", Title: p.Front.Title, Draft: true})
		}
	}
	slices.SortFunc(s.Held, func(a, b Held) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line))
	})
}
