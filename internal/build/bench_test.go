package build

// Benchmarks of each stage of the pipeline and of the whole build, on a
// corpus from internal/benchcorpus written once per benchmark into a
// temporary folder. They run only with -bench:
//
//	go test ./internal/build -run '^$' -bench . -benchschools 1000 -cpuprofile cpu.out
//	go test ./internal/build -run '^$' -bench Model -benchcontent /tmp/corpus/content
//
// Timing is for people to read; nothing here asserts a time.

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/benchcorpus"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/content/contenttest"
	"github.com/parentpages/parentpages/internal/publish"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/site"
	theme "github.com/parentpages/parentpages/themes/default"
)

var (
	benchSchools = flag.Int("benchschools", 100, "number of schools in the benchmarks' corpus")
	benchContent = flag.String("benchcontent", "", "a content `folder` for the benchmarks, instead of a new corpus (go run ./cmd/ppbench -write DIR writes one)")
)

var benchNow = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

// benchCorpus writes the corpus and returns its folder.
func benchCorpus(b *testing.B) string {
	b.Helper()
	if *benchContent != "" {
		return *benchContent
	}
	dir := filepath.Join(b.TempDir(), "content")
	if _, err := benchcorpus.Write(dir, benchcorpus.Options{Schools: *benchSchools, Seed: 1, Now: benchNow}); err != nil {
		b.Fatal(err)
	}
	return dir
}

func benchLoad(b *testing.B, dir string) *content.Content {
	b.Helper()
	c, ds := contenttest.Load(os.DirFS(dir))
	if ds.HasErrors() {
		b.Fatalf("the corpus has errors:\n%s", ds.Error())
	}
	return c
}

// benchModel is a site modelled whole.
type benchModel struct {
	site    *site.Site
	schools []*site.School
}

func benchSite(b *testing.B, c *content.Content) benchModel {
	b.Helper()
	s, schools, ds := site.Model(c, site.Config{Now: benchNow, NowIsDate: true})
	if ds.HasErrors() {
		b.Fatalf("the corpus has errors:\n%s", ds.Error())
	}
	return benchModel{s, schools}
}

// benchRender renders every school's pages and the site-wide ones.
func benchRender(b *testing.B, dir string, m benchModel) []render.Output {
	b.Helper()
	r, err := render.New(m.site, theme.FS, os.DirFS(dir), render.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var outs []render.Output
	var listings []*site.Listing
	for _, sch := range m.schools {
		o, err := r.School(sch)
		if err != nil {
			b.Fatal(err)
		}
		outs = append(outs, o...)
		listings = append(listings, sch.Listing)
	}
	for _, part := range []func([]*site.Listing) ([]render.Output, error){r.SitePages, r.SiteFeed, r.SiteCalendar} {
		o, err := part(listings)
		if err != nil {
			b.Fatal(err)
		}
		outs = append(outs, o...)
	}
	paths := make([]string, len(outs))
	for i, o := range outs {
		paths[i] = o.Path
	}
	slices.Sort(paths)
	sm, err := r.Sitemap(paths)
	if err != nil {
		b.Fatal(err)
	}
	return append(outs, sm)
}

func size(outs []render.Output) int64 {
	var n int64
	for _, o := range outs {
		n += int64(len(o.Body))
	}
	return n
}

// BenchmarkLoad reads and checks every file of the content folder.
func BenchmarkLoad(b *testing.B) {
	dir := benchCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		benchLoad(b, dir)
	}
}

// BenchmarkModel builds the model: Markdown parsed, links resolved,
// meetings expanded, timelines worked out. It also reports how much memory
// the content and the model hold (live-MB), which every build keeps to the
// end.
func BenchmarkModel(b *testing.B) {
	dir := benchCorpus(b)
	before := liveHeap()
	c := benchLoad(b, dir)
	s := benchSite(b, c)
	live := liveHeap() - before
	runtime.KeepAlive(c)
	runtime.KeepAlive(s)
	b.ReportAllocs()
	for b.Loop() {
		benchSite(b, c)
	}
	b.ReportMetric(float64(live)/(1<<20), "live-MB")
}

// liveHeap is the heap in use after a collection.
func liveHeap() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// BenchmarkRender renders every page, feed and calendar, on one core.
func BenchmarkRender(b *testing.B) {
	dir := benchCorpus(b)
	s := benchSite(b, benchLoad(b, dir))
	b.ReportAllocs()
	var n int64
	for b.Loop() {
		n = size(benchRender(b, dir, s))
	}
	b.SetBytes(n)
}

