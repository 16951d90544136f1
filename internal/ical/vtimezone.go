package ical

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// A VTIMEZONE is derived from the Go *time.Location, never typed in per zone:
// the zone's transitions over the years the events cover are read with
// Time.ZoneBounds, and each run of yearly transitions that follow one rule
// (say the last Sunday of March at 01:00) becomes one STANDARD or DAYLIGHT
// observance with a yearly RRULE, which is what Outlook understands. A
// transition that fits no such run gets an observance of its own.

// period is a stretch of time in which a zone keeps one offset and name.
type period struct {
	start  time.Time // first instant; zero if the zone has no earlier transition
	offset int       // seconds east of UTC
	name   string
	isDST  bool
}

// onset is a transition into a period, as a VTIMEZONE observance states it.
type onset struct {
	at       time.Time // instant of the change
	local    time.Time // wall clock at the change, in the offset before it (as a UTC time)
	from, to int       // offsets before and after, seconds east of UTC
	name     string    // the abbreviation after the change
	daylight bool
}

// observance is one STANDARD or DAYLIGHT sub-component.
type observance struct {
	first onset
	rule  string    // yearly RRULE parts after FREQ=YEARLY, or "" for a single onset
	until time.Time // UNTIL of a rule that stops; zero if the rule goes on
}

// periodAt returns the period in effect at t, reaching back over changes
// that alter neither offset nor name, which no client can see.
func periodAt(loc *time.Location, t time.Time) period {
	t = t.In(loc)
	name, offset := t.Zone()
	start, _ := t.ZoneBounds()
	for !start.IsZero() {
		prevName, prevOffset := start.Add(-time.Second).Zone()
		if prevName != name || prevOffset != offset {
			break
		}
		start, _ = start.Add(-time.Second).ZoneBounds()
	}
	return period{start: start, offset: offset, name: name, isDST: t.IsDST()}
}

// periods lists the periods in effect at any instant in [from, to).
func periods(loc *time.Location, from, to time.Time) []period {
	ps := []period{periodAt(loc, from)}
	for t := from.In(loc); ; {
		_, end := t.ZoneBounds()
		if end.IsZero() || !end.Before(to) || !end.After(t) {
			return ps
		}
		t = end
		name, offset := t.Zone()
		if last := ps[len(ps)-1]; last.name == name && last.offset == offset {
			continue
		}
		ps = append(ps, period{start: t, offset: offset, name: name, isDST: t.IsDST()})
	}
}

// daylight reports whether period i is the DAYLIGHT side. It is Go's
// (tzdata's) DST flag, except where tzdata uses "negative DST" (Europe/Dublin
// calls its winter time the daylight one): clients expect DAYLIGHT to be the
// period with the larger offset, so the flag is flipped against a neighbour
// that says otherwise.
func daylight(ps []period, i int) bool {
	p := ps[i]
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(ps) || ps[j].isDST == p.isDST {
			continue
		}
		if q := ps[j]; (p.isDST && p.offset < q.offset) || (!p.isDST && p.offset > q.offset) {
			return !p.isDST
		}
	}
	return p.isDST
}

// onsets turns periods into the transitions that start them. The first
// period's onset is its real start when the zone had one; otherwise it is
// the given fallback instant, with no change of offset.
func onsets(loc *time.Location, ps []period, fallback time.Time) []onset {
	out := make([]onset, 0, len(ps))
	for i, p := range ps {
		o := onset{at: p.start, to: p.offset, name: p.name, daylight: daylight(ps, i)}
		switch {
		case i > 0:
			o.from = ps[i-1].offset
		case p.start.IsZero():
			o.at, o.from = fallback, p.offset
		default:
			_, o.from = p.start.Add(-time.Second).In(loc).Zone()
		}
		o.local = o.at.UTC().Add(time.Duration(o.from) * time.Second)
		out = append(out, o)
	}
	return out
}

// observances derives the STANDARD and DAYLIGHT sub-components that give the
// zone's offset at every instant from the start of the year of from to the
// end of the year of to. It reads one more year of transitions, so that a
// rule still in force at the end is written without UNTIL.
func observances(loc *time.Location, from, to time.Time) []observance {
	first := time.Date(from.In(loc).Year(), time.January, 1, 0, 0, 0, 0, loc)
	lastYear := min(to.In(loc).Year()+1, 9999) // iCalendar years have four digits
	end := time.Date(lastYear+1, time.January, 1, 0, 0, 0, 0, loc)
	ps := periods(loc, first, end)

	if len(ps) == 1 {
		// No change in the covered years: one STANDARD, stated from 1970 as
		// calendar programs do (or from the first covered year, if earlier).
		start := time.Date(1970, time.January, 1, 0, 0, 0, 0, time.UTC)
		if local := time.Date(first.Year(), 1, 1, 0, 0, 0, 0, time.UTC); local.Before(start) {
			start = local
		}
		p := ps[0]
		o := onset{at: start.Add(-time.Duration(p.offset) * time.Second), local: start, from: p.offset, to: p.offset, name: p.name}
		return []observance{{first: o}}
	}

	// Group the onsets that only a date tells apart, then cut each group into
	// runs of consecutive years that one yearly rule describes.
	type key struct {
		daylight bool
		from, to int
		name     string
	}
	groups := map[key][]onset{}
	var order []key
	for _, o := range onsets(loc, ps, first) {
		k := key{o.daylight, o.from, o.to, o.name}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], o)
	}

	var out []observance
	for _, k := range order {
		g := groups[k]
		for i := 0; i < len(g); {
			j, rule := i+1, ""
			for j < len(g) && g[j].local.Year() == g[j-1].local.Year()+1 {
				r, ok := yearlyRule(g[i : j+1])
				if !ok {
					break
				}
				j, rule = j+1, r
			}
			obs := observance{first: g[i], rule: rule}
			if last := g[j-1]; rule != "" && last.local.Year() < lastYear {
				// The rule stops. UNTIL is a day after its last onset: the
				// same set of onsets by RFC 5545 (the next would be a year
				// later), and also for readers that wrongly compare UTC with
				// local time (Python icalendar 4), as a margin of at least
				// the largest offset (14h) makes them agree.
				obs.until = last.at.Add(24 * time.Hour)
			}
			out = append(out, obs)
			i = j
		}
	}
	slices.SortStableFunc(out, func(a, b observance) int { return a.first.at.Compare(b.first.at) })
	return out
}

