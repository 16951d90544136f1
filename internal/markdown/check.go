package markdown

import (
	"bytes"
	"fmt"
)

// The limits below keep goldmark's work in proportion to the text: past
// them its time grows with the square of the text's size (see Check), and
// a 1 MiB update took minutes and most of a gigabyte. No PSA's text comes
// near them: real updates nest lists two or three deep, and have tens of
// links and marks, not thousands.
const (
	// MaxSize bounds a text's bytes: every construct costs goldmark a node
	// of a hundred bytes or more, so that the densest text of this size
	// still takes a few hundred MB to parse and render.
	MaxSize = 256 << 10
	// MaxNesting bounds the lists and block quotes a line starts with.
	MaxNesting = 32
	// MaxLinksOnLine bounds the link destinations ("](") on one line.
	MaxLinksOnLine = 100
	// MaxBrackets bounds the "[" in one text.
	MaxBrackets = 10_000
	// MaxEmphasis bounds the runs of "*", "_" and "~" in one text.
	MaxEmphasis = 20_000
	// MaxBackticks bounds the runs of "`" in one text.
	MaxBackticks = 1_000
	// MaxCodeLines bounds the lines of a paragraph (lines with no blank
	// line between them) that holds a "`".
	MaxCodeLines = 500
	// MaxEscapes bounds the characters of a paragraph that HTML writes as
	// entities and the minifier writes back ('"', '&' and '>'): the HTML
	// minifier (tdewolff/parse's replaceEntities) moves the rest of the
	// text for each one it shortens, so a paragraph of n costs n*n.
	MaxEscapes = 5_000
)

// Problem is why a text is not parsed: where it was found (a byte offset
// in the text) and what to do about it, in words for the PSA.
type Problem struct {
	Offset int
	Msg    string
}

func (p *Problem) Error() string { return p.Msg }

// Check scans src, once and without parsing it, for what would make
// goldmark's work grow faster than the text, and for character references
// to control characters. It returns the first problem, or nil.
//
// What each limit bounds, in goldmark 1.8 (the parser, package parser, and
// its text.Reader):
//   - nesting: every container block (list item, block quote) that a line
//     opens or continues calls reader.LineOffset, which counts the columns
//     from the start of the line again, so a line of n ">" or "- " costs
//     n*n (">" x 400,000 took 43 s; ">\t" x 50,000 allocated 655 MB);
//   - links on a line: at each "](" parseLinkDestination reads the rest of
//     the line when the link does not close, so "[a](" x n costs n*n
//     ("[a](" x 262,000, 1 MiB, took 277 s);
//   - emphasis: ProcessDelimiters looks back through every earlier
//     delimiter of the paragraph for an opener of each closer, with no
//     bottom per kind, so "*a_ " x n costs n*n;
//   - backticks: a code span that does not close scans, and allocates a
//     node for each line of, the rest of its paragraph;
//   - "[": each is a node until its paragraph ends (a 1 MB paragraph of
//     "[" took 794 MB), and the link reference definitions of a paragraph
//     are cut out of its lines one by one, copying the rest each time.
func Check(src []byte) *Problem {
	if len(src) > MaxSize {
		return &Problem{0, fmt.Sprintf("this text is %d bytes, more than the %d allowed; split it into several", len(src), MaxSize)}
	}
	var c checker
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		if p := c.line(src, off, end); p != nil {
			return p
		}
		off = end + 1
	}
	return nil
}

// checker counts what Check bounds, through the text and through the
// paragraph (the run of non-blank lines) it is in.
type checker struct {
	brackets, emphasis, backticks   int
	parLines, parBackticks, escapes int
}

