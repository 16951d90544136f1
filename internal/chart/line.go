package chart

import (
	"math"
	"strings"
	"time"
)

// Line is a measure over time, drawn as a line with a marker at each point,
// the latest value written beside the last point and, if set, a dashed and
// labelled target line.
type Line struct {
	IDPrefix string // makes the ids of title and desc unique on the page, e.g. "maths-measure-1"
	Title    string // the text alternative's name, e.g. the measure's name
	Desc     string // a longer text alternative; empty: one is written from the data
	Unit     string // "%" or a word such as "days" or "pupils"

	Points         []Point // at least one; any order (they are drawn by date)
	Target         *float64
	HigherIsBetter bool
	DateLabel      func(time.Time) string // labels on the time axis; nil: "Jan 2006"
}

// Vertical layout of a line chart, in viewBox units.
const (
	plotTop    = 2 * fontSize // room for the unit caption above the plot
	plotHeight = 150.0
	plotBottom = plotTop + plotHeight
	markerR    = 4.5
)

// SVG returns the chart as an <svg> element, or "" if there are no points.
func (l Line) SVG() string {
	if len(l.Points) == 0 {
		return ""
	}
	pts := byDate(l.Points)
	dateLabel := l.DateLabel
	if dateLabel == nil {
		dateLabel = func(t time.Time) string { return t.Format("Jan 2006") }
	}
	percent := l.Unit == "%"

	values := make([]float64, 0, len(pts)+1)
	for _, p := range pts {
		values = append(values, p.Value)
	}
	if l.Target != nil {
		values = append(values, *l.Target)
	}
	ax := niceAxis(values, percent)

	// Horizontal layout: tick labels on the left; the latest value and
	// the target's label in a margin on the right, clear of the data.
	var tickLabels []string
	for _, v := range ax.ticks() {
		s := FormatNumber(v)
		if percent {
			s += "%"
		}
		tickLabels = append(tickLabels, s)
	}
	valueLabel := quantity(pts[len(pts)-1].Value, l.Unit, "")
	var targetLabel []string
	if l.Target != nil {
		targetLabel = []string{"Target", quantity(*l.Target, l.Unit, "")}
	}
	plotLeft := maxWidth(tickLabels) + markerR + 8 // clear of the first marker
	// The latest value is bold, so a little wider.
	right := max(1.1*textWidth(valueLabel), maxWidth(targetLabel))
	plotRight := width - right - markerR - 8
	plotWidth := plotRight - plotLeft

	first, last := pts[0].Date, pts[len(pts)-1].Date
	x := func(t time.Time) float64 {
		span := last.Sub(first)
		if span <= 0 {
			return plotLeft + plotWidth/2
		}
		return plotLeft + plotWidth*float64(t.Sub(first))/float64(span)
	}
	y := func(v float64) float64 {
		return plotBottom - plotHeight*(v-ax.lo)/(ax.hi-ax.lo)
	}

	// Date labels under the first and last points; if custom labels are
	// too long to sit side by side, the last drops to a second row.
	dateLabels := []string{dateLabel(first)}
	if last.After(first) {
		dateLabels = append(dateLabels, dateLabel(last))
	}
	dateY := plotBottom + fontSize + 8
	lastDateY := dateY
	if len(dateLabels) == 2 && textWidth(dateLabels[0])+textWidth(dateLabels[1])+fontSize > plotWidth {
		lastDateY += lineHeight
	}
	// Where the axis does not start at zero, a line under the dates says
	// so, and so does the text alternative.
	note := ax.baselineNote(l.Unit)
	var noteLines []string
	if note != "" {
		noteLines = wrap(strings.Fields(note), width)
	}
	noteY := lastDateY + lineHeight + 4
	height := lastDateY + 8 + float64(len(noteLines))*lineHeight

	var w svgWriter
	desc := l.Desc
	if desc == "" {
		desc = l.describe(pts, dateLabel)
	}
	if note != "" {
		desc += " " + note
	}
	w.open(l.IDPrefix, "chart-line-chart", l.Title, desc, height)

	// Gridlines, faint, and their values.
	w.printf(`<g class="chart-grid" stroke="currentColor" stroke-opacity="0.3" stroke-width="1">`)
	for _, v := range ax.ticks() {
		w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(plotLeft), num(y(v)), num(plotRight), num(y(v)))
	}
	w.printf(`</g>`)
	w.printf(`<g class="chart-axis-label" fill="currentColor" text-anchor="end">`)
	for i, v := range ax.ticks() {
		w.text(plotLeft-markerR-4, baseline(y(v)), "", tickLabels[i])
	}
	w.printf(`</g>`)
	if !percent && l.Unit != "" {
		w.text(0, fontSize, `class="chart-axis-label" fill="currentColor"`, l.Unit)
	}

	// The time axis, with a tick at each point's date.
	w.printf(`<g class="chart-axis" stroke="currentColor" stroke-width="1.5">`)
	w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(plotLeft), num(plotBottom), num(plotRight), num(plotBottom))
	for _, p := range pts {
		w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(x(p.Date)), num(plotBottom), num(x(p.Date)), num(plotBottom+5))
	}
	w.printf(`</g>`)
	w.printf(`<g class="chart-axis-label" fill="currentColor">`)
	if len(dateLabels) == 1 {
		w.text(x(first), dateY, `text-anchor="middle"`, dateLabels[0])
	} else {
		w.text(plotLeft, dateY, `text-anchor="start"`, dateLabels[0])
		w.text(plotRight, lastDateY, `text-anchor="end"`, dateLabels[1])
	}
	w.printf(`</g>`)
	if len(noteLines) > 0 {
		w.printf(`<text class="chart-baseline" fill="currentColor">`)
		for i, line := range noteLines {
			w.printf(`<tspan x="0" y="%s">%s</tspan>`, num(noteY+float64(i)*lineHeight), esc(line))
		}
		w.printf(`</text>`)
	}

	// The target: dashed, so it differs from the data by shape, and named
	// in text in the right margin.
	labelX := plotRight + markerR + 6
	if l.Target != nil {
		ty := y(*l.Target)
		w.printf(`<line class="chart-target" x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-width="2" stroke-dasharray="6 4"/>`,
			num(plotLeft), num(ty), num(plotRight), num(ty))
		w.printf(`<text class="chart-target-label" fill="currentColor">`)
		w.printf(`<tspan x="%s" y="%s">%s</tspan>`, num(labelX), num(baseline(ty-lineHeight/2)), esc(targetLabel[0]))
		w.printf(`<tspan x="%s" y="%s">%s</tspan>`, num(labelX), num(baseline(ty+lineHeight/2)), esc(targetLabel[1]))
		w.printf(`</text>`)
	}

	// The data: a line through markers, and the latest value in text.
	if len(pts) > 1 {
		coords := make([]string, len(pts))
		for i, p := range pts {
			coords[i] = num(x(p.Date)) + "," + num(y(p.Value))
		}
		w.printf(`<polyline class="chart-line" points="%s" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" stroke-linecap="round"/>`,
			strings.Join(coords, " "))
	}
	w.printf(`<g class="chart-point" fill="currentColor">`)
	for _, p := range pts {
		w.printf(`<circle cx="%s" cy="%s" r="%s"/>`, num(x(p.Date)), num(y(p.Value)), num(markerR))
	}
	w.printf(`</g>`)
	vy := y(pts[len(pts)-1].Value)
	if l.Target != nil {
		vy = clearOfTarget(vy, y(*l.Target))
	}
	w.text(labelX, baseline(vy), `class="chart-value" fill="currentColor" font-weight="bold"`, valueLabel)

	w.printf(`</svg>`)
	return w.String()
}

