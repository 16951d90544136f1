package content

import (
	"strings"
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

// Frameworks lists the frameworks of CONTENT-FORMAT.md by their key.
var Frameworks = map[string]Framework{
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

// FrameworkKeys lists the framework keys in the order the contract gives them.
var FrameworkKeys = []string{"2009", "cif-2012", "eif-2019", "report-card-2025"}

// Categories lists every category word.
var Categories = []string{"none", "requires-improvement", "notice-to-improve", "serious-weaknesses", "special-measures", "requires-significant-improvement"}

// Enumerations of the format, in the order the contract lists them.
var (
	Phases          = []string{"nursery", "primary", "secondary", "all-through", "special", "pru"}
	InspectionTypes = []string{"full", "monitoring"}
	MilestoneKinds  = []string{"draft-report-comments", "report-published", "statement-of-action", "parents-meeting", "intentions-to-la", "monitoring-visit", "review-group", "reinspection"}
	ActionStatuses  = []string{"not-started", "on-track", "at-risk", "off-track", "done"}
	MeetingKinds    = []string{"parents-meeting", "focus-group", "review-group", "governors", "monitoring-visit", "inspection", "drop-in", "workshop", "other"}
	MeetingStatuses = []string{"confirmed", "tentative", "cancelled"}
	ThemeStatuses   = []string{"open", "in-progress", "done"}
)

// ScaleWord returns the framework's word for grade g (a word in any case, or
// a number where the framework allows it), and whether g is on the scale.
func (f Framework) ScaleWord(g string) (string, bool) {
	g = strings.Join(strings.Fields(strings.ToLower(g)), " ")
	for i, w := range f.Scale {
		if g == w || (f.Numbered && len(g) == 1 && int(g[0]-'0') == i+1) {
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
	for _, w := range f.Areas {
		if strings.EqualFold(strings.Join(strings.Fields(a), " "), w) {
			return w, true
		}
	}
	return "", false
}
