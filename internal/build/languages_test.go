package build

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"html"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/incremental"
	"github.com/parentpages/parentpages/internal/render"
)

// languagesContent is the test site in English (en-GB), Polish and Urdu.
var languagesContent = filepath.Join("testdata", "sites", "languages", "content")

// copyLanguages copies the test site (its content and theme folders) into
// a temporary folder and returns its content folder.
func copyLanguages(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Dir(languagesContent))); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "content")
}

func languagesConfig() Config {
	return Config{Content: languagesContent, Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), NowIsDate: true, NoMinify: true}
}

// buildLanguages builds the languages test site in memory, failing t if
// it does not build, and returns the result and its outputs by path.
func buildLanguages(t *testing.T) (*Result, map[string]render.Output) {
	t.Helper()
	res, err := Build(context.Background(), languagesConfig())
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diagnostics.Error())
	}
	return res, byPath(res.Outputs)
}

// siteLangs are the test site's languages as its pages name them: the
// main language's tag, then the others' codes; with the folder each
// publishes in and its direction.
var siteLangs = []struct{ code, prefix, dir string }{
	{"en-GB", "", "ltr"},
	{"pl", "pl/", "ltr"},
	{"ur", "ur/", "rtl"},
}

// byPath maps outputs by their path.
func byPath(outs []render.Output) map[string]render.Output {
	m := make(map[string]render.Output, len(outs))
	for _, o := range outs {
		m[o.Path] = o
	}
	return m
}

// TestLanguagesPublished checks which files each language publishes:
// every page, feed and calendar again under /<code>/, but a school's files,
// the assets, robots.txt, the sitemap and the editor once, and no page for
// an update with no translation into the language.
func TestLanguagesPublished(t *testing.T) {
	_, outs := buildLanguages(t)
	perLanguage := []string{
		"index.html", "404.html", "feed.xml", "calendar.ics",
		"schools/oakfield-primary/index.html", "schools/oakfield-primary/inspection/index.html",
		"schools/oakfield-primary/meetings/index.html", "schools/oakfield-primary/updates/index.html",
		"schools/oakfield-primary/letter/index.html", "schools/oakfield-primary/feed.xml",
		"schools/oakfield-primary/calendar.ics", "schools/oakfield-primary/meetings/parents-forum.ics",
		"schools/oakfield-primary/meetings/coffee-drop-in.ics", "schools/riverside-primary/index.html",
	}
	once := []string{"robots.txt", "sitemap.xml", "assets/style.css", "admin/index.html",
		"schools/oakfield-primary/files/letter.pdf", "schools/oakfield-primary/images/480w/school.png"}
	// What is translated into Polish only: one of Oakfield's updates and
	// the page "About us". The other updates are in English alone.
	translated := map[string][]string{
		"pl": {"schools/oakfield-primary/updates/reading-is-improving/index.html", "about/index.html"},
	}
	pages := []string{
		"schools/oakfield-primary/updates/reading-is-improving/index.html",
		"schools/oakfield-primary/updates/new-headteacher/index.html",
		"schools/riverside-primary/updates/after-the-inspection/index.html",
		"about/index.html",
	}
	for _, l := range siteLangs {
		for _, p := range perLanguage {
			if _, ok := outs[l.prefix+p]; !ok {
				t.Errorf("%s%s was not published", l.prefix, p)
			}
		}
		for _, p := range pages {
			_, ok := outs[l.prefix+p]
			if want := l.prefix == "" || slices.Contains(translated[l.code], p); ok != want {
				t.Errorf("%s%s published: %v, want %v (a page is in a language only where it is translated)", l.prefix, p, ok, want)
			}
		}
		if l.prefix == "" {
			continue
		}
		for _, p := range once {
			if _, ok := outs[l.prefix+p]; ok {
				t.Errorf("%s%s was published: every language shares %s", l.prefix, p, p)
			}
		}
		for p := range outs {
			if strings.HasPrefix(p, l.prefix) && (strings.Contains(p, "/files/") || strings.Contains(p, "/images/")) {
				t.Errorf("%s: a school's file or photo was copied for %s", p, l.code)
			}
		}
	}
	for _, p := range once {
		if _, ok := outs[p]; !ok {
			t.Errorf("%s was not published", p)
		}
	}
}

