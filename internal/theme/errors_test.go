package theme

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"
	"testing"
)

// templateError parses files (name -> text) as package render does, each
// template named by its file, and executes "main" with data; it returns
// the first error.
func templateError(t *testing.T, files map[string]string, data any) error {
	t.Helper()
	set := template.New("base").Funcs(template.FuncMap{
		"partial": func(name string, data any) (template.HTML, error) { return "", fmt.Errorf("no part %q", name) },
	})
	var errs []error
	for _, name := range []string{"templates/base.html", "templates/school.html"} {
		if text, ok := files[name]; ok {
			if _, err := set.New(name).Parse(text); err != nil {
				errs = append(errs, fmt.Errorf("theme: %w", err))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := set.ExecuteTemplate(io.Discard, "main", data); err != nil {
		return fmt.Errorf("rendering /schools/oak/: %w", err)
	}
	t.Fatal("no error")
	return nil
}

func TestDiagnose(t *testing.T) {
	own := &Theme{setting: "themes/x", own: newMemFS(map[string][]byte{"templates/school.html": nil})}
	type page struct{ Title string }
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"a field the page does not have", map[string]string{
			"templates/school.html": "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p>{{.Nope}}</p>{{end}}",
		}, []string{`themes/x/templates/school.html:3:6: executing "main" at <.Nope>: can't evaluate field Nope in type theme.page (rendering /schools/oak/)`}},
		{"a function that does not exist", map[string]string{
			"templates/school.html": "{{define \"main\"}}\n\n{{nope .}}{{end}}",
		}, []string{`themes/x/templates/school.html:3:1: function "nope" not defined`}},
		{"errors in two files", map[string]string{
			"templates/base.html":   "{{define \"base\"}}{{if}}{{end}}",
			"templates/school.html": "{{define \"main\"}}\n{{end}}{{end}}",
		}, []string{
			`(default theme)/templates/base.html:1:1: missing value for if`,
			`themes/x/templates/school.html:2:1: unexpected {{end}}`,
		}},
		{"a partial that fails", map[string]string{
			"templates/school.html": "{{define \"main\"}}\n  {{partial \"x\" .}}{{end}}",
		}, []string{`themes/x/templates/school.html:2:5: executing "main" at <partial "x" .>: error calling partial: no part "x" (rendering /schools/oak/)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := templateError(t, tc.files, page{Title: "Oak"})
			ds, ok := own.Diagnose(err)
			if !ok {
				t.Fatalf("Diagnose(%v) is not ok", err)
			}
			got := strings.Split(strings.TrimSuffix(messages(ds), "\n"), "\n")
			if len(got) != len(tc.want) {
				t.Fatalf("diagnostics:\n%s\nwant\n%s", messages(ds), strings.Join(tc.want, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("got\n%s\nwant it to start\n%s", got[i], tc.want[i])
				}
			}
			if ds.HasErrors() != true {
				t.Errorf("not errors")
			}
		})
	}
}

// Errors as package render words them, and one that names no file.
func TestDiagnoseWords(t *testing.T) {
	own := &Theme{setting: "themes/x", own: newMemFS(map[string][]byte{"templates/school.html": nil})}
	for _, tc := range []struct {
		err  error
		want string
	}{
		{errors.New(`rendering /x/: html/template:templates/school.html:1:17: no such template "nope"`),
			`themes/x/templates/school.html:1:18: no such template "nope" (rendering /x/)`},
		{fmt.Errorf("rendering /x/: %w", &template.Error{ErrorCode: template.ErrEndContext, Name: "base", Description: "ends in a non-text context"}),
			`themes/x:1:1: a template leaves a tag, an attribute or a quote open, so the page would end inside it: rendering /x/: html/template:base: ends in a non-text context`},
		{fmt.Errorf("rendering /x/: %w", &template.Error{ErrorCode: template.ErrNoSuchTemplate, Name: "main", Description: "no such template"}),
			`themes/x:1:1: rendering /x/: html/template:main: no such template`},
	} {
		t.Run(tc.err.Error(), func(t *testing.T) {
			ds, ok := own.Diagnose(tc.err)
			if got := strings.TrimSuffix(messages(ds), "\n"); !ok || got != tc.want {
				t.Errorf("got %v\n%s\nwant\n%s", ok, got, tc.want)
			}
		})
	}
}

// Other errors stay the program's, and so does every error of the default
// theme alone.
func TestDiagnoseOthers(t *testing.T) {
	own := &Theme{setting: "themes/x", own: newMemFS(map[string][]byte{})}
	templateErr := fmt.Errorf("theme: %w", errors.New("template: templates/school.html:3: function \"nope\" not defined"))
	for _, tc := range []struct {
		name string
		th   *Theme
		err  error
	}{
		{"not a template's", own, errors.New("open x: permission denied")},
		{"joined with one not a template's", own, errors.Join(templateErr, errors.New("disk full"))},
		{"no site theme", &Theme{}, templateErr},
		{"no error", own, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if ds, ok := tc.th.Diagnose(tc.err); ok {
				t.Errorf("Diagnose = %v, ok", ds)
			}
		})
	}
}
