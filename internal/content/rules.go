package content

import (
	"slices"
)

// Framework describes the words one Ofsted inspection framework uses.
type Framework struct {
	Name         string
	Scale        []string // grade words, best first; a number 1..len means Scale[n-1] where Numbered
	Numbered     bool     // grades may be written as numbers 1-4
	Overall      bool     // has an overall effectiveness grade
	Safeguarding []string // allowed safeguarding words; none means the framework has none
	Categories   []string // allowed categories, "none" first
	Areas        []string // fixed evaluation areas, if the framework names them
}

// frameworks are the inspection frameworks by their key, as README.md's
// "Content format reference" lists them. FrameworkByKey gives them out.
var frameworks = map[string]Framework{
	"2009": {
		Name: "the 2009 framework", Numbered: true, Overall: true,
		Scale:      []string{"outstanding", "good", "satisfactory", "inadequate"},
		Categories: []string{"none", "notice-to-improve", "special-measures"},
	},
	"cif-2012": {
		Name: "the common inspection framework (2012)", Numbered: true, Overall: true,
		Scale:        []string{"outstanding", "good", "requires improvement", "inadequate"},
		Safeguarding: []string{"effective", "not effective"},
		Categories:   []string{"none", "requires-improvement", "serious-weaknesses", "special-measures"},
	},
	"eif-2019": {
		Name: "the education inspection framework (2019)", Numbered: true, Overall: true,
		Scale:        []string{"outstanding", "good", "requires improvement", "inadequate"},
		Safeguarding: []string{"effective", "not effective"},
		Categories:   []string{"none", "requires-improvement", "serious-weaknesses", "special-measures"},
	},
	"report-card-2025": {
		Name:         "the report card framework (2025)",
		Scale:        []string{"exceptional", "strong standard", "expected standard", "needs attention", "urgent improvement"},
		Safeguarding: []string{"met", "not met"},
		Categories:   []string{"none", "requires-significant-improvement", "special-measures"},
		Areas: []string{"Inclusion", "Curriculum and teaching", "Achievement", "Attendance and behaviour",
			"Personal development and well-being", "Leadership and governance", "Early years", "Sixth form"},
	},
}

// frameworkKeys lists the framework keys in the order the format gives them.
var frameworkKeys = []string{"2009", "cif-2012", "eif-2019", "report-card-2025"}

// categories lists every category word.
var categories = []string{"none", "requires-improvement", "notice-to-improve", "serious-weaknesses", "special-measures", "requires-significant-improvement"}

// The words a field of the format may take, in the order the format lists
// them (README.md, "Content format reference"); error messages list them
// so.
var (
	phases          = []string{"nursery", "primary", "secondary", "all-through", "special", "pru"}
	inspectionTypes = []string{"full", "monitoring"}
	milestoneKinds  = []string{"draft-report-comments", "report-published", "statement-of-action", "parents-meeting", "intentions-to-la", "monitoring-visit", "review-group", "reinspection"}
	actionStatuses  = []string{"not-started", "on-track", "at-risk", "off-track", "done"}
	meetingKinds    = []string{"parents-meeting", "focus-group", "review-group", "governors", "monitoring-visit", "inspection", "drop-in", "workshop", "other"}
	meetingStatuses = []string{"confirmed", "tentative", "cancelled"}
	meetingOpenTo   = []string{"everyone", "members"}
	// membersKinds are the kinds of meeting that are not open to all
	// parents and carers unless `open_to` says they are.
	membersKinds  = []string{"review-group", "governors", "monitoring-visit", "inspection"}
	themeStatuses = []string{"open", "in-progress", "done"}
)

// FrameworkByKey returns the framework with the given key (such as
// "eif-2019"), and whether there is one. The Framework is the caller's own:
// changing it changes no other.
func FrameworkByKey(key string) (Framework, bool) {
	f, ok := frameworks[key]
	f.Scale = slices.Clone(f.Scale)
	f.Safeguarding = slices.Clone(f.Safeguarding)
	f.Categories = slices.Clone(f.Categories)
	f.Areas = slices.Clone(f.Areas)
	return f, ok
}

// ActionStatuses returns the statuses an action may have, in the order the
// format lists them: from not started to done.
func ActionStatuses() []string { return slices.Clone(actionStatuses) }

// ScaleWord returns the framework's word for grade g (a word in any case, or
// a number where the framework allows it), and whether g is on the scale.
func (f Framework) ScaleWord(g string) (string, bool) {
	if slices.Contains(f.Scale, g) {
		return g, true // as the framework spells it: most are
	}
	g = wordKey(g)
	for i, w := range f.Scale {
		if g == wordKey(w) || (f.Numbered && len(g) == 1 && int(g[0]-'0') == i+1) {
			return w, true
		}
	}
	return "", false
}

// AreaName returns the framework's spelling of evaluation area a, if the
// framework has a fixed list, and whether a is on it.
func (f Framework) AreaName(a string) (string, bool) {
	if f.Areas == nil {
		return a, true
	}
	if slices.Contains(f.Areas, a) {
		return a, true
	}
	k := wordKey(a)
	for _, w := range f.Areas {
		if k == wordKey(w) {
			return w, true
		}
	}
	return "", false
}
