package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"strings"

	"github.com/parentpages/parentpages/internal/i18n"
)

// A site may be published in more languages than its main one (site.yaml's
// `languages`): each gets the whole site again under /<code>/, made by a
// Renderer of its own (Options.Language). The model's site paths are the
// main language's ("/schools/x/"); a renderer writes them, and the links
// to them, in its language: "/pl/schools/x/". What is never published per
// language keeps its one path: the files a school publishes, the theme's
// assets, the editor, robots.txt and the sitemap, and any page missing in
// the language (an update not translated into it), whose links lead to
// the main language's page.

// Language is one language a site is published in.
type Language struct {
	Code string // as site.yaml writes it: the main language's tag, or the code of another
	Name string // the language's name in that language, as the switcher shows it
	Dir  string // "ltr" or "rtl"
	Main bool   // the site's main language, published at the root
}

// LanguageLink is one entry of a page's language switcher: the same page
// in a language it exists in.
type LanguageLink struct {
	Code, Name, Dir string
	URL             string // the page in that language, with the base path
	Abs             string // the same as an absolute URL
	Current         bool   // the language of this page
}

// Alternate is one `<link rel="alternate" hreflang>` of a page's head:
// the page in a language (Hreflang a language's code), or the page a
// reader whose language the site does not have is sent to ("x-default":
// the main language's).
type Alternate struct {
	Hreflang, Href string
}

// has reports whether r publishes the page at site path p: every page in
// the main language, and those not missing in another.
func (r *Renderer) has(p string) bool {
	return r.language() == "" || r.inLanguage(r.language(), p)
}

// language returns the code of the language r writes, which is also the
// folder it publishes in: "" for the main language. A renderer given a
// Language that is not among Options.Languages (a theme's test) writes in
// that language at the main language's paths.
func (r *Renderer) language() string { return r.folder }

// folderOf returns the folder of opts.Language (see language).
func folderOf(opts Options) string {
	for _, l := range opts.Languages {
		if !l.Main && l.Code == opts.Language {
			return l.Code
		}
	}
	return ""
}

// Lang is the tag of the language r writes, for `lang` attributes.
func (r *Renderer) lang() string {
	if r.opts.Language == "" {
		return r.site.Language
	}
	return r.opts.Language
}

// dir is "rtl" where r's language is written right to left, else "ltr".
func (r *Renderer) dir() string {
	for _, l := range r.opts.Languages {
		if l.Code == r.lang() && l.Dir != "" {
			return l.Dir
		}
	}
	return "ltr"
}

// local writes a site path of the main language as the path of the same
// file in r's language, where the language has it.
func (r *Renderer) local(sitePath string) string {
	return r.localIn(r.language(), sitePath)
}

// localIn writes a site path of the main language as the path of the same
// file in language code ("": the main), where that language has it; else
// the path is left as it is, leading to the main language's file.
func (r *Renderer) localIn(code, sitePath string) string {
	if code == "" || !r.inLanguage(code, sitePath) {
		return sitePath
	}
	return "/" + code + sitePath
}

// inLanguage reports whether the file at site path p (which may end in a
// #fragment or ?query) is published in language code, which is not the
// main one.
func (r *Renderer) inLanguage(code, p string) bool {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") {
		return false // a web address, mailto:, or not a site path
	}
	if i := strings.IndexAny(p, "#?"); i >= 0 {
		p = p[:i]
	}
	if !PerLanguage(p) {
		return false
	}
	return r.opts.Missing == nil || !r.opts.Missing(code, p)
}

// PerLanguage reports whether the file at site path p is one of those
// each language publishes again under /<code>/ (pages, feeds, calendars),
// rather than one the languages share (a school's files and the sizes of
// its photos, the theme's assets, the editor, robots.txt, the sitemap).
func PerLanguage(p string) bool {
	switch {
	case strings.HasPrefix(p, "/assets/"), strings.HasPrefix(p, "/admin/"),
		p == "/robots.txt", p == "/sitemap.xml", p == "/"+redirectsFile, p == "/_headers":
		return false
	case strings.HasPrefix(p, "/schools/"):
		rest := strings.TrimPrefix(p, "/schools/")
		_, rest, _ = strings.Cut(rest, "/")
		return !strings.HasPrefix(rest, "files/") && !strings.HasPrefix(rest, "images/")
	}
	return true
}

