// Package publish minifies rendered output and writes it to the output
// folder so that the folder holds either the previous site or the new one,
// never a mixture: the new site is staged in a sibling folder and swapped in
// only when every file is written.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"

	"github.com/parentpages/parentpages/internal/render"
)

// Minifier minifies outputs by media type. Build one per run; it is safe
// for concurrent use.
type Minifier struct {
	m *minify.M
}

// NewMinifier returns the minifier for HTML, CSS, SVG and XML (feeds and
// the sitemap). Calendars and copied files pass through untouched: a
// calendar's bytes are specified by RFC 5545, and a PDF is the PSA's.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepSpecialComments: true})
	m.Add("text/css", &css.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^application/(rss\+|atom\+)?xml$`), &xml.Minifier{KeepWhitespace: false})
	return &Minifier{m: m}
}

// minifiable reports whether this is one of our own generated types, not a
// file copied from a school's files/ folder (which is published as it is).
func minifiable(o render.Output) bool {
	if strings.Contains(o.Path, "/files/") {
		return false
	}
	t, _, _ := strings.Cut(o.MediaType, ";")
	switch t {
	case "text/html", "text/css", "image/svg+xml", "application/xml", "application/rss+xml":
		return true
	}
	return false
}

// Minify returns o with its body minified where its type allows: a new
// output, in new memory, which o's Done does not touch.
func (m *Minifier) Minify(o render.Output) (render.Output, error) {
	if !minifiable(o) {
		return o, nil
	}
	t, _, _ := strings.Cut(o.MediaType, ";")
	// Bytes minifies the body in place of a reader, which the minifier's
	// lexer would first copy whole.
	b, err := m.m.Bytes(t, o.Body)
	if err != nil {
		return o, fmt.Errorf("minifying %s: %w", o.Path, err)
	}
	return render.Output{Path: o.Path, MediaType: o.MediaType, Body: b}, nil
}

// MinifyInto is Minify with the minified body written into buf (emptied
// first), for a caller that is done with it before buf's next use. It
// reports false, and returns o as it is, where the type is not minified.
func (m *Minifier) MinifyInto(buf *bytes.Buffer, o render.Output) (render.Output, bool, error) {
	if !minifiable(o) {
		return o, false, nil
	}
	t, _, _ := strings.Cut(o.MediaType, ";")
	buf.Reset()
	buf.Grow(len(o.Body))
	// A buffer.Reader hands its bytes to the lexer as they are; any other
	// reader would be copied whole first.
	if err := m.m.Minify(t, buf, buffer.NewReader(o.Body)); err != nil {
		return o, false, fmt.Errorf("minifying %s: %w", o.Path, err)
	}
	return render.Output{Path: o.Path, MediaType: o.MediaType, Body: buf.Bytes()}, true, nil
}

// Stage is a new site being written beside the output folder: a build
// writes every output into it, from several goroutines if it likes, then
// Commit swaps it in place of the output folder, or Abort removes it, so
// that the folder is either the old site or the new one.
type Stage struct {
	out, dir string
	lock     *os.File // held while the stage is in use (see Sweep)
	mu       sync.Mutex
	dirs     map[string]bool
	hook     stageHook // does nothing, but in the command's tests (stagehook_on.go)
	sw       swapper
	leftover error // see Leftover
}

// stagePrefix starts the name of every stage of out: ".public.new-".
func stagePrefix(out string) string { return "." + filepath.Base(out) + ".new-" }

func closeLock(f *os.File) {
	if f != nil {
		f.Close()
	}
}

// sweepAge is how long a folder left beside the output must have been
// untouched before Sweep removes it: a build that has just made its stage
// may not hold the stage's lock yet.
const sweepAge = time.Minute

// Sweep removes what builds of out that were stopped (killed, or the
// machine lost power) left beside it: a stage (".public.new-123"), which
// after an exchange (see swap) holds the previous site waiting to be
// deleted, or the previous site moved aside (".public.new-123.old"). A build
// holds a lock on its stage until it ends, so a stage is swept only if no
// running build holds it and it has been untouched for a minute. A previous
// site moved aside is swept only while out exists: if a build stopped
// between moving it aside and putting the new site in its place, it is
// all that is left of the site (rename it back to recover it).
func Sweep(out string) error {
	out = filepath.Clean(out)
	parent, prefix := filepath.Dir(out), stagePrefix(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	_, err = os.Lstat(out)
	outExists := err == nil
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		info, err := e.Info()
		if err != nil || time.Since(info.ModTime()) < sweepAge {
			continue
		}
		p := filepath.Join(parent, e.Name())
		if strings.HasSuffix(e.Name(), ".old") {
			if outExists {
				err = os.RemoveAll(p)
			}
		} else if lock, ok := lockDir(p); ok {
			err = os.RemoveAll(p)
			lock.Close()
		}
		if err != nil {
			return fmt.Errorf("removing %s, left by a build that was stopped: %w", p, err)
		}
	}
	return nil
}

// NewStage starts a new site beside out.
func NewStage(out string) (*Stage, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(parent, stagePrefix(out))
	if err != nil {
		return nil, err
	}
	lock, _ := lockDir(dir)
	if err := os.Chmod(dir, 0o755); err != nil {
		closeLock(lock)
		os.RemoveAll(dir)
		return nil, err
	}
	return &Stage{out: out, dir: dir, lock: lock, dirs: map[string]bool{dir: true}, sw: systemSwapper()}, nil
}

// Write writes one output into the stage.
func (s *Stage) Write(o render.Output) error {
	if !Safe(o.Path) {
		return fmt.Errorf("refusing to write %q: outside the output folder", o.Path)
	}
	p := filepath.Join(s.dir, filepath.FromSlash(o.Path))
	d := filepath.Dir(p)
	if err := s.mkdir(d); err != nil {
		return err
	}
	if err := writeFile(p, o.Body); err != nil {
		return err
	}
	s.hook.written(s.dir)
	return nil
}

// Abort removes the stage, leaving the output folder as it was.
func (s *Stage) Abort() {
	os.RemoveAll(s.dir)
	closeLock(s.lock)
}

// Safe reports whether an output path stays inside the output folder: a
// relative, clean, slash-separated path with no ".." element.
func Safe(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, "\\") || strings.Contains(p, "\x00") {
		return false
	}
	for _, e := range strings.Split(p, "/") {
		if e == "" || e == "." || e == ".." {
			return false
		}
	}
	return true
}

// Link puts the existing file old (the previous build's) into the stage at
// p, without copying its bytes where the file system allows.
func (s *Stage) Link(old, p string) error {
	if !Safe(p) {
		return fmt.Errorf("refusing to write %q: outside the output folder", p)
	}
	dst := filepath.Join(s.dir, filepath.FromSlash(p))
	if err := s.mkdir(filepath.Dir(dst)); err != nil {
		return err
	}
	if err := os.Link(old, dst); err == nil {
		return nil
	}
	b, err := os.ReadFile(old)
	if err != nil {
		return err
	}
	return writeFile(dst, b)
}

// pathError is fs.PathError, kept as its own name so that the unix and
// other files share it.
type pathError = fs.PathError

// WriteFile writes a file that is not part of the site, such as the
// build's manifest.
func (s *Stage) WriteFile(name string, b []byte) error {
	return s.Write(render.Output{Path: name, Body: b})
}

func (s *Stage) mkdir(d string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.mkdirLocked(d)
}

// mkdirLocked makes d and any missing parents inside the stage, one mkdir a
// folder: the stage knows which folders it has made.
func (s *Stage) mkdirLocked(d string) error {
	if s.dirs[d] {
		return nil
	}
	if parent := filepath.Dir(d); parent != d && len(parent) >= len(s.dir) {
		if err := s.mkdirLocked(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(d, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	s.dirs[d] = true
	return nil
}
