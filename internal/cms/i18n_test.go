package cms

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/parentpages/parentpages/internal/content"
)

// i18nConfig is what config.yml says of translations, as the editor reads it.
type i18nConfig struct {
	I18n *struct {
		Structure   string   `yaml:"structure"`
		Locales     []string `yaml:"locales"`
		Default     string   `yaml:"default_locale"`
		Initial     any      `yaml:"initial_locales"`
		OmitDefault *bool    `yaml:"omit_default_locale_from_file_path"`
	} `yaml:"i18n"`
	Collections []struct {
		Name, Folder, Path, Extension string
		I18n                          any `yaml:"i18n"`
		Hide                          bool
		Create, Delete                *bool
		Filter                        map[string]string
		Fields                        []Field
		Files                         []struct{ Fields []Field }
	}
}

func readI18n(t *testing.T, o Options) (i18nConfig, []byte) {
	t.Helper()
	b, err := Config(o)
	if err != nil {
		t.Fatal(err)
	}
	var c i18nConfig
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("config.yml is not YAML: %v", err)
	}
	return c, b
}

// translatedFields lists the fields (by path) marked i18n, anywhere.
func translatedFields(fields []Field, path string, out *[]string) {
	for _, f := range fields {
		p := join(path, f.Name)
		if f.I18n {
			*out = append(*out, p)
		}
		translatedFields(f.Fields, p, out)
		if f.Field != nil {
			translatedFields([]Field{*f.Field}, p, out)
		}
		for _, ty := range f.Types {
			translatedFields(ty.Fields, p, out)
		}
	}
}

// A site with no other language: config.yml says nothing of translations,
// and the main language alone changes nothing.
func TestNoLanguagesNoI18n(t *testing.T) {
	c, plain := readI18n(t, testOptions)
	if c.I18n != nil {
		t.Errorf("config.yml without languages has i18n: %+v", *c.I18n)
	}
	for _, col := range c.Collections {
		var marked []string
		translatedFields(col.Fields, "", &marked)
		for _, f := range col.Files {
			translatedFields(f.Fields, "", &marked)
		}
		if col.I18n != nil || col.Hide || len(marked) > 0 || col.Name == "translations" {
			t.Errorf("collection %s without languages: i18n %v, hide %v, translated fields %v", col.Name, col.I18n, col.Hide, marked)
		}
	}
	o := testOptions
	o.Language = "cy"
	if _, b := readI18n(t, o); !bytes.Equal(b, plain) {
		t.Error("a main language with no other languages changed config.yml")
	}
}

func TestLanguages(t *testing.T) {
	for _, tc := range []struct {
		name, main string
		others     []string
		locales    []string
	}{
		{"one other", "en-GB", []string{"pl"}, []string{"en-GB", "pl"}},
		{"in site.yaml's order", "en-GB", []string{"ur", "pl", "pt-BR"}, []string{"en-GB", "ur", "pl", "pt-BR"}},
		{"main language not written", "", []string{"cy"}, []string{"en-GB", "cy"}},
		{"another main language", "cy", []string{"en-GB"}, []string{"cy", "en-GB"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := testOptions
			o.Language, o.Languages = tc.main, tc.others
			c, _ := readI18n(t, o)
			if c.I18n == nil {
				t.Fatal("no i18n in config.yml")
			}
			g := *c.I18n
			if g.Structure != "multiple_files" || !slices.Equal(g.Locales, tc.locales) || g.Default != tc.locales[0] ||
				g.Initial != "default" || g.OmitDefault == nil || !*g.OmitDefault {
				t.Errorf("i18n = %+v (omit %v); want multiple_files, locales %v, default %s, initial default, main language left out of file names",
					g, g.OmitDefault, tc.locales, tc.locales[0])
			}
		})
	}
}

