package cms

import (
	"reflect"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
)

// Translations in the editor (CONTENT-FORMAT "Languages", version 2).
//
// An update or a page is translated by a file beside it, named as it is
// with the language's code before .md (2026-11-20-reading.pl.md), whose
// front matter holds only `title` and `summary`: its date, whether it is
// a draft, and its address are the original's. Sveltia CMS edits exactly
// that with its "multiple_files" structure: one file per language beside
// the original, which keeps its own name (the main language is left out
// of file names). A translated file holds the fields marked i18n and no
// others: Sveltia fills in the other fields only in the main language
// (its populateDefaultValue skips a field that is not translated in any
// other), and writes a file from what that language's file holds. So
// saving a translation writes title, summary and the text, which is what
// the loader accepts.
//
// A new update or page starts in the main language only
// (initial_locales: default); the PSA turns a language on in the editor
// to write its translation, or off to remove it. Without that option the
// editor would make a translation of every new entry, and refuse to save
// one whose translations had no title.
//
// A school's translations/<code>.yaml are not in the editor: they are
// maps keyed by ids and dates (see README, "Translations"), which no
// Sveltia widget edits (its keyvalue widget holds text under each key,
// not the objects an inspection or an action is translated into), and
// config.yml cannot name the keys, which are each school's. The PSA or a
// translator edits them as files (on GitHub, or on their computer): see
// schoolTranslations.

// i18nOptions are the editor's settings of translations.
type i18nOptions struct {
	Structure string   `yaml:"structure"`
	Locales   []string `yaml:"locales"`
	Default   string   `yaml:"default_locale"`
	Initial   string   `yaml:"initial_locales"`
	// OmitDefault keeps the main language's file name as it is
	// (about.md, not about.en-GB.md). Sveltia 0.221 reads the older name
	// of the option, omit_default_locale_from_filename, too, but warns
	// that it is going.
	OmitDefault bool `yaml:"omit_default_locale_from_file_path"`
}

// i18nFor returns the settings of a site with other languages, nil for a
// site with none (config.yml then has no i18n at all).
func i18nFor(o Options) *i18nOptions {
	if len(o.Languages) == 0 {
		return nil
	}
	main := o.Language
	if main == "" {
		main = "en-GB" // the loader's default, when site.yaml names none
	}
	return &i18nOptions{Structure: "multiple_files", Locales: append([]string{main}, o.Languages...),
		Default: main, Initial: "default", OmitDefault: true}
}

// translatedKeys are the keys of an update's or a page's front matter
// that a translation writes in its language, those of
// content.TranslationFront, and body, the Markdown text below it.
var translatedKeys = func() map[string]bool {
	keys := map[string]bool{"body": true}
	t := reflect.TypeFor[content.TranslationFront]()
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			keys[name] = true
		}
	}
	return keys
}()

// translatable marks the fields of an update's or a page's that its
// translations hold.
func translatable(fields []Field) []Field {
	out := make([]Field, len(fields))
	for i, f := range fields {
		f.I18n = translatedKeys[f.Name]
		out[i] = f
	}
	return out
}

// schoolTranslations keeps the schools' translations/<code>.yaml out of
// the editor. A file under the media folder (content/schools) that no
// collection claims is listed among the pictures and documents, where it
// could be deleted or replaced; a hidden collection claims these (hide)
// and lists none of them (a filter no entry passes: the editor neither
// lists nor searches nor opens an entry its collection filters out), so
// the editor never shows, opens or writes one.
func schoolTranslations(schools string) collection {
	return collection{Name: "translations", Label: "Translations of the schools' files (not edited here)", Folder: schools,
		Path: "{{slug}}/translations/{{slug}}", Extension: "yaml", Format: "yaml",
		Description: "schools/<slug>/translations/<code>.yaml are edited as files, not in the editor (see README, Translations).",
		Create:      no(), Delete: no(), Hide: true, Filter: &entryFilter{Field: "x_notes", Pattern: "(?!)"},
		Fields: []Field{notesField()}}
}
