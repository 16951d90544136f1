package site

import (
	"slices"
	"time"

	"github.com/parentpages/parentpages/internal/content"
)

// Listing is a school as the site-wide pages show it (the home page, the
// site's feed and calendar, the sitemap): enough to list it with its
// meetings and updates, without its content or parsed Markdown. A build
// holds every school's listing, but each school's model only while its
// pages are made.
type Listing struct {
	Slug, Name            string
	Draft                 bool
	Phase, LocalAuthority string
	Status                Status
	// Inspected is the first day of the latest full inspection; zero if
	// there is none.
	Inspected content.Date
	Meetings  []*Meeting // as the school's, without the parsed description
	Updates   []*Update  // as the school's, newest first, without the body
	// Paths are the files the school's pages publish, as output paths
	// ("schools/<slug>/index.html"), sorted.
	Paths []string
}

// URL is the school's overview path.
func (l *Listing) URL() string { return "/schools/" + l.Slug + "/" }

// Upcoming returns the school's meetings with an occurrence that has not
// ended at now, each with that next occurrence, soonest first.
func (l *Listing) Upcoming(now time.Time) []MeetingAt { return upcoming(l.Meetings, now) }

// fill completes the listing from the school's finished model.
func (l *Listing) fill(sch *School) {
	l.Status = sch.Status
	if sch.Latest != nil {
		l.Inspected = sch.Latest.Start
	}
	for _, m := range sch.Meetings {
		c := *m
		c.Description = nil
		l.Meetings = append(l.Meetings, &c)
	}
	for _, u := range sch.Updates {
		c := *u
		c.Body = nil
		l.Updates = append(l.Updates, &c)
	}
	l.Paths = sch.outputPaths()
}

// outputPaths lists the files the school's pages publish.
func (sch *School) outputPaths() []string {
	base := "schools/" + sch.Slug + "/"
	paths := []string{base + "index.html", base + "inspection/index.html", base + "meetings/index.html",
		base + "updates/index.html", base + "feed.xml", base + "calendar.ics"}
	if sch.HasPlan() {
		paths = append(paths, base+"action-plan/index.html")
	}
	if sch.HasViews() {
		paths = append(paths, base+"views/index.html")
	}
	for _, u := range sch.Updates {
		paths = append(paths, base+"updates/"+u.Slug+"/index.html")
	}
	for _, m := range sch.Meetings {
		paths = append(paths, base+"meetings/"+m.ID+".ics")
	}
	for _, f := range sch.Files {
		paths = append(paths, f.Source)
	}
	slices.Sort(paths)
	return paths
}

// Entry is what the site must know of a school folder before any school is
// modelled: whether it is a draft, which files it has, its updates and
// its meetings, so that links between schools can be checked and what a
// build holds back can be listed. It is small, so that a build (and the
// dev server, between builds) can hold every school's.
type Entry struct {
	Slug, Dir string
	Name      string // the school's name
	Draft     bool
	Plan      bool            // it has an action plan
	Paths     map[string]bool // every file of the folder
	Updates   []*content.UpdateFile
	Meetings  []EntryMeeting // in the order of meetings.yaml
}

// EntryMeeting is a meeting as an Entry knows it.
type EntryMeeting struct {
	ID, Title string
	Line      int // where it starts in meetings.yaml
	Draft     bool
}

// NewEntry returns the entry of a school folder.
func NewEntry(d *content.SchoolDir) *Entry {
	e := &Entry{Slug: d.Slug, Dir: d.Dir, Name: d.School.Name, Draft: d.School.Draft, Plan: d.Plan != nil, Paths: d.Paths, Updates: d.Updates}
	for i := range d.Meetings {
		m := &d.Meetings[i]
		e.Meetings = append(e.Meetings, EntryMeeting{ID: MeetingID(m), Title: m.Title, Line: m.Pos.Line, Draft: m.Draft})
	}
	return e
}
