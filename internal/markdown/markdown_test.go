package markdown

import (
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	tests := []struct {
		name, src, prefix string
		unsafe            bool
		want              []string // substrings of the HTML
		not               []string
	}{
		{name: "headings move down and get ids", src: "# Special measures\n\ntext", prefix: "/",
			want: []string{`<h2 id="special-measures">Special measures</h2>`}},
		{name: "the highest heading becomes h2", src: "## One\n\n### Two\n\n#### Three", prefix: "/",
			want: []string{`<h2 id="one">One</h2>`, `<h3 id="two">Two</h3>`, `<h4 id="three">Three</h4>`}},
		{name: "site paths get the prefix", src: "[plan](/schools/a/files/p.pdf)", prefix: "/parents/",
			want: []string{`href="/parents/schools/a/files/p.pdf"`}},
		{name: "absolute prefix for feeds", src: "![A map](/schools/a/files/m.svg)", prefix: "https://example.org/",
			want: []string{`src="https://example.org/schools/a/files/m.svg" alt="A map"`}},
		{name: "external links untouched", src: "<https://www.gov.uk/>", prefix: "/p/",
			want: []string{`href="https://www.gov.uk/"`}},
		{name: "raw html escaped", src: "Hi <script>alert(1)</script>\n\n<div>block</div>", prefix: "/",
			want: []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "<p>&lt;div&gt;block&lt;/div&gt;</p>"},
			not:  []string{"<script>", "<div>"}},
		{name: "raw html allowed when unsafe", src: "<div>block</div>", prefix: "/", unsafe: true,
			want: []string{"<div>block</div>"}},
		{name: "javascript urls dropped", src: "[x](javascript:alert(1))", prefix: "/",
			want: []string{`<a href="">x</a>`}},
		{name: "tables", src: "| a | b |\n|---|---|\n| 1 | 2 |", prefix: "/", want: []string{"<table>", "<th>a</th>"}},
		{name: "strikethrough", src: "~~old~~", prefix: "/", want: []string{"<del>old</del>"}},
	}
	p := NewParser()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewRenderer(tt.prefix, tt.unsafe).HTML(p.Parse([]byte(tt.src)))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("HTML lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("HTML has %q:\n%s", n, got)
				}
			}
		})
	}
}

func TestParseUnder(t *testing.T) {
	got := NewRenderer("/", false).HTML(NewParser().ParseUnder([]byte("# A\n\n## B"), 3))
	if !strings.Contains(got, `<h3 id="a">A</h3>`) || !strings.Contains(got, `<h4 id="b">B</h4>`) {
		t.Errorf("ParseUnder(3): %s", got)
	}
}

func TestLinks(t *testing.T) {
	src := "Intro.\n\nSee [the plan](../files/plan.pdf) and ![](../files/x.png).\n"
	d := NewParser().Parse([]byte(src))
	links := d.Links()
	if len(links) != 2 {
		t.Fatalf("got %d links, want 2", len(links))
	}
	if links[0].Dest != "../files/plan.pdf" || links[0].Image {
		t.Errorf("first link = %+v", links[0])
	}
	if got := src[links[0].Offset:][:len("../files/plan.pdf")]; got != "../files/plan.pdf" {
		t.Errorf("offset points at %q", got)
	}
	if !links[1].Image || links[1].Alt != "" {
		t.Errorf("second link = %+v", links[1])
	}
	links[0].SetDest("/schools/a/files/plan.pdf")
	if got := NewRenderer("/", false).HTML(d); !strings.Contains(got, `href="/schools/a/files/plan.pdf"`) {
		t.Errorf("SetDest not rendered: %s", got)
	}
}

