// Package ical writes iCalendar files (RFC 5545, with the calendar
// properties of RFC 7986) that people subscribe to or import: Google, Apple
// and Outlook calendars, and strict parsers such as ical.js, Python's
// icalendar and Sabre VObject.
//
// Times are the site's wall-clock times: a timed event is written with a
// TZID and a VTIMEZONE derived from the Go *time.Location, so that a
// meeting at 16:00 stays at 16:00 across a clock change. The output depends
// only on the input (DTSTAMP included), so builds are reproducible.
package ical

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/civil"
)

// MediaType is the media type of what Calendar.Marshal returns.
const MediaType = "text/calendar; charset=utf-8"

// Calendar is one VCALENDAR: a feed to subscribe to, or a single event to
// add to a calendar.
type Calendar struct {
	ProdID      string // required, e.g. "-//parentpages//parentpages//EN"
	Name        string // NAME and X-WR-CALNAME (optional)
	Description string // DESCRIPTION and X-WR-CALDESC (optional)
	URL         string // URL: the web page the calendar belongs to (optional)
	Source      string // SOURCE: where this .ics file is published (optional)

	// TimeZone is the site's zone: event times are wall-clock times in it.
	// It gives TZID, X-WR-TIMEZONE and the VTIMEZONE. Nil or UTC writes
	// UTC times (with Z) and no VTIMEZONE, unless there are no events.
	TimeZone *time.Location

	// Refresh, if at least a second, is how often subscribers should
	// reload: REFRESH-INTERVAL and X-PUBLISHED-TTL.
	Refresh time.Duration

	// Now is "today". It matters only when there are no events: the
	// VTIMEZONE then covers Now's year, so that the calendar still has the
	// one component RFC 5545 asks for (a UTC calendar gets a UTC VTIMEZONE
	// without it). With no events and no Now, a zone other than UTC gets no
	// VTIMEZONE and the calendar no component.
	Now time.Time

	// Events are written sorted by start and UID, whatever their order here.
	Events []Event

	// Zones, when set, keeps the VTIMEZONE blocks this calendar writes for
	// the next calendar in the same zone to reuse: a site writes one
	// calendar per meeting, and working a block out takes longer than
	// writing the events.
	Zones *VTimezones
}

// Event is one VEVENT, possibly repeating.
//
// Dates (the days of an all-day event, Recurrence.Until and Except) are taken
// as written, with time.Time.Date, whatever the time's location.
type Event struct {
	UID   string    // required, unique in the calendar and stable across builds
	Stamp time.Time // required: DTSTAMP, written in UTC; pass a fixed time for reproducible output

	// Start and End are instants, written as wall-clock times in the
	// calendar's TimeZone. A zero End writes no DTEND (the event has no
	// length) for a timed event, and one day for an all-day event.
	Start, End time.Time

	// AllDay writes DATE values: only the dates of Start and End count, and
	// End is exclusive (a one-day event on 7 October ends on 8 October).
	AllDay bool

	Summary     string
	Location    string
	Description string
	URL         string
	Status      Status // optional
	Sequence    int    // 0..2^31-1; increase it when the event changes, so clients update it
	Categories  []string

	Repeat *Recurrence // optional

	// Except are the dates of occurrences that do not happen (EXDATE),
	// written in the same form as DTSTART, at Start's wall-clock time.
	Except []time.Time
}

// Status is an event's STATUS.
type Status string

// The statuses RFC 5545 allows for an event.
const (
	Confirmed Status = "CONFIRMED"
	Tentative Status = "TENTATIVE"
	Cancelled Status = "CANCELLED"
)

// Frequency is an RRULE's FREQ.
type Frequency string

// The frequencies a Recurrence may have.
const (
	Daily   Frequency = "DAILY"
	Weekly  Frequency = "WEEKLY"
	Monthly Frequency = "MONTHLY"
	Yearly  Frequency = "YEARLY"
)

