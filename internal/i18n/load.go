package i18n

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// Layer is one theme's catalogues: the files i18n/*.yaml of FS. Name is
// put before their paths in errors ("themes/default", or the site's
// `theme` setting).
type Layer struct {
	Name string
	FS   fs.FS
}

// Load reads the catalogues of the layers, each merged over the layers
// before it message by message (and setting by setting): the default
// theme first, then a site's theme folder. A file of a later layer that is
// the same as the earlier layer's (as when a layer is the default theme
// overlaid by a site's files) is read once. Every mistake in every file
// is returned, joined, each an *Error.
func Load(layers ...Layer) (*Set, error) {
	s := &Set{cats: map[string]*Catalogue{}}
	var errs []error
	seen := map[string][]byte{}     // the bytes read for each file name
	broken := map[*Catalogue]bool{} // a file of it has mistakes, already reported
	// ref is the placeholders of each English message of the first layer
	// (the default theme), which a site's messages, its English ones too,
	// must keep.
	var ref map[string][]string
	for _, l := range layers {
		if en := s.cats[English]; en != nil && ref == nil {
			ref = map[string][]string{}
			for key := range en.messages {
				ref[key] = en.Placeholders(key)
			}
		}
		if l.FS == nil {
			continue
		}
		names, err := fs.Glob(l.FS, "i18n/*.yaml")
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, name := range names {
			b, err := fs.ReadFile(l.FS, name)
			file := path.Join(l.Name, name)
			if err != nil {
				errs = append(errs, &Error{File: file, Msg: err.Error()})
				continue
			}
			if prev, ok := seen[name]; ok && bytes.Equal(prev, b) {
				continue
			}
			seen[name] = b
			code := strings.TrimSuffix(path.Base(name), ".yaml")
			c, ok := s.cats[strings.ToLower(code)]
			if !ok {
				c = &Catalogue{Code: code, File: file, messages: map[string]*message{}, formats: map[string]string{}, Digits: "latn"}
			}
			if fileErrs := c.read(file, code, b); len(fileErrs) > 0 {
				errs = append(errs, fileErrs...)
				broken[c] = true
			}
			s.cats[strings.ToLower(code)] = c
		}
	}
	for _, c := range s.cats {
		if !broken[c] {
			errs = append(errs, s.checkWhole(c, ref)...)
		}
	}
	if err := errors.Join(sortErrors(errs)...); err != nil {
		return s, err
	}
	return s, nil
}

// sortErrors orders errors by file and place, so that a run reports them
// in the same order every time.
func sortErrors(errs []error) []error {
	slices.SortStableFunc(errs, func(a, b error) int {
		var ea, eb *Error
		if !errors.As(a, &ea) || !errors.As(b, &eb) {
			return 0
		}
		if c := strings.Compare(ea.File, eb.File); c != 0 {
			return c
		}
		if ea.Line != eb.Line {
			return ea.Line - eb.Line
		}
		return ea.Col - eb.Col
	})
	return errs
}

// checkWhole checks what only the merged catalogue can show: the settings
// a catalogue must have, and the formats English has.
func (s *Set) checkWhole(c *Catalogue, ref map[string][]string) []error {
	var errs []error
	missing := func(what string) {
		errs = append(errs, &Error{File: c.File, Msg: fmt.Sprintf("%s is missing (language %s)", what, c.Code)})
	}
	if c.Name == "" {
		missing("`name`, the language's name in itself,")
	}
	if len(c.months) == 0 {
		missing("`months`")
	}
	if len(c.weekdays) == 0 {
		missing("`weekdays`")
	}
	en := s.cats[English]
	if en == nil {
		return errs
	}
	for _, k := range sortedKeys(en.formats) {
		if _, ok := c.formats[k]; !ok {
			missing(fmt.Sprintf("format %q", k))
		}
	}
	// A placeholder English's message does not have is a mistake (a typo
	// of one it has): nothing would fill it.
	for _, key := range sortedKeys(c.messages) {
		known, ok := ref[key]
		if ref == nil {
			known, ok = en.Placeholders(key), en.Has(key)
		}
		if !ok {
			continue
		}
		for _, name := range c.Placeholders(key) {
			if !slices.Contains(known, name) && name != "count" {
				m := c.messages[key]
				want := "it has none"
				if len(known) > 0 {
					want = "it has {" + strings.Join(known, "}, {") + "}"
				}
				errs = append(errs, &Error{File: m.file, Line: m.pos.line, Col: m.pos.col,
					Msg: fmt.Sprintf("message %q has {%s}, which the English message does not have (%s): keep the English message's placeholders", key, name, want)})
			}
		}
	}
	return errs
}

