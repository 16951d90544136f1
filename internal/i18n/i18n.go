// Package i18n holds a theme's message catalogues: every fixed word the
// theme's templates and the program write on a page, in each language the
// theme speaks, with that language's plural rules, digits, dates and
// clock.
//
// A catalogue is a YAML file i18n/<code>.yaml in the theme (the default
// theme's are in themes/default/i18n/). English (en) is the reference: it
// holds today's wording exactly, and every other catalogue is measured
// against it. A site's theme folder may hold catalogues too: a file for a
// language the default theme has is merged over it message by message, so
// that a site can change one sentence without copying the rest; a file
// for a new language adds it. The format is described for theme authors
// in themes/README.md.
//
// Errors in a catalogue name file:line:col and are all reported at once.
// A catalogue that lacks a message English has is complete enough to
// load, so that `check` can say how complete it is, but not to render
// with: Set.Catalogue refuses it, naming the language and each key.
// Messages for parents are in the catalogues; what the program tells the
// person running it (errors, `check`) stays in English.
package i18n

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// English is the code of the reference catalogue.
const English = "en"

// Set is all the catalogues of one theme, by code.
type Set struct {
	cats map[string]*Catalogue
}

// Catalogue is one language's words and forms.
type Catalogue struct {
	Code        string // as the file is named: "pl", "en-GB"
	Name        string // in the language itself: "Polski"
	EnglishName string // "Polish"
	RTL         bool   // written right to left (dir: rtl)
	Reviewed    bool   // a fluent speaker has reviewed it
	Reviewer    string // who reviewed it, and when: free text
	// Digits is how numbers are written: "latn" (0123), "arab" (٠١٢٣) or
	// "arabext" (۰۱۲۳).
	Digits string
	// File is where the catalogue was read from (the default theme's file
	// when a site's file is merged over it), for errors.
	File string

	months, monthsStandalone, monthsShort, weekdays []string
	formats                                         map[string]string
	messages                                        map[string]*message
	tag                                             language.Tag
}

// message is one message: a text, or a plural message's text per CLDR
// category.
type message struct {
	text  []segment
	forms map[plural.Form][]segment // nil for a plain message
	file  string                    // the file it was read from
	pos   pos
}

// segment is a piece of a message: literal text, or a {placeholder}.
type segment struct {
	text string
	html string // text escaped for HTML (&, < and >), for HTML
	arg  bool   // text is a placeholder's name
}

type pos struct{ line, col int }

