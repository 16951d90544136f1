package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	theme "github.com/parentpages/parentpages/themes/default"
)

// A page's frame repeats: the header and footer are the same on nearly
// every page, a school's menu the same on its fifteen update pages. The default theme calls those
// parts with {{partial "name" .}}, which renders a part once per school and
// then reuses it. It does so only where the part is the default theme's
// own, whose inputs are known (memoKeys); a site's theme that redefines a
// part gets it rendered on every page, as {{template}} would.

// memoKeys says, for each part that may be reused, what its output depends
// on besides the school: the key under which it is kept.
var memoKeys = map[string]func(*Page) string{
	// The site's organisation and pages.
	"site-footer": func(*Page) string { return "" },
	// The site's title and menu, and which item of the menu, if any, is
	// the current page.
	"site-header": func(pg *Page) string {
		if pg.Path == "/" {
			return pg.Path
		}
		for _, p := range pg.Menu {
			if p.URL() == pg.Path {
				return pg.Path
			}
		}
		return ""
	},
	// The school, which item is the current page, and whether it is the
	// overview.
	"school-nav": func(pg *Page) string {
		return pg.Kind + " " + strconv.FormatBool(pg.School != nil && pg.Path == pg.School.URL())
	},
}

// memo holds the parts rendered for one school's pages (or the site
// pages'). It belongs to one goroutine.
type memo map[string]template.HTML

// defaultParts returns the parse trees of the default theme's reusable
// parts, as text, to compare a site's theme with.
func defaultParts(funcs template.FuncMap) (map[string]string, error) {
	t, err := parseFrame(theme.FS, funcs)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for name := range memoKeys {
		if d := t.Lookup(name); d != nil && d.Tree != nil {
			out[name] = d.Tree.Root.String()
		}
	}
	return out, nil
}

// reusable reports, for a page template set, which parts are the default
// theme's own.
func reusable(t *template.Template, defaults map[string]string) map[string]bool {
	ok := map[string]bool{}
	for name, want := range defaults {
		if d := t.Lookup(name); d != nil && d.Tree != nil && d.Tree.Root.String() == want {
			ok[name] = true
		}
	}
	return ok
}

// partial renders the named template with pg, as {{template name .}}
// would, reusing what it rendered for an earlier page where it can.
func (r *Renderer) partial(name string, pg *Page) (template.HTML, error) {
	if pg == nil {
		return "", fmt.Errorf("partial %q: given no page", name)
	}
	t := r.pages[pg.Kind]
	if t == nil {
		return "", fmt.Errorf("partial %q: no templates for a %q page", name, pg.Kind)
	}
	key := ""
	if keyOf := memoKeys[name]; keyOf != nil && r.reuse[pg.Kind][name] && pg.memo != nil {
		key = name + "\x00" + keyOf(pg)
		if h, ok := pg.memo[key]; ok {
			return h, nil
		}
	}
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, pg); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	if key != "" {
		pg.memo[key] = h
	}
	return h, nil
}
