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
	Words          *Words                 // the chart's words; nil: English
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
	// Lay out first, since the height goes in the opening tag.
	g := l.layout(pts, dateLabel)

	var w svgWriter
	desc := l.Desc
	if desc == "" {
		desc = l.describe(pts, dateLabel)
	}
	if g.note != "" {
		desc += " " + g.note
	}
	w.open(l.IDPrefix, "chart-line-chart", l.Title, desc, g.height)
	g.drawValueAxis(&w, l.Unit)
	g.drawTimeAxis(&w, pts)
	g.drawBaselineNote(&w)
	if l.Target != nil {
		g.drawTarget(&w, *l.Target)
	}
	g.drawData(&w, pts, l.Target)
	w.printf(`</svg>`)
	return w.String()
}

// lineLayout is where the parts of a line chart go, in viewBox units.
type lineLayout struct {
	ax          axis
	tickLabels  []string // the value at each gridline, as written
	valueLabel  string   // the latest value, as written
	targetLabel []string // two lines, or none without a target

	plotLeft, plotRight, plotWidth float64
	first, last                    time.Time // the dates at the plot's edges

	dateLabels       []string // under the first point and, if later, the last
	dateY, lastDateY float64  // their baselines
	note             string   // where the value axis starts, if not at zero
	noteLines        []string // the note, wrapped to the chart's width
	height           float64
}

// layout chooses the value axis and places the plot, its labels and the
// dates under it.
func (l Line) layout(pts []Point, dateLabel func(time.Time) string) lineLayout {
	percent := l.Unit == "%"
	values := make([]float64, 0, len(pts)+1)
	for _, p := range pts {
		values = append(values, p.Value)
	}
	if l.Target != nil {
		values = append(values, *l.Target)
	}
	g := lineLayout{ax: niceAxis(values, percent)}

	// Horizontal layout: tick labels on the left; the latest value and
	// the target's label in a margin on the right, clear of the data.
	for _, v := range g.ax.ticks() {
		s := l.Words.or().number(v)
		if percent {
			s += "%"
		}
		g.tickLabels = append(g.tickLabels, s)
	}
	w := l.Words.or()
	g.valueLabel = w.quantity(pts[len(pts)-1].Value, l.Unit)
	if l.Target != nil {
		g.targetLabel = []string{w.Target, w.quantity(*l.Target, l.Unit)}
	}
	g.plotLeft = maxWidth(g.tickLabels) + markerR + 8 // clear of the first marker
	// The latest value is bold, so a little wider.
	right := max(1.1*textWidth(g.valueLabel), maxWidth(g.targetLabel))
	g.plotRight = width - right - markerR - 8
	g.plotWidth = g.plotRight - g.plotLeft

	// Date labels under the first and last points; if custom labels are
	// too long to sit side by side, the last drops to a second row.
	g.first, g.last = pts[0].Date, pts[len(pts)-1].Date
	g.dateLabels = []string{dateLabel(g.first)}
	if g.last.After(g.first) {
		g.dateLabels = append(g.dateLabels, dateLabel(g.last))
	}
	g.dateY = plotBottom + fontSize + 8
	g.lastDateY = g.dateY
	if len(g.dateLabels) == 2 && textWidth(g.dateLabels[0])+textWidth(g.dateLabels[1])+fontSize > g.plotWidth {
		g.lastDateY += lineHeight
	}
	// Where the axis does not start at zero, a line under the dates says
	// so (and so does the text alternative: see SVG).
	g.note = g.ax.baselineNoteIn(w, l.Unit)
	if g.note != "" {
		g.noteLines = wrap(strings.Fields(g.note), width)
	}
	g.height = g.lastDateY + 8 + float64(len(g.noteLines))*lineHeight
	return g
}

// x is the horizontal position of a date; a single date sits in the middle.
func (g *lineLayout) x(t time.Time) float64 {
	span := g.last.Sub(g.first)
	if span <= 0 {
		return g.plotLeft + g.plotWidth/2
	}
	return g.plotLeft + g.plotWidth*float64(t.Sub(g.first))/float64(span)
}

// y is the vertical position of a value.
func (g *lineLayout) y(v float64) float64 {
	return plotBottom - plotHeight*(v-g.ax.lo)/(g.ax.hi-g.ax.lo)
}

// labelX is where the text in the right margin starts.
func (g *lineLayout) labelX() float64 {
	return g.plotRight + markerR + 6
}

// drawValueAxis draws the gridlines, faint, their values and, for a unit
// other than "%", the unit above them.
func (g *lineLayout) drawValueAxis(w *svgWriter, unit string) {
	w.printf(`<g class="chart-grid" stroke="currentColor" stroke-opacity="0.3" stroke-width="1">`)
	for _, v := range g.ax.ticks() {
		w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(g.plotLeft), num(g.y(v)), num(g.plotRight), num(g.y(v)))
	}
	w.printf(`</g>`)
	w.printf(`<g class="chart-axis-label" fill="currentColor" text-anchor="end">`)
	for i, v := range g.ax.ticks() {
		w.text(g.plotLeft-markerR-4, baseline(g.y(v)), "", g.tickLabels[i])
	}
	w.printf(`</g>`)
	if unit != "%" && unit != "" {
		w.text(0, fontSize, `class="chart-axis-label" fill="currentColor"`, unit)
	}
}

