package ical

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

var stamp = time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)

// schoolCalendar is a calendar with one of each kind of event, listed out
// of order.
func schoolCalendar(t testing.TB) *Calendar {
	london := mustLoad(t, "Europe/London")
	at := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, london) }
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	return &Calendar{
		ProdID:      "-//parentpages//parentpages//EN",
		Name:        "Hillside Primary School: meetings",
		Description: "Meetings for parents and carers; all welcome, no need to book.",
		URL:         "https://parents.example.org/schools/hillside-primary/meetings/",
		Source:      "https://parents.example.org/schools/hillside-primary/calendar.ics",
		TimeZone:    london,
		Refresh:     12 * time.Hour,
		Events: []Event{
			{
				UID:     "monitoring-visit-2026-11-18@parents.example.org",
				Stamp:   stamp,
				Start:   day(2026, 11, 18),
				AllDay:  true,
				Summary: "Ofsted monitoring visit",
				Status:  Confirmed,
			},
			{
				UID:         "review-group@hillside-primary.parents.example.org",
				Stamp:       stamp,
				Start:       at(2026, 10, 7, 16, 0),
				End:         at(2026, 10, 7, 17, 30),
				Summary:     "School Review Group",
				Location:    "Family room, Hillside Primary School, 1 Hill Road, Plymouth PL1 1AA",
				Description: "The PSA reports what parents have said since the last meeting.\n\nStep-free access. Crèche available; interpreters on request — Cymraeg, Polski, العربية. 👋",
				URL:         "https://parents.example.org/schools/hillside-primary/meetings/",
				Status:      Confirmed,
				Sequence:    2,
				Repeat:      &Recurrence{Freq: Weekly, Interval: 6, Until: day(2027, 7, 20)},
				Except:      []time.Time{day(2026, 12, 30), day(2026, 12, 30)},
				Categories:  []string{"review-group", "Parents, carers"},
			},
			{
				UID:     "inspection-2027-01-12@parents.example.org",
				Stamp:   stamp,
				Start:   day(2027, 1, 12),
				End:     day(2027, 1, 14),
				AllDay:  true,
				Summary: "Inspection (two days)",
				Status:  Tentative,
			},
			{
				// Daily across the spring clock change: 18:00 every day.
				UID:     "parents-week@parents.example.org",
				Stamp:   stamp,
				Start:   at(2027, 3, 26, 18, 0),
				End:     at(2027, 3, 26, 19, 0),
				Summary: "Parents' week drop-in",
				Repeat:  &Recurrence{Freq: Daily, Count: 4},
			},
			{
				UID:     "coffee-morning@parents.example.org",
				Stamp:   stamp,
				Start:   at(2027, 1, 29, 9, 0),
				End:     at(2027, 1, 29, 10, 0),
				Summary: "Coffee morning",
				Status:  Cancelled,
				Repeat:  &Recurrence{Freq: Monthly, Count: 3},
			},
		},
	}
}

func TestGolden(t *testing.T) {
	got, err := schoolCalendar(t).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "calendar.golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Marshal differs from %s (run go test -update to accept):\n%s", path, got)
	}
	parse(t, got)
}

func TestMarshalIsDeterministic(t *testing.T) {
	c := schoolCalendar(t)
	first, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		slices.Reverse(c.Events)
		if i%2 == 0 {
			c.Events[0], c.Events[2] = c.Events[2], c.Events[0]
		}
		again, err := c.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatal("same events in another order give different output")
		}
	}
}

