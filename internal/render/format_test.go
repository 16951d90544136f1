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
