package build

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/render"
)

// siteGolden lists, for each test site under testdata/sites, the outputs
// pinned by golden files in its golden folder (un-minified, as TestGolden's).
var siteGolden = map[string][]string{
	"calendars": {
		"schools/ysgol-y-bont/calendar.ics",
		"schools/ysgol-y-bont/meetings/index.html",
		"schools/ysgol-y-bont/feed.xml",
	},
	"languages": {
		"sitemap.xml",
		"_redirects",
		"pl/schools/oakfield-primary/index.html",
		"pl/schools/oakfield-primary/updates/index.html",
		"pl/schools/oakfield-primary/calendar.ics",
		"pl/schools/oakfield-primary/feed.xml",
		"pl/404.html",
		"ur/schools/oakfield-primary/index.html",
		"ur/schools/oakfield-primary/meetings/index.html",
	},
	"hostile": {
		"index.html",
		"feed.xml",
		"schools/szkola-podstawowa-nr-1/index.html",
		"schools/szkola-podstawowa-nr-1/meetings/index.html",
		"schools/szkola-podstawowa-nr-1/calendar.ics",
		"schools/st-marys-and-st-johns/updates/out-of-the-category/index.html",
	},
}

// TestSites builds each test site under testdata/sites as .ci/run does
// (its content folder, today 2026-11-29) and checks what .ci/run checks
// that needs no browser or outside reader: the build has no diagnostics,
// no script from the content is published as markup, every calendar is
// well formed and expands to the instants in the site's
// expected-instants.txt, every feed reads as RSS 2.0 with the titles in
// its expected-feeds.json, and the pages in siteGolden match their golden
// files.
func TestSites(t *testing.T) {
	contents, err := filepath.Glob(filepath.Join("testdata", "sites", "*", "content"))
	if err != nil || len(contents) == 0 {
		t.Fatalf("no test sites in testdata/sites (%v)", err)
	}
	for _, content := range contents {
		dir := filepath.Dir(content)
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			cfg := Config{Content: content, Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), NowIsDate: true}
			published := buildSite(t, cfg)
			t.Run("calendars", func(t *testing.T) { checkCalendars(t, published, filepath.Join(dir, "expected-instants.txt")) })
			t.Run("feeds", func(t *testing.T) { checkFeeds(t, published, filepath.Join(dir, "expected-feeds.json")) })
			cfg.NoMinify = true
			rendered := buildSite(t, cfg)
			// The hostile site puts <script>alert(...)</script> in titles
			// and text. The check reads the pages as rendered: the minifier
			// leaves "<" unescaped inside a quoted attribute, where it is
			// harmless. The editor's config.yml is data, whose title the
			// editor shows as text.
			for _, o := range rendered {
				if !strings.HasSuffix(o.Path, ".ics") && !strings.HasSuffix(o.Path, ".yml") && bytes.Contains(o.Body, []byte("<script>alert")) {
					t.Errorf("%s: a script from the content is in the page as markup", o.Path)
				}
			}
			checkGolden(t, rendered, filepath.Join(dir, "golden"), siteGolden[name])
		})
	}
}

// staleSchools are the schools of each site whose pages have not been
// updated for more than six months on 2026-11-29, on purpose (they show
// older frameworks and categories): each must have the warning that says
// so, and no other diagnostic.
var staleSchools = map[string][]string{
	"example": {"schools/sandpiper-infant-school/school.yaml"},
	"hostile": {"schools/harbour-pru/school.yaml", "schools/kestrel-ysgol-bro/school.yaml", "schools/st-marys-and-st-johns/school.yaml"},
}

// unexpected returns the diagnostics of the site other than the warnings
// of its stale schools, and an error for each such warning missing.
func unexpected(ds content.Diagnostics, site string) content.Diagnostics {
	var out content.Diagnostics
	warned := map[string]bool{}
	for _, d := range ds {
		if d.Warning && slices.Contains(staleSchools[site], d.Path) && strings.Contains(d.Msg, "may be out of date") {
			warned[d.Path] = true
			continue
		}
		out = append(out, d)
	}
	for _, p := range staleSchools[site] {
		if !warned[p] {
			out = append(out, content.Diagnostic{Path: p, Msg: "expected the warning that the pages may be out of date"})
		}
	}
	return out
}

