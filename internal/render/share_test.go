package render

import (
	"encoding/json"
	"github.com/parentpages/parentpages/internal/images/imagestest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parentpages/parentpages/internal/content/contenttest"
	"github.com/parentpages/parentpages/internal/site"
	theme "github.com/parentpages/parentpages/themes/default"
)

// shareSite is a school with meetings of every kind that matters to
// what pages offer parents: a members-only review group, a cancelled
// focus group, a parents' meeting also online, and an all-day open day.
func shareSite(t *testing.T) *Renderer {
	t.Helper()
	fsys := fstest.MapFS{
		"site.yaml": {Data: []byte(`title: Test Partnership
base_url: https://example.org/parents/
email_alerts: https://alerts.example.org/subscribe?topic=pp-{slug}&rss={feed}
organisation:
  name: Parent Partnership
  phone: 01234 567890
`)},
		"schools/oak/school.yaml": {Data: []byte(`name: Oak School
urn: "123456"
address: Oak Lane, Plymouth
website: https://oak.example.org/
image: files/oak.jpg
psa:
  name: Ffion
  email: ffion@example.org
  phone: 01234 000001
inspections:
  - start: 2026-09-20
    published: 2026-10-30
    framework: eif-2019
    overall: requires improvement
    category: requires-improvement
`)},
		"schools/oak/meetings.yaml": {Data: []byte(`- {title: Review group, kind: review-group, start: 2026-12-01T16:00, end: 2026-12-01T17:00}
- {title: Focus group, kind: focus-group, start: 2026-12-02T09:00, end: 2026-12-02T10:00, location: Oak hall, status: cancelled}
- {title: Meeting for parents, kind: parents-meeting, start: 2026-12-03T18:00, end: 2026-12-03T19:00, location: Oak hall, online: "https://meet.example.org/oak"}
- {title: Open day, kind: other, start: 2026-12-10, end: 2026-12-11}
`)},
		"schools/oak/files/oak.jpg":              {Data: imagestest.Photo(64, 48, 1)},
		"schools/oak/updates/2026-11-20-news.md": {Data: []byte("---\ntitle: News\nsummary: The school's plan for reading <and> writing.\n---\n\nBody.\n")},
	}
	s := loadSite(t, fsys)
	r, err := New(s.Site, theme.FS, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSharing(t *testing.T) {
	r := shareSite(t)
	pages := pagesOf(t, r, oak(t, r))
	tests := []struct {
		page string
		want []string
		not  []string
	}{
		{"schools/oak/index.html", []string{
			`<meta name="description" content="Not yet good, and must improve (requires improvement). What happens next, meetings for parents and carers, and how to contact the school&#39;s PSA, Ffion.">`,
			`<meta property="og:title" content="Oak School">`,
			`<meta property="og:url" content="https://example.org/parents/schools/oak/">`,
			`<meta property="og:site_name" content="Test Partnership">`,
			`<meta property="og:locale" content="en_GB">`,
			`<meta property="og:image" content="https://example.org/parents/schools/oak/images/64w/oak.jpg">`,
			`<meta property="og:image:alt" content="Oak School">`,
			`<meta name="twitter:card" content="summary_large_image">`,
			// Email alerts: the slug, and the feed's address escaped for a query.
			`href="https://alerts.example.org/subscribe?topic=pp-oak&amp;rss=https%3A%2F%2Fexample.org%2Fparents%2Fschools%2Foak%2Ffeed.xml"`,
			`<a href="/parents/schools/oak/letter/">Print a one-page summary</a>`,
			`webcal://example.org/parents/schools/oak/calendar.ics`,
		}, nil},
		{"schools/oak/meetings/index.html", []string{
			// The next meeting parents may come to, not the review group.
			`content="Meetings for parents and carers at Oak School. Next: Focus group, Wednesday 2 December 2026, 9am to 10am (cancelled).">`,
			`<summary>Android phone (Google Calendar)</summary>`,
		}, nil},
		{"schools/oak/updates/news/index.html", []string{
			`<meta name="description" content="The school&#39;s plan for reading &lt;and&gt; writing.">`,
			`<meta property="og:type" content="article">`,
			`<meta property="article:published_time" content="2026-11-20">`,
		}, nil},
		{"schools/oak/letter/index.html", []string{
			`<strong>Parent Partnership</strong><br>Phone: 01234 567890`,
			`Correct on Sunday 29 November 2026`,
			`<svg xmlns="http://www.w3.org/2000/svg" class="qr-code"`,
			`aria-label="QR code for https://example.org/parents/schools/oak/"`,
			`<strong class="letter-url">https://example.org/parents/schools/oak/</strong>`,
			`<strong>Focus group</strong> (cancelled): Wednesday 2 December 2026, 9am to 10am, Oak hall`,
			`<strong>Meeting for parents</strong>: Thursday 3 December 2026, 6pm to 7pm, Oak hall`,
			`Email: <strong>ffion@example.org</strong>`,
		}, []string{"Review group", "Open day", `class="print-address"`, `class="help-link"`}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			page, ok := pages[tt.page]
			if !ok {
				t.Fatalf("no page %s", tt.page)
			}
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("lacks %s", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(page, w) {
					t.Errorf("has %s", w)
				}
			}
		})
	}
}

// TestStructuredData reads the JSON-LD of the overview and the meetings
// page back: the page is about the school; each meeting parents may come
// to is an Event with its place, attendance mode and status; the review
// group is not offered.
func TestStructuredData(t *testing.T) {
	r := shareSite(t)
	pages := pagesOf(t, r, oak(t, r))
	script := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)
	type thing = map[string]any
	read := func(page string) []thing {
		m := script.FindStringSubmatch(pages[page])
		if m == nil {
			t.Fatalf("%s has no JSON-LD", page)
		}
		var g struct {
			Context string  `json:"@context"`
			Graph   []thing `json:"@graph"`
		}
		if err := json.Unmarshal([]byte(m[1]), &g); err != nil {
			t.Fatalf("%s: %v\n%s", page, err, m[1])
		}
		if g.Context != "https://schema.org" {
			t.Errorf("@context = %q", g.Context)
		}
		return g.Graph
	}
	overview := read("schools/oak/index.html")
	about := overview[0]["about"].(thing)
	if overview[0]["@type"] != "WebPage" || about["@type"] != "School" || about["name"] != "Oak School" || about["url"] != "https://oak.example.org/" ||
		about["identifier"].(thing)["value"] != "123456" || about["image"] != "https://example.org/parents/schools/oak/images/64w/oak.jpg" || overview[0]["dateModified"] != "2026-11-20" {
		t.Errorf("overview's page = %v", overview[0])
	}
	events := read("schools/oak/meetings/index.html")
	want := []struct{ name, start, end, status, mode, place string }{
		{"Focus group", "2026-12-02T09:00:00Z", "2026-12-02T10:00:00Z", "EventCancelled", "OfflineEventAttendanceMode", "Place"},
		{"Meeting for parents", "2026-12-03T18:00:00Z", "2026-12-03T19:00:00Z", "EventScheduled", "MixedEventAttendanceMode", "Place VirtualLocation"},
		{"Open day", "2026-12-10", "2026-12-11", "EventScheduled", "OfflineEventAttendanceMode", "Place"},
	}
	if len(events) != len(want) || len(overview) != 1+len(want) {
		t.Fatalf("%d events on the meetings page, %d things on the overview; want %d and %d", len(events), len(overview), len(want), 1+len(want))
	}
	for i, w := range want {
		e := events[i]
		var places []string
		for _, l := range e["location"].([]any) {
			places = append(places, l.(thing)["@type"].(string))
		}
		got := []any{e["@type"], e["name"], e["startDate"], e["endDate"], e["eventStatus"], e["eventAttendanceMode"], strings.Join(places, " ")}
		exp := []any{"Event", w.name, w.start, w.end, "https://schema.org/" + w.status, "https://schema.org/" + w.mode, w.place}
		for j := range got {
			if got[j] != exp[j] {
				t.Errorf("event %d: %v, want %v", i, got, exp)
				break
			}
		}
	}
	if loc := events[2]["location"].([]any)[0].(thing); loc["address"] != "Oak School, Oak Lane, Plymouth" {
		t.Errorf("a meeting with no place is at the school: %v", loc)
	}
}

func TestClip(t *testing.T) {
	tests := []struct {
		n          int
		text, want string
	}{
		{20, "Short enough.", "Short enough."},
		{20, "  Spaces   and\nlines  are tidied. ", "Spaces and lines…"},
		{20, "Twenty characters ok", "Twenty characters ok"},
		{24, "The school's plan for reading, writing and maths.", "The school's plan for…"},
		{10, "Abcdefghijklmnop", "Abcdefghi…"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := clip(tt.n, tt.text); got != tt.want {
				t.Errorf("clip(%d, %q) = %q, want %q", tt.n, tt.text, got, tt.want)
			}
		})
	}
}

// oak models the one school of the renderer's site.
func oak(t *testing.T, r *Renderer) *site.School {
	t.Helper()
	c, ds := contenttest.Load(r.content)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	sch, f := r.site.School(c.Schools[0])
	if f.Diagnostics.HasErrors() {
		t.Fatal(f.Diagnostics)
	}
	return sch
}
