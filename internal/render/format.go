package render

import (
	"html/template"
	"strings"
	"sync"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/i18n"
	"github.com/parentpages/parentpages/internal/site"
)

// lang writes the words a page needs in the language of one catalogue:
// dates, times, lists, and the words for a school's phase, category and
// an action's status. Each renderer has one (see Options.Language).
type lang struct{ c *i18n.Catalogue }

// english is the default theme's English catalogue, which the package's
// functions below speak: what the renderer writes for a site in English,
// and what tests of the wording read.
var english = sync.OnceValue(func() lang {
	set, err := defaultSet()
	if err != nil {
		panic("render: the default theme's catalogues: " + err.Error())
	}
	c, err := set.Catalogue(i18n.English)
	if err != nil {
		panic("render: the default theme's English catalogue: " + err.Error())
	}
	return lang{c}
})

// longDate writes a date as GOV.UK does: "Tuesday 7 October 2026".
func longDate(t time.Time) string { return english().longDate(t) }

// shortDate writes "7 October 2026".
func shortDate(t time.Time) string { return english().shortDate(t) }

// clock writes a time as "4pm" or "4:30pm"; noon and midnight by name.
func clock(t time.Time) string { return english().clock(t) }

// when writes an occurrence in words: see lang.when.
func when(start, end time.Time, allDay bool) string { return english().when(start, end, allDay) }

// dateSpan writes a range of dates: see lang.dateSpan.
func dateSpan(a, b time.Time) string { return english().dateSpan(a, b) }

// between writes "between 14 and 21 October 2025": see lang.between.
func between(a, b time.Time) string { return english().between(a, b) }

// categoryWords gives a category key in words for a sentence: "special measures".
func categoryWords(cat string) string { return english().categoryWords(cat) }

// phaseWords names a school's phase for a sentence's start: "Primary school".
func phaseWords(phase string) string { return english().phaseWords(phase) }

// andList joins words as a sentence does: see lang.andList.
func andList(words []string) string { return english().andList(words) }

func (l lang) longDate(t time.Time) string  { return l.c.LongDate(t) }
func (l lang) shortDate(t time.Time) string { return l.c.ShortDate(t) }
func (l lang) clock(t time.Time) string     { return l.c.Clock(t) }

// when writes an occurrence in words: "Thursday 26 November 2026, 9:15am to
// 10:30am", or for all-day events "Thursday 26 November 2026" (and "to
// Friday 27 November 2026" over several days).
func (l lang) when(start, end time.Time, allDay bool) string {
	if allDay {
		last := end.AddDate(0, 0, -1)
		if !last.After(start) {
			return l.longDate(start)
		}
		return l.c.T("when.days", "from", l.longDate(start), "to", l.longDate(last))
	}
	if sameDay(start, end) {
		return l.c.T("when.times", "date", l.longDate(start), "start", l.clock(start), "end", l.clock(end))
	}
	return l.c.T("when.across", "start_date", l.longDate(start), "start", l.clock(start), "end_date", l.longDate(end), "end", l.clock(end))
}