var (
	htmlTag      = regexp.MustCompile(`<html lang="([^"]*)"(?: dir="([^"]*)")?>`)
	hreflangLink = regexp.MustCompile(`<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">`)
	switcher     = regexp.MustCompile(`(?s)<nav class="languages"[^>]*>(.*?)</nav>`)
	switcherItem = regexp.MustCompile(`<a href="([^"]*)" lang="([^"]*)" hreflang="([^"]*)" dir="([^"]*)"( aria-current="page")?>([^<]*)</a>`)
)

// TestLanguagesPages checks every page of the test site in every language:
// <html lang dir>; the hreflang alternates in its head, each leading to a
// page that was built, with x-default the main language's; the switcher,
// naming each language by its own name with lang and hreflang, marking
// this page's, and offering only the languages the page exists in.
func TestLanguagesPages(t *testing.T) {
	res, outs := buildLanguages(t)
	names := map[string]string{"en-GB": "English", "pl": "Polski", "ur": "اردو"}
	base := res.Site.BaseURL.String()
	pages := 0
	for p, o := range outs {
		if !strings.HasSuffix(p, ".html") || strings.HasPrefix(p, "admin/") {
			continue
		}
		pages++
		body := string(o.Body)
		lang, main := siteLangs[0], p
		for _, l := range siteLangs[1:] {
			if rest, ok := strings.CutPrefix(p, l.prefix); ok {
				lang, main = l, rest
			}
		}
		// The languages this page is in.
		var in []string
		for _, l := range siteLangs {
			if _, ok := outs[l.prefix+main]; ok {
				in = append(in, l.code)
			}
		}
		m := htmlTag.FindStringSubmatch(body)
		if m == nil || m[1] != lang.code || m[2] != lang.dir {
			t.Errorf("%s: <html> %q, want lang %q dir %q", p, m, lang.code, lang.dir)
		}
		if main != "404.html" {
			var got []string
			for _, a := range hreflangLink.FindAllStringSubmatch(body, -1) {
				got = append(got, a[1])
				target, ok := strings.CutPrefix(html.UnescapeString(a[2]), base)
				if !ok {
					t.Errorf("%s: hreflang %s leads off the site: %s", p, a[1], a[2])
					continue
				}
				if missingTarget(pageIDs(res.Outputs), target) != "" {
					t.Errorf("%s: hreflang %s leads to %s, which was not built", p, a[1], a[2])
				}
				if a[1] == "x-default" && target != strings.TrimSuffix(main, "index.html") {
					t.Errorf("%s: x-default leads to %s, want the main language's page", p, a[2])
				}
			}
			if want := append(slices.Clone(in), "x-default"); !slices.Equal(got, want) {
				t.Errorf("%s: hreflang %q, want %q", p, got, want)
			}
		}
		nav := switcher.FindStringSubmatch(body)
		if nav == nil {
			t.Errorf("%s: no language switcher", p)
			continue
		}
		var offered []string
		current := 0
		for _, it := range switcherItem.FindAllStringSubmatch(nav[1], -1) {
			href, code, hreflang, dir, cur, name := it[1], it[2], it[3], it[4], it[5] != "", it[6]
			offered = append(offered, code)
			if hreflang != code || name != names[code] {
				t.Errorf("%s: switcher entry %q: want lang and hreflang the same, and the language's own name %q", p, it[0], names[code])
			}
			if want := map[bool]string{true: "rtl", false: "ltr"}[code == "ur"]; dir != want {
				t.Errorf("%s: switcher entry %s has dir %q, want %q", p, code, dir, want)
			}
			if cur {
				current++
				if code != lang.code {
					t.Errorf("%s: the switcher marks %s as this page's language", p, code)
				}
			}
			target := strings.TrimPrefix(html.UnescapeString(href), "/")
			if main == "404.html" {
				continue // it offers each language's home page
			}
			if missingTarget(pageIDs(res.Outputs), target) != "" {
				t.Errorf("%s: the switcher's %s leads to %s, which was not built", p, code, href)
			}
		}
		if current != 1 {
			t.Errorf("%s: the switcher marks %d languages as this page's, want 1", p, current)
		}
		if main != "404.html" && !slices.Equal(offered, in) {
			t.Errorf("%s: the switcher offers %q, want %q", p, offered, in)
		}
	}
	if pages < 40 {
		t.Errorf("only %d pages checked", pages)
	}
}

