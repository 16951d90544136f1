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
