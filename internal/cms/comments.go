package cms

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/parentpages/parentpages/internal/scaffold/templates"
)

// The editor reads a file into its fields and writes the fields back: a
// YAML comment (a line, or the end of one, starting #) is not a field, so a
// file the editor saves loses its comments. The PSA's own notes belong in
// x_notes, which the editor shows as "Private notes" and keeps. This file
// finds the comments that would be lost (check warns of them) and moves
// them into x_notes (parentpages notes), leaving the rest of each file as
// it was, byte for byte.
//
// The notes that `parentpages new` writes into a file are left alone: the
// editor shows the same words beside its fields (readNotes), so nothing is
// lost when it drops them.

// Comment is one note of the PSA's in a file: a run of comment lines with
// no blank line or other text between them, or a comment at the end of a
// line of YAML.
type Comment struct {
	Line, Col int    // of the first '#', in the file (front matter: the .md file)
	Lines     int    // how many lines it spans
	Text      string // the note, without the '#' marks
	Trailing  bool   // after a value on its line
}

// EditorFiles lists the files of the content folder fsys that the editor
// at /admin/ reads and writes, sorted: site.yaml, the pages, and each
// school's school.yaml, action-plan.yaml, meetings.yaml, views.yaml and
// updates.
func EditorFiles(fsys fs.FS) ([]string, error) {
	var out []string
	if _, err := fs.Stat(fsys, "site.yaml"); err == nil {
		out = append(out, "site.yaml")
	}
	for _, pattern := range []string{"pages/*.md", "schools/*/school.yaml", "schools/*/action-plan.yaml",
		"schools/*/meetings.yaml", "schools/*/views.yaml", "schools/*/updates/*.md"} {
		m, err := fs.Glob(fsys, pattern)
		if err != nil {
			return nil, err
		}
		out = append(out, m...)
	}
	slices.Sort(out)
	return out, nil
}

// CommentMessage is what check says of a comment the editor would lose.
const CommentMessage = "a note written after # is lost when this file is saved in the editor at /admin/; " +
	"keep it in x_notes instead (the editor's \"Private notes\" field): `parentpages notes` moves every such note there"

// yamlPart is the YAML of a file: the whole of a .yaml file, the front
// matter of a .md one, with the line of the file it starts on.
type yamlPart struct {
	start, end int // byte offsets in the file
	firstLine  int // 1-based
}

// partOf finds the YAML of the file named name.
func partOf(name string, src []byte) (yamlPart, bool) {
	if path.Ext(name) != ".md" {
		return yamlPart{0, len(src), 1}, true
	}
	off := 0
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		off = 3
	}
	first, _, found := bytes.Cut(src[off:], []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \r")) != "---" {
		return yamlPart{}, false
	}
	start := off + len(first) + 1
	line := 2
	for at := start; at < len(src); line++ {
		end := bytes.IndexByte(src[at:], '\n')
		next := len(src)
		if end >= 0 {
			next = at + end + 1
		}
		if string(bytes.TrimRight(src[at:next], " \r\n")) == "---" {
			return yamlPart{start, at, 2}, true
		}
		at = next
	}
	return yamlPart{}, false
}

// lineInfo is one line of the YAML text.
type lineInfo struct {
	start, end int // byte offsets of the line without its line break
	next       int // offset of the next line
}

func splitLines(text []byte) []lineInfo {
	var ls []lineInfo
	for at := 0; at < len(text); {
		end := bytes.IndexByte(text[at:], '\n')
		if end < 0 {
			ls = append(ls, lineInfo{at, len(text), len(text)})
			break
		}
		e := at + end
		ls = append(ls, lineInfo{at, strings.LastIndexFunc(string(text[at:e]), func(r rune) bool { return r != '\r' }) + 1 + at, e + 1})
		at = e + 1
	}
	return ls
}

func indentOf(b []byte) int { return len(b) - len(bytes.TrimLeft(b, " ")) }

func blank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// scan is the YAML text of a file read for its comments.
type scan struct {
	text  []byte
	lines []lineInfo
	doc   *yaml.Node
	// hidden marks the bytes inside quoted and block scalars, where a #
	// is text, not a comment.
	hidden []bool
	// comment is the offset of the '#' that starts each line's comment,
	// -1 where the line has none.
	comment []int
}

// newScan parses text and finds its comments.
func newScan(text []byte) (*scan, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, err
	}
	s := &scan{text: text, lines: splitLines(text), doc: &doc, hidden: make([]bool, len(text))}
	s.hide(&doc, 0)
	s.comment = make([]int, len(s.lines))
	for i, l := range s.lines {
		s.comment[i] = -1
		for j := l.start; j < l.end; j++ {
			if s.text[j] == '#' && !s.hidden[j] && (j == l.start || s.text[j-1] == ' ' || s.text[j-1] == '\t') {
				s.comment[i] = j
				break
			}
		}
	}
	return s, nil
}

// offset is the byte offset of a node's line and (1-based, in characters)
// column.
func (s *scan) offset(line, col int) int {
	if line < 1 || line > len(s.lines) {
		return len(s.text)
	}
	at := s.lines[line-1].start
	for c := 1; c < col && at < len(s.text); c++ {
		_, size := utf8.DecodeRune(s.text[at:])
		at += size
	}
	return at
}