// describe writes a text alternative from the data, for when the caller
// gives none: "55.5% in Nov 2026, up 7.5 percentage points since Sep 2026.
// Target: 70%. Higher is better."
func (l Line) describe(pts []Point, dateLabel func(time.Time) string) string {
	latest := pts[len(pts)-1]
	s := quantity(latest.Value, l.Unit, "") + " in " + dateLabel(latest.Date)
	if m := Movement(pts, l.Unit, l.HigherIsBetter, dateLabel); m.Text != "" {
		s += ", " + m.Text
	}
	s += "."
	if l.Target != nil {
		s += " Target: " + quantity(*l.Target, l.Unit, "") + "."
	}
	if l.HigherIsBetter {
		return s + " Higher is better."
	}
	return s + " Lower is better."
}

// clearOfTarget moves the latest value's label (one line, centred on vy)
// off the target's label (two lines, centred on ty) if they would overlap:
// to the side of the target the value is on, unless that leaves the chart.
func clearOfTarget(vy, ty float64) float64 {
	const apart = 1.5 * lineHeight
	if math.Abs(vy-ty) >= apart {
		return vy
	}
	above, below := ty-apart, ty+apart
	fitsAbove := above-lineHeight/2 >= 0
	fitsBelow := below+lineHeight/2 <= plotBottom+lineHeight
	if (vy <= ty && fitsAbove) || !fitsBelow {
		return above
	}
	return below
}