// Recurrence is an RRULE: every Interval (default 1) Freq, from the event's
// Start until the date Until (inclusive) or for Count occurrences, or for
// ever if both are zero. RFC 5545 rules apply: a monthly event on the 31st
// skips months that have no 31st.
type Recurrence struct {
	Freq     Frequency
	Interval int
	Until    time.Time // a date: occurrences starting on it are included
	Count    int
}

// Marshal returns the calendar as iCalendar text, with CRLF line endings and
// lines folded at 75 octets. It reports every invalid event.
func (c *Calendar) Marshal() ([]byte, error) {
	z := zoneOf(c.TimeZone)
	events, err := c.checkedEvents(z)
	if err != nil {
		return nil, err
	}

	var w writer
	w.b.Grow(2048 + 640*len(events)) // about what an event takes, with its zone
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:" + EscapeText(c.ProdID))
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	if c.Name != "" {
		w.line("NAME:" + EscapeText(c.Name))
		w.line("X-WR-CALNAME:" + EscapeText(c.Name))
	}
	if c.Description != "" {
		w.line("DESCRIPTION:" + EscapeText(c.Description))
		w.line("X-WR-CALDESC:" + EscapeText(c.Description))
	}
	if c.URL != "" {
		w.line("URL:" + uriValue(c.URL))
	}
	if c.Source != "" {
		w.line("SOURCE;VALUE=URI:" + uriValue(c.Source))
	}
	if c.Refresh >= time.Second {
		d := formatDuration(c.Refresh)
		w.line("REFRESH-INTERVAL;VALUE=DURATION:" + d)
		w.line("X-PUBLISHED-TTL:" + d)
	}
	w.line("X-WR-TIMEZONE:" + EscapeText(z.loc.String()))

	switch from, to, ok := coverage(events, z, c.Now); {
	case !z.utc && ok:
		w.writeVTimezone(c.Zones, z.loc, from, to)
	case z.utc && len(events) == 0:
		// RFC 5545 asks for at least one component, and an unused UTC
		// zone is a harmless one.
		epoch := time.Unix(0, 0)
		w.writeVTimezone(c.Zones, time.UTC, epoch, epoch)
	}
	for i := range events {
		w.writeEvent(&events[i], z)
	}
	w.line("END:VCALENDAR")
	return w.b.Bytes(), nil
}

// writer accumulates content lines.
type writer struct{ b bytes.Buffer }

// line writes one content line, folded, with its CRLF.
func (w *writer) line(s string) {
	w.b.WriteString(Fold(s))
	w.b.WriteString("\r\n")
}

// zone is how the calendar writes times.
type zone struct {
	loc *time.Location
	utc bool // write UTC times with Z, and no VTIMEZONE
}

func zoneOf(loc *time.Location) zone {
	if loc == nil || loc == time.UTC || loc.String() == "UTC" {
		return zone{loc: time.UTC, utc: true}
	}
	return zone{loc: loc}
}

// onDate returns the instant at the wall-clock time of start (in z) on the
// given date, as written.
func (z zone) onDate(date, start time.Time) time.Time {
	y, m, d := date.Date()
	s := start.In(z.loc)
	return time.Date(y, m, d, s.Hour(), s.Minute(), s.Second(), 0, z.loc)
}

// dateTime writes a DTSTART-like property in the event's form: a DATE, a
// local time with TZID, or a UTC time.
func (z zone) dateTime(name string, allDay bool, t time.Time) string {
	switch {
	case allDay:
		return name + ";VALUE=DATE:" + civil.Date(t).Format(dateLayout)
	case z.utc:
		return name + ":" + t.UTC().Format(utcTimeLayout)
	default:
		return name + ";TZID=" + paramValue(z.loc.String()) + ":" + t.In(z.loc).Format(localTimeLayout)
	}
}

