package theme_test

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/parentpages/parentpages/internal/publish"
	"github.com/parentpages/parentpages/internal/render"
	theme "github.com/parentpages/parentpages/themes/default"
)

// The default stylesheet mirrors for right-to-left languages (dir="rtl" on
// <html>) because it says start and end, not left and right: these tests
// fail when a rule with a physical direction comes back, and when the
// published (minified) stylesheet has a declaration a browser would drop.

// declaration is one `property: value` of a stylesheet, with the selector
// (or at-rule) of the block it is in and its line.
type declaration struct {
	selector, property, value string
	line                      int
}

// declarations lists every declaration of a stylesheet, nested @media
// blocks included. It knows what the default stylesheet uses: comments,
// quoted strings, blocks and declarations.
func declarations(css string) []declaration {
	var (
		out     []declaration
		stack   []string
		start   int // where the current selector or declaration began
		line    = 1
		atLine  = 1 // the line where its first non-space character is
		started bool
	)
	text := func(end int) string { return strings.Join(strings.Fields(css[start:end]), " ") }
	for i := 0; i < len(css); i++ {
		c := css[i]
		switch {
		case c == '\n':
			line++
			continue
		case c == '/' && strings.HasPrefix(css[i:], "/*"):
			end := strings.Index(css[i+2:], "*/")
			if end < 0 {
				end = len(css) - i - 4
			}
			comment := css[i : i+2+end+2]
			line += strings.Count(comment, "\n")
			// A comment is blanked out, so that it is not part of a selector.
			css = css[:i] + strings.Repeat(" ", len(comment)) + css[i+len(comment):]
			i += len(comment) - 1
			continue
		case c == '"' || c == '\'':
			end := strings.IndexByte(css[i+1:], c)
			if end >= 0 {
				i += end + 1
			}
		case c == '{':
			stack = append(stack, text(i))
			start, started = i+1, false
			continue
		case c == ';' || c == '}':
			if d := text(i); d != "" && len(stack) > 0 {
				if p, v, ok := strings.Cut(d, ":"); ok {
					out = append(out, declaration{stack[len(stack)-1], strings.ToLower(strings.TrimSpace(p)), strings.TrimSpace(v), atLine})
				}
			}
			if c == '}' && len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			start, started = i+1, false
			continue
		}
		if !started && c != ' ' && c != '\t' && c != '\r' {
			started, atLine = true, line
		}
	}
	return out
}

// logical names the logical property for each physical one.
var logical = map[string]string{
	"margin-left": "margin-inline-start", "margin-right": "margin-inline-end",
	"padding-left": "padding-inline-start", "padding-right": "padding-inline-end",
	"left": "inset-inline-start", "right": "inset-inline-end",
	"border-left": "border-inline-start", "border-right": "border-inline-end",
	"border-left-width": "border-inline-start-width", "border-right-width": "border-inline-end-width",
	"border-left-style": "border-inline-start-style", "border-right-style": "border-inline-end-style",
	"border-left-color": "border-inline-start-color", "border-right-color": "border-inline-end-color",
	"border-top-left-radius": "border-start-start-radius", "border-top-right-radius": "border-start-end-radius",
	"border-bottom-left-radius": "border-end-start-radius", "border-bottom-right-radius": "border-end-end-radius",
	"scroll-margin-left": "scroll-margin-inline-start", "scroll-margin-right": "scroll-margin-inline-end",
	"scroll-padding-left": "scroll-padding-inline-start", "scroll-padding-right": "scroll-padding-inline-end",
}

// fourSides are the shorthands whose four values are top, right, bottom and
// left: with a right that is not the left, they say a direction.
var fourSides = []string{"margin", "padding", "inset", "border-width", "border-style", "border-color", "scroll-margin", "scroll-padding"}

// values splits a value at spaces outside brackets.
func values(v string) []string {
	var out []string
	depth, start := 0, 0
	for i, c := range v + " " {
		switch {
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ' ' && depth == 0:
			if i > start {
				out = append(out, v[start:i])
			}
			start = i + 1
		}
	}
	return out
}

