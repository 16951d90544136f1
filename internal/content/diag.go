package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
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
	// Source is the text of the line at Pos.Line, shown under the message
	// with a caret at Pos.Col, so that a PSA sees the mistake without
	// counting lines; "" when it is not known.
	Source string
	// Fix is that line as it should be written, where it can be worked out.
	Fix string
}

// String formats the diagnostic as path:line:col: message.
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
	return fmt.Sprintf("%s:%d:%d: %s%s", d.Path, line, col, kind, d.Msg)
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
		return a.Path == b.Path && a.Pos == b.Pos && a.Msg == b.Msg && a.Warning == b.Warning
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
