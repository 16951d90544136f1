package publish

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// TestExchange: renameat2's errors that mean "not here" turn into
// errNoExchange (the caller then renames twice); the others are failures.
func TestExchange(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{unix.ENOSYS, true}, {unix.EINVAL, true}, {unix.EOPNOTSUPP, true}, {unix.EPERM, true},
		{unix.ENOENT, false}, {unix.EACCES, false}, {unix.EXDEV, false}, {unix.EBUSY, false},
	} {
		if got := noExchange(tc.err); got != tc.want {
			t.Errorf("noExchange(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}

	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	mustWrite(t, filepath.Join(a, "index.html"), "a")
	mustWrite(t, filepath.Join(b, "index.html"), "b")
	if err := exchange(a, b); errors.Is(err, errNoExchange) {
		t.Skip("this file system cannot exchange folders")
	} else if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(a, "index.html")); string(got) != "b" {
		t.Errorf("after the exchange a holds %q, want b", got)
	}
	if err := exchange(a, filepath.Join(dir, "missing")); err == nil || errors.Is(err, errNoExchange) {
		t.Errorf("exchanging with a missing folder: %v, want a failure", err)
	}
}