func TestCalendarStructure(t *testing.T) {
	c := schoolCalendar(t)
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	cal := parse(t, b)

	wantProps := map[string]string{
		"VERSION":          "2.0",
		"PRODID":           "-//parentpages//parentpages//EN",
		"CALSCALE":         "GREGORIAN",
		"METHOD":           "PUBLISH",
		"NAME":             "Hillside Primary School: meetings",
		"X-WR-CALNAME":     "Hillside Primary School: meetings",
		"DESCRIPTION":      `Meetings for parents and carers\; all welcome\, no need to book.`,
		"X-WR-CALDESC":     `Meetings for parents and carers\; all welcome\, no need to book.`,
		"URL":              "https://parents.example.org/schools/hillside-primary/meetings/",
		"SOURCE":           "https://parents.example.org/schools/hillside-primary/calendar.ics",
		"REFRESH-INTERVAL": "PT12H",
		"X-PUBLISHED-TTL":  "PT12H",
		"X-WR-TIMEZONE":    "Europe/London",
	}
	for name, want := range wantProps {
		if got := cal.get(name); len(got) != 1 || got[0] != want {
			t.Errorf("%s = %q, want exactly [%q]", name, got, want)
		}
	}
	if got := cal.line("REFRESH-INTERVAL"); got != "REFRESH-INTERVAL;VALUE=DURATION:PT12H" {
		t.Errorf("REFRESH-INTERVAL line = %q", got)
	}

	// The VTIMEZONE comes before the events that use it.
	var names []string
	for _, s := range cal.subs {
		names = append(names, s.name)
	}
	if want := []string{"VTIMEZONE", "VEVENT", "VEVENT", "VEVENT", "VEVENT", "VEVENT"}; !slices.Equal(names, want) {
		t.Errorf("components = %v, want %v", names, want)
	}

	var uids []string
	for _, ev := range cal.all("VEVENT") {
		uids = append(uids, ev.get("UID")[0])
		for _, p := range []string{"UID", "DTSTAMP", "DTSTART", "SEQUENCE"} {
			if len(ev.get(p)) != 1 {
				t.Errorf("event %s has %d %s", ev.get("UID"), len(ev.get(p)), p)
			}
		}
		if got := ev.get("DTSTAMP")[0]; got != "20260901T080000Z" {
			t.Errorf("DTSTAMP = %q", got)
		}
	}
	wantUIDs := []string{
		"review-group@hillside-primary.parents.example.org",
		"monitoring-visit-2026-11-18@parents.example.org",
		"inspection-2027-01-12@parents.example.org",
		"coffee-morning@parents.example.org",
		"parents-week@parents.example.org",
	}
	if !slices.Equal(uids, wantUIDs) {
		t.Errorf("events in order %v, want %v", uids, wantUIDs)
	}

	review := cal.all("VEVENT")[0]
	wantLines := []string{
		"DTSTART;TZID=Europe/London:20261007T160000",
		"DTEND;TZID=Europe/London:20261007T173000",
		"RRULE:FREQ=WEEKLY;INTERVAL=6;BYDAY=WE;UNTIL=20270720T225959Z",
		"EXDATE;TZID=Europe/London:20261230T160000",
		`CATEGORIES:Parents\, carers,review-group`,
		"STATUS:CONFIRMED",
		"SEQUENCE:2",
	}
	for _, want := range wantLines {
		name, _, _ := strings.Cut(want, ":")
		name, _, _ = strings.Cut(name, ";")
		if got := review.line(name); got != want {
			t.Errorf("review group %s line = %q, want %q", name, got, want)
		}
	}
	if got := len(review.get("EXDATE")); got != 1 {
		t.Errorf("review group has %d EXDATE, want 1 (duplicates removed)", got)
	}
}

