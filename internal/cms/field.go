package cms

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
)

// Field is one field of the editor's configuration: a form control (a
// "widget") for one key of a file. Its YAML is the editor's config.yml.
type Field struct {
	Label    string `yaml:"label,omitempty"`
	Name     string `yaml:"name"`
	Widget   string `yaml:"widget"`
	Required *bool  `yaml:"required,omitempty"` // nil: required, as the editor assumes
	Hint     string `yaml:"hint,omitempty"`
	Default  any    `yaml:"default,omitempty"`
	// I18n: the field is written in each language (a translation's
	// title, summary and text); the others are the original's only.
	I18n bool `yaml:"i18n,omitempty"`

	// select
	Options []string `yaml:"options,omitempty"`

	// string and text: a regular expression and the message when it fails
	Pattern []string `yaml:"pattern,omitempty"`

	// number
	ValueType string   `yaml:"value_type,omitempty"`
	Min       *float64 `yaml:"min,omitempty"`
	Max       *float64 `yaml:"max,omitempty"`

	// datetime: the text written, which the loader reads (no offset)
	Format     string `yaml:"format,omitempty"`
	DateFormat any    `yaml:"date_format,omitempty"`
	TimeFormat any    `yaml:"time_format,omitempty"`
	TimeZone   string `yaml:"input_timezone,omitempty"`

	// markdown
	Modes            []string `yaml:"modes,omitempty"`
	EditorComponents []string `yaml:"editor_components,omitempty"`

	// relation
	Collection    string   `yaml:"collection,omitempty"`
	ValueField    string   `yaml:"value_field,omitempty"`
	DisplayFields []string `yaml:"display_fields,omitempty"`
	SearchFields  []string `yaml:"search_fields,omitempty"`

	// object and list
	Summary   string  `yaml:"summary,omitempty"`
	Collapsed bool    `yaml:"collapsed,omitempty"`
	Root      bool    `yaml:"root,omitempty"` // the list is the whole file
	Field     *Field  `yaml:"field,omitempty"`
	Fields    []Field `yaml:"fields,omitempty"`
	TypeKey   string  `yaml:"typeKey,omitempty"`
	Types     []Type  `yaml:"types,omitempty"`
}

// Type is one kind of item of a list whose items differ (an inspection of
// each framework): the key TypeKey of the list holds its Name.
type Type struct {
	Label   string  `yaml:"label"`
	Name    string  `yaml:"name"`
	Widget  string  `yaml:"widget"`
	Summary string  `yaml:"summary,omitempty"`
	Fields  []Field `yaml:"fields"`
}

// optional is the Required of a field that may be left out.
func optional() *bool { return new(bool) }

// notesField is the PSA's private notes: the format lets any mapping have
// keys beginning x_, and the editor offers the one the example site uses
// wherever a mapping is. Other x_ keys are kept as they are (the editor
// writes keys it has no field for after the others).
func notesField() Field {
	return Field{Label: "Private notes (never published)", Name: "x_notes", Widget: "text", Required: optional(),
		Hint: "For you and other PSAs only: the site never publishes what you write here."}
}

var (
	dateType     = reflect.TypeFor[content.Date]()
	dateTimeType = reflect.TypeFor[content.DateTime]()
	metaType     = reflect.TypeFor[content.Meta]()
)

