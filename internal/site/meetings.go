package site

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/civil"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/markdown"
)

// Meeting is one entry of meetings.yaml with its dates worked out.
type Meeting struct {
	*content.Meeting
	ID          string // the `id`, else a slug of the title and start date
	School      *Listing
	AllDay      bool
	Start, End  time.Time     // the first occurrence, in the site's zone (all-day: midnight; End exclusive)
	Description *markdown.Doc // nil in a Listing's copy
	// DescriptionText is the description as plain text, for calendars.
	DescriptionText string
	Occurrences     []Occurrence // every date it happens, `except` dates removed
	Every           int          // repeat interval; 0 if it does not repeat
	Unit            string       // "day", "week" or "month"
	Until           content.Date // last date it may repeat on, if given
	Count           int          // number of occurrences per the rule, if given
	Except          []time.Time  // starts of the occurrences that do not happen
	// Sequence is the calendar SEQUENCE: it grows whenever the meeting's
	// published details change (see Config.Sequence).
	Sequence int
}

// Occurrence is one time a meeting happens.
type Occurrence struct {
	Start, End time.Time
}

// Limits on how many times meetings happen, counting every repeat. A rule
// that would generate more than maxOccurrences is almost certainly a
// mistake (every 1 day for ten years); a school's meetings happen a few
// hundred times a year at most. Without them a meetings.yaml of 15,000
// daily meetings took 12.7 s and 1 GB.
const (
	maxOccurrences       = 1000      // of one meeting
	maxSchoolOccurrences = 5000      // of one school's meetings.yaml
	maxSiteOccurrences   = 1_000_000 // of the whole site
)

// lastYear is the last year a meeting may happen in: calendars write
// years with four digits.
const lastYear = 9999

// URL is the meeting's "add to my calendar" file.
func (m *Meeting) URL() string { return m.School.URL() + "meetings/" + m.ID + ".ics" }

// Anchor is the meeting's id on the meetings page.
func (m *Meeting) Anchor() string { return "meeting-" + m.ID }

// PageURL is where the meeting is shown.
func (m *Meeting) PageURL() string { return m.School.URL() + "meetings/#" + m.Anchor() }

// Cancelled reports whether the meeting is cancelled.
func (m *Meeting) Cancelled() bool { return m.Status == "cancelled" }

// Next returns the first occurrence that has not yet ended at now.
func (m *Meeting) Next(now time.Time) (Occurrence, bool) {
	for _, o := range m.Occurrences {
		if o.End.After(now) {
			return o, true
		}
	}
	return Occurrence{}, false
}

// Last is the final occurrence.
func (m *Meeting) Last() Occurrence {
	if len(m.Occurrences) == 0 {
		return Occurrence{Start: m.Start, End: m.End}
	}
	return m.Occurrences[len(m.Occurrences)-1]
}

// MeetingID is a meeting's id: its `id`, else a slug of its title and
// first date ("focus-group-2026-11-26").
func MeetingID(m *content.Meeting) string {
	if m.ID != "" {
		return m.ID
	}
	return Slugify(m.Title) + "-" + m.Start.Format(time.DateOnly)
}

// Details is what a meeting publishes in a calendar, as one string: when it
// changes, calendar clients must be told (SEQUENCE).
func Details(m *content.Meeting) string {
	r := ""
	if m.Repeat != nil {
		r = fmt.Sprintf("%s|%s|%d|%v", m.Repeat.Every, m.Repeat.Until, m.Repeat.Count, m.Repeat.Except)
	}
	return strings.Join([]string{m.Title, m.Kind, m.Start.Format(time.RFC3339), fmt.Sprint(m.Start.DateOnly),
		m.End.Format(time.RFC3339), r, m.Location, m.Online, m.Audience, m.OpenTo, m.Access, m.Status, m.Description}, "\x00")
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

// Slugify makes a URL name from a title: "Focus group: maths!" -> "focus-group-maths".
func Slugify(s string) string {
	return strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(asciiFold(s)), "-"), "-")
}

// asciiFold replaces common accented letters (Welsh, Polish, French) with
// their plain letter so that slugs stay readable.
func asciiFold(s string) string { return foldReplacer.Replace(s) }

var foldReplacer = strings.NewReplacer(
	"â", "a", "ê", "e", "î", "i", "ô", "o", "û", "u", "ŵ", "w", "ŷ", "y",
	"á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "à", "a", "è", "e",
	"ä", "a", "ë", "e", "ï", "i", "ö", "o", "ü", "u", "ÿ", "y",
	"ą", "a", "ć", "c", "ę", "e", "ł", "l", "ń", "n", "ś", "s", "ź", "z", "ż", "z",
	"Â", "a", "Ê", "e", "Î", "i", "Ô", "o", "Û", "u", "Ŵ", "w", "Ŷ", "y",
	"Ł", "l", "Ś", "s", "Ż", "z", "Ź", "z", "Ć", "c", "ç", "c", "ñ", "n", "&", " and ",
)

