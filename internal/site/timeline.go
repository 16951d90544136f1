package site

import (
	"cmp"
	"slices"
	"time"

	"github.com/parentpages/parentpages/internal/civil"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/workdays"
)

// Status is where a school is in the process, from its latest inspection.
type Status struct {
	Key   string // the category, or "improved" / "not-in-category"
	Label string // e.g. "Special measures"
	Order int    // for grouping on the home page: most serious first
}

// statuses are the groups of the home page, most serious first.
var statuses = []Status{
	{Key: "special-measures", Label: "Special measures"},
	{Key: "serious-weaknesses", Label: "Serious weaknesses"},
	{Key: "requires-significant-improvement", Label: "Requires significant improvement"},
	{Key: "notice-to-improve", Label: "Notice to improve"},
	{Key: "requires-improvement", Label: "Requires improvement"},
	{Key: "monitored", Label: "Being monitored by Ofsted"},
	{Key: "improved", Label: "No longer in a category"},
	{Key: "not-in-category", Label: "Not in a category"},
}

// Statuses returns the groups of the home page, most serious first.
func Statuses() []Status {
	out := slices.Clone(statuses)
	for i := range out {
		out[i].Order = i
	}
	return out
}

func statusNamed(key string) Status {
	for i, s := range statuses {
		if s.Key == key {
			s.Order = i
			return s
		}
	}
	panic("site: no status " + key)
}

// RequiresImprovement reports whether the inspection judged the school to
// require improvement: the category, or the overall grade where a PSA left
// the category at none.
func (in *Inspection) RequiresImprovement() bool {
	return in.Category == "requires-improvement" || (in.Category == "none" && in.Overall == "requires improvement")
}