// starts writes when a meeting begins, where there is no room for when it
// ends: "Thursday 3 December 2026, 6pm", or an all-day meeting's date.
func (l lang) starts(start time.Time, allDay bool) string {
	if allDay {
		return l.longDate(start)
	}
	return l.c.T("when.starts", "date", l.longDate(start), "time", l.clock(start))
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// dateWords writes a content date as "Tuesday 7 October 2026".
func (l lang) dateWords(d content.Date) string { return l.longDate(d.Time) }

// categoryWords gives a category key in words for a sentence: "special
// measures", "a notice to improve".
func (l lang) categoryWords(cat string) string {
	if l.c.Has("category." + cat) {
		return l.c.T("category." + cat)
	}
	return strings.ReplaceAll(cat, "-", " ")
}

// dateSpan writes a range of dates without repeating what they share:
// "14 to 21 October 2025", "28 October to 11 November 2025",
// "29 December 2025 to 9 January 2026".
func (l lang) dateSpan(a, b time.Time) string {
	if sameDay(a, b) {
		return l.shortDate(a)
	}
	return l.c.T("date.span", "from", l.spanStart(a, b), "to", l.shortDate(b))
}

// between writes "between 14 and 21 October 2025", for an estimate.
func (l lang) between(a, b time.Time) string {
	if sameDay(a, b) {
		return l.c.T("date.on", "date", l.shortDate(a))
	}
	return l.c.T("date.between", "from", l.spanStart(a, b), "to", l.shortDate(b))
}

// spanStart writes the first date of a span with what it shares with the
// last left out.
func (l lang) spanStart(a, b time.Time) string {
	switch {
	case a.Year() == b.Year() && a.Month() == b.Month():
		return l.c.Day(a)
	case a.Year() == b.Year():
		return l.c.DayMonth(a)
	}
	return l.shortDate(a)
}

// phaseWords names a school's phase for a sentence's start: "Primary
// school", "Pupil referral unit".
func (l lang) phaseWords(phase string) string {
	if phase == "" {
		phase = "none"
	}
	if l.c.Has("phase." + phase) {
		return l.c.T("phase." + phase)
	}
	return phase
}

// andList joins words as a sentence does: "a", "a and b", "a, b and c".
// When a word has "and" in it ("leadership and governance"), a comma goes
// before the last "and" too, so the list still reads as a list.
func (l lang) andList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	key := "list.last"
	and := " " + l.c.T("list.and_word") + " "
	for _, w := range words {
		if strings.Contains(w, and) {
			key = "list.last_serial"
		}
	}
	rest := strings.Join(words[:len(words)-1], l.c.T("list.separator"))
	return l.c.T(key, "rest", rest, "last", words[len(words)-1])
}

// h writes a message as HTML, as the template function t does; a
// missing message shows as its key in brackets.
func (l lang) h(key string, args ...any) template.HTML {
	h, err := l.t(key, args...)
	if err != nil {
		return template.HTML("[" + template.HTMLEscapeString(key) + "]")
	}
	return h
}

// estimate writes a step's estimated date in words: "about Thursday 2
// July 2026", "by ...", "between 4 and 18 November 2026".
func (l lang) estimate(st site.Step) template.HTML {
	if !st.DateTo.IsZero() {
		return asHTML(l.between(st.Date.Time, st.DateTo.Time))
	}
	d := l.dateWords(st.Date)
	switch {
	case st.Approx && st.ByDate:
		return l.h("timeline.estimate_about_by", "date", d)
	case st.Approx:
		return l.h("timeline.estimate_about", "date", d)
	case st.ByDate:
		return l.h("timeline.estimate_by", "date", d)
	}
	return asHTML(d)
}

// stepTitle is a timeline step's heading: "The next monitoring visit".
func (l lang) stepTitle(st site.Step) template.HTML {
	kind := st.Kind
	if kind == "monitoring-visit" {
		switch st.Case {
		case "visit", "milestone", "weak-leadership", "notice-to-improve":
		default:
			kind = "next-monitoring-visit"
		}
	}
	return l.h("timeline.title." + kind)
}

// stepDate says when a step that has not happened is, for a sentence:
// "date not known yet", "confirmed for Tuesday 8 December 2026",
// "estimate: about Thursday 2 July 2026".
func (l lang) stepDate(st site.Step) template.HTML {
	switch {
	case st.Date.IsZero():
		return l.h("step_date.unknown")
	case st.Confirmed:
		return l.h("step_date.confirmed", "date", l.stepDates(st))
	case st.Passed:
		return l.h("step_date.passed", "when", l.estimate(st))
	}
	return l.h("step_date.estimate", "when", l.estimate(st))
}

// stepDates writes a step's date, or its span of dates.
func (l lang) stepDates(st site.Step) string {
	if st.DateTo.IsZero() {
		return l.dateWords(st.Date)
	}
	return l.dateSpan(st.Date.Time, st.DateTo.Time)
}