// With languages, updates and pages are translated, and only in the keys
// a translation may hold (content.TranslationFront) and the text; nothing
// else is.
func TestTranslatedFields(t *testing.T) {
	o := testOptions
	o.Language, o.Languages = "en-GB", []string{"pl"}
	c, _ := readI18n(t, o)
	want := []string{"body"}
	for _, sf := range keysOf(reflect.TypeFor[content.TranslationFront]()) {
		want = append(want, sf.Name)
	}
	slices.Sort(want)
	seen := map[string]bool{}
	for _, col := range c.Collections {
		seen[col.Name] = true
		var marked []string
		translatedFields(col.Fields, "", &marked)
		for _, f := range col.Files {
			translatedFields(f.Fields, "", &marked)
		}
		slices.Sort(marked)
		switch col.Name {
		case "updates", "pages":
			if col.I18n != true {
				t.Errorf("collection %s: i18n %v, want true", col.Name, col.I18n)
			}
			if !slices.Equal(marked, want) {
				t.Errorf("collection %s translates %v, want %v", col.Name, marked, want)
			}
		default:
			if col.I18n != nil || len(marked) > 0 {
				t.Errorf("collection %s: i18n %v, translated fields %v; want neither", col.Name, col.I18n, marked)
			}
		}
	}
	if !seen["updates"] || !seen["pages"] {
		t.Errorf("collections %v: want updates and pages", seen)
	}
}

// A school's translations/<code>.yaml is claimed by a hidden collection
// that lists none of its entries, so that the editor does not list it
// among the assets (under the media folder) nor open it.
func TestSchoolTranslationsKeptOut(t *testing.T) {
	o := testOptions
	o.Language, o.Languages = "en-GB", []string{"pl"}
	c, _ := readI18n(t, o)
	var found bool
	for _, col := range c.Collections {
		match := pathMatches(col.Folder, col.Path, col.Extension)
		for _, p := range []string{"content/schools/oakfield/translations/pl.yaml", "content/schools/oakfield/translations/ur.yaml"} {
			if match(p) != (col.Name == "translations") {
				t.Errorf("collection %s (%s/%s.%s) matches %s: %v", col.Name, col.Folder, col.Path, col.Extension, p, match(p))
			}
		}
		if col.Name != "translations" {
			continue
		}
		found = true
		if !col.Hide || col.Create == nil || *col.Create || col.Delete == nil || *col.Delete ||
			col.Filter["field"] == "" || col.Filter["pattern"] != "(?!)" || col.I18n != nil {
			t.Errorf("translations collection: hide %v, create %v, delete %v, filter %v, i18n %v; want hidden, no create or delete, a filter no entry passes",
				col.Hide, col.Create, col.Delete, col.Filter, col.I18n)
		}
		if match("content/schools/oakfield/school.yaml") || match("content/schools/oakfield/updates/2026-01-01-x.pl.md") {
			t.Error("the translations collection claims a file that is not a translation of a school's YAML")
		}
	}
	if !found {
		t.Error("no translations collection with languages")
	}
}

// pathMatches reports whether a file path is an entry of a folder
// collection, as the editor matches them: each {{...}} of the path is
// one name with no slash (its getFilePathMatcher).
func pathMatches(folder, path, ext string) func(string) bool {
	return func(p string) bool {
		rest, ok := bytes.CutPrefix([]byte(p), []byte(folder+"/"))
		if !ok || path == "" {
			return ok && path == "" && !bytes.Contains(rest, []byte("/")) && bytes.HasSuffix(rest, []byte("."+ext))
		}
		want := bytes.Split([]byte(path+"."+ext), []byte("/"))
		got := bytes.Split(rest, []byte("/"))
		if len(want) != len(got) {
			return false
		}
		for i := range want {
			if bytes.HasPrefix(want[i], []byte("{{")) {
				if i == len(want)-1 && !bytes.HasSuffix(got[i], []byte("."+ext)) {
					return false
				}
				continue
			}
			if !bytes.Equal(want[i], got[i]) {
				return false
			}
		}
		return true
	}
}

// A translated collection whose entries lie in more than one folder (the
// updates of every school) must not name {{slug}} in its path: with
// translations on, the editor groups files into entries by what {{slug}}
// stands for, and two schools' updates of the same name would become one.
// Each folder collection's entries are told apart by their whole path.
func TestTranslatedEntriesToldApartByPath(t *testing.T) {
	o := testOptions
	o.Languages = []string{"pl"}
	c, _ := readI18n(t, o)
	for _, col := range c.Collections {
		if col.I18n == nil || col.I18n == false || col.Path == "" {
			continue
		}
		if strings.Contains(col.Path, "{{slug}}") && strings.Contains(col.Path, "/") {
			t.Errorf("collection %s: path %q names {{slug}} below a folder of its own: two entries of the same name in two folders would be one entry", col.Name, col.Path)
		}
	}
	for _, col := range c.Collections {
		if col.Name == "updates" && col.Path != "{{fields.x_school}}/updates/{{year}}-{{month}}-{{day}}-{{title}}" {
			t.Errorf("updates: path %q", col.Path)
		}
	}
}
