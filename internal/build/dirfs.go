package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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

// onceFS reads each file and folder of one school once: for its key, then
// from memory for the loader. A build that loads every school (nothing to
// reuse) would otherwise read every file twice before rendering.
type onceFS struct {
	dirFS
	files map[string][]byte // read for the key, not yet given to ReadFile
	dirs  map[string][]fs.DirEntry
}

func newOnceFS(d dirFS) *onceFS {
	return &onceFS{dirFS: d, files: map[string][]byte{}, dirs: map[string][]fs.DirEntry{}}
}

// ReadShared reads a file for a reader that does not change it (the key),
// and keeps it for one ReadFile.
func (o *onceFS) ReadShared(name string) ([]byte, error) {
	if b, ok := o.files[name]; ok {
		return b, nil
	}
	b, err := o.dirFS.ReadFile(name)
	if err == nil {
		o.files[name] = b
	}
	return b, err
}

// ReadFile hands over a file the key read, which is then the caller's
// alone, as fs.ReadFileFS asks; any other read goes to the disk.
func (o *onceFS) ReadFile(name string) ([]byte, error) {
	if b, ok := o.files[name]; ok {
		delete(o.files, name)
		return b, nil
	}
	return o.dirFS.ReadFile(name)
}

// ReadDir returns a copy each time: readers may reorder or trim the list.
func (o *onceFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if d, ok := o.dirs[name]; ok {
		return slices.Clone(d), nil
	}
	d, err := o.dirFS.ReadDir(name)
	if err == nil {
		o.dirs[name] = slices.Clone(d)
	}
	return d, err
}
