// Package chart draws the small charts on a school's pages (measures over
// time on the action-plan page, questionnaire results on the views page) as
// inline SVG, at build time, with no JavaScript and no library.
//
// Every chart is an <svg role="img"> labelled by its own <title> and <desc>,
// scales to its container through its viewBox (the page's CSS should cap its
// width, e.g. max-width: 22rem), and its text is 16px at 320 CSS pixels wide.
// It draws in currentColor and marks each part with a class (chart-line,
// chart-target, chart-axis, …) so the page's CSS, forced-colors mode
// included, decides the colours. Nothing relies on colour alone: the target
// line is dashed and labelled, points have markers, values are written as
// text and bar segments have patterns. The page should still give the
// numbers in a table next to the chart.
//
// Output is a string of SVG markup; the caller wraps it as template.HTML.
// It is deterministic: the same input gives the same bytes.
package chart

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Layout, in viewBox units. A 288-wide viewBox is as wide as the text
// column of a 320px-wide phone (320px less 1rem each side), so 16-unit
// text renders at 16px there, the body's size; the page's CSS caps the
// chart's width on wider screens (22rem keeps the labels near the
// body's 19px).
const (
	width      = 288.0
	fontSize   = 16.0
	lineHeight = 1.3 * fontSize
)

// Point is one value of a measure on a date.
type Point struct {
	Date  time.Time
	Value float64
}

// Change describes how a measure moved between its first and last points.
type Change struct {
	Text      string // "up 7.5 percentage points since 1 September 2026"; "" for fewer than two points
	Improving bool   // it moved the way that is better
	Worsening bool   // it moved the way that is worse
}

// Movement says in plain English how the measure moved from its earliest
// point to its latest: "up 7.5 percentage points since 1 September 2026"
// when unit is "%", "down 12 days since …" for a unit word, "no change
// since …". With fewer than two points it returns the zero Change. A nil
// dateFmt writes dates as "1 September 2026".
func Movement(points []Point, unit string, higherIsBetter bool, dateFmt func(time.Time) string) Change {
	return English.Movement(points, unit, higherIsBetter, dateFmt)
}

// FormatNumber writes v rounded to two decimal places, without trailing
// zeros and with commas in thousands: 55.5, 48, 0.25, 1,250.
func FormatNumber(v float64) string {
	v = round2(v)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	whole, frac, _ := strings.Cut(strconv.FormatFloat(math.Abs(v), 'f', -1, 64), ".")
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// round2 rounds to two decimal places, the precision the site shows, and
// turns -0 into 0.
func round2(v float64) float64 {
	v = math.Round(v*100) / 100
	if v == 0 {
		return 0
	}
	return v
}

// Quantity writes v with its unit: "55.5%", "12 days", "1 day".
func Quantity(v float64, unit string) string { return quantity(v, unit, "") }

// quantity writes v with its unit: "55.5%" or "12 days", "1 day". When
// unit is "%" and pointWord is not empty, it writes "7.5 percentage
// points" instead, which is how a difference of percentages is said.
func quantity(v float64, unit, pointWord string) string {
	n := FormatNumber(v)
	switch {
	case unit == "%" && pointWord == "":
		return n + "%"
	case unit == "%":
		unit = pointWord + "s"
	case unit == "":
		return n
	}
	if n == "1" {
		unit = singular(unit)
	}
	return n + " " + unit
}

// singular turns a plural unit word into its singular for "1 day",
// "1 pupil", "1 entry". Units are simple English plurals; a word it does not
// recognise as plural is left alone.
func singular(word string) string {
	switch {
	case strings.HasSuffix(word, "ies"):
		return strings.TrimSuffix(word, "ies") + "y"
	case strings.HasSuffix(word, "s") && !strings.HasSuffix(word, "ss"):
		return strings.TrimSuffix(word, "s")
	}
	return word
}

// byDate returns a copy of points sorted by date, so callers' slices are
// left alone and the output does not depend on their order.
func byDate(points []Point) []Point {
	pts := slices.Clone(points)
	slices.SortStableFunc(pts, func(a, b Point) int { return a.Date.Compare(b.Date) })
	return pts
}

// esc escapes text for XML character data and attribute values, and drops
// the control characters XML does not allow at all.
func esc(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	return html.EscapeString(s)
}

// num writes a coordinate compactly and deterministically.
func num(v float64) string {
	return strconv.FormatFloat(round2(v), 'f', -1, 64)
}

// textWidth estimates the width of s in viewBox units, generously (close to
// the metrics of DejaVu Sans, a wide font), so labels fit in the page's font.
func textWidth(s string) float64 {
	em := 0.0
	for _, r := range s {
		switch {
		case strings.ContainsRune(" .,:;'!|ijltfrI", r):
			em += 0.35
		case strings.ContainsRune("%mwMW", r):
			em += 0.95
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			em += 0.7
		default:
			em += 0.6
		}
	}
	return em * fontSize
}

// wrap joins words with spaces into lines that fit maxWidth. A "word" may
// hold spaces of its own to keep a phrase together; one too long for a line
// gets a line of its own.
func wrap(words []string, maxWidth float64) []string {
	var lines []string
	var line string
	for _, w := range words {
		switch {
		case line == "":
			line = w
		case textWidth(line+" "+w) <= maxWidth:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// svgWriter accumulates the markup of one chart.
type svgWriter struct {
	strings.Builder
}

func (w *svgWriter) printf(format string, args ...any) {
	fmt.Fprintf(&w.Builder, format, args...)
}

// open writes the <svg> element with its text alternatives. The title and
// desc ids come from prefix, so that several charts can share a page.
func (w *svgWriter) open(prefix, class, title, desc string, height float64) {
	if prefix == "" {
		prefix = "chart"
	}
	id := esc(prefix)
	w.printf(`<svg xmlns="http://www.w3.org/2000/svg" class="chart %s" role="img" aria-labelledby="%s-title %s-desc" viewBox="0 0 %s %s" width="100%%" font-size="%s">`,
		class, id, id, num(width), num(height), num(fontSize))
	w.printf(`<title id="%s-title">%s</title>`, id, esc(title))
	w.printf(`<desc id="%s-desc">%s</desc>`, id, esc(desc))
}

// text writes one <text> element; attrs is written as it is.
func (w *svgWriter) text(x, y float64, attrs, s string) {
	if attrs != "" {
		attrs = " " + attrs
	}
	w.printf(`<text x="%s" y="%s"%s>%s</text>`, num(x), num(y), attrs, esc(s))
}

// baseline returns the y of a line of text's baseline to centre it on y.
func baseline(y float64) float64 {
	return y + 0.35*fontSize
}
