package site

import (
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
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
	// Updated is when the school's pages were last updated: the newest
	// date, up to today, of its updates, inspections, action plan and
	// views (see lastUpdated). Stale says it is more than StaleAfterMonths
	// before today, so the pages may be out of date.
	Updated  content.Date
	Stale    bool
	Meetings []*Meeting // as the school's, without the parsed description
	Updates  []*Update  // as the school's, newest first, without the body
	// Paths are the files the school's pages publish, as output paths
	// ("schools/<slug>/index.html"), sorted.
	Paths    []string
	pathsKey string
	// Lang is the language of a copy (see In); "" for the main language.
	Lang     string
	langs    map[string]*Listing // the copies in the site's other languages, by code
	mainLang string
}

// PathsKey names the listing's Paths (a hash), so that a build can tell
// whether the site's set of files changed without going through them.
func (l *Listing) PathsKey() string { return l.pathsKey }

// URL is the school's overview path.
func (l *Listing) URL() string { return "/schools/" + l.Slug + "/" }

// Upcoming returns the school's meetings with an occurrence that has not
// ended at now, each with that next occurrence, soonest first.
func (l *Listing) Upcoming(now time.Time) []MeetingAt { return upcoming(l.Meetings, now) }

// NextOpen returns the school's next meeting that any parent or carer may
// come to, not cancelled, or nil: the meeting to advertise (a members-only
// meeting, such as the School Review Group, never is).
func (l *Listing) NextOpen(now time.Time) *MeetingAt { return first(upcomingOpen(l.Meetings, now)) }

// fill completes the listing from the school's finished model, as at
// today.
func (l *Listing) fill(sch *School, today content.Date) {
	l.Status = sch.Status
	if sch.Latest != nil {
		l.Inspected = sch.Latest.Start
	}
	l.Updated, _ = lastUpdated(sch, today)
	l.Stale = !l.Updated.IsZero() && l.Updated.Before(today.AddDate(0, -StaleAfterMonths, 0))
	l.Meetings, l.Updates = listingMeetings(sch.Meetings), listingUpdates(sch.Updates)
	l.Paths = sch.outputPaths()
	h := fnv.New64a()
	for _, p := range l.Paths {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	l.pathsKey = strconv.FormatUint(h.Sum64(), 36)
}

// listingMeetings copies a school's meetings for its listing. The copies
// keep nothing of the school's folder as read (where each field was
// written), which the build lets go of.
func listingMeetings(ms []*Meeting) []*Meeting {
	var out []*Meeting
	for _, m := range ms {
		c := *m
		c.Description = nil
		src := *m.Meeting
		src.Meta = content.Meta{}
		if src.Repeat != nil {
			r := *src.Repeat
			r.Meta = content.Meta{}
			src.Repeat = &r
		}
		c.Meeting = &src
		out = append(out, &c)
	}
	return out
}

// listingUpdates copies a school's updates for its listing, without
// their bodies.
func listingUpdates(us []*Update) []*Update {
	var out []*Update
	for _, u := range us {
		c := *u
		c.Body = nil
		f := u.file
		c.file = &content.UpdateFile{Path: f.Path, Slug: f.Slug, FileDate: f.FileDate,
			Front: content.UpdateFront{Title: f.Front.Title, Date: f.Front.Date, Summary: f.Front.Summary}}
		out = append(out, &c)
	}
	return out
}

// outputPaths lists the files the school's pages publish.
func (sch *School) outputPaths() []string {
	base := "schools/" + sch.Slug + "/"
	paths := []string{base + "index.html", base + "inspection/index.html", base + "meetings/index.html",
		base + "updates/index.html", base + "letter/index.html", base + "feed.xml", base + "calendar.ics"}
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
		if f.URL != "" {
			paths = append(paths, f.Source)
		}
		if f.Image != nil {
			for _, s := range f.Image.Sizes {
				paths = append(paths, strings.TrimPrefix(s.URL, "/"))
			}
		}
	}
	slices.Sort(paths)
	return paths
}

// StaleAfterMonths is how long a school's pages may go without an update
// before they tell parents and carers that they may be out of date, and
// the build warns the PSA. A school in a category has a review group every
// six weeks and a newsletter to post: half a year of nothing means the
// pages have been left behind.
const StaleAfterMonths = 6

// lastUpdated returns the newest date, up to today, that the school's
// content gives for something the PSA wrote or recorded (a published
// update, an inspection's days and report, the action plan's "updated"
// and its measures' points, each gathering of views), and what gave it.
// Meetings and milestones are left out: their dates say when something
// will happen, not when the pages were brought up to date. Files are left
// out too: a file's time on disk is when it was checked out, not written.
// The rule reads the content alone, so that a build does not depend on
// the Git history and gives the same answer from a copy of the folder.
func lastUpdated(sch *School, today content.Date) (content.Date, string) {
	var newest content.Date
	var from string
	see := func(d content.Date, what string) {
		if !d.IsZero() && !d.After(today.Time) && d.After(newest.Time) {
			newest, from = d, what
		}
	}
	for _, u := range sch.Updates {
		see(u.Date, "the update "+u.Source)
	}
	for _, in := range sch.Inspections {
		what := "the inspection of " + in.Start.String()
		see(in.Start, what)
		see(in.End, what)
		see(in.Published, "the report of the inspection of "+in.Start.String())
	}
	if p := sch.Plan; p != nil {
		see(p.Updated, "the action plan's `updated`")
		for _, a := range p.Areas {
			for _, m := range a.Measures {
				for _, pt := range m.Points {
					see(pt.Date, "the action plan's figures for "+m.Name)
				}
			}
		}
	}
	for _, v := range sch.Views {
		see(v.Gathered, "the views gathered on "+v.Gathered.String())
	}
	return newest, from
}

// Entry is what the site must know of a school folder before any school is
// modelled: whether it is a draft, which files it has, its updates and
// its meetings, so that links between schools can be checked and what a
// build holds back can be listed. It is small, so that a build (and the
// dev server, between builds) can hold every school's.
type Entry struct {
	Slug, Dir string
	Name      string
	NameAt    content.Pos // where school.yaml gives the name
	Draft     bool
	Plan      bool            // it has an action plan
	Paths     map[string]bool // every file of the folder
	Updates   []EntryUpdate
	Meetings  []EntryMeeting // in the order of meetings.yaml
}

// EntryUpdate is an update as an Entry knows it.
type EntryUpdate struct {
	Path, Slug, Title string
	Date              content.Date
	Draft             bool
}

// EntryMeeting is a meeting as an Entry knows it.
type EntryMeeting struct {
	ID, Title string
	Line      int // where it starts in meetings.yaml
	Draft     bool
}

// NewEntry returns the entry of a school folder.
func NewEntry(d *content.SchoolDir) *Entry {
	e := &Entry{Slug: d.Slug, Dir: d.Dir, Name: d.School.Name, NameAt: d.School.At("name"), Draft: d.School.Draft,
		Plan: d.Plan != nil, Paths: d.Paths}
	for _, f := range d.Updates {
		e.Updates = append(e.Updates, EntryUpdate{Path: f.Path, Slug: f.Slug, Title: f.Front.Title, Date: f.Date(), Draft: f.Front.Draft})
	}
	for i := range d.Meetings {
		m := &d.Meetings[i]
		e.Meetings = append(e.Meetings, EntryMeeting{ID: MeetingID(m), Title: m.Title, Line: m.Pos.Line, Draft: m.Draft})
	}
	return e
}
