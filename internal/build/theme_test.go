package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// themedSite is a small site whose site.yaml names a theme folder.
var themedSite = map[string]string{
	"content/site.yaml": "title: Test Partnership\nbase_url: https://example.org/\ntheme: themes/x\n",
	"content/schools/hillside/school.yaml": `name: Hillside Primary School
psa: {name: Jo Bloggs, email: jo@example.org}
inspections:
  - {start: 2026-09-15, published: 2026-10-20, framework: eif-2019, category: special-measures}
`,
	"themes/x/assets/extra.css": "p { color: black }\n",
}

// A site's theme is content: what it must not read is refused, with its
// path, and every mistake in its templates is a content error at the
// template's line and column; nothing is written.
func TestSiteTheme(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		files map[string]string // over themedSite
		links map[string]string
		fifo  string
		want  []string // the diagnostics, in order (each a prefix)
	}{
		{name: "a link to the environment", links: map[string]string{"themes/x/assets/env.txt": "/proc/self/environ"},
			want: []string{"themes/x/assets/env.txt:1:1: symbolic links are not allowed in a theme folder"}},
		{name: "a link to /dev/zero", links: map[string]string{"themes/x/assets/zero.css": "/dev/zero"},
			want: []string{"themes/x/assets/zero.css:1:1: symbolic links are not allowed in a theme folder"}},
		{name: "a link to a file outside", links: map[string]string{"themes/x/assets/passwd.txt": "/etc/passwd"},
			want: []string{"themes/x/assets/passwd.txt:1:1: symbolic links are not allowed in a theme folder"}},
		{name: "a pipe", fifo: "themes/x/assets/pipe.css",
			want: []string{"themes/x/assets/pipe.css:1:1: this is not a regular file or folder; remove it"}},
		{name: "a theme folder linked outside", files: map[string]string{"content/site.yaml": strings.Replace(themedSite["content/site.yaml"], "themes/x", "themes/out", 1)},
			links: map[string]string{"themes/out": outside},
			want:  []string{"site.yaml:3:8: `theme` is \"themes/out\", which leads to "}},
		{name: "theme: ../../etc", files: map[string]string{"content/site.yaml": strings.Replace(themedSite["content/site.yaml"], "themes/x", "../../etc", 1)},
			want: []string{"site.yaml:3:8: `theme` is \"../../etc\"; write a folder beside content/"}},
		{name: "a template that does not parse", files: map[string]string{
			"themes/x/templates/school.html": "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p>{{if}}</p>\n{{end}}\n"},
			want: []string{"themes/x/templates/school.html:3:1: missing value for if"}},
		{name: "two templates that do not parse", files: map[string]string{
			"themes/x/templates/partials/site-footer.html": "{{define \"site-footer\"}}{{nope}}{{end}}",
			"themes/x/templates/update.html":               "{{define \"main\"}}\n\n{{end}}{{end}}"},
			want: []string{
				`themes/x/templates/partials/site-footer.html:1:1: function "nope" not defined`,
				"themes/x/templates/update.html:3:1: unexpected {{end}}",
			}},
		{name: "a field the page does not have", files: map[string]string{
			"themes/x/templates/school.html": "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p>{{.School.Nope}}</p>\n{{end}}\n"},
			want: []string{`themes/x/templates/school.html:3:13: executing "main" at <.School.Nope>: can't evaluate field Nope in type *site.School (rendering /schools/hillside/)`}},
		{name: "a quote left open", files: map[string]string{
			"themes/x/templates/school.html": "{{define \"main\"}}\n<a href=\"{{.Title}}>{{end}}\n"},
			want: []string{`themes/x:1:1: a template leaves a tag, an attribute or a quote open, so the page would end inside it: rendering /schools/hillside/: html/template:base: ends in a non-text context`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			writeSite(t, root, themedSite, tc.files)
			for p, target := range tc.links {
				if err := os.Symlink(target, filepath.Join(root, p)); err != nil {
					t.Fatal(err)
				}
			}
			if tc.fifo != "" {
				mkfifo(t, filepath.Join(root, tc.fifo))
			}
			out := filepath.Join(root, "public")
			// A check finds what the build finds: it renders with a site's
			// own templates, which may fail on some page.
			for _, cfg := range []Config{{Mode: Write, Out: out}, {Mode: Check}} {
				cfg.Content, cfg.Now, cfg.NowIsDate = filepath.Join(root, "content"), time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), true
				res, err := buildWithin(t, cfg)
				if !errors.Is(err, ErrContent) {
					t.Fatalf("mode %d: Build: %v, want ErrContent", cfg.Mode, err)
				}
				got := res.Diagnostics.Errors()
				if len(got) != len(tc.want) {
					t.Fatalf("mode %d: errors:\n%s\nwant %d", cfg.Mode, got.Error(), len(tc.want))
				}
				for i, want := range tc.want {
					if !strings.HasPrefix(got[i].String(), want) {
						t.Errorf("mode %d: error %d:\n%s\nwant it to start\n%s", cfg.Mode, i, got[i], want)
					}
				}
			}
			if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("%s was written", out)
			}
		})
	}
}

// A file of the site's theme that nothing reads is a warning that names
// the files it may have meant; the build goes on, and publishes the
// theme's assets.
func TestSiteThemeUnusedFile(t *testing.T) {
	root := t.TempDir()
	writeSite(t, root, themedSite, map[string]string{
		"themes/x/templates/schol.html": "{{define \"main\"}}{{end}}",
		"themes/x/README.md":            "The Test Partnership's theme.",
	})
	res, err := buildWithin(t, Config{Content: filepath.Join(root, "content"), Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), NowIsDate: true})
	if err != nil {
		t.Fatalf("Build: %v\n%s", err, res.Diagnostics.Error())
	}
	want := "themes/x/templates/schol.html:1:1: warning: nothing uses this file: "
	if len(res.Diagnostics) != 1 || !strings.HasPrefix(res.Diagnostics[0].String(), want) ||
		!strings.HasSuffix(res.Diagnostics[0].Msg, "; did you mean templates/school.html?") {
		t.Errorf("diagnostics:\n%s\nwant one, starting\n%s", res.Diagnostics.Error(), want)
	}
	found := false
	for _, o := range res.Outputs {
		found = found || o.Path == "assets/extra.css"
	}
	if !found {
		t.Errorf("assets/extra.css is not published")
	}
}

func writeSite(t *testing.T, root string, layers ...map[string]string) {
	t.Helper()
	for _, files := range layers {
		for p, text := range files {
			p = filepath.Join(root, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// buildWithin builds with a deadline: a build that waits on a pipe must
// fail the test, not hang it.
func buildWithin(t *testing.T, cfg Config) (*Result, error) {
	t.Helper()
	type result struct {
		res *Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := Build(context.Background(), cfg)
		done <- result{res, err}
	}()
	select {
	case r := <-done:
		return r.res, r.err
	case <-time.After(30 * time.Second):
		t.Fatal("the build did not end within 30s")
		return nil, nil
	}
}
