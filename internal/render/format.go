package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/words"
)

// longDate writes a date as GOV.UK does: "Tuesday 7 October 2026".
func longDate(t time.Time) string { return t.Format("Monday 2 January 2006") }

// shortDate writes "7 October 2026".
func shortDate(t time.Time) string { return t.Format("2 January 2006") }

// clock writes a time as "4pm" or "4:30pm"; noon and midnight by name.
func clock(t time.Time) string {
	h, m := t.Hour(), t.Minute()
	switch {
	case h == 12 && m == 0:
		return "midday"
	case h == 0 && m == 0:
		return "midnight"
	}
	suffix := "am"
	if h >= 12 {
		suffix = "pm"
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	if m == 0 {
		return fmt.Sprintf("%d%s", h12, suffix)
	}
	return fmt.Sprintf("%d:%02d%s", h12, m, suffix)
}

// when writes an occurrence in words: "Thursday 26 November 2026, 9:15am to
// 10:30am", or for all-day events "Thursday 26 November 2026" (and "to
// Friday 27 November 2026" over several days).
func when(start, end time.Time, allDay bool) string {
	if allDay {
		last := end.AddDate(0, 0, -1)
		if !last.After(start) {
			return longDate(start)
		}
		return longDate(start) + " to " + longDate(last)
	}
	if sameDay(start, end) {
		return longDate(start) + ", " + clock(start) + " to " + clock(end)
	}
	return longDate(start) + ", " + clock(start) + " to " + longDate(end) + ", " + clock(end)
}

// starts writes when a meeting begins, where there is no room for when it
// ends: "Thursday 3 December 2026, 6pm", or an all-day meeting's date.
func starts(start time.Time, allDay bool) string {
	if allDay {
		return longDate(start)
	}
	return longDate(start) + ", " + clock(start)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// dateWords writes a content date as "Tuesday 7 October 2026".
func dateWords(d content.Date) string { return longDate(d.Time) }

// categoryWords gives a category key in words for a sentence: "special measures".
func categoryWords(cat string) string {
	switch cat {
	case "none":
		return "no category"
	case "notice-to-improve":
		return "a notice to improve"
	}
	return strings.ReplaceAll(cat, "-", " ")
}

// dateSpan writes a range of dates without repeating what they share:
// "14 to 21 October 2025", "28 October to 11 November 2025",
// "29 December 2025 to 9 January 2026".
func dateSpan(a, b time.Time) string { return span(a, b, " to ") }

// between writes "between 14 and 21 October 2025", for an estimate.
func between(a, b time.Time) string {
	if sameDay(a, b) {
		return "on " + shortDate(a)
	}
	return "between " + span(a, b, " and ")
}

func span(a, b time.Time, sep string) string {
	switch {
	case sameDay(a, b):
		return shortDate(a)
	case a.Year() == b.Year() && a.Month() == b.Month():
		return a.Format("2") + sep + shortDate(b)
	case a.Year() == b.Year():
		return a.Format("2 January") + sep + shortDate(b)
	}
	return shortDate(a) + sep + shortDate(b)
}

// phaseWords names a school's phase for a sentence's start: "Primary
// school", "Pupil referral unit".
func phaseWords(phase string) string {
	switch phase {
	case "":
		return "School"
	case "pru":
		return "Pupil referral unit"
	case "all-through":
		return "All-through school"
	}
	return words.Capitalise(phase) + " school"
}

// andList joins words as a sentence does: "a", "a and b", "a, b and c".
// When a word has "and" in it ("leadership and governance"), a comma goes
// before the last "and" too, so the list still reads as a list.
func andList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	last := " and "
	for _, w := range words {
		if strings.Contains(w, " and ") {
			last = ", and "
		}
	}
	return strings.Join(words[:len(words)-1], ", ") + last + words[len(words)-1]
}