var (
	keyRE         = regexp.MustCompile(`^[a-z0-9_]+(\.[a-z0-9_-]+)*$`)
	placeholderRE = regexp.MustCompile(`\{([a-z_][a-z0-9_]*)\}`)
)

// read reads one catalogue file over c.
func (c *Catalogue) read(file, code string, b []byte) []error {
	r := &reader{file: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		e := &Error{File: file, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			fmt.Sscan(m[1], &e.Line)
			e.Col, e.Msg = 1, m[2]
		}
		return []error{e}
	}
	if len(doc.Content) == 0 {
		return []error{&Error{File: file, Msg: "the file is empty: a catalogue has code, name and messages"}}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		r.errAt(root, "a catalogue is a map of settings (code, name, messages...)")
		return r.errs
	}
	c.tag = tagOf(code)
	for i := 0; i+1 < len(root.Content); i += 2 {
		c.readSetting(r, code, root.Content[i], root.Content[i+1])
	}
	return r.errs
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// reader gathers the mistakes found in one catalogue file.
type reader struct {
	file string
	errs []error
}

func (r *reader) errAt(n *yaml.Node, format string, args ...any) {
	e := &Error{File: r.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	r.errs = append(r.errs, e)
}

// str is v's text, or a mistake saying what must be text.
func (r *reader) str(v *yaml.Node, what string) (string, bool) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
		r.errAt(v, "%s must be text", what)
		return "", false
	}
	return v.Value, true
}

// words is v as a list of exactly n texts, or nil and a mistake.
func (r *reader) words(v *yaml.Node, what string, n int) []string {
	if v.Kind != yaml.SequenceNode || len(v.Content) != n {
		r.errAt(v, "`%s` must be a list of %d words", what, n)
		return nil
	}
	out := make([]string, n)
	for i, x := range v.Content {
		out[i], _ = r.str(x, "each of `"+what+"`")
	}
	return out
}

// wordList is the list of names that setting holds and how many it has,
// or nil when setting is not a list of names.
func (c *Catalogue) wordList(setting string) (*[]string, int) {
	switch setting {
	case "months":
		return &c.months, 12
	case "months_standalone":
		return &c.monthsStandalone, 12
	case "months_short":
		return &c.monthsShort, 12
	case "weekdays":
		return &c.weekdays, 7
	}
	return nil, 0
}

// readSetting reads one top-level setting k: v of a catalogue file.
func (c *Catalogue) readSetting(r *reader, code string, k, v *yaml.Node) {
	if list, n := c.wordList(k.Value); list != nil {
		if l := r.words(v, k.Value, n); l != nil {
			*list = l
		}
		return
	}
	switch k.Value {
	case "code":
		if s, ok := r.str(v, "`code`"); ok && !strings.EqualFold(s, code) {
			r.errAt(v, "`code` is %q but the file is named %s.yaml: they must be the same", s, code)
		}
	case "name":
		c.Name, _ = r.str(v, "`name`")
	case "english_name":
		c.EnglishName, _ = r.str(v, "`english_name`")
	case "dir":
		if s, ok := r.str(v, "`dir`"); ok {
			switch s {
			case "ltr", "rtl":
				c.RTL = s == "rtl"
			default:
				r.errAt(v, "`dir` is %q; write ltr (left to right) or rtl (right to left)", s)
			}
		}
	case "reviewed":
		if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
			r.errAt(v, "`reviewed` is true or false")
		} else {
			c.Reviewed = v.Value == "true"
		}
	case "reviewer":
		c.Reviewer, _ = r.str(v, "`reviewer`")
	case "digits":
		if s, ok := r.str(v, "`digits`"); ok {
			if _, known := digitZero[s]; !known {
				r.errAt(v, "`digits` is %q; write latn (0123), arab (٠١٢٣) or arabext (۰۱۲۳)", s)
			} else {
				c.Digits = s
			}
		}
	case "formats":
		c.readFormats(v, r.errAt)
	case "messages":
		c.readMessages(r.file, v, r.errAt)
	default:
		r.errAt(k, "%q is not a catalogue setting; the settings are code, name, english_name, dir, reviewed, reviewer, digits, months, months_standalone, months_short, weekdays, formats and messages", k.Value)
	}
}

