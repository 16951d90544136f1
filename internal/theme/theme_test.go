package theme

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	defaulttheme "github.com/parentpages/parentpages/themes/default"
)

// site writes a site's folder: files (path -> text) and symbolic links
// (path -> target, made absolute when it starts "/"), and returns the
// folder that holds content/.
func site(t *testing.T, files, links map[string]string) string {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	for p, text := range files {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for p, target := range links {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.FromSlash(target), p); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// open opens the theme of a site with a deadline: a read that waits on a
// pipe must fail the test, not hang it.
func open(t *testing.T, root, setting string) (*Theme, content.Diagnostics) {
	t.Helper()
	type result struct {
		th *Theme
		ds content.Diagnostics
	}
	done := make(chan result, 1)
	go func() {
		th, ds := Open(filepath.Join(root, "content"), setting, content.Pos{Line: 3, Col: 8})
		done <- result{th, ds}
	}()
	select {
	case r := <-done:
		for _, d := range r.ds {
			// A theme's files are beside the content folder; the setting
			// is in site.yaml, inside it.
			if d.Beside != (d.Path != "site.yaml") {
				t.Errorf("%s: Beside is %v", d, d.Beside)
			}
		}
		return r.th, r.ds
	case <-time.After(10 * time.Second):
		t.Fatal("Open did not return within 10s")
		return nil, nil
	}
}

func messages(ds content.Diagnostics) string {
	var b strings.Builder
	for _, d := range ds.Sort() {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// A site's theme folder is read by the content's rules: what it must not
// read is refused with its path, and never published.
func TestOpenRefuses(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	outsideDir := filepath.Dir(outside)
	good := map[string]string{"themes/evil/assets/ok.css": "p{}"}
	for _, tc := range []struct {
		name    string
		links   map[string]string
		setting string
		want    []string // the diagnostics, in order
		refused string   // a file the theme must not have
	}{
		{"a link to the environment", map[string]string{"themes/evil/assets/env.txt": "/proc/self/environ"}, "themes/evil",
			[]string{"themes/evil/assets/env.txt:1:1: symbolic links are not allowed in a theme folder: replace the link with the file itself"}, "assets/env.txt"},
		{"a link to a file outside", map[string]string{"themes/evil/assets/secret.txt": outside}, "themes/evil",
			[]string{"themes/evil/assets/secret.txt:1:1: symbolic links are not allowed in a theme folder"}, "assets/secret.txt"},
		{"a link to a file inside", map[string]string{"themes/evil/assets/again.css": "ok.css"}, "themes/evil",
			[]string{"themes/evil/assets/again.css:1:1: symbolic links are not allowed in a theme folder"}, "assets/again.css"},
		{"a link to /dev/zero", map[string]string{"themes/evil/assets/zero.css": "/dev/zero"}, "themes/evil",
			[]string{"themes/evil/assets/zero.css:1:1: symbolic links are not allowed in a theme folder"}, "assets/zero.css"},
		{"a linked folder", map[string]string{"themes/evil/templates": outsideDir}, "themes/evil",
			[]string{"themes/evil/templates:1:1: symbolic links are not allowed in a theme folder"}, "templates/secret.txt"},
		{"a theme folder linked outside", map[string]string{"themes/out": outsideDir}, "themes/out",
			[]string{"site.yaml:3:8: `theme` is \"themes/out\", which leads to " + resolved(t, outsideDir) + ", outside "}, "secret.txt"},
		{"a theme folder out by ..", nil, "../../etc",
			[]string{"site.yaml:3:8: `theme` is \"../../etc\"; write a folder beside content/, such as themes/riverside, without .. or a leading /"}, "passwd"},
		{"an absolute theme folder", nil, "/etc",
			[]string{"site.yaml:3:8: `theme` is \"/etc\"; write a folder beside content/"}, "passwd"},
		{"no such folder", nil, "themes/none",
			[]string{"site.yaml:3:8: `theme` is \"themes/none\", but there is no such folder beside the content folder"}, ""},
		{"a file, not a folder", nil, "themes/evil/assets/ok.css",
			[]string{"site.yaml:3:8: `theme` is \"themes/evil/assets/ok.css\", which is not a folder"}, ""},
		{"the folder that holds content/", nil, ".",
			[]string{"site.yaml:3:8: `theme` is \".\", which leads to "}, "content"},
		{"the content folder", nil, "content",
			[]string{"site.yaml:3:8: `theme` is \"content\", which holds or is inside the content folder"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := site(t, good, tc.links)
			th, ds := open(t, root, tc.setting)
			got := strings.Split(strings.TrimSuffix(messages(ds), "\n"), "\n")
			if len(got) != len(tc.want) {
				t.Fatalf("diagnostics:\n%s\nwant %d", messages(ds), len(tc.want))
			}
			for i, want := range tc.want {
				if !strings.HasPrefix(got[i], want) {
					t.Errorf("diagnostic %d:\n%s\nwant it to start\n%s", i, got[i], want)
				}
			}
			if !ds.HasErrors() {
				t.Errorf("no errors")
			}
			if tc.refused != "" {
				if _, err := fs.Stat(th.FS, tc.refused); err == nil {
					t.Errorf("the theme has %s", tc.refused)
				}
			}
			assertNoSecret(t, th.FS)
		})
	}
}

func resolved(t *testing.T, p string) string {
	t.Helper()
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// assertNoSecret checks that no file of the theme holds the secret, or the
// environment.
func assertNoSecret(t *testing.T, fsys fs.FS) {
	t.Helper()
	env := os.Environ()
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := fs.ReadFile(fsys, p)
		if bytes.Contains(b, []byte("SECRET")) || len(env) > 0 && bytes.Contains(b, []byte(env[0])) {
			t.Errorf("%s holds what it must not", p)
		}
		return nil
	})
}

// Every refusal of one theme is reported in one run.
func TestOpenReportsEverything(t *testing.T) {
	root := site(t, map[string]string{"themes/x/assets/ok.css": "p{}"}, map[string]string{
		"themes/x/assets/a.txt":             "/etc/passwd",
		"themes/x/templates/school.html":    "/etc/hostname",
		"themes/x/templates/partials/x.css": "../../assets/ok.css",
	})
	_, ds := open(t, root, "themes/x")
	if n := len(ds.Errors()); n != 3 {
		t.Errorf("%d errors, want 3:\n%s", n, messages(ds))
	}
}

// A theme folder may be a link to a folder beside the content folder.
func TestOpenLinkedThemeFolder(t *testing.T) {
	root := site(t, map[string]string{"themes/v2/assets/extra.css": "p{}"}, map[string]string{"themes/current": "v2"})
	th, ds := open(t, root, "themes/current")
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", messages(ds))
	}
	if want := resolved(t, filepath.Join(root, "themes/v2")); th.Dir != want {
		t.Errorf("Dir = %s, want %s", th.Dir, want)
	}
	if dir, err := Folder(filepath.Join(root, "content"), "themes/current"); err != nil || dir != th.Dir {
		t.Errorf("Folder = %s, %v", dir, err)
	}
	if _, err := fs.Stat(th.FS, "assets/extra.css"); err != nil {
		t.Errorf("assets/extra.css: %v", err)
	}
}

// The site's files override the default theme's, file by file; hidden
// files are not the theme's.
func TestOverlay(t *testing.T) {
	root := site(t, map[string]string{
		"themes/x/assets/style.css":                   "body{}",
		"themes/x/assets/fonts/a.woff2":               "font",
		"themes/x/templates/partials/head-extra.html": `{{define "head-extra"}}mine{{end}}`,
		"themes/x/.git/config":                        "[core]",
		"themes/x/assets/.DS_Store":                   "x",
	}, nil)
	th, ds := open(t, root, "themes/x")
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", messages(ds))
	}
	var want []string
	fs.WalkDir(defaulttheme.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			want = append(want, p)
		}
		return err
	})
	want = append(want, "assets/fonts/a.woff2")
	if err := fstest.TestFS(th.FS, want...); err != nil {
		t.Error(err)
	}
	if err := fstest.TestFS(th.own, "assets/style.css", "assets/fonts/a.woff2", "templates/partials/head-extra.html"); err != nil {
		t.Error(err)
	}
	for name, text := range map[string]string{"assets/style.css": "body{}", "templates/partials/head-extra.html": `{{define "head-extra"}}mine{{end}}`} {
		if b, err := fs.ReadFile(th.FS, name); err != nil || string(b) != text {
			t.Errorf("%s = %q, %v", name, b, err)
		}
	}
	for _, hidden := range []string{".git/config", "assets/.DS_Store"} {
		if _, err := fs.Stat(th.FS, hidden); err == nil {
			t.Errorf("the theme has %s", hidden)
		}
	}
}

