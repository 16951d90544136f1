package render

import (
	"testing"
	"time"
)

func TestClockAndWhen(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, london) }
	tests := []struct {
		name       string
		start, end time.Time
		allDay     bool
		want       string
	}{
		{"hours", at(26, 16, 0), at(26, 17, 30), false, "Thursday 26 November 2026, 4pm to 5:30pm"},
		{"morning", at(26, 9, 15), at(26, 10, 30), false, "Thursday 26 November 2026, 9:15am to 10:30am"},
		{"midday", at(26, 12, 0), at(26, 13, 0), false, "Thursday 26 November 2026, midday to 1pm"},
		{"all day", at(26, 0, 0), at(27, 0, 0), true, "Thursday 26 November 2026"},
		{"two days", at(26, 0, 0), at(28, 0, 0), true, "Thursday 26 November 2026 to Friday 27 November 2026"},
		{"overnight", at(26, 18, 0), at(27, 9, 0), false, "Thursday 26 November 2026, 6pm to Friday 27 November 2026, 9am"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := when(tt.start, tt.end, tt.allDay); got != tt.want {
				t.Errorf("when = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDateSpanAndBetween(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name        string
		a, b        time.Time
		span, betwn string
	}{
		{"same month", d(2025, 10, 14), d(2025, 10, 21), "14 to 21 October 2025", "between 14 and 21 October 2025"},
		{"same year", d(2025, 10, 28), d(2025, 11, 11), "28 October to 11 November 2025", "between 28 October and 11 November 2025"},
		{"two years", d(2025, 12, 29), d(2026, 1, 9), "29 December 2025 to 9 January 2026", "between 29 December 2025 and 9 January 2026"},
		{"one day", d(2025, 10, 14), d(2025, 10, 14), "14 October 2025", "on 14 October 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dateSpan(tt.a, tt.b); got != tt.span {
				t.Errorf("dateSpan = %q, want %q", got, tt.span)
			}
			if got := between(tt.a, tt.b); got != tt.betwn {
				t.Errorf("between = %q, want %q", got, tt.betwn)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"phase primary", phaseWords("primary"), "Primary school"},
		{"phase pru", phaseWords("pru"), "Pupil referral unit"},
		{"phase all-through", phaseWords("all-through"), "All-through school"},
		{"phase none", phaseWords(""), "School"},
		{"and none", andList(nil), ""},
		{"and one", andList([]string{"inclusion"}), "inclusion"},
		{"and two", andList([]string{"inclusion", "achievement"}), "inclusion and achievement"},
		{"and three", andList([]string{"a", "b", "c"}), "a, b and c"},
		{"and with and", andList([]string{"inclusion", "leadership and governance"}), "inclusion, and leadership and governance"},
		{"category sentence", categoryWords("notice-to-improve"), "a notice to improve"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}
