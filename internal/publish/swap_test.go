package publish

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// killed is what a stopped swap panics with, standing for SIGKILL: no code
// after the step runs, so nothing is put back or cleaned up.
type killed struct{}

// stopAt returns sw with its k-th file-system call (from 0) replaced by a
// kill; *calls counts the calls made.
func stopAt(sw swapper, k int, calls *int) swapper {
	step := func() {
		if *calls == k {
			panic(killed{})
		}
		*calls++
	}
	return swapper{
		rename:    func(a, b string) error { step(); return sw.rename(a, b) },
		exchange:  func(a, b string) error { step(); return sw.exchange(a, b) },
		removeAll: func(p string) error { step(); return sw.removeAll(p) },
	}
}

var (
	oldSite = map[string]string{"index.html": "old", "a.html": "old a"}
	newSite = map[string]string{"index.html": "new", "b.html": "new b"}
)

// newStageOf writes a stage of out holding site, using sw.
func newStageOf(t *testing.T, out string, site map[string]string, sw swapper) *Stage {
	t.Helper()
	st, err := NewStage(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range slices.Sorted(maps.Keys(site)) {
		if err := st.WriteFile(p, []byte(site[p])); err != nil {
			t.Fatal(err)
		}
	}
	st.sw = sw
	return st
}

// siteAt returns the files of the folder dir; nil if there is none.
func siteAt(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	site := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		site[e.Name()] = string(b)
	}
	return site
}

// commitKilled commits st and reports whether it was killed part way.
func commitKilled(t *testing.T, st *Stage) (stopped bool) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(killed); !ok {
				panic(r)
			}
			stopped = true
		}
	}()
	if err := st.Commit(); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	return false
}

// TestSwapIsAtomic: a build killed at any step of putting its site in
// place leaves the output folder holding the whole previous site or the
// whole new one, never nothing.
func TestSwapIsAtomic(t *testing.T) {
	probe := t.TempDir()
	if err := os.Mkdir(filepath.Join(probe, "a"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(probe, "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := exchange(filepath.Join(probe, "a"), filepath.Join(probe, "b")); errors.Is(err, errNoExchange) {
		t.Skip("this system cannot exchange two folders in one step; swaps take two renames")
	} else if err != nil {
		t.Fatal(err)
	}
	for k := 0; ; k++ {
		out := filepath.Join(t.TempDir(), "public")
		if err := newStageOf(t, out, oldSite, systemSwapper()).Commit(); err != nil {
			t.Fatal(err)
		}
		calls := 0
		stopped := commitKilled(t, newStageOf(t, out, newSite, stopAt(systemSwapper(), k, &calls)))
		got := siteAt(t, out)
		if !maps.Equal(got, oldSite) && !maps.Equal(got, newSite) {
			t.Errorf("killed before file-system call %d: the output folder holds %v, want the whole old site or the whole new one", k, got)
		}
		if !stopped {
			if !maps.Equal(got, newSite) {
				t.Errorf("not killed: the output folder holds %v, want the new site", got)
			}
			return
		}
	}
}

// TestSwapWithoutExchange: where the system cannot exchange two folders
// (or the call fails), the swap takes two renames and still leaves the
// output folder as it was on any error.
func TestSwapWithoutExchange(t *testing.T) {
	errBroken := errors.New("broken")
	for _, tc := range []struct {
		name     string
		exchange error // what the exchange returns
		rename   int   // the rename (from 1) that fails; 0: none
		wantErr  error
		want     map[string]string
	}{
		{name: "no exchange", exchange: errNoExchange, want: newSite},
		{name: "no exchange, the previous site cannot be moved aside", exchange: errNoExchange, rename: 1, wantErr: errBroken, want: oldSite},
		{name: "no exchange, the new site cannot be moved in", exchange: errNoExchange, rename: 2, wantErr: errBroken, want: oldSite},
		{name: "the exchange fails", exchange: errBroken, wantErr: errBroken, want: oldSite},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			if err := newStageOf(t, out, oldSite, systemSwapper()).Commit(); err != nil {
				t.Fatal(err)
			}
			sw, renames := systemSwapper(), 0
			sw.exchange = func(a, b string) error { return tc.exchange }
			sw.rename = func(a, b string) error {
				if renames++; renames == tc.rename {
					return errBroken
				}
				return os.Rename(a, b)
			}
			st := newStageOf(t, out, newSite, sw)
			if err := st.Commit(); !errors.Is(err, tc.wantErr) {
				t.Fatalf("Commit = %v, want %v", err, tc.wantErr)
			}
			if got := siteAt(t, out); !maps.Equal(got, tc.want) {
				t.Errorf("the output folder holds %v, want %v", got, tc.want)
			}
			if left := besideOut(t, dir); len(left) > 0 {
				t.Errorf("left beside the output folder: %q", left)
			}
		})
	}
}

// TestCommitLeavesPreviousSite: once the new site is in place, a previous
// site that cannot be removed does not fail the commit: Leftover says why,
// and the next build's Sweep removes it.
func TestCommitLeavesPreviousSite(t *testing.T) {
	for _, tc := range []struct {
		name     string
		exchange bool
	}{
		{name: "exchanged", exchange: true},
		{name: "moved aside", exchange: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			if err := newStageOf(t, out, oldSite, systemSwapper()).Commit(); err != nil {
				t.Fatal(err)
			}
			sw := systemSwapper()
			if !tc.exchange {
				sw.exchange = func(a, b string) error { return errNoExchange }
			}
			sw.removeAll = func(string) error { return errors.New("device busy") }
			st := newStageOf(t, out, newSite, sw)
			if err := st.Commit(); err != nil {
				t.Fatalf("Commit = %v, want nil: the new site is in place", err)
			}
			if got := siteAt(t, out); !maps.Equal(got, newSite) {
				t.Errorf("the output folder holds %v, want the new site", got)
			}
			left := besideOut(t, dir)
			if len(left) != 1 || !maps.Equal(siteAt(t, filepath.Join(dir, left[0])), oldSite) {
				t.Fatalf("left beside the output folder: %q, want the previous site", left)
			}
			if err := st.Leftover(); err == nil || !strings.Contains(err.Error(), left[0]) || !strings.Contains(err.Error(), "device busy") {
				t.Errorf("Leftover = %v, want it to name %s and say why", err, left[0])
			}
			stale := time.Now().Add(-2 * sweepAge)
			if err := os.Chtimes(filepath.Join(dir, left[0]), stale, stale); err != nil {
				t.Fatal(err)
			}
			if err := Sweep(out); err != nil {
				t.Fatal(err)
			}
			if left := besideOut(t, dir); len(left) > 0 {
				t.Errorf("left after the sweep: %q", left)
			}
		})
	}
}

// besideOut lists what is in dir other than the output folder "public".
func besideOut(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if e.Name() != "public" {
			left = append(left, e.Name())
		}
	}
	return left
}
