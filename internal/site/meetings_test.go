package site

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// Only meetings any parent or carer may come to, and not cancelled, are
// advertised: never the School Review Group, by its kind or by open_to.
func TestUpcomingOpen(t *testing.T) {
	tests := []struct {
		name, meetings string
		want           string // titles of UpcomingOpen; the first is NextOpen
	}{
		{"members-only kinds left out", `- {title: Review group, kind: review-group, start: 2026-12-01T16:00}
- {title: Governors, kind: governors, start: 2026-12-02T16:00}
- {title: Focus group, kind: focus-group, start: 2026-12-03T09:00}
`, "Focus group"},
		{"open_to decides over the kind", `- {title: Coffee with governors, kind: governors, open_to: everyone, start: 2026-12-02T09:00}
- {title: Closed focus group, kind: focus-group, open_to: members, start: 2026-12-01T09:00}
`, "Coffee with governors"},
		{"cancelled and past left out, tentative kept", `- {title: Past, start: 2026-11-01T09:00}
- {title: Cancelled, status: cancelled, start: 2026-12-01T09:00}
- {title: Maybe, status: tentative, start: 2026-12-05T09:00}
- {title: Later, start: 2027-01-05T09:00}
`, "Maybe, Later"},
		{"none", "- {title: Review group, kind: review-group, start: 2026-12-01T16:00}\n", ""},
	}
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, london)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseFS()
			fsys["schools/hillside/meetings.yaml"] = &fstest.MapFile{Data: []byte(tt.meetings)}
			s, ds := build(t, fsys, Config{})
			if ds.HasErrors() {
				t.Fatalf("diagnostics:\n%s", ds.Error())
			}
			sch := s.Schools[0]
			var titles []string
			for _, m := range sch.UpcomingOpen(now) {
				titles = append(titles, m.Meeting.Title)
			}
			if got := strings.Join(titles, ", "); got != tt.want {
				t.Errorf("UpcomingOpen = %q, want %q", got, tt.want)
			}
			next, listed := sch.NextOpen(now), sch.Listing.NextOpen(now)
			if (next == nil) != (tt.want == "") || (listed == nil) != (tt.want == "") {
				t.Fatalf("NextOpen = %v, Listing.NextOpen = %v, want one only if %q", next, listed, tt.want)
			}
			if next != nil && (!strings.HasPrefix(tt.want, next.Meeting.Title) || listed.Meeting.Title != next.Meeting.Title) {
				t.Errorf("NextOpen = %q, Listing.NextOpen = %q, want the first of %q", next.Meeting.Title, listed.Meeting.Title, tt.want)
			}
		})
	}
}
