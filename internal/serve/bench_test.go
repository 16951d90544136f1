package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/benchcorpus"
)

// BenchmarkEditToReload measures what a PSA waits for in the preview: from
// saving a file to the open page being told to reload (the reload event on
// the stream), through the debounce, a full rebuild and the event. Run it
// with, for example:
//
//	go test ./internal/serve -run '^$' -bench EditToReload -benchtime 15x
//
// It reports the median and the slowest wait, and the median build.
func BenchmarkEditToReload(b *testing.B) {
	sizes := []struct {
		name  string
		write func(b *testing.B, content string) (edit string)
	}{
		{"example", func(b *testing.B, content string) string {
			if err := os.CopyFS(content, os.DirFS("../../content")); err != nil {
				b.Fatal(err)
			}
			return filepath.Join(content, "schools/brackenwood-primary-school/updates/2026-11-20-reading-is-improving.md")
		}},
		{"1000-schools", func(b *testing.B, content string) string {
			if _, err := benchcorpus.Write(content, benchcorpus.Options{Schools: 1000, Seed: 1}); err != nil {
				b.Fatal(err)
			}
			updates, _ := filepath.Glob(filepath.Join(content, "schools/*/updates/*.md"))
			if len(updates) == 0 {
				b.Fatal("the corpus has no updates")
			}
			return updates[len(updates)/2]
		}},
	}
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			root := b.TempDir()
			edit := size.write(b, filepath.Join(root, "content"))
			original, err := os.ReadFile(edit)
			if err != nil {
				b.Fatal(err)
			}
			r := start(b, root, 5*time.Minute)
			r.listen(b)
			var waits []time.Duration
			i := 0
			for b.Loop() {
				i++
				text := fmt.Appendf(slices.Clip(original), "\nEdit number %d.\n", i)
				saved := time.Now()
				if err := os.WriteFile(edit, text, 0o644); err != nil {
					b.Fatal(err)
				}
				r.next(b)
				waits = append(waits, time.Since(saved))
			}
			slices.Sort(waits)
			b.ReportMetric(ms(waits[len(waits)/2]), "ms-median-reload")
			b.ReportMetric(ms(waits[len(waits)-1]), "ms-max-reload")
			b.ReportMetric(ms(medianBuild(r.log.String())), "ms-median-build")
		})
	}
}

var builtIn = regexp.MustCompile(`built \d+ schools? in ([0-9.]+)(ms|s)\n`)

// medianBuild reads the rebuild times from the log.
func medianBuild(log string) time.Duration {
	var ds []time.Duration
	for _, m := range builtIn.FindAllStringSubmatch(log, -1) {
		v, _ := strconv.ParseFloat(m[1], 64)
		d := time.Duration(v * float64(time.Millisecond))
		if m[2] == "s" {
			d = time.Duration(v * float64(time.Second))
		}
		ds = append(ds, d)
	}
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[len(ds)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
