package build

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/publish"
	"github.com/parentpages/parentpages/internal/render"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const exampleContent = "../../content"

func exampleConfig() Config {
	return Config{Mode: Preview, Content: exampleContent, Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), NowIsDate: true}
}

// The example built in memory, once for every test that only reads what
// was built (a test must not change it): published as a build publishes
// it, and rendered (NoMinify), as the golden files hold it.
var (
	examplePublished = sync.OnceValues(func() (*Result, error) {
		return Build(context.Background(), exampleConfig())
	})
	exampleRendered = sync.OnceValues(func() (*Result, error) {
		cfg := exampleConfig()
		cfg.NoMinify = true
		return Build(context.Background(), cfg)
	})
)

// sharedBuild returns one of the shared builds above, failing the test if
// it failed.
func sharedBuild(t *testing.T, build func() (*Result, error)) *Result {
	t.Helper()
	res, err := build()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diagnostics.Error())
	}
	return res
}

// goldenPages are the outputs pinned by golden files: one of each page
// type, the feeds and calendars of one school and of the site, and the
// editor at /admin/ (its config.yml is made from the content format).
var goldenPages = []string{
	"index.html",
	"404.html",
	"about/index.html",
	"glossary/index.html",
	"schools/brackenwood-primary-school/index.html",
	"schools/brackenwood-primary-school/inspection/index.html",
	"schools/brackenwood-primary-school/action-plan/index.html",
	"schools/brackenwood-primary-school/meetings/index.html",
	"schools/brackenwood-primary-school/views/index.html",
	"schools/brackenwood-primary-school/updates/index.html",
	"schools/brackenwood-primary-school/updates/reading-is-improving/index.html",
	"schools/brackenwood-primary-school/feed.xml",
	"schools/brackenwood-primary-school/calendar.ics",
	"schools/wrenfield-primary-academy/index.html",
	"schools/wrenfield-primary-academy/inspection/index.html",
	"schools/brackenwood-primary-school/letter/index.html",
	"schools/copper-beech-primary-school/index.html",
	"schools/sandpiper-infant-school/index.html",
	"schools/fernhill-community-college/index.html",
	"schools/quayside-community-college/index.html",
	"feed.xml",
	"calendar.ics",
	"sitemap.xml",
	"robots.txt",
	"admin/index.html",
	"admin/admin.js",
	"admin/config.yml",
}

// TestGolden pins the outputs in goldenPages as rendered, not minified, so
// that a change to a template reads as a diff; TestMinified checks that a
// build publishes them minified.
func TestGolden(t *testing.T) {
	res := sharedBuild(t, exampleRendered)
	if ds := unexpected(res.Diagnostics, "example"); len(ds) != 0 {
		t.Errorf("the example site has diagnostics:\n%s", ds.Error())
	}
	checkGolden(t, res.Outputs, filepath.Join("testdata", "golden"), goldenPages)
}

// checkGolden compares the outputs at paths with the files of the same
// names under dir, or writes those files with -update.
func checkGolden(t *testing.T, outputs []render.Output, dir string, paths []string) {
	t.Helper()
	byPath := map[string][]byte{}
	for _, o := range outputs {
		byPath[o.Path] = o.Body
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			got, ok := byPath[p]
			if !ok {
				t.Fatalf("not built")
			}
			golden := filepath.Join(dir, filepath.FromSlash(p))
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/build -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s; if the change is intended, run go test ./internal/build -update\n%s", golden, firstDiff(got, want))
			}
		})
	}
}

// TestMinified checks that a build publishes each output of a build with
// NoMinify (the golden files' bytes) minified by publish's minifier where
// its type is minified, and as it is where not, and that minifying made
// the pages and the style sheet smaller.
func TestMinified(t *testing.T) {
	rendered, published := sharedBuild(t, exampleRendered), sharedBuild(t, examplePublished)
	if len(published.Outputs) != len(rendered.Outputs) {
		t.Fatalf("%d outputs published, %d rendered", len(published.Outputs), len(rendered.Outputs))
	}
	m := publish.NewMinifier()
	for i, got := range published.Outputs {
		want, err := m.Minify(rendered.Outputs[i])
		if err != nil {
			t.Fatal(err)
		}
		if got.Path != want.Path || !bytes.Equal(got.Body, want.Body) {
			t.Errorf("%s is not %s minified:\n%s", got.Path, want.Path, firstDiff(got.Body, want.Body))
		}
		switch got.Path {
		case "index.html", "schools/brackenwood-primary-school/index.html", "assets/style.css", "feed.xml", "sitemap.xml":
			if len(got.Body) >= len(rendered.Outputs[i].Body) {
				t.Errorf("%s: %d bytes published, %d rendered: not minified", got.Path, len(got.Body), len(rendered.Outputs[i].Body))
			}
		case "calendar.ics":
			if !bytes.Equal(got.Body, rendered.Outputs[i].Body) {
				t.Errorf("%s: a calendar was changed by the minifier", got.Path)
			}
		}
	}
}

// firstDiff shows where two outputs first differ.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  ..." + string(got[from:min(len(got), i+80)]) + "\nwant: ..." + string(want[from:min(len(want), i+80)])
}

