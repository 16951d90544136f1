package theme

import (
	"errors"
	htmltemplate "html/template"
	"regexp"
	"strconv"
	"strings"
	texttemplate "text/template"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/i18n"
)

// templateAt finds where html/template and text/template say an error is:
// "template: templates/school.html:12:5: " (executing; the column counts
// bytes from 0), "template: templates/school.html:12: " (parsing) or
// "html/template:templates/school.html:12:5: " (escaping). The template
// names are the theme's file paths (package render names them so).
var templateAt = regexp.MustCompile(`(?:html/template:|template: )(templates/[^\s:]+\.html):(\d+)(?::(\d+))?: `)

// renderingPage finds the page a rendering error is about: package render
// puts "rendering <site path>: " in front.
var renderingPage = regexp.MustCompile(`^rendering (\S+): `)

// Diagnose turns the errors of the site's theme's templates, from parsing
// or from rendering them, into content diagnostics at the template's file,
// line and column: themes/x/templates/school.html:12:5: message. ok is
// false for any other error, and for every error when the site has no
// theme of its own: the default theme's templates are the program's, and
// their errors are its own.
func (t *Theme) Diagnose(err error) (content.Diagnostics, bool) {
	ds, ok := t.diagnose(err)
	return beside(ds), ok
}

func (t *Theme) diagnose(err error) (ds content.Diagnostics, ok bool) {
	if t.setting == "" || err == nil {
		return nil, false
	}
	if joined, isJoin := err.(interface{ Unwrap() []error }); isJoin {
		for _, e := range joined.Unwrap() {
			d, ok := t.Diagnose(e)
			if !ok {
				return nil, false
			}
			ds = append(ds, d...)
		}
		return ds, len(ds) > 0
	}
	var cat *i18n.Error
	if errors.As(err, &cat) {
		return t.diagnoseCatalogue(cat)
	}
	msg := err.Error()
	locs := templateAt.FindAllStringSubmatchIndex(msg, -1)
	if len(locs) == 0 {
		var exec texttemplate.ExecError
		var escape *htmltemplate.Error
		if !errors.As(err, &exec) && !errors.As(err, &escape) {
			return nil, false
		}
		// A template error that names no place: the theme as a whole.
		if escape != nil && escape.ErrorCode == htmltemplate.ErrEndContext {
			// html/template names the template that calls the one at
			// fault (base, for a page's "main"), and no line.
			msg = "a template leaves a tag, an attribute or a quote open, so the page would end inside it: " + msg
		}
		ds.Errorf(t.setting, content.Pos{}, "%s", msg)
		return ds, true
	}
	// The innermost place is where it went wrong: the outer ones are the
	// calls of partials that led there.
	m := locs[len(locs)-1]
	name := msg[m[2]:m[3]]
	var pos content.Pos
	pos.Line, _ = strconv.Atoi(msg[m[4]:m[5]])
	if m[6] >= 0 {
		col, _ := strconv.Atoi(msg[m[6]:m[7]])
		pos.Col = col + 1
	}
	text := msg[m[1]:]
	if page := renderingPage.FindStringSubmatch(msg); page != nil {
		text += " (rendering " + page[1] + ")"
	}
	ds.Errorf(t.diagPath(name), pos, "%s", text)
	return ds, true
}

// diagnoseCatalogue names a mistake in a message catalogue by its file in
// the site's theme folder (package render reads the theme's catalogues as
// "theme/i18n/<code>.yaml"); a mistake in the default theme's is the
// program's.
func (t *Theme) diagnoseCatalogue(e *i18n.Error) (ds content.Diagnostics, ok bool) {
	name, ok := strings.CutPrefix(e.File, "theme/")
	if !ok {
		return nil, false
	}
	ds.Errorf(t.diagPath(name), content.Pos{Line: e.Line, Col: e.Col}, "%s", e.Msg)
	return ds, true
}
