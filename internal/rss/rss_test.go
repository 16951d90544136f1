package rss

import (
	"bytes"
	"encoding/xml"
	"flag"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// bst is British Summer Time, fixed so tests do not depend on the
// machine's zoneinfo.
var bst = time.FixedZone("BST", 60*60)

// sampleChannel has the awkward text a school's updates can hold: Welsh and
// Polish names, emoji, ampersands, angle brackets, quotes and a CDATA end.
func sampleChannel() Channel {
	return Channel{
		Title:       "Ysgol Gymraeg Tŷ Coch & Friends: updates",
		Link:        "https://parents.example.org/schools/ysgol-ty-coch/",
		Description: `News for parents about "Ysgol Tŷ Coch" after its inspection <2026>.`,
		Language:    "en-GB",
		SelfURL:     "https://parents.example.org/schools/ysgol-ty-coch/feed.xml",
		Generator:   "parentpages",
		Items: []Item{
			{
				Title:       "What parents told us: Łukasz, Żaneta & Gwŷn 🎉",
				Link:        "https://parents.example.org/schools/ysgol-ty-coch/updates/what-parents-told-us/",
				Published:   time.Date(2026, 10, 20, 9, 30, 0, 0, bst),
				Description: "Themes from the first two focus groups: reading < writing? Parents' views & the school's plan.",
				ContentHTML: "<p>Parents said reading comes first &amp; homework second.</p>\n" +
					"<p>A code sample: <code>a[b[0]]&gt;c</code> and a literal ]]> in text.</p>\n" +
					`<p><img src="https://parents.example.org/schools/ysgol-ty-coch/files/focus.jpg" alt="Parents at the focus group"></p>`,
				Author:     "Jo Bloggs, Parent Support Adviser",
				Categories: []string{"focus group", "reading"},
			},
			{
				Title:       "Inspection published",
				Link:        "https://parents.example.org/schools/ysgol-ty-coch/updates/inspection-published/",
				GUID:        "https://parents.example.org/schools/ysgol-ty-coch/updates/inspection-published/",
				Published:   time.Date(2026, 3, 2, 16, 0, 0, 0, time.UTC),
				Description: "Ofsted's report is out.",
			},
		},
	}
}

func TestMarshalGolden(t *testing.T) {
	got, err := sampleChannel().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	again, err := sampleChannel().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, again) {
		t.Fatal("two Marshal calls on the same channel gave different bytes")
	}

	golden := filepath.Join("testdata", "feed.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update if the change is intended)\ngot:\n%s", golden, got)
	}
}

// The read* types decode a feed by namespace URI, as a feed reader does,
// rather than by the prefixes Marshal happens to write.
type readRSS struct {
	XMLName xml.Name    `xml:"rss"`
	Version string      `xml:"version,attr"`
	Channel readChannel `xml:"channel"`
}

type readChannel struct {
	// AtomLink comes before Link: a field with no namespace matches
	// <link> in any namespace, and the first matching field wins.
	AtomLink []struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr"`
		Type string `xml:"type,attr"`
	} `xml:"http://www.w3.org/2005/Atom link"`
	Title         string     `xml:"title"`
	Link          string     `xml:"link"`
	Description   string     `xml:"description"`
	Language      string     `xml:"language"`
	PubDate       *string    `xml:"pubDate"`
	LastBuildDate *string    `xml:"lastBuildDate"`
	Generator     string     `xml:"generator"`
	Items         []readItem `xml:"item"`
}

type readItem struct {
	Title string `xml:"title"`
	Link  string `xml:"link"`
	GUID  struct {
		IsPermaLink string `xml:"isPermaLink,attr"`
		Value       string `xml:",chardata"`
	} `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Creator     string   `xml:"http://purl.org/dc/elements/1.1/ creator"`
	Categories  []string `xml:"category"`
	Description string   `xml:"description"`
	Content     string   `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
}

