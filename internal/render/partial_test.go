package render

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/parentpages/parentpages/internal/content/contenttest"
	"github.com/parentpages/parentpages/internal/site"
	theme "github.com/parentpages/parentpages/themes/default"
)

// partialSite is a school with an overview, two updates and the other
// pages, for the tests of parts reused between pages.
func partialSite(t *testing.T) (*modelled, fstest.MapFS) {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: Test\nbase_url: https://example.org/\norganisation:\n  name: Parent Partnership\n  phone: 01234 567890\n")},
		"pages/glossary.md": {Data: []byte("---\ntitle: Glossary\n---\n\nWords.\n")},
		"schools/oak/school.yaml": {Data: []byte(`name: Oak School
psa:
  name: Ffion
  email: ffion@example.org
inspections:
  - start: 2026-01-20
    published: 2026-03-01
    framework: eif-2019
    overall: requires improvement
`)},
		"schools/oak/updates/2026-10-01-first.md":  {Data: []byte("---\ntitle: First news\n---\n\nOne.\n")},
		"schools/oak/updates/2026-11-01-second.md": {Data: []byte("---\ntitle: Second news\n---\n\nTwo.\n")},
	}
	return loadSite(t, fsys), fsys
}

// loadSite loads and models a content folder that must have no errors,
// as on 29 November 2026.
func loadSite(t *testing.T, fsys fstest.MapFS) *modelled {
	t.Helper()
	c, ds := contenttest.Load(fsys)
	if ds.HasErrors() {
		t.Fatalf("content: %v", ds)
	}
	s, schools, ds := site.Model(c, site.Config{Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), NowIsDate: true})
	if ds.HasErrors() {
		t.Fatalf("site: %v", ds)
	}
	m := &modelled{Site: s, Schools: schools}
	for _, sch := range schools {
		m.Listings = append(m.Listings, sch.Listing)
	}
	return m
}

// modelled is a site modelled whole, for tests.
type modelled struct {
	*site.Site
	Schools  []*site.School
	Listings []*site.Listing
}

func pagesOf(t *testing.T, r *Renderer, s *site.School) map[string]string {
	t.Helper()
	outs, err := r.School(s)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	for _, o := range outs {
		if strings.HasSuffix(o.Path, ".html") {
			pages[o.Path] = string(o.Body)
		}
	}
	return pages
}

