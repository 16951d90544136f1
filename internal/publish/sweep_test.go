package publish

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"
)

// TestSweep: what builds that were stopped left beside the output folder
// is removed, or put back, and nothing else is touched.
func TestSweep(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no folder locks: stages are not swept")
	}
	stale := time.Now().Add(-2 * time.Minute)
	type entry struct {
		name   string
		file   bool      // a file, not a folder
		mtime  time.Time // zero: now
		locked bool      // a running build holds it
	}
	for _, tc := range []struct {
		name    string
		out     bool // public/ exists
		entries []entry
		want    []string // what is left beside public/, sorted
	}{
		{
			name:    "a stopped build's stage",
			out:     true,
			entries: []entry{{name: ".public.new-1", mtime: stale}},
		},
		{
			name:    "a stage made in the last minute may be a build starting",
			out:     true,
			entries: []entry{{name: ".public.new-1"}},
			want:    []string{".public.new-1"},
		},
		{
			name:    "a running build's stage",
			out:     true,
			entries: []entry{{name: ".public.new-1", mtime: stale, locked: true}},
			want:    []string{".public.new-1"},
		},
		{
			name:    "a previous site left half deleted",
			out:     true,
			entries: []entry{{name: ".public.new-1.old", mtime: stale}},
		},
		{
			name:    "a previous site moved aside, the new one never put in place: all that is left",
			entries: []entry{{name: ".public.new-1.old", mtime: stale}},
			want:    []string{".public.new-1.old"},
		},
		{
			name: "what is not a stage of public",
			out:  true,
			entries: []entry{
				{name: ".public.new-1", file: true, mtime: stale},
				{name: ".publicity.new-1", mtime: stale},
				{name: ".public.old", mtime: stale},
				{name: "public.new-1", mtime: stale},
				{name: ".other.new-1", mtime: stale},
			},
			want: []string{".other.new-1", ".public.new-1", ".public.old", ".publicity.new-1", "public.new-1"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			if tc.out {
				mustWrite(t, filepath.Join(out, "index.html"), "current")
			}
			for _, e := range tc.entries {
				p := filepath.Join(dir, e.name)
				if e.file {
					mustWrite(t, p, "")
				} else {
					mustWrite(t, filepath.Join(p, "index.html"), e.name)
				}
				if e.locked {
					lock, ok := lockDir(p)
					if !ok {
						t.Fatalf("cannot lock %s", p)
					}
					defer lock.Close()
				}
				if !e.mtime.IsZero() {
					if err := os.Chtimes(p, e.mtime, e.mtime); err != nil {
						t.Fatal(err)
					}
				}
			}
			if err := Sweep(out); err != nil {
				t.Fatal(err)
			}
			var left []string
			es, _ := os.ReadDir(dir)
			for _, e := range es {
				if e.Name() != "public" {
					left = append(left, e.Name())
				}
			}
			if !slices.Equal(left, tc.want) {
				t.Errorf("left beside public: %q, want %q", left, tc.want)
			}
			b, err := os.ReadFile(filepath.Join(out, "index.html"))
			if tc.out && (err != nil || string(b) != "current") {
				t.Errorf("public/index.html = %q (%v), want it as it was", b, err)
			}
			if !tc.out && err == nil {
				t.Errorf("public/ was made")
			}
		})
	}
}

// TestStageHoldsItsLock: a stage in use cannot be swept by another build.
func TestStageHoldsItsLock(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no folder locks")
	}
	out := filepath.Join(t.TempDir(), "public")
	st, err := NewStage(out)
	if err != nil {
		t.Fatal(err)
	}
	if lock, ok := lockDir(st.dir); ok {
		lock.Close()
		t.Fatal("a new stage is not locked")
	}
	if err := st.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	lock, ok := lockDir(out)
	if !ok {
		t.Fatal("the committed site is still locked")
	}
	lock.Close()
}

func mustWrite(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
