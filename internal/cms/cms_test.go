package cms

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/scaffold/templates"
)

var testOptions = Options{Root: "content", Title: "Test Partnership", Timezone: "Europe/London",
	SiteURL: "https://parents.example.org/", BasePath: "/", Repository: "owner/site", Branch: "main",
	Styles: []string{"/assets/style.css"}}

// parsed is config.yml as the editor reads it.
type parsed struct {
	Backend     map[string]string
	Collections []struct {
		Name, Folder, Path, Extension, Format string
		Files                                 []struct {
			Name, File string
			Fields     []Field
		}
		Fields []Field
		Slug   any
	}
}

func readConfig(t *testing.T, o Options) parsed {
	t.Helper()
	b, err := Config(o)
	if err != nil {
		t.Fatal(err)
	}
	var p parsed
	if err := yaml.Unmarshal(b, &p); err != nil {
		t.Fatalf("config.yml is not YAML: %v", err)
	}
	return p
}

// fieldsOfFile returns the fields of the file collection or folder
// collection name, and whether it is there.
func (p parsed) fieldsOf(name string) []Field {
	for _, c := range p.Collections {
		if c.Name == name {
			if len(c.Files) > 0 {
				return c.Files[0].Fields
			}
			return c.Fields
		}
	}
	return nil
}

func byName(fields []Field, name string) *Field {
	for i := range fields {
		if fields[i].Name == name {
			return &fields[i]
		}
	}
	return nil
}

// keysOf lists the YAML keys of struct type t, walked on its own (not by
// the generator), each with its Go type.
func keysOf(t reflect.Type) []reflect.StructField {
	var out []reflect.StructField
	for i := range t.NumField() {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name != "" && name != "-" {
			f.Name = name
			out = append(out, f)
		}
	}
	return out
}

// missing lists the keys of t, at every depth, that have no field among
// fields: a key the loader reads and the editor would not offer.
// exempt(path) says a key is left out on purpose.
func missing(t reflect.Type, fields []Field, path string, exempt func(string) bool) []string {
	var out []string
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	for _, k := range keysOf(t) {
		p := join(path, k.Name)
		f := byName(fields, k.Name)
		if f == nil {
			if !exempt(p) {
				out = append(out, p)
			}
			continue
		}
		if f.Widget == "" {
			out = append(out, p+" (no widget)")
		}
		et := k.Type
		for et.Kind() == reflect.Pointer || et.Kind() == reflect.Slice {
			et = et.Elem()
		}
		switch {
		case et == reflect.TypeFor[content.Date]() || et == reflect.TypeFor[content.DateTime]() || et.Kind() != reflect.Struct:
		case len(f.Types) > 0:
			for _, ty := range f.Types {
				out = append(out, missing(et, ty.Fields, p+"<"+ty.Name+">", exempt)...)
			}
		default:
			out = append(out, missing(et, f.Fields, p, exempt)...)
		}
	}
	return out
}

// TestEveryKeyHasAWidget fails when the content format gains a key (a
// field of a content type) that the editor's config does not offer.
func TestEveryKeyHasAWidget(t *testing.T) {
	p := readConfig(t, testOptions)
	inspection := func(path string) bool {
		// The framework is each item's type; a framework without an
		// overall grade or safeguarding words has no such field.
		key, rest, ok := strings.Cut(strings.TrimPrefix(path, "inspections<"), ">.")
		if !ok {
			return false
		}
		f, _ := content.FrameworkByKey(key)
		return rest == "framework" || (rest == "overall" && !f.Overall) || (rest == "safeguarding" && len(f.Safeguarding) == 0)
	}
	none := func(string) bool { return false }
	tests := []struct {
		collection string
		typ        reflect.Type
		exempt     func(string) bool
	}{
		{"site", reflect.TypeFor[content.SiteConfig](), none},
		{"schools", reflect.TypeFor[content.School](), inspection},
		{"plans", reflect.TypeFor[content.ActionPlan](), none},
		{"updates", reflect.TypeFor[content.UpdateFront](), none},
		{"pages", reflect.TypeFor[content.PageFront](), none},
	}
	for _, tt := range tests {
		t.Run(tt.collection, func(t *testing.T) {
			fields := p.fieldsOf(tt.collection)
			if len(fields) == 0 {
				t.Fatalf("no collection %q", tt.collection)
			}
			if m := missing(tt.typ, fields, "", tt.exempt); len(m) > 0 {
				t.Errorf("keys with no widget: %s", strings.Join(m, ", "))
			}
		})
	}
	for _, tt := range []struct {
		collection string
		typ        reflect.Type
	}{{"meetings", reflect.TypeFor[content.Meeting]()}, {"views", reflect.TypeFor[content.ViewsGathering]()}} {
		t.Run(tt.collection, func(t *testing.T) {
			fields := p.fieldsOf(tt.collection)
			if len(fields) != 1 || !fields[0].Root || fields[0].Widget != "list" {
				t.Fatalf("%s should be one list that is the whole file (root: true), got %+v", tt.collection, fields)
			}
			if m := missing(tt.typ, fields[0].Fields, "", none); len(m) > 0 {
				t.Errorf("keys with no widget: %s", strings.Join(m, ", "))
			}
		})
	}
}

