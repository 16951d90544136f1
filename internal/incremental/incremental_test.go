package incremental

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/publish"
	"github.com/parentpages/parentpages/internal/render"
)

func keys(m map[string]string) func(string) string { return func(u string) string { return m[u] } }

func TestMemory(t *testing.T) {
	now := map[string]string{"a": "ka", "b": "kb"}
	built := func(m *Memory, global string) {
		m.Begin(global)
		m.Record("a", &Made{Key: "ka", Deps: map[string]string{"b": "kb"}})
		m.Record("c", &Made{Key: "kc"})
		m.Record("@site", &Made{Key: ""})
		m.Commit()
	}
	for _, tc := range []struct {
		name   string
		global string
		unit   string
		key    string
		keys   map[string]string
		want   Reuse
	}{
		{"same key, same deps", "g", "a", "ka", now, ReuseAll},
		{"another key", "g", "a", "ka2", now, Rebuild},
		{"a dependency changed", "g", "a", "ka", map[string]string{"b": "kb2"}, Rebuild},
		{"no dependencies", "g", "c", "kc", now, ReuseAll},
		{"never built", "g", "d", "kd", now, Rebuild},
		{"no key: built every time", "g", "@site", "", now, Rebuild},
		{"the site-wide inputs changed", "g2", "a", "ka", now, Rebuild},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := &Memory{}
			built(m, "g")
			m.Begin(tc.global)
			if _, got := m.Lookup(tc.unit, tc.key, keys(tc.keys)); got != tc.want {
				t.Errorf("Lookup = %v, want %v", got, tc.want)
			}
		})
	}
}

// A build that fails (never commits) leaves what the last good one made.
func TestMemoryFailedBuildKeepsTheLast(t *testing.T) {
	m := &Memory{}
	if !m.Empty() {
		t.Fatal("a new cache is not empty")
	}
	m.Begin("g")
	m.Record("a", &Made{Key: "k1"})
	m.Commit()
	m.Begin("g")
	m.Record("a", &Made{Key: "k2"})
	// no Commit: the build failed
	m.Begin("g")
	if _, got := m.Lookup("a", "k1", keys(nil)); got != ReuseAll {
		t.Errorf("after a failed build, the last good unit is %v, want ReuseAll", got)
	}
	if _, got := m.Lookup("a", "k2", keys(nil)); got != Rebuild {
		t.Errorf("a failed build's unit is %v, want Rebuild", got)
	}
}

// writeBuild writes a site of one unit through a stage, as a build does,
// and returns the output folder's inode of page.html.
func writeBuild(t *testing.T, out, global string, body string, sk map[string]string) uint64 {
	t.Helper()
	d := OpenDisk(out, global)
	st, err := publish.NewStage(out)
	if err != nil {
		t.Fatal(err)
	}
	made := &Made{Key: "k", Deps: map[string]string{"b": "kb"}}
	f, err := d.Put(st, "a", render.Output{Path: "a/page.html", Body: []byte(body)})
	if err != nil {
		t.Fatal(err)
	}
	made.Files = append(made.Files, f)
	d.Record("a", made)
	if err := st.WriteFile(ManifestName, d.Manifest(sk, Summary{Files: 1}, content.Diagnostics{{Path: "x", Msg: "w", Warning: true}})); err != nil {
		t.Fatal(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	return inode(t, filepath.Join(out, "a", "page.html"))
}

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return st.Sys().(*syscall.Stat_t).Ino
}

func TestDisk(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if d := OpenDisk(out, "g"); !d.Empty() {
		t.Fatal("no output folder, yet the cache is not empty")
	}
	sk := map[string]string{"a": "k", "b": "kb"}
	first := writeBuild(t, out, "g", "<p>same</p>", sk)

	d := OpenDisk(out, "g")
	if sum, warns, ok := d.Unchanged(sk); !ok || sum.Files != 1 || len(warns) != 1 {
		t.Errorf("Unchanged = %+v, %v, %v; want the summary, the warning, true", sum, warns, ok)
	}
	if _, _, ok := d.Unchanged(map[string]string{"a": "k", "b": "kb2"}); ok {
		t.Error("Unchanged with a school's key changed")
	}
	if _, reuse := d.Lookup("a", "k", keys(sk)); reuse != ReuseFiles {
		t.Errorf("Lookup = %v, want ReuseFiles", reuse)
	}
	if _, reuse := d.Lookup("a", "k", keys(map[string]string{"b": "changed"})); reuse != Rebuild {
		t.Errorf("Lookup with a dependency changed = %v, want Rebuild", reuse)
	}
	if d := OpenDisk(out, "other"); !d.Empty() {
		t.Error("a manifest of other site-wide inputs is used")
	}

	// Same bytes again: the file is linked from the previous build.
	if again := writeBuild(t, out, "g", "<p>same</p>", sk); again != first {
		t.Errorf("identical file written again (inode %d, was %d), not linked", again, first)
	}
	// Someone changed the output: nothing is taken as unchanged.
	if err := os.WriteFile(filepath.Join(out, "a", "page.html"), []byte("edited by hand"), 0o644); err != nil {
		t.Fatal(err)
	}
	d = OpenDisk(out, "g")
	if _, _, ok := d.Unchanged(sk); ok {
		t.Error("Unchanged after a file was edited")
	}
	if _, reuse := d.Lookup("a", "k", keys(sk)); reuse != Rebuild {
		t.Errorf("Lookup after a file was edited = %v, want Rebuild", reuse)
	}
}

func TestKeys(t *testing.T) {
	fsys := os.DirFS("testdata")
	k1, c1, err := SchoolKey(fsys, "school")
	if err != nil {
		t.Fatal(err)
	}
	k2, c2, err := SchoolKey(fsys, "school")
	if err != nil {
		t.Fatal(err)
	}
	if k1 != k2 || c1 != c2 || k1 == c1 {
		t.Errorf("keys not stable or not distinct: %s %s / %s %s", k1, c1, k2, c2)
	}
	none := func(io.Writer) error { return nil }
	g1, _ := Key("today 2026-11-29", fsys, []string{"school/school.yaml"}, none)
	g2, _ := Key("today 2026-11-30", fsys, []string{"school/school.yaml"}, none)
	if g1 == g2 {
		t.Error("the global key does not change with the settings")
	}
	if Combine("ab", "c") == Combine("a", "bc") {
		t.Error("Combine runs parts together")
	}
}
