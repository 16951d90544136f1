package content

import (
	"bytes"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Long formats the diagnostic as String does, followed by the line it is
// about with a caret under the place, and the line as it should be
// written where that is known:
//
//	meetings.yaml:21:16: the text of `title` has ": " in it ...
//	    21 | - title: Update: December
//	       |                ^
//	  write it as:
//	    21 | - title: "Update: December"
func (d Diagnostic) Long() string {
	if e := d.Excerpt(); e != "" {
		return d.String() + "\n" + e
	}
	return d.String()
}

// Excerpt is the part of Long after the first line: "" when neither the
// line nor a fix is known.
func (d Diagnostic) Excerpt() string {
	if d.Pos.Line == 0 || (d.Source == "" && d.Fix == "") {
		return ""
	}
	num := strconv.Itoa(d.Pos.Line)
	pad := strings.Repeat(" ", len(num))
	var b strings.Builder
	if d.Source != "" {
		shown, caret := showLine(d.Source, d.Pos.Col)
		fmt.Fprintf(&b, "    %s | %s\n", num, shown)
		fmt.Fprintf(&b, "    %s | %s^\n", pad, strings.Repeat(" ", caret))
	}
	if d.Fix != "" {
		shown, _ := showLine(d.Fix, 1)
		fmt.Fprintf(&b, "  write it as:\n    %s | %s\n", num, shown)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// maxShown is how much of a long line is shown: the part around the column.
const maxShown = 100

// showLine makes a line safe and short to print, and returns where the
// caret for column col (1-based, in characters) goes in it. Tabs become
// four spaces and characters that could change how a terminal or a page
// shows the text (controls, bidirectional overrides) become U+FFFD.
func showLine(line string, col int) (string, int) {
	rs := []rune(strings.TrimRight(line, "\r\n"))
	col = min(max(col, 1), len(rs)+1)
	from := 0
	if len(rs) > maxShown && col > maxShown*2/3 {
		from = min(col-maxShown*2/3, len(rs)-maxShown)
	}
	to := min(len(rs), from+maxShown)
	var b strings.Builder
	caret := 0
	if from > 0 {
		b.WriteString("…")
		caret++
	}
	for i := from; i < to; i++ {
		r := rs[i]
		w := 1
		switch {
		case r == '\t':
			b.WriteString("    ")
			w = 4
		case unsafeRune(r):
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
		if i < col-1 {
			caret += w
		}
	}
	if to < len(rs) {
		b.WriteString("…")
	}
	return b.String(), caret
}

// unsafeRune reports characters that must not be printed as they are.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F
}

// lineOf returns line n (1-based) of text, without its line ending, and
// whether text has it.
func lineOf(text []byte, n int) (string, bool) {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(text, '\n')
		if j < 0 {
			return "", false
		}
		text = text[j+1:]
	}
	if j := bytes.IndexByte(text, '\n'); j >= 0 {
		text = text[:j]
	}
	return string(bytes.TrimRight(text, "\r")), true
}

// quoteFrom fills in the Source of the diagnostics about the files in
// texts (content path -> the file's text, decoded).
func (ds Diagnostics) quoteFrom(texts map[string][]byte) {
	for i := range ds {
		d := &ds[i]
		if text, ok := texts[d.Path]; ok && d.Source == "" && d.Pos.Line > 0 {
			d.Source, _ = lineOf(text, d.Pos.Line)
		}
	}
}

// Quote fills in the Source of each diagnostic about a line of a content
// file, reading each such file once from fsys (the content folder). The
// loader quotes its own; this is for the problems found later, in the
// model (links in Markdown, say). Files that are not regular, are larger
// than a content file may be, or cannot be read as text are left out.
func Quote(fsys fs.FS, ds Diagnostics) Diagnostics {
	texts := map[string][]byte{}
	for _, d := range ds {
		if d.Source != "" || d.Pos.Line == 0 || d.Beside || !quotable(d.Path) {
			continue
		}
		if _, done := texts[d.Path]; done {
			continue
		}
		texts[d.Path] = nil
		info, err := fs.Stat(fsys, d.Path)
		if err != nil || !info.Mode().IsRegular() || info.Size() > maxYAMLSize {
			continue
		}
		b, err := fs.ReadFile(fsys, d.Path)
		if err != nil {
			continue
		}
		if text, problem := decodeText(b); problem == "" {
			texts[d.Path] = text
		}
	}
	ds.quoteFrom(texts)
	return ds
}

// quotable reports whether p names a content file, whose lines may be
// shown: a YAML or Markdown file inside the content folder.
func quotable(p string) bool {
	return fs.ValidPath(p) && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".md"))
}
