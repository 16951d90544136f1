package content

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// syntaxProblem is a YAML parse error explained: where the mistake is,
// what is wrong in words a PSA knows, and the line corrected where that
// can be worked out.
type syntaxProblem struct {
	line, col int // in src, 1-based
	msg, fix  string
}

var yamlErrorRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// keyLineRE matches a line that starts a field: its indentation and list
// dash, the key, and the value after ": ".
var keyLineRE = regexp.MustCompile(`^(\s*(?:-\s+)?)([a-z_][a-z0-9_]*):(?:\s+(.*))?$`)

// noSpaceRE matches a field written without a space after its colon.
var noSpaceRE = regexp.MustCompile(`^(\s*(?:-\s+)?)([a-z_][a-z0-9_]*):([^\s].*)$`)

// explainSyntax explains yaml.v3's parse error err of src. yaml.v3 names
// the line where the block around the mistake starts for many errors, not
// the line of the mistake, so the line is found again by parsing ever
// longer beginnings of src until the same error appears.
func explainSyntax(src []byte, err error) syntaxProblem {
	reason := err.Error()
	reported := 1
	if m := yamlErrorRE.FindStringSubmatch(reason); m != nil {
		if m[1] != "" {
			reported, _ = strconv.Atoi(m[1])
		}
		reason = reason[len(m[0]):]
	}
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	if strings.Contains(reason, "tab character") {
		if p, ok := tabProblem(lines, reported); ok {
			return p
		}
	}
	from := reported
	if strings.Contains(reason, "end of stream") {
		// Text in quotes may go on over lines, so the quote that is never
		// closed can be anywhere before the end.
		if p, ok := openQuote(lines, len(lines)+1); ok {
			return p
		}
		from = 1
	}
	n := errorLine(src, lines, from, reason)
	if n < 1 || n > len(lines) {
		return syntaxProblem{line: reported, col: 1, msg: genericSyntax(reason)}
	}
	if p, ok := openQuote(lines, n); ok {
		return p
	}
	if p, ok := explainLine(lines, n, reason); ok {
		return p
	}
	return syntaxProblem{line: n, col: firstCol(lines[n-1]), msg: genericSyntax(reason)}
}

func genericSyntax(reason string) string {
	return fmt.Sprintf("the program cannot read this line (%s): check that it starts at the same place as the lines of the same block, with spaces, not tabs, and put text that holds \": \" or starts with a mark such as [ * & ' \" in quotes", reason)
}

// These bound the search for the line of a parse error, so that no file
// makes a check slow: the lines after the one yaml.v3 names, the size of
// file searched, and the bytes parsed again in all (a few milliseconds).
const (
	maxSearchLines  = 200
	maxSearchBytes  = 256 << 10
	maxSearchParsed = 4 << 20
)

// errorLine returns the first line at which parsing src up to that line
// gives the same error as parsing all of it; reported if none does.
func errorLine(src []byte, lines []string, reported int, reason string) int {
	if len(src) > maxSearchBytes {
		return reported
	}
	var prefix bytes.Buffer
	parsed := 0
	for i := 0; i < len(lines) && i < reported+maxSearchLines; i++ {
		prefix.WriteString(lines[i])
		prefix.WriteByte('\n')
		if i+1 < reported {
			continue
		}
		if parsed += prefix.Len(); parsed > maxSearchParsed {
			break
		}
		var doc yaml.Node
		err := yaml.Unmarshal(prefix.Bytes(), &doc)
		if err == nil {
			continue
		}
		if r := yamlErrorRE.ReplaceAllString(err.Error(), ""); r == reason {
			return i + 1
		}
	}
	return reported
}

// tabProblem finds the first line from the one reported (yaml.v3 names
// the line before) whose indentation holds a tab.
func tabProblem(lines []string, reported int) (syntaxProblem, bool) {
	for i := max(reported-1, 0); i < len(lines); i++ {
		l := lines[i]
		rest := strings.TrimLeft(l, " \t")
		indent := l[:len(l)-len(rest)]
		if t := strings.IndexByte(indent, '\t'); t >= 0 {
			p := syntaxProblem{line: i + 1, col: t + 1,
				msg: "this line is indented with the Tab key, and these files must be indented with spaces: delete the gap at the start of the line and type spaces, so that it lines up with the lines of the same block"}
			if want, ok := expectedIndent(lines, i); ok {
				p.fix = strings.Repeat(" ", want) + rest
			}
			return p, true
		}
	}
	return syntaxProblem{}, false
}

