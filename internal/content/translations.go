package content

import (
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Translations (CONTENT-FORMAT "Languages", version 2). A Markdown file is
// translated by a file beside it with the language's code before .md
// (updates/2026-11-20-reading.pl.md, pages/about.ur.md); the text written in
// a school's YAML files is translated in schools/<slug>/translations/<code>.yaml,
// keyed by the ids and dates that identify each item, never by position,
// so that a translation stays with its item when items are added, removed
// or moved. This package reads and decodes them; package site checks them
// against the site's languages and the school's English files, and puts
// them in the model.

// MarkdownTranslation is a translation of an update or a site page: a file
// beside the original, named as it is with the language code before .md.
// Its date, draft and URL are the original's.
type MarkdownTranslation struct {
	Path     string
	Lang     string // the code in its name, as written
	Original string // the path of the file it translates
	Front    TranslationFront
	// Body is a page's translated Markdown; an update's is read again when
	// needed (ReadBody), as the original's is.
	Body     []byte
	BodyLine int
}

// TranslationFront is a translation's front matter: the original's title
// and summary in the language; the rest comes from the original.
type TranslationFront struct {
	Meta
	Title   string `yaml:"title,required"`
	Summary string `yaml:"summary"`
}

// ReadBody reads the translation's Markdown body again, and the file line
// on which it starts.
func (t *MarkdownTranslation) ReadBody(fsys fs.FS) ([]byte, int, error) {
	u := UpdateFile{Path: t.Path}
	return u.ReadBody(fsys)
}

// Translation is schools/<slug>/translations/<code>.yaml: the school's YAML
// text in one language. Every part is optional; what it leaves out is
// shown in English.
type Translation struct {
	Meta
	Path        string                       `yaml:"-"`
	Lang        string                       `yaml:"-"` // the code in the file's name
	School      *SchoolTranslation           `yaml:"school"`
	Inspections Keyed[InspectionTranslation] `yaml:"inspections"` // by start date
	ActionPlan  *PlanTranslation             `yaml:"action_plan"`
	Meetings    Keyed[MeetingTranslation]    `yaml:"meetings"` // by id, or start as written
	Views       Keyed[ViewsTranslation]      `yaml:"views"`    // by the date gathered
}

// SchoolTranslation translates school.yaml's text.
type SchoolTranslation struct {
	Meta
	PSA        *PSATranslation `yaml:"psa"`
	Milestones Keyed[string]   `yaml:"milestones"` // the note, by the milestone's date
}

// PSATranslation translates the PSA's drop-in times. (The PSA's `text` is
// the number parents may text, which is not translated.)
type PSATranslation struct {
	Meta
	DropIn string `yaml:"drop_in"`
}

// InspectionTranslation translates one inspection's text.
type InspectionTranslation struct {
	Meta
	Summary string        `yaml:"summary"`
	Outcome string        `yaml:"outcome"`
	Areas   Keyed[string] `yaml:"areas_for_improvement"` // area id -> text
}

// PlanTranslation translates action-plan.yaml.
type PlanTranslation struct {
	Meta
	Areas Keyed[AreaTranslation] `yaml:"areas"` // by the area's `for`
}

// AreaTranslation translates one area of the action plan.
type AreaTranslation struct {
	Meta
	Title    string                    `yaml:"title"`
	Actions  Keyed[ActionTranslation]  `yaml:"actions"`  // by action id
	Measures Keyed[MeasureTranslation] `yaml:"measures"` // by measure id
}

// ActionTranslation translates one action.
type ActionTranslation struct {
	Meta
	What    string `yaml:"what"`
	Who     string `yaml:"who"`
	Success string `yaml:"success"`
	Parents string `yaml:"parents"`
}

// MeasureTranslation translates one measure.
type MeasureTranslation struct {
	Meta
	Name string `yaml:"name"`
	Unit string `yaml:"unit"`
}

// MeetingTranslation translates one meeting.
type MeetingTranslation struct {
	Meta
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Location    string `yaml:"location"`
	Audience    string `yaml:"audience"`
	Access      string `yaml:"access"`
}

// ViewsTranslation translates one gathering of views.
type ViewsTranslation struct {
	Meta
	How       string                     `yaml:"how"`
	Questions Keyed[QuestionTranslation] `yaml:"questions"` // by question id
	Themes    Keyed[ThemeTranslation]    `yaml:"themes"`    // by theme id
}

// QuestionTranslation translates one questionnaire statement.
type QuestionTranslation struct {
	Meta
	Ask string `yaml:"ask"`
}

// ThemeTranslation translates one "you said, we did".
type ThemeTranslation struct {
	Meta
	Said string `yaml:"said"`
	Did  string `yaml:"did"`
}

// Keyed is a YAML mapping whose keys the PSA chose (ids and dates), in the
// order written, each with where it was written.
type Keyed[T any] []KeyedValue[T]

// KeyedValue is one entry of a Keyed mapping.
type KeyedValue[T any] struct {
	Key   string
	KeyAt Pos // the key's position
	At    Pos // the value's
	Value T
}

// keyedMap is implemented by Keyed, which the decoder fills in itself.
type keyedMap interface {
	decodeKeyed(d *decoder, n *yaml.Node, name string)
}

func (k *Keyed[T]) decodeKeyed(d *decoder, n *yaml.Node, name string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s should be a set of \"key: value\" lines, one for each id or date, not %s", d.label(name), describe(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, val := n.Content[i], n.Content[i+1]
		if kn.Kind != yaml.ScalarNode || kn.Anchor != "" {
			d.errorf(kn, "a key in %s is %s; write an id or a date", d.label(name), describe(kn))
			continue
		}
		if strings.HasPrefix(kn.Value, "x_") {
			continue // the PSA's own notes
		}
		if strings.Contains(kn.Value, "/") {
			d.errorf(kn, "%q in %s is not an id or a date; write the id or date that names the item (dates as YYYY-MM-DD)", kn.Value, d.label(name))
			continue
		}
		if seen[kn.Value] {
			d.errorf(kn, "`%s` is written twice in %s; keep one", kn.Value, d.label(name))
			continue
		}
		seen[kn.Value] = true
		e := KeyedValue[T]{Key: kn.Value, KeyAt: d.pos(kn), At: d.pos(val)}
		d.value(val, reflect.ValueOf(&e.Value).Elem(), join(name, kn.Value))
		*k = append(*k, e)
	}
}

// Translated is one piece of text of a translation file: where it goes
// (its key path, as TranslationKey writes it), where it was written, and
// the text.
type Translated struct {
	Key  string
	At   Pos   // the text's position
	Keys []Pos // the position of each part of Key, outermost first
	// Named says, for each part of Key, whether it is an id or a date
	// naming an item, rather than a field of the format.
	Named []bool
	Text  string
}

// TranslationKey joins the parts of a key path: "meetings/review/title".
// Ids, dates and field names hold no "/".
func TranslationKey(parts ...string) string { return strings.Join(parts, "/") }

// Texts lists every piece of text the file translates, in file order.
func (t *Translation) Texts() []Translated {
	var w textWalk
	if s := t.School; s != nil {
		w.in("school", t.At("school"), func() {
			if p := s.PSA; p != nil {
				w.in("psa", s.At("psa"), func() { w.text("drop_in", p.Meta, p.DropIn) })
			}
			w.in("milestones", s.At("milestones"), func() { keyedTexts(&w, s.Milestones) })
		})
	}
	w.in("inspections", t.At("inspections"), func() {
		for _, e := range t.Inspections {
			w.key(e.Key, e.KeyAt, func() {
				v := e.Value
				w.text("summary", v.Meta, v.Summary)
				w.text("outcome", v.Meta, v.Outcome)
				w.in("areas_for_improvement", v.At("areas_for_improvement"), func() { keyedTexts(&w, v.Areas) })
			})
		}
	})
	if p := t.ActionPlan; p != nil {
		w.in("action_plan", t.At("action_plan"), func() { w.in("areas", p.At("areas"), func() { areaTexts(&w, p.Areas) }) })
	}
	w.in("meetings", t.At("meetings"), func() {
		for _, e := range t.Meetings {
			v := e.Value
			w.key(e.Key, e.KeyAt, func() {
				w.text("title", v.Meta, v.Title)
				w.text("description", v.Meta, v.Description)
				w.text("location", v.Meta, v.Location)
				w.text("audience", v.Meta, v.Audience)
				w.text("access", v.Meta, v.Access)
			})
		}
	})
	w.in("views", t.At("views"), func() { viewsTexts(&w, t.Views) })
	return w.out
}

func areaTexts(w *textWalk, areas Keyed[AreaTranslation]) {
	for _, e := range areas {
		v := e.Value
		w.key(e.Key, e.KeyAt, func() {
			w.text("title", v.Meta, v.Title)
			w.in("actions", v.At("actions"), func() {
				for _, a := range v.Actions {
					w.key(a.Key, a.KeyAt, func() {
						x := a.Value
						w.text("what", x.Meta, x.What)
						w.text("who", x.Meta, x.Who)
						w.text("success", x.Meta, x.Success)
						w.text("parents", x.Meta, x.Parents)
					})
				}
			})
			w.in("measures", v.At("measures"), func() {
				for _, m := range v.Measures {
					w.key(m.Key, m.KeyAt, func() {
						w.text("name", m.Value.Meta, m.Value.Name)
						w.text("unit", m.Value.Meta, m.Value.Unit)
					})
				}
			})
		})
	}
}

func viewsTexts(w *textWalk, views Keyed[ViewsTranslation]) {
	for _, e := range views {
		v := e.Value
		w.key(e.Key, e.KeyAt, func() {
			w.text("how", v.Meta, v.How)
			w.in("questions", v.At("questions"), func() {
				for _, q := range v.Questions {
					w.key(q.Key, q.KeyAt, func() { w.text("ask", q.Value.Meta, q.Value.Ask) })
				}
			})
			w.in("themes", v.At("themes"), func() {
				for _, th := range v.Themes {
					w.key(th.Key, th.KeyAt, func() {
						w.text("said", th.Value.Meta, th.Value.Said)
						w.text("did", th.Value.Meta, th.Value.Did)
					})
				}
			})
		})
	}
}

func keyedTexts(w *textWalk, k Keyed[string]) {
	for _, e := range k {
		w.key(e.Key, e.KeyAt, func() { w.add(e.At, e.Value) })
	}
}

// textWalk collects a translation's texts with their key paths.
type textWalk struct {
	path  []string
	pos   []Pos
	named []bool
	out   []Translated
}

// in walks into a field of the format.
func (w *textWalk) in(field string, at Pos, f func()) { w.push(field, at, false, f) }

// key walks into an item named by an id or a date.
func (w *textWalk) key(k string, at Pos, f func()) { w.push(k, at, true, f) }

func (w *textWalk) push(k string, at Pos, named bool, f func()) {
	w.path, w.pos, w.named = append(w.path, k), append(w.pos, at), append(w.named, named)
	f()
	n := len(w.path) - 1
	w.path, w.pos, w.named = w.path[:n], w.pos[:n], w.named[:n]
}

func (w *textWalk) add(at Pos, s string) {
	w.out = append(w.out, Translated{Key: TranslationKey(w.path...), At: at, Keys: slices.Clone(w.pos), Named: slices.Clone(w.named), Text: s})
}

// text adds a field's text, if the field was written.
func (w *textWalk) text(field string, m Meta, s string) {
	if m.Has(field) {
		w.in(field, m.At(field), func() { w.add(m.At(field), s) })
	}
}

// translationRules checks what a translation file holds on its own: no
// text left empty (which would show nothing where the English has text).
func (l *loader) translationRules(t *Translation) {
	for _, x := range t.Texts() {
		if strings.TrimSpace(x.Text) == "" {
			l.ds.Errorf(t.Path, x.At, "the translation of `%s` is empty; write it, or remove the line so that the English is shown", x.Key)
		}
	}
}

// translationName splits the name of a translated Markdown file, stem
// "<name>.<code>" (the file name without .md), into the original's stem and
// the language code, when the part after the last dot is a language tag.
func translationName(stem string) (original, code string, ok bool) {
	i := strings.LastIndexByte(stem, '.')
	if i < 0 {
		return "", "", false
	}
	if _, _, ok := ParseLanguage(stem[i+1:]); !ok {
		return "", "", false
	}
	return stem[:i], stem[i+1:], true
}

// translations reads schools/<slug>/translations/: one <code>.yaml a language.
func (l *loader) translations(s *SchoolDir, dir string) {
	for _, e := range l.readDir(dir) {
		p := dir + "/" + e.Name()
		code, isYAML := strings.CutSuffix(e.Name(), ".yaml")
		if fixed, advice, ok := betterName(e.Name()); ok && !e.IsDir() && strings.HasSuffix(fixed, ".yaml") {
			l.ds.Errorf(p, Pos{}, "a translation's name ends in .yaml: %s", advice)
			continue
		}
		canon, _, tag := ParseLanguage(code)
		if e.IsDir() || !isYAML || !tag {
			l.ds.Errorf(p, Pos{}, "translations/ holds one file for each language, named <code>.yaml after one of site.yaml's languages (for example pl.yaml for Polish)")
			continue
		}
		if canon != code {
			l.ds.Errorf(p, Pos{}, "name the file %s.yaml, the language's code as site.yaml's `languages:` writes it", canon)
			continue
		}
		b, ok := l.read(p, maxYAMLSize)
		if !ok {
			continue
		}
		t := &Translation{Path: p, Lang: code}
		decodeYAML(p, b, 0, t, &l.ds)
		s.Translations = append(s.Translations, t)
	}
}

// markdownTranslation reads a translated update or page, name being its
// file name; originals names the files beside it that it may translate.
func (l *loader) markdownTranslation(p, original, code string, keepBody bool) *MarkdownTranslation {
	b, ok := l.read(p, maxMarkdownSize)
	if !ok {
		return nil
	}
	t := &MarkdownTranslation{Path: p, Lang: code, Original: original}
	front, body, bodyLine, found := splitFrontMatter(b)
	if !found {
		l.ds.Errorf(p, Pos{Line: 1, Col: 1}, "a translation starts with front matter: a line \"---\", then `title: ...` in the language, then another \"---\" line")
		return nil
	}
	decodeYAML(p, front, 1, &t.Front, &l.ds)
	l.requireText(p, t.Front.Meta, "title", t.Front.Title)
	if keepBody {
		t.Body, t.BodyLine = body, bodyLine
	}
	return t
}

// attachTranslations gives each translated Markdown file to its original,
// reporting a translation whose original is not there.
func attachTranslations[F any](ds *Diagnostics, ts []*MarkdownTranslation, originals []F, pathOf func(F) string, add func(F, *MarkdownTranslation)) {
	byPath := map[string]F{}
	for _, f := range originals {
		byPath[pathOf(f)] = f
	}
	for _, t := range ts {
		f, ok := byPath[t.Original]
		if !ok {
			ds.Errorf(t.Path, Pos{}, "this translates %s, which is not there; a translation is named as its original is, with the language code before .md: rename it after the file it translates, or remove it", t.Original)
			continue
		}
		add(f, t)
	}
}

// describeTranslationName is the advice for a Markdown file name with a
// dot in it that is not a translation's.
func describeTranslationName(example string) string {
	return fmt.Sprintf("; a translation is named as the file it translates with a language code of site.yaml's `languages:` before .md, such as %s", example)
}

// TranslationTexts decodes a version of a translation file (src need not
// be the file as it is now), without checking it, and returns its texts by
// key as written. What cannot be read gives no text.
func TranslationTexts(path string, src []byte) []Translated {
	src, problem := decodeText(src)
	if problem != "" {
		return nil
	}
	var ds Diagnostics
	var t Translation
	if !decodeYAML(path, src, 0, &t, &ds) {
		return nil
	}
	return t.Texts()
}

// MarkdownText returns what a translation of a Markdown file (an update or
// a page) translates, from a version of it: its title, summary and body,
// without the front matter that a translation takes from it (its date,
// whether it is a draft), so that publishing a draft does not make its
// translations look out of date.
func MarkdownText(src []byte) string {
	src, problem := decodeText(src)
	if problem != "" {
		return ""
	}
	front, body, _, found := splitFrontMatter(src)
	if !found {
		return string(src)
	}
	var ds Diagnostics // other keys are reported by the loader, not here
	var m struct {
		Meta
		Title   string `yaml:"title"`
		Summary string `yaml:"summary"`
	}
	decodeYAML("", front, 0, &m, &ds)
	return m.Title + "\x00" + m.Summary + "\x00" + string(body)
}

// TranslationOf returns, for the path of a Markdown file named as a
// translation is (updates/2026-11-20-reading.pl.md), the path of the file
// it translates and the language code; ok is false for any other name.
func TranslationOf(p string) (original, code string, ok bool) {
	stem, isMD := strings.CutSuffix(p, ".md")
	if !isMD {
		return "", "", false
	}
	orig, code, ok := translationName(stem)
	if !ok || strings.Contains(orig[strings.LastIndexByte(orig, '/')+1:], ".") {
		return "", "", false
	}
	return orig + ".md", code, true
}