func TestNoSiteTheme(t *testing.T) {
	th, ds := Open("content", "", content.Pos{})
	if len(ds) != 0 || th.FS != fs.FS(defaulttheme.FS) || th.Dir != "" {
		t.Errorf("Open with no setting: %v, %+v", ds, th)
	}
	if dir, err := Folder("content", ""); dir != "" || err != nil {
		t.Errorf("Folder: %q, %v", dir, err)
	}
}

// The key changes with the site's files, and only with them.
func TestWriteKey(t *testing.T) {
	key := func(files map[string]string) string {
		th, ds := open(t, site(t, files, nil), "themes/x")
		if ds.HasErrors() {
			t.Fatal(messages(ds))
		}
		h := sha256.New()
		if err := th.WriteKey(h); err != nil {
			t.Fatal(err)
		}
		return string(h.Sum(nil))
	}
	a := key(map[string]string{"themes/x/assets/a.css": "p{}", "themes/x/assets/b.css": "q{}"})
	for _, tc := range []struct {
		name  string
		files map[string]string
		same  bool
	}{
		{"the same files", map[string]string{"themes/x/assets/b.css": "q{}", "themes/x/assets/a.css": "p{}"}, true},
		{"a file changed", map[string]string{"themes/x/assets/a.css": "p{ }", "themes/x/assets/b.css": "q{}"}, false},
		{"a file renamed", map[string]string{"themes/x/assets/c.css": "p{}", "themes/x/assets/b.css": "q{}"}, false},
		{"a file added", map[string]string{"themes/x/assets/a.css": "p{}", "themes/x/assets/b.css": "q{}", "themes/x/assets/c.css": ""}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if same := key(tc.files) == a; same != tc.same {
				t.Errorf("same key = %v, want %v", same, tc.same)
			}
		})
	}
}

