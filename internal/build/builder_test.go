package build

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/incremental"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/theme"
)

// copyExample copies the example site into a temporary folder.
func copyExample(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS(exampleContent)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// builtExample copies the example site and builds it once with a Builder
// that keeps its build in memory, as the dev server does.
func builtExample(t *testing.T) (string, Config, *Builder) {
	t.Helper()
	content := copyExample(t)
	cfg := exampleConfig()
	cfg.Content = content
	b := NewBuilder(cfg)
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	return content, cfg, b
}

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino
}

// TestIncrementalBuildMatchesFullBuild edits one school between builds
// into the same folder and checks that the second build (a) reuses the
// other schools' files rather than writing them again and (b) publishes
// exactly what a build from scratch publishes.
func TestIncrementalBuildMatchesFullBuild(t *testing.T) {
	content := copyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	cfg := exampleConfig()
	cfg.Mode = Write
	cfg.Content, cfg.Out = content, out
	first, err := Build(context.Background(), cfg)
	if err != nil || first.Unchanged {
		t.Fatalf("first build: %v (unchanged %v)", err, first.Unchanged)
	}
	other := filepath.Join(out, "schools/fernhill-community-college/index.html")
	edited := filepath.Join(out, "schools/brackenwood-primary-school/updates/welcome-back/index.html")
	otherIno, editedIno := inode(t, other), inode(t, edited)

	// Nothing changed: nothing is written.
	second, err := Build(context.Background(), cfg)
	if err != nil || !second.Unchanged || second.Files != first.Files || second.Bytes != first.Bytes {
		t.Fatalf("unchanged build: %v, unchanged %v, %d files (first %d)", err, second.Unchanged, second.Files, first.Files)
	}

	// A file removed by hand is noticed: the build is done again.
	if err := os.Remove(other); err != nil {
		t.Fatal(err)
	}
	if again, err := Build(context.Background(), cfg); err != nil || again.Unchanged {
		t.Fatalf("build after a file was removed by hand: %v (unchanged %v)", err, again.Unchanged)
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatalf("the removed file was not built again: %v", err)
	}
	otherIno = inode(t, other)

	// One update of one school changes.
	p := filepath.Join(content, "schools/brackenwood-primary-school/updates/2026-09-18-welcome-back.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(b, []byte("\nOne more line.\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	third, err := Build(context.Background(), cfg)
	if err != nil || third.Unchanged {
		t.Fatalf("build after an edit: %v (unchanged %v)", err, third.Unchanged)
	}
	if inode(t, other) != otherIno {
		t.Errorf("an unchanged school's page was written again")
	}
	if inode(t, edited) == editedIno {
		t.Errorf("the edited update was not written again")
	}
	if got, _ := os.ReadFile(edited); !bytes.Contains(got, []byte("One more line.")) {
		t.Errorf("the edit is not in the built page")
	}

	fresh := filepath.Join(t.TempDir(), "fresh")
	cfg.Mode, cfg.Out = Write, fresh
	if _, err := Build(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	a, z := readTree(t, out), readTree(t, fresh)
	delete(a, incremental.ManifestName)
	delete(z, incremental.ManifestName)
	if len(a) != len(z) {
		t.Fatalf("incremental build has %d files, a fresh one %d", len(a), len(z))
	}
	for p, b := range z {
		if !bytes.Equal(a[p], b) {
			t.Errorf("%s differs between the incremental and the fresh build", p)
		}
	}
}

// TestBuilderReusesInMemory checks the dev server's path: a Builder keeps
// its last build, and a build told which file changed gives the same
// outputs as a build from scratch.
func TestBuilderReusesInMemory(t *testing.T) {
	content, cfg, b := builtExample(t)
	outs := editAndRebuild(t, content, cfg, b, "schools/quayside-community-college/meetings.yaml", "title: ", "title: Moved - ")
	if !slices.ContainsFunc(outs, func(o render.Output) bool { return bytes.Contains(o.Body, []byte("Moved - ")) }) {
		t.Error("the edit is in no output")
	}
}

// TestBuilderRemembersFailedChanges breaks one school, then edits another:
// the second build must still report the first school's error.
func TestBuilderRemembersFailedChanges(t *testing.T) {
	content, _, b := builtExample(t)
	const broken = "schools/quayside-community-college/views.yaml"
	if err := os.WriteFile(filepath.Join(content, broken), []byte("- gathered: soon\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Build(context.Background(), []string{broken}); err == nil {
		t.Fatal("a broken views.yaml built")
	}
	const other = "schools/fernhill-community-college/updates/x.md"
	res, err := b.Build(context.Background(), []string{other})
	if err == nil || len(res.Diagnostics.Errors()) == 0 || res.Diagnostics.Errors()[0].Path != broken {
		t.Fatalf("after an unrelated edit: err %v, diagnostics %s", err, res.Diagnostics.Error())
	}
}

// TestCrossSchoolLinksRecheck links one school's update to another's: when
// the other school's update becomes a draft, the unchanged school is built
// again, and its link reported, in the dev server and in a build alike.
func TestCrossSchoolLinksRecheck(t *testing.T) {
	content := copyExample(t)
	link := filepath.Join(content, "schools/fernhill-community-college/updates/2026-11-28-see-also.md")
	if err := os.WriteFile(link, []byte("---\ntitle: See also\n---\nRead [Brackenwood's news](../../brackenwood-primary-school/updates/2026-09-18-welcome-back.md).\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := exampleConfig()
	cfg.Mode = Write
	cfg.Content, cfg.Out = content, filepath.Join(t.TempDir(), "public")
	mem := NewBuilder(Config{Mode: Preview, Content: content, Now: cfg.Now, NowIsDate: true})
	if _, err := Build(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := mem.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(content, "schools/brackenwood-primary-school/updates/2026-09-18-welcome-back.md")
	b, _ := os.ReadFile(target)
	if err := os.WriteFile(target, bytes.Replace(b, []byte("---\n"), []byte("---\ndraft: true\n"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(name string, res *Result, err error) {
		t.Helper()
		found := false
		for _, d := range res.Diagnostics.Errors() {
			found = found || d.Path == "schools/fernhill-community-college/updates/2026-11-28-see-also.md"
		}
		if err == nil || !found {
			t.Errorf("%s: err %v, diagnostics:\n%s", name, err, res.Diagnostics.Error())
		}
	}
	res, err := Build(context.Background(), cfg)
	check("build", res, err)
	res, err = mem.Build(context.Background(), []string{"schools/brackenwood-primary-school/updates/2026-09-18-welcome-back.md"})
	check("dev server", res, err)
}

// TestKeptOutputsMatchWrittenFiles checks that the outputs the dev server
// keeps in memory are the bytes a build writes to disk. Pages are rendered
// and minified in pooled buffers that later pages reuse, so a kept output
// still pointing into one would show a later page's bytes.
func TestKeptOutputsMatchWrittenFiles(t *testing.T) {
	kept := sharedBuild(t, examplePublished)
	cfg := exampleConfig()
	cfg.Mode, cfg.Out = Write, filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, cfg.Out)
	delete(files, incremental.ManifestName)
	if len(kept.Outputs) != len(files) {
		t.Fatalf("kept %d outputs, wrote %d files", len(kept.Outputs), len(files))
	}
	for _, o := range kept.Outputs {
		if !bytes.Equal(o.Body, files[o.Path]) {
			t.Errorf("%s: the kept output differs from the written file", o.Path)
		}
	}
}

// languagePaths are the paths another language of res's site publishes,
// given main, the main language's: under /<code>/, each page, feed and
// calendar (not the files the languages share) but an update or site page
// with no translation into the language (a file beside its Markdown with
// the code before ".md").
func languagePaths(t *testing.T, dir string, res *Result, main []string) []string {
	t.Helper()
	untranslated := func(code string) map[string]bool {
		m := map[string]bool{}
		translated := func(source string) bool {
			_, err := os.Stat(filepath.Join(dir, strings.TrimSuffix(source, ".md")+"."+code+".md"))
			return err == nil
		}
		for _, l := range res.Listings {
			for _, u := range l.Updates {
				if !translated(u.Source) {
					m[strings.TrimPrefix(u.URL(), "/")+"index.html"] = true
				}
			}
		}
		for _, sp := range res.Site.Pages {
			if !translated(sp.Source) {
				m[strings.TrimPrefix(sp.URL(), "/")+"index.html"] = true
			}
		}
		return m
	}
	var paths []string
	if len(res.Site.Languages) > 0 {
		paths = append(paths, "_redirects") // each language's home for a browser that asks for it
	}
	for _, l := range res.Site.Languages {
		missing := untranslated(l.Code)
		for _, p := range main {
			if render.PerLanguage("/"+p) && !missing[p] {
				paths = append(paths, l.Code+"/"+p)
			}
		}
	}
	return paths
}

// The files a build writes are the files the model says the site has:
// links are checked and the sitemap written against the latter.
func TestPathsMatchOutputs(t *testing.T) {
	// The last has a photo, published in sizes the model names.
	for _, dir := range []string{"../../content", "testdata/sites/calendars/content", "testdata/sites/hostile/content", languagesContent, photoContent(t)} {
		t.Run(dir, func(t *testing.T) {
			res, err := Build(context.Background(), Config{Mode: Preview, Content: dir, Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), NowIsDate: true})
			if err != nil {
				t.Fatalf("build: %v\n%s", err, res.Diagnostics.Error())
			}
			var want []string
			for _, l := range res.Listings {
				want = append(want, l.Paths...)
			}
			th, ds := theme.Open(dir, res.Site.Theme, content.Pos{})
			if ds.HasErrors() {
				t.Fatal(ds)
			}
			r, err := render.New(res.Site, th.FS, os.DirFS(dir), render.Options{})
			if err != nil {
				t.Fatal(err)
			}
			site, err := r.SitePaths()
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, site...)
			want = append(want, languagePaths(t, dir, res, want)...)
			slices.Sort(want)
			var got []string
			for _, o := range res.Outputs {
				got = append(got, o.Path)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("written %d files, the model says %d:\nwritten %v\nmodel   %v", len(got), len(want), got, want)
			}
		})
	}
}

// The dev server keeps its renderer (the parsed theme) between builds only
// while the site-wide inputs are as they were: an edit to site.yaml or to
// the glossary, which the renderer is made from, shows at once. The edits
// are made one after another to one builder, as in the dev server.
func TestBuilderSiteWideEdits(t *testing.T) {
	content, cfg, b := builtExample(t)
	for _, tc := range []struct {
		file, old, new, want string
	}{
		{"site.yaml", "title: Plymouth Parent Partnership", "title: Devon Parent Partnership", "Devon Parent Partnership"},
		{"pages/glossary.md", "## HMI", "## His Majesty's Inspectors", `id="his-majestys-inspectors"`},
		{"pages/glossary.md", "## His Majesty's Inspectors", "## Extra help", `href="/glossary/#extra-help"`},
	} {
		t.Run(tc.file+" "+tc.new, func(t *testing.T) {
			outs := editAndRebuild(t, content, cfg, b, tc.file, tc.old, tc.new)
			if !slices.ContainsFunc(outs, func(o render.Output) bool { return bytes.Contains(o.Body, []byte(tc.want)) }) {
				t.Errorf("no output has %q", tc.want)
			}
		})
	}
}

// editAndRebuild replaces old with new in one file of a built example,
// builds again with the builder told of it, and checks the build against
// one from scratch; it returns the rebuilt outputs.
func editAndRebuild(t *testing.T, content string, cfg Config, b *Builder, rel, old, new string) []render.Output {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(content, rel))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", rel, old)
	}
	if err := os.WriteFile(filepath.Join(content, rel), bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	inc, err := b.Build(context.Background(), []string{rel})
	if err != nil {
		t.Fatal(err)
	}
	full, err := NewBuilder(cfg).Build(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(inc.Outputs) != len(full.Outputs) {
		t.Fatalf("incremental: %d outputs, full: %d", len(inc.Outputs), len(full.Outputs))
	}
	for i := range full.Outputs {
		if inc.Outputs[i].Path != full.Outputs[i].Path || !bytes.Equal(inc.Outputs[i].Body, full.Outputs[i].Body) {
			t.Errorf("%s differs", full.Outputs[i].Path)
		}
	}
	return inc.Outputs
}
