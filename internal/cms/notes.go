package cms

import (
	"io/fs"
	"regexp"
	"strings"
)

// keyLineRE is a line that gives a key: "name: value", "- start: value",
// or either written after a "# " to show the PSA a key they may add.
var keyLineRE = regexp.MustCompile(`^(- )?([a-z_]+):(\s.*)?$`)

// readNotes reads the notes of the templates `new` writes files from, by
// the file each template makes ("school.yaml") and then the key's path in
// it.
func readNotes(templates fs.FS) (map[string]map[string]string, error) {
	files := map[string]string{"school.yaml.tmpl": "school.yaml", "meeting.yaml.tmpl": "meetings.yaml", "update.md.tmpl": "update"}
	all := map[string]map[string]string{}
	for tmpl, file := range files {
		b, err := fs.ReadFile(templates, tmpl)
		if err != nil {
			return nil, err
		}
		all[file] = notes(string(b))
	}
	return all, nil
}

// notes returns the note on each key of a template, by the key's path
// ("psa.email", "inspections.start"): the comment lines directly above the
// key (no blank line between), then the comment after it on its line.
// Sentences about writing YAML by hand (the #, the indentation, copying a
// block) are left out: the editor's forms do that for the PSA.
func notes(text string) map[string]string {
	out := map[string]string{}
	type key struct {
		indent int
		name   string
	}
	var stack []key
	var pending []string
	for _, line := range strings.Split(text, "\n") {
		indent, body, commented := splitComment(line)
		m := keyLineRE.FindStringSubmatch(body)
		if commented && len(pending) > 0 && !strings.HasSuffix(pending[len(pending)-1], ".") {
			m = nil // the sentence above goes on: "(which has an\n# outcome: instead of ..."
		}
		switch {
		case body == "" || body == "---":
			pending = nil
			continue
		case m == nil && commented:
			pending = append(pending, body)
			continue
		case m == nil:
			pending = nil
			continue
		}
		if m[1] != "" {
			indent += len(m[1])
		}
		for len(stack) > 0 && stack[len(stack)-1].indent >= indent {
			stack = stack[:len(stack)-1]
		}
		stack = append(stack, key{indent, m[2]})
		names := make([]string, len(stack))
		for i, k := range stack {
			names[i] = k.name
		}
		note := pending
		if _, after, ok := strings.Cut(m[3], " # "); ok {
			note = append(note, strings.TrimSpace(after))
		}
		if n := plainSentences(strings.Join(note, " ")); n != "" {
			out[strings.Join(names, ".")] = n
		}
		pending = nil
	}
	return out
}

// splitComment returns a line's indentation and text, the text of a
// comment without its "# " and the comment's own indentation added (so
// that "  #   every:" is a key at indentation 4).
func splitComment(line string) (indent int, body string, commented bool) {
	trimmed := strings.TrimLeft(line, " ")
	indent = len(line) - len(trimmed)
	if !strings.HasPrefix(trimmed, "#") {
		return indent, strings.TrimRight(trimmed, " "), false
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(trimmed, "#"), " ")
	inner := strings.TrimLeft(rest, " ")
	return indent + len(rest) - len(inner), strings.TrimRight(inner, " "), true
}

// handWriting marks the sentences of a note that are about editing the
// file by hand.
var handWriting = regexp.MustCompile(`#|\{\{|indent|block|Remove the|\blines?\b`)

// plainSentences returns the sentences of note that are not about editing
// the file by hand.
func plainSentences(note string) string {
	var keep []string
	for _, s := range sentences(note) {
		if !handWriting.MatchString(s) {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, " ")
}

// sentences splits text after each ". " (and at its end).
func sentences(text string) []string {
	var out []string
	for text != "" {
		i := strings.Index(text, ". ")
		if i < 0 {
			out = append(out, strings.TrimSpace(text))
			break
		}
		out = append(out, strings.TrimSpace(text[:i+1]))
		text = text[i+2:]
	}
	return out
}
