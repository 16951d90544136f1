package i18n

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	defaulttheme "github.com/parentpages/parentpages/themes/default"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/<code>.txt from the default theme's catalogues")

// goldenCounts are the counts each plural message is written with: they
// reach every CLDR form of the languages the theme has (Arabic's zero,
// one, two, few, many and other; Polish's few at 22 and many at 11).
var goldenCounts = []int{0, 1, 2, 3, 5, 11, 22, 100, 101, 1250}

// TestCatalogueGolden writes a fixed sample of every catalogue of the
// default theme (each message with its placeholders named, each plural at
// goldenCounts, dates of every month and weekday, times and numbers) and
// compares it with testdata/golden/<code>.txt: a change to a catalogue
// shows in review as the sentences it changes, and a new catalogue
// (i18n/pl.yaml) fails until its golden file is written with -update.
func TestCatalogueGolden(t *testing.T) {
	set, err := Load(Layer{Name: "themes/default", FS: defaulttheme.FS})
	if err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(defaulttheme.FS, "i18n/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("the default theme has no catalogues (%v)", err)
	}
	for _, name := range names {
		code := strings.TrimSuffix(filepath.Base(name), ".yaml")
		t.Run(code, func(t *testing.T) {
			c, err := set.Catalogue(code)
			if err != nil {
				t.Fatal(err)
			}
			got := sample(c)
			file := filepath.Join("testdata", "golden", code+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if os.IsNotExist(err) {
				t.Fatalf("%s has no golden file %s: run go test ./internal/i18n -run TestCatalogueGolden -update, and read it through before committing it", name, file)
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s; if the change is intended, run go test ./internal/i18n -run TestCatalogueGolden -update\n%s",
					name, file, firstDiff(string(want), got))
			}
		})
	}
}

// sample writes what the golden file holds for c.
func sample(c *Catalogue) string {
	var b strings.Builder
	fmt.Fprintf(&b, "code: %s\nname: %s\nenglish_name: %s\ndir: %s\ndigits: %s\nreviewed: %v\n\n",
		c.Code, c.Name, c.EnglishName, c.Dir(), c.Digits, c.Reviewed)
	b.WriteString("# dates\n")
	for m := 1; m <= 12; m++ {
		d := time.Date(2026, time.Month(m), m+7, 0, 0, 0, 0, time.UTC)
		fmt.Fprintf(&b, "%s | %s | %s | %s | %s | %s\n", c.LongDate(d), c.ShortDate(d), c.DayMonth(d), c.Day(d), c.MonthYear(d), c.ChartDate(d))
	}
	b.WriteString("\n# times\n")
	for _, hm := range [][2]int{{0, 0}, {0, 30}, {9, 5}, {12, 0}, {12, 45}, {16, 30}, {18, 0}, {23, 59}} {
		fmt.Fprintf(&b, "%02d:%02d = %s\n", hm[0], hm[1], c.Clock(time.Date(2026, 12, 8, hm[0], hm[1], 0, 0, time.UTC)))
	}
	b.WriteString("\n# numbers\n")
	for _, v := range []float64{0, 1, 7.5, 55.25, 1250, -3.5, 1234567.89} {
		fmt.Fprintf(&b, "%v = %s\n", v, c.Number(v))
	}
	b.WriteString("\n# messages\n")
	for _, key := range c.Keys() {
		names := c.Placeholders(key)
		args := sampleArgs(names)
		if !c.Plural(key) && !slices.Contains(names, "count") {
			fmt.Fprintf(&b, "%s = %s\n", key, c.T(key, args...))
			continue
		}
		for _, n := range goldenCounts {
			fmt.Fprintf(&b, "%s[%d] (%s) = %s\n", key, n, c.PluralForm(n), c.N(key, n, args...))
		}
	}
	return b.String()
}

// sampleArgs fills each placeholder with its own name in brackets, so the
// golden file shows where each goes.
func sampleArgs(names []string) []any {
	var args []any
	for _, n := range names {
		if n != "count" {
			args = append(args, n, "⟨"+n+"⟩")
		}
	}
	return args
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, wl, gl)
		}
	}
	return ""
}
