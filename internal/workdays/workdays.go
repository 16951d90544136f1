// Package workdays knows the bank holidays of England and Wales and counts
// working days, so the site can estimate deadlines such as "within 10 working
// days of the final report" without anyone typing holiday dates in by hand.
//
// Dates are civil dates carried in a time.Time: only the year, month and day
// of an argument matter (read in the argument's own location), and every date
// the package returns is at midnight UTC.
//
// The regular holidays are computed from the year by the rules in force since
// 1978, when the early May bank holiday began. Changes made by royal
// proclamation cannot be computed; they are listed in proclamations below.
package workdays

import (
	"slices"
	"time"

	"github.com/parentpages/parentpages/internal/civil"
)

// Names of the regular holidays, as gov.uk writes them.
const (
	nameNewYear      = "New Year's Day"
	nameGoodFriday   = "Good Friday"
	nameEasterMonday = "Easter Monday"
	nameEarlyMay     = "Early May bank holiday"
	nameSpring       = "Spring bank holiday"
	nameSummer       = "Summer bank holiday"
	nameChristmas    = "Christmas Day"
	nameBoxingDay    = "Boxing Day"
)

// Holiday is one bank holiday: its date (midnight UTC) and its name.
type Holiday struct {
	Date time.Time
	Name string
}

// Holidays returns the bank holidays of England and Wales in year, sorted by
// date, including the one-off changes made by royal proclamation.
func Holidays(year int) []Holiday {
	hs := regular(year)
	for _, p := range proclamations() {
		if p.date.Year() != year {
			continue
		}
		if p.replaces != "" {
			hs = slices.DeleteFunc(hs, func(h Holiday) bool { return h.Name == p.replaces })
		}
		hs = append(hs, Holiday{Date: p.date, Name: p.name})
	}
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return hs
}

// IsBankHoliday reports whether d's calendar date is a bank holiday.
func IsBankHoliday(d time.Time) bool {
	d = civil.Date(d)
	return slices.ContainsFunc(Holidays(d.Year()), func(h Holiday) bool { return h.Date.Equal(d) })
}

// IsWorkingDay reports whether d's calendar date is Monday to Friday and not a
// bank holiday.
func IsWorkingDay(d time.Time) bool {
	switch d.Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	return !IsBankHoliday(d)
}

// AddWorkingDays returns the nth working day after d: n = 1 is the next
// working day after d. For n = 0 it returns d itself if d is a working day,
// else the next working day. A negative n counts back: n = -1 is the last
// working day before d.
func AddWorkingDays(d time.Time, n int) time.Time {
	d = civil.Date(d)
	if n == 0 {
		for !IsWorkingDay(d) {
			d = d.AddDate(0, 0, 1)
		}
		return d
	}
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDate(0, 0, step)
		if IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// Easter returns Easter Sunday of year in the Gregorian calendar, by the
// anonymous Gregorian algorithm (Meeus/Jones/Butcher).
func Easter(year int) time.Time {
	a := year % 19
	b, c := year/100, year%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(year, time.Month(month), day)
}

// regular returns the holidays the standing rules give for year, sorted.
func regular(year int) []Holiday {
	easter := Easter(year)
	hs := []Holiday{
		{nextWeekday(date(year, time.January, 1)), nameNewYear},
		{easter.AddDate(0, 0, -2), nameGoodFriday},
		{easter.AddDate(0, 0, 1), nameEasterMonday},
		{firstMonday(year, time.May), nameEarlyMay},
		{lastMonday(year, time.May), nameSpring},
		{lastMonday(year, time.August), nameSummer},
	}
	// Christmas and Boxing Day each take the first weekday on or after their
	// date that the other has not already taken: 25th on a Saturday gives
	// Monday 27th and Tuesday 28th; 25th on a Sunday leaves Boxing Day on
	// Monday 26th and moves Christmas to Tuesday 27th.
	christmas := date(year, time.December, 25)
	boxing := date(year, time.December, 26)
	switch christmas.Weekday() {
	case time.Friday: // Boxing Day falls on Saturday.
		boxing = date(year, time.December, 28)
	case time.Saturday:
		christmas = date(year, time.December, 27)
		boxing = date(year, time.December, 28)
	case time.Sunday:
		christmas = date(year, time.December, 27)
	}
	hs = append(hs, Holiday{christmas, nameChristmas}, Holiday{boxing, nameBoxingDay})
	slices.SortStableFunc(hs, func(a, b Holiday) int { return a.Date.Compare(b.Date) })
	return hs
}

// proclamation is a change to the bank holidays made by royal proclamation
// for one year only. If replaces names a regular holiday, that holiday moves
// to date; otherwise date is an extra holiday.
type proclamation struct {
	date     time.Time
	name     string
	replaces string
}

// proclamations lists the known one-off changes since 1978. These are
// PROCLAMATION EXCEPTIONS, not rules: add a line here when a new one is
// announced (gov.uk/bank-holidays publishes them).
func proclamations() []proclamation {
	return []proclamation{
		{date(1981, time.July, 29), "Royal wedding", ""},
		{date(1995, time.May, 8), "Early May bank holiday (VE day)", nameEarlyMay},
		{date(1999, time.December, 31), "Millennium celebrations", ""},
		{date(2002, time.June, 3), "Queen's Golden Jubilee", ""},
		{date(2002, time.June, 4), nameSpring, nameSpring},
		{date(2011, time.April, 29), "Royal wedding", ""},
		{date(2012, time.June, 4), nameSpring, nameSpring},
		{date(2012, time.June, 5), "Queen's Diamond Jubilee", ""},
		{date(2020, time.May, 8), "Early May bank holiday (VE day)", nameEarlyMay},
		{date(2022, time.June, 2), nameSpring, nameSpring},
		{date(2022, time.June, 3), "Platinum Jubilee bank holiday", ""},
		{date(2022, time.September, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II", ""},
		{date(2023, time.May, 8), "Bank holiday for the coronation of King Charles III", ""},
	}
}

func date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// nextWeekday returns d, or the Monday after it if d is at a weekend.
func nextWeekday(d time.Time) time.Time {
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

func firstMonday(year int, month time.Month) time.Time {
	d := date(year, month, 1)
	return d.AddDate(0, 0, (int(time.Monday)-int(d.Weekday())+7)%7)
}

func lastMonday(year int, month time.Month) time.Time {
	d := date(year, month+1, 0) // day 0 of the next month is the last of this one
	return d.AddDate(0, 0, -((int(d.Weekday()) - int(time.Monday) + 7) % 7))
}
