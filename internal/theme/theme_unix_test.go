//go:build unix

package theme

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A pipe, and a file too large, are refused without being read: the open
// does not wait for a writer.
func TestOpenRefusesSpecialFiles(t *testing.T) {
	root := site(t, map[string]string{"themes/x/assets/ok.css": "p{}"}, nil)
	if err := syscall.Mkfifo(filepath.Join(root, "themes/x/assets/pipe.css"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(root, "themes/x/assets/big.woff2")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, maxFileSize+1); err != nil { // sparse: nothing is written
		t.Fatal(err)
	}
	th, ds := open(t, root, "themes/x")
	want := "themes/x/assets/big.woff2:1:1: file is 16777217 bytes, more than the 16777216 allowed in a theme; make it smaller\n" +
		"themes/x/assets/pipe.css:1:1: this is not a regular file or folder; remove it\n"
	if got := messages(ds); got != want {
		t.Errorf("diagnostics:\n%s\nwant\n%s", got, want)
	}
	if b, err := fs.ReadFile(th.FS, "assets/ok.css"); err != nil || string(b) != "p{}" {
		t.Errorf("assets/ok.css = %q, %v", b, err)
	}
}
