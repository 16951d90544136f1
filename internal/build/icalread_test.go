package build

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A reader of built calendars for TestSites, written from RFC 5545 and not
// from internal/ical, so that it checks the writer rather than repeating
// it. It reads what a calendar client needs to place the events (times,
// zones, RRULE, EXDATE) and expands each event's occurrences, as
// .ci/check-instants.sh has ical.js do. It knows only the RRULE parts
// internal/ical writes (FREQ, INTERVAL, COUNT, UNTIL, and a weekly BYDAY of
// the start's own day) and says so when it meets another.

// maxOccurrences stops the expansion of a rule with no end, as
// .ci/check-calendars.mjs stops at 500 instants.
const maxOccurrences = 500

// icalCalendar is a calendar as read: the zones it defines and its events.
type icalCalendar struct {
	zones  map[string]bool // TZIDs that have a VTIMEZONE
	events []icalEvent
}

// icalEvent is a VEVENT's properties, unfolded, in order.
type icalEvent []icalProp

type icalProp struct {
	name   string
	params map[string]string // e.g. TZID, VALUE
	value  string
}

// get returns the value of the first property called name, or "".
func (e icalEvent) get(name string) string {
	if p, ok := e.prop(name); ok {
		return p.value
	}
	return ""
}

func (e icalEvent) prop(name string) (icalProp, bool) {
	for _, p := range e {
		if p.name == name {
			return p, true
		}
	}
	return icalProp{}, false
}

// readCalendar checks the physical and logical structure of an iCalendar
// file (valid UTF-8, CRLF line ends, lines of at most 75 octets, matched
// BEGIN and END, one VCALENDAR with VERSION 2.0 and a PRODID) and the
// properties every event must have, and returns what it read.
func readCalendar(b []byte) (*icalCalendar, error) {
	lines, err := unfoldLines(b)
	if err != nil {
		return nil, err
	}
	cal := &icalCalendar{zones: map[string]bool{}}
	var stack []string
	var event icalEvent
	var top []icalProp
	calendars := 0
	for _, l := range lines {
		p, ok := splitProp(l)
		if !ok {
			return nil, fmt.Errorf("not a content line: %q", l)
		}
		switch {
		case p.name == "BEGIN":
			if len(stack) == 0 {
				if p.value != "VCALENDAR" {
					return nil, fmt.Errorf("BEGIN:%s outside a VCALENDAR", p.value)
				}
				calendars++
			}
			stack = append(stack, p.value)
			event = nil
		case p.name == "END":
			if len(stack) == 0 || stack[len(stack)-1] != p.value {
				return nil, fmt.Errorf("END:%s does not close BEGIN:%s", p.value, strings.Join(stack, "/"))
			}
			if p.value == "VEVENT" {
				cal.events = append(cal.events, event)
			}
			stack = stack[:len(stack)-1]
		case len(stack) == 0:
			return nil, fmt.Errorf("%s outside the VCALENDAR", p.name)
		case len(stack) == 1:
			top = append(top, p)
		case stack[len(stack)-1] == "VEVENT":
			event = append(event, p)
		case stack[len(stack)-1] == "VTIMEZONE" && p.name == "TZID":
			cal.zones[p.value] = true
		}
	}
	if len(stack) > 0 || calendars != 1 {
		return nil, fmt.Errorf("%d VCALENDARs, %q left open; want one, closed", calendars, stack)
	}
	if v := icalEvent(top).get("VERSION"); v != "2.0" || icalEvent(top).get("PRODID") == "" {
		return nil, fmt.Errorf("VERSION %q and PRODID %q; want 2.0 and a PRODID", v, icalEvent(top).get("PRODID"))
	}
	return cal, cal.checkEvents()
}