// BenchmarkMinify minifies every output, on one core.
func BenchmarkMinify(b *testing.B) {
	dir := benchCorpus(b)
	outs := benchRender(b, dir, benchSite(b, benchLoad(b, dir)))
	b.SetBytes(size(outs))
	b.ReportAllocs()
	for b.Loop() {
		m := publish.NewMinifier()
		for _, o := range outs {
			if _, err := m.Minify(o); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkWrite writes the minified site into a folder and swaps it in
// place of the previous one.
func BenchmarkWrite(b *testing.B) {
	dir := benchCorpus(b)
	outs := benchRender(b, dir, benchSite(b, benchLoad(b, dir)))
	m := publish.NewMinifier()
	outs = slices.Clone(outs)
	for i, o := range outs {
		var err error
		if outs[i], err = m.Minify(o); err != nil {
			b.Fatal(err)
		}
	}
	out := filepath.Join(b.TempDir(), "public")
	b.SetBytes(size(outs))
	b.ReportAllocs()
	for b.Loop() {
		st, err := publish.NewStage(out)
		if err != nil {
			b.Fatal(err)
		}
		for _, o := range outs {
			if err := st.Write(o); err != nil {
				b.Fatal(err)
			}
		}
		if err := st.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild is the whole pipeline, as `parentpages build` runs it,
// into a new output folder each time.
func BenchmarkBuild(b *testing.B) {
	dir := benchCorpus(b)
	out := filepath.Join(b.TempDir(), "public")
	cfg := Config{Mode: Write, Content: dir, Out: out, Now: benchNow, NowIsDate: true}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		benchBuild(b, cfg)
	}
}

// BenchmarkBuildUnchanged builds again into the folder a build of the same
// content just wrote.
func BenchmarkBuildUnchanged(b *testing.B) {
	dir := benchCorpus(b)
	cfg := Config{Mode: Write, Content: dir, Out: filepath.Join(b.TempDir(), "public"), Now: benchNow, NowIsDate: true}
	benchBuild(b, cfg)
	b.ReportAllocs()
	for b.Loop() {
		benchBuild(b, cfg)
	}
}

// BenchmarkBuildOneChange builds again after a PSA edits one update: the
// everyday build.
func BenchmarkBuildOneChange(b *testing.B) {
	dir, edited := editableCorpus(b)
	cfg := Config{Mode: Write, Content: dir, Out: filepath.Join(b.TempDir(), "public"), Now: benchNow, NowIsDate: true}
	benchBuild(b, cfg)
	timeEdits(b, edited, func() { benchBuild(b, cfg) })
}

// editableCorpus writes a corpus of the benchmark's own, since it is
// edited, and returns its folder and the update to edit.
func editableCorpus(b *testing.B) (dir, edited string) {
	b.Helper()
	dir = filepath.Join(b.TempDir(), "content")
	var err error
	if *benchContent != "" {
		err = os.CopyFS(dir, os.DirFS(*benchContent))
	} else {
		_, err = benchcorpus.Write(dir, benchcorpus.Options{Schools: *benchSchools, Seed: 1, Now: benchNow})
	}
	if err != nil {
		b.Fatal(err)
	}
	ups, err := filepath.Glob(filepath.Join(dir, "schools", "*", "updates", "*.md"))
	if err != nil || len(ups) == 0 {
		b.Fatalf("no updates in the corpus: %v", err)
	}
	return dir, ups[len(ups)/2]
}

// timeEdits edits the file before each run of build, timing build only.
func timeEdits(b *testing.B, edited string, build func()) {
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		b.StopTimer()
		n++
		appendEdit(b, edited, n)
		b.StartTimer()
		build()
	}
}

// appendEdit adds the nth edit's sentence to the end of file.
func appendEdit(b *testing.B, file string, n int) {
	b.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err == nil {
		_, err = fmt.Fprintf(f, "\nEdit number %d.\n", n)
		err = errors.Join(err, f.Close())
	}
	if err != nil {
		b.Fatal(err)
	}
}

func benchBuild(b *testing.B, cfg Config) {
	b.Helper()
	res, err := Build(context.Background(), cfg)
	if err != nil {
		b.Fatalf("build: %v\n%s", err, res.Diagnostics.Error())
	}
}

// BenchmarkCheck is `parentpages check`: everything but writing.
func BenchmarkCheck(b *testing.B) {
	dir := benchCorpus(b)
	cfg := Config{Content: dir, Now: benchNow, NowIsDate: true, Mode: Check}
	b.ReportAllocs()
	for b.Loop() {
		res, err := Build(context.Background(), cfg)
		if err != nil {
			b.Fatalf("check: %v\n%s", err, res.Diagnostics.Error())
		}
	}
}

// BenchmarkRebuildInMemory is the dev server's rebuild after one update is
// saved: a Builder that keeps its last build in memory and is told which
// file changed.
func BenchmarkRebuildInMemory(b *testing.B) {
	dir, edited := editableCorpus(b)
	rel, err := filepath.Rel(dir, edited)
	if err != nil {
		b.Fatal(err)
	}
	builder := NewBuilder(Config{Mode: Preview, Content: dir, Now: benchNow, NowIsDate: true})
	if _, err := builder.Build(context.Background(), nil); err != nil {
		b.Fatal(err)
	}
	timeEdits(b, edited, func() {
		if _, err := builder.Build(context.Background(), []string{filepath.ToSlash(rel)}); err != nil {
			b.Fatal(err)
		}
	})
}
