package ical

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// vtimezoneLines returns the VTIMEZONE written for loc covering from..to,
// one content line per entry.
func vtimezoneLines(loc *time.Location, from, to time.Time) []string {
	var w writer
	w.writeVTimezone(nil, loc, from, to)
	return strings.Split(strings.TrimSuffix(Unfold(w.b.String()), "\r\n"), "\r\n")
}

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("time zone %s not available: %v", name, err)
	}
	return loc
}

func TestVTimezoneLines(t *testing.T) {
	tests := []struct {
		zone     string
		from, to string // local dates the events cover
		want     []string
	}{
		{
			zone: "Europe/London", from: "2026-10-07", to: "2026-10-07",
			want: []string{
				"BEGIN:VTIMEZONE",
				"TZID:Europe/London",
				"BEGIN:STANDARD",
				"DTSTART:20251026T020000",
				"TZOFFSETFROM:+0100",
				"TZOFFSETTO:+0000",
				"TZNAME:GMT",
				"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
				"END:STANDARD",
				"BEGIN:DAYLIGHT",
				"DTSTART:20260329T010000",
				"TZOFFSETFROM:+0000",
				"TZOFFSETTO:+0100",
				"TZNAME:BST",
				"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
				"END:DAYLIGHT",
				"END:VTIMEZONE",
			},
		},
		{
			zone: "America/New_York", from: "2026-10-07", to: "2027-07-20",
			want: []string{
				"BEGIN:VTIMEZONE",
				"TZID:America/New_York",
				"BEGIN:STANDARD",
				"DTSTART:20251102T020000",
				"TZOFFSETFROM:-0400",
				"TZOFFSETTO:-0500",
				"TZNAME:EST",
				"RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
				"END:STANDARD",
				"BEGIN:DAYLIGHT",
				"DTSTART:20260308T020000",
				"TZOFFSETFROM:-0500",
				"TZOFFSETTO:-0400",
				"TZNAME:EDT",
				"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
				"END:DAYLIGHT",
				"END:VTIMEZONE",
			},
		},
		{
			// Southern hemisphere: the year starts in daylight time.
			zone: "Australia/Sydney", from: "2026-10-07", to: "2026-10-07",
			want: []string{
				"BEGIN:VTIMEZONE",
				"TZID:Australia/Sydney",
				"BEGIN:DAYLIGHT",
				"DTSTART:20251005T020000",
				"TZOFFSETFROM:+1000",
				"TZOFFSETTO:+1100",
				"TZNAME:AEDT",
				"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU",
				"END:DAYLIGHT",
				"BEGIN:STANDARD",
				"DTSTART:20260405T030000",
				"TZOFFSETFROM:+1100",
				"TZOFFSETTO:+1000",
				"TZNAME:AEST",
				"RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU",
				"END:STANDARD",
				"END:VTIMEZONE",
			},
		},
		{
			// No daylight saving: one STANDARD with no change of offset.
			zone: "Asia/Tokyo", from: "2026-10-07", to: "2026-10-07",
			want: []string{
				"BEGIN:VTIMEZONE",
				"TZID:Asia/Tokyo",
				"BEGIN:STANDARD",
				"DTSTART:19700101T000000",
				"TZOFFSETFROM:+0900",
				"TZOFFSETTO:+0900",
				"TZNAME:JST",
				"END:STANDARD",
				"END:VTIMEZONE",
			},
		},
		{
			// The US rules changed in 2007: each rule gets its own
			// observances, and the old ones stop with UNTIL.
			zone: "America/New_York", from: "2006-06-01", to: "2007-06-01",
			want: []string{
				"BEGIN:VTIMEZONE",
				"TZID:America/New_York",
				"BEGIN:STANDARD",
				"DTSTART:20051030T020000",
				"TZOFFSETFROM:-0400",
				"TZOFFSETTO:-0500",
				"TZNAME:EST",
				"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061030T060000Z",
				"END:STANDARD",
				"BEGIN:DAYLIGHT",
				"DTSTART:20060402T020000",
				"TZOFFSETFROM:-0500",
				"TZOFFSETTO:-0400",
				"TZNAME:EDT",
				"END:DAYLIGHT",
				"BEGIN:DAYLIGHT",
				"DTSTART:20070311T020000",
				"TZOFFSETFROM:-0500",
				"TZOFFSETTO:-0400",
				"TZNAME:EDT",
				"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
				"END:DAYLIGHT",
				"BEGIN:STANDARD",
				"DTSTART:20071104T020000",
				"TZOFFSETFROM:-0400",
				"TZOFFSETTO:-0500",
				"TZNAME:EST",
				"RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
				"END:STANDARD",
				"END:VTIMEZONE",
			},
		},
		{
			// Brazil stopped daylight saving in 2019: single observances,
			// and no rule that would bring it back.
			zone: "America/Sao_Paulo", from: "2019-01-10", to: "2019-12-10",
			want: []string{
				"BEGIN:VTIMEZONE",
				"TZID:America/Sao_Paulo",
				"BEGIN:DAYLIGHT",
				"DTSTART:20181104T000000",
				"TZOFFSETFROM:-0300",
				"TZOFFSETTO:-0200",
				"TZNAME:-02",
				"END:DAYLIGHT",
				"BEGIN:STANDARD",
				"DTSTART:20190217T000000",
				"TZOFFSETFROM:-0200",
				"TZOFFSETTO:-0300",
				"TZNAME:-03",
				"END:STANDARD",
				"END:VTIMEZONE",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.zone+"/"+tt.from, func(t *testing.T) {
			loc := mustLoad(t, tt.zone)
			from, _ := time.ParseInLocation(time.DateOnly, tt.from, loc)
			to, _ := time.ParseInLocation(time.DateOnly, tt.to, loc)
			got := vtimezoneLines(loc, from, to)
			if !slices.Equal(got, tt.want) {
				t.Errorf("VTIMEZONE:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestVTimezoneMatchesGo reads back the VTIMEZONE the way a client does and
// checks that it gives Go's offset at every instant of the covered years.
func TestVTimezoneMatchesGo(t *testing.T) {
	zones := []string{
		"Europe/London", "Europe/Dublin", "Europe/Paris", "Europe/Moscow", "Europe/Istanbul",
		"Europe/Kyiv", "America/New_York", "America/Los_Angeles", "America/Sao_Paulo",
		"America/Santiago", "America/Asuncion", "America/Havana", "America/St_Johns",
		"America/Godthab", "Pacific/Auckland", "Pacific/Chatham", "Pacific/Apia",
		"Australia/Sydney", "Australia/Lord_Howe", "Australia/Adelaide", "Asia/Tokyo",
		"Asia/Kolkata", "Asia/Kathmandu", "Asia/Tehran", "Asia/Jerusalem", "Asia/Gaza",
		"Asia/Amman", "Asia/Beirut", "Africa/Casablanca", "Africa/Cairo", "Antarctica/Troll",
		"Etc/GMT+5", "Etc/UTC",
	}
	if !testing.Short() {
		zones = append(zones, systemZones(t)...)
		slices.Sort(zones)
		zones = slices.Compact(zones)
	}
	windows := [][2]int{{1996, 1997}, {2005, 2008}, {2011, 2011}, {2014, 2016}, {2019, 2020}, {2025, 2027}, {2037, 2038}}
	for _, name := range zones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Logf("skipping %s, which this system's zone database lacks: %v", name, err)
			continue
		}
		for _, win := range windows {
			from := time.Date(win[0], 3, 1, 12, 0, 0, 0, loc)
			to := time.Date(win[1], 10, 1, 12, 0, 0, 0, loc)
			checkAgainstGo(t, loc, from, to)
		}
	}
}

// checkAgainstGo compares the VTIMEZONE's offsets with Go's at every
// transition (and the second before it) and at every local midnight of
// the covered years.
func checkAgainstGo(t *testing.T, loc *time.Location, from, to time.Time) {
	t.Helper()
	var w writer
	w.writeVTimezone(nil, loc, from, to)
	cal := parse(t, []byte("BEGIN:VCALENDAR\r\n"+w.b.String()+"END:VCALENDAR\r\n"))
	vtz := cal.all("VTIMEZONE")[0]
	begin := time.Date(from.Year(), 1, 1, 0, 0, 0, 0, loc)
	end := time.Date(to.Year()+1, 1, 1, 0, 0, 0, 0, loc)
	changes := expandVTimezone(t, vtz, end.Year()+1)

	var instants []time.Time
	for d := begin; d.Before(end); d = d.Add(24 * time.Hour) {
		instants = append(instants, d)
	}
	for t0 := begin; ; {
		_, next := t0.ZoneBounds()
		if next.IsZero() || !next.Before(end) {
			break
		}
		instants = append(instants, next, next.Add(-time.Second))
		t0 = next
	}
	bad := 0
	for _, at := range instants {
		_, want := at.In(loc).Zone()
		got, ok := offsetAt(changes, at)
		if !ok || got != want {
			bad++
			if bad <= 3 {
				t.Errorf("%s, covering %d-%d: at %s VTIMEZONE gives %s (known %v), Go %s",
					loc, from.Year(), to.Year(), at.UTC().Format(time.RFC3339), formatOffset(got), ok, formatOffset(want))
			}
		}
	}
	if bad > 3 {
		t.Errorf("%s, covering %d-%d: %d wrong offsets in all\n%s", loc, from.Year(), to.Year(), bad, w.b.String())
	}
}

// change is an onset expanded from a VTIMEZONE observance.
type change struct {
	at time.Time
	to int
}

func offsetAt(changes []change, at time.Time) (int, bool) {
	i, _ := slices.BinarySearchFunc(changes, at, func(c change, at time.Time) int {
		if c.at.After(at) {
			return 1
		}
		return -1
	})
	if i == 0 {
		return 0, false
	}
	return changes[i-1].to, true
}

// expandVTimezone lists the onsets of every observance up to the end of
// lastYear. It knows the yearly rules this package writes, and fails on
// anything else.
func expandVTimezone(t *testing.T, vtz *component, lastYear int) []change {
	t.Helper()
	var out []change
	for _, obs := range vtz.subs {
		start, err := time.Parse(localTimeLayout, obs.get("DTSTART")[0])
		if err != nil {
			t.Fatal(err)
		}
		from, to := parseOffset(t, obs.get("TZOFFSETFROM")[0]), parseOffset(t, obs.get("TZOFFSETTO")[0])
		onset := func(local time.Time) time.Time { return local.Add(-time.Duration(from) * time.Second) }
		rules := obs.get("RRULE")
		if len(rules) == 0 {
			out = append(out, change{onset(start), to})
			continue
		}
		parts := map[string]string{}
		for _, p := range strings.Split(rules[0], ";") {
			k, v, _ := strings.Cut(p, "=")
			parts[k] = v
		}
		if parts["FREQ"] != "YEARLY" || parts["BYMONTH"] == "" {
			t.Fatalf("unexpected VTIMEZONE rule %q", rules[0])
		}
		var until time.Time
		if parts["UNTIL"] != "" {
			until, err = time.Parse(utcTimeLayout, parts["UNTIL"])
			if err != nil {
				t.Fatal(err)
			}
		}
		month, _ := strconv.Atoi(parts["BYMONTH"])
		for y := start.Year(); y <= lastYear; y++ {
			for d := 1; d <= daysIn(y, time.Month(month)); d++ {
				local := time.Date(y, time.Month(month), d, start.Hour(), start.Minute(), start.Second(), 0, time.UTC)
				if local.Before(start) || !matchesDay(t, parts, local) {
					continue
				}
				if at := onset(local); until.IsZero() || !at.After(until) {
					out = append(out, change{at, to})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b change) int { return a.at.Compare(b.at) })
	return out
}

// matchesDay applies BYDAY (plain or with an ordinal) and BYMONTHDAY.
func matchesDay(t *testing.T, parts map[string]string, d time.Time) bool {
	if days := parts["BYMONTHDAY"]; days != "" && !slices.Contains(strings.Split(days, ","), strconv.Itoa(d.Day())) {
		return false
	}
	byday := parts["BYDAY"]
	if byday == "" {
		return true
	}
	wd, ord := byday[len(byday)-2:], byday[:len(byday)-2]
	if weekdayCode(d.Weekday()) != wd {
		return false
	}
	if ord == "" {
		return true
	}
	n, err := strconv.Atoi(ord)
	if err != nil {
		t.Fatalf("bad BYDAY %q", byday)
	}
	if n > 0 {
		return (d.Day()-1)/7+1 == n
	}
	return (daysIn(d.Year(), d.Month())-d.Day())/7+1 == -n
}

func parseOffset(t *testing.T, s string) int {
	t.Helper()
	sign := 1
	if s[0] == '-' {
		sign = -1
	}
	h, _ := strconv.Atoi(s[1:3])
	m, _ := strconv.Atoi(s[3:5])
	sec := 0
	if len(s) == 7 {
		sec, _ = strconv.Atoi(s[5:7])
	}
	return sign * (h*3600 + m*60 + sec)
}

// systemZones lists the zones in the system's zone1970.tab, if it has one.
func systemZones(t *testing.T) []string {
	f, err := os.Open("/usr/share/zoneinfo/zone1970.tab")
	if err != nil {
		t.Logf("no system zone list: %v", err)
		return nil
	}
	defer f.Close()
	var zones []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) >= 3 && !strings.HasPrefix(fields[0], "#") {
			zones = append(zones, fields[2])
		}
	}
	return zones
}

func TestYearlyRule(t *testing.T) {
	at := func(days ...string) []onset {
		var run []onset
		for _, d := range days {
			local, err := time.Parse("2006-01-02 15:04", d)
			if err != nil {
				t.Fatal(err)
			}
			run = append(run, onset{local: local})
		}
		return run
	}
	tests := []struct {
		name string
		run  []onset
		want string // "" if no rule fits
	}{
		{"last Sunday", at("2026-03-29 01:00", "2027-03-28 01:00"), "BYMONTH=3;BYDAY=-1SU"},
		{"second Sunday", at("2026-03-08 02:00", "2027-03-14 02:00"), "BYMONTH=3;BYDAY=2SU"},
		{"first Sunday", at("2026-04-05 03:00", "2027-04-04 03:00"), "BYMONTH=4;BYDAY=1SU"},
		{"fixed date", at("2020-03-21 00:00", "2021-03-21 00:00"), "BYMONTH=3;BYMONTHDAY=21"},
		{"Friday on or after the 23rd", at("2026-03-27 02:00", "2027-03-26 02:00", "2028-03-24 02:00", "2029-03-23 02:00", "2030-03-29 02:00"),
			"BYMONTH=3;BYMONTHDAY=23,24,25,26,27,28,29;BYDAY=FR"},
		{"different months", at("2026-03-29 01:00", "2027-04-04 01:00"), ""},
		{"different times", at("2026-03-29 01:00", "2027-03-28 02:00"), ""},
		{"moving dates", at("2026-02-15 03:00", "2027-02-07 03:00"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := yearlyRule(tt.run)
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("yearlyRule = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

// A VTIMEZONE written again, for the same zone and years, is the one
// written first, from the cache; other years or another zone are not.
func TestVTimezoneCache(t *testing.T) {
	var zones VTimezones
	london, paris, saoPaulo := mustLoad(t, "Europe/London"), mustLoad(t, "Europe/Paris"), mustLoad(t, "America/Sao_Paulo")
	d := func(y int) time.Time { return time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		loc      *time.Location
		from, to time.Time
	}{
		{london, d(2026), d(2026)},
		{london, d(2026), d(2026)},
		{london, d(2026), d(2028)},
		{paris, d(2026), d(2026)},
		{london, d(2026), d(2026)}, // after another zone
		// Brazil ended daylight saving in 2019: the years covered matter.
		{saoPaulo, d(2017), d(2017)},
		{saoPaulo, d(2017), d(2021)},
		{saoPaulo, d(2021), d(2021)},
	} {
		var cached, fresh writer
		cached.b.WriteString("X:before\r\n")
		cached.writeVTimezone(&zones, tc.loc, tc.from, tc.to)
		fresh.b.WriteString("X:before\r\n")
		fresh.writeVTimezoneAnew(tc.loc, tc.from, tc.to)
		if cached.b.String() != fresh.b.String() {
			t.Errorf("%s %d-%d: the cached block differs:\n%s\nwant\n%s", tc.loc, tc.from.Year(), tc.to.Year(), cached.b.String(), fresh.b.String())
		}
	}
	if _, ok := zones.get(vtimezoneKey{saoPaulo, 2021, 2021}); !ok {
		t.Error("the cache does not hold the last block written")
	}
	if _, ok := zones.get(vtimezoneKey{london, 2026, 2026}); ok {
		t.Error("the cache still holds another zone's blocks")
	}
	if a, b := vtimezoneLines(saoPaulo, d(2017), d(2017)), vtimezoneLines(saoPaulo, d(2021), d(2021)); slices.Equal(a, b) {
		t.Error("one block for years with and without daylight saving")
	}
}

// Calendars that share a VTimezones are written as they are without one.
func TestCalendarZones(t *testing.T) {
	var zones VTimezones
	for i := range 3 {
		c := schoolCalendar(t)
		want, err := c.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		c.Zones = &zones
		got, err := c.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("calendar %d with Zones differs from without:\n%s\nwant\n%s", i, got, want)
		}
	}
	if len(zones.blocks) != 1 {
		t.Errorf("Zones holds %d blocks after three calendars of one zone and years, want 1", len(zones.blocks))
	}
}
