package site

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// heldFS is baseFS with one of everything a build can hold back.
func heldFS() fstest.MapFS {
	fsys := baseFS()
	fsys["schools/hillside/updates/2026-10-23-d.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Draft news\ndraft: true\n---\n")}
	fsys["schools/hillside/updates/2026-12-30-f.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Future news\n---\n")}
	fsys["schools/hillside/meetings.yaml"] = &fstest.MapFile{Data: []byte("- title: Tea\n  start: 2026-12-01T10:00\n\n- title: Coffee morning\n  draft: true\n  start: 2026-12-08T10:00\n  description: See [the plan](../nowhere.pdf).\n")}
	fsys["schools/drafty/school.yaml"] = &fstest.MapFile{Data: []byte("name: Drafty\ndraft: true\npsa: {name: J, phone: '1'}\ninspections: [{start: 2026-01-20, framework: report-card-2025}]\n")}
	fsys["schools/drafty/updates/2026-10-01-x.md"] = &fstest.MapFile{Data: []byte("---\ntitle: In a draft school\n---\n")}
	fsys["pages/soon.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Soon\ndraft: true\n---\n")}
	return fsys
}

func TestHeld(t *testing.T) {
	want := []Held{
		{Path: "pages/soon.md", Kind: "page", Title: "Soon", Draft: true},
		{Path: "schools/drafty/school.yaml", Kind: "school", Title: "Drafty", Draft: true},
		{Path: "schools/hillside/meetings.yaml", Line: 4, Kind: "meeting", Title: "Coffee morning", Draft: true},
		{Path: "schools/hillside/updates/2026-10-23-d.md", Kind: "update", Title: "Draft news", Draft: true},
		{Path: "schools/hillside/updates/2026-12-30-f.md", Kind: "update", Title: "Future news"},
	}
	s, _ := build(t, heldFS(), Config{})
	got := slices.Clone(s.Held)
	for i := range got {
		got[i].Date = want[0].Date // the dates are checked below
	}
	if !slices.Equal(got, want) {
		t.Errorf("Held =\n%+v\nwant\n%+v", got, want)
	}
	if d := s.Held[4].Date.String(); d != "2026-12-30" {
		t.Errorf("the future update's date is %s", d)
	}
	// A preview holds nothing back.
	if s, _ := build(t, heldFS(), Config{Drafts: true, Future: true}); len(s.Held) != 0 {
		t.Errorf("preview holds back %+v", s.Held)
	}
}

// A draft meeting is left out of the school's pages and calendars, but
// checked: its mistakes are warnings until it is published.
func TestDraftMeeting(t *testing.T) {
	s, ds := build(t, heldFS(), Config{})
	var titles []string
	for _, sc := range s.Schools {
		for _, m := range sc.Meetings {
			titles = append(titles, m.Title)
		}
	}
	if !slices.Equal(titles, []string{"Tea"}) {
		t.Errorf("published meetings %q, want only Tea", titles)
	}
	if len(ds) != 1 || !ds[0].Warning || !strings.Contains(ds[0].Msg, "nowhere.pdf") || !strings.HasSuffix(ds[0].Msg, "(this is a draft meeting, so it is a warning until it is published)") {
		t.Errorf("diagnostics:\n%s", ds.Error())
	}
	// The preview shows it, and its mistakes are errors there, as they
	// will be when it is published.
	s, ds = build(t, heldFS(), Config{Drafts: true})
	if n := len(s.Schools[1].Meetings); n != 2 || !ds.HasErrors() {
		t.Errorf("preview: %d meetings of %s (want 2), diagnostics:\n%s", n, s.Schools[1].Slug, ds.Error())
	}
}
