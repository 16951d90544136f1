package render

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
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

// The school's menu marks the current page, which differs between the
// pages that share it.
func TestSchoolNavMarksTheCurrentPage(t *testing.T) {
	s, fsys := partialSite(t)
	r, err := New(s.Site, theme.FS, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages := pagesOf(t, r, s.Schools[0])
	for path, want := range map[string]string{
		"schools/oak/index.html":                `<a href="/schools/oak/" aria-current="page">Overview</a>`,
		"schools/oak/inspection/index.html":     `<a href="/schools/oak/inspection/" aria-current="page">Inspections</a>`,
		"schools/oak/updates/index.html":        `<a href="/schools/oak/updates/" aria-current="page">Updates</a>`,
		"schools/oak/updates/first/index.html":  `<a href="/schools/oak/updates/" aria-current="true">Updates</a>`,
		"schools/oak/updates/second/index.html": `<a href="/schools/oak/updates/" aria-current="true">Updates</a>`,
	} {
		t.Run(path, func(t *testing.T) {
			page, ok := pages[path]
			if !ok {
				t.Fatalf("no page %s", path)
			}
			if !strings.Contains(page, want) {
				t.Errorf("does not contain\n%s", want)
			}
			if path != "schools/oak/index.html" && strings.Contains(page, `<a href="/schools/oak/" aria-current`) {
				t.Errorf("marks the overview as the current page")
			}
			if n := strings.Count(page, "aria-current"); n != 1 {
				t.Errorf("%d items marked current", n)
			}
			if !strings.Contains(page, `<h2 class="footer-title">Parent Partnership</h2>`) {
				t.Errorf("no footer")
			}
		})
	}
}

// Parts that show the page's title and path, to see which page they were
// rendered for.
var tellingParts = map[string]string{
	"templates/partials/school-nav.html":  `{{define "school-nav"}}<p class="nav">{{.Title}}</p>{{end}}`,
	"templates/partials/site-footer.html": `{{define "site-footer"}}<footer>{{.Path}}</footer>{{end}}`,
	"templates/partials/site-header.html": `{{define "site-header"}}<header class="mine">{{.Title}}</header>{{end}}`,
}

// {{partialCached}} renders a part once for each of its keys among a
// school's pages, whatever else the part reads; {{partial}} renders it
// every time.
func TestPartialCached(t *testing.T) {
	s, fsys := partialSite(t)
	base, err := fs.ReadFile(theme.FS, "templates/base.html")
	if err != nil {
		t.Fatal(err)
	}
	uncached := regexp.MustCompile(`partialCached ("[a-z-]+" \.)[^}]*`).ReplaceAllString(string(base), "partial $1")
	update, err := fs.ReadFile(theme.FS, "templates/update.html")
	if err != nil {
		t.Fatal(err)
	}
	const first, second, overview = "schools/oak/updates/first/index.html", "schools/oak/updates/second/index.html", "schools/oak/index.html"
	for _, tc := range []struct {
		name  string
		files map[string]string
		// want: what each page shows; the parts of the second update
		// (rendered first, newest first) are reused on the first's.
		want map[string][]string
	}{
		{"the default theme's base.html caches by its keys", nil, map[string][]string{
			// The header: once for all of a school's pages.
			first:    {`<header class="mine">Oak School</header>`, `<p class="nav">Second news</p>`, "<footer>/schools/oak/</footer>"},
			second:   {`<header class="mine">Oak School</header>`, `<p class="nav">Second news</p>`, "<footer>/schools/oak/</footer>"},
			overview: {`<header class="mine">Oak School</header>`, `<p class="nav">Oak School</p>`, "<footer>/schools/oak/</footer>"},
		}},
		{"partial renders every time", map[string]string{"templates/base.html": uncached}, map[string][]string{
			first:    {`<header class="mine">First news</header>`, `<p class="nav">First news</p>`, "<footer>/schools/oak/updates/first/</footer>"},
			second:   {`<header class="mine">Second news</header>`, `<p class="nav">Second news</p>`, "<footer>/schools/oak/updates/second/</footer>"},
			overview: {`<header class="mine">Oak School</header>`, `<p class="nav">Oak School</p>`, "<footer>/schools/oak/</footer>"},
		}},
		{"a part that a page's template redefines is apart", map[string]string{
			"templates/update.html": string(update) + `{{define "site-footer"}}<footer class="update">{{.Path}}</footer>{{end}}`,
		}, map[string][]string{
			first:    {`<footer class="update">/schools/oak/updates/second/</footer>`},
			second:   {`<footer class="update">/schools/oak/updates/second/</footer>`},
			overview: {"<footer>/schools/oak/</footer>"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := maps.Clone(tellingParts)
			maps.Copy(files, tc.files)
			r, err := New(s.Site, copyTheme(t, files), fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			pages := pagesOf(t, r, s.Schools[0])
			for path, wants := range tc.want {
				for _, want := range wants {
					if !strings.Contains(pages[path], want) {
						t.Errorf("%s does not contain %s", path, want)
					}
				}
			}
		})
	}
}

// The keys of partialCached differ by type as well as by value.
func TestPartialCachedKeys(t *testing.T) {
	a, b := new(int), new(int)
	for _, tc := range []struct {
		x, y any
		same bool
	}{
		{"1", 1, false},
		{1, 1, true},
		{true, "true", false},
		{a, a, true},
		{a, b, false},
		{[]int{1, 2}, []int{1, 2}, false}, // two slices: by address
		{nil, "nil", false},
		{2.5, 2.5, true},
	} {
		t.Run(fmt.Sprintf("%#v %#v", tc.x, tc.y), func(t *testing.T) {
			if same := string(appendKey(nil, tc.x)) == string(appendKey(nil, tc.y)); same != tc.same {
				t.Errorf("same key = %v, want %v", same, tc.same)
			}
		})
	}
}

func TestPartialOfNoSuchTemplate(t *testing.T) {
	s, fsys := partialSite(t)
	for _, call := range []string{`{{partial "nope" .}}`, `{{partialCached "nope" .}}`} {
		t.Run(call, func(t *testing.T) {
			th := copyTheme(t, map[string]string{"templates/update.html": `{{define "main"}}` + call + `{{end}}`})
			r, err := New(s.Site, th, fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := r.School(s.Schools[0]); err == nil || !strings.Contains(err.Error(), `"nope"`) {
				t.Errorf("School: %v, want an error naming the template", err)
			}
		})
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
