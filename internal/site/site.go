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
	"io/fs"
	"maps"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/civil"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/markdown"
)

// Config says what a build publishes.
type Config struct {
	// Now gives "today": what is upcoming, what is overdue, what is held
	// back. Only its date counts: the site is built as at the start of that
	// day in the site's timezone, so that a build is the same all day.
	Now time.Time
	// Sequence gives a meeting's calendar SEQUENCE from the history of the
	// school's meetings.yaml (dir is the school's folder, details what the
	// meeting publishes: see Details). Nil leaves every SEQUENCE 0.
	Sequence func(dir, id, details string) int
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
	// EmailAlerts is site.yaml's email_alerts: the address of a sign-up
	// page for email alerts, with {slug} and {feed} to fill in; "" if none.
	EmailAlerts string
	Pages       []*Page
	// Safeguarding is who to call about a child's safety; nil if
	// site.yaml gives no one.
	Safeguarding *content.Safeguarding
	// Admin says the site publishes the editor at /admin/ (package cms).
	Admin bool
	// SiteLinks are the links of the site-wide pages written as site paths
	// ("/schools/..."), to be checked against the built site.
	SiteLinks []SiteLink
	// Preview is set when drafts or future updates are included.
	Preview bool
	// Held lists what this build leaves out (see Held), sorted by path.
	Held []Held
	// Languages are the site's other languages (site.yaml's
	// `languages:`), in the order the switcher lists them.
	Languages []content.Language
	// Lang is the language of a copy of the site (see In): one of
	// Languages' codes, or "" for the main language.
	Lang string

	cfg   Config
	md    *markdown.Parser
	index *index
	// langPages are the pages in each other language, by code; english
	// the text each leaves in English.
	langPages map[string][]*Page
	english   *englishText
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
	// Lang is, in a copy of the site in another language, the main
	// language for a page that has no translation into it (shown in
	// English); "" for a translated page and in the main language.
	Lang string
	// Translation is the translation's file (pages/<slug>.<code>.md) in
	// a translated page; "" otherwise.
	Translation string
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
	// Image is school.yaml's image as the site publishes it (a site path,
	// or a web address), for a link's preview; "" if none.
	Image string
	// ListsParentView says a way to give views in GiveViews already links
	// to Ofsted Parent View, so the page need not add it again.
	ListsParentView bool
	// ComplaintsURL is the school's complaints procedure: a site path or
	// a web address; "" if school.yaml gives none.
	ComplaintsURL string
	// Listing is what the site-wide pages show of the school.
	Listing *Listing
	// Lang is the language of a copy of the school in another language
	// (see In); "" for the main language.
	Lang      string
	viewsFile bool
	langs     map[string]*School // the copies in the other languages, by code
	english   *englishText       // in a copy: the text left in English
	mainLang  string
}

// URL is the school's overview path; sub-pages are URL()+"inspection/" etc.
func (s *School) URL() string { return "/schools/" + s.Slug + "/" }

// HasPlan and HasViews say whether those pages exist.
func (s *School) HasPlan() bool  { return s.Plan != nil }
func (s *School) HasViews() bool { return len(s.Views) > 0 || s.viewsFile }

// File is a file of a school's files/ folder.
type File struct {
	Source string // content path
	// URL is the site path it is published at as it is; "" for a photo,
	// which is published only in the sizes of its Image.
	URL string
	// Image is the picture's size, and a photo's published sizes; nil for
	// a file that is not a picture, or whose size cannot be read.
	Image *Image
}

// Inspection is one inspection, with its Markdown parsed.
type Inspection struct {
	*content.Inspection
	Summary *markdown.Doc
	Outcome *markdown.Doc
}