// A file of the site's theme that nothing reads is a warning, with the
// files it may have meant.
func TestUnused(t *testing.T) {
	for _, tc := range []struct {
		file string
		want string // the end of the warning; "" for none
	}{
		{"templates/schol.html", "; did you mean templates/school.html?"},
		{"templates/schools.html", "; did you mean templates/school.html?"},
		{"templates/update.htm", "; did you mean templates/update.html or templates/updates.html?"},
		{"templates/home.htm", "; did you mean templates/home.html?"},
		{"templates/partial/site-header.html", "; did you mean templates/partials/site-header.html?"},
		{"asset/style.css", "; did you mean assets/style.css?"},
		{"templates/partials/sub/x.html", "templates/partials/*.html and files under assets/"},
		{"static/logo.png", "templates/partials/*.html and files under assets/"},
		{"templates/school.html", ""},
		{"templates/base.html", ""},
		{"templates/partials/my-own.html", ""},
		{"i18n/pl.yaml", ""},
		{"i18n/en.yml", "; did you mean i18n/en.yaml?"},
		{"assets/fonts/x.woff2", ""},
		{"README.md", ""},
		{"LICENSE", ""},
		{"templates/README.md", "templates/partials/*.html and files under assets/"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			_, ds := open(t, site(t, map[string]string{"themes/x/" + tc.file: "x"}, nil), "themes/x")
			if tc.want == "" {
				if len(ds) != 0 {
					t.Errorf("diagnostics:\n%s", messages(ds))
				}
				return
			}
			if len(ds) != 1 || ds.HasErrors() || ds[0].Path != "themes/x/"+tc.file || !strings.HasSuffix(ds[0].Msg, tc.want) ||
				!strings.HasPrefix(ds[0].Msg, "nothing uses this file: ") {
				t.Errorf("diagnostics:\n%s\nwant one warning ending %q", messages(ds), tc.want)
			}
		})
	}
}
