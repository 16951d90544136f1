package render

import (
	"strings"
	"testing"
	"testing/fstest"

	theme "github.com/parentpages/parentpages/themes/default"
)

// overviewSite is a school in special measures with a members-only review
// group, a governors' coffee morning open to all, and Parent View among its
// ways to give views, as the example's Brackenwood has.
func overviewSite(siteYAML, schoolExtra string) fstest.MapFS {
	return fstest.MapFS{
		"site.yaml": {Data: []byte("title: Test\nbase_url: https://example.org/\n" + siteYAML)},
		"schools/oak/school.yaml": {Data: []byte(`name: Oak School
psa: {name: Ffion Jones, email: ffion@example.org, phone: 01752 000001}
inspections:
  - start: 2026-09-15
    published: 2026-10-20
    framework: eif-2019
    overall: inadequate
    judgements: [{area: Quality of education, grade: inadequate}]
    category: special-measures
    summary: The PSA's account of the inspection.
` + schoolExtra)},
		"schools/oak/meetings.yaml": {Data: []byte(`- {title: School Review Group, kind: review-group, start: 2026-12-01T16:00}
- {title: Coffee with governors, kind: governors, open_to: everyone, start: 2026-12-03T09:00}
- {title: Closed governors, kind: governors, start: 2026-12-02T09:00}
`)},
	}
}

// The overview shows each block once: the result in plain words and "In
// short" at the top, the inspection's detail and grades only on the
// inspection page, Ofsted Parent View once; and what to do when worried.
func TestOverviewBlocks(t *testing.T) {
	tests := []struct {
		name, siteYAML, schoolExtra string
		overview, notOverview       []string
	}{
		{"no safeguarding contact or complaints procedure, Parent View from the theme", "", "",
			[]string{
				`<h2 id="in-short-heading">In short</h2>`,
				`<strong>Next meeting you can go to:</strong> Thursday 3 December 2026, 9am: <a href="/schools/oak/meetings/#meeting-coffee-with-governors-2026-12-03">Coffee with governors</a>`,
				`Call <a href="tel:01752%20000001">01752 000001</a> or email <a href="mailto:ffion@example.org">Ffion Jones</a>, <a href="#psa-heading">the school's PSA</a>.`,
				`<h2 id="help-heading">Worried or want to complain?</h2>`,
				`If a child is in danger right now, call <a href="tel:999">999</a>.`,
				"contact your local council's children's services.",
				"use the school's complaints procedure. Every school must have one: ask the school for it",
				`<a href="https://parentview.ofsted.gov.uk/">Ofsted Parent View</a>`,
			},
			[]string{"School Review Group</a>", "Closed governors", "The PSA's account", "Overall effectiveness"}},
		{"a safeguarding contact, a complaints procedure and Parent View from the PSA", "safeguarding: {name: The Gateway, phone: 01752 000900, url: \"https://www.example.org/safe\"}\n",
			"complaints_url: https://www.oak.example.sch.uk/complaints\ngive_views: [\"[Parent View](https://parentview.ofsted.gov.uk/): tell Ofsted.\"]\n",
			[]string{
				`contact The Gateway on <a href="tel:01752%20000900">01752 000900</a>. <a href="https://www.example.org/safe">How they keep children safe</a>`,
				`use the school's <a href="https://www.oak.example.sch.uk/complaints">complaints procedure</a>. Every school must have one. The last step`,
				`<a href="https://parentview.ofsted.gov.uk/">Parent View</a>: tell Ofsted.`,
			},
			[]string{"Ofsted Parent View</a>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := overviewSite(tt.siteYAML, tt.schoolExtra)
			s := loadSite(t, fsys)
			r, err := New(s.Site, theme.FS, fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			pages := pagesOf(t, r, s.Schools[0])
			overview, inspection := pages["schools/oak/index.html"], pages["schools/oak/inspection/index.html"]
			for _, want := range tt.overview {
				if !strings.Contains(overview, want) {
					t.Errorf("the overview does not say\n%s", want)
				}
			}
			for _, not := range tt.notOverview {
				if strings.Contains(overview, not) {
					t.Errorf("the overview says %q", not)
				}
			}
			if n := strings.Count(overview, "parentview.ofsted.gov.uk"); n != 1 {
				t.Errorf("the overview offers Parent View %d times, want once", n)
			}
			if n := strings.Count(inspection, "<dt>Quality of education</dt>"); n != 1 {
				t.Errorf("the inspection page shows the grades %d times, want once", n)
			}
			if !strings.Contains(inspection, "The PSA's account of the inspection.") {
				t.Error("the inspection page lacks the PSA's account")
			}
			if !strings.Contains(inspection, `<a href="/schools/oak/#help-heading">Worried or want to complain? What you can do</a>`) {
				t.Error("the inspection page does not lead to what to do when worried")
			}
		})
	}
}

// The meetings page lists members-only meetings, marked as such.
func TestMembersOnlyMarked(t *testing.T) {
	fsys := overviewSite("", "")
	s := loadSite(t, fsys)
	r, err := New(s.Site, theme.FS, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := pagesOf(t, r, s.Schools[0])["schools/oak/meetings/index.html"]
	if n := strings.Count(page, `<strong class="tag tag-members">Members only</strong>`); n != 2 {
		t.Errorf("%d meetings marked members only, want 2 (the review group and the closed governors' meeting)", n)
	}
	if !strings.Contains(page, "<dt>Who can come</dt><dd>Only the people invited</dd>") || !strings.Contains(page, "<dt>Who can come</dt><dd>Any parent or carer</dd>") {
		t.Error("a meeting with no audience does not say who can come")
	}
}
