package benchcorpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/parentpages/parentpages/internal/build"
)

// TestBuildsClean writes small corpora and builds them: the corpus must
// follow every rule of the format, so the build has no errors and no
// warnings, and writes every page of every school.
func TestBuildsClean(t *testing.T) {
	for _, tc := range []struct {
		name      string
		schools   int
		seed      uint64
		languages []string
	}{
		{"seed 1", 6, 1, nil},
		{"seed 2", 6, 2, nil},
		{"seed 99", 6, 99, nil},
		// Translated: every translation file must follow the rules too (its
		// links are relative to where it is written, say).
		{"pl and ur", 6, 1, []string{"pl", "ur"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "content")
			st, err := Write(dir, Options{Schools: tc.schools, Seed: tc.seed, Languages: tc.languages})
			if err != nil {
				t.Fatal(err)
			}
			// Built in memory: the outputs are the files a build writes.
			res, err := build.Build(context.Background(), build.Config{Mode: build.Preview, Content: dir, Now: DefaultNow(), NowIsDate: true})
			if err != nil {
				t.Fatalf("build: %v\n%s", err, res.Diagnostics.Error())
			}
			if len(res.Diagnostics) > 0 {
				t.Fatalf("the corpus has diagnostics:\n%s", res.Diagnostics.Error())
			}
			if got := len(res.Listings); got != tc.schools {
				t.Errorf("built %d schools, want %d", got, tc.schools)
			}
			built := map[string]bool{}
			for _, o := range res.Outputs {
				built[o.Path] = true
			}
			published := 0
			for _, s := range res.Listings {
				base := "schools/" + s.Slug + "/"
				for _, u := range s.Updates {
					if built[base+"updates/"+u.Slug+"/index.html"] {
						published++
					}
				}
				for _, p := range []string{"index.html", "inspection/index.html", "meetings/index.html", "updates/index.html", "feed.xml", "calendar.ics"} {
					for _, folder := range append([]string{""}, tc.languages...) {
						if folder != "" {
							folder += "/"
						}
						if !built[folder+base+p] {
							t.Errorf("no %s%s for %s", folder, p, s.Slug)
						}
					}
				}
			}
			if published == 0 || published > st.Updates {
				t.Errorf("%d updates published of %d written", published, st.Updates)
			}
			if !built["glossary/index.html"] {
				t.Error("site pages not built")
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := Files(Options{Schools: 8, Seed: 7})
	b, _ := Files(Options{Schools: 8, Seed: 7})
	if !equalFiles(a, b) {
		t.Error("the same options gave different corpora")
	}
	c, _ := Files(Options{Schools: 8, Seed: 8})
	if equalFiles(a, c) {
		t.Error("different seeds gave the same corpus")
	}
	// The first schools of a bigger corpus are the smaller corpus.
	small, _ := Files(Options{Schools: 3, Seed: 7})
	big := map[string][]byte{}
	for _, f := range a {
		big[f.Path] = f.Data
	}
	for _, f := range small {
		if !bytes.Equal(big[f.Path], f.Data) {
			t.Errorf("%s differs between a corpus of 3 schools and one of 8", f.Path)
		}
	}
}

func equalFiles(a, b []File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			return false
		}
	}
	return true
}

// TestVolume checks the corpus has the volume the benchmarks are meant to
// measure, and that it varies frameworks and categories.
func TestVolume(t *testing.T) {
	const n = 40
	files, st := Files(Options{Schools: n, Seed: 1})
	if st.Schools != n || st.Files != len(files) {
		t.Fatalf("stats %+v for %d files", st, len(files))
	}
	updates := map[string]int{}
	frameworks := map[string]bool{}
	categories := map[string]bool{}
	fwRE := regexp.MustCompile(`(?m)^    framework: (\S+)$`)
	catRE := regexp.MustCompile(`(?m)^    category: (\S+)$`)
	for _, f := range files {
		parts := strings.Split(f.Path, "/")
		switch {
		case len(parts) == 4 && parts[2] == "updates":
			updates[parts[1]]++
			_, body, ok := strings.Cut(strings.TrimPrefix(string(f.Data), "---\n"), "\n---\n")
			if w := len(strings.Fields(body)); !ok || w < 300 || w > 900 {
				t.Errorf("%s has %d words, want 300 to 900", f.Path, w)
			}
		case len(parts) == 3 && parts[2] == "meetings.yaml":
			if m := bytes.Count(f.Data, []byte("\n- title: ")) + 1; m < 8 || m > 15 {
				t.Errorf("%s has %d meetings, want 8 to 15", f.Path, m)
			}
			if !bytes.Contains(f.Data, []byte("repeat:")) {
				t.Errorf("%s has no repeating meeting", f.Path)
			}
		case len(parts) == 3 && parts[2] == "school.yaml":
			for _, m := range fwRE.FindAllSubmatch(f.Data, -1) {
				frameworks[string(m[1])] = true
			}
			for _, m := range catRE.FindAllSubmatch(f.Data, -1) {
				categories[string(m[1])] = true
			}
		}
	}
	if len(updates) != n {
		t.Errorf("%d schools have updates, want %d", len(updates), n)
	}
	for s, k := range updates {
		if k < 10 || k > 20 {
			t.Errorf("%s has %d updates, want 10 to 20", s, k)
		}
	}
	if len(frameworks) < 3 {
		t.Errorf("frameworks %v: want at least 3 of the 4", frameworks)
	}
	if len(categories) < 4 {
		t.Errorf("categories %v: want at least 4", categories)
	}
	if st.Words < n*10*300 {
		t.Errorf("%d words in updates; want at least %d", st.Words, n*10*300)
	}
}

func TestWriteRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, Options{Schools: 1}); err == nil {
		t.Error("Write into a folder that holds a file: no error")
	}
}