// buildSite builds cfg in memory and fails on any diagnostic but the
// warnings of the site's stale schools.
func buildSite(t *testing.T, cfg Config) []render.Output {
	t.Helper()
	res, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diagnostics.Error())
	}
	if ds := unexpected(res.Diagnostics, filepath.Base(filepath.Dir(cfg.Content))); len(ds) > 0 {
		t.Errorf("diagnostics:\n%s", ds.Error())
	}
	return res.Outputs
}

// checkCalendars reads every calendar, checks it, and compares the
// occurrences of the events named in expected (if the file exists) with
// it: "UID<TAB>instant" lines, as .ci/check-instants.sh reads them, which
// every calendar holding the UID must expand to, in order.
func checkCalendars(t *testing.T, outputs []render.Output, expected string) {
	want := map[string][]string{}
	var uids []string
	if data, err := os.ReadFile(expected); err == nil {
		for i, line := range strings.Split(string(data), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			uid, instant, ok := strings.Cut(line, "\t")
			if !ok {
				t.Fatalf("%s:%d: want UID<TAB>instant", expected, i+1)
			}
			if want[uid] == nil {
				uids = append(uids, uid)
			}
			want[uid] = append(want[uid], instant)
		}
	} else if !os.IsNotExist(err) {
		t.Fatal(err)
	}
	held := map[string]int{}
	for _, o := range outputs {
		if !strings.HasSuffix(o.Path, ".ics") {
			continue
		}
		cal, err := readCalendar(o.Body)
		if err != nil {
			t.Errorf("%s: %v", o.Path, err)
			continue
		}
		for _, ev := range cal.events {
			got, err := ev.occurrences()
			if err != nil {
				t.Errorf("%s: %s: %v", o.Path, ev.get("UID"), err)
				continue
			}
			if len(got) == 0 {
				t.Errorf("%s: %s has no occurrences", o.Path, ev.get("UID"))
			}
			uid := ev.get("UID")
			if w, ok := want[uid]; ok {
				held[uid]++
				if !slices.Equal(got, w) {
					t.Errorf("%s: %s expands to\n\t%s\nwant\n\t%s", o.Path, uid, strings.Join(got, "\n\t"), strings.Join(w, "\n\t"))
				}
			}
		}
	}
	for _, uid := range uids {
		if held[uid] == 0 {
			t.Errorf("no calendar holds %s", uid)
		}
	}
}

// rssFeed is what checkFeeds reads of a feed: what a feed reader needs.
type rssFeed struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		Title string    `xml:"title"`
		Links []xmlLink `xml:"link"`
		Items []struct {
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			GUID        string `xml:"guid"`
			PubDate     string `xml:"pubDate"`
			Description string `xml:"description"`
		} `xml:"item"`
	} `xml:"channel"`
}

// xmlLink is a <link>: RSS's own, or atom:link (Space set), which is not
// the channel's link.
type xmlLink struct {
	XMLName xml.Name
	Text    string `xml:",chardata"`
}

// feedExpectation is one feed's entry in expected-feeds.json (see
// .ci/check-feeds.py): a list of entry titles, or an object with the
// feed's title, its entry titles, or both.
type feedExpectation struct {
	Title   *string
	Entries []string
}

