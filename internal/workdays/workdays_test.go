package workdays

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// d parses "2006-01-02" for test tables.
func d(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// formatDates writes the holidays' dates, in order, for test tables.
func formatDates(hs []Holiday) string {
	s := make([]string, len(hs))
	for i, h := range hs {
		s[i] = h.Date.Format(time.DateOnly)
	}
	return strings.Join(s, " ")
}

// The lists published at gov.uk/bank-holidays for England and Wales.
func TestBankHolidaysGovUK(t *testing.T) {
	tests := []struct {
		year int
		want string
	}{
		{2002, "2002-01-01 2002-03-29 2002-04-01 2002-05-06 2002-06-03 2002-06-04 2002-08-26 2002-12-25 2002-12-26"},
		{2011, "2011-01-03 2011-04-22 2011-04-25 2011-04-29 2011-05-02 2011-05-30 2011-08-29 2011-12-26 2011-12-27"},
		{2012, "2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26"},
		{2019, "2019-01-01 2019-04-19 2019-04-22 2019-05-06 2019-05-27 2019-08-26 2019-12-25 2019-12-26"},
		{2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28"},
		{2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28"},
		{2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27"},
		{2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26"},
		{2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26"},
		{2025, "2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26"},
		{2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28"},
		{2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.year), func(t *testing.T) {
			if got := formatDates(Holidays(tt.year)); got != tt.want {
				t.Errorf("Holidays(%d)\n got %s\nwant %s", tt.year, got, tt.want)
			}
		})
	}
}

func TestHolidayNames(t *testing.T) {
	tests := []struct {
		date, want string
	}{
		{"2026-12-28", "Boxing Day"},
		{"2027-12-27", "Christmas Day"},
		{"2022-12-27", "Christmas Day"},
		{"2022-06-02", "Spring bank holiday"},
		{"2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"},
		{"2023-05-08", "Bank holiday for the coronation of King Charles III"},
		{"2020-05-08", "Early May bank holiday (VE day)"},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			day := d(t, tt.date)
			var got []string
			for _, h := range Holidays(day.Year()) {
				if h.Date.Equal(day) {
					got = append(got, h.Name)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("names on %s = %q, want [%q]", tt.date, got, tt.want)
			}
		})
	}
}

// The standing rules give eight distinct weekday holidays every year.
func TestRegularRulesEveryYear(t *testing.T) {
	for year := 1978; year <= 2100; year++ {
		hs := regular(year)
		if len(hs) != 8 {
			t.Fatalf("%d: %d holidays, want 8", year, len(hs))
		}
		for i, h := range hs {
			if wd := h.Date.Weekday(); wd == time.Saturday || wd == time.Sunday {
				t.Errorf("%d: %s on %s, a %s", year, h.Name, h.Date.Format(time.DateOnly), wd)
			}
			if i > 0 && !hs[i-1].Date.Before(h.Date) {
				t.Errorf("%d: %s not after %s", year, h.Name, hs[i-1].Name)
			}
		}
	}
}

func TestEaster(t *testing.T) {
	tests := []string{
		"1818-03-22", "1943-04-25", "1961-04-02", "1981-04-19", "2000-04-23",
		"2008-03-23", "2011-04-24", "2019-04-21", "2020-04-12", "2021-04-04",
		"2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20", "2026-04-05",
		"2027-03-28", "2038-04-25", "2049-04-18", "2285-03-22",
	}
	for _, want := range tests {
		t.Run(want, func(t *testing.T) {
			day := d(t, want)
			if got := Easter(day.Year()); !got.Equal(day) {
				t.Errorf("Easter(%d) = %s, want %s", day.Year(), got.Format(time.DateOnly), want)
			}
		})
	}
}

func TestIsWorkingDay(t *testing.T) {
	bst := time.FixedZone("BST", 60*60)
	tests := []struct {
		name string
		day  time.Time
		want bool
	}{
		{"ordinary Tuesday", d(t, "2026-10-06"), true},
		{"Saturday", d(t, "2026-10-10"), false},
		{"Sunday", d(t, "2026-10-11"), false},
		{"Good Friday", d(t, "2026-04-03"), false},
		{"Boxing Day substitute", d(t, "2026-12-28"), false},
		{"Christmas Eve", d(t, "2026-12-24"), true},
		// Only the calendar date as given counts, not the same instant in UTC.
		{"Christmas Day 0:30 an hour ahead of UTC", time.Date(2026, 12, 25, 0, 30, 0, 0, bst), false},
		{"Monday 0:30 BST, Sunday in UTC", time.Date(2026, 6, 1, 0, 30, 0, 0, bst), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsWorkingDay(tt.day); got != tt.want {
				t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.day, got, tt.want)
			}
		})
	}
}

func TestIsBankHoliday(t *testing.T) {
	tests := []struct {
		date string
		want bool
	}{
		{"2026-12-25", true},
		{"2026-12-26", false}, // a Saturday; the holiday moves to Monday 28th
		{"2026-12-28", true},
		{"2022-01-01", false},
		{"2022-01-03", true},
		{"2022-05-30", false}, // the spring bank holiday moved to 2 June
		{"2020-05-04", false}, // early May moved to Friday 8 May
		{"2011-04-29", true},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			if got := IsBankHoliday(d(t, tt.date)); got != tt.want {
				t.Errorf("IsBankHoliday(%s) = %v, want %v", tt.date, got, tt.want)
			}
		})
	}
}

func TestAddWorkingDays(t *testing.T) {
	tests := []struct {
		name  string
		start string
		n     int
		want  string
	}{
		{"zero on a working day", "2026-10-06", 0, "2026-10-06"},
		{"zero on a Saturday", "2026-10-10", 0, "2026-10-12"},
		{"zero on Good Friday", "2026-04-03", 0, "2026-04-07"},
		{"one over a weekend", "2026-10-09", 1, "2026-10-12"},
		{"five in a plain week", "2026-10-05", 5, "2026-10-12"},
		{"across Christmas 2026", "2026-12-24", 1, "2026-12-29"},
		{"10 from the week before Christmas 2026", "2026-12-18", 10, "2027-01-06"},
		{"across Christmas 2027", "2027-12-24", 1, "2027-12-29"},
		{"across Easter 2026", "2026-04-02", 1, "2026-04-07"},
		{"10 across Easter 2027", "2027-03-22", 10, "2027-04-07"},
		{"across the 2022 jubilee", "2022-06-01", 1, "2022-06-06"},
		{"back one over Easter", "2026-04-07", -1, "2026-04-02"},
		{"back five over Christmas", "2027-01-04", -5, "2026-12-23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AddWorkingDays(d(t, tt.start), tt.n)
			if got.Format(time.DateOnly) != tt.want {
				t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tt.start, tt.n, got.Format(time.DateOnly), tt.want)
			}
			if got.Location() != time.UTC || got.Hour() != 0 {
				t.Errorf("result %s is not midnight UTC", got)
			}
		})
	}
}

func BenchmarkAddWorkingDays(b *testing.B) {
	start := time.Date(2026, 12, 18, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		AddWorkingDays(start, 10)
	}
}
