package site

import (
	"strings"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/content"
)

// Each step says which of Ofsted's timings gave it, for the theme to word.
func TestTimelineCases(t *testing.T) {
	tests := []struct {
		name, inspections, extra, want string
	}{
		{"requires improvement, leadership not good", `  - start: 2026-10-06
    framework: eif-2019
    category: requires-improvement
    judgements: [{area: Leadership and management, grade: inadequate}]
`, "", "report-published intentions-to-la monitoring-visit/weak-leadership reinspection/requires-improvement"},
		{"notice to improve", "  - {start: 2011-10-06, framework: \"2009\", overall: 4, category: notice-to-improve}\n", "",
			"report-published statement-of-action parents-meeting monitoring-visit/notice-to-improve review-group reinspection/notice-to-improve"},
		{"satisfactory, 2009: nothing follows", "  - {start: 2011-10-06, framework: \"2009\", overall: 3}\n", "",
			"report-published"},
		{"special measures", "  - {start: 2026-10-06, framework: eif-2019, category: special-measures}\n", "",
			"draft-report-comments report-published statement-of-action parents-meeting monitoring-visit/special-measures review-group reinspection/special-measures"},
		{"special measures, report card", "  - {start: 2026-10-06, framework: report-card-2025, safeguarding: not met, category: special-measures}\n", "",
			"draft-report-comments report-published statement-of-action parents-meeting monitoring-visit/report-card review-group reinspection"},
		{"serious weaknesses", "  - {start: 2026-10-06, framework: eif-2019, category: serious-weaknesses}\n", "",
			"report-published statement-of-action parents-meeting monitoring-visit/category review-group reinspection"},
		{"a milestone no timing gives", "  - {start: 2026-10-06, framework: eif-2019, overall: requires improvement}\n",
			"milestones:\n  - {kind: review-group, date: 2026-12-01}\n",
			"report-published intentions-to-la review-group/milestone reinspection/requires-improvement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := build(t, schoolFS(tt.inspections, tt.extra), Config{})
			if ds.HasErrors() {
				t.Fatalf("diagnostics:\n%s", ds.Error())
			}
			var got []string
			for _, st := range s.Schools[0].Timeline {
				if st.Case != "" {
					st.Kind += "/" + st.Case
				}
				got = append(got, st.Kind)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("steps:\n%s\nwant:\n%s", g, tt.want)
			}
		})
	}
}

// Governors' comments on the draft report have no date: the step is done
// once the report's date is known, even a date still to come, as the page
// says ("Done before the report was published").
func TestDraftCommentsDone(t *testing.T) {
	for _, published := range []string{"2026-10-20", "2026-12-15"} {
		t.Run(published, func(t *testing.T) {
			s, ds := build(t, schoolFS("  - {start: 2026-09-15, published: "+published+", framework: eif-2019, category: special-measures}\n", ""), Config{})
			if ds.HasErrors() {
				t.Fatalf("diagnostics:\n%s", ds.Error())
			}
			st := s.Schools[0].Timeline[0]
			if st.Kind != "draft-report-comments" || !st.Done {
				t.Errorf("first step = %+v, want draft-report-comments, done", st)
			}
		})
	}
	s, _ := build(t, schoolFS("  - {start: 2026-11-15, framework: eif-2019, category: special-measures}\n", ""), Config{})
	if st := s.Schools[0].Timeline[0]; st.Done {
		t.Errorf("with no report date, first step = %+v, want not done", st)
	}
}

func TestInspectionRules(t *testing.T) {
	tests := []struct {
		name                  string
		in                    content.Inspection
		requiresImprovement   bool
		reinspectWithinMonths int
		inCategory            bool
	}{
		{"the category, cif-2012", content.Inspection{Framework: "cif-2012", Category: "requires-improvement"}, true, 24, false},
		{"the category, eif-2019", content.Inspection{Framework: "eif-2019", Category: "requires-improvement"}, true, 30, false},
		{"the overall grade, category none", content.Inspection{Framework: "eif-2019", Category: "none", Overall: "requires improvement"}, true, 30, false},
		{"the overall grade, another category", content.Inspection{Framework: "eif-2019", Category: "serious-weaknesses", Overall: "requires improvement"}, false, 0, true},
		{"good", content.Inspection{Framework: "eif-2019", Category: "none", Overall: "good"}, false, 0, false},
		{"the 2009 framework's satisfactory", content.Inspection{Framework: "2009", Category: "none", Overall: "satisfactory"}, false, 0, false},
		{"special measures", content.Inspection{Framework: "report-card-2025", Category: "special-measures"}, false, 0, true},
		{"no category given", content.Inspection{Framework: "eif-2019"}, false, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &Inspection{Inspection: &tt.in}
			if got := in.RequiresImprovement(); got != tt.requiresImprovement {
				t.Errorf("RequiresImprovement = %v, want %v", got, tt.requiresImprovement)
			}
			if got := in.ReinspectWithinMonths(); got != tt.reinspectWithinMonths {
				t.Errorf("ReinspectWithinMonths = %d, want %d", got, tt.reinspectWithinMonths)
			}
			if got := in.InCategory(); got != tt.inCategory {
				t.Errorf("InCategory = %v, want %v", got, tt.inCategory)
			}
		})
	}
}

// Statuses gives the groups in order, each with its Order, as a copy.
func TestStatuses(t *testing.T) {
	got := Statuses()
	if len(got) != len(statuses) || got[0].Key != "special-measures" || got[len(got)-1].Key != "not-in-category" {
		t.Fatalf("Statuses() = %+v", got)
	}
	for i, st := range got {
		if st.Order != i || statusNamed(st.Key) != st {
			t.Errorf("status %d = %+v, statusNamed gives %+v", i, st, statusNamed(st.Key))
		}
	}
	got[0].Label = "changed"
	if Statuses()[0].Label != "Special measures" {
		t.Error("changing what Statuses gave out changed the table")
	}
}

// "Today" is the start of the day a build is made as at, in the site's
// timezone: an instant late in the evening in UTC is the next day in a
// zone ahead of it, and a --now date is taken as written.
func TestToday(t *testing.T) {
	late := time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC)
	tests := []struct {
		name      string
		now       time.Time
		nowIsDate bool
		zone      string
		want      string
	}{
		{"London in summer", late, false, "Europe/London", "2026-07-01T00:00:00+01:00"},
		{"UTC", late, false, "UTC", "2026-06-30T00:00:00Z"},
		{"a --now date", time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC), true, "Pacific/Auckland", "2026-06-30T00:00:00+12:00"},
		{"an unknown zone is UTC", late, false, "Mars/Base", "2026-06-30T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Today(tt.now, tt.nowIsDate, tt.zone).Format(time.RFC3339); got != tt.want {
				t.Errorf("Today = %s, want %s", got, tt.want)
			}
		})
	}
}