func TestPartialsOfTheDefaultThemeAreReused(t *testing.T) {
	s, fsys := partialSite(t)
	r, err := New(s.Site, theme.FS, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range pageKinds {
		for name := range memoKeys {
			if !r.reuse[kind][name] {
				t.Errorf("%s pages: the default theme's %q is not reused", kind, name)
			}
		}
	}
	pages := pagesOf(t, r, s.Schools[0])
	// The menu marks the current page, which differs between the pages
	// that share it.
	for path, want := range map[string]string{
		"schools/oak/index.html":                `<a href="/schools/oak/" aria-current="page">Overview</a>`,
		"schools/oak/inspection/index.html":     `<a href="/schools/oak/inspection/" aria-current="page">Inspections</a>`,
		"schools/oak/updates/index.html":        `<a href="/schools/oak/updates/" aria-current="page">Updates</a>`,
		"schools/oak/updates/first/index.html":  `<a href="/schools/oak/updates/" aria-current="true">Updates</a>`,
		"schools/oak/updates/second/index.html": `<a href="/schools/oak/updates/" aria-current="true">Updates</a>`,
	} {
		page, ok := pages[path]
		if !ok {
			t.Errorf("no page %s", path)
			continue
		}
		if !strings.Contains(page, want) {
			t.Errorf("%s does not contain\n%s", path, want)
		}
		if path != "schools/oak/index.html" && strings.Contains(page, `<a href="/schools/oak/" aria-current`) {
			t.Errorf("%s marks the overview as the current page", path)
		}
		if !strings.Contains(page, `<h2 class="footer-title">Parent Partnership</h2>`) {
			t.Errorf("%s has no footer", path)
		}
	}
}

// A site's theme that redefines a part gets it rendered for every page,
// whatever it reads.
func TestPartialsOfASitesThemeAreRenderedEachTime(t *testing.T) {
	s, fsys := partialSite(t)
	th := copyTheme(t, map[string]string{
		"templates/partials/school-nav.html":  `{{define "school-nav"}}<p class="nav">{{.Title}}</p>{{end}}`,
		"templates/partials/site-footer.html": `{{define "site-footer"}}<footer>{{.Path}}</footer>{{end}}`,
		"templates/partials/site-header.html": `{{define "site-header"}}<header class="mine">{{.Title}}</header>{{end}}`,
	})
	r, err := New(s.Site, th, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range pageKinds {
		for name := range memoKeys {
			if r.reuse[kind][name] {
				t.Errorf("%s pages: the site's own %q is reused", kind, name)
			}
		}
	}
	pages := pagesOf(t, r, s.Schools[0])
	for path, title := range map[string]string{
		"schools/oak/updates/first/index.html":  "First news",
		"schools/oak/updates/second/index.html": "Second news",
	} {
		for _, want := range []string{`<p class="nav">` + title + `</p>`, `<header class="mine">` + title + `</header>`} {
			if !strings.Contains(pages[path], want) {
				t.Errorf("%s does not contain\n%s", path, want)
			}
		}
		if foot := "<footer>/" + strings.TrimSuffix(path, "index.html") + "</footer>"; !strings.Contains(pages[path], foot) {
			t.Errorf("%s does not contain\n%s", path, foot)
		}
	}
}

// copyTheme copies the default theme, with some files replaced.
func copyTheme(t *testing.T, replace map[string]string) fstest.MapFS {
	t.Helper()
	th := fstest.MapFS{}
	err := fs.WalkDir(theme.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(theme.FS, p)
		th[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, text := range replace {
		th[p] = &fstest.MapFile{Data: []byte(text)}
	}
	return th
}

// The site's menu marks the current page; the header is reused only
// between pages that mark the same item (or none).
func TestSiteHeaderMarksTheCurrentPage(t *testing.T) {
	_, fsys := partialSite(t)
	fsys["pages/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About us\nmenu: true\n---\n\nWho we are.\n")}
	fsys["pages/contact.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Contact\nmenu: true\n---\n\nPhone us.\n")}
	s := loadSite(t, fsys)
	r, err := New(s.Site, theme.FS, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	outs, err := r.SitePages(s.Listings)
	if err != nil {
		t.Fatal(err)
	}
	pages := pagesOf(t, r, s.Schools[0])
	for _, o := range outs {
		pages[o.Path] = string(o.Body)
	}
	for path, current := range map[string]string{
		"index.html":                           `<a href="/" aria-current="page">All schools</a>`,
		"about/index.html":                     `<a href="/about/" aria-current="page">About us</a>`,
		"contact/index.html":                   `<a href="/contact/" aria-current="page">Contact</a>`,
		"glossary/index.html":                  "",
		"404.html":                             "",
		"schools/oak/index.html":               "",
		"schools/oak/updates/first/index.html": "",
	} {
		page, ok := pages[path]
		if !ok {
			t.Errorf("no page %s", path)
			continue
		}
		start, end := strings.Index(page, `<header class="site-header">`), strings.Index(page, "</header>")
		if start < 0 || end < start {
			t.Errorf("%s has no site header", path)
			continue
		}
		header := page[start:end]
		if n := strings.Count(header, "aria-current"); current == "" && n != 0 || current != "" && n != 1 {
			t.Errorf("%s: %d items of the menu marked current:\n%s", path, n, header)
		}
		if current != "" && !strings.Contains(header, current) {
			t.Errorf("%s does not mark its own item:\n%s", path, header)
		}
	}
}
