package content

import (
	"path"
	"time"
)

// English is the text of a school's YAML files that translations
// translate, by the key paths a translation file names it with (see
// Translation.Texts): "meetings/review/title", "inspections/2025-10-14/summary".
// It is what a translation is checked against, and what the Git history
// of the English files is compared with to tell a translation that has
// fallen behind (package build).
type English struct {
	// Texts holds each text the files give, by key; empty texts are left out.
	Texts map[string]string
	// Items holds the key of every item a translation may name, whether
	// or not it has text: "meetings/review", "action_plan/areas/reading".
	Items map[string]bool
	// Aliases maps a second key of an item to its own: a meeting with an
	// id may also be named by its start ("meetings/2026-12-08T18:00" ->
	// "meetings/review").
	Aliases map[string]string
	// Ambiguous holds the keys that name more than one item (two
	// gatherings of views on one date), with the file that has them.
	Ambiguous map[string]string
	// Unnamed counts, by the key of a list ("action_plan/areas/reading/actions"),
	// its items that have no id, which no translation can name.
	Unnamed map[string]int
}

// EnglishOf returns the English text of a school's YAML files.
func EnglishOf(d *SchoolDir) *English {
	e := newEnglish()
	e.school(&d.School)
	if d.Plan != nil {
		e.plan(d.Plan, &d.School)
	}
	e.meetings(d.Meetings)
	e.views(d.Views)
	return e
}

// EnglishOfFile returns the English text that one of a school's files
// (school.yaml, action-plan.yaml, meetings.yaml or views.yaml, by name)
// gives, from a version of it: src need not be the file as it is now.
// Nothing is checked; what cannot be read gives no text.
func EnglishOfFile(name string, src []byte) *English {
	e := newEnglish()
	src, problem := decodeText(src)
	if problem != "" {
		return e
	}
	var ds Diagnostics
	switch path.Base(name) {
	case "school.yaml":
		var s School
		decodeYAML(name, src, 0, &s, &ds)
		e.school(&s)
	case "action-plan.yaml":
		var p ActionPlan
		decodeYAML(name, src, 0, &p, &ds)
		e.plan(&p, nil)
	case "meetings.yaml":
		var ms []Meeting
		decodeYAML(name, src, 0, &ms, &ds)
		e.meetings(ms)
	case "views.yaml":
		var vs []ViewsGathering
		decodeYAML(name, src, 0, &vs, &ds)
		e.views(vs)
	}
	return e
}

// EnglishFiles are the files of a school whose text translations/<code>.yaml
// translates.
var EnglishFiles = []string{"school.yaml", "action-plan.yaml", "meetings.yaml", "views.yaml"}

// EnglishFileOf names the file of a school (one of EnglishFiles) that
// holds the English of a translation key.
func EnglishFileOf(key string) string {
	switch top, _, _ := cutKey(key); top {
	case "action_plan":
		return "action-plan.yaml"
	case "meetings":
		return "meetings.yaml"
	case "views":
		return "views.yaml"
	}
	return "school.yaml"
}

func cutKey(key string) (first, rest string, ok bool) {
	for i := 0; i < len(key); i++ {
		if key[i] == '/' {
			return key[:i], key[i+1:], true
		}
	}
	return key, "", false
}

func newEnglish() *English {
	return &English{Texts: map[string]string{}, Items: map[string]bool{}, Aliases: map[string]string{},
		Ambiguous: map[string]string{}, Unnamed: map[string]int{}}
}

// item records an item's key, and reports whether it is the only item
// with it; a second makes the key ambiguous.
func (e *English) item(key, file string) bool {
	if e.Items[key] {
		e.Ambiguous[key] = file
		return false
	}
	e.Items[key] = true
	return true
}

func (e *English) text(key, s string) {
	if s != "" {
		e.Texts[key] = s
	}
}

func (e *English) school(s *School) {
	e.Items["school"] = true
	if s.PSA != nil {
		e.Items["school/psa"] = true
		e.text("school/psa/drop_in", s.PSA.DropIn)
	}
	for _, m := range s.Milestones {
		if m.Date.IsZero() {
			continue
		}
		k := TranslationKey("school", "milestones", m.Date.String())
		if e.item(k, "school.yaml") {
			e.text(k, m.Note)
		}
	}
	for i := range s.Inspections {
		in := &s.Inspections[i]
		if in.Start.IsZero() {
			continue
		}
		k := TranslationKey("inspections", in.Start.String())
		if !e.item(k, "school.yaml") {
			continue
		}
		e.text(k+"/summary", in.Summary)
		e.text(k+"/outcome", in.Outcome)
		for _, a := range in.Areas {
			if a.ID != "" {
				ak := k + "/areas_for_improvement/" + a.ID
				e.Items[ak] = true
				e.text(ak, a.Text)
			}
		}
	}
}

