package chart

import (
	"strings"
)

// Bars is a set of questionnaire results: one horizontal bar per question,
// split into agree, disagree and don't know, with a key at the top and the
// percentages written under each bar. The segments differ by pattern (solid,
// hatched, dotted), not by colour.
type Bars struct {
	IDPrefix string // makes the ids in the chart unique on the page
	Title    string
	Desc     string // empty: one is written from the data
	Rows     []StackedRow
	Words    *Words // the chart's words; nil: English
}

// StackedRow is one question's results in percentages of those who replied.
// They should sum to at most 100; what is left is drawn as a gap and, from 1
// percentage point up, written as "did not answer".
type StackedRow struct {
	Label                     string // the question, e.g. "My child is happy at this school."
	Agree, Disagree, DontKnow float64
}

// Layout of a bar chart, in viewBox units.
const (
	barHeight = 24.0
	swatch    = 14.0 // the size of a key's pattern sample
	rowGap    = 18.0
)

// segment is one part of a bar: its share, its words and how it is filled.
type segment struct {
	class, key, phrase, fill string
	value                    float64
}

// segments returns the parts of a row in the order they are drawn.
func (r StackedRow) segments(w *Words, prefix string) []segment {
	return []segment{
		{"chart-agree", w.Agree, w.AgreePart, "currentColor", clamp(r.Agree)},
		{"chart-disagree", w.Disagree, w.DisagreePart, "url(#" + prefix + "-hatch)", clamp(r.Disagree)},
		{"chart-dontknow", w.DontKnow, w.DontKnowPart, "url(#" + prefix + "-dots)", clamp(r.DontKnow)},
	}
}

// unanswered returns the share of the row not in any segment, if it is big
// enough to be more than rounding.
func (r StackedRow) unanswered() float64 {
	rest := round2(100 - clamp(r.Agree) - clamp(r.Disagree) - clamp(r.DontKnow))
	if rest < 1 {
		return 0
	}
	return rest
}

// summary writes the row's results in words, "78% agree,", "12% disagree,",
// "10% don't know": phrases to join with spaces and not to break.
func (r StackedRow) summary(w *Words) []string {
	var parts []string
	for _, s := range r.segments(w, "") {
		parts = append(parts, fill(s.phrase, "percent", w.number(s.value)))
	}
	if rest := r.unanswered(); rest > 0 {
		parts = append(parts, fill(w.UnansweredPart, "percent", w.number(rest)))
	}
	for i := range len(parts) - 1 {
		parts[i] += w.Sep
	}
	return parts
}

// SVG returns the chart as an <svg> element, or "" if there are no rows.
func (b Bars) SVG() string {
	if len(b.Rows) == 0 {
		return ""
	}
	prefix := b.IDPrefix
	if prefix == "" {
		prefix = "chart"
	}
	id := esc(prefix)

	// Lay out first, since the height goes in the opening tag.
	key, y := b.layoutKey(id)
	rows, height := b.layoutRows(y)

	var w svgWriter
	desc := b.Desc
	if desc == "" {
		desc = b.describe()
	}
	w.open(prefix, "chart-bars", b.Title, desc, height)
	drawPatterns(&w, id)
	drawKey(&w, key)
	for i, r := range b.Rows {
		drawRow(&w, r, rows[i], id)
	}
	w.printf(`</svg>`)
	return w.String()
}

// keyItem is one entry of a bar chart's key and where it goes.
type keyItem struct {
	seg  segment
	x, y float64
}

// layoutKey places the key's entries in rows across the chart, with "Did
// not answer" only if some row has a gap, and returns them and the y
// where the first question starts.
func (b Bars) layoutKey(id string) ([]keyItem, float64) {
	var key []keyItem
	items := b.Rows[0].segments(b.Words.or(), id)
	for _, r := range b.Rows {
		if r.unanswered() > 0 {
			items = append(items, segment{class: "chart-unanswered", key: b.Words.or().Unanswered, fill: "none"})
			break
		}
	}
	kx, ky := 0.0, 0.0
	for _, s := range items {
		w := swatch + 6 + textWidth(s.key)
		if kx > 0 && kx+w > width {
			kx, ky = 0, ky+lineHeight+4
		}
		key = append(key, keyItem{s, kx, ky})
		kx += w + fontSize
	}
	return key, ky + lineHeight + rowGap
}

