package civil

import (
	"testing"
	"time"
)

func TestDate(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip(err)
	}
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"midnight UTC", time.Date(2026, 10, 7, 0, 0, 0, 0, time.UTC), "2026-10-07T00:00:00Z"},
		{"late in the day", time.Date(2026, 10, 7, 23, 59, 59, 0, time.UTC), "2026-10-07T00:00:00Z"},
		// The date as written in t's zone, not the date in UTC.
		{"summer time, just after midnight", time.Date(2026, 7, 1, 0, 30, 0, 0, london), "2026-07-01T00:00:00Z"},
		{"the day clocks go back", time.Date(2026, 10, 25, 23, 0, 0, 0, london), "2026-10-25T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Date(tt.in)
			if s := got.Format(time.RFC3339); s != tt.want {
				t.Errorf("Date(%v) = %s, want %s", tt.in, s, tt.want)
			}
			if got.Location() != time.UTC {
				t.Errorf("Date(%v) is in %v, want UTC", tt.in, got.Location())
			}
		})
	}
}
