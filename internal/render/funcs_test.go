package render

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/parentpages/parentpages/internal/chart"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/markdown"
	"github.com/parentpages/parentpages/internal/site"
	theme "github.com/parentpages/parentpages/themes/default"
)

const glossaryPage = `Intro.

## Category

A category.

## Requires improvement

Not yet good.

## Requires significant improvement

A category.

## PSA

Parent Support Adviser.

## Monitoring visit

A visit.
`

func testGlossary(t *testing.T, src string) *glossary {
	t.Helper()
	s := &site.Site{}
	if src != "" {
		s.Pages = []*site.Page{{Slug: "glossary", Body: markdown.NewParser().Parse([]byte(src))}}
	}
	return newGlossary(s, func(p string) string { return "/parents" + p })
}

func TestGlossaryText(t *testing.T) {
	g := testGlossary(t, glossaryPage)
	tests := []struct {
		name string
		in   []string // texts written on one page, in order
		want []string
	}{
		{
			name: "longest term wins",
			in:   []string{"The school requires significant improvement."},
			want: []string{`The school <a class="term" href="/parents/glossary/#requires-significant-improvement">requires significant improvement</a>.`},
		},
		{
			name: "each term once per page",
			in:   []string{"Ask the PSA.", "The PSA will tell you."},
			want: []string{`Ask the <a class="term" href="/parents/glossary/#psa">PSA</a>.`, "The PSA will tell you."},
		},
		{
			name: "case and plurals",
			in:   []string{"Inspectors make Monitoring Visits."},
			want: []string{`Inspectors make <a class="term" href="/parents/glossary/#monitoring-visit">Monitoring Visits</a>.`},
		},
		{
			name: "whole words only",
			in:   []string{"Categorical PSAs-to-be and subcategory."},
			want: []string{"Categorical PSAs-to-be and subcategory."},
		},
		{
			name: "text is escaped",
			in:   []string{`<script>"x" & category</script>`},
			want: []string{`&lt;script&gt;&#34;x&#34; &amp; <a class="term" href="/parents/glossary/#category">category</a>&lt;/script&gt;`},
		},
		{
			name: "two terms in one text",
			in:   []string{"Not in a category, but it requires improvement."},
			want: []string{`Not in a <a class="term" href="/parents/glossary/#category">category</a>, but it <a class="term" href="/parents/glossary/#requires-improvement">requires improvement</a>.`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pg := &Page{}
			for i, in := range tt.in {
				if got := string(g.text(pg, in)); got != tt.want[i] {
					t.Errorf("text(%q) =\n%s\nwant\n%s", in, got, tt.want[i])
				}
			}
		})
	}
}

func TestGlossaryTerm(t *testing.T) {
	g := testGlossary(t, glossaryPage)
	pg := &Page{}
	if got, want := string(g.term(pg, "category", "category & more")), `<a class="term" href="/parents/glossary/#category">category &amp; more</a>`; got != want {
		t.Errorf("first term = %s, want %s", got, want)
	}
	if got, want := string(g.term(pg, "category", "category")), "category"; got != want {
		t.Errorf("second use = %s, want %s", got, want)
	}
	if got, want := string(g.term(pg, "no-such-term", "<b>")), "&lt;b&gt;"; got != want {
		t.Errorf("unknown term = %s, want %s", got, want)
	}
	none := testGlossary(t, "")
	if got, want := string(none.text(&Page{}, "A category.")), "A category."; got != want {
		t.Errorf("with no glossary page: %s, want %s", got, want)
	}
}

func TestHeadings(t *testing.T) {
	doc := markdown.NewParser().Parse([]byte("# Top & tail\n\ntext\n\n## Inner\n\n# Żółć \"quotes\"\n"))
	got := headings(doc)
	if len(got) != 2 || got[0].Text != "Top & tail" || got[0].ID == "" || got[1].Text != `Żółć "quotes"` {
		t.Errorf("headings = %+v, want the two top-level headings with ids", got)
	}
	if headings(nil) != nil {
		t.Error("headings(nil) is not empty")
	}
}

func TestGrades(t *testing.T) {
	eif, _ := content.FrameworkByKey("eif-2019")
	rc, _ := content.FrameworkByKey("report-card-2025")
	tests := []struct {
		name  string
		fw    content.Framework
		grade string
		want  int
	}{
		{"outstanding", eif, "outstanding", 1},
		{"inadequate", eif, "inadequate", 4},
		{"requires improvement", eif, "Requires improvement", 3},
		{"report cards have no numbers", rc, "urgent improvement", 0},
		{"unknown", eif, "splendid", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := gradeNumber(tt.fw, tt.grade); got != tt.want {
				t.Errorf("gradeNumber = %d, want %d", got, tt.want)
			}
		})
	}
	in := &site.Inspection{Inspection: &content.Inspection{Judgements: []content.Judgement{
		{Area: "Inclusion", Grade: "urgent improvement"},
		{Area: "Achievement", Grade: "needs attention"},
		{Area: "SEND provision", Grade: "urgent improvement"},
		{Area: "Leadership and governance", Grade: "urgent improvement"},
	}}}
	if got, want := andList(gradedAs(in, "urgent improvement")), "inclusion, SEND provision, and leadership and governance"; got != want {
		t.Errorf("gradedAs = %q, want %q", got, want)
	}
}