func (f *feedExpectation) UnmarshalJSON(b []byte) error {
	if err := json.Unmarshal(b, &f.Entries); err == nil {
		return nil
	}
	var v struct {
		Title   *string  `json:"title"`
		Entries []string `json:"entries"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return err
	}
	f.Title, f.Entries = v.Title, v.Entries
	return nil
}

// checkFeeds checks every feed.xml as .ci/check-feeds.py does: RSS 2.0
// with a title and link; every item with a title, link, unique guid,
// RFC 822 date and description; and, where expected (if the file exists)
// names the feed, the titles it lists.
func checkFeeds(t *testing.T, outputs []render.Output, expected string) {
	want := map[string]feedExpectation{}
	if data, err := os.ReadFile(expected); err == nil {
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("%s: %v", expected, err)
		}
	} else if !os.IsNotExist(err) {
		t.Fatal(err)
	}
	found := 0
	for _, o := range outputs {
		if o.Path != "feed.xml" && !strings.HasSuffix(o.Path, "/feed.xml") {
			continue
		}
		found++
		var f rssFeed
		if err := xml.Unmarshal(o.Body, &f); err != nil {
			t.Errorf("%s: %v", o.Path, err)
			continue
		}
		for _, p := range feedProblems(&f) {
			t.Errorf("%s: %s", o.Path, p)
		}
		w, ok := want[o.Path]
		if !ok {
			continue
		}
		delete(want, o.Path)
		if w.Title != nil && f.Channel.Title != *w.Title {
			t.Errorf("%s: title %q, want %q", o.Path, f.Channel.Title, *w.Title)
		}
		var titles []string
		for _, it := range f.Channel.Items {
			titles = append(titles, it.Title)
		}
		if w.Entries != nil && !slices.Equal(titles, w.Entries) {
			t.Errorf("%s: entries %q, want %q", o.Path, titles, w.Entries)
		}
	}
	if found == 0 {
		t.Error("no feed.xml built")
	}
	for p := range want {
		t.Errorf("%s: expected in %s, not built", p, expected)
	}
}

// feedProblems lists what a feed reader would miss in f.
func feedProblems(f *rssFeed) []string {
	var ps []string
	if f.Version != "2.0" {
		ps = append(ps, "version "+f.Version+", want 2.0")
	}
	link := ""
	for _, l := range f.Channel.Links {
		if l.XMLName.Space == "" {
			link = l.Text
		}
	}
	if f.Channel.Title == "" || link == "" {
		ps = append(ps, "the channel has no title or no link")
	}
	guids := map[string]bool{}
	for _, it := range f.Channel.Items {
		if it.Title == "" || it.Link == "" || it.GUID == "" || it.Description == "" {
			ps = append(ps, "item "+it.Title+" lacks a title, link, guid or description")
		}
		if _, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil {
			ps = append(ps, "item "+it.Title+": pubDate "+it.PubDate+" is not RFC 822 with a numeric zone")
		}
		if guids[it.GUID] {
			ps = append(ps, "item "+it.Title+" repeats a guid")
		}
		guids[it.GUID] = true
	}
	return ps
}

// TestLinkedFragments checks, for the example site and each test site,
// that every URL of the site in a feed or calendar leads to a file the
// build wrote and, where it has a #fragment, to an element with that id:
// a calendar's "More information" link to a past meeting once led to a
// meetings page that listed the meeting without its id.
func TestLinkedFragments(t *testing.T) {
	names := []string{"example"}
	sites := []*Result{sharedBuild(t, exampleRendered)}
	contents, err := filepath.Glob(filepath.Join("testdata", "sites", "*", "content"))
	if err != nil || len(contents) == 0 {
		t.Fatalf("no test sites in testdata/sites (%v)", err)
	}
	for _, content := range contents {
		cfg := Config{Content: content, Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), NowIsDate: true, NoMinify: true}
		res, err := Build(context.Background(), cfg)
		if err != nil {
			t.Fatalf("%s: %v\n%s", content, err, res.Diagnostics.Error())
		}
		names = append(names, filepath.Base(filepath.Dir(content)))
		sites = append(sites, res)
	}
	for i, res := range sites {
		t.Run(names[i], func(t *testing.T) {
			ids := pageIDs(res.Outputs)
			base := res.Site.BaseURL.String()
			checked := 0
			for _, o := range res.Outputs {
				for _, u := range linkedURLs(t, o) {
					rest, ok := strings.CutPrefix(u, base)
					if !ok {
						continue // another site's, or a relative URL in HTML
					}
					checked++
					if why := missingTarget(ids, rest); why != "" {
						t.Errorf("%s links to %s, %s", o.Path, u, why)
					}
				}
			}
			if checked == 0 {
				t.Error("no URL of the site found in its feeds and calendars")
			}
		})
	}
}

// idAttr finds the ids of elements in HTML as html/template writes it,
// with the attribute's value quoted.
var idAttr = regexp.MustCompile(`\sid="([^"]*)"`)

