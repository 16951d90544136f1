package markdown

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // a part of the problem's message; "" for none
		at   int    // the problem's offset; -1 for "anywhere"
	}{
		{"ordinary text", "# News\n\n> A parent said:\n>\n> - one\n>   - two\n\n1. [Plan](../files/plan.pdf) *now*\n", "", 0},
		{"too big", strings.Repeat("a", MaxSize+1), "more than the 262144 allowed", 0},
		{"quotes nested too deep", strings.Repeat(">", MaxNesting+1) + " a\n", "more than 32 deep", 0},
		{"quotes at the limit", strings.Repeat(">", MaxNesting) + " a\n", "", 0},
		{"lists nested too deep", "x\n\n" + strings.Repeat("- ", 22) + "a\n", "more than 32 deep", 3},
		{"lists nested by indentation", "- a\n" + strings.Repeat(" ", 66) + "- b\n", "more than 32 deep", 4},
		{"ordered lists", strings.Repeat("1. ", 22) + "a\n", "more than 32 deep", 0},
		{"tabs count to the next tab stop", strings.Repeat(">\t", 14) + "a\n", "more than 32 deep", 0},
		{"a long thematic break is not nesting", strings.Repeat("- ", 40) + "\n", "", 0},
		{"too many links on a line", strings.Repeat("[a](", MaxLinksOnLine+1), "more than 100 links", 4*MaxLinksOnLine + 2},
		{"links on lines of their own", strings.Repeat("[a](b)\n", MaxLinksOnLine+1), "", 0},
		{"too many brackets", strings.Repeat("[", MaxBrackets+1), "more than 10000 `[`", MaxBrackets},
		{"too much emphasis", strings.Repeat("*a_ ", MaxEmphasis/2+1), "runs of `*`, `_` or `~`", 4 * MaxEmphasis / 2},
		{"a run of marks counts once", strings.Repeat("a***b ", MaxEmphasis), "", 0},
		{"too many backticks", strings.Repeat("`a`` ", MaxBackticks/2+1), "runs of \"`\"", -1},
		{"a long paragraph with code", "`a`\n" + strings.Repeat("b\n", MaxCodeLines), "more than 500 lines", 4 + 2*(MaxCodeLines-1)},
		{"a long paragraph without code", strings.Repeat("b\n", MaxCodeLines+1), "", 0},
		{"too many escaped characters", strings.Repeat("a > b ", MaxEscapes+1), "characters &, \" and >", -1},
		{"quote markers are not escaped characters", strings.Repeat("> > > a\n", MaxEscapes), "", 0},
		{"a control character by reference", "a &#7; b", "&#7; stands for an invisible control character", 2},
		{"a hexadecimal reference to a C1 control", "a &#x9B; b", "&#x9B; stands for", 2},
		{"references to ordinary characters", "&#9; &#x202E; &#233; &amp; &#12", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Check([]byte(tt.src))
			switch {
			case tt.want == "" && p != nil:
				t.Fatalf("problem at %d: %s", p.Offset, p.Msg)
			case tt.want == "":
			case p == nil:
				t.Fatalf("no problem; want %q", tt.want)
			case !strings.Contains(p.Msg, tt.want):
				t.Errorf("message %q; want %q", p.Msg, tt.want)
			case tt.at >= 0 && p.Offset != tt.at:
				t.Errorf("offset %d; want %d", p.Offset, tt.at)
			}
		})
	}
}

// TestHostileTextIsNotParsed gives the parser texts that took goldmark
// seconds or more (each would take several seconds here without Check):
// they must come back unparsed, with the problem.
func TestHostileTextIsNotParsed(t *testing.T) {
	for name, src := range map[string]string{
		"links that do not close": strings.Repeat("[a](", 50_000),
		"nested quotes":           strings.Repeat(">", 50_000),
		"nested lists":            strings.Repeat("- ", 20_000) + "a",
		"quotes and tabs":         strings.Repeat(">\t", 10_000) + "a",
		"mismatched emphasis":     strings.Repeat("*a_ ", 50_000),
	} {
		t.Run(name, func(t *testing.T) {
			d := NewParser().Parse([]byte(src))
			if d.Problem == nil {
				t.Fatal("parsed")
			}
			if d.Root.HasChildren() {
				t.Error("the document is not empty")
			}
			if got := NewRenderer("/", false).HTML(d); got != "" {
				t.Errorf("HTML %q", got)
			}
		})
	}
}

func TestNesting(t *testing.T) {
	for _, tt := range []struct {
		line        string
		depth, text int
	}{
		{"plain", 0, 0},
		{"> quote", 1, 2},
		{"> > - 1. item", 6, 9},
		{"    - b", 3, 6},
		{"\t- b", 3, 3},
		{"-not a marker", 0, 0},
		{"2026. A year", 1, 6},
		{"1234567890. too many digits", 0, 0},
		{"- ", 1, 2},
		{"-", 1, 1},
	} {
		depth, text := nesting([]byte(tt.line))
		if depth != tt.depth || text != tt.text {
			t.Errorf("nesting(%q) = %d, %d; want %d, %d", tt.line, depth, text, tt.depth, tt.text)
		}
	}
}

// BenchmarkAtTheLimits parses a text that comes as near to each limit as
// the size allows: what the densest text that is not refused costs.
func BenchmarkAtTheLimits(b *testing.B) {
	var s strings.Builder
	s.WriteString(strings.Repeat("*a_ ", MaxEmphasis/2-1) + "\n\n")
	for k := 1; k <= 31; k++ {
		s.WriteString("x" + strings.Repeat("`", k) + "\n")
	}
	s.WriteString(strings.Repeat("a\n", MaxCodeLines-40) + "\n")
	s.WriteString(strings.Repeat("[a](", MaxLinksOnLine) + "\n\n")
	for s.Len() < MaxSize-64 {
		s.WriteString(strings.Repeat("- ", 21) + "a\n")
	}
	src := []byte(s.String())
	if p := Check(src); p != nil {
		b.Fatalf("refused at %d: %s", p.Offset, p.Msg)
	}
	p, r := NewParser(), NewRenderer("/", false)
	b.ReportAllocs()
	for b.Loop() {
		_ = r.HTML(p.Parse(src))
	}
}