var (
	leftRight = regexp.MustCompile(`(?i)\b(left|right)\b`)
	length    = regexp.MustCompile(`^-?[0-9.]+[a-z%]*$`)
)

// physical says what in d is tied to the left or the right, and what to
// write instead; "" if nothing is.
func physical(d declaration) string {
	p, v := d.property, strings.ToLower(d.value)
	if l, ok := logical[p]; ok {
		return "use " + l
	}
	switch {
	case p == "text-align" || p == "text-align-last" || p == "float" || p == "clear":
		if m := leftRight.FindString(v); m != "" {
			return fmt.Sprintf("use %s: %s", p, map[string]string{"left": "start", "right": "end"}[m])
		}
	case p == "background-position" || p == "background" || p == "object-position" || p == "transform-origin":
		if leftRight.MatchString(v) {
			return "a position from the left or the right: keep it centred, or mirror it under :dir(rtl)"
		}
	case p == "box-shadow" || p == "text-shadow":
		for _, shadow := range strings.Split(v, ",") {
			for _, x := range values(strings.TrimSpace(shadow)) {
				if length.MatchString(x) {
					if strings.Trim(x, "-0.pxrem%") != "" {
						return "a shadow offset to the side: offset it only up or down"
					}
					break // the first length is the one across
				}
			}
		}
	case p == "transform" || p == "translate":
		if strings.Contains(v, "translatex(") || strings.Contains(v, "translate(") || p == "translate" {
			return "a move to the side: mirror it under :dir(rtl)"
		}
	case p == "direction":
		return "sets a direction: the page's dir attribute decides it"
	case slices.Contains(fourSides, p):
		if vs := values(v); len(vs) == 4 && vs[1] != vs[3] {
			return fmt.Sprintf("the right (%s) is not the left (%s): use %s-block and %s-inline (start, end)", vs[1], vs[3], p, p)
		}
	case p == "border-radius":
		if vs := values(v); len(slices.Compact(slices.Clone(vs))) > 1 {
			return "corners that differ: use border-start-start-radius and the others"
		}
	}
	return ""
}

// allowed are the declarations that may name a direction, each with why.
// Every entry must still be in the stylesheet, so that none outlives its rule.
var allowed = []struct{ selector, property, why string }{
	{`svg.chart`, "direction", "charts keep time running left to right in every language (the design's decision, in themes/README.md)"},
	{`a[href^="tel:"], a[href^="sms:"], code, .code, .letter-url, .letter-contact strong`, "direction", "phone numbers, web addresses and code read left to right in every language (the letter's contact lines are a phone number, a text number and an email address)"},
	{`main a[href^="http"]::after, main a[href^="/"]::after, main a[href^="mailto:"]::after`, "direction", "on paper, a link's address reads left to right in every language"},
}