// barRowLayout is where one question's parts go: its wrapped question and
// summary and the positions of the three.
type barRowLayout struct {
	question, summary []string
	questionY         float64 // the first line's baseline
	barY              float64 // the bar's top
	summaryY          float64
}

// layoutRows stacks the rows from y down, each question above its bar and
// its summary below, and returns them and the chart's height.
func (b Bars) layoutRows(y float64) ([]barRowLayout, float64) {
	rows := make([]barRowLayout, len(b.Rows))
	for i, r := range b.Rows {
		// The question is bold, so a little wider.
		rl := barRowLayout{question: wrap(strings.Fields(r.Label), width/1.1), summary: wrap(r.summary(b.Words.or()), width)}
		rl.questionY = y + fontSize
		y += float64(len(rl.question)) * lineHeight
		rl.barY = y + 4
		y = rl.barY + barHeight
		rl.summaryY = y + fontSize + 4
		y += float64(len(rl.summary))*lineHeight + 4 + rowGap
		rows[i] = rl
	}
	return rows, y - rowGap + 4
}

// drawPatterns defines the fills of the disagree and don't-know segments,
// drawn in currentColor, so they follow the page's colours.
func drawPatterns(w *svgWriter, id string) {
	w.printf(`<defs>`)
	w.printf(`<pattern id="%s-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="6" fill="currentColor"/></pattern>`, id)
	w.printf(`<pattern id="%s-dots" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1.3" fill="currentColor"/></pattern>`, id)
	w.printf(`</defs>`)
}

// drawKey draws each key entry as a sample of its pattern and its name.
func drawKey(w *svgWriter, key []keyItem) {
	w.printf(`<g class="chart-key">`)
	for _, k := range key {
		w.printf(`<rect class="%s" x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="currentColor"/>`,
			k.seg.class, num(k.x+0.5), num(k.y+2.5), num(swatch-1), num(swatch-1), k.seg.fill)
		w.text(k.x+swatch+6, k.y+fontSize, `fill="currentColor"`, k.seg.key)
	}
	w.printf(`</g>`)
}

// drawRow draws one question: the question in bold, its bar and the
// results in words under it.
func drawRow(w *svgWriter, r StackedRow, rl barRowLayout, id string) {
	barWidth := width - 1 // leaves room for the outline's stroke
	w.printf(`<g class="chart-row">`)
	w.printf(`<text class="chart-question" fill="currentColor" font-weight="bold">`)
	for j, line := range rl.question {
		w.printf(`<tspan x="0" y="%s">%s</tspan>`, num(rl.questionY+float64(j)*lineHeight), esc(line))
	}
	w.printf(`</text>`)

	// Segments are scaled to the bar's width, or to their sum if bad
	// data makes that more than 100.
	segs := r.segments(English, id)
	total := 0.0
	for _, s := range segs {
		total += s.value
	}
	scale := barWidth / max(100, total)
	x := 0.5
	for _, s := range segs {
		if s.value == 0 {
			continue
		}
		w.printf(`<rect class="%s" x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="currentColor"/>`,
			s.class, num(x), num(rl.barY), num(s.value*scale), num(barHeight), s.fill)
		x += s.value * scale
	}
	w.printf(`<rect class="chart-bar-outline" x="0.5" y="%s" width="%s" height="%s" fill="none" stroke="currentColor"/>`,
		num(rl.barY), num(barWidth), num(barHeight))

	w.printf(`<text class="chart-percent" fill="currentColor">`)
	for j, line := range rl.summary {
		w.printf(`<tspan x="0" y="%s">%s</tspan>`, num(rl.summaryY+float64(j)*lineHeight), esc(line))
	}
	w.printf(`</text>`)
	w.printf(`</g>`)
}

// describe writes a text alternative from the data: each question followed
// by its results.
func (b Bars) describe() string {
	parts := make([]string, len(b.Rows))
	for i, r := range b.Rows {
		q := strings.TrimSpace(r.Label)
		if !strings.HasSuffix(q, ".") && !strings.HasSuffix(q, "?") && !strings.HasSuffix(q, "!") {
			q += ":"
		}
		parts[i] = q + " " + strings.Join(r.summary(b.Words.or()), " ") + "."
	}
	return strings.Join(parts, " ")
}

// clamp keeps a percentage between 0 and 100.
func clamp(v float64) float64 {
	return min(max(v, 0), 100)
}
