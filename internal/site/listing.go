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

// NextOpen returns the school's next meeting that any parent or carer may
// come to, not cancelled, or nil: the meeting to advertise (a members-only
// meeting, such as the School Review Group, never is).
func (l *Listing) NextOpen(now time.Time) *MeetingAt { return first(upcomingOpen(l.Meetings, now)) }

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
// modelled: whether it is a draft, which files it has, and its updates,
// so that links between schools can be checked. It is small, so that a
// build (and the dev server, between builds) can hold every school's.
type Entry struct {
	Slug, Dir string
	Draft     bool
	Plan      bool            // it has an action plan
	Paths     map[string]bool // every file of the folder
	Updates   []*content.UpdateFile
}

// NewEntry returns the entry of a school folder.
func NewEntry(d *content.SchoolDir) *Entry {
	return &Entry{Slug: d.Slug, Dir: d.Dir, Draft: d.School.Draft, Plan: d.Plan != nil, Paths: d.Paths, Updates: d.Updates}
}
