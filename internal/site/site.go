// Package site is the model of a parentpages site: the schools, their
// inspections, plans, meetings, views and updates, with everything the
// pages need worked out (URLs, what is published, the timeline of what
// happens next, each meeting's dates). It holds the rules that span files:
// an action plan's areas must exist, links must lead somewhere. It does no
// I/O: it takes what package content read and returns data.
package site

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/markdown"
	"github.com/parentpages/parentpages/internal/parallel"
)

// Config says what a build publishes.
type Config struct {
	// Now gives "today": what is upcoming, what is overdue, what is held
	// back. Only its date counts: the site is built as at the start of that
	// day in the site's timezone, so that a build is the same all day.
	Now time.Time
	// Reuse gives models of schools from an earlier build whose files have
	// not changed since; they are used as they are (the dev server).
	Reuse map[string]*School
	// NowIsDate takes Now's date as written (a build with --now), rather
	// than the date Now falls on in the site's timezone.
	NowIsDate bool
	Drafts    bool // include drafts (preview)
	Future    bool // include updates dated after today
}

// Site is the whole model.
type Site struct {
	Title, Description, Language string
	BaseURL                      *url.URL
	BasePath                     string // the path of BaseURL, always ending "/": every link starts with it
	Location                     *time.Location
	Timezone                     string
	Now                          time.Time
	Today                        content.Date
	Organisation                 *content.Organisation
	UnsafeHTML                   bool
	Theme                        string // the site's theme folder, relative to the content folder's parent
	Pages                        []*Page
	Schools                      []*School
	// SiteLinks are links written as site paths ("/schools/..."), to be
	// checked against the built site.
	SiteLinks []SiteLink
	// Preview is set when drafts or future updates are included.
	Preview bool

	// linker resolves links in Markdown parsed after Load (update bodies).
	linker *builder
}

// SiteLink is a link to a site path, and where it was written.
type SiteLink struct {
	Path   string // without fragment or query
	Source string
	Pos    content.Pos
}

// Page is a site-wide page from pages/<slug>.md.
type Page struct {
	Slug, Title, Summary string
	Menu                 bool
	Weight               int
	Draft                bool
	Body                 *markdown.Doc
	Source               string
}

// URL is the page's site path.
func (p *Page) URL() string { return "/" + p.Slug + "/" }

// School is one school's microsite.
type School struct {
	Slug        string
	Dir         string
	Info        *content.School
	Draft       bool
	Inspections []*Inspection // newest first
	Latest      *Inspection   // the newest full inspection
	Status      Status
	Timeline    []Step
	GiveViews   []*markdown.Doc
	Plan        *ActionPlan
	Meetings    []*Meeting // in order of first occurrence
	Views       []*content.ViewsGathering
	Updates     []*Update // newest first; only those published in this build
	Files       []File
	viewsFile   bool
	// What building the school's model found, kept so that a school reused
	// by a later build still reports it.
	diags     content.Diagnostics
	siteLinks []SiteLink
	// What parsing its updates' bodies found (ParseSchool).
	bodyDiags content.Diagnostics
	bodyLinks []SiteLink
	// Deps are the other schools this school's Markdown links to.
	Deps []string
}

// URL is the school's overview path; sub-pages are URL()+"inspection/" etc.
func (s *School) URL() string { return "/schools/" + s.Slug + "/" }

// HasPlan and HasViews say whether those pages exist.
func (s *School) HasPlan() bool  { return s.Plan != nil }
func (s *School) HasViews() bool { return len(s.Views) > 0 || s.viewsFile }

// File is a file copied as it is from a school's files/ folder.
type File struct {
	Source string // content path
	URL    string // site path
}

// Inspection is one inspection, with its Markdown parsed.
type Inspection struct {
	*content.Inspection
	FW      content.Framework
	Summary *markdown.Doc
	Outcome *markdown.Doc
}

// IsMonitoring reports whether this was a monitoring inspection.
func (in *Inspection) IsMonitoring() bool { return in.Type == "monitoring" }

// LastDay is the last day on site.
func (in *Inspection) LastDay() content.Date {
	if !in.End.IsZero() {
		return in.End
	}
	return in.Start
}

// Grade returns the judgement of the area whose name contains word (case
// insensitive), or "".
func (in *Inspection) Grade(word string) string {
	for _, j := range in.Judgements {
		if strings.Contains(strings.ToLower(j.Area), word) {
			return j.Grade
		}
	}
	return ""
}

