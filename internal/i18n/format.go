package i18n

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// digitZero is the zero of each way of writing digits a catalogue may
// choose; the other nine follow it in Unicode.
var digitZero = map[string]rune{
	"latn":    '0',
	"arab":    '٠', // U+0660, Arabic-Indic: what readers of Arabic in the Middle East expect
	"arabext": '۰', // U+06F0, Extended Arabic-Indic: Urdu and Persian
}

// InDigits writes the ASCII digits of s in the catalogue's digits.
func (c *Catalogue) InDigits(s string) string { return c.digits(s) }

func (c *Catalogue) digits(s string) string {
	zero := digitZero[c.Digits]
	if zero == 0 || zero == '0' {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			r = zero + (r - '0')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Int writes a count: "1,250" in English.
func (c *Catalogue) Int(n int) string { return c.Number(float64(n)) }

// Number writes v rounded to two decimal places, without trailing zeros,
// with the catalogue's separators and digits: 55.5, 48, 0.25, 1,250 in
// English.
func (c *Catalogue) Number(v float64) string {
	v = math.Round(v*100) / 100
	if v == 0 {
		v = 0 // not -0
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	group, decimal := c.format("group_separator", ","), c.format("decimal_separator", ".")
	whole, frac, _ := strings.Cut(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), ".")
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(decimal + frac)
	}
	return c.digits(b.String())
}

func (c *Catalogue) format(name, dflt string) string {
	if f, ok := c.formats[name]; ok {
		return f
	}
	return dflt
}

// Format fills a format of the catalogue (see themes/README.md) from t:
// {weekday}, {day}, {month}, {month_standalone}, {month_short}, {year},
// {hour} (0-23), {hh} (00-23), {h12} (1-12), {minute} (00-59), {ampm}.
func (c *Catalogue) Format(name string, t time.Time) string {
	return c.fillTime(c.format(name, ""), t)
}

func (c *Catalogue) fillTime(pattern string, t time.Time) string {
	var b strings.Builder
	for _, s := range parseText(pattern) {
		if !s.arg {
			b.WriteString(s.text)
			continue
		}
		b.WriteString(c.timePart(s.text, t))
	}
	// The pattern's own digits too: "{hour}:00".
	return c.digits(b.String())
}

func (c *Catalogue) timePart(name string, t time.Time) string {
	pick := func(words []string, i int) string {
		if i < len(words) {
			return words[i]
		}
		return ""
	}
	m := int(t.Month()) - 1
	switch name {
	case "weekday":
		return pick(c.weekdays, int(t.Weekday()))
	case "day":
		return c.digits(strconv.Itoa(t.Day()))
	case "month":
		return pick(c.months, m)
	case "month_standalone":
		if c.monthsStandalone != nil {
			return pick(c.monthsStandalone, m)
		}
		return pick(c.months, m)
	case "month_short":
		if c.monthsShort != nil {
			return pick(c.monthsShort, m)
		}
		return pick(c.months, m)
	case "year":
		return c.digits(strconv.Itoa(t.Year()))
	case "hour":
		return c.digits(strconv.Itoa(t.Hour()))
	case "hh":
		return c.digits(t.Format("15"))
	case "h12":
		return c.digits(strconv.Itoa((t.Hour()+11)%12 + 1))
	case "minute":
		return c.digits(t.Format("04"))
	case "ampm":
		if t.Hour() < 12 {
			return c.format("am", "")
		}
		return c.format("pm", "")
	}
	return "{" + name + "}"
}

// LongDate writes a date with its weekday: "Tuesday 7 October 2026".
func (c *Catalogue) LongDate(t time.Time) string { return c.Format("long_date", t) }

// ShortDate writes "7 October 2026".
func (c *Catalogue) ShortDate(t time.Time) string { return c.Format("short_date", t) }

// DayMonth writes "7 October", the start of a span within a year.
func (c *Catalogue) DayMonth(t time.Time) string { return c.Format("day_month", t) }

// Day writes "7", the start of a span within a month.
func (c *Catalogue) Day(t time.Time) string { return c.Format("day", t) }

// MonthYear writes "October 2026", as a heading.
func (c *Catalogue) MonthYear(t time.Time) string { return c.Format("month_year", t) }

// ChartDate writes "Oct 2026", the dates on a chart's time axis.
func (c *Catalogue) ChartDate(t time.Time) string { return c.Format("chart_date", t) }

// Clock writes a time of day: "4pm", "4:30pm", "midday" in English;
// "16:00" where the catalogue's clock is 24-hour. Midday and midnight are
// written by name when the catalogue has a name for them.
func (c *Catalogue) Clock(t time.Time) string {
	h, m := t.Hour(), t.Minute()
	switch {
	case h == 12 && m == 0 && c.format("clock_midday", "") != "":
		return c.format("clock_midday", "")
	case h == 0 && m == 0 && c.format("clock_midnight", "") != "":
		return c.format("clock_midnight", "")
	case m == 0:
		return c.Format("clock_hour", t)
	}
	return c.Format("clock_minutes", t)
}