func tagOf(code string) language.Tag {
	t, err := language.Parse(code)
	if err != nil {
		return language.Und
	}
	return t
}

// formatKeys are the formats a catalogue may set: see themes/README.md.
var formatKeys = []string{
	"long_date", "short_date", "day_month", "day", "month_year", "chart_date",
	"clock_hour", "clock_minutes", "clock_midday", "clock_midnight", "am", "pm",
	"decimal_separator", "group_separator",
}

func (c *Catalogue) readFormats(v *yaml.Node, errAt func(*yaml.Node, string, ...any)) {
	if v.Kind != yaml.MappingNode {
		errAt(v, "`formats` is a map of format names to patterns, such as long_date: \"{weekday} {day} {month} {year}\"")
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, f := v.Content[i], v.Content[i+1]
		if !slices.Contains(formatKeys, k.Value) {
			errAt(k, "%q is not a format; the formats are %s", k.Value, strings.Join(formatKeys, ", "))
			continue
		}
		if f.Kind != yaml.ScalarNode {
			errAt(f, "format %q must be text", k.Value)
			continue
		}
		c.formats[k.Value] = f.Value
	}
}

func (c *Catalogue) readMessages(file string, v *yaml.Node, errAt func(*yaml.Node, string, ...any)) {
	if v.Kind != yaml.MappingNode {
		errAt(v, "`messages` is a map of keys to texts")
		return
	}
	needed := neededForms(c.tag)
	seen := map[string]bool{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, m := v.Content[i], v.Content[i+1]
		key := k.Value
		switch {
		case !keyRE.MatchString(key):
			errAt(k, "%q is not a message key: keys are words of a-z, 0-9 and _ joined by dots, such as timeline.next", key)
			continue
		case seen[key]:
			errAt(k, "message %q is given twice in this file", key)
			continue
		}
		seen[key] = true
		msg := &message{file: file, pos: pos{k.Line, k.Column}}
		switch m.Kind {
		case yaml.ScalarNode:
			msg.text = parseText(m.Value)
		case yaml.MappingNode:
			msg.forms = map[plural.Form][]segment{}
			for j := 0; j+1 < len(m.Content); j += 2 {
				fk, fv := m.Content[j], m.Content[j+1]
				f, ok := formByName(fk.Value)
				if !ok {
					errAt(fk, "%q is not a plural category; they are zero, one, two, few, many and other", fk.Value)
					continue
				}
				if fv.Kind != yaml.ScalarNode {
					errAt(fv, "the %s form of %q must be text", fk.Value, key)
					continue
				}
				msg.forms[f] = parseText(fv.Value)
			}
			for _, f := range needed {
				if _, ok := msg.forms[f]; !ok {
					errAt(m, "plural message %q lacks its %q form, which %s needs", key, formName(f), c.Code)
				}
			}
		default:
			errAt(m, "message %q must be text, or for a plural a map of forms (one: ..., other: ...)", key)
			continue
		}
		c.messages[key] = msg
	}
}

func formByName(name string) (plural.Form, bool) {
	for _, f := range forms {
		if f.name == name {
			return f.form, true
		}
	}
	return plural.Other, false
}

// parseText splits a message's text at its {placeholders}.
func parseText(s string) []segment {
	var segs []segment
	at := 0
	for _, m := range placeholderRE.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > at {
			segs = append(segs, literal(s[at:m[0]]))
		}
		segs = append(segs, segment{text: s[m[2]:m[3]], arg: true})
		at = m[1]
	}
	if at < len(s) {
		segs = append(segs, literal(s[at:]))
	}
	return segs
}

func literal(s string) segment { return segment{text: s, html: htmlEscaper.Replace(s)} }

// htmlEscaper makes a message's own text, which is plain text, safe in
// HTML, writing it as a template's own text would be written.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