// Update is one published (or previewed) update.
//
// Its body is parsed only while its school is rendered (see
// Site.ParseSchool), so that a large site is never held parsed whole.
type Update struct {
	Slug, Title, Author string
	// Summary is the front matter's summary, else (once the body has been
	// parsed) the body's first paragraph.
	Summary       string
	Date          content.Date
	Draft, Future bool
	Body          *markdown.Doc // nil outside Site.ParseSchool
	Source        string
	School        *School

	file *content.UpdateFile
}

// URL is the update's site path.
func (u *Update) URL() string { return u.School.URL() + "updates/" + u.Slug + "/" }

// ActionPlan is a school's plan, with areas joined to the inspection's
// areas for improvement.
type ActionPlan struct {
	Updated content.Date
	PlanURL string // a site path or an absolute URL; "" if none
	Areas   []*PlanArea
}

// PlanArea is the plan for one area for improvement.
type PlanArea struct {
	ID, Title, Text string
	Actions         []*Action
	Measures        []*content.Measure
}

// Action is one action, with whether it is overdue today.
type Action struct {
	content.Action
	Overdue bool
}

// Load builds the model from what content.Load read. Problems that span
// files are added to the returned diagnostics.
func Load(c *content.Content, cfg Config) (*Site, content.Diagnostics) {
	b := &builder{c: c, cfg: cfg, md: markdown.NewParser()}
	s := b.site()
	return s, b.ds.Sort()
}

type builder struct {
	c   *content.Content
	cfg Config
	md  *markdown.Parser
	s   *Site
	ds  content.Diagnostics
	// updates maps an update's content path to it, for links between updates.
	updates map[string]*Update
	hidden  map[string]string // content path of an unpublished update or school -> why
	// siteLinks collects links to site paths, for Site.CheckSiteLinks.
	siteLinks []SiteLink
	// deps collects the other schools that links lead to.
	deps map[string]bool
}

// child returns a builder for one school, to run beside the others: it
// shares the read-only state and collects its own findings.
func (b *builder) child() *builder {
	return &builder{c: b.c, cfg: b.cfg, md: b.md, s: b.s, updates: b.updates, hidden: b.hidden}
}

func (b *builder) site() *Site {
	sc := b.c.Site
	loc, err := time.LoadLocation(sc.Timezone)
	if err != nil {
		loc = time.UTC // already reported by content
	}
	now := b.cfg.Now
	if !b.cfg.NowIsDate {
		now = now.In(loc)
	}
	y, m, d := now.Date()
	b.cfg.Now = time.Date(y, m, d, 0, 0, 0, 0, loc)
	s := &Site{
		Title: sc.Title, Description: sc.Description, Language: sc.Language,
		Location: loc, Timezone: sc.Timezone, Now: b.cfg.Now, Today: content.Today(b.cfg.Now, loc),
		Organisation: sc.Organisation, UnsafeHTML: sc.UnsafeHTML, Theme: sc.Theme,
		Preview: b.cfg.Drafts || b.cfg.Future,
	}
	s.BaseURL, _ = url.Parse(sc.BaseURL)
	if s.BaseURL == nil {
		s.BaseURL = &url.URL{Scheme: "https", Host: "example.org", Path: "/"}
	}
	s.BasePath = s.BaseURL.Path
	if !strings.HasSuffix(s.BasePath, "/") {
		s.BasePath += "/"
	}
	b.s = s
	s.linker = b
	n := 0
	for _, d := range b.c.Schools {
		n += len(d.Updates)
	}
	b.updates = make(map[string]*Update, n)
	b.hidden = map[string]string{}

	// First pass: decide what is published, so links can be checked against it.
	var schools []*School
	for _, d := range b.c.Schools {
		if d.School.Draft && !b.cfg.Drafts {
			b.hidden[d.Dir] = "a draft school"
			continue
		}
		sch := &School{Slug: d.Slug, Dir: d.Dir, Info: &d.School, Draft: d.School.Draft, viewsFile: d.Paths[d.Path("views.yaml")]}
		for _, f := range d.Updates {
			u := b.update(sch, f)
			if u == nil {
				continue
			}
			b.updates[f.Path] = u
		}
		schools = append(schools, sch)
	}
	for _, p := range b.c.Pages {
		if p.Front.Draft && !b.cfg.Drafts {
			b.hidden[p.Path] = "a draft page"
			continue
		}
		s.Pages = append(s.Pages, &Page{Slug: p.Slug, Title: p.Front.Title, Summary: p.Front.Summary,
			Menu: p.Front.Menu, Weight: p.Front.Weight, Draft: p.Front.Draft, Source: p.Path})
	}
	// Second pass: parse Markdown, resolve links, work out the rest.
	for _, p := range s.Pages {
		f := b.pageFile(p.Source)
		p.Body = b.markdown(p.Source, f.Body, content.Pos{Line: f.BodyLine, Col: 1}, false)
	}
	parallel.Do(len(schools), func(i int) {
		sch := schools[i]
		if old := b.cfg.Reuse[sch.Slug]; old != nil {
			schools[i] = old
			return
		}
		child := b.child()
		child.deps = map[string]bool{}
		child.school(sch, b.c.School(sch.Slug))
		sch.diags, sch.siteLinks = child.ds, child.siteLinks
		for slug := range child.deps {
			sch.Deps = append(sch.Deps, slug)
		}
		slices.Sort(sch.Deps)
	})
	b.acrossSchools(schools)
	s.SiteLinks = b.siteLinks
	for _, sch := range schools {
		b.ds = append(b.ds, sch.diags...)
		s.SiteLinks = append(s.SiteLinks, sch.siteLinks...)
	}
	s.Schools = schools
	slices.SortFunc(s.Pages, func(a, b *Page) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Title, b.Title), strings.Compare(a.Slug, b.Slug))
	})
	slices.SortFunc(s.Schools, func(a, b *School) int {
		return cmp.Or(strings.Compare(a.Info.Name, b.Info.Name), strings.Compare(a.Slug, b.Slug))
	})
	return s
}