// until writes an RRULE UNTIL in the form RFC 5545 requires for the
// DTSTART: a DATE for a DATE, otherwise a UTC time, here the last second of
// the until-day in the calendar's zone.
func (z zone) until(allDay bool, t time.Time) string {
	if allDay {
		return civil.Date(t).Format(dateLayout)
	}
	y, m, d := t.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, z.loc).Add(-time.Second).UTC().Format(utcTimeLayout)
}

func (w *writer) writeEvent(e *Event, z zone) {
	w.line("BEGIN:VEVENT")
	w.line("UID:" + EscapeText(e.UID))
	w.line("DTSTAMP:" + e.Stamp.UTC().Format(utcTimeLayout))
	w.line(z.dateTime("DTSTART", e.AllDay, e.Start))
	switch {
	case e.AllDay && e.End.IsZero():
		w.line(z.dateTime("DTEND", true, civil.Date(e.Start).AddDate(0, 0, 1)))
	case !e.End.IsZero():
		w.line(z.dateTime("DTEND", e.AllDay, e.End))
	}
	if r := e.Repeat; r != nil {
		rule := "RRULE:FREQ=" + string(r.Freq)
		if r.Interval > 1 {
			rule += ";INTERVAL=" + strconv.Itoa(r.Interval)
		}
		if r.Freq == Weekly {
			// Same as the default, but Outlook reads weekly rules by their days.
			day := e.Start.In(z.loc).Weekday()
			if e.AllDay {
				day = civil.Date(e.Start).Weekday()
			}
			rule += ";BYDAY=" + weekdayCode(day)
		}
		if r.Count > 0 {
			rule += ";COUNT=" + strconv.Itoa(r.Count)
		}
		if !r.Until.IsZero() {
			rule += ";UNTIL=" + z.until(e.AllDay, r.Until)
		}
		w.line(rule)
	}
	for _, d := range e.Except {
		if e.AllDay {
			w.line(z.dateTime("EXDATE", true, d))
		} else {
			w.line(z.dateTime("EXDATE", false, z.onDate(d, e.Start)))
		}
	}
	for _, p := range []struct{ name, value string }{
		{"SUMMARY", e.Summary},
		{"LOCATION", e.Location},
		{"DESCRIPTION", e.Description},
	} {
		if p.value != "" {
			w.line(p.name + ":" + EscapeText(p.value))
		}
	}
	if e.URL != "" {
		w.line("URL:" + uriValue(e.URL))
	}
	if len(e.Categories) > 0 {
		cats := make([]string, len(e.Categories))
		for i, c := range e.Categories {
			cats[i] = EscapeText(c)
		}
		w.line("CATEGORIES:" + strings.Join(cats, ","))
	}
	if e.Status != "" {
		w.line("STATUS:" + string(e.Status))
	}
	w.line("SEQUENCE:" + strconv.Itoa(e.Sequence))
	w.line("END:VEVENT")
}

// checkedEvents returns a sorted copy of the events, with Except and
// Categories sorted and deduplicated, or every problem found in the
// calendar and its events.
func (c *Calendar) checkedEvents(z zone) ([]Event, error) {
	var errs []error
	if strings.TrimSpace(c.ProdID) == "" {
		errs = append(errs, errors.New("ical: calendar has no ProdID"))
	}
	events := slices.Clone(c.Events)
	for i := range events {
		e := &events[i]
		e.Except = slices.Clone(e.Except)
		for j, d := range e.Except {
			e.Except[j] = civil.Date(d)
		}
		slices.SortFunc(e.Except, func(a, b time.Time) int { return a.Compare(b) })
		e.Except = slices.Compact(e.Except)
		e.Categories = slices.DeleteFunc(slices.Clone(e.Categories), func(c string) bool { return c == "" })
		slices.Sort(e.Categories)
		e.Categories = slices.Compact(e.Categories)
	}
	sortKey := func(e *Event) time.Time {
		if e.AllDay {
			y, m, d := e.Start.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, z.loc)
		}
		return e.Start
	}
	slices.SortStableFunc(events, func(a, b Event) int {
		if c := sortKey(&a).Compare(sortKey(&b)); c != 0 {
			return c
		}
		return strings.Compare(a.UID, b.UID)
	})

	seen := map[string]bool{}
	for i := range events {
		e := &events[i]
		for _, err := range e.check(z) {
			errs = append(errs, fmt.Errorf("ical: event %q: %w", e.UID, err))
		}
		if seen[e.UID] {
			errs = append(errs, fmt.Errorf("ical: event %q: UID is not unique in the calendar", e.UID))
		}
		seen[e.UID] = true
	}
	return events, errors.Join(errs...)
}