// Error is a mistake in a catalogue file.
type Error struct {
	File      string
	Line, Col int // 0 when the mistake is the file's as a whole
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.File + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Codes lists the codes of the set's catalogues, English first, then in
// the order of their codes.
func (s *Set) Codes() []string {
	var codes []string
	for c := range s.cats {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, func(a, b string) int {
		switch {
		case a == English && b != English:
			return -1
		case b == English && a != English:
			return 1
		}
		return strings.Compare(a, b)
	})
	return codes
}

// find returns the catalogue for tag: the exact code, else its base
// language ("en-GB" finds "en"), ignoring case.
func (s *Set) find(tag string) *Catalogue {
	if c := s.cats[strings.ToLower(tag)]; c != nil {
		return c
	}
	for t := tag; ; {
		i := strings.LastIndexAny(t, "-_")
		if i < 0 {
			return nil
		}
		t = t[:i]
		if c := s.cats[strings.ToLower(t)]; c != nil {
			return c
		}
	}
}

// Catalogue returns the catalogue for a language tag (see find), ready to
// render with: an error names the language when there is no catalogue for
// it, and each message English has that it lacks.
func (s *Set) Catalogue(tag string) (*Catalogue, error) {
	c := s.find(tag)
	if c == nil {
		return nil, fmt.Errorf("there is no message catalogue for the language %q: the theme needs i18n/%s.yaml (it has %s)",
			tag, tag, strings.Join(s.Codes(), ", "))
	}
	var errs []error
	for _, key := range s.Missing(c) {
		errs = append(errs, &Error{File: c.File, Msg: fmt.Sprintf("message %q is missing (language %s)", key, c.Code)})
	}
	return c, errors.Join(errs...)
}

// Missing lists the keys of the messages English has that c lacks, in
// order.
func (s *Set) Missing(c *Catalogue) []string {
	en := s.cats[English]
	if en == nil || c == en {
		return nil
	}
	var missing []string
	for key := range en.messages {
		if c.messages[key] == nil {
			missing = append(missing, key)
		}
	}
	slices.Sort(missing)
	return missing
}

// Completeness is how much of English a catalogue has, for `check`.
type Completeness struct {
	Code      string
	Found     bool // the theme has a catalogue for the language
	Messages  int  // of English's messages, how many it has
	Of        int  // how many English has
	Reviewed  bool
	Reviewer  string
	Missing   []string // the keys it lacks
	Catalogue *Catalogue
}

// String says it in a line: "pl: 212 of 212 messages; reviewed: no".
func (c Completeness) String() string {
	if !c.Found {
		return fmt.Sprintf("%s: no message catalogue (add i18n/%s.yaml to the theme)", c.Code, c.Code)
	}
	reviewed := "no"
	if c.Reviewed {
		reviewed = "yes"
		if c.Reviewer != "" {
			reviewed += " (" + c.Reviewer + ")"
		}
	}
	return fmt.Sprintf("%s: %d of %d messages; reviewed: %s", c.Code, c.Messages, c.Of, reviewed)
}

// Completeness reports how complete the catalogue for tag is.
func (s *Set) Completeness(tag string) Completeness {
	c := s.find(tag)
	r := Completeness{Code: tag}
	if en := s.cats[English]; en != nil {
		r.Of = len(en.messages)
	}
	if c == nil {
		return r
	}
	r.Found, r.Catalogue, r.Reviewed, r.Reviewer = true, c, c.Reviewed, c.Reviewer
	r.Missing = s.Missing(c)
	r.Messages = r.Of - len(r.Missing)
	return r
}

// Has reports whether the catalogue has a message.
func (c *Catalogue) Has(key string) bool { return c.messages[key] != nil }

// Keys lists the catalogue's message keys, sorted.
func (c *Catalogue) Keys() []string {
	keys := make([]string, 0, len(c.messages))
	for k := range c.messages {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Plural reports whether a message has plural forms.
func (c *Catalogue) Plural(key string) bool {
	m := c.messages[key]
	return m != nil && m.forms != nil
}

// Placeholders lists the names of a message's placeholders, in order of
// first use across its forms.
func (c *Catalogue) Placeholders(key string) []string {
	m := c.messages[key]
	if m == nil {
		return nil
	}
	var names []string
	add := func(segs []segment) {
		for _, s := range segs {
			if s.arg && !slices.Contains(names, s.text) {
				names = append(names, s.text)
			}
		}
	}
	add(m.text)
	for _, f := range forms {
		add(m.forms[f.form])
	}
	return names
}

// Dir is "rtl" or "ltr", for a page's dir attribute.
func (c *Catalogue) Dir() string {
	if c.RTL {
		return "rtl"
	}
	return "ltr"
}

// PluralForm gives the CLDR category of the count n in the catalogue's
// language: "one", "few", "many"...
func (c *Catalogue) PluralForm(n int) string {
	return formName(c.form(n))
}

func (c *Catalogue) form(n int) plural.Form {
	if n < 0 {
		n = -n
	}
	return plural.Cardinal.MatchPlural(c.tag, n, 0, 0, 0, 0)
}

// forms are the CLDR plural categories, in CLDR's order, as written in a
// catalogue.
var forms = []struct {
	name string
	form plural.Form
}{
	{"zero", plural.Zero}, {"one", plural.One}, {"two", plural.Two},
	{"few", plural.Few}, {"many", plural.Many}, {"other", plural.Other},
}

func formName(f plural.Form) string {
	for _, x := range forms {
		if x.form == f {
			return x.name
		}
	}
	return "other"
}

// neededForms lists the categories whole numbers fall in for the language,
// and "other", which every plural message must have: a plural message
// needs each of them. They are found by asking the rules about the counts
// 0 to 1,000 (every CLDR rule on whole numbers repeats within them) and a
// million.
func neededForms(tag language.Tag) []plural.Form {
	seen := map[plural.Form]bool{plural.Other: true}
	for n := 0; n <= 1000; n++ {
		seen[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)] = true
	}
	seen[plural.Cardinal.MatchPlural(tag, 1000000, 0, 0, 0, 0)] = true
	var out []plural.Form
	for _, f := range forms {
		if seen[f.form] {
			out = append(out, f.form)
		}
	}
	return out
}

// Get returns the text of a message with its placeholders filled in from
// args, given as name, value pairs; an error if there is no such message.
// A plural message's "other" form is used: see N.
func (c *Catalogue) Get(key string, args ...any) (string, error) {
	m := c.messages[key]
	if m == nil {
		return "", c.missing(key)
	}
	return c.fill(m.pick(plural.Other), args, plainValue(c))
}

// GetN is Get for a plural message: the form for the count n, with
// {count} as n in the language's digits.
func (c *Catalogue) GetN(key string, n int, args ...any) (string, error) {
	m := c.messages[key]
	if m == nil {
		return "", c.missing(key)
	}
	return c.fill(m.pick(c.form(n)), append([]any{"count", n}, args...), plainValue(c))
}

func (c *Catalogue) missing(key string) error {
	return &Error{File: c.File, Msg: fmt.Sprintf("message %q is missing (language %s)", key, c.Code)}
}

// Raw returns a message's text as the catalogue writes it, placeholders
// and all (a plural message's "other" form), for a pattern that is filled
// elsewhere, such as a chart's sentences.
func (c *Catalogue) Raw(key string) string {
	m := c.messages[key]
	if m == nil {
		return "[" + key + "]"
	}
	var b strings.Builder
	for _, s := range m.pick(plural.Other) {
		if s.arg {
			b.WriteString("{" + s.text + "}")
		} else {
			b.WriteString(s.text)
		}
	}
	return b.String()
}

// T is Get for what cannot fail: a missing message is written as its key
// in brackets, "[timeline.next]", so that it shows.
func (c *Catalogue) T(key string, args ...any) string {
	s, err := c.Get(key, args...)
	if err != nil {
		return "[" + key + "]"
	}
	return s
}

// N is GetN as T is Get.
func (c *Catalogue) N(key string, n int, args ...any) string {
	s, err := c.GetN(key, n, args...)
	if err != nil {
		return "[" + key + "]"
	}
	return s
}

func (m *message) pick(f plural.Form) []segment {
	if m.forms == nil {
		return m.text
	}
	if s, ok := m.forms[f]; ok {
		return s
	}
	return m.forms[plural.Other]
}

// fill writes segs with each placeholder's value from args, each value
// written by value; a placeholder args lacks is an error, so that a
// template's mistake is found when its page is rendered.
func (c *Catalogue) fill(segs []segment, args []any, value func(any) string) (string, error) {
	if len(args)%2 != 0 {
		return "", fmt.Errorf("message arguments come in name, value pairs: %d given", len(args))
	}
	var b strings.Builder
	for _, s := range segs {
		if !s.arg {
			b.WriteString(s.text)
			continue
		}
		v, ok := lookupArg(args, s.text)
		if !ok {
			return "", fmt.Errorf("message needs a value for {%s}", s.text)
		}
		b.WriteString(value(v))
	}
	return b.String(), nil
}

func lookupArg(args []any, name string) (any, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if n, _ := args[i].(string); n == name {
			return args[i+1], true
		}
	}
	return nil, false
}

// plainValue writes a value into a message as text: numbers in the
// language's digits.
func plainValue(c *Catalogue) func(any) string {
	return func(v any) string { return c.Value(v) }
}

// Value writes a value as a message shows it: numbers with the language's
// digits and separators, other values as fmt does.
func (c *Catalogue) Value(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return c.Int(v)
	case float64:
		return c.Number(v)
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// HTML is Get (or GetN, when count is given) for a page: the message's
// own text escaped for HTML (&, < and >; it is plain text), each value
// written by value, which escapes it.
func (c *Catalogue) HTML(key string, count *int, args []any, value func(any) string) (string, error) {
	m := c.messages[key]
	if m == nil {
		return "", c.missing(key)
	}
	f := plural.Other
	if count != nil {
		f = c.form(*count)
		args = append([]any{"count", *count}, args...)
	}
	segs := m.pick(f)
	if len(segs) == 1 && !segs[0].arg {
		return segs[0].html, nil // most messages: a heading, a label
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("message arguments come in name, value pairs: %d given", len(args))
	}
	var b strings.Builder
	for _, s := range segs {
		if !s.arg {
			b.WriteString(s.html)
			continue
		}
		v, ok := lookupArg(args, s.text)
		if !ok {
			return "", fmt.Errorf("message %q needs a value for {%s}", key, s.text)
		}
		b.WriteString(value(v))
	}
	return b.String(), nil
}