func TestAllDayEvents(t *testing.T) {
	london := mustLoad(t, "Europe/London")
	tests := []struct {
		name       string
		start, end time.Time
		except     []time.Time
		repeat     *Recurrence
		want       []string
	}{
		{
			name:  "one day, no End",
			start: time.Date(2026, 10, 7, 0, 0, 0, 0, time.UTC),
			want:  []string{"DTSTART;VALUE=DATE:20261007", "DTEND;VALUE=DATE:20261008"},
		},
		{
			name:  "date taken as written, not converted",
			start: time.Date(2026, 10, 7, 23, 30, 0, 0, mustLoad(t, "America/Los_Angeles")),
			want:  []string{"DTSTART;VALUE=DATE:20261007", "DTEND;VALUE=DATE:20261008"},
		},
		{
			name:  "end of month and year",
			start: time.Date(2026, 12, 31, 0, 0, 0, 0, london),
			want:  []string{"DTSTART;VALUE=DATE:20261231", "DTEND;VALUE=DATE:20270101"},
		},
		{
			name:  "three days, End exclusive",
			start: time.Date(2026, 10, 7, 0, 0, 0, 0, london),
			end:   time.Date(2026, 10, 10, 0, 0, 0, 0, london),
			want:  []string{"DTSTART;VALUE=DATE:20261007", "DTEND;VALUE=DATE:20261010"},
		},
		{
			name:   "repeating: UNTIL and EXDATE are dates",
			start:  time.Date(2026, 10, 7, 0, 0, 0, 0, london),
			repeat: &Recurrence{Freq: Monthly, Until: time.Date(2027, 3, 7, 15, 0, 0, 0, london)},
			except: []time.Time{time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)},
			want: []string{
				"DTSTART;VALUE=DATE:20261007", "DTEND;VALUE=DATE:20261008",
				"RRULE:FREQ=MONTHLY;UNTIL=20270307", "EXDATE;VALUE=DATE:20261207",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Calendar{ProdID: "-//test//EN", TimeZone: london, Events: []Event{{
				UID: "x@test", Stamp: stamp, Start: tt.start, End: tt.end, AllDay: true, Repeat: tt.repeat, Except: tt.except,
			}}}
			ev := marshalOne(t, &c)
			for _, want := range tt.want {
				name, _, _ := strings.Cut(want, ":")
				name, _, _ = strings.Cut(name, ";")
				if got := ev.line(name); got != want {
					t.Errorf("%s line = %q, want %q", name, got, want)
				}
			}
		})
	}
}

// TestRecurrenceUntil checks that UNTIL has the form RFC 5545 requires for
// the DTSTART, and that it keeps an occurrence on the until-day.
func TestRecurrenceUntil(t *testing.T) {
	tests := []struct {
		name   string
		zone   string
		start  time.Time
		until  time.Time
		allDay bool
		want   string
	}{
		{"London summer: end of day in BST", "Europe/London", time.Date(2026, 6, 1, 16, 0, 0, 0, time.UTC), time.Date(2026, 7, 20, 0, 0, 0, 0, time.UTC), false, "20260720T225959Z"},
		{"London winter: end of day in GMT", "Europe/London", time.Date(2026, 10, 7, 16, 0, 0, 0, time.UTC), time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC), false, "20270120T235959Z"},
		{"New York", "America/New_York", time.Date(2026, 10, 7, 20, 0, 0, 0, time.UTC), time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC), false, "20270121T045959Z"},
		{"Sydney", "Australia/Sydney", time.Date(2026, 10, 7, 6, 0, 0, 0, time.UTC), time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC), false, "20270120T125959Z"},
		{"UTC calendar", "UTC", time.Date(2026, 10, 7, 16, 0, 0, 0, time.UTC), time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC), false, "20270120T235959Z"},
		{"all-day: a DATE", "Europe/London", time.Date(2026, 10, 7, 0, 0, 0, 0, time.UTC), time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC), true, "20270120"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Calendar{ProdID: "-//test//EN", TimeZone: mustLoad(t, tt.zone), Events: []Event{{
				UID: "x@test", Stamp: stamp, Start: tt.start, AllDay: tt.allDay,
				Repeat: &Recurrence{Freq: Weekly, Until: tt.until},
			}}}
			rule := marshalOne(t, &c).get("RRULE")[0]
			if !strings.HasSuffix(rule, ";UNTIL="+tt.want) {
				t.Errorf("RRULE = %q, want UNTIL=%s", rule, tt.want)
			}
		})
	}
}