// explainLine explains a parse error found on line n.
func explainLine(lines []string, n int, reason string) (syntaxProblem, bool) {
	l := lines[n-1]
	if t := strings.IndexByte(l, '\t'); t >= 0 && strings.TrimLeft(l[:t], " ") == "" {
		return tabProblem(lines, n)
	}
	if m := noSpaceRE.FindStringSubmatch(l); m != nil && !strings.Contains(reason, "mapping values") {
		return syntaxProblem{line: n, col: len(m[1]) + len(m[2]) + 2,
			msg: fmt.Sprintf("put a space after the colon of `%s:`", m[2]),
			fix: m[1] + m[2] + ": " + m[3]}, true
	}
	m := keyLineRE.FindStringSubmatch(l)
	if m == nil {
		return indentProblem(lines, n, reason)
	}
	lead, key, value := m[1], m[2], m[3]
	valueCol := utf8.RuneCountInString(l[:len(l)-len(value)]) + 1
	if value == "" {
		return indentProblem(lines, n, reason)
	}
	switch c := value[0]; {
	case c == '"' || c == '\'':
		return quoteProblem(lines, n, lead, key, value, valueCol, reason)
	case strings.ContainsRune("@`%*&!|>", rune(c)):
		return syntaxProblem{line: n, col: valueCol,
			msg: fmt.Sprintf("text that starts with %c must be in quotes: write the text of `%s` in \"double quotes\"", c, key),
			fix: lead + key + ": " + quoteYAML(value)}, true
	case c == '[' || c == '{':
		return flowProblem(n, lead, key, value, valueCol)
	}
	if strings.Contains(reason, "mapping values") {
		if i := colonInText(value); i >= 0 {
			quoted := key + ": " + quoteYAML(value)
			return syntaxProblem{line: n, col: valueCol + utf8.RuneCountInString(value[:i]),
				msg: fmt.Sprintf("the text of `%s` has a colon followed by a space, which starts a new field, so the program cannot read the line; put the text in quotes: `%s`", key, quoted),
				fix: lead + quoted}, true
		}
	}
	return indentProblem(lines, n, reason)
}

// openQuote finds a value before line n whose quote mark is not closed on
// its line. Text in quotes may go on over lines, so YAML reads on to the
// next quote mark, lines later, and fails there; a PSA never means that.
func openQuote(lines []string, n int) (syntaxProblem, bool) {
	for i := 0; i < n-1; i++ {
		m := keyLineRE.FindStringSubmatch(lines[i])
		if m == nil || m[3] == "" {
			continue
		}
		if q := m[3][0]; (q == '"' || q == '\'') && !strings.ContainsRune(m[3][1:], rune(q)) {
			return quoteProblem(lines, i+1, m[1], m[2], m[3], utf8.RuneCountInString(lines[i][:len(lines[i])-len(m[3])])+1, "")
		}
	}
	return syntaxProblem{}, false
}

// colonInText returns where value has ": " (or ends with ":"), which YAML
// reads as a new field, or -1.
func colonInText(value string) int {
	if i := strings.Index(value, ": "); i >= 0 {
		return i
	}
	if strings.HasSuffix(value, ":") {
		return len(value) - 1
	}
	return -1
}

// quoteProblem explains a value that starts with a quote mark: one never
// closed, one closed before the text ends (an apostrophe in 'single
// quotes'), or a backslash in "double quotes".
func quoteProblem(lines []string, n int, lead, key, value string, col int, reason string) (syntaxProblem, bool) {
	q := value[0]
	inner, closed := strings.CutSuffix(value[1:], string(q))
	switch {
	case strings.Contains(reason, "escape"):
		return syntaxProblem{line: n, col: col,
			msg: fmt.Sprintf("inside \"double quotes\", a backslash (\\) starts a special character: put the text of `%s` in 'single quotes' instead", key),
			fix: lead + key + ": " + singleQuoted(inner)}, true
	case !strings.ContainsRune(value[1:], rune(q)):
		return syntaxProblem{line: n, col: col,
			msg: fmt.Sprintf("the text of `%s` starts with a quote mark (%c) that is never closed: add one at the end of the text", key, q),
			fix: lines[n-1] + string(q)}, true
	case closed && strings.ContainsRune(inner, rune(q)):
		return syntaxProblem{line: n, col: col,
			msg: fmt.Sprintf("the text of `%s` is in quotes (%c) but also has that mark inside it, which ends the text early: put it in the other kind of quotes", key, q),
			fix: lead + key + ": " + quoteYAML(inner)}, true
	}
	return syntaxProblem{line: n, col: col,
		msg: fmt.Sprintf("the text of `%s` starts with a quote mark (%c), so it must end with one, but more text follows the closing mark: put the whole text in quotes", key, q),
		fix: lead + key + ": " + quoteYAML(value)}, true
}

// flowProblem explains a value that starts with [ or {, which YAML reads
// as a list or a set of fields written on one line.
func flowProblem(n int, lead, key, value string, col int) (syntaxProblem, bool) {
	open, end := value[0], byte(']')
	if open == '{' {
		end = '}'
	}
	if key == "except" && !strings.ContainsRune(value, rune(end)) {
		return syntaxProblem{line: n, col: col,
			msg: fmt.Sprintf("the list of dates of `except` starts with %c but has no %c at the end: add it", open, end),
			fix: lead + key + ": " + value + string(end)}, true
	}
	return syntaxProblem{line: n, col: col,
		msg: fmt.Sprintf("text that starts with %c must be in quotes: write the text of `%s` in \"double quotes\"", open, key),
		fix: lead + key + ": " + quoteYAML(value)}, true
}