// decode parses b strictly; encoding/xml rejects characters XML 1.0 does not
// allow, so a successful decode also shows the output is well formed.
func decode(t *testing.T, b []byte) readRSS {
	t.Helper()
	if !bytes.HasPrefix(b, []byte(`<?xml version="1.0" encoding="UTF-8"?>`+"\n")) {
		t.Errorf("output does not start with the XML declaration: %.60q", b)
	}
	var doc readRSS
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, b)
	}
	return doc
}

func TestMarshalRoundTrip(t *testing.T) {
	c := sampleChannel()
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	doc := decode(t, b)

	if doc.Version != "2.0" {
		t.Errorf("version = %q, want 2.0", doc.Version)
	}
	ch := doc.Channel
	for _, f := range []struct{ name, got, want string }{
		{"title", ch.Title, c.Title},
		{"link", ch.Link, c.Link},
		{"description", ch.Description, c.Description},
		{"language", ch.Language, c.Language},
		{"generator", ch.Generator, c.Generator},
	} {
		if f.got != f.want {
			t.Errorf("channel %s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if len(ch.AtomLink) != 1 || ch.AtomLink[0].Href != c.SelfURL || ch.AtomLink[0].Rel != "self" || ch.AtomLink[0].Type != MediaType {
		t.Errorf("atom:link = %+v, want one rel=self link to %s", ch.AtomLink, c.SelfURL)
	}
	// The newest item is the first here; its date is the channel's.
	newest := c.Items[0].Published.Format(time.RFC1123Z)
	if ch.LastBuildDate == nil || *ch.LastBuildDate != newest {
		t.Errorf("lastBuildDate = %v, want %q", ch.LastBuildDate, newest)
	}
	if ch.PubDate == nil || *ch.PubDate != newest {
		t.Errorf("channel pubDate = %v, want %q", ch.PubDate, newest)
	}

	if len(ch.Items) != len(c.Items) {
		t.Fatalf("got %d items, want %d", len(ch.Items), len(c.Items))
	}
	for i, want := range c.Items {
		got := ch.Items[i]
		t.Run(want.Title, func(t *testing.T) {
			wantGUID := want.GUID
			if wantGUID == "" {
				wantGUID = want.Link
			}
			published, err := time.Parse(time.RFC1123Z, got.PubDate)
			if err != nil {
				t.Errorf("pubDate %q: %v", got.PubDate, err)
			} else if !published.Equal(want.Published) {
				t.Errorf("pubDate = %v, want %v", published, want.Published)
			}
			for _, f := range []struct{ name, got, want string }{
				{"title", got.Title, want.Title},
				{"link", got.Link, want.Link},
				{"guid", got.GUID.Value, wantGUID},
				{"guid isPermaLink", got.GUID.IsPermaLink, "true"},
				// Description is HTML-escaped inside the XML; one
				// level of HTML unescaping gives back the plain text.
				{"description", html.UnescapeString(got.Description), want.Description},
				{"content:encoded", got.Content, want.ContentHTML},
				{"dc:creator", got.Creator, want.Author},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			if !slices.Equal(got.Categories, want.Categories) {
				t.Errorf("categories = %q, want %q", got.Categories, want.Categories)
			}
		})
	}
}

func TestMarshalItemOrderKept(t *testing.T) {
	// Items out of date order: the caller's order is kept, and the
	// channel date is still the newest, wherever it sits.
	older := Item{Title: "Older", Link: "https://e.example/a/", Published: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	newer := Item{Title: "Newer", Link: "https://e.example/b/", Published: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)}
	b, err := Channel{Title: "T", Link: "https://e.example/", Items: []Item{older, newer}}.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	ch := decode(t, b).Channel
	if len(ch.Items) != 2 || ch.Items[0].Title != "Older" || ch.Items[1].Title != "Newer" {
		t.Errorf("items = %+v, want Older then Newer", ch.Items)
	}
	if want := newer.Published.Format(time.RFC1123Z); ch.LastBuildDate == nil || *ch.LastBuildDate != want {
		t.Errorf("lastBuildDate = %v, want %q", ch.LastBuildDate, want)
	}
}

func TestMarshalEmptyChannel(t *testing.T) {
	c := Channel{
		Title:   "Ysgol Tŷ Coch: updates",
		Link:    "https://parents.example.org/schools/ysgol-ty-coch/",
		SelfURL: "https://parents.example.org/schools/ysgol-ty-coch/feed.xml",
	}
	b, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	ch := decode(t, b).Channel
	if ch.LastBuildDate != nil || ch.PubDate != nil {
		t.Errorf("empty channel has dates: lastBuildDate=%v pubDate=%v", ch.LastBuildDate, ch.PubDate)
	}
	if len(ch.Items) != 0 {
		t.Errorf("empty channel has %d items", len(ch.Items))
	}
	// RSS 2.0 requires title, link and description, even when empty.
	for _, el := range []string{"<title>", "<link>", "<description></description>"} {
		if !bytes.Contains(b, []byte(el)) {
			t.Errorf("empty channel lacks %s:\n%s", el, b)
		}
	}
}

func TestMarshalDates(t *testing.T) {
	tests := []struct {
		name string
		in   time.Time
		want string
	}{
		{"UTC", time.Date(2026, 3, 2, 16, 0, 0, 0, time.UTC), "Mon, 02 Mar 2026 16:00:00 +0000"},
		{"British Summer Time keeps its offset", time.Date(2026, 10, 20, 9, 30, 5, 0, bst), "Tue, 20 Oct 2026 09:30:05 +0100"},
		{"negative half-hour offset", time.Date(2026, 12, 31, 23, 59, 59, 0, time.FixedZone("NST", -(3*60+30)*60)), "Thu, 31 Dec 2026 23:59:59 -0330"},
		{"sub-second part dropped", time.Date(2027, 1, 9, 8, 0, 0, 999_999_999, time.UTC), "Sat, 09 Jan 2027 08:00:00 +0000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Channel{Title: "T", Link: "https://e.example/", Items: []Item{
				{Title: "I", Link: "https://e.example/i/", Published: tt.in},
			}}.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			ch := decode(t, b).Channel
			if got := ch.Items[0].PubDate; got != tt.want {
				t.Errorf("item pubDate = %q, want %q", got, tt.want)
			}
			if ch.LastBuildDate == nil || *ch.LastBuildDate != tt.want {
				t.Errorf("lastBuildDate = %v, want %q", ch.LastBuildDate, tt.want)
			}
		})
	}

	t.Run("zero time leaves pubDate out", func(t *testing.T) {
		b, err := Channel{Title: "T", Link: "https://e.example/", Items: []Item{{Title: "I"}}}.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("pubDate")) || bytes.Contains(b, []byte("lastBuildDate")) {
			t.Errorf("zero Published wrote a date:\n%s", b)
		}
	})
}