// acrossSchools runs the checks that span the schools: the names they
// share, and how often the site's meetings happen in all.
func (b *builder) acrossSchools(schools []*School) {
	b.sameNames(b.c.Schools)
	b.checkSiteOccurrences(schools, maxSiteOccurrences)
}

// sameNames warns about schools that share a name (in any case and
// spacing): the list of schools, feeds and calendars name a school by its
// name alone, so parents could not tell them apart, and a copied folder
// left unchanged is a likely mistake.
func (b *builder) sameNames(dirs []*content.SchoolDir) {
	byName := map[string][]*content.SchoolDir{}
	var names []string
	for _, d := range dirs {
		key := strings.ToLower(strings.Join(strings.Fields(d.School.Name), " "))
		if key == "" {
			continue // reported by content
		}
		if byName[key] == nil {
			names = append(names, key)
		}
		byName[key] = append(byName[key], d)
	}
	for _, key := range names {
		same := byName[key]
		if len(same) < 2 {
			continue
		}
		for i, d := range same {
			var others []string
			for j, o := range same {
				if j != i && len(others) < 3 {
					others = append(others, o.Path("school.yaml"))
				}
			}
			if n := len(same) - 1 - len(others); n > 0 {
				others = append(others, fmt.Sprintf("%d more", n))
			}
			b.ds.Warnf(d.Path("school.yaml"), d.School.At("name"), "%d schools are called %q (also %s); parents could not tell them apart in the list of schools: add the place to the name, such as %q", len(same), d.School.Name, strings.Join(others, ", "), strings.TrimSpace(d.School.Name)+", Plympton")
		}
	}
}

func (b *builder) pageFile(p string) *content.PageFile {
	for _, f := range b.c.Pages {
		if f.Path == p {
			return f
		}
	}
	panic("site: no page " + p)
}

// update decides whether an update is published in this build.
func (b *builder) update(sch *School, f *content.UpdateFile) *Update {
	u := &Update{Slug: f.Slug, Title: f.Front.Title, Summary: f.Front.Summary, Author: f.Front.Author,
		Date: f.Date(), Draft: f.Front.Draft, Source: f.Path, School: sch, file: f}
	u.Future = u.Date.After(b.s.Today.Time)
	switch {
	case u.Draft && !b.cfg.Drafts:
		b.hidden[f.Path] = "a draft update"
		return nil
	case u.Future && !b.cfg.Future:
		b.hidden[f.Path] = "an update dated after today (" + u.Date.String() + "), which is held back until then"
		return nil
	}
	sch.Updates = append(sch.Updates, u)
	return u
}