func (b *builder) meetings(sch *School, d *content.SchoolDir) []*Meeting {
	p := d.Path("meetings.yaml")
	var out []*Meeting
	ids := map[string]bool{}
	total := 0
	for i := range d.Meetings {
		src := &d.Meetings[i]
		if src.Start.IsZero() {
			continue // reported by content
		}
		if src.Draft && !b.s.cfg.Drafts {
			b.draftMeeting(sch, p, src)
			continue
		}
		m := b.meeting(sch, p, src)
		if ids[m.ID] {
			b.ds.Errorf(p, src.Pos, "two meetings would have the calendar id %q; give one of them its own `id:` (lower-case words joined by hyphens)", m.ID)
		}
		ids[m.ID] = true
		if total <= maxSchoolOccurrences {
			b.occurrences(p, m)
			b.checkYears(p, m)
		} else {
			m.Occurrences = []Occurrence{{Start: m.Start, End: m.End}} // the file is refused
		}
		total += len(m.Occurrences)
		if total > maxSchoolOccurrences && total-len(m.Occurrences) <= maxSchoolOccurrences {
			b.ds.Errorf(p, src.Pos, "the meetings in this file happen more than %d times in all, counting every repeat, more than any school holds; check `every`, `until` and `count`, or remove meetings that are over", maxSchoolOccurrences)
		}
		out = append(out, m)
	}
	slices.SortStableFunc(out, func(a, b *Meeting) int { return a.Start.Compare(b.Start) })
	return out
}

// draftMeeting checks a meeting that this build leaves out as a draft, as
// a published one is checked; what is wrong with it is a warning until it
// is published.
func (b *builder) draftMeeting(sch *School, p string, src *content.Meeting) {
	check := b.s.builder()
	m := check.meeting(sch, p, src)
	check.occurrences(p, m)
	check.checkYears(p, m)
	if src.Description != "" {
		check.markdown(p, []byte(src.Description), src.At("description"), true)
	}
	for _, diag := range check.ds {
		diag.Warning = true
		diag.Msg += " (this is a draft meeting, so it is a warning until it is published)"
		b.ds = append(b.ds, diag)
	}
}

// meeting models one meeting of a school: its id and times; the caller
// works out its occurrences, within the school's bound.
func (b *builder) meeting(sch *School, p string, src *content.Meeting) *Meeting {
	loc := b.s.Location
	m := &Meeting{Meeting: src, School: sch.Listing, AllDay: src.Start.DateOnly}
	m.ID = MeetingID(src)
	if seq := b.s.cfg.Sequence; seq != nil {
		m.Sequence = seq(sch.Dir, m.ID, Details(src))
	}
	m.Start = wall(src.Start.Time, loc)
	switch {
	case m.AllDay && !src.End.IsZero():
		m.End = wall(src.End.Time, loc).AddDate(0, 0, 1)
	case m.AllDay:
		m.End = m.Start.AddDate(0, 0, 1)
	case !src.End.IsZero():
		m.End = wall(src.End.Time, loc)
	default:
		m.End = m.Start.Add(time.Hour)
	}
	if src.Description != "" {
		// The calendar needs the text; the page parses it again with its links.
		m.DescriptionText = b.s.md.ParseUnder([]byte(src.Description), 3).Text()
	}
	return m
}

// CheckOccurrences reports the school whose meetings take the site's
// past the limit of occurrences (a million), counting the schools in the
// order given (of their folders), so that the same school is named however
// the work was shared.
func CheckOccurrences(schools []*Listing) content.Diagnostics {
	return checkOccurrences(schools, maxSiteOccurrences)
}

func checkOccurrences(schools []*Listing, limit int) content.Diagnostics {
	var ds content.Diagnostics
	total := 0
	for _, sch := range schools {
		for _, m := range sch.Meetings {
			total += len(m.Occurrences)
		}
		if total > limit {
			ds.Errorf("schools/"+sch.Slug+"/meetings.yaml", content.Pos{}, "with this file, the meetings of the whole site happen more than %d times, counting every repeat, more than any site holds; check `every`, `until` and `count` in the schools' meetings.yaml files, or remove meetings that are over", limit)
			break
		}
	}
	return ds
}

// checkYears reports a meeting that happens outside the years 1 to 9999
// (in the site's zone), which no calendar can hold.
func (b *builder) checkYears(p string, m *Meeting) {
	if len(m.Occurrences) == 0 {
		return
	}
	first, last := m.Occurrences[0].Start, m.Last().End
	if first.Year() >= 1 && last.Year() <= lastYear {
		return
	}
	at := m.At("start")
	if m.Repeat != nil && first.Year() >= 1 {
		at = m.Repeat.Pos
	}
	b.ds.Errorf(p, at, "this meeting happens outside the years 1 to %d (from %s to %s), which calendars cannot hold; check `start`, `end` and `repeat`", lastYear, first.Format("2006-01-02 15:04"), last.Format("2006-01-02 15:04"))
}

// wall interprets a wall-clock time held as UTC in loc.
func wall(t time.Time, loc *time.Location) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, loc)
}

