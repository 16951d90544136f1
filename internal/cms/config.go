package cms

import (
	"reflect"

	"github.com/parentpages/parentpages/internal/content"
)

// generator makes the fields of one file: the Go types of package content
// give the keys, their order and whether each is required; overrides give
// the controls that Go types cannot say (a list of words to choose from,
// Markdown, several lines of text) and skip the keys an editor leaves out.
type generator struct {
	timezone  string            // the site's, in which times are written
	notes     map[string]string // the notes `new` writes, by path
	hints     map[string]string // hints for keys `new` writes no note on
	overrides map[string]func(*Field)
	skip      map[string]bool
}

// hint returns the hint shown under the field at path.
func (g *generator) hint(path string) string {
	if n, ok := g.notes[path]; ok {
		return n
	}
	return g.hints[path]
}

// rootFields returns the fields of a file whose Go type is t.
func (g *generator) rootFields(t reflect.Type) ([]Field, error) {
	return g.fieldsOf(t, "")
}

// choose makes a field a list of words to choose from.
func choose(words []string) func(*Field) {
	return func(f *Field) { f.Widget, f.Options = "select", words }
}

// markdown makes a field Markdown, shown as the Markdown the PSA wrote, with
// a switch to the editor's rich text editor. Markdown first, because the
// rich text editor writes back every text it shows in its own way (tables,
// nested emphasis, line breaks), even one the PSA did not change.
func markdown(f *Field) { f.Widget, f.Modes = "markdown", []string{"raw", "rich_text"} }

// text makes a field several lines of plain text.
func text(f *Field) { f.Widget = "text" }

// pattern checks a field's text against re, with msg when it fails.
func pattern(re, msg string) func(*Field) {
	return func(f *Field) { f.Pattern = []string{re, msg} }
}

// all applies several overrides.
func all(os ...func(*Field)) func(*Field) {
	return func(f *Field) {
		for _, o := range os {
			o(f)
		}
	}
}

func labelled(l string) func(*Field) { return func(f *Field) { f.Label = l } }

// percent is a number from 0 to 100.
func percent(f *Field) {
	lo, hi := 0.0, 100.0
	f.Min, f.Max = &lo, &hi
}

// atLeastZero is a count.
func atLeastZero(f *Field) {
	lo := 0.0
	f.Min = &lo
}

const (
	slugPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`
	slugMessage = "Lower-case letters and digits, in words joined by single hyphens"
	webPattern  = `^https?://\S+$`
	webMessage  = "A web address starting https://"
)

// siteGenerator is site.yaml's.
func siteGenerator(hints map[string]string) *generator {
	return &generator{hints: hints, overrides: map[string]func(*Field){
		"base_url":             pattern(webPattern, webMessage),
		"description":          text,
		"organisation.address": text,
		"organisation.website": pattern(webPattern, webMessage),
		"repository":           pattern(`^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$`, "owner/name, as in the repository's address on github.com"),
	}}
}

// schoolGenerator is school.yaml's, inspections apart (inspectionTypes).
func schoolGenerator(notes, hints map[string]string) *generator {
	return &generator{notes: notes, hints: hints, overrides: map[string]func(*Field){
		"urn":         pattern(`^\d{6}$`, "6 digits"),
		"phase":       choose(content.Phases()),
		"address":     text,
		"website":     pattern(webPattern, webMessage),
		"psa.text":    labelled("Mobile number for texts"),
		"psa.drop_in": text,
		"give_views": func(f *Field) {
			item := Field{Label: "Way to give views", Name: "give_views"}
			markdown(&item)
			f.Widget, f.Field = "list", &item
		},
		"milestones.kind": choose(content.MilestoneKinds()),
		"milestones.note": text,
	}}
}