// FW is the inspection's framework: its grade words and what it judges.
func (in *Inspection) FW() content.Framework {
	fw, _ := content.FrameworkByKey(in.Framework)
	return fw
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
type Update struct {
	Slug, Title, Author string
	// Summary is the front matter's summary, else the body's first paragraph.
	Summary       string
	Date          content.Date
	Draft, Future bool
	Body          *markdown.Doc // nil in a Listing's copy
	Source        string
	School        *Listing
	// Lang is, in a copy of the school in another language, the main
	// language's tag for an update that has no translation into it: it
	// is listed in English and links to the English page. "" for a
	// translated update, and in the main language.
	Lang string
	// Translation is the translation's file in a translated update; ""
	// otherwise.
	Translation string

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

// New models the site-wide part of c (site.yaml and pages) and decides,
// for every school folder, what it publishes: which schools and
// updates are drafts or dated after today. Each school is then modelled
// on its own by Site.School, which checks links against that decision.
// The returned Site keeps no school folder: a build can let each go once
// its school is modelled.
func New(c *content.Content, schools []*Entry, cfg Config) (*Site, content.Diagnostics) {
	s := newSite(c.Site, cfg)
	s.decide(c, schools)
	b := s.builder()
	b.sameNames(schools)
	for _, p := range c.Pages {
		if p.Front.Draft && !cfg.Drafts {
			continue
		}
		s.Pages = append(s.Pages, &Page{Slug: p.Slug, Title: p.Front.Title, Summary: p.Front.Summary,
			Menu: p.Front.Menu, Weight: p.Front.Weight, Draft: p.Front.Draft, Source: p.Path,
			Body: b.markdown(p.Path, p.Body, content.Pos{Line: p.BodyLine, Col: 1}, false)})
	}
	slices.SortFunc(s.Pages, func(a, b *Page) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Title, b.Title), strings.Compare(a.Slug, b.Slug))
	})
	b.translatePages(c)
	s.SiteLinks = b.siteLinks
	return s, b.ds.Sort()
}

// Today returns the start of the day, in the site's timezone (site.yaml's
// timezone), that a build made at now is made as at: now's date in that
// zone, or with nowIsDate (a build with --now) now's date as written. A
// build is then the same all day.
func Today(now time.Time, nowIsDate bool, timezone string) time.Time {
	return startOfDay(now, nowIsDate, location(timezone))
}

func startOfDay(now time.Time, nowIsDate bool, loc *time.Location) time.Time {
	if !nowIsDate {
		now = now.In(loc)
	}
	y, m, d := now.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// location returns the named timezone, or UTC if it has none (package
// content reports the name).
func location(timezone string) *time.Location {
	loc, err := time.LoadLocation(timezone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// newSite makes the site-wide model of site.yaml, with today's date.
func newSite(sc content.SiteConfig, cfg Config) *Site {
	loc := location(sc.Timezone)
	cfg.Now = startOfDay(cfg.Now, cfg.NowIsDate, loc)
	s := &Site{
		Title: sc.Title, Description: sc.Description, Language: sc.Language,
		Location: loc, Timezone: sc.Timezone, Now: cfg.Now, Today: content.Date{Time: civil.Date(cfg.Now)},
		Organisation: sc.Organisation, Safeguarding: sc.Safeguarding, UnsafeHTML: sc.UnsafeHTML, Theme: sc.Theme, EmailAlerts: sc.EmailAlerts,
		Admin: sc.AdminOn(), Languages: sc.Languages,
		Preview: cfg.Drafts || cfg.Future, cfg: cfg, md: markdown.NewParser(),
	}
	s.BaseURL, _ = url.Parse(sc.BaseURL)
	if s.BaseURL == nil {
		s.BaseURL = &url.URL{Scheme: "https", Host: "example.org", Path: "/"}
	}
	s.BasePath = s.BaseURL.Path
	if !strings.HasSuffix(s.BasePath, "/") {
		s.BasePath += "/"
	}
	return s
}

// sameNames warns about schools that share a name (in any case and
// spacing): the list of schools, feeds and calendars name a school by its
// name alone, so parents could not tell them apart, and a copied folder
// left unchanged is a likely mistake.
func (b *builder) sameNames(schools []*Entry) {
	byName := map[string][]*Entry{}
	var names []string
	for _, d := range schools {
		key := strings.ToLower(strings.Join(strings.Fields(d.Name), " "))
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
					others = append(others, o.Dir+"/school.yaml")
				}
			}
			if n := len(same) - 1 - len(others); n > 0 {
				others = append(others, fmt.Sprintf("%d more", n))
			}
			b.ds.Warnf(d.Dir+"/school.yaml", d.NameAt, "%d schools are called %q (also %s); parents could not tell them apart in the list of schools: add the place to the name, such as %q", len(same), d.Name, strings.Join(others, ", "), strings.TrimSpace(d.Name)+", Plympton")
		}
	}
}

// heldBack says why an update is not published in this build, or "".
func (s *Site) heldBack(f EntryUpdate) string {
	switch date := f.Date; {
	case f.Draft && !s.cfg.Drafts:
		return "a draft update"
	case date.After(s.Today.Time) && !s.cfg.Future:
		return "an update dated after today (" + date.String() + "), which is held back until then"
	}
	return ""
}

// index is what the site publishes, for checking links between files
// without holding the files' contents.
type index struct {
	fs        fs.FS           // the content folder, to read updates' bodies again
	sitePaths map[string]bool // site.yaml and pages/
	schools   map[string]schoolIndex
	published map[string]string // content path of a published update -> its site path
	pages     map[string]bool   // the site paths of the published updates
	hidden    map[string]string // content path of an unpublished update, page or school -> why
}

