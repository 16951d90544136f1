package render

import (
	"html/template"
	"sync"

	"github.com/parentpages/parentpages/internal/markdown"
	"github.com/parentpages/parentpages/internal/site"
)

// On a page in another language, the text the PSA wrote that has no
// translation into it is shown in the main language (English), marked so
// that screen readers read it with an English voice and translation tools
// know it: inside an element with lang (and dir, on a page written the
// other way). Which text is untranslated is the school's copy in the
// language's to say (site.School.English); a renderer renders several
// schools at once, so it keeps the copies it is rendering, by their
// listing, which each meeting and update of the copy points to.

// schools are the copies of schools a renderer is rendering, by listing.
type schools struct{ m sync.Map } // *site.Listing -> *site.School

func (ss *schools) add(s *site.School)  { ss.m.Store(s.Listing, s) }
func (ss *schools) drop(s *site.School) { ss.m.Delete(s.Listing) }

// of returns the school copy being rendered that l lists, or nil.
func (ss *schools) of(l *site.Listing) *site.School {
	if v, ok := ss.m.Load(l); ok {
		return v.(*site.School)
	}
	return nil
}

// englishOf returns what says whether a text of ctx (a page, a school, a
// listing, a meeting or an update) is left in English.
func (r *Renderer) englishOf(ctx any) func(string) bool {
	var l *site.Listing
	switch c := ctx.(type) {
	case *Page:
		if c.School != nil {
			return c.School.English
		}
		return c.Site.English
	case *site.School:
		return c.English
	case *site.Listing:
		l = c
	case site.MeetingAt:
		l = c.Meeting.School
	case *site.Meeting:
		l = c.School
	case *site.Update:
		l = c.School
	}
	if s := r.active.of(l); s != nil {
		return s.English
	}
	return func(string) bool { return false }
}

// english writes text, which belongs to ctx, as HTML: marked as in the
// main language where ctx's copy left it untranslated.
func (r *Renderer) english(ctx any, text string) template.HTML {
	h := template.HTML(template.HTMLEscapeString(text))
	if r.language() == "" || text == "" || !r.englishOf(ctx)(text) {
		return h
	}
	return "<span" + template.HTML(r.mainLangAttrs()) + ">" + h + "</span>"
}

// mainLangAttrs are the attributes that mark an element as written in the
// main language: lang, and dir where it runs the other way from r's.
func (r *Renderer) mainLangAttrs() string {
	main := r.opts.Languages[0]
	a := ` lang="` + template.HTMLEscapeString(main.Code) + `"`
	if main.Dir != r.dir() {
		a += ` dir="` + main.Dir + `"`
	}
	return a
}

// markdownHTML writes a Markdown text as HTML; on a page in another
// language, one the school's copy (or the site's, for a site page) left
// untranslated is put in an element marked as in the main language. A
// text is known by its Doc, which belongs to one school, so whichever
// school is being rendered, the answer is the same.
func (r *Renderer) markdownHTML(d *markdown.Doc) template.HTML {
	if d == nil {
		return ""
	}
	h := template.HTML(r.md.HTML(d))
	if r.language() == "" || !r.englishDoc(d) {
		return h
	}
	return "<div" + template.HTML(r.mainLangAttrs()) + ">" + h + "</div>"
}

// englishDoc reports whether d is left untranslated by the site's copy in
// r's language or by a school copy being rendered.
func (r *Renderer) englishDoc(d *markdown.Doc) bool {
	if r.site.EnglishDoc(d) {
		return true
	}
	found := false
	r.active.m.Range(func(_, v any) bool {
		found = v.(*site.School).EnglishDoc(d)
		return !found
	})
	return found
}
