package site

import (
	"slices"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/workdays"
)

// Status is where a school is in the process, from its latest inspection.
type Status struct {
	Key   string // the category, or "improved" / "not-in-category"
	Label string // e.g. "Special measures"
	Order int    // for grouping on the home page: most serious first
}

// Statuses lists the groups of the home page, most serious first.
var Statuses = []Status{
	{Key: "special-measures", Label: "Special measures"},
	{Key: "serious-weaknesses", Label: "Serious weaknesses"},
	{Key: "requires-significant-improvement", Label: "Requires significant improvement"},
	{Key: "notice-to-improve", Label: "Notice to improve"},
	{Key: "requires-improvement", Label: "Requires improvement"},
	{Key: "monitored", Label: "Being monitored by Ofsted"},
	{Key: "improved", Label: "No longer in a category"},
	{Key: "not-in-category", Label: "Not in a category"},
}

func statusNamed(key string) Status {
	for i, s := range Statuses {
		if s.Key == key {
			s.Order = i
			return s
		}
	}
	panic("site: no status " + key)
}

// isRI reports whether the latest inspection judged the school to require
// improvement: the category, or the overall grade where a PSA left the
// category at none.
func isRI(in *Inspection) bool {
	return in.Category == "requires-improvement" || (in.Category == "none" && in.Overall == "requires improvement")
}

// needsAttention reports whether a report-card inspection put any area at
// needs attention, which Ofsted monitors.
func needsAttention(in *Inspection) bool {
	if in.Framework != "report-card-2025" {
		return false
	}
	return slices.ContainsFunc(in.Judgements, func(j content.Judgement) bool { return j.Grade == "needs attention" })
}

func statusOf(s *School) Status {
	in := s.Latest
	switch {
	case in.Category != "none":
		return statusNamed(in.Category)
	case isRI(in):
		return statusNamed("requires-improvement")
	case needsAttention(in):
		return statusNamed("monitored")
	}
	for _, older := range s.Inspections {
		if older != in && !older.IsMonitoring() && older.Category != "none" {
			return statusNamed("improved")
		}
	}
	return statusNamed("not-in-category")
}

// InCategory reports whether the school is in a formal category (special
// measures, serious weaknesses, notice to improve, requires significant
// improvement).
func (s *School) InCategory() bool {
	return s.Latest != nil && s.Latest.Category != "none" && s.Latest.Category != "requires-improvement"
}

// Step is one expected next step after an inspection.
type Step struct {
	Kind  string
	Title string // what happens, as a heading
	What  string // one or two plain sentences
	// Date is the confirmed or estimated date; zero when not yet known.
	// DateTo, when set, makes the estimate a range.
	Date, DateTo content.Date
	Confirmed    bool   // a date the PSA confirmed, or a fact (the report's date)
	Approx       bool   // "about": a rough estimate, such as a year after
	ByDate       bool   // the date is a deadline ("by"), not the day itself
	Note         string // the milestone's note
	Done         bool   // the step is in the past
}