// weekdayCode returns the RFC 5545 name of a weekday: SU, MO, ...
func weekdayCode(d time.Weekday) string {
	const codes = "SUMOTUWETHFRSA"
	return codes[2*d : 2*d+2]
}

// yearlyRule finds the BYMONTH/BYDAY (or BYMONTHDAY) parts of a yearly RRULE
// that yields exactly the given onsets, one a year. It prefers the forms
// Outlook reads: the last or the nth weekday of the month.
func yearlyRule(run []onset) (string, bool) {
	first := run[0].local
	sameWeekday, sameDay := true, true
	minDay, maxDay := first.Day(), first.Day()
	for _, o := range run {
		t := o.local
		if t.Month() != first.Month() || t.Hour() != first.Hour() || t.Minute() != first.Minute() || t.Second() != first.Second() {
			return "", false
		}
		sameWeekday = sameWeekday && t.Weekday() == first.Weekday()
		sameDay = sameDay && t.Day() == first.Day()
		minDay, maxDay = min(minDay, t.Day()), max(maxDay, t.Day())
	}
	month := fmt.Sprintf("BYMONTH=%d", first.Month())
	wd := weekdayCode(first.Weekday())

	if sameWeekday {
		last, nth := true, true
		for _, o := range run {
			t := o.local
			last = last && t.Day() > daysIn(t.Year(), t.Month())-7
			nth = nth && (t.Day()-1)/7 == (first.Day()-1)/7
		}
		if n := (first.Day()-1)/7 + 1; nth && n <= 4 && !last {
			return fmt.Sprintf("%s;BYDAY=%d%s", month, n, wd), true
		}
		if last {
			return fmt.Sprintf("%s;BYDAY=-1%s", month, wd), true
		}
	}
	if sameDay {
		return fmt.Sprintf("%s;BYMONTHDAY=%d", month, first.Day()), true
	}
	if sameWeekday && maxDay-minDay <= 6 {
		// "Friday on or after the 23rd" and the like: the weekday within a
		// week of days.
		days := make([]string, 0, 7)
		for d := minDay; d <= min(minDay+6, 31); d++ {
			days = append(days, fmt.Sprint(d))
		}
		return fmt.Sprintf("%s;BYMONTHDAY=%s;BYDAY=%s", month, strings.Join(days, ","), wd), true
	}
	return "", false
}

// daysIn returns the number of days in a month.
func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// writeVTimezone writes the VTIMEZONE for loc covering [from, to], from
// zones where it holds the block (zones may be nil).
func (w *writer) writeVTimezone(zones *VTimezones, loc *time.Location, from, to time.Time) {
	// The block depends only on the zone and the years covered, and a site
	// writes thousands of calendars (one per meeting) in one zone.
	key := vtimezoneKey{loc, from.In(loc).Year(), to.In(loc).Year()}
	if b, ok := zones.get(key); ok {
		w.b.Write(b)
		return
	}
	start := w.b.Len()
	w.writeVTimezoneAnew(loc, from, to)
	zones.put(key, w.b.Bytes()[start:])
}

type vtimezoneKey struct {
	loc              *time.Location
	fromYear, toYear int
}

// VTimezones keeps the VTIMEZONE blocks written for one zone (the last one
// asked for: a site has one), by the years they cover, for the calendars
// that share it (Calendar.Zones). The zero value is ready to use, and it
// is safe for concurrent use. Whoever writes a site's calendars owns one.
type VTimezones struct {
	mu     sync.Mutex
	loc    *time.Location
	blocks map[vtimezoneKey][]byte
}

func (c *VTimezones) get(k vtimezoneKey) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.blocks[k]
	return b, ok
}

func (c *VTimezones) put(k vtimezoneKey, b []byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.loc != k.loc {
		c.loc, c.blocks = k.loc, map[vtimezoneKey][]byte{}
	}
	c.blocks[k] = bytes.Clone(b)
}

func (w *writer) writeVTimezoneAnew(loc *time.Location, from, to time.Time) {
	w.line("BEGIN:VTIMEZONE")
	w.line("TZID:" + EscapeText(loc.String()))
	for _, obs := range observances(loc, from, to) {
		kind := "STANDARD"
		if obs.first.daylight {
			kind = "DAYLIGHT"
		}
		w.line("BEGIN:" + kind)
		w.line("DTSTART:" + obs.first.local.Format(localTimeLayout))
		w.line("TZOFFSETFROM:" + formatOffset(obs.first.from))
		w.line("TZOFFSETTO:" + formatOffset(obs.first.to))
		w.line("TZNAME:" + EscapeText(obs.first.name))
		if obs.rule != "" {
			rule := "RRULE:FREQ=YEARLY;" + obs.rule
			if !obs.until.IsZero() {
				rule += ";UNTIL=" + obs.until.UTC().Format(utcTimeLayout)
			}
			w.line(rule)
		}
		w.line("END:" + kind)
	}
	w.line("END:VTIMEZONE")
}