func TestTimedEventForms(t *testing.T) {
	london := mustLoad(t, "Europe/London")
	tests := []struct {
		name string
		zone *time.Location
		ev   Event
		want []string
	}{
		{
			name: "local time with TZID, given as a UTC instant",
			zone: london,
			ev: Event{Start: time.Date(2026, 7, 1, 15, 0, 0, 0, time.UTC), End: time.Date(2026, 7, 1, 16, 0, 0, 0, time.UTC),
				Repeat: &Recurrence{Freq: Weekly, Count: 3}, Except: []time.Time{time.Date(2026, 7, 8, 0, 0, 0, 0, time.UTC)}},
			want: []string{
				"DTSTART;TZID=Europe/London:20260701T160000", "DTEND;TZID=Europe/London:20260701T170000",
				"RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=3", "EXDATE;TZID=Europe/London:20260708T160000",
			},
		},
		{
			name: "UTC calendar: Z times",
			zone: time.UTC,
			ev: Event{Start: time.Date(2026, 7, 1, 15, 0, 0, 0, london), End: time.Date(2026, 7, 1, 16, 0, 0, 0, london),
				Repeat: &Recurrence{Freq: Daily, Interval: 2}, Except: []time.Time{time.Date(2026, 7, 5, 0, 0, 0, 0, time.UTC)}},
			want: []string{
				"DTSTART:20260701T140000Z", "DTEND:20260701T150000Z",
				"RRULE:FREQ=DAILY;INTERVAL=2", "EXDATE:20260705T140000Z",
			},
		},
		{
			name: "no End: no DTEND",
			zone: london,
			ev:   Event{Start: time.Date(2026, 7, 1, 15, 0, 0, 0, london)},
			want: []string{"DTSTART;TZID=Europe/London:20260701T150000", "DTEND"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.ev.UID, tt.ev.Stamp = "x@test", stamp
			c := Calendar{ProdID: "-//test//EN", TimeZone: tt.zone, Events: []Event{tt.ev}}
			ev := marshalOne(t, &c)
			for _, want := range tt.want {
				name, _, _ := strings.Cut(want, ":")
				name, _, _ = strings.Cut(name, ";")
				if name == want {
					want = "" // only the name: the property must be absent
				}
				if got := ev.line(name); got != want {
					t.Errorf("%s line = %q, want %q", name, got, want)
				}
			}
		})
	}
}

func TestUTCAndEmptyCalendars(t *testing.T) {
	london := mustLoad(t, "Europe/London")
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	ev := Event{UID: "x@test", Stamp: stamp, Start: time.Date(2026, 7, 1, 15, 0, 0, 0, time.UTC)}
	tests := []struct {
		name      string
		cal       Calendar
		vtimezone bool
		tz        string
	}{
		{"UTC: no VTIMEZONE", Calendar{TimeZone: time.UTC, Events: []Event{ev}}, false, "UTC"},
		{"nil zone is UTC", Calendar{Events: []Event{ev}}, false, "UTC"},
		{"empty UTC: a UTC VTIMEZONE, the one component", Calendar{}, true, "UTC"},
		{"empty with Now: a VTIMEZONE for that year", Calendar{TimeZone: london, Now: now}, true, "Europe/London"},
		{"empty without Now: nothing to cover", Calendar{TimeZone: london}, false, "Europe/London"},
		{"all-day only: still a VTIMEZONE", Calendar{TimeZone: london, Events: []Event{{UID: "d@test", Stamp: stamp, Start: now, AllDay: true}}}, true, "Europe/London"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cal.ProdID = "-//test//EN"
			b, err := tt.cal.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			cal := parse(t, b)
			if got := len(cal.all("VTIMEZONE")) == 1; got != tt.vtimezone {
				t.Errorf("has VTIMEZONE = %v, want %v", got, tt.vtimezone)
			}
			if got := cal.get("X-WR-TIMEZONE"); !slices.Equal(got, []string{tt.tz}) {
				t.Errorf("X-WR-TIMEZONE = %q, want %q", got, tt.tz)
			}
			if strings.Contains(string(b), "TZID=") != tt.vtimezone && len(tt.cal.Events) > 0 && !tt.cal.Events[0].AllDay {
				t.Errorf("TZID used without a VTIMEZONE or the other way round:\n%s", b)
			}
			if tt.vtimezone {
				if got := cal.all("VTIMEZONE")[0].get("TZID"); !slices.Equal(got, []string{tt.tz}) {
					t.Errorf("VTIMEZONE TZID = %q, want %q", got, tt.tz)
				}
			}
		})
	}
}