// axis is the value range of a chart and the step between gridlines.
type axis struct {
	lo, hi, step float64
}

// niceAxis chooses a range that fits the values, with 3 to 5 steps of 1,
// 2 or 5 times a power of ten, so that a change shows: attendance going
// from 91.8% to 94.9% fills half of a 90% to 96% axis, where on 0 to 100%
// it would be a flat line. The range is at least 5 points for a
// percentage, and a fifth of the largest value otherwise, so that a
// change of almost nothing does not fill the chart. It stays at or above
// zero when no value is below it, and a percentage at or below 100. Where
// it does not start at zero the chart says so (see baselineNote).
func niceAxis(values []float64, percent bool) axis {
	lo, hi := values[0], values[0]
	for _, v := range values {
		lo, hi = min(lo, v), max(hi, v)
	}
	minSpan := 0.2 * max(math.Abs(lo), math.Abs(hi))
	if percent {
		minSpan = 5
	} else if minSpan == 0 {
		minSpan = 1
	}
	bottom, top := lo, hi
	if top-bottom < minSpan {
		mid := (lo + hi) / 2
		bottom, top = mid-minSpan/2, mid+minSpan/2
	}
	if bottom < 0 && lo >= 0 {
		bottom, top = 0, top-bottom
	}
	if percent && top > 100 && hi <= 100 {
		bottom, top = max(0, bottom-(top-100)), 100
	}
	// Allow for rounding error when a value is a whole number of steps.
	const slack = 1e-9
	p := math.Pow(10, math.Floor(math.Log10((top-bottom)/5)))
	for {
		for _, m := range []float64{1, 2, 5} {
			step := m * p
			b := math.Floor(bottom/step + slack)
			t := math.Ceil(top/step - slack)
			if t-b <= 5 {
				return axis{lo: b * step, hi: t * step, step: step}
			}
		}
		p *= 10
	}
}

// baselineNote says where an axis starts when that is not zero, so that a
// reader does not take the bottom of the chart for none: "The scale
// starts at 90%, not 0." It is "" for an axis from zero or below.
func (a axis) baselineNote(unit string) string {
	if a.lo <= 0 {
		return ""
	}
	return "The scale starts at " + quantity(a.lo, unit, "") + ", not 0."
}

// ticks returns the value at each gridline, from lo to hi.
func (a axis) ticks() []float64 {
	n := int(math.Round((a.hi - a.lo) / a.step))
	ts := make([]float64, n+1)
	for i := range ts {
		ts[i] = a.lo + float64(i)*a.step
	}
	return ts
}

func maxWidth(labels []string) float64 {
	w := 0.0
	for _, s := range labels {
		w = max(w, textWidth(s))
	}
	return w
}