// indentProblem explains a line that does not line up with the block it
// is in, or has text without a field name.
func indentProblem(lines []string, n int, reason string) (syntaxProblem, bool) {
	l := lines[n-1]
	rest := strings.TrimLeft(l, " ")
	col := len(l) - len(rest) + 1
	if !keyLineRE.MatchString(l) {
		if p, ok := blockTextProblem(lines, n, col); ok {
			return p, true
		}
		if strings.Contains(reason, "could not find expected ':'") {
			return syntaxProblem{line: n, col: col,
				msg: "this line has text but no field name (such as `location:`) before it: if it goes on from the line above, join it to that line; if it is a field of its own, start it with the field's name and a colon"}, true
		}
		return syntaxProblem{}, false
	}
	want, ok := expectedIndent(lines, n-1)
	if !ok || want == col-1 {
		return syntaxProblem{}, false
	}
	above := keyAbove(lines, n-1)
	where := "further in (more spaces before it)"
	if col-1 < want {
		where = "further out (fewer spaces before it)"
	}
	at := "at the very start of the line"
	if want > 0 {
		at = fmt.Sprintf("after %d %s", want, map[bool]string{true: "space", false: "spaces"}[want == 1])
	}
	return syntaxProblem{line: n, col: col,
		msg: fmt.Sprintf("this line starts %s than `%s:` on line %d above, so the program cannot tell which block it belongs to: start it at the same place, %s",
			where, above.key, above.line, at),
		fix: strings.Repeat(" ", want) + rest}, true
}

// blockTextProblem explains a line of text written over several lines
// (after `|` or `>`) that starts further out than the first line of the
// text, which ends the text there.
func blockTextProblem(lines []string, n, col int) (syntaxProblem, bool) {
	above := keyAbove(lines, n-1)
	if above.line == 0 || !strings.HasPrefix(above.value, "|") && !strings.HasPrefix(above.value, ">") {
		return syntaxProblem{}, false
	}
	want := -1
	for _, l := range lines[above.line : n-1] {
		if strings.TrimSpace(l) != "" {
			want = firstCol(l) - 1
			break
		}
	}
	if want < 0 || col-1 >= want || col-1 <= above.col {
		return syntaxProblem{}, false
	}
	return syntaxProblem{line: n, col: col,
		msg: fmt.Sprintf("the text of `%s:` goes on over several lines, and each must start at the same place as its first line: add spaces at the start of this line, so that it starts after %d spaces", above.key, want),
		fix: strings.Repeat(" ", want) + strings.TrimLeft(lines[n-1], " ")}, true
}

// keyLine is a line that starts a field.
type keyLine struct {
	line  int    // 1-based
	key   string // the field's name
	col   int    // 0-based column of the key
	value string // what follows the key on its line
	open  bool   // the key has no value on its line: a block follows
}

// keyAbove finds the nearest line above line i (0-based) that starts a
// field, skipping blank lines, notes and the text of a block.
func keyAbove(lines []string, i int) keyLine {
	for j := i - 1; j >= 0; j-- {
		m := keyLineRE.FindStringSubmatch(lines[j])
		if m == nil {
			continue
		}
		v := strings.TrimSpace(m[3])
		open := v == "" || v == "|" || v == ">" || strings.HasPrefix(v, "#")
		return keyLine{line: j + 1, key: m[2], col: len(m[1]), value: v, open: open}
	}
	return keyLine{}
}

// expectedIndent is where line i (0-based) should start if it is one more
// field of the block above it: under the key above. After a key that opens
// a block (`repeat:`), or for a new item of a list, it cannot be known.
func expectedIndent(lines []string, i int) (int, bool) {
	above := keyAbove(lines, i)
	if above.line == 0 || above.open {
		return 0, false
	}
	if strings.HasPrefix(strings.TrimLeft(lines[i], " \t"), "- ") {
		return 0, false // a new item of a list: it lines up with the dash, not the key
	}
	return above.col, true
}

// quoteYAML writes text as a quoted YAML value: in double quotes, or in
// single quotes where it holds a double quote or a backslash (which
// double quotes would read as special).
func quoteYAML(text string) string {
	text, comment := splitComment(text)
	if strings.ContainsAny(text, "\"\\") {
		return singleQuoted(text) + comment
	}
	return `"` + text + `"` + comment
}

func singleQuoted(text string) string {
	return "'" + strings.ReplaceAll(text, "'", "''") + "'"
}

// splitComment separates a note (" # ...") from the end of a value.
func splitComment(text string) (string, string) {
	if i := strings.Index(text, " #"); i >= 0 {
		return strings.TrimRight(text[:i], " "), text[i:]
	}
	return strings.TrimRight(text, " "), ""
}

// firstCol is the column of the first character of line that is not a space.
func firstCol(line string) int {
	return len(line) - len(strings.TrimLeft(line, " \t")) + 1
}