// inspectionGenerator is an inspection's under framework key, whose words
// the lists to choose from hold; the framework itself is the type of the
// inspection's item, not a field.
func inspectionGenerator(key string, f content.Framework, notes, hints map[string]string) *generator {
	g := &generator{notes: notes, hints: hints, skip: map[string]bool{"inspections.framework": true},
		overrides: map[string]func(*Field){
			"inspections.type":                       choose(content.InspectionTypes()),
			"inspections.judgements.grade":           choose(f.Scale),
			"inspections.category":                   choose(f.Categories),
			"inspections.report_url":                 pattern(webPattern, webMessage),
			"inspections.summary":                    markdown,
			"inspections.outcome":                    markdown,
			"inspections.areas_for_improvement.id":   pattern(slugPattern, slugMessage),
			"inspections.areas_for_improvement.text": text,
		}}
	if f.Overall {
		g.overrides["inspections.overall"] = choose(f.Scale)
	} else {
		g.skip["inspections.overall"] = true
	}
	if len(f.Safeguarding) > 0 {
		g.overrides["inspections.safeguarding"] = choose(f.Safeguarding)
	} else {
		g.skip["inspections.safeguarding"] = true
	}
	if len(f.Areas) > 0 {
		g.overrides["inspections.judgements.area"] = choose(f.Areas)
	}
	return g
}

// inspectionTypes makes school.yaml's inspections a list whose items are of
// one type for each framework, so that each offers only its framework's
// words: the type is written as the item's `framework`.
func inspectionTypes(notes, hints map[string]string) (func(*Field), error) {
	var types []Type
	for _, key := range content.FrameworkKeys() {
		fw, _ := content.FrameworkByKey(key)
		fields, err := inspectionGenerator(key, fw, notes, hints).fieldsOf(reflect.TypeFor[content.Inspection](), "inspections")
		if err != nil {
			return nil, err
		}
		types = append(types, Type{Label: key + ": " + fw.Name, Name: key, Widget: "object",
			Summary: "{{fields.start}} " + key, Fields: fields})
	}
	return func(f *Field) {
		f.Widget, f.TypeKey, f.Types, f.Summary = "list", "framework", types, "{{fields.start}}"
	}, nil
}

// planGenerator is action-plan.yaml's.
func planGenerator(hints map[string]string) *generator {
	return &generator{hints: hints, overrides: map[string]func(*Field){
		"plan_url":              func(f *Field) { f.Widget = "file" },
		"areas.for":             pattern(slugPattern, slugMessage),
		"areas.actions.what":    text,
		"areas.actions.status":  choose(content.ActionStatuses()),
		"areas.actions.success": text,
		"areas.actions.parents": text,
	}}
}

// meetingGenerator is an item of meetings.yaml's.
func meetingGenerator(notes, hints map[string]string, timezone string) *generator {
	return &generator{timezone: timezone, notes: notes, hints: hints, overrides: map[string]func(*Field){
		"id":           pattern(slugPattern, slugMessage),
		"kind":         choose(content.MeetingKinds()),
		"repeat.every": pattern(`^\d+\s+(day|week|month)s?$`, "A number, then days, weeks or months: 6 weeks"),
		"online":       pattern(webPattern, webMessage),
		"status":       choose(content.MeetingStatuses()),
		"description":  markdown,
	}}
}

// viewsGenerator is an item of views.yaml's.
func viewsGenerator(hints map[string]string) *generator {
	return &generator{hints: hints, overrides: map[string]func(*Field){
		"how":                 text,
		"responses":           atLeastZero,
		"invited":             atLeastZero,
		"questions.agree":     percent,
		"questions.disagree":  percent,
		"questions.dont_know": percent,
		"themes.said":         text,
		"themes.did":          text,
		"themes.status":       choose(content.ThemeStatuses()),
	}}
}

// frontGenerator is the front matter of an update or a page.
func frontGenerator(notes, hints map[string]string) *generator {
	return &generator{notes: notes, hints: hints, overrides: map[string]func(*Field){
		"summary": text,
	}}
}

// bodyField is the Markdown below an update's or a page's front matter.
func bodyField() Field {
	f := Field{Label: "Text", Name: "body", Hint: "Pictures need words that say what they show (the alternative text)."}
	markdown(&f)
	return f
}
