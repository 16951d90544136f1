package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/site"
	theme "github.com/parentpages/parentpages/themes/default"
)

// The words that explain a school's result and what happens next are the
// theme's; the model says only which case applies. Each case is worded on
// the school's overview page as a parent reads it (on 29 November 2026).
func TestResultAndTimelineWording(t *testing.T) {
	tests := []struct {
		name, inspections, extra string
		want, notWant            []string
	}{
		{"requires improvement, eif-2019, leadership not good", `
  - start: 2026-10-06
    framework: eif-2019
    category: requires-improvement
    judgements: [{area: Leadership and management, grade: requires improvement}]`, "", []string{
			"It is inspected again within 30 months.",
			"<h3>A monitoring visit</h3>",
			"Leaders were not judged good, so an inspector visits 4 to 6 weeks after the inspection.",
			"<h3>The next full inspection</h3>",
			"A school that requires improvement is inspected again within 30 months.",
		}, nil},
		{"requires improvement by the overall grade, cif-2012", `
  - {start: 2015-03-10, framework: cif-2012, overall: 3}`, "", []string{
			`Inspectors judged that the school <strong>requires improvement</strong>.`,
			"It is inspected again within 24 months.",
		}, nil},
		{"notice to improve", `
  - {start: 2026-06-09, framework: "2009", overall: 4, category: notice-to-improve}`, "", []string{
			"<h3>A monitoring visit</h3>",
			"An inspector visits once to check the school&#39;s progress.",
			"A school with a notice to improve is inspected again about a year after the inspection.",
		}, nil},
		{"special measures", `
  - {start: 2026-10-06, framework: eif-2019, overall: 4, category: special-measures}`, "", []string{
			"<h3>Governors comment on the draft report</h3>",
			"Inspectors visit every few months to check the school&#39;s progress.",
			"A school in special measures is inspected again about two years after the inspection.",
		}, nil},
		{"serious weaknesses", `
  - {start: 2026-10-06, framework: eif-2019, overall: 4, category: serious-weaknesses}`, "", []string{
			"<h3>The local authority's statement of action</h3>",
			"Ofsted will inspect the school again.",
			`<strong class="tag tag-unknown">Date not known yet</strong>`,
		}, nil},
		{"report card in a category", `
  - start: 2026-10-06
    framework: report-card-2025
    judgements: [{area: Inclusion, grade: urgent improvement}]
    category: requires-significant-improvement`, "", []string{
			"<h3>The next monitoring visit</h3>",
			"Ofsted plans its monitoring visits with the school in a phone call.",
		}, nil},
		{"a milestone of a kind the timings do not give", `
  - {start: 2026-10-06, framework: eif-2019, category: requires-improvement}`, `
milestones:
  - {kind: statement-of-action, date: 2026-12-01}`, []string{
			"<h3>The local authority's statement of action</h3>",
			`<strong class="tag tag-confirmed">Confirmed</strong> Tuesday 1 December 2026`,
		}, nil},
		{"out of special measures", `
  - {start: 2026-06-09, framework: eif-2019, overall: 2}
  - {start: 2024-01-16, framework: eif-2019, overall: 4, category: special-measures}`, "", []string{
			"Inspectors judged the school to be <strong>good</strong>, so it is no longer in special measures.",
			"<p>This means the school is no longer in special measures.</p>",
		}, nil},
		// The findings, as a parent read them on 29 November 2026.
		{"an estimate that has passed is expected, not done", `
  - {start: 2024-07-02, published: 2024-09-12, framework: eif-2019, overall: 4, category: special-measures}`, "", []string{
			`<li class="timeline-step is-passed">
<h3>The next full inspection</h3>
<p class="timeline-when"><strong class="tag tag-passed">Not yet confirmed</strong> Expected about Thursday 2 July 2026</p>`,
		}, []string{"this date has passed"}},
		{"monitoring visits that happened", `
  - {start: 2024-07-02, published: 2024-09-12, framework: eif-2019, overall: 4, category: special-measures}
  - {start: 2024-11-12, end: 2024-11-13, type: monitoring, framework: eif-2019, outcome: Effective action.}
  - {start: 2025-03-18, type: monitoring, framework: eif-2019, outcome: Effective action.}`, "", []string{
			`<strong class="tag tag-done">Done</strong> 12 to 13 November 2024`,
			`<strong class="tag tag-done">Done</strong> Tuesday 18 March 2025`,
			`href="/schools/oak/inspection/#inspection-2025-03-18"`,
			"<h3>The next monitoring visit</h3>\n<p class=\"timeline-when\"><strong class=\"tag tag-unknown\">Date not known yet</strong></p>",
		}, []string{"To be arranged"}},
		{"a confirmed visit is not also to be arranged", `
  - {start: 2026-01-20, published: 2026-03-05, framework: report-card-2025, category: requires-significant-improvement, judgements: [{area: Curriculum and teaching, grade: urgent improvement}]}
  - {start: 2026-06-09, type: monitoring, framework: report-card-2025, outcome: A strong start.}`, `
milestones:
  - {kind: monitoring-visit, date: 2027-01-27}`, []string{
			`<strong class="tag tag-confirmed">Confirmed</strong> Wednesday 27 January 2027`,
			"<strong>Next:</strong> <a href=\"#next-heading\">The next monitoring visit</a> (confirmed for Wednesday 27 January 2027).",
		}, []string{"to be arranged", "To be arranged"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"site.yaml": {Data: []byte("title: Test\nbase_url: https://example.org/\n")},
				"schools/oak/school.yaml": {Data: []byte("name: Oak School\npsa: {name: Ffion, email: ffion@example.org}\ninspections:" +
					tt.inspections + "\n" + strings.TrimPrefix(tt.extra, "\n"))},
			}
			s := loadSite(t, fsys)
			r, err := New(s.Site, theme.FS, fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			page := pagesOf(t, r, s.Schools[0])["schools/oak/index.html"]
			for _, want := range tt.want {
				if !strings.Contains(page, want) {
					t.Errorf("the overview page does not say\n%s", want)
				}
			}
			for _, not := range tt.notWant {
				if strings.Contains(page, not) {
					t.Errorf("the overview page says %q", not)
				}
			}
		})
	}
}