func TestInvalidEvents(t *testing.T) {
	start := time.Date(2026, 10, 7, 16, 0, 0, 0, time.UTC)
	ok := Event{UID: "x@test", Stamp: stamp, Start: start}
	tests := []struct {
		name  string
		edit  func(c *Calendar)
		error string
	}{
		{"no ProdID", func(c *Calendar) { c.ProdID = "" }, "no ProdID"},
		{"no UID", func(c *Calendar) { c.Events[0].UID = " " }, "no UID"},
		{"duplicate UID", func(c *Calendar) { c.Events = append(c.Events, ok) }, "not unique"},
		{"no Stamp", func(c *Calendar) { c.Events[0].Stamp = time.Time{} }, "no Stamp"},
		{"no Start", func(c *Calendar) { c.Events[0].Start = time.Time{} }, "no Start"},
		{"End before Start", func(c *Calendar) { c.Events[0].End = start.Add(-time.Hour) }, "End is not after Start"},
		{"all-day End not after Start", func(c *Calendar) { c.Events[0].AllDay, c.Events[0].End = true, start }, "End is exclusive"},
		{"bad Status", func(c *Calendar) { c.Events[0].Status = "confirmed" }, "Status"},
		{"negative Sequence", func(c *Calendar) { c.Events[0].Sequence = -1 }, "Sequence"},
		{"Except without Repeat", func(c *Calendar) { c.Events[0].Except = []time.Time{start} }, "Except without Repeat"},
		{"Except off the weekly pattern", func(c *Calendar) {
			c.Events[0].Repeat = &Recurrence{Freq: Weekly, Interval: 2}
			c.Events[0].Except = []time.Time{start.AddDate(0, 0, 7)}
		}, "not the date of an occurrence"},
		{"Except after the last of Count", func(c *Calendar) {
			c.Events[0].Repeat = &Recurrence{Freq: Daily, Count: 3}
			c.Events[0].Except = []time.Time{start.AddDate(0, 0, 3)}
		}, "not the date of an occurrence"},
		{"Except in a month the series skips", func(c *Calendar) {
			c.Events[0].Start = time.Date(2027, 1, 31, 16, 0, 0, 0, time.UTC)
			c.Events[0].Repeat = &Recurrence{Freq: Monthly}
			c.Events[0].Except = []time.Time{time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC)}
		}, "not the date of an occurrence"},
		{"bad Freq", func(c *Calendar) { c.Events[0].Repeat = &Recurrence{Freq: "HOURLY"} }, "Freq"},
		{"Count and Until", func(c *Calendar) {
			c.Events[0].Repeat = &Recurrence{Freq: Daily, Count: 2, Until: start.AddDate(0, 1, 0)}
		}, "both Count and Until"},
		{"Until before Start", func(c *Calendar) { c.Events[0].Repeat = &Recurrence{Freq: Daily, Until: start.AddDate(0, 0, -1)} }, "before Start"},
		{"negative Interval", func(c *Calendar) { c.Events[0].Repeat = &Recurrence{Freq: Daily, Interval: -1} }, "Interval"},
		{"runs past 9999", func(c *Calendar) { c.Events[0].Repeat = &Recurrence{Freq: Yearly, Count: 9000} }, "9999"},
		{"huge daily count", func(c *Calendar) { c.Events[0].Repeat = &Recurrence{Freq: Weekly, Interval: 1 << 30, Count: 1 << 30} }, "9999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Calendar{ProdID: "-//test//EN", Events: []Event{ok}}
			tt.edit(&c)
			b, err := c.Marshal()
			if err == nil || !strings.Contains(err.Error(), tt.error) {
				t.Errorf("Marshal error = %v, want one containing %q", err, tt.error)
			}
			if b != nil {
				t.Errorf("Marshal wrote %d bytes for an invalid calendar", len(b))
			}
		})
	}
}

