package cms

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// keyEntry is one key of a block mapping of the file.
type keyEntry struct {
	line, col int // 1-based; col in characters
	name      string
	mapping   *yaml.Node
	first     bool // the mapping's first key
}

// keys lists the keys of the block mappings under n, in the order of the
// file.
func keys(n *yaml.Node, out []keyEntry) []keyEntry {
	if n.Kind == yaml.MappingNode && n.Style&yaml.FlowStyle == 0 {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			out = append(out, keyEntry{k.Line, k.Column, k.Value, n, i == 0})
			out = keys(n.Content[i+1], out)
		}
		return out
	}
	for _, c := range n.Content {
		out = keys(c, out)
	}
	return out
}

// anchored reports whether n or a node under it has an anchor or is an
// alias.
func anchored(n *yaml.Node) bool {
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		return true
	}
	return slices.ContainsFunc(n.Content, anchored)
}

// edit replaces text[start:end] with with.
type edit struct {
	start, end int
	with       string
}

// MoveNotes returns the file named name (a .yaml file, or a .md file's
// front matter) with the PSA's comments (those Comments finds) moved into
// x_notes, and how many it moved. Each comment goes to the x_notes of the
// part of the file it is in: a comment on a key, or above it, to the
// x_notes beside that key, after the key's name ("On phone: ..."), unless
// the key is the first of a list item, whose note the comment is; a
// comment at the top of the file to the file's own x_notes (a list file's:
// its first item's). A note is added to an x_notes that is already there,
// after a blank line. Every other byte of the file stays as it was. The
// result is checked: it must read as the same data, x_notes apart, or
// MoveNotes returns an error and the file is left to the PSA.
func MoveNotes(name string, src []byte) ([]byte, int, error) {
	part, ok := partOf(name, src)
	if !ok || !bytes.ContainsRune(src[part.start:part.end], '#') {
		return src, 0, nil
	}
	text := src[part.start:part.end]
	s, err := newScan(text)
	if err != nil {
		return nil, 0, err
	}
	blocks := s.blocks()
	if len(blocks) == 0 {
		return src, 0, nil
	}
	if anchored(s.doc) {
		// The loader refuses anchors and aliases; an alias can also make
		// the check below read the file over and over.
		return nil, 0, errors.New("the file has anchors (&) or aliases (*), which the content format does not allow")
	}
	root := s.doc
	if root.Kind == yaml.DocumentNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind == yaml.SequenceNode && len(root.Content) > 0 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return nil, 0, errors.New("the file holds no fields, so its notes have no x_notes to go to")
	}
	entries := keys(s.doc, nil)
	eol := "\n"
	if bytes.Contains(text, []byte("\r\n")) {
		eol = "\r\n"
	}

	notes := map[*yaml.Node][]string{}
	var order []*yaml.Node
	var edits []edit
	for _, b := range blocks {
		m, prefix := s.target(b, entries, root)
		if _, ok := notes[m]; !ok {
			order = append(order, m)
		}
		notes[m] = append(notes[m], prefix+s.noteOf(b))
		edits = append(edits, s.removal(b))
	}
	for _, m := range order {
		if m.Style&yaml.FlowStyle != 0 {
			return nil, 0, fmt.Errorf("line %d: a note is about a part written on one line in { }, where x_notes has no line of its own: "+
				"write that part as lines, one field a line, or move the note by hand", m.Line)
		}
		e, err := s.writeNotes(m, strings.Join(notes[m], "\n\n"), eol)
		if err != nil {
			return nil, 0, err
		}
		edits = append(edits, e)
	}
	out := apply(text, edits)
	if err := sameData(text, out); err != nil {
		return nil, 0, fmt.Errorf("moving the notes would change the file (%v): move them by hand", err)
	}
	return slices.Concat(src[:part.start], out, src[part.end:]), len(blocks), nil
}

// target chooses the mapping a comment's note goes to, and what the note
// starts with.
func (s *scan) target(b block, entries []keyEntry, root *yaml.Node) (*yaml.Node, string) {
	if len(entries) == 0 {
		return root, ""
	}
	line := b.from + 1 // 1-based
	var at *keyEntry
	if b.trailing {
		// The last key on its line ("- start: ... # note" is on start),
		// else the key whose value goes on to this line.
		for i := range entries {
			if entries[i].line <= line {
				at = &entries[i]
			}
		}
		if at == nil {
			return root, ""
		}
		return at.mapping, "On " + at.name + ": "
	}
	// A comment above a key is about it; one above the first key of the
	// file, about the file; one above a list item, about the item.
	next := -1
	for i := b.to + 1; i < len(s.lines); i++ {
		if !s.isBlank(i) && !s.whole(i) {
			next = i + 1
			break
		}
	}
	if next >= 0 && next <= entries[0].line {
		return root, ""
	}
	for i := range entries {
		if entries[i].line == next {
			at = &entries[i]
			break
		}
	}
	if at != nil && at.first && s.listItem(next) {
		return at.mapping, ""
	}
	if at == nil {
		// Within a value (a list of words, say), or at the end: the key
		// before it.
		for i := range entries {
			if entries[i].line < line {
				at = &entries[i]
			}
		}
	}
	if at == nil {
		return root, ""
	}
	return at.mapping, "On " + at.name + ": "
}