// timeline works out what happens next, per the table in DOMAIN.md. It
// gives a date only where the timing is known; confirmed milestones replace
// the estimate of the same kind.
func (b *builder) timeline(s *School, d *content.SchoolDir) []Step {
	in := s.Latest
	cat := in.Category
	today := b.s.Today.Time
	day := func(t time.Time) content.Date { return content.Date{Time: t} }
	var steps []Step
	add := func(st Step) { steps = append(steps, st) }
	category := s.InCategory()
	ri := isRI(in)
	reportCard := in.Framework == "report-card-2025"

	if cat == "special-measures" {
		add(Step{Kind: "draft-report-comments", Title: "Governors comment on the draft report",
			What: "The school's governors can comment on the accuracy of the draft report within 5 working days of receiving it."})
	}
	pub := Step{Kind: "report-published", Title: "The inspection report is published",
		What: "Ofsted sends the final report to the school, which must give a copy to parents and carers. This is usually some weeks after the inspection."}
	if !in.Published.IsZero() {
		pub.Date, pub.Confirmed = in.Published, true
	}
	add(pub)
	if cat == "special-measures" || cat == "notice-to-improve" || cat == "serious-weaknesses" {
		st := Step{Kind: "statement-of-action", Title: "The local authority's statement of action",
			What: "The local authority sends Ofsted its statement of action, saying how it will support the school, within 10 working days of the final report.", ByDate: true}
		if !in.Published.IsZero() {
			st.Date = day(workdays.AddWorkingDays(in.Published.Time, 10))
		}
		add(st)
	}
	if category {
		st := Step{Kind: "parents-meeting", Title: "A meeting for parents and carers",
			What: "A meeting for parents and carers is held after the report is published, to explain what it found and what happens next."}
		if m, ok := b.firstMeetingOfKind(s, "parents-meeting", in.Start.Time); ok {
			st.Date, st.Confirmed = day(dateOf(m.Start)), true
		}
		add(st)
	}
	if ri {
		st := Step{Kind: "intentions-to-la", Title: "The school shares its plans with the local authority",
			What: "The school tells the local authority how it intends to improve, within 2 to 3 working weeks of the inspection.", ByDate: true}
		end := in.LastDay().Time
		st.Date, st.DateTo = day(workdays.AddWorkingDays(end, 10)), day(workdays.AddWorkingDays(end, 15))
		add(st)
	}
	weakLeadership := func() bool {
		g := in.Grade("leadership")
		return g == "requires improvement" || g == "inadequate"
	}
	switch {
	case ri && weakLeadership() && (in.Framework == "cif-2012" || in.Framework == "eif-2019"):
		end := in.LastDay().Time
		add(Step{Kind: "monitoring-visit", Title: "A monitoring visit by one of His Majesty's Inspectors",
			What: "Because leadership and management were not judged good, an inspector visits about 4 to 6 weeks after the inspection. The school is told by phone up to 5 days before.",
			Date: day(end.AddDate(0, 0, 28)), DateTo: day(end.AddDate(0, 0, 42))})
	case reportCard && (category || needsAttention(in)):
		add(Step{Kind: "monitoring-visit", Title: "Monitoring by Ofsted",
			What: "Ofsted plans its monitoring visits with the school in an introductory call. The dates are to be arranged."})
	case category:
		what := "Inspectors make monitoring visits to check the school's progress."
		if cat == "special-measures" {
			what = "Inspectors visit regularly, usually every few months, to check the school's progress."
		}
		add(Step{Kind: "monitoring-visit", Title: "Monitoring visits by inspectors", What: what})
	}
	if category {
		st := Step{Kind: "review-group", Title: "The School Review Group meets",
			What: "The School Review Group, led by a local authority adviser and including the school's PSA, meets every six weeks to check progress."}
		if m, ok := b.firstMeetingOfKind(s, "review-group", today); ok {
			st.Date, st.Confirmed = day(dateOf(m.Start)), true
		}
		add(st)
	}
	if st, ok := reinspection(in); ok {
		add(st)
	}
	// Confirmed milestones replace the estimate of the same kind; a
	// milestone of a kind not estimated here is shown as it is.
	for _, m := range d.School.Milestones {
		if m.Date.IsZero() || m.Kind == "" || m.Date.Before(in.Start.Time) {
			continue
		}
		i := slices.IndexFunc(steps, func(st Step) bool { return st.Kind == m.Kind })
		if i < 0 {
			steps = append(steps, Step{Kind: m.Kind, Title: milestoneTitle(m.Kind)})
			i = len(steps) - 1
		}
		st := &steps[i]
		st.Date, st.DateTo, st.Confirmed, st.Approx, st.ByDate, st.Note = m.Date, content.Date{}, true, false, false, m.Note
	}
	for i := range steps {
		st := &steps[i]
		last := st.Date
		if !st.DateTo.IsZero() {
			last = st.DateTo
		}
		st.Done = !last.IsZero() && last.Before(today)
		// Governors comment on the draft before the final report: once
		// that is published, the step is over, though it had no date.
		if st.Kind == "draft-report-comments" && st.Date.IsZero() && !in.Published.IsZero() && !in.Published.After(today) {
			st.Done = true
		}
	}
	return steps
}

// reinspection estimates the next full inspection where the timing is known.
func reinspection(in *Inspection) (Step, bool) {
	st := Step{Kind: "reinspection", Title: "The next full inspection"}
	start := in.Start.Time
	switch {
	case in.Category == "notice-to-improve":
		st.What = "A school with a notice to improve is inspected again about a year after the inspection."
		st.Date, st.Approx = content.Date{Time: start.AddDate(1, 0, 0)}, true
	case in.Category == "special-measures" && in.Framework != "report-card-2025":
		st.What = "A school in special measures is inspected again about two years after the inspection, unless monitoring visits show it can come out of special measures sooner."
		st.Date, st.Approx = content.Date{Time: start.AddDate(2, 0, 0)}, true
	case isRI(in) && in.Framework == "cif-2012":
		st.What = "A school that requires improvement is inspected again within 24 months."
		st.Date, st.ByDate = content.Date{Time: start.AddDate(0, 24, 0)}, true
	case isRI(in) && in.Framework == "eif-2019":
		st.What = "A school that requires improvement is inspected again within 30 months."
		st.Date, st.ByDate = content.Date{Time: start.AddDate(0, 30, 0)}, true
	case in.Category != "none" || isRI(in):
		st.What = "Ofsted will inspect the school again. The date is not yet known."
	default:
		return st, false
	}
	return st, true
}

func milestoneTitle(kind string) string {
	return strings.ToUpper(kind[:1]) + strings.ReplaceAll(kind[1:], "-", " ")
}

// firstMeetingOfKind finds the first occurrence, on or after from, of a
// meeting of the given kind that is not cancelled.
func (b *builder) firstMeetingOfKind(s *School, kind string, from time.Time) (Occurrence, bool) {
	var best Occurrence
	found := false
	for _, m := range s.Meetings {
		if m.Kind != kind || m.Cancelled() {
			continue
		}
		for _, o := range m.Occurrences {
			if !dateOf(o.Start).Before(dateOf(from)) && (!found || o.Start.Before(best.Start)) {
				best, found = o, true
				break
			}
		}
	}
	return best, found
}