func TestLongLinesAreFolded(t *testing.T) {
	long := strings.Repeat("Parents and carers — croeso! 👋 ", 20)
	c := Calendar{ProdID: "-//test//EN", Events: []Event{{UID: "x@test", Stamp: stamp, Start: stamp, Summary: long, Description: long + "\n" + long}}}
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	ev := parse(t, b).all("VEVENT")[0]
	if got := ev.get("SUMMARY")[0]; got != EscapeText(long) {
		t.Errorf("SUMMARY did not survive folding: %q", got)
	}
	if got := ev.get("DESCRIPTION")[0]; got != EscapeText(long+"\n"+long) {
		t.Errorf("DESCRIPTION did not survive folding: %q", got)
	}
}

// marshalOne marshals a calendar of one event and returns that event.
func marshalOne(t *testing.T, c *Calendar) *component {
	t.Helper()
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	evs := parse(t, b).all("VEVENT")
	if len(evs) != 1 {
		t.Fatalf("%d events, want 1", len(evs))
	}
	return evs[0]
}

func BenchmarkMarshal(b *testing.B) {
	c := schoolCalendar(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Marshal(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestOccursOn(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		r     Recurrence
		start time.Time
		date  time.Time
		want  bool
	}{
		{"the start itself", Recurrence{Freq: Daily}, d(2026, 10, 7), d(2026, 10, 7), true},
		{"before the start", Recurrence{Freq: Daily}, d(2026, 10, 7), d(2026, 10, 6), false},
		{"every 6 weeks", Recurrence{Freq: Weekly, Interval: 6}, d(2026, 10, 7), d(2026, 12, 30), true},
		{"off the 6-week pattern", Recurrence{Freq: Weekly, Interval: 6}, d(2026, 10, 7), d(2026, 12, 22), false},
		{"on the until-day", Recurrence{Freq: Weekly, Until: d(2026, 10, 21)}, d(2026, 10, 7), d(2026, 10, 21), true},
		{"after the until-day", Recurrence{Freq: Weekly, Until: d(2026, 10, 20)}, d(2026, 10, 7), d(2026, 10, 21), false},
		{"across a clock change", Recurrence{Freq: Daily}, d(2026, 10, 20), d(2026, 11, 2), true},
		{"monthly on the 31st: March is the 2nd", Recurrence{Freq: Monthly, Count: 2}, d(2027, 1, 31), d(2027, 3, 31), true},
		{"monthly on the 31st: July is the 4th", Recurrence{Freq: Monthly, Count: 3}, d(2027, 1, 31), d(2027, 7, 31), false},
		{"monthly, other day of the month", Recurrence{Freq: Monthly}, d(2027, 1, 31), d(2027, 2, 28), false},
		{"29 February, leap years only", Recurrence{Freq: Yearly, Count: 2}, d(2028, 2, 29), d(2032, 2, 29), true},
		{"29 February, not in 2029", Recurrence{Freq: Yearly}, d(2028, 2, 29), d(2029, 2, 28), false},
		{"far future, no overflow", Recurrence{Freq: Daily}, d(2026, 1, 1), d(9999, 12, 31), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.r.occursOn(tt.start, tt.date); got != tt.want {
				t.Errorf("occursOn(%s) = %v, want %v", tt.date.Format(time.DateOnly), got, tt.want)
			}
		})
	}
}
