package serve

import (
	_ "embed"
	"html/template"
	"strconv"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/words"
)

//go:embed errors.css
var errorBoxCSS string

// errorBoxLink loads the box's styles: a stylesheet of the preview's own,
// since the site's Content-Security-Policy allows no inline styles.
const errorBoxLink = `<link rel="stylesheet" href="` + errorBoxPath + `">`

// errorBox lists the latest build's errors, or, if it built, its warnings,
// in words a PSA knows: each with its file and line, what is wrong, and the
// line itself with a caret and, where it is known, as it should be. It is
// "" when there is nothing to say.
func errorBox(st *state) string {
	var b strings.Builder
	switch n := len(st.problems); {
	case n > 0:
		b.WriteString(`<section class="pp-box" role="alert" aria-labelledby="pp-title"><h2 class="pp-title" id="pp-title">`)
		b.WriteString(words.Capitalise(words.Plural(n, "mistake", "mistakes")))
		b.WriteString(" to fix before the site can be published</h2><p class=\"pp-intro\">")
		if st.files != nil {
			b.WriteString("Below is the last version of the site that worked. ")
		} else {
			if n == 1 {
				b.WriteString("The site cannot be shown until it is fixed. ")
			} else {
				b.WriteString("The site cannot be shown until they are fixed. ")
			}
		}
		if n == 1 {
			b.WriteString("Fix it in the file named, and save: this page then reloads by itself.</p>")
		} else {
			b.WriteString("Fix each one in the file named, and save: this page then reloads by itself.</p>")
		}
		writeItems(&b, st.problems, st.warnings)
	case len(st.warnings) > 0:
		b.WriteString(`<section class="pp-box pp-warnings" role="status" aria-labelledby="pp-title"><h2 class="pp-title" id="pp-title">`)
		b.WriteString(words.Capitalise(words.Plural(len(st.warnings), "thing", "things")))
		b.WriteString(" to check</h2><p class=\"pp-intro\">These do not stop the site being published, but check them.</p>")
		writeItems(&b, st.warnings)
	default:
		return ""
	}
	b.WriteString("</section>")
	return b.String()
}

func writeItems(b *strings.Builder, lists ...[]content.Diagnostic) {
	b.WriteString(`<ol class="pp-list">`)
	for _, list := range lists {
		for _, d := range list {
			b.WriteString(`<li class="pp-item"><p>`)
			if where := place(d); where != "" {
				b.WriteString(`<span class="pp-where">`)
				b.WriteString(template.HTMLEscapeString(where))
				b.WriteString(":</span> ")
			}
			if d.Warning && len(lists) > 1 {
				b.WriteString("(not a mistake, but check it) ")
			}
			b.WriteString(withCode(d.Msg))
			b.WriteString("</p>")
			if e := d.Excerpt(); e != "" {
				b.WriteString(`<pre class="pp-line">`)
				b.WriteString(template.HTMLEscapeString(outdent(e)))
				b.WriteString("</pre>")
			}
			b.WriteString("</li>")
		}
	}
	b.WriteString("</ol>")
}

// place says where a problem is in words: "schools/x/meetings.yaml, line
// 21"; "" for a problem that is not in a file (the machine's).
func place(d content.Diagnostic) string {
	switch {
	case d.Path == "":
		return ""
	case d.Pos.Line == 0:
		return d.Path
	}
	return d.Path + ", line " + strconv.Itoa(d.Pos.Line)
}

// withCode escapes a message and shows the words it puts in `backticks`
// (field names, what to write) as code.
func withCode(msg string) string {
	parts := strings.Split(msg, "`")
	if len(parts)%2 == 0 {
		return template.HTMLEscapeString(msg) // a backtick left open
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString("<code>" + template.HTMLEscapeString(p) + "</code>")
		} else {
			b.WriteString(template.HTMLEscapeString(p))
		}
	}
	return b.String()
}

// outdent takes off the indentation that sets an excerpt apart from its
// message in a terminal: on a phone's width every character counts. The
// lines of the file and the caret lose the same, so the caret still points
// at its place.
func outdent(excerpt string) string {
	lines := strings.Split(excerpt, "\n")
	for i, l := range lines {
		if t, ok := strings.CutPrefix(l, "    "); ok {
			lines[i] = t
		} else {
			lines[i] = strings.TrimPrefix(l, "  ")
		}
	}
	return strings.Join(lines, "\n")
}