// TestRequired: the editor requires what the loader requires, and nothing
// else (it would refuse to save a file the loader reads).
func TestRequired(t *testing.T) {
	p := readConfig(t, testOptions)
	var check func(t *testing.T, typ reflect.Type, fields []Field, path string)
	check = func(t *testing.T, typ reflect.Type, fields []Field, path string) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		for _, k := range keysOf(typ) {
			f := byName(fields, k.Name)
			if f == nil {
				continue // TestEveryKeyHasAWidget's concern
			}
			want := strings.HasSuffix(k.Tag.Get("yaml"), ",required")
			if got := f.Required == nil || *f.Required; got != want {
				t.Errorf("%s: required %v, the loader says %v", join(path, k.Name), got, want)
			}
			if len(f.Fields) > 0 {
				check(t, k.Type, f.Fields, join(path, k.Name))
			}
		}
	}
	check(t, reflect.TypeFor[content.School](), p.fieldsOf("schools"), "school.yaml")
	check(t, reflect.TypeFor[content.ActionPlan](), p.fieldsOf("plans"), "action-plan.yaml")
	check(t, reflect.TypeFor[content.Meeting](), p.fieldsOf("meetings")[0].Fields, "meetings.yaml")
	check(t, reflect.TypeFor[content.ViewsGathering](), p.fieldsOf("views")[0].Fields, "views.yaml")
	check(t, reflect.TypeFor[content.UpdateFront](), p.fieldsOf("updates"), "update")
}

type choice struct {
	path string
	want []string
}

// TestChoices: every list of words to choose from is the loader's own.
func TestChoices(t *testing.T) {
	p := readConfig(t, testOptions)
	tests := map[string][]choice{
		"schools":  {{"phase", content.Phases()}, {"milestones.kind", content.MilestoneKinds()}},
		"plans":    {{"areas.actions.status", content.ActionStatuses()}},
		"meetings": {{"meetings.kind", content.MeetingKinds()}, {"meetings.status", content.MeetingStatuses()}},
		"views":    {{"views.themes.status", content.ThemeStatuses()}},
	}
	fields := map[string][]Field{}
	for name := range tests {
		fields[name] = p.fieldsOf(name)
	}
	inspections := byName(fields["schools"], "inspections")
	if inspections == nil || inspections.TypeKey != "framework" {
		t.Fatalf("inspections should be a list typed by framework, got %+v", inspections)
	}
	var typeNames []string
	for _, ty := range inspections.Types {
		typeNames = append(typeNames, ty.Name)
		fw, ok := content.FrameworkByKey(ty.Name)
		if !ok {
			t.Fatalf("inspection type %q is no framework", ty.Name)
		}
		name := "inspection of " + ty.Name
		fields[name] = ty.Fields
		tests[name] = inspectionChoices(fw)
	}
	if !slices.Equal(typeNames, content.FrameworkKeys()) {
		t.Errorf("inspection types %v, want one for each framework %v", typeNames, content.FrameworkKeys())
	}
	for name, choices := range tests {
		for _, c := range choices {
			t.Run(name+" "+c.path, func(t *testing.T) {
				f := fieldAt(fields[name], c.path)
				if f == nil {
					t.Fatalf("no field")
				}
				if f.Widget != "select" || !slices.Equal(f.Options, c.want) {
					t.Errorf("widget %s with %v, want a select of %v", f.Widget, f.Options, c.want)
				}
			})
		}
	}
}

// inspectionChoices are the words an inspection under fw may take.
func inspectionChoices(fw content.Framework) []choice {
	cs := []choice{{"judgements.grade", fw.Scale}, {"category", fw.Categories}, {"type", content.InspectionTypes()}}
	if fw.Overall {
		cs = append(cs, choice{"overall", fw.Scale})
	}
	if len(fw.Safeguarding) > 0 {
		cs = append(cs, choice{"safeguarding", fw.Safeguarding})
	}
	if len(fw.Areas) > 0 {
		cs = append(cs, choice{"judgements.area", fw.Areas})
	}
	return cs
}

// fieldAt returns the field at a dotted path below fields.
func fieldAt(fields []Field, path string) *Field {
	name, rest, more := strings.Cut(path, ".")
	f := byName(fields, name)
	if f == nil || !more {
		return f
	}
	return fieldAt(f.Fields, rest)
}

