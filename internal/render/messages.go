package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"strings"
	"sync"
	"unicode"

	"github.com/parentpages/parentpages/internal/chart"
	"github.com/parentpages/parentpages/internal/i18n"
	defaulttheme "github.com/parentpages/parentpages/themes/default"
)

// The theme's words come from its message catalogues (package i18n): the
// template functions t and tn write a message, and the renderer's own
// words (dates, page titles, feeds, calendars, charts) come from the same
// catalogue, that of Options.Language.

// ThemeLayer is what the errors of a catalogue of the theme given to New
// put before its path, "theme/i18n/pl.yaml", when the theme has files of
// its own (theme.Theme.Diagnose names the site's file from it); the
// default theme's are "themes/default/i18n/pl.yaml".
const ThemeLayer = "theme"

// defaultSet is the default theme's catalogues, read once.
var defaultSet = sync.OnceValues(func() (*i18n.Set, error) {
	return i18n.Load(i18n.Layer{Name: "themes/default", FS: defaulttheme.FS})
})

// Catalogues returns the message catalogues of a theme (themeFS as New
// takes it): the default theme's, with the theme's own files merged over
// them where it has any of its own. With an error (the mistakes of the
// theme's files) it returns what could be read.
func Catalogues(themeFS fs.FS) (*i18n.Set, error) {
	names, _ := fs.Glob(themeFS, "i18n/*.yaml")
	for _, name := range names {
		own, err := fs.ReadFile(themeFS, name)
		dflt, derr := fs.ReadFile(defaulttheme.FS, name)
		if err != nil || derr != nil || !bytes.Equal(own, dflt) {
			return i18n.Load(i18n.Layer{Name: "themes/default", FS: defaulttheme.FS}, i18n.Layer{Name: ThemeLayer, FS: themeFS})
		}
	}
	return defaultSet()
}

// pickCatalogue returns the catalogue the renderer speaks: opts.Language,
// else the site's language.
func pickCatalogue(siteLanguage string, themeFS fs.FS, opts Options) (*i18n.Catalogue, error) {
	set, err := Catalogues(themeFS)
	if err != nil {
		return nil, err // each an *i18n.Error, which names its file
	}
	code := opts.Language
	if code == "" {
		// The site's main language; a site whose language the theme has
		// no catalogue for is written in English, as before catalogues.
		code = siteLanguage
		if code == "" || !set.Completeness(code).Found {
			code = i18n.English
		}
	}
	return set.Catalogue(code)
}

// htmlValue writes a value into a message on a page: escaped as
// html/template escapes text, unless it is already template.HTML (a link,
// a word in bold). In a language written right to left, a value written
// in Latin letters (a school's or a person's name, a place) is isolated
// in <bdi>, so that it reads left to right and does not carry the
// sentence's punctuation off with it.
func (l lang) htmlValue(v any) string {
	if h, ok := v.(template.HTML); ok {
		return string(h)
	}
	s := htmlEscaper.Replace(l.c.Value(v))
	str, ok := v.(string)
	switch {
	case !ok || !l.c.RTL:
	case hasLatin(str):
		return "<bdi>" + s + "</bdi>"
	case phoneLike(str):
		// A number in groups ("01752 123456") has no letter to tell its
		// direction by: unisolated, a right-to-left sentence would put
		// its groups in the opposite order.
		return `<bdi dir="ltr">` + s + "</bdi>"
	}
	return s
}

// phoneLike reports whether s is a number written in groups, as a phone
// number is: only digits 0-9 (at least six), spaces, "+", "-", "(" and ")",
// with at least one of those between the digits.
func phoneLike(s string) bool {
	digits, others := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '+' || r == '-' || r == '(' || r == ')':
			others++
		default:
			return false
		}
	}
	return digits >= 6 && others > 0
}

// hasLatin reports whether s has a letter of the Latin script.
func hasLatin(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}

// htmlEscaper is html/template's escaping of text, so that a value put
// into a message reads the same as the value put into the page.
var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// t writes a message as HTML: {{t "key" "name" value ...}}.
func (l lang) t(key string, args ...any) (template.HTML, error) {
	s, err := l.c.HTML(key, nil, args, l.htmlValue)
	return template.HTML(s), err
}