// ReinspectWithinMonths is how many months after an inspection that judged
// a school to require improvement Ofsted inspects it again at the latest:
// 24 under the common inspection framework (2012), 30 under the education
// inspection framework (2019), and 0 where that rule does not apply.
func (in *Inspection) ReinspectWithinMonths() int {
	if !in.RequiresImprovement() {
		return 0
	}
	switch in.Framework {
	case "cif-2012":
		return 24
	case "eif-2019":
		return 30
	}
	return 0
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
	case in.RequiresImprovement():
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

// InCategory reports whether the inspection put the school in a formal
// category (special measures, serious weaknesses, notice to improve,
// requires significant improvement): requires improvement is not one.
func (in *Inspection) InCategory() bool {
	return in.Category != "" && in.Category != "none" && in.Category != "requires-improvement"
}

// Step is one expected next step after an inspection. It is data only:
// the theme words each step by its Kind and Case (the default theme in
// templates/partials/timeline.html).
type Step struct {
	// Kind is what happens: one of the kinds a milestone may have
	// (draft-report-comments, report-published, statement-of-action,
	// parents-meeting, intentions-to-la, monitoring-visit, review-group,
	// reinspection).
	Kind string
	// Case says which of Ofsted's usual timings gave the step, where a kind
	// has more than one, and is "milestone" for a step that only a PSA's
	// milestone gives (no usual timing applies to the school):
	//   - monitoring-visit: "visit" (a monitoring inspection recorded in
	//     school.yaml: a visit that has happened), "weak-leadership" (a
	//     visit by one of His Majesty's Inspectors 4 to 6 weeks after an
	//     inspection that found a school to require improvement and its
	//     leadership not good), "notice-to-improve" (the one visit a
	//     notice to improve brings), "report-card" (monitoring planned with
	//     the school), "special-measures" or "category" (regular visits:
	//     the next one);
	//   - reinspection: "notice-to-improve" (about a year after),
	//     "special-measures" (about two years after), "requires-improvement"
	//     (within Inspection.ReinspectWithinMonths), or "" (not yet known).
	Case string
	// Date is the confirmed or estimated date; zero when not yet known.
	// DateTo, when set, makes the estimate a range.
	Date, DateTo content.Date
	Confirmed    bool   // a date the PSA confirmed, or a fact (the report's date, a recorded visit)
	Approx       bool   // "about": a rough estimate, such as a year after
	ByDate       bool   // the date is a deadline ("by"), not the day itself
	Note         string // the milestone's note
	// Done says the step has happened: its confirmed date has passed, or
	// (comments on the draft report, which has no date) the report's date
	// is known. An estimate is never done, however long ago its date.
	Done bool
	// Passed says an estimate's date has gone by with nothing to confirm
	// it: the step is still expected, and not known to have happened.
	Passed bool
}

// timeline works out what happens next after the latest inspection, from
// Ofsted's usual timings for its category and framework and the monitoring
// visits recorded since. It gives a date only where the timing is known;
// confirmed milestones replace the estimate of the same kind. The steps
// are in date order.
func (b *builder) timeline(s *School, d *content.SchoolDir) []Step {
	in := s.Latest
	today := b.s.Today.Time
	steps := usualSteps(in, visitsSince(s), func(kind string, from time.Time) (content.Date, bool) {
		m, ok := b.firstMeetingOfKind(s, kind, from)
		if !ok {
			return content.Date{}, false
		}
		return content.Date{Time: civil.Date(m.Start)}, true
	}, today)
	for _, m := range d.School.Milestones {
		if !m.Date.IsZero() && m.Kind != "" && !m.Date.Before(in.Start.Time) {
			steps = confirm(steps, m)
		}
	}
	for i := range steps {
		st := &steps[i]
		last := st.Date
		if !st.DateTo.IsZero() {
			last = st.DateTo
		}
		past := !last.IsZero() && last.Before(today)
		st.Done, st.Passed = past && st.Confirmed, past && !st.Confirmed
		// Governors comment on the draft before the final report: once
		// the report's date is known, the step is over, though it had no
		// date of its own.
		if st.Kind == "draft-report-comments" && st.Date.IsZero() && !in.Published.IsZero() {
			st.Done = true
		}
	}
	return inDateOrder(steps, in.LastDay())
}

// confirm gives a milestone's date to the step of its kind: a recorded
// monitoring visit on that day (the milestone adds its note), else the
// estimate it replaces, else a step of its own.
func confirm(steps []Step, m content.Milestone) []Step {
	i := slices.IndexFunc(steps, func(st Step) bool {
		return st.Kind == m.Kind && st.Case == "visit" && !m.Date.Before(st.Date.Time) &&
			!m.Date.After(cmp.Or(st.DateTo, st.Date).Time)
	})
	if i >= 0 {
		steps[i].Note = m.Note
		return steps
	}
	i = slices.IndexFunc(steps, func(st Step) bool { return st.Kind == m.Kind && st.Case != "visit" })
	if i < 0 {
		steps = append(steps, Step{Kind: m.Kind, Case: "milestone"})
		i = len(steps) - 1
	}
	st := &steps[i]
	st.Date, st.DateTo, st.Confirmed, st.Approx, st.ByDate, st.Note = m.Date, content.Date{}, true, false, false, m.Note
	return steps
}

// inDateOrder sorts the steps by date. A step with no date keeps its place
// after the step before it in the usual order, so that "to be arranged"
// comes after what leads to it; steps before any date come first.
func inDateOrder(steps []Step, from content.Date) []Step {
	type keyed struct {
		at time.Time
		st Step
	}
	ks := make([]keyed, len(steps))
	at := from.Time
	for i, st := range steps {
		if !st.Date.IsZero() {
			at = st.Date.Time
		}
		ks[i] = keyed{at, st}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return a.at.Compare(b.at) })
	for i := range ks {
		steps[i] = ks[i].st
	}
	return steps
}

// visitsSince returns the monitoring inspections since the school's latest
// full one, oldest first: the monitoring visits that have happened.
func visitsSince(s *School) []*Inspection {
	var out []*Inspection
	for _, in := range s.Inspections { // newest first
		if in.IsMonitoring() && !in.Start.Before(s.Latest.Start.Time) {
			out = append(out, in)
		}
	}
	slices.Reverse(out)
	return out
}

// NextStep returns what happens next: the first step after the last one
// that has happened that is still ahead, neither done nor an estimate
// whose date has passed; nil if there is none. A step with no date before
// one that has happened (a parents' meeting no one recorded, before a
// monitoring visit) is not what happens next.
func (s *School) NextStep() *Step {
	from := 0
	for i, st := range s.Timeline {
		if st.Done {
			from = i + 1
		}
	}
	for i := from; i < len(s.Timeline); i++ {
		if st := &s.Timeline[i]; !st.Done && !st.Passed {
			return st
		}
	}
	return nil
}