func TestMeasureHelpers(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	lower := false
	pt := func(day int, v float64) content.Point {
		return content.Point{Date: content.Date{Time: time.Date(2026, 9, day, 0, 0, 0, 0, time.UTC)}, Value: v}
	}
	up := &content.Measure{Unit: "%", Target: f(70), Points: []content.Point{pt(1, 48), pt(20, 72), pt(10, 55.5)}}
	down := &content.Measure{Unit: "days", Target: f(40), HigherIsBetter: &lower, Points: []content.Point{pt(1, 60), pt(2, 45)}}
	if got := lastPoint(up).Value; got != 72 {
		t.Errorf("lastPoint = %v, want the latest by date, 72", got)
	}
	if !targetMet(up) || targetMet(down) {
		t.Errorf("targetMet: up %v (want true), down %v (want false)", targetMet(up), targetMet(down))
	}
	if targetMet(&content.Measure{Points: up.Points}) {
		t.Error("targetMet without a target is true")
	}
	tests := []struct{ got, want string }{
		{chart.Quantity(55.5, "%"), "55.5%"},
		{chart.Quantity(1, "days"), "1 day"},
		{chart.Quantity(1250, "pupils"), "1,250 pupils"},
		{chart.Quantity(3, ""), "3"},
		{percent(301, 1140), "26"},
		{percent(5, 0), "0"},
		{statusWord("on-track"), "On track"},
		{statusWord(""), "Not started"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestSchoolHistoryHelpers(t *testing.T) {
	day := func(y int, m time.Month, d int) content.Date {
		return content.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
	}
	insp := func(start content.Date, typ, cat string) *site.Inspection {
		return &site.Inspection{Inspection: &content.Inspection{Start: start, Type: typ, Category: cat}}
	}
	latest := insp(day(2024, 6, 11), "full", "none")
	visit := insp(day(2024, 9, 1), "monitoring", "")
	oldVisit := insp(day(2023, 4, 25), "monitoring", "")
	sm := insp(day(2022, 11, 15), "full", "special-measures")
	ri := insp(day(2017, 3, 7), "full", "requires-improvement")
	s := &site.School{Inspections: []*site.Inspection{visit, latest, oldVisit, sm, ri}, Latest: latest}
	if got := previousCategory(s); got != "special-measures" {
		t.Errorf("previousCategory = %q, want special-measures", got)
	}
	if got := latestMonitoring(s); got != visit {
		t.Errorf("latestMonitoring = %v, want the visit after the latest inspection", got)
	}
	s2 := &site.School{Inspections: []*site.Inspection{latest, oldVisit}, Latest: latest}
	if got := latestMonitoring(s2); got != nil {
		t.Errorf("latestMonitoring = %v, want none: the only visit is older than the latest inspection", got)
	}
	if got := previousCategory(s2); got != "" {
		t.Errorf("previousCategory = %q, want none", got)
	}

	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	m := &site.Meeting{Except: []time.Time{now.AddDate(0, 0, -7), now.AddDate(0, 0, 7)}}
	if got := exceptAfter(m, now); len(got) != 1 || !got[0].Equal(now.AddDate(0, 0, 7)) {
		t.Errorf("exceptAfter = %v, want only the date still to come", got)
	}
}

// TestSchoolPage renders a small site with the default theme and checks
// what a parent reads: the result in words, glossary links, escaping and
// links that carry the base path.
func TestSchoolPage(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: Test & <Site>\nbase_url: https://example.org/parents/\n")},
		"pages/glossary.md": {Data: []byte("---\ntitle: Glossary\n---\n\n## Special measures\n\nSerious.\n\n## Report card\n\nNew.\n\n## Category\n\nA category.\n")},
		"schools/ysgol-test/school.yaml": {Data: []byte(`name: "Ysgol <script>alert(1)</script> & Ŵyr"
psa:
  name: Ffion
  email: ffion@example.org
inspections:
  - start: 2026-01-20
    published: 2026-03-01
    framework: report-card-2025
    judgements:
      - area: Inclusion
        grade: urgent improvement
      - area: Leadership and governance
        grade: urgent improvement
    safeguarding: met
    category: special-measures
`)},
	}
	s := loadSite(t, fsys)
	r, err := New(s.Site, theme.FS, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := pagesOf(t, r, s.Schools[0])["schools/ysgol-test/index.html"]
	if page == "" {
		t.Fatal("no overview page")
	}
	for _, want := range []string{
		`Inspectors found serious problems: the school needs <strong><a class="term" href="/parents/glossary/#special-measures">special measures</a></strong>.`,
		`Inspectors judged that the school needs <strong>special measures</strong>.`,
		`In its <a class="term" href="/parents/glossary/#report-card">report card</a>, inclusion, and leadership and governance were graded urgent improvement.`,
		`Ysgol &lt;script&gt;alert(1)&lt;/script&gt; &amp; Ŵyr`,
		`href="/parents/schools/ysgol-test/meetings/"`,
		`href="/parents/assets/style.css"`,
		`https://parentview.ofsted.gov.uk/`,
		`<strong class="tag tag-done">Done</strong> Sunday 1 March 2026`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the overview page does not contain\n%s", want)
		}
	}
	if strings.Contains(page, "<script>") {
		t.Error("the overview page has a <script> element")
	}
	if n := strings.Count(page, "<h1"); n != 1 {
		t.Errorf("the overview page has %d <h1>s, want 1", n)
	}
}
