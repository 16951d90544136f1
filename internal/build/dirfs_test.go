package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDirFS(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "a/b"), 0o755)
	big := strings.Repeat("x", 70000)
	os.WriteFile(filepath.Join(root, "a/b/big.md"), []byte(big), 0o644)
	os.WriteFile(filepath.Join(root, "empty.yaml"), nil, 0o644)
	d := newDirFS(root)
	if err := fstest.TestFS(d, "a/b/big.md", "empty.yaml"); err != nil {
		t.Fatal(err)
	}
	if b, err := fs.ReadFile(d, "a/b/big.md"); err != nil || string(b) != big {
		t.Errorf("big file: %d bytes, %v", len(b), err)
	}
	for _, bad := range []string{"../etc/passwd", "/etc/passwd", "a/../../x", "a/b"} {
		if _, err := fs.ReadFile(d, bad); err == nil {
			t.Errorf("ReadFile(%q) succeeded", bad)
		}
	}
	if _, err := fs.ReadFile(d, "missing"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// onceFS hands the loader what the key read, and is otherwise the folder
// as it is.
func TestOnceFS(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "schools/oak/updates"), 0o755)
	os.WriteFile(filepath.Join(root, "schools/oak/school.yaml"), []byte("name: Oak\n"), 0o644)
	os.WriteFile(filepath.Join(root, "schools/oak/updates/2026-10-01-a.md"), []byte("---\ntitle: A\n---\n"), 0o644)
	o := newOnceFS(newDirFS(root))
	if err := fstest.TestFS(o, "schools/oak/school.yaml", "schools/oak/updates/2026-10-01-a.md"); err != nil {
		t.Fatal(err)
	}
	// A file the key read is read from the disk once, and handed to the
	// next ReadFile; a ReadFile after that reads the disk again.
	o = newOnceFS(newDirFS(root))
	shared, err := o.ReadShared("schools/oak/school.yaml")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(root, "schools/oak/school.yaml"), []byte("name: Ash\n"), 0o644)
	if again, _ := o.ReadShared("schools/oak/school.yaml"); string(again) != "name: Oak\n" {
		t.Errorf("readShared read the disk again: %q", again)
	}
	if got, _ := fs.ReadFile(o, "schools/oak/school.yaml"); string(got) != "name: Oak\n" || &got[0] != &shared[0] {
		t.Errorf("ReadFile did not hand over what the key read: %q", got)
	}
	if got, _ := fs.ReadFile(o, "schools/oak/school.yaml"); string(got) != "name: Ash\n" {
		t.Errorf("the second ReadFile: %q, want what is on disk now", got)
	}
	entries, err := fs.ReadDir(o, "schools/oak")
	if err != nil || len(entries) != 2 {
		t.Fatalf("ReadDir: %d entries, %v", len(entries), err)
	}
	os.WriteFile(filepath.Join(root, "schools/oak/new.yaml"), nil, 0o644)
	// A reader that trims the list it was given does not trim the next one's.
	entries[0] = nil
	if again, _ := fs.ReadDir(o, "schools/oak"); len(again) != 2 || again[0] == nil {
		t.Errorf("ReadDir the second time: %v", again)
	}
	if _, err := fs.ReadFile(o, "schools/oak/missing.yaml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, err := fs.ReadFile(o, "../outside"); err == nil {
		t.Error("read outside the folder")
	}
}
