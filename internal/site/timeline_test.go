package site

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func schoolFS(inspections, extra string) fstest.MapFS {
	fsys := baseFS()
	fsys["schools/hillside/school.yaml"] = &fstest.MapFile{Data: []byte("name: Hillside\npsa: {name: Jo, email: jo@example.org}\ninspections:\n" + inspections + extra)}
	return fsys
}

// describe writes a timeline as one line a step: kind, then its date words.
func describe(steps []Step) string {
	var b strings.Builder
	for _, s := range steps {
		fmt.Fprintf(&b, "%s:", s.Kind)
		switch {
		case s.Date.IsZero():
			b.WriteString(" unknown")
		case s.Confirmed:
			fmt.Fprintf(&b, " confirmed %s", s.Date)
		default:
			if s.Approx {
				b.WriteString(" about")
			}
			if s.ByDate {
				b.WriteString(" by")
			}
			fmt.Fprintf(&b, " %s", s.Date)
			if !s.DateTo.IsZero() {
				fmt.Fprintf(&b, " to %s", s.DateTo)
			}
		}
		if s.Done {
			b.WriteString(" (done)")
		}
		if s.Passed {
			b.WriteString(" (passed, not confirmed)")
		}
		if s.Case == "visit" {
			b.WriteString(" [visit]")
		}
		if s.Note != "" {
			fmt.Fprintf(&b, " %q", s.Note)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestTimeline(t *testing.T) {
	tests := []struct {
		name, inspections, extra, want string
	}{
		{"special measures, eif-2019", `  - {start: 2026-09-15, end: 2026-09-16, published: 2026-10-20, framework: eif-2019, overall: 4, category: special-measures}
`, "", `draft-report-comments: unknown (done)
report-published: confirmed 2026-10-20 (done)
statement-of-action: by 2026-11-03 (passed, not confirmed)
parents-meeting: unknown
monitoring-visit: unknown
review-group: unknown
reinspection: about 2028-09-15
`},
		{"statement of action skips Christmas", `  - {start: 2026-11-10, published: 2026-12-18, framework: eif-2019, category: serious-weaknesses}
`, "", `report-published: confirmed 2026-12-18
statement-of-action: by 2027-01-06
parents-meeting: unknown
monitoring-visit: unknown
review-group: unknown
reinspection: unknown
`},
		{"requires improvement with weak leadership", `  - start: 2026-10-06
    end: 2026-10-07
    framework: eif-2019
    category: requires-improvement
    judgements: [{area: Leadership and management, grade: requires improvement}]
`, "", `report-published: unknown
intentions-to-la: by 2026-10-21 to 2026-10-28 (passed, not confirmed)
monitoring-visit: 2026-11-04 to 2026-11-18 (passed, not confirmed)
reinspection: by 2029-04-06
`},
		{"requires improvement, cif-2012, good leadership", `  - {start: 2015-03-10, framework: cif-2012, overall: 3, judgements: [{area: Leadership and management, grade: good}]}
`, "", `report-published: unknown
intentions-to-la: by 2015-03-24 to 2015-03-31 (passed, not confirmed)
reinspection: by 2017-03-10 (passed, not confirmed)
`},
		{"notice to improve, 2009", `  - {start: 2011-06-14, published: 2011-07-01, framework: "2009", overall: 4, category: notice-to-improve}
`, "", `report-published: confirmed 2011-07-01 (done)
statement-of-action: by 2011-07-15 (passed, not confirmed)
parents-meeting: unknown
monitoring-visit: unknown
review-group: unknown
reinspection: about 2012-06-14 (passed, not confirmed)
`},
		{"report card, requires significant improvement", `  - start: 2026-01-20
    framework: report-card-2025
    category: requires-significant-improvement
    judgements: [{area: Achievement, grade: urgent improvement}]
`, "", `report-published: unknown
parents-meeting: unknown
monitoring-visit: unknown
review-group: unknown
reinspection: unknown
`},
		{"report card, needs attention, no category", `  - start: 2026-01-20
    framework: report-card-2025
    judgements: [{area: Attendance and behaviour, grade: needs attention}]
`, "", `report-published: unknown
monitoring-visit: unknown
`},
		{"left its category", `  - {start: 2024-06-11, framework: eif-2019, overall: good}
  - {start: 2022-01-11, framework: eif-2019, overall: inadequate, category: special-measures}
`, "", `report-published: unknown
`},
		{"milestones replace estimates", `  - {start: 2026-09-15, published: 2026-10-20, framework: eif-2019, category: special-measures}
`, `milestones:
  - {kind: statement-of-action, date: 2026-10-30, note: Sent to Ofsted.}
  - {kind: monitoring-visit, date: 2027-01-12}
  - {kind: reinspection, date: 2020-01-01}
`, `draft-report-comments: unknown (done)
report-published: confirmed 2026-10-20 (done)
statement-of-action: confirmed 2026-10-30 (done) "Sent to Ofsted."
parents-meeting: unknown
monitoring-visit: confirmed 2027-01-12
review-group: unknown
reinspection: about 2028-09-15
`},
		// Two years in special measures: the visits that happened are done,
		// in date order with the milestones (the parents' meeting on 19
		// September before the statement of action on 26 September); the
		// next visit is not yet known; the reinspection estimate has passed
		// but is not shown as done.
		{"special measures, visits happened", `  - {start: 2024-07-02, end: 2024-07-03, published: 2024-09-12, framework: eif-2019, overall: 4, category: special-measures}
  - {start: 2024-11-12, end: 2024-11-13, type: monitoring, framework: eif-2019, outcome: Effective action.}
  - {start: 2025-03-18, type: monitoring, framework: eif-2019, outcome: Effective action.}
`, `milestones:
  - {kind: draft-report-comments, date: 2024-07-17}
  - {kind: statement-of-action, date: 2024-09-26}
  - {kind: parents-meeting, date: 2024-09-19}
`, `draft-report-comments: confirmed 2024-07-17 (done)
report-published: confirmed 2024-09-12 (done)
parents-meeting: confirmed 2024-09-19 (done)
statement-of-action: confirmed 2024-09-26 (done)
monitoring-visit: confirmed 2024-11-12 (done) [visit]
monitoring-visit: confirmed 2025-03-18 (done) [visit]
monitoring-visit: unknown
review-group: unknown
reinspection: about 2026-07-02 (passed, not confirmed)
`},
		// A report card: the first visit happened; the next is confirmed,
		// so it is not also "to be arranged".
		{"report card, next visit confirmed", `  - {start: 2026-01-20, end: 2026-01-22, published: 2026-03-05, framework: report-card-2025, category: requires-significant-improvement, judgements: [{area: Curriculum and teaching, grade: urgent improvement}]}
  - {start: 2026-06-09, type: monitoring, framework: report-card-2025, outcome: A strong start.}
`, `milestones:
  - {kind: monitoring-visit, date: 2027-01-27}
`, `report-published: confirmed 2026-03-05 (done)
parents-meeting: unknown
monitoring-visit: confirmed 2026-06-09 (done) [visit]
monitoring-visit: confirmed 2027-01-27
review-group: unknown
reinspection: unknown
`},
		// A notice to improve brings one visit: once it is recorded,
		// nothing more is expected, and a milestone on its day is that
		// visit, not another.
		{"notice to improve, the visit happened", `  - {start: 2011-06-14, published: 2011-07-01, framework: "2009", overall: 4, category: notice-to-improve}
  - {start: 2011-11-22, type: monitoring, framework: "2009", outcome: Progress.}
`, `milestones:
  - {kind: monitoring-visit, date: 2011-11-22, note: The inspector visited.}
`, `report-published: confirmed 2011-07-01 (done)
statement-of-action: by 2011-07-15 (passed, not confirmed)
parents-meeting: unknown
monitoring-visit: confirmed 2011-11-22 (done) [visit] "The inspector visited."
review-group: unknown
reinspection: about 2012-06-14 (passed, not confirmed)
`},
		{"requires improvement, the visit happened", `  - start: 2026-10-06
    end: 2026-10-07
    framework: eif-2019
    category: requires-improvement
    judgements: [{area: Leadership and management, grade: requires improvement}]
  - {start: 2026-11-10, type: monitoring, framework: eif-2019, outcome: Leaders are acting.}
`, "", `report-published: unknown
intentions-to-la: by 2026-10-21 to 2026-10-28 (passed, not confirmed)
monitoring-visit: confirmed 2026-11-10 (done) [visit]
reinspection: by 2029-04-06
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := build(t, schoolFS(tt.inspections, tt.extra), Config{})
			if ds.HasErrors() {
				t.Fatalf("diagnostics:\n%s", ds.Error())
			}
			if got := describe(s.Schools[0].Timeline); got != tt.want {
				t.Errorf("timeline:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// NextStep is the first step, in date order, that has not happened.
func TestNextStep(t *testing.T) {
	tests := []struct {
		name, inspections, want string
	}{
		{"the next visit, after those that happened", `  - {start: 2024-07-02, published: 2024-09-12, framework: eif-2019, category: special-measures}
  - {start: 2024-11-12, type: monitoring, framework: eif-2019, outcome: Effective action.}
milestones:
  - {kind: statement-of-action, date: 2024-09-26}
  - {kind: parents-meeting, date: 2024-09-19}
`, "monitoring-visit: unknown\n"},
		{"nor is a step with no date before one that happened", `  - {start: 2024-07-02, published: 2024-09-12, framework: eif-2019, category: special-measures}
  - {start: 2024-11-12, type: monitoring, framework: eif-2019, outcome: Effective action.}
`, "monitoring-visit: unknown\n"},
		{"an estimate that has passed is not what happens next", "  - {start: 2024-07-02, published: 2024-09-12, framework: eif-2019, category: special-measures}\n",
			"parents-meeting: unknown\n"},
		{"nothing follows", "  - {start: 2024-06-11, published: 2024-07-18, framework: eif-2019, overall: good}\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := build(t, schoolFS(tt.inspections, ""), Config{})
			if ds.HasErrors() {
				t.Fatalf("diagnostics:\n%s", ds.Error())
			}
			got := ""
			if st := s.Schools[0].NextStep(); st != nil {
				got = describe([]Step{*st})
			}
			if got != tt.want {
				t.Errorf("NextStep = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTimelineUsesMeetings(t *testing.T) {
	fsys := schoolFS("  - {start: 2026-09-15, published: 2026-10-20, framework: eif-2019, category: special-measures}\n", "")
	fsys["schools/hillside/meetings.yaml"] = &fstest.MapFile{Data: []byte(`- {title: Parents' meeting, kind: parents-meeting, start: 2026-10-22T18:00}
- {title: School Review Group, kind: review-group, start: 2026-10-06T16:00, repeat: {every: 6 weeks, count: 5}}
`)}
	s, ds := build(t, fsys, Config{})
	if ds.HasErrors() {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	got := describe(s.Schools[0].Timeline)
	for _, want := range []string{"parents-meeting: confirmed 2026-10-22 (done)", "review-group: confirmed 2026-12-29"} {
		if !strings.Contains(got, want) {
			t.Errorf("timeline lacks %q:\n%s", want, got)
		}
	}
}

func TestStatus(t *testing.T) {
	tests := []struct{ inspections, want string }{
		{"  - {start: 2026-09-15, framework: eif-2019, category: special-measures}\n", "special-measures"},
		{"  - {start: 2024-03-15, framework: eif-2019, overall: requires improvement}\n", "requires-improvement"},
		{"  - {start: 2026-01-20, framework: report-card-2025, judgements: [{area: inclusion, grade: needs attention}]}\n", "monitored"},
		{"  - {start: 2024-03-15, framework: eif-2019, overall: good}\n  - {start: 2022-03-15, framework: eif-2019, category: serious-weaknesses}\n", "improved"},
		{"  - {start: 2024-03-15, framework: eif-2019, overall: good}\n", "not-in-category"},
		// A monitoring inspection after the full one does not change the status.
		{"  - {start: 2026-09-15, framework: eif-2019, category: special-measures}\n  - {start: 2026-11-15, type: monitoring, framework: eif-2019, outcome: Progress.}\n", "special-measures"},
	}
	for _, tt := range tests {
		s, ds := build(t, schoolFS(tt.inspections, ""), Config{})
		if ds.HasErrors() {
			t.Fatalf("diagnostics:\n%s", ds.Error())
		}
		if got := s.Schools[0].Status.Key; got != tt.want {
			t.Errorf("%s: status %q, want %q", tt.inspections, got, tt.want)
		}
	}
}

func TestOccurrences(t *testing.T) {
	tests := []struct {
		name, meeting string
		want          []string // starts and ends, RFC 3339
		err           string
	}{
		{"one meeting, default hour", "{title: M, start: 2026-10-07T16:00}",
			[]string{"2026-10-07T16:00:00+01:00/2026-10-07T17:00:00+01:00"}, ""},
		{"every 6 weeks across the clock change, with an exception",
			"{title: M, start: 2026-09-15T16:00, end: 2026-09-15T17:30, repeat: {every: 6 weeks, until: 2027-01-05, except: [2026-10-27]}}",
			[]string{"2026-09-15T16:00:00+01:00/2026-09-15T17:30:00+01:00", "2026-12-08T16:00:00Z/2026-12-08T17:30:00Z"}, ""},
		{"count includes exceptions, as in RFC 5545",
			"{title: M, start: 2027-03-23T18:00, repeat: {every: 1 week, count: 3, except: [2027-03-30]}}",
			[]string{"2027-03-23T18:00:00Z/2027-03-23T19:00:00Z", "2027-04-06T18:00:00+01:00/2027-04-06T19:00:00+01:00"}, ""},
		{"monthly on the 31st skips short months",
			"{title: M, start: 2027-01-31T10:00, repeat: {every: 1 month, count: 3}}",
			[]string{"2027-01-31T10:00:00Z/2027-01-31T11:00:00Z", "2027-03-31T10:00:00+01:00/2027-03-31T11:00:00+01:00", "2027-05-31T10:00:00+01:00/2027-05-31T11:00:00+01:00"}, ""},
		{"all-day over two days", "{title: M, start: 2026-11-26, end: 2026-11-27}",
			[]string{"2026-11-26T00:00:00Z/2026-11-28T00:00:00Z"}, ""},
		{"every 2 days until", "{title: M, start: 2026-11-26, repeat: {every: 2 days, until: 2026-11-30}}",
			[]string{"2026-11-26T00:00:00Z/2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z/2026-11-29T00:00:00Z", "2026-11-30T00:00:00Z/2026-12-01T00:00:00Z"}, ""},
		{"exception not an occurrence", "{title: M, start: 2026-10-07T16:00, repeat: {every: 1 week, count: 2, except: [2026-10-08]}}",
			nil, "schools/hillside/meetings.yaml:1:81: `except` lists 2026-10-08, which is not one of the dates this meeting repeats on"},
		{"runaway rule", "{title: M, start: 2026-10-07T16:00, repeat: {every: 1 day, until: 2036-10-07}}",
			nil, "schools/hillside/meetings.yaml:1:47: this repeat rule makes more than 1000 meetings"},
		{"past the year 9999", "{title: M, start: 2026-10-07T16:00, repeat: {every: 100 months, count: 1000}}",
			nil, "schools/hillside/meetings.yaml:1:47: this meeting happens outside the years 1 to 9999 (from 2026-10-07 16:00 to 10351-10-07 17:00)"},
		{"ends in the year 10000", "{title: M, start: 9999-12-31T23:30}",
			nil, "schools/hillside/meetings.yaml:1:21: this meeting happens outside the years 1 to 9999"},
		{"all day on the last day of 9999", "{title: M, start: 9999-12-31}",
			nil, "schools/hillside/meetings.yaml:1:21: this meeting happens outside the years 1 to 9999"},
		{"in the year 0", "{title: M, start: 0000-06-01T10:00, repeat: {every: 1 week, count: 2}}",
			nil, "schools/hillside/meetings.yaml:1:21: this meeting happens outside the years 1 to 9999"},
		{"the last hour of 9999", "{title: M, start: 9999-12-31T22:00, end: 9999-12-31T23:59}",
			[]string{"9999-12-31T22:00:00Z/9999-12-31T23:59:00Z"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseFS()
			fsys["schools/hillside/meetings.yaml"] = &fstest.MapFile{Data: []byte("- " + tt.meeting + "\n")}
			s, ds := build(t, fsys, Config{})
			if tt.err != "" {
				if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), tt.err) {
					t.Fatalf("got:\n%s\nwant: %s", ds.Error(), tt.err)
				}
				return
			}
			if len(ds) != 0 {
				t.Fatalf("diagnostics:\n%s", ds.Error())
			}
			var got []string
			for _, o := range s.Schools[0].Meetings[0].Occurrences {
				got = append(got, o.Start.Format(time.RFC3339)+"/"+o.End.Format(time.RFC3339))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("occurrences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestMeetingIDs(t *testing.T) {
	fsys := baseFS()
	fsys["schools/hillside/meetings.yaml"] = &fstest.MapFile{Data: []byte("- {title: Focus group, start: 2026-11-26T09:15}\n- {title: Review, id: review-group, start: 2026-11-27T09:15}\n- {title: Focus group!, start: 2026-11-26T18:00}\n")}
	s, ds := build(t, fsys, Config{})
	if len(ds) != 1 || !strings.Contains(ds[0].Msg, `two meetings would have the calendar id "focus-group-2026-11-26"`) {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	if got := s.Schools[0].Meetings[2].ID; got != "review-group" {
		t.Errorf("id = %q", got)
	}
	if got := s.Schools[0].Meetings[0].URL(); got != "/schools/hillside/meetings/focus-group-2026-11-26.ics" {
		t.Errorf("URL = %q", got)
	}
}

func TestSchoolOccurrencesLimit(t *testing.T) {
	fsys := baseFS()
	var m strings.Builder
	for i := range maxSchoolOccurrences/maxOccurrences + 2 {
		fmt.Fprintf(&m, "- {title: M%d, start: 2026-10-07T16:00, repeat: {every: 1 day, count: %d}}\n", i, maxOccurrences)
	}
	fsys["schools/hillside/meetings.yaml"] = &fstest.MapFile{Data: []byte(m.String())}
	s, ds := build(t, fsys, Config{})
	want := "schools/hillside/meetings.yaml:6:3: the meetings in this file happen more than 5000 times in all"
	if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), want) {
		t.Fatalf("got:\n%s\nwant: %s...", ds.Error(), want)
	}
	ms := s.Schools[0].Meetings
	if n := len(ms[len(ms)-1].Occurrences); n != 1 {
		t.Errorf("the last meeting has %d occurrences: it was expanded after the file passed the limit", n)
	}
}

func TestSiteOccurrencesLimit(t *testing.T) {
	school := func(slug string, n int) *Listing {
		return &Listing{Slug: slug, Meetings: []*Meeting{{Occurrences: make([]Occurrence, n)}}}
	}
	for _, tt := range []struct {
		name    string
		schools []*Listing
		want    string
	}{
		{"within", []*Listing{school("a", 4), school("b", 6)}, ""},
		{"past it", []*Listing{school("a", 4), school("b", 6), school("c", 1), school("d", 9)},
			"schools/c/meetings.yaml:1:1: with this file, the meetings of the whole site happen more than 10 times"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds := checkOccurrences(tt.schools, 10)
			if tt.want == "" && len(ds) == 0 {
				return
			}
			if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), tt.want) {
				t.Errorf("got:\n%s\nwant: %s...", ds.Error(), tt.want)
			}
		})
	}
}