func (b *builder) school(sch *School, d *content.SchoolDir) {
	info := &d.School
	yamlPath := d.Path("school.yaml")
	for i := range info.Inspections {
		in := &info.Inspections[i]
		// Summary and Outcome are parsed with the school's updates (ParseSchool).
		sch.Inspections = append(sch.Inspections, &Inspection{Inspection: in, FW: content.Frameworks[in.Framework]})
	}
	slices.SortStableFunc(sch.Inspections, func(a, b *Inspection) int { return b.Start.Compare(a.Start.Time) })
	for _, in := range sch.Inspections {
		if !in.IsMonitoring() {
			sch.Latest = in
			break
		}
	}
	if sch.Latest == nil && len(info.Inspections) > 0 {
		b.ds.Errorf(yamlPath, info.At("inspections"), "every inspection listed is a monitoring inspection; add the full inspection that put the school in its category (`type: full`, the default)")
	}
	for _, f := range d.Files {
		sch.Files = append(sch.Files, File{Source: f, URL: "/" + f})
	}
	if d.Plan != nil {
		sch.Plan = b.plan(sch, d)
	}
	sch.Meetings = b.meetings(sch, d)
	for i := range d.Views {
		sch.Views = append(sch.Views, &d.Views[i])
	}
	slices.SortStableFunc(sch.Views, func(a, b *content.ViewsGathering) int { return b.Gathered.Compare(a.Gathered.Time) })
	// Updates held back (drafts, future dates) are checked too, so that
	// one does not break the build on the day it is published; what is
	// wrong with them is a warning until then.
	for _, f := range d.Updates {
		why, held := b.hidden[f.Path]
		if !held {
			continue
		}
		check := b.child()
		check.updateBody(f)
		for _, diag := range check.ds {
			diag.Warning = true
			diag.Msg += " (this is " + why + ", so it is a warning until it is published)"
			b.ds = append(b.ds, diag)
		}
	}
	slices.SortStableFunc(sch.Updates, func(a, b *Update) int {
		return cmp.Or(b.Date.Compare(a.Date.Time), strings.Compare(a.Slug, b.Slug))
	})
	if sch.Latest != nil {
		sch.Status = statusOf(sch)
		sch.Timeline = b.timeline(sch, d)
	}
}

// ParseSchool parses the school's Markdown: the bodies of its updates, the
// inspections' summaries and outcomes, the ways to give views and the
// meetings' descriptions, resolving their links. It sets each Doc (and an
// update's Summary, where the front matter gives none). Call it before
// rendering the school's pages and ReleaseSchool after; problems found are
// kept for BodyDiagnostics. The model holds no parsed Markdown otherwise,
// so that a large site is never held parsed whole.
func (s *Site) ParseSchool(sch *School) {
	b := s.linker.child()
	b.deps = map[string]bool{}
	yamlPath := sch.Dir + "/school.yaml"
	for _, in := range sch.Inspections {
		if in.Inspection.Summary != "" {
			in.Summary = b.markdown(yamlPath, []byte(in.Inspection.Summary), in.At("summary"), true)
		}
		if in.Inspection.Outcome != "" {
			in.Outcome = b.markdown(yamlPath, []byte(in.Inspection.Outcome), in.At("outcome"), true)
		}
	}
	sch.GiveViews = nil
	for i, g := range sch.Info.GiveViews {
		pos := sch.Info.At("give_views")
		pos.Line += i + 1
		sch.GiveViews = append(sch.GiveViews, b.markdown(yamlPath, []byte(g), pos, false))
	}
	for _, m := range sch.Meetings {
		if m.Meeting.Description != "" {
			m.Description = b.markdown(sch.Dir+"/meetings.yaml", []byte(m.Meeting.Description), m.At("description"), true)
		}
	}
	for _, u := range sch.Updates {
		u.Body = b.updateBody(u.file)
		if u.Summary == "" {
			u.Summary = u.Body.FirstParagraph()
		}
	}
	sch.bodyDiags, sch.bodyLinks = b.ds, b.siteLinks
	for slug := range b.deps {
		if !slices.Contains(sch.Deps, slug) {
			sch.Deps = append(sch.Deps, slug)
		}
	}
	slices.Sort(sch.Deps)
}