// check returns what is wrong with the event.
func (e *Event) check(z zone) []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if strings.TrimSpace(e.UID) == "" {
		bad("no UID")
	}
	if e.Stamp.IsZero() {
		bad("no Stamp (DTSTAMP)")
	} else if y := e.Stamp.UTC().Year(); y < 1 || y > 9999 {
		bad("Stamp is not in the years 1 to 9999")
	}
	if e.Start.IsZero() {
		bad("no Start")
		return errs
	}
	switch e.Status {
	case "", Confirmed, Tentative, Cancelled:
	default:
		bad("Status %q is not CONFIRMED, TENTATIVE or CANCELLED", e.Status)
	}
	if e.Sequence < 0 || e.Sequence > math.MaxInt32 {
		bad("Sequence %d is not in 0..2147483647", e.Sequence)
	}
	if !e.End.IsZero() {
		if e.AllDay && !civil.Date(e.End).After(civil.Date(e.Start)) {
			bad("all-day End %s is not after the Start date (End is exclusive)", civil.Date(e.End).Format(time.DateOnly))
		} else if !e.AllDay && !e.End.After(e.Start) {
			bad("End is not after Start")
		}
	}
	if len(e.Except) > 0 && e.Repeat == nil {
		bad("Except without Repeat")
	}
	if r := e.Repeat; r != nil {
		switch r.Freq {
		case Daily, Weekly, Monthly, Yearly:
		default:
			bad("Repeat.Freq %q is not DAILY, WEEKLY, MONTHLY or YEARLY", r.Freq)
		}
		if r.Interval < 0 || r.Interval > math.MaxInt32 {
			bad("Repeat.Interval %d is not in 0..2147483647", r.Interval)
		}
		if r.Count < 0 || r.Count > math.MaxInt32 {
			bad("Repeat.Count %d is not in 0..2147483647", r.Count)
		}
		if r.Count > 0 && !r.Until.IsZero() {
			bad("Repeat has both Count and Until")
		}
		if !r.Until.IsZero() && civil.Date(r.Until).Before(e.startDate(z)) {
			bad("Repeat.Until %s is before Start", civil.Date(r.Until).Format(time.DateOnly))
		}
		for _, d := range e.Except {
			// An EXDATE that hits no occurrence does nothing, silently.
			if len(errs) == 0 && !r.occursOn(e.startDate(z), d) {
				bad("Except %s is not the date of an occurrence", d.Format(time.DateOnly))
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	// iCalendar dates have four-digit years.
	first, last, err := e.span(z)
	if err != nil {
		bad("%v", err)
	} else if first.Year() < 1 || last.Year() > 9999 {
		bad("dates are not all in the years 1 to 9999")
	}
	return errs
}

// startDate is the date of the event's first day in the calendar's zone.
func (e *Event) startDate(z zone) time.Time {
	if e.AllDay {
		return civil.Date(e.Start)
	}
	return civil.Date(e.Start.In(z.loc))
}

// span returns the first and last instants the event (every occurrence and
// exception of it) touches, as wall-clock times in z. For a series with no
// end it reaches a year past the start.
func (e *Event) span(z zone) (first, last time.Time, err error) {
	start, end := e.Start.In(z.loc), e.End.In(z.loc)
	if e.AllDay {
		start = civil.Date(e.Start)
		start = time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, z.loc)
		end = start.AddDate(0, 0, 1)
		if !e.End.IsZero() {
			d := civil.Date(e.End)
			end = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, z.loc)
		}
	}
	if e.End.IsZero() && !e.AllDay {
		end = start
	}
	first, last = start, end
	for _, d := range e.Except {
		first = minTime(first, z.onDate(d, start))
		last = maxTime(last, z.onDate(d, start))
	}
	if r := e.Repeat; r != nil {
		lastStart, err := r.lastStart(start)
		if err != nil {
			return first, last, err
		}
		last = maxTime(last, lastStart.Add(end.Sub(start)))
	}
	return first, last, nil
}