// tn writes a plural message for the count n as HTML: {{tn "key" n ...}}.
func (l lang) tn(key string, n int, args ...any) (template.HTML, error) {
	s, err := l.c.HTML(key, &n, args, l.htmlValue)
	return template.HTML(s), err
}

// tplain writes a message as plain text, for what escapes it itself (the
// glossary's linking, an attribute).
func (l lang) tplain(key string, args ...any) (string, error) {
	return l.c.Get(key, args...)
}

// messageFuncs are the template functions of the catalogue: t, tn, tplain,
// and a and strong to make the links and bold words that messages take.
func (r *Renderer) messageFuncs() template.FuncMap {
	return template.FuncMap{
		"t":      r.l.t,
		"tn":     r.l.tn,
		"tplain": r.l.tplain,
		"tnplain": func(key string, n int, args ...any) (string, error) {
			return r.l.c.GetN(key, n, args...)
		},
		"a":      link,
		"strong": func(x any) template.HTML { return "<strong>" + asHTML(x) + "</strong>" },
	}
}

// asHTML writes x as HTML: template.HTML as it is, anything else escaped.
func asHTML(x any) template.HTML {
	if h, ok := x.(template.HTML); ok {
		return h
	}
	return template.HTML(htmlEscaper.Replace(fmt.Sprint(x)))
}

// linkTemplates write a link as a template would, so that its address is
// checked and escaped by html/template's rules: tel: and sms: links (which
// html/template does not know as safe) with their scheme written in the
// template, as a theme's own template would write them.
var linkTemplates = map[string]*template.Template{
	"":     template.Must(template.New("a").Parse(`<a href="{{.Href}}">{{.Text}}</a>`)),
	"tel:": template.Must(template.New("a").Parse(`<a href="tel:{{.Href}}">{{.Text}}</a>`)),
	"sms:": template.Must(template.New("a").Parse(`<a href="sms:{{.Href}}">{{.Text}}</a>`)),
}

// link writes <a href="href">text</a>, for a message's placeholder:
// {{t "key" "link" (a (url "/x/") (t "key.link"))}}.
// The address may be a template.URL (webcal gives one), which is trusted
// as it is.
func link(href any, text any) (template.HTML, error) {
	t := linkTemplates[""]
	if s, ok := href.(string); ok {
		for _, scheme := range []string{"tel:", "sms:"} {
			if rest, ok := strings.CutPrefix(s, scheme); ok {
				t, href = linkTemplates[scheme], rest
			}
		}
	}
	var b strings.Builder
	err := t.Execute(&b, struct {
		Href any
		Text template.HTML
	}{href, asHTML(text)})
	return template.HTML(b.String()), err
}

// chartWords are the charts' words in the renderer's language.
func (l lang) chartWords() *chart.Words {
	c := l.c
	return &chart.Words{
		Number:   c.Number,
		Points:   func(v float64) string { return pointsWords(c, v) },
		NoChange: c.Raw("chart.no_change"), Up: c.Raw("chart.up"), Down: c.Raw("chart.down"),
		Latest: c.Raw("chart.latest"), Moved: c.Raw("chart.moved"), Still: c.Raw("chart.still"),
		Target: c.Raw("chart.target"), TargetIs: c.Raw("chart.target_sentence"),
		HigherBetter: c.Raw("chart.higher_better"), LowerBetter: c.Raw("chart.lower_better"),
		ScaleStarts: c.Raw("chart.scale_starts"),
		Agree:       c.Raw("chart.agree"), Disagree: c.Raw("chart.disagree"), DontKnow: c.Raw("chart.dont_know"), Unanswered: c.Raw("chart.unanswered"),
		AgreePart: c.Raw("chart.agree_part"), DisagreePart: c.Raw("chart.disagree_part"), DontKnowPart: c.Raw("chart.dont_know_part"),
		UnansweredPart: c.Raw("chart.unanswered_part"), Sep: c.Raw("chart.separator"),
	}
}

// pointsWords writes a difference of percentages, "7.5 percentage
// points": a whole number takes its plural form, a fraction "other".
func pointsWords(c *i18n.Catalogue, v float64) string {
	if v == float64(int(v)) {
		return c.N("chart.percentage_points", int(v))
	}
	return c.T("chart.percentage_points", "count", c.Number(v))
}
