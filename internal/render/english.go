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

// schools are the copies of schools a renderer is rendering, by listing,
// and, for each copy rendered, which of the texts its listing holds (its
// meetings' titles and places) it left in English: the site-wide pages,
// made once every school has been let go of, list them.
type schools struct {
	m      sync.Map // *site.Listing -> *site.School
	listed sync.Map // *site.Listing -> map[string]bool
}

func (ss *schools) add(s *site.School)  { ss.m.Store(s.Listing, s) }
func (ss *schools) drop(s *site.School) { ss.m.Delete(s.Listing) }

// Listed keeps what the site-wide pages in r's language need to mark the
// texts of s's listing left in English, once s is let go of. The build
// tells it of every school's copy in the language, rendered or not (its
// files reused), before the site-wide pages are made.
func (r *Renderer) Listed(s *site.School) {
	en := map[string]bool{}
	for _, m := range s.Listing.Meetings {
		for _, t := range []string{m.Title, m.Location} {
			if s.English(t) {
				en[t] = true
			}
		}
	}
	r.active.listed.Store(s.Listing, en)
}

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
	if en, ok := r.active.listed.Load(l); ok {
		return func(t string) bool { return en.(map[string]bool)[t] }
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

// KeepListed forgets what Listed kept for listings other than ls (the dev
// server's renderer outlives the schools of one build).
func (r *Renderer) KeepListed(ls []*site.Listing) {
	keep := make(map[*site.Listing]bool, len(ls))
	for _, l := range ls {
		keep[l] = true
	}
	r.active.listed.Range(func(k, _ any) bool {
		if !keep[k.(*site.Listing)] {
			r.active.listed.Delete(k)
		}
		return true
	})
}
