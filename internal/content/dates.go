package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// suggestion is the error of a value written in another form than the
// format's, with the value probably meant ("" if none can be worked out),
// from which a corrected line is made.
type suggestion struct {
	msg, value string
}

func (s suggestion) Error() string { return s.msg }

var (
	// 3/12/2026, 03.12.26, 3-12-2026: day first, as in the UK.
	dayFirstRE = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})$`)
	// 2026/12/3, 2026-12-3, 2026.12.03
	yearFirstRE = regexp.MustCompile(`^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$`)
	// 3 December 2026, 3rd Dec 2026, Thursday 3 December 2026
	dayMonthRE = regexp.MustCompile(`^(?:[a-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([a-z]+)\.?,?\s+(\d{4})$`)
	// December 3, 2026
	monthDayRE = regexp.MustCompile(`^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`)
	// 6pm, 6.30 pm, 6:30p.m.
	twelveHourRE = regexp.MustCompile(`^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?$`)
	// 18:00, 9.15, 18h00
	twentyFourRE = regexp.MustCompile(`^(\d{1,2})[:.h](\d{2})$`)
)

// guessDate reads a date written in a common form other than YYYY-MM-DD,
// taking d/m/y as day first (the UK's order, unless the middle number
// cannot be a month). It returns the date as YYYY-MM-DD, or "".
func guessDate(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	var y, m, d int
	switch {
	case dayFirstRE.MatchString(s):
		p := dayFirstRE.FindStringSubmatch(s)
		d, m, y = atoi(p[1]), atoi(p[2]), atoi(p[3])
		if m > 12 && d <= 12 {
			d, m = m, d // 12/25/2026: month first, as in the US
		}
		if len(p[3]) == 2 {
			y += 2000
		}
	case yearFirstRE.MatchString(s):
		p := yearFirstRE.FindStringSubmatch(s)
		y, m, d = atoi(p[1]), atoi(p[2]), atoi(p[3])
	case dayMonthRE.MatchString(s):
		p := dayMonthRE.FindStringSubmatch(s)
		d, m, y = atoi(p[1]), monthNumber(p[2]), atoi(p[3])
	case monthDayRE.MatchString(s):
		p := monthDayRE.FindStringSubmatch(s)
		m, d, y = monthNumber(p[1]), atoi(p[2]), atoi(p[3])
	default:
		return ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || t.Day() != d || int(t.Month()) != m || t.Year() != y {
		return ""
	}
	return t.Format(time.DateOnly)
}

// guessTime reads a time of day written as 6pm, 6.30pm or 18.00, and
// returns it as HH:MM on the 24-hour clock, or "".
func guessTime(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "noon", "midday", "12 noon":
		return "12:00"
	}
	var h, m int
	if p := twelveHourRE.FindStringSubmatch(s); p != nil {
		h, m = atoi(p[1]), atoi(p[2])
		if h < 1 || h > 12 {
			return ""
		}
		h %= 12
		if p[3] == "p" {
			h += 12
		}
	} else if p := twentyFourRE.FindStringSubmatch(s); p != nil {
		h, m = atoi(p[1]), atoi(p[2])
	} else {
		return ""
	}
	if h > 23 || m > 59 {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", h, m)
}

// guessDateTime reads a date and time written in other forms ("3/12/2026
// 6pm", "2026-12-03 18:00", "2026-12-03T6pm") and returns it as
// YYYY-MM-DDTHH:MM, or a date alone as YYYY-MM-DD; "" if it cannot.
func guessDateTime(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if d := guessDate(s); d != "" {
		return d
	}
	// Split at the last separator after which a time can be read.
	for i := len(s) - 1; i > 0; i-- {
		if c := s[i]; c != ' ' && c != 'T' && c != 't' && c != ',' {
			continue
		}
		datePart := strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s[:i]), " at")), ",")
		timePart := guessTime(s[i+1:])
		if timePart == "" {
			continue
		}
		date := datePart
		if !dateRE.MatchString(date) {
			date = guessDate(datePart)
		}
		if _, err := time.Parse(time.DateOnly, date); err == nil {
			return date + "T" + timePart
		}
	}
	return ""
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// monthNumber reads a month's name, in full or its first three letters.
func monthNumber(name string) int {
	if len(name) < 3 {
		return 0
	}
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		if name == full || (len(name) <= len(full) && strings.HasPrefix(full, name)) || (name == "sept" && m == time.September) {
			return int(m)
		}
	}
	return 0
}

// dateError explains a value that is not a date, YYYY-MM-DD.
func dateError(s string) error {
	if dateRE.MatchString(s) {
		return suggestion{msg: fmt.Sprintf("%q is not a date that exists: check the month and the day (write YYYY-MM-DD, year first)", s)}
	}
	if g := guessDate(s); g != "" {
		return suggestion{msg: fmt.Sprintf("%q is not written as the program reads dates: did you mean %s? Write the year first, then the month and the day, YYYY-MM-DD", s, g), value: g}
	}
	return suggestion{msg: fmt.Sprintf("%q is not a date; write it as YYYY-MM-DD, year first, for example 2026-10-07", s)}
}

// dateTimeError explains a value that is not a date and time,
// YYYY-MM-DDTHH:MM, nor a date alone.
func dateTimeError(s string) error {
	const form = "write YYYY-MM-DDTHH:MM on the 24-hour clock in the site's local time, for example 2026-10-07T18:00, or a date alone (2026-10-07) for an all-day event"
	if g := guessDateTime(s); g != "" {
		if len(g) == len("2026-10-07") {
			return suggestion{msg: fmt.Sprintf("%q is not written as the program reads dates: did you mean %s (all day)? Add the time as %sT18:00, on the 24-hour clock, for a meeting at 6pm", s, g, g), value: g}
		}
		return suggestion{msg: fmt.Sprintf("%q is not written as the program reads dates and times: did you mean %s? Write the date year first, then T and the time on the 24-hour clock", s, g), value: g}
	}
	if t := guessTime(s); t != "" {
		return suggestion{msg: fmt.Sprintf("%q is a time without a date: %s, with the date, such as 2026-10-07T%s", s, form[:strings.Index(form, ",")], t)}
	}
	if dateTimeRE.MatchString(s) || dateRE.MatchString(s) {
		return suggestion{msg: fmt.Sprintf("%q is not a date and time that exists: check the month, the day and the time (%s)", s, form)}
	}
	return suggestion{msg: fmt.Sprintf("%q is not a date and time; %s", s, form)}
}