// drawTimeAxis draws the time axis, with a tick at each point's date, and
// the date labels.
func (g *lineLayout) drawTimeAxis(w *svgWriter, pts []Point) {
	w.printf(`<g class="chart-axis" stroke="currentColor" stroke-width="1.5">`)
	w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(g.plotLeft), num(plotBottom), num(g.plotRight), num(plotBottom))
	for _, p := range pts {
		w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"/>`, num(g.x(p.Date)), num(plotBottom), num(g.x(p.Date)), num(plotBottom+5))
	}
	w.printf(`</g>`)
	w.printf(`<g class="chart-axis-label" fill="currentColor">`)
	if len(g.dateLabels) == 1 {
		w.text(g.x(g.first), g.dateY, `text-anchor="middle"`, g.dateLabels[0])
	} else {
		w.text(g.plotLeft, g.dateY, `text-anchor="start"`, g.dateLabels[0])
		w.text(g.plotRight, g.lastDateY, `text-anchor="end"`, g.dateLabels[1])
	}
	w.printf(`</g>`)
}

// drawBaselineNote writes, under the dates, where the value axis starts
// when that is not zero, so that the bottom of the chart is not taken for
// none.
func (g *lineLayout) drawBaselineNote(w *svgWriter) {
	if len(g.noteLines) == 0 {
		return
	}
	w.printf(`<text class="chart-baseline" fill="currentColor">`)
	for i, line := range g.noteLines {
		w.printf(`<tspan x="0" y="%s">%s</tspan>`, num(g.lastDateY+lineHeight+4+float64(i)*lineHeight), esc(line))
	}
	w.printf(`</text>`)
}

// drawTarget draws the target dashed, so it differs from the data by
// shape, and names it in text in the right margin.
func (g *lineLayout) drawTarget(w *svgWriter, target float64) {
	ty := g.y(target)
	w.printf(`<line class="chart-target" x1="%s" y1="%s" x2="%s" y2="%s" stroke="currentColor" stroke-width="2" stroke-dasharray="6 4"/>`,
		num(g.plotLeft), num(ty), num(g.plotRight), num(ty))
	w.printf(`<text class="chart-target-label" fill="currentColor">`)
	w.printf(`<tspan x="%s" y="%s">%s</tspan>`, num(g.labelX()), num(baseline(ty-lineHeight/2)), esc(g.targetLabel[0]))
	w.printf(`<tspan x="%s" y="%s">%s</tspan>`, num(g.labelX()), num(baseline(ty+lineHeight/2)), esc(g.targetLabel[1]))
	w.printf(`</text>`)
}

// drawData draws a line through markers, and the latest value in text,
// clear of the target's label if there is one.
func (g *lineLayout) drawData(w *svgWriter, pts []Point, target *float64) {
	if len(pts) > 1 {
		coords := make([]string, len(pts))
		for i, p := range pts {
			coords[i] = num(g.x(p.Date)) + "," + num(g.y(p.Value))
		}
		w.printf(`<polyline class="chart-line" points="%s" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" stroke-linecap="round"/>`,
			strings.Join(coords, " "))
	}
	w.printf(`<g class="chart-point" fill="currentColor">`)
	for _, p := range pts {
		w.printf(`<circle cx="%s" cy="%s" r="%s"/>`, num(g.x(p.Date)), num(g.y(p.Value)), num(markerR))
	}
	w.printf(`</g>`)
	vy := g.y(pts[len(pts)-1].Value)
	if target != nil {
		vy = clearOfTarget(vy, g.y(*target))
	}
	w.text(g.labelX(), baseline(vy), `class="chart-value" fill="currentColor" font-weight="bold"`, g.valueLabel)
}

// describe writes a text alternative from the data, for when the caller
// gives none: "55.5% in Nov 2026, up 7.5 percentage points since Sep 2026.
// Target: 70%. Higher is better."
func (l Line) describe(pts []Point, dateLabel func(time.Time) string) string {
	w := l.Words.or()
	latest := pts[len(pts)-1]
	s := fill(w.Latest, "value", w.quantity(latest.Value, l.Unit), "date", dateLabel(latest.Date))
	if m := w.Movement(pts, l.Unit, l.HigherIsBetter, dateLabel); m.Text != "" {
		s = fill(w.Moved, "latest", s, "change", m.Text)
	} else {
		s = fill(w.Still, "latest", s)
	}
	if l.Target != nil {
		s += " " + fill(w.TargetIs, "value", w.quantity(*l.Target, l.Unit))
	}
	if l.HigherIsBetter {
		return s + " " + w.HigherBetter
	}
	return s + " " + w.LowerBetter
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
func (a axis) baselineNote(unit string) string { return a.baselineNoteIn(English, unit) }

func (a axis) baselineNoteIn(w *Words, unit string) string {
	if a.lo <= 0 {
		return ""
	}
	return fill(w.ScaleStarts, "value", w.quantity(a.lo, unit))
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
