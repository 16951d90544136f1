package content

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pos is a position in a content file: 1-based line and column. The zero
// Pos means "the whole file".
type Pos struct {
	Line, Col int
}

// Diagnostic is one problem found in the content, reported as a compiler
// would: the file, the place in it, what is wrong and what would be right.
type Diagnostic struct {
	Path    string // slash-separated, relative to the content folder
	Pos     Pos
	Msg     string
	Warning bool // warnings are printed but do not fail the build
	// Beside says Path is relative to the folder that holds the content
	// folder (a file of the site's theme), not to the content folder.
	Beside bool `json:",omitempty"`
	// Source is the text of the line at Pos.Line, shown under the message
	// with a caret at Pos.Col, so that a PSA sees the mistake without
	// counting lines; "" when it is not known.
	Source string
	// Fix is that line as it should be written, where it can be worked out.
	Fix string
}

// String formats the diagnostic as path:line:col: message, on one line.
// Names and text from the content are escaped where a terminal or a CI log
// would act on them (see Printable); a path that needs it is quoted as Go
// quotes a string, and so is one that starts with a space or ":", so that
// no file name starts a line of its own.
func (d Diagnostic) String() string {
	line, col := d.Pos.Line, d.Pos.Col
	if line == 0 {
		line = 1
	}
	if col == 0 {
		col = 1
	}
	kind := ""
	if d.Warning {
		kind = "warning: "
	}
	return fmt.Sprintf("%s:%d:%d: %s%s", printablePath(d.Path), line, col, kind, Printable(d.Msg))
}

// Printable returns s with what a terminal or a CI log would act on
// escaped as Go escapes it in a string: control characters (a line break
// would let the text start a line of its own, such as GitHub Actions'
// "::error ..."), other invisible characters (bidi controls, which reorder
// what follows them), bytes that are not UTF-8, and GitHub's older command
// prefix "##[", which it acts on anywhere in a line. Other text is returned
// as it is.
func Printable(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == ' ' || unicode.IsPrint(r):
			b.WriteRune(r)
		default:
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return strings.ReplaceAll(b.String(), "##[", `##\x5b`)
}

// plain reports whether s is printable ASCII without "##[", as nearly
// every path and message is.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return !strings.Contains(s, "##[")
}

// printablePath returns a path as Printable would, quoted as Go quotes a
// string where it had to be changed, or where it would start a line with
// something other than its name (a space, or ":").
func printablePath(p string) string {
	first, _ := utf8.DecodeRuneInString(p)
	if Printable(p) == p && first != ':' && !unicode.IsSpace(first) && !strings.ContainsAny(p, `"\`) {
		return p
	}
	return strings.ReplaceAll(strconv.Quote(p), "##[", `##\x5b`)
}

// Diagnostics collects every problem of a run, so that all of them are
// reported at once rather than the first only.
type Diagnostics []Diagnostic

// Errorf records an error at path and pos.
func (ds *Diagnostics) Errorf(path string, pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Path: path, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at path and pos.
func (ds *Diagnostics) Warnf(path string, pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Path: path, Pos: pos, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// HasErrors reports whether any diagnostic is an error rather than a warning.
func (ds Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(ds, func(d Diagnostic) bool { return !d.Warning })
}

// Errors returns only the errors.
func (ds Diagnostics) Errors() Diagnostics {
	return slices.DeleteFunc(slices.Clone(ds), func(d Diagnostic) bool { return d.Warning })
}

// Sort orders diagnostics by path, line and column, and drops repeats: the
// same message at the same place, of which it keeps the one that shows
// the line.
func (ds Diagnostics) Sort() Diagnostics {
	out := slices.Clone(ds)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(
			strings.Compare(a.Path, b.Path),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			strings.Compare(a.Msg, b.Msg),
			cmpBool(a.Warning, b.Warning),
			-strings.Compare(a.Source, b.Source), // the line shown first
			-strings.Compare(a.Fix, b.Fix),
		)
	})
	return slices.CompactFunc(out, func(a, b Diagnostic) bool {
		return a.Path == b.Path && a.Pos == b.Pos && a.Msg == b.Msg && a.Warning == b.Warning && a.Beside == b.Beside
	})
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// Error makes Diagnostics usable as an error: one diagnostic a line.
func (ds Diagnostics) Error() string {
	var b strings.Builder
	for i, d := range ds.Sort() {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