type schoolIndex struct {
	paths map[string]bool // every file of the school's folder
	plan  bool            // it has an action plan
}

// exists reports whether the content folder has the regular file p.
func (ix *index) exists(p string) bool {
	if rest, ok := strings.CutPrefix(p, "schools/"); ok {
		slug, _, _ := strings.Cut(rest, "/")
		return ix.schools[slug].paths[p]
	}
	return ix.sitePaths[p]
}

// builder collects what modelling one part of the site finds.
type builder struct {
	s  *Site
	ds content.Diagnostics
	// siteLinks collects links to site paths, for CheckSiteLinks.
	siteLinks []SiteLink
	// deps collects the other schools that links lead to.
	deps map[string]bool
	// images holds the pictures read, by content path (nil: not a picture
	// whose size could be read).
	images map[string]*Image
}

func (s *Site) builder() *builder { return &builder{s: s, deps: map[string]bool{}} }

// Findings is what modelling a school found besides the model: problems,
// links to site paths to check once the whole site is known, and the other
// schools its links lead to (whose changes must check them again).
type Findings struct {
	Diagnostics content.Diagnostics
	Links       []SiteLink
	Deps        []string
}

// School models and checks one school: every rule that spans its files,
// and its Markdown (updates, inspections' summaries, meetings'
// descriptions, ways to give views), parsed with its links resolved. The
// school returned is complete and never changed after.
func (s *Site) School(d *content.SchoolDir) (*School, Findings) {
	b := s.builder()
	sch := &School{Slug: d.Slug, Dir: d.Dir, Info: &d.School, Draft: d.School.Draft, viewsFile: d.Paths[d.Path("views.yaml")]}
	sch.Listing = &Listing{Slug: d.Slug, Name: d.School.Name, Draft: d.School.Draft,
		Phase: d.School.Phase, LocalAuthority: d.School.LocalAuthority, mainLang: s.Language}
	sch.mainLang = s.Language
	b.school(sch, d)
	b.parse(sch, d)
	sch.Listing.fill(sch, b.s.Today)
	b.translate(sch, d)
	b.staleWarning(sch)
	deps := slices.Sorted(maps.Keys(b.deps))
	return sch, Findings{Diagnostics: b.ds.Sort(), Links: b.siteLinks, Deps: deps}
}

// staleWarning tells the PSA when the school's pages have gone without an
// update for so long that they tell parents and carers they may be out of
// date, and what would bring them up to date.
func (b *builder) staleWarning(sch *School) {
	if !sch.Listing.Stale {
		return
	}
	_, from := lastUpdated(sch, b.s.Today)
	fix := "post an update in " + sch.Dir + "/updates/"
	if sch.Plan != nil {
		fix += ", or change `updated:` in action-plan.yaml when the plan changes"
	}
	b.ds.Warnf(sch.Dir+"/school.yaml", content.Pos{},
		"nothing on this school's pages is dated after %s (%s), more than %d months before today (%s), so the pages tell parents and carers that they may be out of date; %s",
		sch.Listing.Updated, from, StaleAfterMonths, b.s.Today, fix)
}

// Hidden reports whether the school folder dir is left out of this build
// (a draft school, without drafts).
func (s *Site) Hidden(dir string) bool {
	_, ok := s.index.hidden[dir]
	return ok
}

