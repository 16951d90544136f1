package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
)

// A page's frame repeats: the header and footer are the same on nearly
// every page, a school's menu the same on its fifteen update pages. A
// theme says which parts may be rendered once and reused, and what they
// depend on, with {{partialCached "name" . key...}}: the part is rendered
// once for each key among the pages of one school (or among the site-wide
// pages, which share no part with a school's), and reused for the rest.
// {{partial "name" .}} renders the part every time, as {{template}} would.
//
// The keys are the template's to give: a part that reads anything of the
// page that its keys do not cover shows the first page's on the others.

// memo holds the parts rendered for one school's pages (or the site
// pages'). It belongs to one goroutine.
type memo map[string]template.HTML

// partial renders the named template with pg, as {{template name .}}
// would, but as a value, which {{partialCached}} can also give.
func (r *Renderer) partial(name string, pg *Page) (template.HTML, error) {
	t, err := r.pageTemplates(name, pg)
	if err != nil {
		return "", err
	}
	return execute(t, name, pg)
}

// partialCached renders the named template with pg once for each key
// among the pages that share pg's memo, and reuses it.
func (r *Renderer) partialCached(name string, pg *Page, key ...any) (template.HTML, error) {
	t, err := r.pageTemplates(name, pg)
	if err != nil {
		return "", err
	}
	// Which file defined it is read from what parsing found, not from the
	// template's tree: html/template rewrites a tree when it first
	// executes it, which another page may be doing at the same time.
	file, ok := r.files[pg.Kind][name]
	if !ok {
		return "", fmt.Errorf("partialCached %q: no such template", name)
	}
	if pg.memo == nil {
		return execute(t, name, pg)
	}
	// Every kind of page has its templates, which share the frame's
	// partials; a page's own template may redefine one, so the file that
	// defined it is part of the key. (Looking up string(k) does not copy.)
	k := make([]byte, 0, 64)
	k = append(append(append(k, name...), 0), file...)
	for _, v := range key {
		k = appendKey(append(k, 0), v)
	}
	if h, ok := pg.memo[string(k)]; ok {
		return h, nil
	}
	h, err := execute(t, name, pg)
	if err == nil {
		pg.memo[string(k)] = h
	}
	return h, err
}

// definedIn maps, for each kind of page, each of its templates to the
// file that defined it, as parsed (before any is executed).
func definedIn(pages map[string]*template.Template) map[string]map[string]string {
	files := make(map[string]map[string]string, len(pages))
	for kind, t := range pages {
		m := map[string]string{}
		for _, d := range t.Templates() {
			if d.Tree != nil {
				m[d.Name()] = d.Tree.ParseName
			}
		}
		files[kind] = m
	}
	return files
}

// pageTemplates returns the templates of pg's kind of page.
func (r *Renderer) pageTemplates(name string, pg *Page) (*template.Template, error) {
	if pg == nil {
		return nil, fmt.Errorf("partial %q: given no page", name)
	}
	t := r.pages[pg.Kind]
	if t == nil {
		return nil, fmt.Errorf("partial %q: no templates for a %q page", name, pg.Kind)
	}
	return t, nil
}

func execute(t *template.Template, name string, pg *Page) (template.HTML, error) {
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, pg); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// appendKey appends one key of partialCached to k: strings, numbers and
// booleans by value (with their type, so that "1" and 1 differ), and what
// a pointer, slice or map refers to by its address (a school is the same
// school).
func appendKey(k []byte, v any) []byte {
	switch v := v.(type) {
	case string:
		return append(append(k, 's'), v...)
	case bool:
		return strconv.AppendBool(k, v)
	case int:
		return strconv.AppendInt(append(k, 'i'), int64(v), 10)
	case nil:
		return append(k, "nil"...)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return fmt.Appendf(k, "%T@%x", v, rv.Pointer())
	case reflect.Slice:
		return fmt.Appendf(k, "%T@%x/%d", v, rv.Pointer(), rv.Len())
	}
	return fmt.Appendf(k, "%T:%v", v, v)
}