// pageIDs maps each HTML output to the ids in it; other outputs map to nil.
func pageIDs(outputs []render.Output) map[string]map[string]bool {
	ids := map[string]map[string]bool{}
	for _, o := range outputs {
		if !strings.HasSuffix(o.Path, ".html") {
			ids[o.Path] = nil
			continue
		}
		set := map[string]bool{}
		for _, m := range idAttr.FindAllSubmatch(o.Body, -1) {
			set[html.UnescapeString(string(m[1]))] = true
		}
		ids[o.Path] = set
	}
	return ids
}

// missingTarget says what is missing for rest, a URL relative to the base
// URL: the file it leads to, or the id its fragment names; "" if neither.
func missingTarget(ids map[string]map[string]bool, rest string) string {
	p, frag, hasFrag := strings.Cut(rest, "#")
	p, _, _ = strings.Cut(p, "?")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	page, ok := ids[p]
	if !ok {
		return "which the build did not write"
	}
	if !hasFrag || frag == "" || page == nil {
		return ""
	}
	if f, err := url.PathUnescape(frag); err != nil || !page[f] {
		return fmt.Sprintf("and %s has no id %q", p, frag)
	}
	return ""
}

// linkedURLs returns the absolute URLs a feed reader or calendar app offers
// to open in o, if it is a feed or a calendar: a feed's links, permalink
// guids and the links and images in its items' HTML; a calendar's URL,
// SOURCE and the URLs written in its descriptions.
func linkedURLs(t *testing.T, o render.Output) []string {
	switch {
	case strings.HasSuffix(o.Path, "/feed.xml") || o.Path == "feed.xml":
		return feedLinks(t, o)
	case strings.HasSuffix(o.Path, ".ics"):
		return calendarLinks(t, o)
	}
	return nil
}

// feedLinkFields is what feedLinks reads of a feed.
type feedLinkFields struct {
	Channel struct {
		Links []xmlLink `xml:"link"`
		Items []struct {
			Link string `xml:"link"`
			GUID struct {
				Text      string `xml:",chardata"`
				PermaLink string `xml:"isPermaLink,attr"`
			} `xml:"guid"`
			Description string `xml:"description"`
			Content     string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
		} `xml:"item"`
	} `xml:"channel"`
}

// htmlURLAttr finds the URLs of links and images in HTML.
var htmlURLAttr = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)

func feedLinks(t *testing.T, o render.Output) []string {
	var f feedLinkFields
	if err := xml.Unmarshal(o.Body, &f); err != nil {
		t.Errorf("%s: %v", o.Path, err)
		return nil
	}
	var urls []string
	for _, l := range f.Channel.Links {
		urls = append(urls, l.Text)
	}
	for _, it := range f.Channel.Items {
		urls = append(urls, it.Link)
		if it.GUID.PermaLink != "false" {
			urls = append(urls, it.GUID.Text)
		}
		for _, h := range []string{it.Description, it.Content} {
			for _, m := range htmlURLAttr.FindAllStringSubmatch(h, -1) {
				urls = append(urls, html.UnescapeString(m[1]))
			}
		}
	}
	return urls
}

// textURL finds URLs in plain text; a full stop or bracket after one ends
// the sentence, not the URL.
var textURL = regexp.MustCompile(`https?://[^\s<>"]*[^\s<>".,;:!?)]`)

func calendarLinks(t *testing.T, o render.Output) []string {
	lines, err := unfoldLines(o.Body)
	if err != nil {
		t.Errorf("%s: %v", o.Path, err)
		return nil
	}
	unescape := strings.NewReplacer(`\n`, "\n", `\N`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`)
	var urls []string
	for _, l := range lines {
		p, ok := splitProp(l)
		switch {
		case !ok:
		case p.name == "URL" || p.name == "SOURCE":
			urls = append(urls, p.value)
		case p.name == "DESCRIPTION":
			urls = append(urls, textURL.FindAllString(unescape.Replace(p.value), -1)...)
		}
	}
	return urls
}