// TestLanguagesLinks checks that on a page in another language, links to
// the site lead to that language's pages where it has them, else to the
// main language's, and that every one leads to a page that was built.
func TestLanguagesLinks(t *testing.T) {
	res, outs := buildLanguages(t)
	ids := pageIDs(res.Outputs)
	href := regexp.MustCompile(`\shref="(/[^"]*)"`)
	for _, l := range siteLangs[1:] {
		p := l.prefix + "schools/oakfield-primary/updates/index.html"
		body := string(outs[p].Body)
		links := map[string]bool{}
		for _, m := range href.FindAllStringSubmatch(body, -1) {
			u := html.UnescapeString(m[1])
			links[u] = true
			if why := missingTarget(ids, strings.TrimPrefix(u, "/")); why != "" {
				t.Errorf("%s links to %s, %s", p, u, why)
			}
		}
		for _, want := range []string{
			"/" + l.prefix + "schools/oakfield-primary/meetings/", // a page the language has
			"/schools/oakfield-primary/updates/new-headteacher/",  // an update not translated
			"/assets/style.css",
		} {
			if !links[want] {
				t.Errorf("%s has no link to %s; it links to %q", p, want, slices.Sorted(maps.Keys(links)))
			}
		}
		// A school's photo and files are published once, for every language.
		overview := string(outs[l.prefix+"schools/oakfield-primary/index.html"].Body)
		image := `<meta property="og:image" content="https://languages.example.org/schools/oakfield-primary/images/1200w/school.png">`
		if !strings.Contains(overview, image) {
			t.Errorf("%sschools/oakfield-primary/index.html: want %s", l.prefix, image)
		}
		update := string(outs[l.prefix+"schools/oakfield-primary/updates/reading-is-improving/index.html"].Body)
		if l.prefix != "" && update != "" {
			if !strings.Contains(update, `href="/schools/oakfield-primary/files/letter.pdf"`) {
				t.Errorf("%s's update does not link to the school's file at its one address", l.code)
			}
		}
	}
}

// TestLanguagesCalendarUIDs checks that a meeting has the same UID in
// every language's calendars, so that a calendar app given two languages'
// calendars updates one event rather than showing it twice.
func TestLanguagesCalendarUIDs(t *testing.T) {
	_, outs := buildLanguages(t)
	for _, cal := range []string{"calendar.ics", "schools/oakfield-primary/calendar.ics", "schools/oakfield-primary/meetings/parents-forum.ics"} {
		var want []string
		for _, l := range siteLangs {
			o, ok := outs[l.prefix+cal]
			if !ok {
				t.Errorf("%s%s was not built", l.prefix, cal)
				continue
			}
			c, err := readCalendar(o.Body)
			if err != nil {
				t.Fatalf("%s%s: %v", l.prefix, cal, err)
			}
			var uids []string
			for _, ev := range c.events {
				uids = append(uids, ev.get("UID"))
			}
			slices.Sort(uids)
			if len(uids) == 0 {
				t.Errorf("%s%s has no events", l.prefix, cal)
			}
			if l.prefix == "" {
				want = uids
			} else if !slices.Equal(uids, want) {
				t.Errorf("%s%s has the UIDs %q, the main language's %q", l.prefix, cal, uids, want)
			}
		}
	}
}