// goLayout turns a date format of the editor (Day.js) into Go's.
func goLayout(dayjs string) string {
	return strings.NewReplacer("YYYY", "2006", "MM", "01", "DD", "02", "HH", "15", "mm", "04").Replace(dayjs)
}

// datetimes lists every date or date-and-time field below fields.
func datetimes(fields []Field, path string, out map[string]Field) {
	for _, f := range fields {
		p := join(path, f.Name)
		if f.Widget == "datetime" {
			out[p] = f
		}
		if f.Field != nil {
			datetimes([]Field{*f.Field}, path, out)
		}
		datetimes(f.Fields, p, out)
		for _, ty := range f.Types {
			datetimes(ty.Fields, p, out)
		}
	}
}

// TestDatesAsTheLoaderReads: what each date picker writes is what the
// loader reads, in local time with no offset.
func TestDatesAsTheLoaderReads(t *testing.T) {
	p := readConfig(t, testOptions)
	at := time.Date(2026, 11, 26, 18, 5, 0, 0, time.UTC)
	found := map[string]Field{}
	for _, c := range p.Collections {
		datetimes(p.fieldsOf(c.Name), c.Name, found)
	}
	if len(found) < 10 {
		t.Fatalf("found %d date fields, want every one of the format's", len(found))
	}
	for path, f := range found {
		t.Run(path, func(t *testing.T) {
			text := at.Format(goLayout(f.Format))
			meeting := fmt.Sprintf("- title: t\n  start: %s\n", text)
			if f.TimeFormat == false {
				if text != "2026-11-26" {
					t.Errorf("a date is written %q, want 2026-11-26", text)
				}
				meeting = fmt.Sprintf("- title: t\n  start: 2026-11-26T18:05\n  repeat: {every: 1 weeks, until: %s}\n", text)
			} else if f.TimeZone != testOptions.Timezone {
				t.Errorf("times are picked in %q, want the site's zone %q", f.TimeZone, testOptions.Timezone)
			}
			if _, ds := content.DecodeMeetings("meetings.yaml", []byte(meeting)); len(ds) > 0 {
				t.Errorf("the loader refuses what the picker writes (%q): %v", text, ds)
			}
		})
	}
}

// TestNoSchoolInThePublicConfig: the published config.yml names no school,
// so that it cannot give away a draft (an inspection under embargo).
func TestNoSchoolInThePublicConfig(t *testing.T) {
	fsys := os.DirFS("../../content")
	c, slugs, ds := content.LoadSite(fsys)
	if ds.HasErrors() || len(slugs) == 0 {
		t.Fatalf("the example site: %v", ds)
	}
	o := testOptions
	o.Title = c.Site.Title
	b, err := Config(o)
	if err != nil {
		t.Fatal(err)
	}
	drafts := 0
	for _, slug := range slugs {
		d, _ := content.LoadSchool(fsys, slug)
		if d.School.Draft {
			drafts++
		}
		for _, s := range []string{slug, d.School.Name} {
			if strings.Contains(string(b), s) {
				t.Errorf("config.yml names the school %q", s)
			}
		}
	}
	if drafts == 0 {
		t.Error("the example site has no draft school for this test to look for")
	}
}