// fieldsOf returns the fields of the YAML keys of struct type t, in the
// order of its Go fields (the order the format's files use, so that a file
// the editor writes reads as the PSA wrote it), then the private notes.
// path names t's place in its file ("inspections.judgements"), by which
// the choices and hints of each key are found.
func (g *generator) fieldsOf(t reflect.Type, path string) ([]Field, error) {
	var fields []Field
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Type == metaType {
			continue
		}
		name, opts, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		p := join(path, name)
		f, err := g.field(sf.Type, p, name, opts == "required")
		if err != nil {
			return nil, err
		}
		if f.Name != "" { // a key the editor leaves out (see skip)
			fields = append(fields, f)
		}
	}
	return append(fields, notesField()), nil
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// field returns the control for the key at path, of Go type t.
func (g *generator) field(t reflect.Type, path, name string, required bool) (Field, error) {
	if g.skip[path] {
		return Field{}, nil
	}
	f := Field{Label: label(name), Name: name, Hint: g.hint(path)}
	if !required {
		f.Required = optional()
	}
	if o, ok := g.overrides[path]; ok {
		o(&f)
		if f.Widget != "" {
			return f, nil
		}
	}
	if err := g.widget(&f, t, path); err != nil {
		return Field{}, err
	}
	if t == boolPointer {
		// The editor writes a switch it shows as off as false, even in
		// a file that left the key out; a *bool of the format is a
		// setting that is on unless written false (admin,
		// higher_is_better), so it must show as on.
		f.Default = true
	}
	return f, nil
}

var boolPointer = reflect.TypeFor[*bool]()

// widget chooses the control for Go type t.
func (g *generator) widget(f *Field, t reflect.Type, path string) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == dateType:
		dateWidget(f)
	case t == dateTimeType:
		dateTimeWidget(f, g.timezone)
	case t.Kind() == reflect.String:
		f.Widget = "string"
	case t.Kind() == reflect.Bool:
		f.Widget = "boolean"
	case t.Kind() == reflect.Int:
		f.Widget, f.ValueType = "number", "int"
	case t.Kind() == reflect.Float64:
		f.Widget, f.ValueType = "number", "float"
	case t.Kind() == reflect.Struct:
		fields, err := g.fieldsOf(t, path)
		if err != nil {
			return err
		}
		f.Widget, f.Fields = "object", fields
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct && t.Elem() != dateType:
		fields, err := g.fieldsOf(t.Elem(), path)
		if err != nil {
			return err
		}
		f.Widget, f.Fields = "list", fields
	case t.Kind() == reflect.Slice:
		item := Field{Label: f.Label, Name: f.Name}
		if err := g.widget(&item, t.Elem(), path); err != nil {
			return err
		}
		f.Widget, f.Field = "list", &item
	default:
		return fmt.Errorf("cms: no control for %s (%s): add one to package cms", path, t)
	}
	return nil
}

// dateWidget is a date picker that writes YYYY-MM-DD, as content.Date reads.
func dateWidget(f *Field) {
	f.Widget, f.Format, f.DateFormat, f.TimeFormat = "datetime", "YYYY-MM-DD", "YYYY-MM-DD", false
}

// dateTimeWidget is a date and time picker that writes the wall-clock time
// the PSA picked, YYYY-MM-DDTHH:mm with no offset, as content.DateTime
// reads. The picker shows the site's time zone beside it (an IANA name),
// and writes the time as picked whatever zone the PSA's computer is in.
func dateTimeWidget(f *Field, timezone string) {
	f.Widget, f.Format, f.TimeZone = "datetime", "YYYY-MM-DDTHH:mm", timezone
}

// label makes a field's label from its key: "local_authority" is "Local
// authority". Some keys have a label of their own (labels).
func label(name string) string {
	if l, ok := labels[name]; ok {
		return l
	}
	s := strings.ReplaceAll(name, "_", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// labels are the keys whose label is not their name in words.
var labels = map[string]string{
	"urn": "URN", "psa": "Parent Support Adviser (PSA)", "base_url": "Web address of the site",
	"report_url": "Ofsted report (web address)", "plan_url": "The full plan (a file or a web address)",
	"areas_for_improvement": "Areas for improvement", "give_views": "Other ways to give views",
	"drop_in": "Drop-in", "unsafe_html": "Let HTML through in Markdown", "id": "ID",
	"for": "Area for improvement (its id)", "agree": "Agree (%)", "disagree": "Disagree (%)",
	"dont_know": "Don't know (%)", "higher_is_better": "Higher is better", "body": "Text",
	"admin": "Editor at /admin/", "email": "Email", "text": "Text",
}