// hide marks the text of every quoted and block scalar under n; parent is
// the indentation its block scalars must go beyond.
func (s *scan) hide(n *yaml.Node, parent int) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			s.hide(c, -1)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			s.hide(c, n.Column-1)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			s.hide(n.Content[i], n.Column-1)
			s.hide(n.Content[i+1], n.Content[i].Column-1)
		}
	case yaml.ScalarNode:
		at := s.offset(n.Line, n.Column)
		switch {
		case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
			end := s.quoteEnd(at)
			for i := at; i < end; i++ {
				s.hidden[i] = true
			}
		case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
			for i := n.Line; i < len(s.lines); i++ { // the lines after the indicator's
				l := s.lines[i]
				b := s.text[l.start:l.end]
				if !blank(b) && indentOf(b) <= parent {
					break
				}
				for j := l.start; j < l.end; j++ {
					s.hidden[j] = true
				}
			}
		}
	}
}

// quoteEnd returns the offset after the quoted scalar starting at at.
func (s *scan) quoteEnd(at int) int {
	q := s.text[at]
	for i := at + 1; i < len(s.text); i++ {
		switch {
		case q == '"' && s.text[i] == '\\':
			i++
		case s.text[i] == q && q == '\'' && i+1 < len(s.text) && s.text[i+1] == '\'':
			i++
		case s.text[i] == q:
			return i + 1
		}
	}
	return len(s.text)
}

// whole reports whether line i is only a comment.
func (s *scan) whole(i int) bool {
	return s.comment[i] >= 0 && blank(s.text[s.lines[i].start:s.comment[i]])
}

// commentText is the text of line i's comment, without its '#' and the
// space after it.
func (s *scan) commentText(i int) string {
	t := string(s.text[s.comment[i]+1 : s.lines[i].end])
	return strings.TrimRight(strings.TrimPrefix(t, " "), " \t")
}

// block is a run of comment lines, from, to inclusive, or one trailing
// comment (from == to).
type block struct {
	from, to int
	trailing bool
}

// blocks lists the comments of the text, those `new` writes left out.
func (s *scan) blocks() []block {
	var out []block
	for i := 0; i < len(s.lines); i++ {
		switch {
		case s.comment[i] < 0:
		case !s.whole(i):
			if !programNote(s.commentText(i)) {
				out = append(out, block{i, i, true})
			}
		default:
			j := i
			for j+1 < len(s.lines) && s.whole(j+1) {
				j++
			}
			if !s.programBlock(i, j) {
				out = append(out, block{i, j, false})
			}
			i = j
		}
	}
	return out
}

// programBlock reports whether every line of comment lines from..to is a
// note that `new` writes.
func (s *scan) programBlock(from, to int) bool {
	for i := from; i <= to; i++ {
		if !programNote(s.commentText(i)) {
			return false
		}
	}
	return true
}

func (s *scan) noteOf(b block) string {
	var lines []string
	for i := b.from; i <= b.to; i++ {
		lines = append(lines, s.commentText(i))
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// Comments returns the PSA's comments in the file named name (a .yaml
// file, or a .md file's front matter): those the editor would drop when it
// saves the file, but for the notes `parentpages new` writes.
func Comments(name string, src []byte) ([]Comment, error) {
	part, ok := partOf(name, src)
	if !ok || !bytes.ContainsRune(src[part.start:part.end], '#') {
		return nil, nil
	}
	s, err := newScan(src[part.start:part.end])
	if err != nil {
		return nil, err
	}
	var out []Comment
	for _, b := range s.blocks() {
		l := s.lines[b.from]
		col := utf8.RuneCount(s.text[l.start:s.comment[b.from]]) + 1
		out = append(out, Comment{Line: b.from + part.firstLine, Col: col, Lines: b.to - b.from + 1, Text: s.noteOf(b), Trailing: b.trailing})
	}
	return out, nil
}

// programNotes are the comment lines of the templates `new` writes files
// from, as regular expressions (what a template fills in matches anything).
var programNotes = func() []*regexp.Regexp {
	var out []*regexp.Regexp
	seen := map[string]bool{}
	texts := []string{templates.MeetingsHeader}
	entries, _ := fs.ReadDir(templates.FS, ".")
	for _, e := range entries {
		b, _ := fs.ReadFile(templates.FS, e.Name())
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			_, c, ok := cutComment(line)
			if !ok || seen[c] {
				continue
			}
			seen[c] = true
			re := regexp.QuoteMeta(c)
			re = regexp.MustCompile(`\\\{\\\{.*?\\\}\\\}`).ReplaceAllString(re, `.*`)
			out = append(out, regexp.MustCompile(`^`+re+`$`))
		}
	}
	return out
}()

// cutComment finds the comment of a line of a template: after a # at its
// start, or after " # " (a template's values hold no " # ").
func cutComment(line string) (before, comment string, ok bool) {
	t := strings.TrimLeft(line, " ")
	if strings.HasPrefix(t, "#") {
		return "", strings.TrimRight(strings.TrimPrefix(t[1:], " "), " "), true
	}
	before, comment, ok = strings.Cut(line, " # ")
	return before, strings.TrimRight(comment, " "), ok
}

// programNote reports whether a comment's text is one `new` writes.
func programNote(text string) bool {
	text = strings.TrimRight(text, " \t")
	for _, re := range programNotes {
		if re.MatchString(text) {
			return true
		}
	}
	return false
}

// Warnings checks the files the editor writes in the content folder fsys
// for comments it would lose, and returns one line for each, as
// path:line:col.
func Warnings(fsys fs.FS) ([]FileComment, error) {
	files, err := EditorFiles(fsys)
	if err != nil {
		return nil, err
	}
	var out []FileComment
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		cs, err := Comments(f, b)
		if err != nil {
			continue // a file that does not parse: the loader says why
		}
		for _, c := range cs {
			out = append(out, FileComment{Path: f, Comment: c})
		}
	}
	return out, nil
}

// FileComment is a comment and the file it is in.
type FileComment struct {
	Path string
	Comment
}

func (c FileComment) String() string {
	return fmt.Sprintf("%s:%d:%d", c.Path, c.Line, c.Col)
}
