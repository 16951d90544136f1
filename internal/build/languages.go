package build

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/incremental"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/site"
)

// A site with `languages` in site.yaml is built once for its main
// language, as a site without them is, and again for each other language
// under /<code>/ by a renderer of that language. Each school is modelled
// once and rendered in every language while it is loaded; the units of
// another language are the main language's with the code in front
// ("pl/oakfield-primary", "pl/@feed"), so that the cache reuses each
// language's files as it does the main language's.

// languages is what a build knows of the site's languages.
type languages struct {
	list []render.Language // the main first; nil for a site in one language
	// missing holds, by code, the site paths of the pages that language
	// does not have: updates and site pages with no translation into it.
	missing map[string]map[string]bool
	key     string // names missing, for the units that list every page
}

// siteLanguages returns the languages of the site of c, whose pages are
// s's and whose schools are entries.
func siteLanguages(c *content.Content, s *site.Site, entries []*site.Entry) *languages {
	ls := &languages{missing: map[string]map[string]bool{}}
	if len(c.Site.Languages) == 0 {
		return ls
	}
	main := c.Site.Language
	// Their names (the main language's) and directions come from the
	// theme's catalogues: see render.Describe.
	ls.list = append(ls.list, render.Language{Code: main, Main: true})
	var keys []string
	for _, l := range c.Site.Languages {
		ls.list = append(ls.list, render.Language{Code: l.Code, Name: l.Name})
		missing := map[string]bool{}
		// A Markdown file is translated by a file beside it with the
		// code before ".md" (CONTENT-FORMAT, "Languages").
		translated := func(has func(string) bool, p string) bool {
			return has(strings.TrimSuffix(p, ".md") + "." + l.Code + ".md")
		}
		for _, e := range entries {
			has := func(p string) bool { return e.Paths[p] }
			for _, u := range e.Updates {
				if !translated(has, u.Path) {
					missing["/schools/"+e.Slug+"/updates/"+u.Slug+"/"] = true
				}
			}
		}
		for _, p := range s.Pages {
			if !translated(func(p string) bool { return c.Paths[p] }, p.Source) {
				missing[p.URL()] = true
			}
		}
		ls.missing[l.Code] = missing
		keys = append(keys, l.Code)
		keys = append(keys, slices.Sorted(maps.Keys(missing))...)
	}
	ls.key = incremental.Combine(keys...)
	return ls
}

// others are the languages but the main one.
func (ls *languages) others() []render.Language {
	if len(ls.list) == 0 {
		return nil
	}
	return ls.list[1:]
}

// isMissing reports whether the page at site path p is missing in
// language code (render.Options.Missing).
func (ls *languages) isMissing(code, p string) bool { return ls.missing[code][p] }

// has reports whether output path op of language code is published,
// given has, which reports it of the main language's output paths.
func (ls *languages) has(code, op string, has func(string) bool) bool {
	return render.PerLanguage("/"+op) && !ls.isMissing(code, "/"+strings.TrimSuffix(op, "index.html")) && has(op)
}

// split returns the language of output path op (its code, "" for the
// main language) and the main language's output path of the same file.
func (ls *languages) split(op string) (code, main string) {
	i, main := render.LanguageOf(ls.list, op)
	if i == 0 {
		return "", main
	}
	return ls.list[i].Code, main
}

// unit names a unit of language code: the main language's name with the
// code in front.
func unitIn(code, unit string) string {
	if code == "" {
		return unit
	}
	return code + "/" + unit
}

// schoolIn is sch as language code shows it: its copy with the
// translations put in.
func schoolIn(sch *site.School, code string) *site.School {
	if c := sch.In(code); c != nil {
		return c
	}
	return sch
}

// missingCatalogues reports, at its entry in site.yaml, each of the site's
// other languages the theme has no message catalogue for, or one that
// lacks messages English has: a build cannot write its pages, and a
// check fails as the build would (after saying how complete each
// catalogue is: Result.Languages).
func missingCatalogues(in *inputs) content.Diagnostics {
	if len(in.content.Site.Languages) == 0 {
		return nil
	}
	set, err := render.Catalogues(in.theme.FS)
	if err != nil || set == nil {
		return nil // the catalogues' own mistakes are reported as the renderers are made
	}
	var ds content.Diagnostics
	for _, l := range in.content.Site.Languages {
		c := set.Completeness(l.Code)
		switch {
		case !c.Found:
			_, err := set.Catalogue(l.Code)
			ds.Errorf("site.yaml", l.At("code"), "%v; or remove the language from `languages`", err)
		case len(c.Missing) > 0:
			ds.Errorf("site.yaml", l.At("code"), "the theme's message catalogue for %q (%s) has %d of the %d messages English has: it lacks %s; add them (en.yaml has each in English), or remove the language from `languages`",
				l.Code, c.Catalogue.File, c.Messages, c.Of, someKeys(c.Missing, 5))
		}
	}
	return ds
}

// someKeys names the first n of keys, quoted, and how many more there are.
func someKeys(keys []string, n int) string {
	var b strings.Builder
	for i, k := range keys[:min(n, len(keys))] {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", k)
	}
	if more := len(keys) - n; more > 0 {
		fmt.Fprintf(&b, " and %d more", more)
	}
	return b.String()
}