// languageLinks returns the switcher's entries for the page at sitePath
// (a main-language site path) and the alternates for its head; nil for a
// site with one language.
func (r *Renderer) languageLinks(sitePath string) ([]LanguageLink, []Alternate) {
	if len(r.opts.Languages) == 0 {
		return nil, nil
	}
	var links []LanguageLink
	var alts []Alternate
	for _, l := range r.opts.Languages {
		code := l.Code
		if l.Main {
			code = ""
		} else if !r.inLanguage(code, sitePath) {
			continue
		}
		p := r.localIn(code, sitePath)
		links = append(links, LanguageLink{Code: l.Code, Name: l.Name, Dir: l.Dir, URL: r.rooted(p), Abs: r.absRooted(p),
			Current: code == r.language()})
		alts = append(alts, Alternate{Hreflang: l.Code, Href: r.absRooted(p)})
	}
	alts = append(alts, Alternate{Hreflang: "x-default", Href: r.absRooted(sitePath)})
	return links, alts
}

// outPath is the output path of the file at site path p in r's language.
func (r *Renderer) outPath(p string) string {
	return strings.TrimPrefix(r.local(p), "/")
}

// prodLang is the language of a calendar's text as its PRODID names it:
// "EN" for the main language, as before there were others.
func (r *Renderer) prodLang() string {
	if r.language() == "" {
		return "EN"
	}
	return strings.ToUpper(r.opts.Language)
}

// redirectsFile is Netlify's list of redirects, published on a site in
// more than one language.
const redirectsFile = "_redirects"

// redirects tells Netlify to answer an address under a language's folder
// that has no page with that language's 404 page: "/pl/*" with
// /pl/404.html. (Without it, Netlify answers with the main language's
// /404.html, as it does for the rest of the site.) A rule applies only
// where no file is at the address.
func (r *Renderer) redirects() Output {
	var b strings.Builder
	b.WriteString("# Each language's 404 page for the addresses under its folder.\n")
	for _, l := range r.opts.Languages {
		if !l.Main {
			b.WriteString(r.rooted("/"+l.Code+"/*") + "  " + r.rooted("/"+l.Code+"/404.html") + "  404\n")
		}
	}
	return Output{Path: redirectsFile, MediaType: "text/plain; charset=utf-8", Body: []byte(b.String())}
}

// Describe fills in, from the theme's catalogue of each language, its
// direction, and its name where none is given (the main language's, which
// site.yaml does not name). A language with no catalogue is an error, as
// for New.
func Describe(themeFS fs.FS, langs []Language) error {
	set, err := Catalogues(themeFS)
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	for i := range langs {
		c, err := set.Catalogue(langs[i].Code)
		if err != nil {
			return err
		}
		langs[i].Dir = c.Dir()
		if langs[i].Name == "" {
			langs[i].Name = c.Name
		}
	}
	return nil
}

// englishCatalogue returns the theme's English catalogue.
func englishCatalogue(themeFS fs.FS) (lang, error) {
	set, err := Catalogues(themeFS)
	if err != nil {
		return lang{}, fmt.Errorf("theme: %w", err)
	}
	c, err := set.Catalogue(i18n.English)
	return lang{c}, err
}

// languageFuncs are the template functions of a site in more than one
// language.
func (r *Renderer) languageFuncs() template.FuncMap {
	return template.FuncMap{
		"untranslated": r.untranslated,
		"english":      r.english,
		"tEnglish":     r.en.t,
	}
}

// untranslated returns the attributes that mark the title or summary of
// the page at site path p as written in the main language, on a page in
// another language that does not have p (an update not translated into
// it), so that screen readers and translation tools know: lang, and dir
// where the two languages run in different directions. It returns nothing
// where the page's language has p.
func (r *Renderer) untranslated(p string) template.HTMLAttr {
	if r.has(p) {
		return ""
	}
	return template.HTMLAttr(r.mainLangAttrs())
}