// listItem reports whether line (1-based) starts a list item, "- ".
func (s *scan) listItem(line int) bool {
	l := s.lines[line-1]
	return bytes.HasPrefix(bytes.TrimLeft(s.text[l.start:l.end], " "), []byte("-"))
}

// removal is the edit that takes comment block b out of the text: the
// whole lines, with a blank line that would be left doubled (or at the
// top), or the comment at the end of a line with the spaces before it.
func (s *scan) removal(b block) edit {
	if b.trailing {
		l := s.lines[b.from]
		start := s.comment[b.from]
		for start > l.start && (s.text[start-1] == ' ' || s.text[start-1] == '\t') {
			start--
		}
		return edit{start, l.end, ""}
	}
	start, end := s.lines[b.from].start, s.lines[b.to].next
	prevBlank := b.from == 0 || s.isBlank(b.from-1)
	if prevBlank && b.to+1 < len(s.lines) && s.isBlank(b.to+1) {
		end = s.lines[b.to+1].next
	}
	return edit{start, end, ""}
}

func (s *scan) isBlank(i int) bool {
	l := s.lines[i]
	return blank(s.text[l.start:l.end])
}

// writeNotes is the edit that gives mapping m the note: an x_notes key
// after its last, or the note added to the x_notes it has.
func (s *scan) writeNotes(m *yaml.Node, note, eol string) (edit, error) {
	indent := m.Content[0].Column - 1
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Value != "x_notes" {
			continue
		}
		if v.Kind != yaml.ScalarNode {
			return edit{}, fmt.Errorf("line %d: x_notes is not text, so the notes cannot be added to it", k.Line)
		}
		if old := strings.TrimSpace(v.Value); old != "" {
			note = old + "\n\n" + note
		}
		start := s.offset(k.Line, k.Column)
		return edit{start, s.valueEnd(k), render(note, indent, eol, false)}, nil
	}
	// A new key goes on the line after the mapping's last.
	at := s.valueEnd(m.Content[len(m.Content)-2])
	with := render(note, indent, eol, true)
	if at == len(s.text) && at > 0 && s.text[at-1] != '\n' {
		with = eol + with // the file's last line has no line break
	}
	return edit{at, at, with}, nil
}

// valueEnd is the offset after the last line of the value of key k: the
// lines up to the next that is indented no more than k and is not blank
// or a comment, without the blank and comment lines before it.
func (s *scan) valueEnd(k *yaml.Node) int {
	keyIndent := k.Column - 1
	last := k.Line - 1
	for i := k.Line; i < len(s.lines); i++ {
		l := s.lines[i]
		b := s.text[l.start:l.end]
		if blank(b) || s.whole(i) {
			continue
		}
		if indentOf(b) <= keyIndent && !s.hidden[l.start] {
			break
		}
		last = i
	}
	return s.lines[last].next
}

// render writes x_notes: note at indent, a whole line (newLine) or from a
// key's place on its line. Notes of several lines are written as a block.
func render(note string, indent int, eol string, newLine bool) string {
	v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: note}
	if strings.Contains(note, "\n") {
		v.Style = yaml.LiteralStyle
	}
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Value: "x_notes"}, v}}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	_ = enc.Encode(doc)
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	for i, l := range lines {
		if i > 0 || newLine {
			if l != "" {
				b.WriteString(pad)
			}
		}
		b.WriteString(l)
		b.WriteString(eol)
	}
	return b.String()
}

// apply makes the edits, which do not overlap but may start at the same
// place (a removal, then an insertion after it).
func apply(text []byte, edits []edit) []byte {
	slices.SortStableFunc(edits, func(a, b edit) int {
		if a.start != b.start {
			return b.start - a.start
		}
		return b.end - a.end
	})
	out := slices.Clone(text)
	for _, e := range edits {
		out = slices.Concat(out[:e.start], []byte(e.with), out[e.end:])
	}
	return out
}

// sameData checks that after reads as before does, every x_notes apart,
// and has none of the PSA's comments left.
func sameData(before, after []byte) error {
	var a, b any
	if err := yaml.Unmarshal(before, &a); err != nil {
		return err
	}
	if err := yaml.Unmarshal(after, &b); err != nil {
		return fmt.Errorf("it would not read: %v", err)
	}
	if !reflect.DeepEqual(withoutNotes(a), withoutNotes(b)) {
		return errors.New("its fields would read differently")
	}
	s, err := newScan(after)
	if err != nil {
		return err
	}
	if n := len(s.blocks()); n > 0 {
		return fmt.Errorf("%d notes would be left", n)
	}
	return nil
}

func withoutNotes(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, x := range v {
			if k != "x_notes" {
				out[k] = withoutNotes(x)
			}
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = withoutNotes(x)
		}
		return out
	}
	return v
}