func (b *builder) school(sch *School, d *content.SchoolDir) {
	info := &d.School
	yamlPath := d.Path("school.yaml")
	for i := range info.Inspections {
		in := &info.Inspections[i]
		sch.Inspections = append(sch.Inspections, &Inspection{Inspection: in})
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
	sizes := map[string]string{} // a published size's site path -> its photo
	for _, f := range d.Files {
		file := b.file(f)
		if other, clash := sameSizes(file, sizes); clash {
			b.ds.Errorf(f, content.Pos{}, "this picture would be published at the same address as %s (a WebP photo is published as .jpg or .png); rename one of them", other)
			continue
		}
		sch.Files = append(sch.Files, file)
	}
	if d.Plan != nil {
		sch.Plan = b.plan(sch, d)
	}
	sch.Meetings = b.meetings(sch, d)
	for i := range d.Views {
		sch.Views = append(sch.Views, &d.Views[i])
	}
	slices.SortStableFunc(sch.Views, func(a, b *content.ViewsGathering) int { return b.Gathered.Compare(a.Gathered.Time) })
	for _, f := range d.Updates {
		if _, held := b.s.index.hidden[f.Path]; !held {
			u := &Update{Slug: f.Slug, Title: f.Front.Title, Summary: f.Front.Summary, Author: f.Front.Author,
				Date: f.Date(), Draft: f.Front.Draft, Source: f.Path, School: sch.Listing, file: f}
			u.Future = u.Date.After(b.s.Today.Time)
			sch.Updates = append(sch.Updates, u)
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

// parse parses the school's Markdown, resolving its links. Updates held
// back (drafts, future dates) are checked too, so that one does not break
// the build on the day it is published; what is wrong with them is a
// warning until then.
func (b *builder) parse(sch *School, d *content.SchoolDir) {
	yamlPath := sch.Dir + "/school.yaml"
	for _, in := range sch.Inspections {
		if in.Inspection.Summary != "" {
			in.Summary = b.markdown(yamlPath, []byte(in.Inspection.Summary), in.At("summary"), true)
		}
		if in.Inspection.Outcome != "" {
			in.Outcome = b.markdown(yamlPath, []byte(in.Inspection.Outcome), in.At("outcome"), true)
		}
	}
	if sch.Info.Image != "" {
		sch.Image = b.resolveField(yamlPath, sch.Info.Image, sch.Info.At("image"))
	}
	for i, g := range sch.Info.GiveViews {
		pos := sch.Info.At("give_views")
		pos.Line += i + 1
		doc := b.markdown(yamlPath, []byte(g), pos, false)
		sch.GiveViews = append(sch.GiveViews, doc)
		sch.ListsParentView = sch.ListsParentView || linksToParentView(doc)
	}
	if u := sch.Info.ComplaintsURL; u != "" {
		sch.ComplaintsURL = b.resolveField(yamlPath, u, sch.Info.At("complaints_url"))
	}
	for _, m := range sch.Meetings {
		if m.Meeting.Description != "" {
			m.Description = b.markdown(sch.Dir+"/meetings.yaml", []byte(m.Meeting.Description), m.At("description"), true)
		}
	}
	for _, f := range d.Updates {
		why, held := b.s.index.hidden[f.Path]
		if !held {
			continue
		}
		check := &builder{s: b.s}
		check.updateBody(f)
		for _, diag := range check.ds {
			diag.Warning = true
			diag.Msg += " (this is " + why + ", so it is a warning until it is published)"
			b.ds = append(b.ds, diag)
		}
	}
	for _, u := range sch.Updates {
		u.Body = b.updateBody(u.file)
		if u.Summary == "" {
			u.Summary = u.Body.FirstParagraph()
		}
	}
}

// parentView is the host of Ofsted Parent View, Ofsted's questionnaire for
// parents, which every school's page offers.
const parentView = "parentview.ofsted.gov.uk"

// linksToParentView reports whether a Markdown text links to Ofsted Parent
// View.
func linksToParentView(d *markdown.Doc) bool {
	for _, l := range d.Links() {
		if u, err := url.Parse(l.Dest); err == nil && strings.EqualFold(u.Hostname(), parentView) {
			return true
		}
	}
	return false
}

// updateBody reads and parses an update's body.
func (b *builder) updateBody(f *content.UpdateFile) *markdown.Doc {
	src, line, err := f.ReadBody(b.s.index.fs)
	if err != nil {
		b.ds.Errorf(f.Path, content.Pos{}, "cannot read this update again: %v", err)
		return b.s.md.Parse(nil)
	}
	return b.markdown(f.Path, src, content.Pos{Line: line, Col: 1}, false)
}

// UpdateBody reads and parses one update's body again, for a page that
// shows updates of many schools (the site's feed): it returns the body and
// the update's summary.
func (s *Site) UpdateBody(u *Update) (*markdown.Doc, string) {
	b := s.builder()
	doc := b.updateBody(u.file)
	summary := u.file.Front.Summary
	if summary == "" {
		summary = doc.FirstParagraph()
	}
	return doc, summary
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

// Model models a whole site at once, every school with its findings
// merged into the diagnostics: for tests and tools that hold a small site
// whole. A build models one school at a time (New, then School).
func Model(c *content.Content, cfg Config) (*Site, []*School, content.Diagnostics) {
	entries := make([]*Entry, len(c.Schools))
	for i, d := range c.Schools {
		entries[i] = NewEntry(d)
	}
	s, ds := New(c, entries, cfg)
	var schools []*School
	for _, d := range c.Schools {
		if s.Hidden(d.Dir) {
			continue
		}
		sch, f := s.School(d)
		schools = append(schools, sch)
		ds = append(ds, f.Diagnostics...)
	}
	slices.SortFunc(schools, func(a, b *School) int {
		return cmp.Or(strings.Compare(a.Info.Name, b.Info.Name), strings.Compare(a.Slug, b.Slug))
	})
	return s, schools, ds.Sort()
}
