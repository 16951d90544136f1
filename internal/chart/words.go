package chart

import (
	"math"
	"strings"
	"time"
)

// Words are the words and number forms a chart writes, in one language.
// The renderer fills them from its message catalogue; nil (or English)
// gives English. Each sentence is a pattern with {placeholders}.
type Words struct {
	Number func(float64) string // writes a number: FormatNumber in English
	// Points writes a difference of percentages: "7.5 percentage points".
	Points func(amount float64) string

	NoChange     string // "no change since {date}"
	Up, Down     string // "up {amount} since {date}"
	Latest       string // "{value} in {date}"
	Moved        string // "{latest}, {change}.": the latest value and how it moved
	Still        string // "{latest}.": the latest value when there is no earlier one
	Target       string // "Target", the target line's label
	TargetIs     string // "Target: {value}."
	HigherBetter string // "Higher is better."
	LowerBetter  string // "Lower is better."
	ScaleStarts  string // "The scale starts at {value}, not 0."

	// The key of a questionnaire's bars, and each part of a row's
	// sentence: "78% agree".
	Agree, Disagree, DontKnow, Unanswered                 string
	AgreePart, DisagreePart, DontKnowPart, UnansweredPart string
	// Sep ends each part of a row's sentence but the last: ",".
	Sep string
}

// English is the charts' words in English.
var English = &Words{
	Number: FormatNumber,
	Points: func(v float64) string {
		n := FormatNumber(v)
		if n == "1" {
			return n + " percentage point"
		}
		return n + " percentage points"
	},
	NoChange: "no change since {date}", Up: "up {amount} since {date}", Down: "down {amount} since {date}",
	Latest: "{value} in {date}", Moved: "{latest}, {change}.", Still: "{latest}.", Target: "Target", TargetIs: "Target: {value}.",
	HigherBetter: "Higher is better.", LowerBetter: "Lower is better.",
	ScaleStarts: "The scale starts at {value}, not 0.",
	Agree:       "Agree", Disagree: "Disagree", DontKnow: "Don't know", Unanswered: "Did not answer",
	AgreePart: "{percent}% agree", DisagreePart: "{percent}% disagree", DontKnowPart: "{percent}% don't know",
	UnansweredPart: "{percent}% did not answer", Sep: ",",
}

func (w *Words) or() *Words {
	if w == nil {
		return English
	}
	return w
}

// fill puts values into a pattern's {placeholders}: name, value pairs.
func fill(pattern string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		pattern = strings.ReplaceAll(pattern, "{"+pairs[i]+"}", pairs[i+1])
	}
	return pattern
}

func (w *Words) number(v float64) string {
	if w.Number == nil {
		return FormatNumber(v)
	}
	return w.Number(v)
}

// quantity writes v with its unit, as quantity does, in w's numbers.
func (w *Words) quantity(v float64, unit string) string {
	n := w.number(v)
	switch {
	case unit == "%":
		return n + "%"
	case unit == "":
		return n
	}
	if FormatNumber(v) == "1" {
		unit = singular(unit)
	}
	return n + " " + unit
}

// Quantity writes v with its unit: "55.5%", "12 days", "1 day".
func (w *Words) Quantity(v float64, unit string) string { return w.or().quantity(v, unit) }

// Movement says in w's words how the measure moved: see Movement.
func (w *Words) Movement(points []Point, unit string, higherIsBetter bool, dateFmt func(time.Time) string) Change {
	w = w.or()
	if len(points) < 2 {
		return Change{}
	}
	if dateFmt == nil {
		dateFmt = func(t time.Time) string { return t.Format("2 January 2006") }
	}
	pts := byDate(points)
	first, last := pts[0], pts[len(pts)-1]
	date := dateFmt(first.Date)
	diff := round2(last.Value - first.Value)
	if diff == 0 {
		return Change{Text: fill(w.NoChange, "date", date)}
	}
	pattern := w.Up
	if diff < 0 {
		pattern = w.Down
	}
	amount := math.Abs(diff)
	var q string
	if unit == "%" {
		q = w.Points(amount)
	} else {
		q = w.quantity(amount, unit)
	}
	better := (diff > 0) == higherIsBetter
	return Change{Text: fill(pattern, "amount", q, "date", date), Improving: better, Worsening: !better}
}
