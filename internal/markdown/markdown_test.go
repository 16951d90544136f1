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