func TestText(t *testing.T) {
	d := NewParser().Parse([]byte("First *para*\nline two.\n\n- one\n- two\n\n## Head\n"))
	if got, want := d.FirstParagraph(), "First para line two."; got != want {
		t.Errorf("FirstParagraph = %q, want %q", got, want)
	}
	if got, want := d.Text(), "First para line two.\n\n- one\n- two\n\nHead"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

// TestSpacedAddresses: a link or image whose address has a space, as a
// PSA writes a file's name, is a link; code is left as written, and the
// link's offset is in the text as written.
func TestSpacedAddresses(t *testing.T) {
	tests := []struct {
		name, src string
		dests     []string // the links' destinations, in order
		want      []string // substrings of the HTML
	}{
		{"image", "![Books](../files/Reading corner.JPG)", []string{"../files/Reading corner.JPG"},
			[]string{`<img src="../files/Reading%20corner.JPG" alt="Books">`}},
		{"link with a title", `See [the plan](../files/Action plan v2.pdf "The plan").`, []string{"../files/Action plan v2.pdf"},
			[]string{`<a href="../files/Action%20plan%20v2.pdf" title="The plan">the plan</a>`}},
		{"parentheses in the name", "![Sports day](../files/sports day (1).jpg) and [b](b.pdf)", []string{"../files/sports day (1).jpg", "b.pdf"},
			[]string{`src="../files/sports%20day%20(1).jpg"`, `href="b.pdf"`}},
		{"two on a line", "[a](x y.pdf) [b](z w.pdf)", []string{"x y.pdf", "z w.pdf"}, nil},
		{"code span left alone", "`[a](x y.pdf)` and [b](p q.pdf)", []string{"p q.pdf"}, []string{"<code>[a](x y.pdf)</code>"}},
		{"code block left alone", "```\n![a](x y.jpg)\n```\n", nil, []string{"![a](x y.jpg)"}},
		{"escaped bracket left alone", `\[a\](x y)`, nil, []string{"[a](x y)"}},
		{"already in angle brackets", "![a](<x y.jpg>)", []string{"x y.jpg"}, nil},
		{"not an address: a newline", "[a](x\ny)", nil, nil},
	}
	p := NewParser()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := p.Parse([]byte(tc.src))
			links := d.Links()
			if len(links) != len(tc.dests) {
				t.Fatalf("got %d links, want %d: %+v", len(links), len(tc.dests), links)
			}
			for i, l := range links {
				if l.Dest != tc.dests[i] {
					t.Errorf("link %d goes to %q, want %q", i, l.Dest, tc.dests[i])
				}
				if !strings.HasPrefix(tc.src[l.Offset:], l.Dest) {
					t.Errorf("link %d: offset %d points at %q, not at its address", i, l.Offset, tc.src[l.Offset:])
				}
			}
			got := NewRenderer("/", false).HTML(d)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("HTML lacks %q:\n%s", w, got)
				}
			}
		})
	}
}

// TestPicture: an image given its sizes has srcset, sizes, width and
// height, with the prefix on each address; every image after the first
// loads lazily.
func TestPicture(t *testing.T) {
	d := NewParser().Parse([]byte("![First](/a.jpg)\n\n![Second](/b.jpg)\n\n![Third](/c.svg)"))
	links := d.Links()
	links[0].SetPicture(Picture{Width: 1600, Height: 1200, Srcset: []Source{{"/s/480w/a.jpg", 480}, {"/s/1600w/a.jpg", 1600}}})
	links[2].SetPicture(Picture{Width: 400, Height: 240})
	got := NewRenderer("/parents/", false).HTML(d)
	for _, w := range []string{
		`<img src="/parents/a.jpg" alt="First" srcset="/parents/s/480w/a.jpg 480w, /parents/s/1600w/a.jpg 1600w" sizes="` + pictureSizes + `" width="1600" height="1200">`,
		`<img src="/parents/b.jpg" alt="Second" loading="lazy" decoding="async">`,
		`<img src="/parents/c.svg" alt="Third" width="400" height="240" loading="lazy" decoding="async">`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("HTML lacks %q:\n%s", w, got)
		}
	}
}

// FuzzSpacedAddresses: the bytes put around spaced addresses are "<" and
// ">", and taking them out gives the text as written.
func FuzzSpacedAddresses(f *testing.F) {
	f.Add("![Books](../files/Reading corner.JPG)")
	f.Add("[a](x y \"t\") `[b](c d)` [e](f (g) h)")
	f.Add("]( a b )](\\](x y)")
	p := NewParser()
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		fixed, inserted := spacedAddresses(p.parse(src, 2).Root, src)
		if inserted == nil {
			return
		}
		var back []byte
		last := 0
		for k, i := range inserted {
			if want := "<>"[k%2]; fixed[i] != want {
				t.Fatalf("byte %d is %q, want %q", i, fixed[i], want)
			}
			back = append(back, fixed[last:i]...)
			last = i + 1
		}
		back = append(back, fixed[last:]...)
		if string(back) != s {
			t.Fatalf("taking out the inserted bytes gives %q, want %q", back, s)
		}
	})
}