// updateBody reads and parses an update's body.
func (b *builder) updateBody(f *content.UpdateFile) *markdown.Doc {
	src, line, err := f.ReadBody(b.c.FS)
	if err != nil {
		b.ds.Errorf(f.Path, content.Pos{}, "cannot read this update again: %v", err)
		return b.md.Parse(nil)
	}
	return b.markdown(f.Path, src, content.Pos{Line: line, Col: 1}, false)
}

// ReleaseSchool lets the school's parsed Markdown go.
func (s *Site) ReleaseSchool(sch *School) {
	for _, u := range sch.Updates {
		u.Body = nil
	}
	for _, in := range sch.Inspections {
		in.Summary, in.Outcome = nil, nil
	}
	for _, m := range sch.Meetings {
		m.Description = nil
	}
	sch.GiveViews = nil
}

// ParseUpdate parses one update's body for a reader that must not touch
// the school's (the site's feed): it returns the body and its summary.
func (s *Site) ParseUpdate(u *Update) (*markdown.Doc, string) {
	b := s.linker.child()
	f := u.file
	doc := b.updateBody(f)
	summary := f.Front.Summary
	if summary == "" {
		summary = doc.FirstParagraph()
	}
	return doc, summary
}

// BodyDiagnostics returns what ParseSchool found in the school.
func (sch *School) BodyDiagnostics() (content.Diagnostics, []SiteLink) {
	return sch.bodyDiags, sch.bodyLinks
}

func (b *builder) plan(sch *School, d *content.SchoolDir) *ActionPlan {
	p := d.Path("action-plan.yaml")
	src := d.Plan
	plan := &ActionPlan{Updated: src.Updated}
	if src.PlanURL != "" {
		plan.PlanURL = b.resolveField(p, src.PlanURL, src.At("plan_url"))
	}
	areas := map[string]content.Area{}
	var ids []string
	if sch.Latest != nil {
		for _, a := range sch.Latest.Areas {
			areas[a.ID] = a
			ids = append(ids, a.ID)
		}
	}
	for i := range src.Areas {
		a := &src.Areas[i]
		area, ok := areas[a.For]
		if !ok && a.For != "" {
			msg := "`for` is %q, which is not an area for improvement of the latest inspection in school.yaml"
			if len(ids) > 0 {
				msg += "; write one of: " + strings.Join(ids, ", ")
			} else {
				msg += "; add `areas_for_improvement` with ids to that inspection first"
			}
			b.ds.Errorf(p, a.At("for"), msg, a.For)
		}
		pa := &PlanArea{ID: a.For, Title: a.Title, Text: area.Text}
		if pa.Title == "" {
			pa.Title = area.Text
		}
		if pa.Title == "" {
			pa.Title = a.For
		}
		for _, ac := range a.Actions {
			overdue := !ac.By.IsZero() && ac.By.Before(b.s.Today.Time) && ac.Status != "done"
			pa.Actions = append(pa.Actions, &Action{Action: ac, Overdue: overdue})
		}
		for j := range a.Measures {
			pa.Measures = append(pa.Measures, &a.Measures[j])
		}
		plan.Areas = append(plan.Areas, pa)
	}
	return plan
}

// Shed drops the school's model once its pages are written, for a build
// that will not render from it again, the site-wide pages included: a site
// of thousands of schools then never holds them all until the last is
// written. What the end of a build reads stays: the slug, Info's name, the
// links and problems found in its Markdown (BodyDiagnostics) and Deps.
func (sch *School) Shed() {
	// Links from schools rendered later still find its updates (the
	// builder's map of them), by slug and school only.
	for _, u := range sch.Updates {
		u.Title, u.Summary, u.Author, u.Body, u.file = "", "", "", nil, nil
	}
	sch.Inspections, sch.Latest, sch.Timeline, sch.GiveViews = nil, nil, nil, nil
	sch.Plan, sch.Meetings, sch.Views, sch.Updates, sch.Files = nil, nil, nil, nil, nil
	if sch.Info != nil {
		sch.Info = &content.School{Name: sch.Info.Name}
	}
}

// ForgetPositions drops the field positions the model's copies of the
// action plan's actions hold (see content.SchoolDir.ForgetPositions), once
// every check that reports them has run.
func (sch *School) ForgetPositions() {
	if sch.Plan == nil {
		return
	}
	for _, a := range sch.Plan.Areas {
		for _, act := range a.Actions {
			act.Fields = nil
		}
	}
}