func TestStyleUsesLogicalDirections(t *testing.T) {
	css, err := fs.ReadFile(theme.FS, "assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	decls := declarations(string(css))
	if len(decls) < 400 {
		t.Fatalf("read %d declarations from assets/style.css; the reader has lost its way", len(decls))
	}
	used := make([]bool, len(allowed))
	for _, d := range decls {
		why := physical(d)
		if why == "" {
			continue
		}
		i := slices.IndexFunc(allowed, func(a struct{ selector, property, why string }) bool {
			return a.selector == d.selector && a.property == d.property
		})
		if i >= 0 {
			used[i] = true
			continue
		}
		t.Errorf("assets/style.css:%d: %s { %s: %s }: %s, so that the page mirrors in a right-to-left language (or add it to allowed, with why)",
			d.line, d.selector, d.property, d.value, why)
	}
	for i, a := range allowed {
		if !used[i] {
			t.Errorf("allowed lists %s { %s }, which the stylesheet no longer has", a.selector, a.property)
		}
	}
}

// TestPhysical checks the checker: what it must find, and what it must let be.
func TestPhysical(t *testing.T) {
	for _, tc := range []struct {
		css   string
		found bool
	}{
		{"a { margin-left: 1rem; }", true},
		{"a { padding-right: 0 }", true},
		{"a { left: -9999px; }", true},
		{"a::before { right: 0 }", true},
		{"a { border-left: 6px solid red; }", true},
		{"a { border-right-color: red; }", true},
		{"a { border-top-left-radius: 3px; }", true},
		{"a { text-align: left; }", true},
		{"a { text-align: RIGHT; }", true},
		{"a { float: right; }", true},
		{"a { clear: left; }", true},
		{"a { background: url(x.png) no-repeat left top; }", true},
		{"a { background-position: right 1rem center; }", true},
		{"a { padding: 0 0 1rem 1.5rem; }", true},
		{"a { margin: .25rem .5rem .25rem 0; }", true},
		{"a { border-width: 7px 0 7px 12px; }", true},
		{"a { border-radius: 0 4px 4px 0; }", true},
		{"a { box-shadow: 2px 0 red; }", true},
		{"a { box-shadow: inset 0 -4px currentColor, -3px 0 blue; }", true},
		{"a { transform: translateX(4px); }", true},
		{"a { direction: rtl; }", true},
		{"@media print { a { margin-right: 1px } }", true},
		{"a { margin-inline-start: 1rem; padding-inline: 1rem 0; inset-inline-start: 0; }", false},
		{"a { text-align: start; float: inline-end; text-align: center; }", false},
		{"a { padding: 0 1rem; margin: 0 -1rem 1rem; border-width: 12px 7px 0 7px; }", false},
		{"a { margin: 0 auto; padding: .5rem .75rem .25rem; }", false},
		{"a { box-shadow: 0 -2px var(--focus), 0 4px var(--text); }", false},
		{"a { box-shadow: inset 0 0 0 2px var(--text); border-radius: 50%; }", false},
		{"a { border-top: 1px solid red; border-bottom-width: 4px; top: 0; }", false},
		{`a::after { content: "left: 0; right" attr(href); }`, false},
		{"/* margin-left: 1rem; */ a { color: red }", false},
		{"a[href^=\"left:\"] { color: red }", false},
	} {
		var found []string
		for _, d := range declarations(tc.css) {
			if why := physical(d); why != "" {
				found = append(found, d.property+": "+why)
			}
		}
		if (len(found) > 0) != tc.found {
			t.Errorf("%s: found %q, want found=%v", tc.css, found, tc.found)
		}
	}
}

// TestDeclarations checks the reader: selectors, nesting, lines and strings.
func TestDeclarations(t *testing.T) {
	css := "/* a\ncomment */\n.a, .b {\n  margin: 0;\n  content: \"x;}\" }\n@media print {\n  .c { left: 0 }\n}\n"
	got := declarations(css)
	want := []declaration{
		{".a, .b", "margin", "0", 4},
		{".a, .b", "content", `"x;}"`, 5},
		{".c", "left", "0", 7},
	}
	if !slices.Equal(got, want) {
		t.Errorf("declarations:\ngot  %+v\nwant %+v", got, want)
	}
}

// cssWide are the keywords a declaration may have only as its whole value.
var cssWide = regexp.MustCompile(`(?i)(^|[\s,(])(initial|inherit|unset|revert|revert-layer)([\s,)]|$)`)

// TestStyleSurvivesMinifier minifies the stylesheet as build publishes it
// and looks for a declaration a browser would drop. The minifier writes
// currentColor as `initial`, which is only valid alone: in
// `border-color: currentColor transparent transparent` it made
// `border-color: initial transparent transparent`, and an open <details>
// lost its marker.
func TestStyleSurvivesMinifier(t *testing.T) {
	css, err := fs.ReadFile(theme.FS, "assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	out, err := publish.NewMinifier().Minify(render.Output{Path: "assets/style.css", MediaType: "text/css; charset=utf-8", Body: css})
	if err != nil {
		t.Fatal(err)
	}
	decls := declarations(string(out.Body))
	if len(decls) < 400 {
		t.Fatalf("read %d declarations from the minified stylesheet", len(decls))
	}
	for _, d := range decls {
		if len(values(d.value)) > 1 && cssWide.MatchString(d.value) {
			t.Errorf("published style.css: %s { %s: %s }: a CSS-wide keyword among other values, which a browser drops; write the source so that the minifier leaves the value whole",
				d.selector, d.property, d.value)
		}
	}
}
