package theme

import (
	"bytes"
	"io"
	"io/fs"
	"iter"
	"maps"
	"path"
	"slices"
	"strings"
	"time"
)

// overlay is the site's theme over the default theme, file by file.
type overlay struct {
	top, bottom fs.FS
}

// Open opens the top's file, else the bottom's; a folder is the two
// merged (see ReadDir).
func (o overlay) Open(name string) (fs.File, error) {
	for _, fsys := range []fs.FS{o.top, o.bottom} {
		f, err := fsys.Open(name)
		if err != nil {
			continue
		}
		if st, err := f.Stat(); err == nil && !st.IsDir() {
			return f, nil
		}
		f.Close()
	}
	entries, err := o.ReadDir(name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memDir{info: memEntry{name: path.Base(name), dir: true}, entries: entries}, nil
}

// ReadFile reads the top's file, else the bottom's.
func (o overlay) ReadFile(name string) ([]byte, error) {
	if b, err := fs.ReadFile(o.top, name); err == nil {
		return b, nil
	}
	return fs.ReadFile(o.bottom, name)
}

// ReadDir merges both folders, the top's entries winning.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, terr := fs.ReadDir(o.top, name)
	bottom, berr := fs.ReadDir(o.bottom, name)
	if terr != nil && berr != nil {
		return nil, berr
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range top {
		seen[e.Name()] = true
		out = append(out, e)
	}
	for _, e := range bottom {
		if !seen[e.Name()] {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// memFS is a folder read into memory: regular files and the folders that
// hold them.
type memFS struct {
	files map[string][]byte        // by slash path
	dirs  map[string][]fs.DirEntry // by slash path, "." the top; sorted
}

func newMemFS(files map[string][]byte) memFS {
	m := memFS{files: files, dirs: map[string][]fs.DirEntry{".": nil}}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		var e fs.DirEntry = memEntry{name: path.Base(name), size: len(files[name])}
		for dir := path.Dir(name); ; dir = path.Dir(dir) {
			_, seen := m.dirs[dir]
			m.dirs[dir] = append(m.dirs[dir], e)
			if seen || dir == "." {
				break
			}
			e = memEntry{name: path.Base(dir), dir: true}
		}
	}
	for _, es := range m.dirs {
		slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	return m
}

// names returns the paths of the files.
func (m memFS) names() iter.Seq[string] { return maps.Keys(m.files) }

func (m memFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if b, ok := m.files[name]; ok {
		return &memFile{Reader: bytes.NewReader(b), info: memEntry{name: path.Base(name), size: len(b)}}, nil
	}
	if es, ok := m.dirs[name]; ok {
		return &memDir{info: memEntry{name: path.Base(name), dir: true}, entries: es}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadFile returns a copy, as fs.ReadFileFS asks.
func (m memFS) ReadFile(name string) ([]byte, error) {
	if b, ok := m.files[name]; ok {
		return bytes.Clone(b), nil
	}
	return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrNotExist}
}

func (m memFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if es, ok := m.dirs[name]; ok {
		return slices.Clone(es), nil
	}
	return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
}

// memEntry describes a file or folder of a memFS.
type memEntry struct {
	name string
	size int
	dir  bool
}

func (e memEntry) Name() string               { return e.name }
func (e memEntry) IsDir() bool                { return e.dir }
func (e memEntry) Info() (fs.FileInfo, error) { return e, nil }
func (e memEntry) Size() int64                { return int64(e.size) }
func (e memEntry) ModTime() time.Time         { return time.Time{} }
func (e memEntry) Sys() any                   { return nil }

func (e memEntry) Type() fs.FileMode { return e.Mode().Type() }

func (e memEntry) Mode() fs.FileMode {
	if e.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

type memFile struct {
	*bytes.Reader
	info memEntry
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memDir struct {
	info    memEntry
	entries []fs.DirEntry
	read    int // how many ReadDir has returned
}

func (d *memDir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *memDir) Close() error               { return nil }

func (d *memDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: fs.ErrInvalid}
}

// ReadDir is fs.ReadDirFile's: n <= 0 returns the rest.
func (d *memDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.read:]
	if n <= 0 {
		d.read = len(d.entries)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.read += len(rest)
	return slices.Clone(rest), nil
}