// sitemapXML is what TestLanguagesSitemap reads of the sitemap.
type sitemapXML struct {
	URLs []struct {
		Loc   string `xml:"loc"`
		Links []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"url"`
}

// TestLanguagesSitemap checks that the sitemap lists every page of every
// language once, each with the same page in every language it is in and
// x-default, as search engines read alternates.
func TestLanguagesSitemap(t *testing.T) {
	res, outs := buildLanguages(t)
	var sm sitemapXML
	if err := xml.Unmarshal(outs["sitemap.xml"].Body, &sm); err != nil {
		t.Fatal(err)
	}
	base := res.Site.BaseURL.String()
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		rest := strings.TrimPrefix(u.Loc, base)
		listed[rest] = true
		main := rest
		for _, l := range siteLangs[1:] {
			main = strings.TrimPrefix(main, l.prefix)
		}
		var want []string
		for _, l := range siteLangs {
			if _, ok := outs[l.prefix+main+"index.html"]; ok {
				want = append(want, l.code+" "+base+l.prefix+main)
			}
		}
		want = append(want, "x-default "+base+main)
		var got []string
		for _, a := range u.Links {
			if a.Rel != "alternate" {
				t.Errorf("%s: link rel %q", u.Loc, a.Rel)
			}
			got = append(got, a.Hreflang+" "+a.Href)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: alternates\n\t%s\nwant\n\t%s", u.Loc, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
	}
	for p := range outs {
		if strings.HasSuffix(p, "index.html") && !strings.HasPrefix(p, "admin/") && !listed[strings.TrimSuffix(p, "index.html")] {
			t.Errorf("%s is not in the sitemap", p)
		}
	}
}

// TestLanguagesIncremental checks that each language's files are reused
// as the main language's are: a build into the same folder with nothing
// changed writes nothing; after an edit to one school, the other school's
// pages in every language are linked, not written again; and the result
// is what a build from scratch publishes.
func TestLanguagesIncremental(t *testing.T) {
	content := copyLanguages(t)
	out := filepath.Join(t.TempDir(), "public")
	cfg := languagesConfig()
	cfg.Mode, cfg.Content, cfg.Out = Write, content, out
	if _, err := Build(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if again, err := Build(context.Background(), cfg); err != nil || !again.Unchanged {
		t.Fatalf("unchanged build: %v (unchanged %v)", err, again.Unchanged)
	}
	// The other school's files are reused, and the home pages, made again,
	// still mark its meeting as English.
	var other, edited []string
	inodes := map[string]uint64{}
	for _, l := range siteLangs {
		o := filepath.Join(out, l.prefix+"schools/riverside-primary/index.html")
		e := filepath.Join(out, l.prefix+"schools/oakfield-primary/updates/index.html")
		other, edited = append(other, o), append(edited, e)
		inodes[o], inodes[e] = inode(t, o), inode(t, e)
	}
	p := filepath.Join(content, "schools/oakfield-primary/updates/2026-11-25-new-headteacher.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), "title: A new headteacher", "title: A new head", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err := Build(context.Background(), cfg); err != nil || res.Unchanged {
		t.Fatalf("build after an edit: %v (unchanged %v)", err, res.Unchanged)
	}
	for _, o := range other {
		if inode(t, o) != inodes[o] {
			t.Errorf("%s: an unchanged school's page was written again", o)
		}
	}
	for _, e := range edited {
		if inode(t, e) == inodes[e] {
			t.Errorf("%s: the edited school's page was not written again", e)
		}
		if got, _ := os.ReadFile(e); !strings.Contains(string(got), "A new head<") {
			t.Errorf("%s: the edit is not in the page", e)
		}
	}
	fresh := filepath.Join(t.TempDir(), "fresh")
	cfg.Out = fresh
	if _, err := Build(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	a, z := readTree(t, out), readTree(t, fresh)
	delete(a, incremental.ManifestName)
	delete(z, incremental.ManifestName)
	if !maps.EqualFunc(a, z, bytes.Equal) {
		t.Errorf("the incremental build differs from a fresh one")
		for p := range a {
			if !bytes.Equal(a[p], z[p]) {
				t.Errorf("\t%s", p)
			}
		}
	}
}

// TestLanguagesPreview checks the dev server's builds: after an edit to
// one school told to the builder, every language's pages are as a build
// from scratch makes them.
func TestLanguagesPreview(t *testing.T) {
	content := copyLanguages(t)
	cfg := languagesConfig()
	cfg.Content = content
	b := NewBuilder(cfg)
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	rel := "schools/oakfield-primary/updates/2026-11-25-new-headteacher.md"
	data, err := os.ReadFile(filepath.Join(content, rel))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(content, rel), []byte(strings.Replace(string(data), "title: A new headteacher", "title: A new head", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := b.Build(context.Background(), []string{rel})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	g, w := byPath(got.Outputs), byPath(want.Outputs)
	if len(g) != len(w) {
		t.Errorf("the dev server's build has %d files, a fresh one %d", len(g), len(w))
	}
	for p, o := range w {
		if string(g[p].Body) != string(o.Body) {
			t.Errorf("%s differs from a fresh build's", p)
		}
	}
	if !strings.Contains(string(g["ur/schools/oakfield-primary/updates/index.html"].Body), "A new head<") {
		t.Errorf("the edit is not in the Urdu list of updates")
	}
}

// TestLanguagesEnglishMarks checks what a page in another language says
// is in English: an update listed there with no translation into it has
// its title and summary marked lang="en-GB" (and dir="ltr" on a page
// written right to left), the catalogue's "in English" beside it, and its
// link leads to the English page; while a language's catalogue is not
// reviewed, each of its pages says so, in it and in English.
func TestLanguagesEnglishMarks(t *testing.T) {
	_, outs := buildLanguages(t)
	for _, l := range siteLangs {
		for _, page := range []string{"schools/oakfield-primary/updates/index.html", "schools/oakfield-primary/index.html"} {
			body := string(outs[l.prefix+page].Body)
			mark := ` lang="en-GB"`
			if l.dir == "rtl" {
				mark += ` dir="ltr"`
			}
			// The default theme's language.in_english in each language.
			inEnglish := map[string]string{"pl": "(po angielsku)", "ur": "(انگریزی میں)"}[l.code]
			title := `<a href="/schools/oakfield-primary/updates/new-headteacher/"` + mark + `>A new headteacher</a> <span class="in-english">` + inEnglish + `</span>`
			summary := `<p` + mark + `>Mrs Patel starts in January.</p>`
			for _, want := range []string{title, summary} {
				if got := strings.Contains(body, want); got != (l.prefix != "") {
					t.Errorf("%s%s: has %q: %v, want %v", l.prefix, page, want, got, l.prefix != "")
				}
			}
		}
		body := string(outs[l.prefix+"index.html"].Body)
		notice := strings.Contains(body, `<div class="translation-notice" role="note">`)
		english := strings.Contains(body, `<p lang="en"`)
		if want := l.prefix != ""; notice != want || english != want {
			t.Errorf("%sindex.html: the notice of an unreviewed translation: %v, in English: %v; want %v", l.prefix, notice, english, want)
		}
	}
	// An English name inside a sentence of a right-to-left page is
	// isolated; on a left-to-right page it needs not be.
	for _, l := range siteLangs {
		page := l.prefix + "schools/oakfield-primary/index.html"
		if got, want := strings.Contains(string(outs[page].Body), "<bdi>Anna Kowalska</bdi>"), l.dir == "rtl"; got != want {
			t.Errorf("%s: the PSA's name in <bdi>: %v, want %v", page, got, want)
		}
	}
	menu := `<a href="/about/" lang="en-GB" dir="ltr">About us</a>`
	if !strings.Contains(string(outs["ur/index.html"].Body), menu) {
		t.Errorf("ur/index.html: the menu's untranslated page is not marked: want %s", menu)
	}
}

// TestLanguagesTranslated checks what is translated: in Polish, the
// translated meeting's title and place are the translation's, unmarked,
// the other meeting's are English, marked; the translated update and page
// are listed with their Polish titles, linking to their Polish pages; in
// Urdu, which has no translation, all of them are English, marked.
func TestLanguagesTranslated(t *testing.T) {
	_, outs := buildLanguages(t)
	tests := []struct {
		page string
		want []string
	}{
		{"pl/schools/oakfield-primary/meetings/index.html", []string{
			`<h3 id="meeting-parents-forum-title">Forum rodziców</h3>`,
			`<dd>Sala gimnastyczna</dd>`,
			`<div class="prose"><p>Co szkoła robi w sprawie czytania, i wasze pytania.</p>`,
			`<h3 id="meeting-coffee-drop-in-title"><span lang="en-GB">Coffee drop-in</span></h3>`,
			`<dd><span lang="en-GB">Family room</span></dd>`,
		}},
		{"ur/schools/oakfield-primary/meetings/index.html", []string{
			`<h3 id="meeting-parents-forum-title"><span lang="en-GB" dir="ltr">Parents&#39; forum</span></h3>`,
			`<div class="prose"><div lang="en-GB" dir="ltr"><p>What the school is doing about reading, and your questions.</p>`,
		}},
		{"pl/schools/oakfield-primary/updates/index.html", []string{
			`<a href="/pl/schools/oakfield-primary/updates/reading-is-improving/">Czytanie się poprawia</a>`,
		}},
		{"pl/schools/oakfield-primary/updates/reading-is-improving/index.html", []string{
			`<html lang="pl" dir="ltr">`,
			`href="/pl/schools/oakfield-primary/meetings/"`,
			`href="/schools/oakfield-primary/files/letter.pdf"`,
		}},
		{"pl/index.html", []string{`<a href="/pl/about/">O nas</a>`, `Forum rodziców`, `<span lang="en-GB">Meet the new headteacher</span>`}},
		{"ur/index.html", []string{`<span lang="en-GB" dir="ltr">Parents&#39; forum</span>`}},
		{"ur/index.html", []string{`<a href="/about/" lang="en-GB" dir="ltr">About us</a>`}},
	}
	for _, tt := range tests {
		body := string(outs[tt.page].Body)
		for _, want := range tt.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s does not have\n\t%s", tt.page, want)
			}
		}
	}
	// The calendars have the translation where there is one, under the
	// same UID as the English event.
	pl, err := readCalendar(outs["pl/schools/oakfield-primary/calendar.ics"].Body)
	if err != nil {
		t.Fatal(err)
	}
	summaries := map[string]string{}
	for _, ev := range pl.events {
		summaries[ev.get("UID")] = ev.get("SUMMARY")
	}
	for uid, want := range map[string]string{
		"oakfield-primary-parents-forum@languages.example.org":  "Forum rodziców (Oakfield Primary School)",
		"oakfield-primary-coffee-drop-in@languages.example.org": "Coffee drop-in (Oakfield Primary School)",
	} {
		if summaries[uid] != want {
			t.Errorf("pl calendar: %s is %q, want %q", uid, summaries[uid], want)
		}
	}
}

// TestLanguageWithoutCatalogue checks that a language the theme has no
// catalogue for is a content error at its entry in site.yaml, which a
// build stops at (a check reports it: see cmd/parentpages's tests).
func TestLanguageWithoutCatalogue(t *testing.T) {
	content := copyLanguages(t)
	p := filepath.Join(content, "site.yaml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	yaml := strings.Replace(string(b), "    name: اردو\n", "    name: اردو\n  - code: de\n    name: Deutsch\n", 1)
	if err := os.WriteFile(p, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := languagesConfig()
	cfg.Content = content
	res, err := Build(context.Background(), cfg)
	if !errors.Is(err, ErrContent) {
		t.Fatalf("build: %v, want ErrContent", err)
	}
	want := `site.yaml:13:11: there is no message catalogue for the language "de"`
	if got := res.Diagnostics.Error(); !strings.HasPrefix(got, want) {
		t.Errorf("diagnostics:\n%s\nwant one starting %s", got, want)
	}
}