// An area's actions are summed up in a sentence of the theme's.
func TestActionSummary(t *testing.T) {
	s, fsys := partialSite(t)
	r, err := New(s.Site, theme.FS, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	act := func(status string, overdue bool) *site.Action {
		return &site.Action{Action: content.Action{Status: status}, Overdue: overdue}
	}
	tests := []struct {
		name    string
		actions []*site.Action
		want    string
	}{
		{"one overdue", []*site.Action{act("off-track", true)}, "1 action: 1 off track. It is overdue."},
		{"mixed, in status order", []*site.Action{act("done", false), act("on-track", false), act("", true), act("on-track", false)},
			"4 actions: 1 not started, 2 on track, 1 done. 1 is overdue."},
		{"several overdue", []*site.Action{act("at-risk", true), act("off-track", true)}, "2 actions: 1 at risk, 1 off track. 2 are overdue."},
		{"none overdue", []*site.Action{act("done", false), act("done", false)}, "2 actions: 2 done."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := r.pages["action-plan"].ExecuteTemplate(&b, "action-summary", tt.actions); err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("action-summary = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCountActions(t *testing.T) {
	got := countActions([]*site.Action{
		{Action: content.Action{Status: "done"}},
		{Action: content.Action{Status: ""}, Overdue: true},
		{Action: content.Action{Status: "done"}},
	})
	if got.Total != 3 || got.Overdue != 1 || len(got.ByStatus) != 2 ||
		got.ByStatus[0] != (ActionCount{"not-started", 1}) || got.ByStatus[1] != (ActionCount{"done", 2}) {
		t.Errorf("countActions = %+v", got)
	}
}