// occurrences expands the repeat rule as RFC 5545 does: COUNT counts the
// generated dates before exceptions are removed, and a monthly repeat skips
// months without that day (the 31st).
func (b *builder) occurrences(p string, m *Meeting) {
	src := m.Meeting
	first := src.Start.Time
	// The length of an occurrence in wall-clock terms, so that it keeps its
	// clock times across a change to or from summer time.
	endWall := src.End.Time
	switch {
	case m.AllDay:
		endWall = m.End
		endWall = time.Date(endWall.Year(), endWall.Month(), endWall.Day(), 0, 0, 0, 0, time.UTC)
	case src.End.IsZero():
		endWall = first.Add(time.Hour)
	}
	span := endWall.Sub(first)
	at := func(start time.Time) Occurrence {
		return Occurrence{Start: wall(start, b.s.Location), End: wall(start.Add(span), b.s.Location)}
	}
	r := src.Repeat
	if r == nil {
		m.Occurrences = []Occurrence{at(first)}
		return
	}
	n, unit, ok := content.ParseEvery(r.Every)
	if !ok || n < 1 || (r.Until.IsZero() && r.Count < 1) {
		m.Occurrences = []Occurrence{at(first)}
		return // reported by content
	}
	m.Every, m.Unit, m.Until, m.Count = n, unit, r.Until, r.Count
	var starts []time.Time
expand:
	for i := 0; ; i++ {
		var t time.Time
		switch unit {
		case "day":
			t = first.AddDate(0, 0, i*n)
		case "week":
			t = first.AddDate(0, 0, 7*i*n)
		case "month":
			t = first.AddDate(0, i*n, 0)
			if t.Day() != first.Day() {
				if i > maxOccurrences*12 {
					break expand
				}
				continue // no such day this month
			}
		}
		if !r.Until.IsZero() && civil.Date(t).After(r.Until.Time) {
			break expand
		}
		if r.Count > 0 && len(starts) == r.Count {
			break expand
		}
		if len(starts) == maxOccurrences {
			b.ds.Errorf(p, r.Pos, "this repeat rule makes more than %d meetings; check `every` and `until` or `count`", maxOccurrences)
			break expand
		}
		starts = append(starts, t)
	}
	for _, x := range r.Except {
		i := slices.IndexFunc(starts, func(t time.Time) bool { return civil.Date(t).Equal(x.Time) })
		if i < 0 {
			b.ds.Errorf(p, r.At("except"), "`except` lists %s, which is not one of the dates this meeting repeats on; list only dates it would otherwise happen", x)
			continue
		}
		m.Except = append(m.Except, wall(starts[i], b.s.Location))
		starts = slices.Delete(starts, i, i+1)
	}
	slices.SortFunc(m.Except, func(a, b time.Time) int { return a.Compare(b) })
	for _, t := range starts {
		m.Occurrences = append(m.Occurrences, at(t))
	}
}

// Upcoming returns the meetings of the school with an occurrence that has
// not ended at now, each with that next occurrence, soonest first.
func (s *School) Upcoming(now time.Time) []MeetingAt { return upcoming(s.Meetings, now) }

func upcoming(meetings []*Meeting, now time.Time) []MeetingAt {
	var out []MeetingAt
	for _, m := range meetings {
		if o, ok := m.Next(now); ok {
			out = append(out, MeetingAt{Meeting: m, At: o})
		}
	}
	slices.SortStableFunc(out, func(a, b MeetingAt) int { return a.At.Start.Compare(b.At.Start) })
	return out
}

// UpcomingOpen returns the upcoming meetings (as Upcoming) that any parent
// or carer may come to and that are not cancelled: the meetings to
// advertise to parents. A members-only meeting, such as the School Review
// Group, is never among them.
func (s *School) UpcomingOpen(now time.Time) []MeetingAt { return upcomingOpen(s.Meetings, now) }

// NextOpen returns the next meeting any parent or carer may come to (see
// UpcomingOpen), or nil if none is planned.
func (s *School) NextOpen(now time.Time) *MeetingAt { return first(upcomingOpen(s.Meetings, now)) }

func upcomingOpen(meetings []*Meeting, now time.Time) []MeetingAt {
	var out []MeetingAt
	for _, m := range upcoming(meetings, now) {
		if m.Meeting.OpenToAll() && !m.Meeting.Cancelled() {
			out = append(out, m)
		}
	}
	return out
}

func first(ms []MeetingAt) *MeetingAt {
	if len(ms) == 0 {
		return nil
	}
	return &ms[0]
}

// Past returns the meetings whose last occurrence has ended, latest first.
func (s *School) Past(now time.Time) []MeetingAt {
	var out []MeetingAt
	for _, m := range s.Meetings {
		if _, ok := m.Next(now); !ok {
			out = append(out, MeetingAt{Meeting: m, At: m.Last()})
		}
	}
	slices.SortStableFunc(out, func(a, b MeetingAt) int { return b.At.Start.Compare(a.At.Start) })
	return out
}

// MeetingAt is a meeting at one of its occurrences.
type MeetingAt struct {
	Meeting *Meeting
	At      Occurrence
}