func (c *checker) line(src []byte, off, end int) *Problem {
	line := src[off:end]
	if isBlank(line) {
		c.parLines, c.parBackticks, c.escapes = 0, 0, 0
		return nil
	}
	c.parLines++
	depth, text := nesting(line)
	if depth > MaxNesting && !thematicBreak(line) {
		return &Problem{off, fmt.Sprintf("this line nests lists and block quotes more than %d deep (each `>`, each list marker such as `-` or `1.`, and every two spaces before them count as one); no page needs so many: remove some of them", MaxNesting)}
	}
	links := 0
	for i := text; i < len(line); i++ {
		switch b := line[i]; b {
		case '[':
			c.brackets++
			if c.brackets > MaxBrackets {
				return &Problem{off + i, fmt.Sprintf("this text has more than %d `[`, more than any page needs; split it into several texts, or write fewer [ ]", MaxBrackets)}
			}
		case ']':
			if i+1 < len(line) && line[i+1] == '(' {
				links++
				if links > MaxLinksOnLine {
					return &Problem{off + i, fmt.Sprintf("this line has more than %d links (`](`); start a new line (a list item, say) for some of them", MaxLinksOnLine)}
				}
			}
		case '*', '_', '~':
			if i == 0 || line[i-1] != b {
				c.emphasis++
				if c.emphasis > MaxEmphasis {
					return &Problem{off + i, fmt.Sprintf("this text has more than %d runs of `*`, `_` or `~`, more than any page needs; split it into several texts, or remove some of them", MaxEmphasis)}
				}
			}
		case '`':
			if i == 0 || line[i-1] != '`' {
				c.backticks++
				c.parBackticks++
				if c.backticks > MaxBackticks {
					return &Problem{off + i, fmt.Sprintf("this text has more than %d runs of \"`\", more than any page needs; remove some of them", MaxBackticks)}
				}
			}
		case '&', '"', '>':
			if b == '&' {
				if p := controlReference(line[i:]); p != "" {
					return &Problem{off + i, fmt.Sprintf("%s stands for an invisible control character, which does not belong in a page; remove it", p)}
				}
			}
			c.escapes++
			if c.escapes > MaxEscapes {
				return &Problem{off + i, fmt.Sprintf("this paragraph has more than %d of the characters &, \" and >, more than any paragraph needs; put blank lines between its parts", MaxEscapes)}
			}
		}
	}
	if c.parBackticks > 0 && c.parLines > MaxCodeLines {
		return &Problem{off, fmt.Sprintf("this paragraph has \"`\" and more than %d lines with no blank line between them; put a blank line between its parts", MaxCodeLines)}
	}
	return nil
}

func isBlank(line []byte) bool {
	for _, b := range line {
		if b != ' ' && b != '\t' && b != '\r' {
			return false
		}
	}
	return true
}

// nesting is at least the number of list items and block quotes a line is
// inside, where it opens one: the markers it starts with ("> - 1. "), and
// one for every two columns of space before them, the least that a list
// item's content is indented by (a line continues an open list item only
// if it is indented as far as the item's content). It may count more. It
// also returns where the text after the markers starts.
func nesting(line []byte) (depth, text int) {
	markers, space, col := 0, 0, 0
	i := 0
	for i < len(line) {
		n := markerLen(line, i)
		switch b := line[i]; {
		case b == ' ':
			space++
			col++
		case b == '\t':
			w := 4 - col%4
			space += w
			col += w
		case n > 0:
			markers++
			col += n
			i += n - 1
		default:
			return markers + space/2, i
		}
		i++
	}
	return markers + space/2, i
}

// markerLen returns the length of the block quote or list marker at
// line[i] (">", "-", "+", "*", "1." or "1)"), or 0 if there is none.
func markerLen(line []byte, i int) int {
	switch b := line[i]; {
	case b == '>':
		return 1
	case b == '-' || b == '+' || b == '*':
		if endsMarker(line, i+1) {
			return 1
		}
	case '0' <= b && b <= '9':
		j := i
		for j < len(line) && j-i < 9 && '0' <= line[j] && line[j] <= '9' {
			j++
		}
		if j < len(line) && (line[j] == '.' || line[j] == ')') && endsMarker(line, j+1) {
			return j + 1 - i
		}
	}
	return 0
}

// endsMarker reports whether a list marker ending before line[i] is one:
// followed by a space, a tab or the end of the line.
func endsMarker(line []byte, i int) bool {
	return i == len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\r'
}

// thematicBreak reports whether the line is a thematic break such as
// "- - - - -" or "* * *", which looks like nested list markers but is not.
func thematicBreak(line []byte) bool {
	var mark byte
	n := 0
	for _, b := range line {
		switch {
		case b == ' ' || b == '\t' || b == '\r':
		case (b == '-' || b == '*' || b == '_') && (mark == 0 || b == mark):
			mark = b
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// controlReference returns the numeric character reference s starts with
// ("&#7;", "&#x1B;") when it stands for a control character other than tab,
// line feed and carriage return, which goldmark would write into the page
// as it is; else "".
func controlReference(s []byte) string {
	if len(s) < 4 || s[1] != '#' {
		return ""
	}
	i, base := 2, 10
	if s[2] == 'x' || s[2] == 'X' {
		i, base = 3, 16
	}
	v, start := 0, i
	for ; i < len(s) && i-start < 8; i++ {
		d := digitValue(s[i], base)
		if d < 0 {
			break
		}
		v = v*base + d
	}
	if i == start || i >= len(s) || s[i] != ';' {
		return ""
	}
	if (v >= 0x01 && v < 0x20 && v != '\t' && v != '\n' && v != '\r') || (v >= 0x7f && v <= 0x9f) {
		return string(s[:i+1])
	}
	return ""
}

func digitValue(b byte, base int) int {
	switch {
	case '0' <= b && b <= '9':
		return int(b - '0')
	case base == 16 && 'a' <= b && b <= 'f':
		return int(b-'a') + 10
	case base == 16 && 'A' <= b && b <= 'F':
		return int(b-'A') + 10
	}
	return -1
}