// usualSteps lists the steps that usually follow the inspection, with the
// dates their timing gives, in their usual order. visits are the
// monitoring visits that have happened since; meeting finds the date of
// the first meeting of a kind on or after a day, which confirms a step.
func usualSteps(in *Inspection, visits []*Inspection, meeting func(kind string, from time.Time) (content.Date, bool), today time.Time) []Step {
	cat := in.Category
	day := func(t time.Time) content.Date { return content.Date{Time: t} }
	var steps []Step
	add := func(st Step) { steps = append(steps, st) }
	category := in.InCategory()
	ri := in.RequiresImprovement()

	if cat == "special-measures" {
		add(Step{Kind: "draft-report-comments"})
	}
	pub := Step{Kind: "report-published"}
	if !in.Published.IsZero() {
		pub.Date, pub.Confirmed = in.Published, true
	}
	add(pub)
	if cat == "special-measures" || cat == "notice-to-improve" || cat == "serious-weaknesses" {
		st := Step{Kind: "statement-of-action", ByDate: true}
		if !in.Published.IsZero() {
			st.Date = day(workdays.AddWorkingDays(in.Published.Time, 10))
		}
		add(st)
	}
	if category {
		st := Step{Kind: "parents-meeting"}
		st.Date, st.Confirmed = meeting("parents-meeting", in.Start.Time)
		add(st)
	}
	if ri {
		end := in.LastDay().Time
		add(Step{Kind: "intentions-to-la", ByDate: true,
			Date: day(workdays.AddWorkingDays(end, 10)), DateTo: day(workdays.AddWorkingDays(end, 15))})
	}
	for _, v := range visits {
		add(Step{Kind: "monitoring-visit", Case: "visit", Date: v.Start, DateTo: v.End, Confirmed: true})
	}
	if st, ok := monitoring(in, category, len(visits)); ok {
		add(st)
	}
	if category {
		st := Step{Kind: "review-group"}
		st.Date, st.Confirmed = meeting("review-group", today)
		add(st)
	}
	if st, ok := reinspection(in); ok {
		add(st)
	}
	return steps
}

// monitoring says how Ofsted monitors the school until it is inspected
// again, where it does: the next monitoring visit, after the visits that
// have happened. A notice to improve, or weak leadership in a school that
// requires improvement, brings one visit, so nothing follows once it has
// happened.
func monitoring(in *Inspection, category bool, visits int) (Step, bool) {
	st := Step{Kind: "monitoring-visit"}
	g := in.Grade("leadership")
	weakLeadership := g == "requires improvement" || g == "inadequate"
	switch {
	case in.RequiresImprovement() && weakLeadership && (in.Framework == "cif-2012" || in.Framework == "eif-2019"):
		end := in.LastDay().Time
		st.Case = "weak-leadership"
		st.Date, st.DateTo = content.Date{Time: end.AddDate(0, 0, 28)}, content.Date{Time: end.AddDate(0, 0, 42)}
	case in.Category == "notice-to-improve":
		st.Case = "notice-to-improve"
	case in.Framework == "report-card-2025" && (category || needsAttention(in)):
		st.Case = "report-card"
	case in.Category == "special-measures":
		st.Case = "special-measures"
	case category:
		st.Case = "category"
	default:
		return st, false
	}
	if visits > 0 && (st.Case == "weak-leadership" || st.Case == "notice-to-improve") {
		return st, false
	}
	return st, true
}

// reinspection estimates the next full inspection where the timing is known.
func reinspection(in *Inspection) (Step, bool) {
	st := Step{Kind: "reinspection"}
	start := in.Start.Time
	switch {
	case in.Category == "notice-to-improve":
		st.Case = "notice-to-improve"
		st.Date, st.Approx = content.Date{Time: start.AddDate(1, 0, 0)}, true
	case in.Category == "special-measures" && in.Framework != "report-card-2025":
		st.Case = "special-measures"
		st.Date, st.Approx = content.Date{Time: start.AddDate(2, 0, 0)}, true
	case in.ReinspectWithinMonths() > 0:
		st.Case = "requires-improvement"
		st.Date, st.ByDate = content.Date{Time: start.AddDate(0, in.ReinspectWithinMonths(), 0)}, true
	case in.Category != "none" || in.RequiresImprovement():
		// Ofsted will inspect the school again; when is not yet known.
	default:
		return st, false
	}
	return st, true
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
			if !civil.Date(o.Start).Before(civil.Date(from)) && (!found || o.Start.Before(best.Start)) {
				best, found = o, true
				break
			}
		}
	}
	return best, found
}