// TestReproducible builds the example twice, into two folders, and compares
// every byte.
func TestReproducible(t *testing.T) {
	dir := t.TempDir()
	var trees [2]map[string][]byte
	for i := range trees {
		cfg := exampleConfig()
		cfg.Mode, cfg.Out = Write, filepath.Join(dir, []string{"a", "b"}[i])
		if _, err := Build(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
		trees[i] = readTree(t, cfg.Out)
	}
	if len(trees[0]) < 100 || len(trees[0]) != len(trees[1]) {
		t.Fatalf("built %d and %d files", len(trees[0]), len(trees[1]))
	}
	for p, b := range trees[0] {
		if !bytes.Equal(b, trees[1][p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestExampleIsComplete checks the example site publishes every URL of
// the layout README.md gives, and nothing that must stay private.
func TestExampleIsComplete(t *testing.T) {
	res := sharedBuild(t, examplePublished)
	paths := map[string]bool{}
	for _, o := range res.Outputs {
		paths[o.Path] = true
		if bytes.Contains(o.Body, []byte("PSA only.")) {
			t.Errorf("%s publishes a private x_ note", o.Path)
		}
		if bytes.Contains(o.Body, []byte("kestrel-hill")) {
			t.Errorf("%s mentions the draft school", o.Path)
		}
		if strings.Contains(o.Path, "december-review-group") || strings.Contains(o.Path, "spring-term-plans") {
			t.Errorf("%s: a future or draft update was published", o.Path)
		}
	}
	for _, p := range []string{"index.html", "404.html", "feed.xml", "calendar.ics", "sitemap.xml", "robots.txt",
		"about/index.html", "accessibility/index.html", "what-happens-after-an-inspection/index.html", "assets/style.css"} {
		if !paths[p] {
			t.Errorf("%s not built", p)
		}
	}
	for _, s := range res.Listings {
		base := "schools/" + s.Slug + "/"
		for _, p := range []string{"index.html", "inspection/index.html", "action-plan/index.html", "meetings/index.html",
			"views/index.html", "updates/index.html", "feed.xml", "calendar.ics"} {
			if !paths[base+p] {
				t.Errorf("%s not built", base+p)
			}
		}
		for _, u := range s.Updates {
			if !paths[base+"updates/"+u.Slug+"/index.html"] {
				t.Errorf("update %s not built", u.Slug)
			}
		}
		for _, m := range s.Meetings {
			if !paths[base+"meetings/"+m.ID+".ics"] {
				t.Errorf("meeting %s has no .ics", m.ID)
			}
		}
		for _, p := range s.Paths {
			if !paths[p] {
				t.Errorf("%s not built", p)
			}
		}
	}
}

// TestFailedBuildKeepsOutput checks that a build that fails leaves the
// previous output byte for byte as it was.
func TestFailedBuildKeepsOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	cfg := exampleConfig()
	cfg.Mode, cfg.Out = Write, out
	if _, err := Build(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)

	bad := filepath.Join(dir, "content")
	if err := os.CopyFS(bad, os.DirFS(exampleContent)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(bad, "schools/brackenwood-primary-school/meetings.yaml"), []byte("- title: [oops\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg.Content = bad
	res, err := Build(context.Background(), cfg)
	if !errors.Is(err, ErrContent) {
		t.Fatalf("err = %v, want ErrContent", err)
	}
	if len(res.Diagnostics.Errors()) == 0 || res.Diagnostics[0].Path != "schools/brackenwood-primary-school/meetings.yaml" {
		t.Errorf("diagnostics = %s", res.Diagnostics.Error())
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("output has %d files after the failed build, %d before", len(after), len(before))
	}
	for p, b := range before {
		if !bytes.Equal(b, after[p]) {
			t.Errorf("%s changed", p)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			t.Errorf("staging folder %s left behind", e.Name())
		}
	}
}

// TestOutputFolderSafety: a build refuses an --out whose replacement would
// destroy the content or anything it did not build, and leaves it as it
// was. Every folder is made in a temp folder (the guard's other cases, the
// root and the home folder among them, are in publish's TestCheckOut).
func TestOutputFolderSafety(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges")
	}
	for _, tc := range []struct {
		name, content, out string
		files              []string // made before the build; all must survive it
		link               [2]string
	}{
		{name: "content reached through an alias of --out", content: "out-alias/content", out: "out",
			files: []string{"out/content/site.yaml"}, link: [2]string{"out", "out-alias"}},
		{name: "content in a folder named ..x", content: "site/..x/content", out: "site",
			files: []string{"site/..x/content/site.yaml"}},
		{name: "a repository's .git", content: "content", out: ".git",
			files: []string{"content/site.yaml", ".git/HEAD"}},
		{name: "a plain file", content: "content", out: "notes.txt",
			files: []string{"content/site.yaml", "notes.txt"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tc.files {
				p := filepath.Join(dir, f)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(f), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tc.link[0] != "" {
				if err := os.Symlink(tc.link[0], filepath.Join(dir, tc.link[1])); err != nil {
					t.Fatal(err)
				}
			}
			cfg := exampleConfig()
			cfg.Mode, cfg.Content, cfg.Out = Write, filepath.Join(dir, tc.content), filepath.Join(dir, tc.out)
			if _, err := Build(context.Background(), cfg); err == nil || errors.Is(err, ErrContent) {
				t.Errorf("--content %s --out %s: err = %v, want a refusal", tc.content, tc.out, err)
			}
			for _, f := range tc.files {
				if b, err := os.ReadFile(filepath.Join(dir, f)); err != nil || string(b) != f {
					t.Errorf("%s was destroyed: %q, %v", f, b, err)
				}
			}
		})
	}
}
