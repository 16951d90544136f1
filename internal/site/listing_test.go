package site

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestLastUpdated checks the date a school's pages were last updated and
// when they count as stale: the newest date the PSA wrote, never a date
// after today, nor a meeting's or milestone's date.
func TestLastUpdated(t *testing.T) {
	const school = `name: Hillside
psa: {name: Jo, email: jo@example.org}
milestones:
  - {kind: reinspection, date: 2026-11-20}
inspections:
  - start: 2026-09-02
    published: 2026-10-01
    framework: eif-2019
    category: special-measures
    areas_for_improvement:
      - {id: attendance, text: Improve attendance.}
`
	const meetings = "- {title: Review, kind: review-group, start: 2026-11-25T16:00, end: 2026-11-25T17:00}\n"
	now := time.Date(2026, 11, 29, 12, 0, 0, 0, london)
	tests := []struct {
		name    string
		files   map[string]string
		updated string
		stale   bool
		warning string // in the warning, if stale
	}{
		{name: "the report is newest", updated: "2026-10-01"},
		{name: "an update is newest", files: map[string]string{"updates/2026-10-20-hello.md": "---\ntitle: Hi\n---\nHi.\n"}, updated: "2026-10-20"},
		{name: "a future update does not count", files: map[string]string{
			"updates/2026-10-20-hello.md": "---\ntitle: Hi\n---\nHi.\n",
			"updates/2026-12-20-later.md": "---\ntitle: Later\n---\nLater.\n",
			"updates/2026-11-01-draft.md": "---\ntitle: Draft\ndraft: true\n---\nDraft.\n",
		}, updated: "2026-10-20"},
		{name: "the plan's date", files: map[string]string{"action-plan.yaml": "updated: 2026-11-02\nareas: []\n"}, updated: "2026-11-02"},
		{name: "a measure's point", files: map[string]string{"action-plan.yaml": `updated: 2026-05-01
areas:
  - for: attendance
    measures:
      - name: Attendance
        unit: "%"
        points: [{date: 2026-11-13, value: 94.9}]
`}, updated: "2026-11-13"},
		{name: "views gathered", files: map[string]string{"views.yaml": "- {gathered: 2026-10-10, how: Focus group}\n"}, updated: "2026-10-10"},
		{name: "meetings and milestones do not count", files: map[string]string{"meetings.yaml": meetings}, updated: "2026-10-01"},
		{name: "stale after six months", files: map[string]string{"school.yaml": strings.Replace(strings.Replace(school, "2026-09-02", "2011-05-10", 1), "2026-10-01", "2011-06-20", 1)},
			updated: "2011-06-20", stale: true, warning: "nothing on this school's pages is dated after 2011-06-20 (the report of the inspection of 2011-05-10), more than 6 months before today (2026-11-29)"},
		{name: "just under six months is not stale", files: map[string]string{"school.yaml": strings.Replace(strings.Replace(school, "2026-09-02", "2026-05-01", 1), "2026-10-01", "2026-05-29", 1)},
			updated: "2026-05-29"},
		{name: "just over six months is stale", files: map[string]string{"school.yaml": strings.Replace(strings.Replace(school, "2026-09-02", "2026-05-01", 1), "2026-10-01", "2026-05-28", 1)},
			updated: "2026-05-28", stale: true, warning: "(the report of the inspection of 2026-05-01)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"site.yaml":                    {Data: []byte("title: T\nbase_url: https://example.org/\n")},
				"schools/hillside/school.yaml": {Data: []byte(school)},
			}
			for name, data := range tt.files {
				fsys["schools/hillside/"+name] = &fstest.MapFile{Data: []byte(data)}
			}
			s, ds := build(t, fsys, Config{Now: now})
			l := s.Schools[0].Listing
			if got := l.Updated.String(); got != tt.updated {
				t.Errorf("Updated = %s, want %s", got, tt.updated)
			}
			if l.Stale != tt.stale {
				t.Errorf("Stale = %v, want %v", l.Stale, tt.stale)
			}
			var warned []string
			for _, d := range ds {
				if d.Warning && strings.Contains(d.Msg, "may be out of date") {
					warned = append(warned, d.String())
				}
			}
			switch {
			case !tt.stale && len(warned) > 0:
				t.Errorf("warned although not stale: %v", warned)
			case tt.stale && len(warned) != 1:
				t.Errorf("want one warning, got %v", warned)
			case tt.stale && (!strings.HasPrefix(warned[0], "schools/hillside/school.yaml:1:1: warning: ") || !strings.Contains(warned[0], tt.warning)):
				t.Errorf("warning = %s\nwant it at schools/hillside/school.yaml and to contain %q", warned[0], tt.warning)
			}
		})
	}
}
