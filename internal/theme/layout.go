package theme

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
	defaulttheme "github.com/parentpages/parentpages/themes/default"
)

// PageKinds returns the kinds of page, in the order they are parsed:
// templates/<kind>.html defines the "main" of each.
func PageKinds() []string {
	return []string{"home", "page", "school", "inspection", "action-plan", "meetings", "views", "updates", "update", "letter", "404"}
}

// used reports whether the renderer reads the theme file name (a slash
// path in the theme folder): templates/base.html, a page kind's template,
// the partials (templates/partials/*.html), everything under assets/,
// which is published as it is, and the message catalogues
// (i18n/<code>.yaml, package i18n).
func used(name string) bool {
	dir, file := path.Split(name)
	switch {
	case strings.HasPrefix(name, "assets/"):
		return true
	case dir == "i18n/" && path.Ext(file) == ".yaml":
		return true
	case path.Ext(file) != ".html":
		return false
	case dir == "templates/partials/":
		return true
	case dir == "templates/":
		kind := strings.TrimSuffix(file, ".html")
		return kind == "base" || slices.Contains(PageKinds(), kind)
	}
	return false
}

// documentation reports whether a file at the top of a theme folder
// describes the theme (README.md, LICENSE): nothing uses it, and nothing
// needs to.
func documentation(name string) bool {
	upper := strings.ToUpper(name)
	return !strings.Contains(name, "/") && slices.ContainsFunc([]string{"README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS"},
		func(prefix string) bool { return strings.HasPrefix(upper, prefix) })
}

// unused warns of each file of the site's theme that nothing reads, such
// as templates/schol.html for templates/school.html, with the files it may
// have meant.
func (t *Theme) unused() content.Diagnostics {
	var ds content.Diagnostics
	var known []string
	for _, kind := range append([]string{"base"}, PageKinds()...) {
		known = append(known, "templates/"+kind+".html")
	}
	fs.WalkDir(defaulttheme.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !slices.Contains(known, p) {
			known = append(known, p)
		}
		return nil
	})
	for _, name := range slices.Sorted(t.own.names()) {
		if used(name) || documentation(name) {
			continue
		}
		msg := "nothing uses this file: a theme has templates/base.html, templates/<kind>.html for each kind of page (" +
			strings.Join(PageKinds(), ", ") + "), message catalogues i18n/<code>.yaml, templates/partials/*.html and files under assets/"
		if near := nearest(name, known); len(near) > 0 {
			msg += "; did you mean " + strings.Join(near, " or ") + "?"
		}
		ds.Warnf(t.setting+"/"+name, content.Pos{}, "%s", msg)
	}
	return ds
}

// nearest returns the names a mistyped name may have meant: those within a
// few edits of it, closest first.
func nearest(name string, names []string) []string {
	limit := max(2, len(name)/8)
	type scored struct {
		name string
		d    int
	}
	var near []scored
	for _, n := range names {
		if d := content.EditDistance(name, n); d <= limit {
			near = append(near, scored{n, d})
		}
	}
	slices.SortStableFunc(near, func(a, b scored) int { return a.d - b.d })
	out := make([]string, len(near))
	for i, s := range near {
		out[i] = s.name
	}
	return out
}