// plan records the action plan; s, where given, gives an area's text as
// its title when the plan gives none, as the site shows it.
func (e *English) plan(p *ActionPlan, s *School) {
	e.Items["action_plan"] = true
	for _, a := range p.Areas {
		if a.For == "" {
			continue
		}
		k := TranslationKey("action_plan", "areas", a.For)
		if !e.item(k, "action-plan.yaml") {
			continue
		}
		title := a.Title
		if title == "" && s != nil {
			title = areaText(s, a.For)
		}
		e.text(k+"/title", title)
		for _, ac := range a.Actions {
			if ac.ID == "" {
				e.Unnamed[k+"/actions"]++
				continue
			}
			ak := k + "/actions/" + ac.ID
			if e.item(ak, "action-plan.yaml") {
				e.text(ak+"/what", ac.What)
				e.text(ak+"/who", ac.Who)
				e.text(ak+"/success", ac.Success)
				e.text(ak+"/parents", ac.Parents)
			}
		}
		for _, m := range a.Measures {
			if m.ID == "" {
				e.Unnamed[k+"/measures"]++
				continue
			}
			mk := k + "/measures/" + m.ID
			if e.item(mk, "action-plan.yaml") {
				e.text(mk+"/name", m.Name)
				e.text(mk+"/unit", m.Unit)
			}
		}
	}
}

// areaText is the text of the area for improvement with the given id.
func areaText(s *School, id string) string {
	for _, in := range s.Inspections {
		for _, a := range in.Areas {
			if a.ID == id {
				return a.Text
			}
		}
	}
	return ""
}

// MeetingStart writes a meeting's start as meetings.yaml does and a
// translation may name the meeting: 2026-12-08T18:00, or 2026-12-08 for an
// all-day event.
func MeetingStart(m *Meeting) string {
	if m.Start.DateOnly {
		return m.Start.Format(time.DateOnly)
	}
	return m.Start.Format("2006-01-02T15:04")
}

func (e *English) meetings(ms []Meeting) {
	starts := map[string]int{}
	for i := range ms {
		if !ms[i].Start.IsZero() {
			starts[MeetingStart(&ms[i])]++
		}
	}
	for i := range ms {
		m := &ms[i]
		if m.Start.IsZero() {
			continue
		}
		start := TranslationKey("meetings", MeetingStart(m))
		k := start
		if m.ID != "" {
			k = TranslationKey("meetings", m.ID)
			if starts[MeetingStart(m)] == 1 {
				e.Aliases[start] = k
			}
		}
		if starts[MeetingStart(m)] > 1 {
			e.Ambiguous[start] = "meetings.yaml"
		}
		if !e.item(k, "meetings.yaml") {
			continue
		}
		e.text(k+"/title", m.Title)
		e.text(k+"/description", m.Description)
		e.text(k+"/location", m.Location)
		e.text(k+"/audience", m.Audience)
		e.text(k+"/access", m.Access)
	}
}

func (e *English) views(vs []ViewsGathering) {
	for _, v := range vs {
		if v.Gathered.IsZero() {
			continue
		}
		k := TranslationKey("views", v.Gathered.String())
		if !e.item(k, "views.yaml") {
			continue
		}
		e.text(k+"/how", v.How)
		for _, q := range v.Questions {
			if q.ID == "" {
				e.Unnamed[k+"/questions"]++
			} else if qk := k + "/questions/" + q.ID; e.item(qk, "views.yaml") {
				e.text(qk+"/ask", q.Ask)
			}
		}
		for _, t := range v.Themes {
			if t.ID == "" {
				e.Unnamed[k+"/themes"]++
			} else if tk := k + "/themes/" + t.ID; e.item(tk, "views.yaml") {
				e.text(tk+"/said", t.Said)
				e.text(tk+"/did", t.Did)
			}
		}
	}
}

// Canonical returns a translation key with an item's second key (a
// meeting's start) replaced by its own.
func (e *English) Canonical(key string) string {
	top, rest, _ := cutKey(key)
	if top != "meetings" {
		return key
	}
	item, field, _ := cutKey(rest)
	if own, ok := e.Aliases["meetings/"+item]; ok {
		if field == "" {
			return own
		}
		return own + "/" + field
	}
	return key
}