// unfoldLines checks the physical lines of b and returns its logical ones.
func unfoldLines(b []byte) ([]string, error) {
	s := string(b)
	if !utf8.ValidString(s) || !strings.HasSuffix(s, "\r\n") {
		return nil, errors.New("not valid UTF-8 ending with CRLF")
	}
	var lines []string
	for i, l := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		switch {
		case l == "" || strings.ContainsAny(l, "\r\n"):
			return nil, fmt.Errorf("line %d is empty or has a bare CR or LF: %q", i+1, l)
		case len(l) > 75:
			return nil, fmt.Errorf("line %d has %d octets, more than 75", i+1, len(l))
		case l[0] == ' ' || l[0] == '\t':
			if len(lines) == 0 {
				return nil, errors.New("the first line is a continuation")
			}
			lines[len(lines)-1] += l[1:]
		default:
			lines = append(lines, l)
		}
	}
	return lines, nil
}

// splitProp splits a content line into its name, parameters and value:
// the value starts at the first colon outside a quoted parameter value.
func splitProp(l string) (icalProp, bool) {
	quoted := false
	for i, r := range l {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ':' && !quoted:
			head := strings.Split(l[:i], ";")
			p := icalProp{name: head[0], params: map[string]string{}, value: l[i+1:]}
			for _, kv := range head[1:] {
				k, v, _ := strings.Cut(kv, "=")
				p.params[k] = strings.Trim(v, `"`)
			}
			return p, p.name != ""
		}
	}
	return icalProp{}, false
}

// checkEvents checks what every event needs: a unique UID, a UTC DTSTAMP,
// a DTSTART, a DTEND of its type after it, and a VTIMEZONE for each TZID.
func (c *icalCalendar) checkEvents() error {
	var errs []error
	uids := map[string]bool{}
	for _, e := range c.events {
		uid := e.get("UID")
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("event %s: "+format, append([]any{uid}, args...)...))
		}
		if uid == "" || uids[uid] {
			bad("no UID, or not unique")
		}
		uids[uid] = true
		if !strings.HasSuffix(e.get("DTSTAMP"), "Z") {
			bad("DTSTAMP %q is not UTC", e.get("DTSTAMP"))
		}
		for _, p := range e {
			if tz, ok := p.params["TZID"]; ok && !c.zones[tz] {
				bad("%s has TZID=%s, and the calendar no such VTIMEZONE", p.name, tz)
			}
		}
		start, allDay, err := e.time("DTSTART")
		if err != nil {
			bad("%v", err)
			continue
		}
		if _, ok := e.prop("DTEND"); ok {
			end, endAllDay, err := e.time("DTEND")
			if err != nil || endAllDay != allDay || !end.After(start) {
				bad("DTEND %q is not of DTSTART's type and after it (%v)", e.get("DTEND"), err)
			}
		}
	}
	return errors.Join(errs...)
}

// time reads the date or date-time of the named property, reporting
// whether it is a date (an all-day event).
func (e icalEvent) time(name string) (time.Time, bool, error) {
	p, ok := e.prop(name)
	if !ok {
		return time.Time{}, false, fmt.Errorf("no %s", name)
	}
	return p.parseTime(p.value)
}

// parseTime reads one value of p: a DATE (VALUE=DATE), a UTC DATE-TIME
// (ending Z) or a DATE-TIME in p's TZID. A floating time is an error: a
// client would place it in its own zone.
func (p icalProp) parseTime(v string) (time.Time, bool, error) {
	if p.params["VALUE"] == "DATE" {
		t, err := time.Parse("20060102", v)
		return t, true, err
	}
	if strings.HasSuffix(v, "Z") {
		t, err := time.Parse("20060102T150405Z", v)
		return t, false, err
	}
	tz, ok := p.params["TZID"]
	if !ok {
		return time.Time{}, false, fmt.Errorf("%s:%s is a floating time", p.name, v)
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return time.Time{}, false, err
	}
	t, err := time.ParseInLocation("20060102T150405", v, loc)
	return t, false, err
}