func TestMarshalInvalidCharacters(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"valid text is kept", "Tŷ Coch, Łódź, Żabka 🎉 \t\n", "Tŷ Coch, Łódź, Żabka 🎉 \t\n"},
		{"NUL", "a\x00b", "ab"},
		{"C0 controls", "a\x01\x08\x0b\x0c\x1f b", "a b"},
		{"DEL and C1 are allowed", "a\x7f\u0085b", "a\x7f\u0085b"},
		{"U+FFFE and U+FFFF", "a\uFFFEb\uFFFFc", "abc"},
		{"real U+FFFD is kept", "a\uFFFDb", "a\uFFFDb"},
		{"lone high surrogate (CESU bytes)", "a\xed\xa0\x80b", "ab"},
		{"lone low surrogate (CESU bytes)", "a\xed\xbf\xbfb", "ab"},
		{"bytes that are not UTF-8", "a\xff\xfeb\xc3", "ab"},
		{"astral plane is kept", "\U0010FFFD\U0001F600", "\U0010FFFD\U0001F600"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Channel{
				Title: "T" + tt.in, Link: "https://e.example/", Description: tt.in, Generator: tt.in,
				Items: []Item{{
					Title: tt.in + "x", Link: "https://e.example/i/", Description: tt.in,
					ContentHTML: "<p>" + tt.in + "</p>", Author: tt.in, Categories: []string{tt.in + "c"},
				}},
			}
			b, err := c.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			ch := decode(t, b).Channel
			it := ch.Items[0]
			for _, f := range []struct{ name, got, want string }{
				{"channel title", ch.Title, "T" + tt.want},
				{"channel description", ch.Description, tt.want},
				{"generator", ch.Generator, tt.want},
				{"item title", it.Title, tt.want + "x"},
				{"item description", html.UnescapeString(it.Description), tt.want},
				{"content:encoded", it.Content, "<p>" + tt.want + "</p>"},
				{"dc:creator", it.Creator, tt.want},
				{"category", strings.Join(it.Categories, "|"), tt.want + "c"},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
		})
	}
}

