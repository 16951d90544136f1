package markdown

import (
	"strings"
	"testing"
)

// pairSources are documents whose links and images exercise what
// RenderPair puts prefixes into.
var pairSources = []string{
	"No links at all.\n",
	"[Meetings](/schools/a/meetings/) and [the report](https://reports.ofsted.gov.uk/x).\n",
	"![A chart](/schools/a/files/chart.png \"Reading\") and [home](/).\n",
	"[odd](/a%20b/%zz/&amp;c?d=1&e=2#f) [entity](/caf&eacute;/) [num](/&#x2F;x)\n",
	"[protocol-relative](//example.org/x) [relative](files/a.pdf) [javascript](javascript:alert(1))\n",
	"<a href=\"/raw/\">raw HTML</a> and <b>bold</b>\n\n<div>\n[in a block](/x/)\n</div>\n",
	"| a | b |\n|---|---|\n| [x](/y/) | ~~z~~ |\n",
	"A NUL \x00 byte [here](/x/).\n",
	"www.example.org and https://example.org/a and mail@example.org\n",
	"[spaces](</a b/>) [unicode](/école/) [quote](/a\"b/)\n",
}

var pairPrefixes = [][2]string{
	{"/", "https://parents.example.org/"},
	{"/parents/", "https://example.org/parents/"},
	{"/", "https://example.org/a%20b/"}, // not plain: rendered twice
	{"/x&y/", "https://example.org/"},   // not plain
}

// checkPair renders src with RenderPair and checks that each renderer's
// HTML is what it writes alone.
func checkPair(t *testing.T, p *Parser, a, b *Renderer, src string) {
	t.Helper()
	d := p.Parse([]byte(src))
	wantA, wantB := a.HTML(d), b.HTML(d)
	gotA, gotB := a.RenderPair(d, b)
	if gotB != wantB {
		t.Errorf("source %q, prefix %q: RenderPair gave\n%s\nwant\n%s", src, b.prefix, gotB, wantB)
	}
	if gotA != wantA {
		t.Errorf("source %q, prefix %q: RenderPair gave\n%s\nwant\n%s", src, a.prefix, gotA, wantA)
	}
}

func TestRenderPair(t *testing.T) {
	p := NewParser()
	for _, unsafe := range []bool{false, true} {
		for _, pp := range pairPrefixes {
			a, b := NewRenderer(pp[0], unsafe), NewRenderer(pp[1], unsafe)
			for _, src := range pairSources {
				checkPair(t, p, a, b, src)
			}
		}
	}
}

func TestPlainPrefix(t *testing.T) {
	for _, tc := range []struct {
		prefix string
		want   bool
	}{
		{"/", true},
		{"/parents/", true},
		{"https://parents.example.org/", true},
		{"http://localhost:1313/a-b_c.d~e/", true},
		{"", false},
		{"/parents", false},                   // an escape could run into the path
		{"https://example.org/a%20b/", false}, // "%" is escaped, or not, by what follows
		{"/a&amp;b/", false},                  // an entity
		{"/é/", false},                        // escaped
		{"javascript:/", false},
		{"data:/", false},
		{"parents/", false},
	} {
		if got := plainPrefix(tc.prefix); got != tc.want {
			t.Errorf("plainPrefix(%q) = %v, want %v", tc.prefix, got, tc.want)
		}
	}
}

// FuzzRenderPair: for any source, rendering once for two prefixes gives
// what rendering for each does.
func FuzzRenderPair(f *testing.F) {
	for _, s := range pairSources {
		f.Add(s, false)
	}
	f.Add("[x](/a&#0;b/) [y](/\x01/)", true)
	p := NewParser()
	renderers := map[bool][2]*Renderer{}
	for _, unsafe := range []bool{false, true} {
		renderers[unsafe] = [2]*Renderer{NewRenderer("/parents/", unsafe), NewRenderer("https://example.org/parents/", unsafe)}
	}
	f.Fuzz(func(t *testing.T, src string, unsafe bool) {
		if strings.Count(src, "\n") > 200 {
			return
		}
		r := renderers[unsafe]
		checkPair(t, p, r[0], r[1], src)
	})
}