// TestHintsFromNew: the hints are the notes that `new` writes, without
// what only someone writing YAML by hand needs.
func TestHintsFromNew(t *testing.T) {
	p := readConfig(t, testOptions)
	tests := []struct{ collection, path, want string }{
		{"schools", "name", "The school's full name, as Ofsted writes it in the report."},
		{"schools", "psa.text", "a mobile number parents may text"},
		{"meetings", "meetings.status", "tentative until the date is fixed, then confirmed. To cancel it, write cancelled and say why in the description: do not delete the meeting."},
		{"meetings", "meetings.repeat", "For a meeting that happens again and again: every N days, weeks or months, until the last date it may happen (or count: how many times), except the dates it does not happen."},
		{"updates", "draft", "parents cannot see the update until you change this to false (the preview shows it)"},
	}
	for _, tt := range tests {
		t.Run(tt.collection+" "+tt.path, func(t *testing.T) {
			f := fieldAt(p.fieldsOf(tt.collection), tt.path)
			if f == nil || f.Hint != tt.want {
				t.Errorf("hint %q, want %q", f.Hint, tt.want)
			}
		})
	}
	all, err := readNotes(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	for file, notes := range all {
		for path, n := range notes {
			if strings.ContainsAny(n, "#{}") || strings.Contains(n, "indent") {
				t.Errorf("%s %s: the hint %q is about writing YAML by hand", file, path, n)
			}
		}
	}
}

func TestNotes(t *testing.T) {
	tests := []struct {
		name, text string
		want       map[string]string
	}{
		{"above and after", "# The name.\nname: x # in full\n", map[string]string{"name": "The name. in full"}},
		{"blank line between", "# About the file.\n\nname: x\n", map[string]string{}},
		{"nested and commented", "psa:\n  # phone: 1   # a number\n", map[string]string{"psa.phone": "a number"}},
		{"list item", "items:\n  - start: 1 # first day\n    # end: 2 # last day\n", map[string]string{"items.start": "first day", "items.end": "last day"}},
		{"sentence goes on", "# full, or monitoring (which has an\n# outcome: instead).\ntype: full\n", map[string]string{"type": "full, or monitoring (which has an outcome: instead)."}},
		{"hand-written YAML left out", "# Remove the # to use it. The URN.\nurn: 1\n", map[string]string{"urn": "The URN."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := notes(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("notes = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFiles(t *testing.T) {
	outs, err := Files(testOptions)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	body := map[string]string{}
	for _, o := range outs {
		paths = append(paths, o.Path)
		body[o.Path] = string(o.Body)
	}
	if !slices.Equal(paths, Paths()) {
		t.Errorf("Files makes %v, Paths says %v", paths, Paths())
	}
	for _, want := range []string{`src="` + ScriptURL + `"`, `integrity="` + ScriptIntegrity + `"`, `crossorigin="anonymous"`, `<script src="admin.js"></script>`, "noindex"} {
		if !strings.Contains(body["admin/index.html"], want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if strings.Index(body["admin/index.html"], "admin.js") > strings.Index(body["admin/index.html"], ScriptURL) {
		t.Error("admin.js must run before the editor's script, which otherwise starts before the preview style is registered")
	}
	for _, want := range []string{`["/assets/style.css"]`, `"owner/site"`, "CMS_MANUAL_INIT = true", "registerPreviewStyle"} {
		if !strings.Contains(body["admin/admin.js"], want) {
			t.Errorf("admin.js lacks %s", want)
		}
	}
}

func TestRoot(t *testing.T) {
	for _, tt := range []struct{ root, site, schools string }{
		{"content", "content/site.yaml", "content/schools"},
		{"", "site.yaml", "schools"},
		{"sites/plymouth/content", "sites/plymouth/content/site.yaml", "sites/plymouth/content/schools"},
	} {
		t.Run(tt.root, func(t *testing.T) {
			o := testOptions
			o.Root = tt.root
			p := readConfig(t, o)
			for _, c := range p.Collections {
				switch {
				case c.Name == "site" && c.Files[0].File != tt.site:
					t.Errorf("site.yaml at %q, want %q", c.Files[0].File, tt.site)
				case c.Name == "schools" && c.Folder != tt.schools:
					t.Errorf("schools at %q, want %q", c.Folder, tt.schools)
				}
			}
		})
	}
}

// booleans lists every true-or-false field below fields, by path.
func booleans(fields []Field, path string, out map[string]Field) {
	for _, f := range fields {
		p := join(path, f.Name)
		if f.Widget == "boolean" {
			out[p] = f
		}
		booleans(f.Fields, p, out)
	}
}

// TestBooleanDefaults: a switch shows the loader's default when the file
// leaves its key out, since the editor writes the switch as it shows it.
// A plain bool defaults to false; a *bool is a setting on unless written
// false.
func TestBooleanDefaults(t *testing.T) {
	if !(&content.SiteConfig{}).AdminOn() {
		t.Fatal("admin is no longer on by default: the editor's default for it must change too")
	}
	p := readConfig(t, testOptions)
	types := map[string]reflect.Type{
		"site": reflect.TypeFor[content.SiteConfig](), "schools": reflect.TypeFor[content.School](),
		"plans": reflect.TypeFor[content.ActionPlan](), "updates": reflect.TypeFor[content.UpdateFront](),
		"pages": reflect.TypeFor[content.PageFront](),
	}
	for name, typ := range types {
		found := map[string]Field{}
		booleans(p.fieldsOf(name), "", found)
		if len(found) == 0 {
			t.Fatalf("%s has no true-or-false field", name)
		}
		for path, f := range found {
			t.Run(name+" "+path, func(t *testing.T) {
				want := goType(typ, path).Kind() == reflect.Pointer
				if got := f.Default == true; got != want {
					t.Errorf("default %v, want on: %v", f.Default, want)
				}
			})
		}
	}
}

// goType is the Go type of the key at a dotted path below struct type t.
func goType(t reflect.Type, path string) reflect.Type {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	name, rest, more := strings.Cut(path, ".")
	for _, k := range keysOf(t) {
		if k.Name == name {
			if more {
				return goType(k.Type, rest)
			}
			return k.Type
		}
	}
	return reflect.TypeFor[struct{}]()
}

// BenchmarkFiles is what the editor's files add to a build that makes
// them (the dev server's keep them while nothing they are made from
// changes).
func BenchmarkFiles(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Files(testOptions); err != nil {
			b.Fatal(err)
		}
	}
}