// occurrences expands e as a calendar client would: its RRULE from its
// DTSTART, less its EXDATEs, each of which must remove an occurrence.
// Times are UTC instants ("2026-03-29T08:00:00Z"), dates are
// "2026-10-24 (all day)", as .ci/check-instants.sh prints them.
func (e icalEvent) occurrences() ([]string, error) {
	start, allDay, err := e.time("DTSTART")
	if err != nil {
		return nil, err
	}
	starts, err := expandRule(e.get("RRULE"), start, allDay)
	if err != nil {
		return nil, err
	}
	for _, p := range e {
		if p.name != "EXDATE" {
			continue
		}
		for _, v := range strings.Split(p.value, ",") {
			ex, exAllDay, err := p.parseTime(v)
			if err != nil || exAllDay != allDay {
				return nil, fmt.Errorf("EXDATE %s is not of DTSTART's type (%v)", v, err)
			}
			i := slices.IndexFunc(starts, ex.Equal)
			if i < 0 {
				return nil, fmt.Errorf("EXDATE %s matches no occurrence", v)
			}
			starts = slices.Delete(starts, i, i+1)
		}
	}
	out := make([]string, len(starts))
	for i, t := range starts {
		if allDay {
			out[i] = t.Format(time.DateOnly) + " (all day)"
		} else {
			out[i] = t.UTC().Format("2006-01-02T15:04:05Z")
		}
	}
	return out, nil
}

// icalRule is an RRULE as read.
type icalRule struct {
	freq            string
	interval, count int
	until           time.Time // zero: none
}

// parseRule reads rule (the RRULE's value) for an event starting at start.
func parseRule(rule string, start time.Time, allDay bool) (icalRule, error) {
	r := icalRule{interval: 1}
	var err error
	for _, part := range strings.Split(rule, ";") {
		k, v, _ := strings.Cut(part, "=")
		switch k {
		case "FREQ":
			r.freq = v
		case "INTERVAL":
			r.interval, err = strconv.Atoi(v)
		case "COUNT":
			r.count, err = strconv.Atoi(v)
		case "UNTIL":
			// A date for an all-day event, else a UTC date-time (RFC 5545 3.3.10).
			if allDay {
				r.until, err = time.Parse("20060102", v)
			} else {
				r.until, err = time.Parse("20060102T150405Z", v)
			}
		case "BYDAY":
			if day := strings.ToUpper(start.Weekday().String()[:2]); r.freq != "WEEKLY" || v != day {
				err = fmt.Errorf("BYDAY=%s: this reader expands only a weekly rule on the start's day (%s)", v, day)
			}
		default:
			err = fmt.Errorf("%s: this reader does not expand it", part)
		}
		if err != nil {
			return r, fmt.Errorf("RRULE:%s: %w", rule, err)
		}
	}
	if r.count > 0 && !r.until.IsZero() || r.interval < 1 {
		return r, fmt.Errorf("RRULE:%s: both COUNT and UNTIL, or INTERVAL below 1", rule)
	}
	return r, nil
}

// expandRule returns the starts of an event's occurrences before any
// EXDATE: start alone if there is no rule. Each step is taken on the
// calendar, at start's wall-clock time in its zone, so that an event at
// 16:00 stays at 16:00 across a clock change; a monthly or yearly date
// that does not exist (31 June, 29 February) is skipped, not moved.
func expandRule(rule string, start time.Time, allDay bool) ([]time.Time, error) {
	if rule == "" {
		return []time.Time{start}, nil
	}
	r, err := parseRule(rule, start, allDay)
	if err != nil {
		return nil, err
	}
	y, m, d := start.Date()
	hh, mm, ss := start.Clock()
	var starts []time.Time
	for k := 0; len(starts) < maxOccurrences && k < 10*maxOccurrences; k++ {
		step := k * r.interval
		days, months := 0, 0
		switch r.freq {
		case "DAILY":
			days = step
		case "WEEKLY":
			days = 7 * step
		case "MONTHLY":
			months = step
		case "YEARLY":
			months = 12 * step
		default:
			return nil, fmt.Errorf("RRULE:%s: FREQ=%s: this reader does not expand it", rule, r.freq)
		}
		t := time.Date(y, m+time.Month(months), d+days, hh, mm, ss, 0, start.Location())
		if !r.until.IsZero() && t.After(r.until) {
			break
		}
		if days == 0 && t.Day() != d {
			continue // no such date this month or year: time.Date moved it on
		}
		starts = append(starts, t)
		if len(starts) == r.count {
			break
		}
	}
	return starts, nil
}