func TestMarshalContentCDATA(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"CDATA end inside", "<p>x]]>y</p>", "<p>x]]>y</p>"},
		{"CDATA end twice, adjacent", "]]>]]>", "]]>]]>"},
		{"CRLF normalised", "<p>a</p>\r\n<p>b</p>\r<p>c</p>", "<p>a</p>\n<p>b</p>\n<p>c</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Channel{Title: "T", Link: "https://e.example/", Items: []Item{
				{Title: "I", ContentHTML: tt.in},
			}}.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if got := decode(t, b).Channel.Items[0].Content; got != tt.want {
				t.Errorf("content:encoded = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMarshalRejectsBadChannels(t *testing.T) {
	tests := []struct {
		name    string
		channel Channel
		want    []string // substrings of the error
	}{
		{"no title or link", Channel{}, []string{"no title", "channel link is missing"}},
		{"relative link", Channel{Title: "T", Link: "/schools/x/"}, []string{`channel link "/schools/x/"`}},
		{"relative self URL", Channel{Title: "T", Link: "https://e.example/", SelfURL: "feed.xml"}, []string{"self URL"}},
		{"item with neither title nor description", Channel{Title: "T", Link: "https://e.example/", Items: []Item{
			{Title: "ok"}, {Link: "https://e.example/x/"},
		}}, []string{"item 1 has neither"}},
		{"item with relative link and GUID", Channel{Title: "T", Link: "https://e.example/", Items: []Item{
			{Title: "I", Link: "updates/x/", GUID: "x"},
		}}, []string{"item 0 link", "item 0 GUID"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.channel.Marshal()
			if err == nil {
				t.Fatalf("Marshal succeeded, want an error:\n%s", b)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// FuzzMarshal checks that whatever text a school's content holds, the feed
// parses as XML and the titles read back as the cleaned input.
func FuzzMarshal(f *testing.F) {
	for _, s := range []string{"", "Tŷ Coch & Łódź 🎉", "a]]>b", "\x00\x1f\uFFFE", "\xed\xa0\x80", "<p>\r\n</p>"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, title, body string) {
		c := Channel{Title: "T" + title, Link: "https://e.example/", Description: body, Items: []Item{
			{Title: "I" + title, Description: body, ContentHTML: body, Author: title, Categories: []string{title}},
		}}
		b, err := c.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		var doc readRSS
		if err := xml.Unmarshal(b, &doc); err != nil {
			t.Fatalf("output does not parse: %v\n%q", err, b)
		}
		if got, want := doc.Channel.Items[0].Title, "I"+clean(title); got != want {
			t.Errorf("item title = %q, want %q", got, want)
		}
	})
}