// maxDays bounds a series' length (about 10,000 years) before any
// arithmetic that could overflow.
const maxDays = 3_660_000

// lastStart returns the start of the series' last occurrence (for Until,
// the end of that day), or a year past start if the series has no end.
func (r *Recurrence) lastStart(start time.Time) (time.Time, error) {
	loc := start.Location()
	switch {
	case !r.Until.IsZero():
		y, m, d := r.Until.Date()
		return time.Date(y, m, d+1, 0, 0, 0, 0, loc), nil
	case r.Count == 0:
		return start.AddDate(1, 0, 0), nil
	}
	interval, steps := max(r.Interval, 1), r.Count-1
	switch r.Freq {
	case Daily, Weekly:
		days := interval
		if r.Freq == Weekly {
			days *= 7
		}
		if steps > maxDays/days {
			return time.Time{}, errors.New("Repeat runs past the year 9999")
		}
		return start.AddDate(0, 0, steps*days), nil
	}
	// Monthly and yearly series skip the months (or years) without the
	// start's day, so count the ones that have it.
	months := interval
	if r.Freq == Yearly {
		months *= 12
	}
	t := start
	for k, found := 0, 0; found < steps; {
		k += months
		t = time.Date(start.Year(), start.Month()+time.Month(k), start.Day(), start.Hour(), start.Minute(), start.Second(), 0, loc)
		if t.Year() > 9999 || k > maxDays/28 {
			return time.Time{}, errors.New("Repeat runs past the year 9999")
		}
		if t.Day() == start.Day() {
			found++
		}
	}
	return t, nil
}

// occursOn reports whether the series that starts on the date start has an
// occurrence on date (both dates at midnight UTC).
func (r *Recurrence) occursOn(start, date time.Time) bool {
	if date.Before(start) || (!r.Until.IsZero() && date.After(civil.Date(r.Until))) {
		return false
	}
	interval, index := max(r.Interval, 1), 0
	switch r.Freq {
	case Daily, Weekly:
		step := interval
		if r.Freq == Weekly {
			step *= 7
		}
		days := int((date.Unix() - start.Unix()) / 86400)
		if days%step != 0 {
			return false
		}
		index = days / step
	default:
		step := interval
		if r.Freq == Yearly {
			step *= 12
		}
		months := (date.Year()-start.Year())*12 + int(date.Month()-start.Month())
		if date.Day() != start.Day() || months%step != 0 {
			return false
		}
		// Months without the start's day have no occurrence and do not count.
		for k := step; k <= months; k += step {
			if time.Date(start.Year(), start.Month()+time.Month(k), start.Day(), 0, 0, 0, 0, time.UTC).Day() == start.Day() {
				index++
			}
		}
	}
	return r.Count == 0 || index < r.Count
}

// coverage returns the span of time the VTIMEZONE must cover: every event,
// or Now when there are none.
func coverage(events []Event, z zone, now time.Time) (from, to time.Time, ok bool) {
	if len(events) == 0 {
		return now, now, !now.IsZero()
	}
	for i := range events {
		f, l, err := events[i].span(z)
		if err != nil {
			continue // already reported by check
		}
		if !ok {
			from, to, ok = f, l, true
		}
		from, to = minTime(from, f), maxTime(to, l)
	}
	return from, to, ok
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
