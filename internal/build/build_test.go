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
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const exampleContent = "../../content"

func exampleConfig() Config {
	return Config{Content: exampleContent, Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), NowIsDate: true}
}

// goldenPages are the outputs pinned by golden files: one of each page
// type, and the feeds and calendars of one school and of the site.
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
	"schools/copper-beech-primary-school/index.html",
	"schools/sandpiper-infant-school/index.html",
	"schools/fernhill-community-college/index.html",
	"schools/quayside-community-college/index.html",
	"feed.xml",
	"calendar.ics",
	"sitemap.xml",
	"robots.txt",
}

func TestGolden(t *testing.T) {
	res, err := Build(context.Background(), exampleConfig())
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diagnostics.Error())
	}
	if len(res.Diagnostics) != 0 {
		t.Errorf("the example site has diagnostics:\n%s", res.Diagnostics.Error())
	}
	byPath := map[string][]byte{}
	for _, o := range res.Outputs {
		byPath[o.Path] = o.Body
	}
	for _, p := range goldenPages {
		t.Run(p, func(t *testing.T) {
			got, ok := byPath[p]
			if !ok {
				t.Fatalf("not built")
			}
			golden := filepath.Join("testdata", "golden", filepath.FromSlash(p))
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
		cfg.Out = filepath.Join(dir, []string{"a", "b"}[i])
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
// the contract, and nothing that must stay private.
func TestExampleIsComplete(t *testing.T) {
	res, err := Build(context.Background(), exampleConfig())
	if err != nil {
		t.Fatal(err)
	}
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
	for _, s := range res.Site.Schools {
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
		for _, f := range s.Files {
			if !paths[strings.TrimPrefix(f.URL, "/")] {
				t.Errorf("file %s not copied", f.URL)
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
	cfg.Out = out
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
			cfg.Content, cfg.Out = filepath.Join(dir, tc.content), filepath.Join(dir, tc.out)
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
