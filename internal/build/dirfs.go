package build

import (
	"io/fs"
	"os"
	"path/filepath"
)

// dirFS is os.DirFS with a faster ReadFile: a site has tens of thousands
// of small files, and os.ReadFile registers each with the runtime's poller
// first (see readFile).
type dirFS struct {
	fs.FS
	root string
}

func newDirFS(root string) dirFS { return dirFS{FS: os.DirFS(root), root: root} }

// ReadFile reads the named file, with the same rules for names as
// os.DirFS: slash-separated, relative, no "." or ".." elements.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	return readFile(filepath.Join(d.root, filepath.FromSlash(name)))
}

// ReadDir makes fs.ReadDir and fs.WalkDir use the os package directly.
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return fs.ReadDir(d.FS, name)
}
