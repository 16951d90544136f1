package incremental

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"

	"github.com/parentpages/parentpages/internal/site"
)

// ProgramHash identifies this build of the program: the templates, the
// rules and the code that renders are all in the binary, so that a new
// version rebuilds everything.
func ProgramHash() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	f, err := os.Open(exe)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Key hashes what every page depends on: settings (the program's hash,
// today's date, the build's options), the site-wide files of the content
// folder (paths in contentFS) and what theme writes (the site's theme's
// files; the built-in theme is in the program's hash).
func Key(settings string, contentFS fs.FS, paths []string, theme func(io.Writer) error) (string, error) {
	h := sha256.New()
	io.WriteString(h, settings)
	for _, p := range slices.Sorted(slices.Values(paths)) {
		if err := hashFile(h, contentFS, p); err != nil {
			return "", err
		}
	}
	if err := theme(h); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// SharedReader is a file system that can hand a file's bytes to a hash
// and keep them for the one ReadFile that follows (a build that loads
// every school reads each file once).
type SharedReader interface {
	ReadShared(name string) ([]byte, error)
}

func hashFile(h io.Writer, fsys fs.FS, p string) error {
	var b []byte
	var err error
	if o, ok := fsys.(SharedReader); ok {
		b, err = o.ReadShared(p)
	} else {
		b, err = fs.ReadFile(fsys, p)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "file %q %d\n", p, len(b))
	_, err = h.Write(b)
	return err
}

// SchoolKey hashes every file of a school's folder, names and contents,
// and, apart, the files the site's calendar and home page take from it
// (school.yaml and meetings.yaml).
func SchoolKey(fsys fs.FS, dir string) (key, calendarKey string, err error) {
	h := sha256.New()
	ch := sha256.New()
	err = fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if !fs.ValidPath(p) {
			// A name that is not UTF-8, which no fs.FS opens: the loader
			// reports it as a content error.
			fmt.Fprintf(h, "invalid %q\n", p)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			fmt.Fprintf(h, "dir %q\n", p)
			return nil
		case !d.Type().IsRegular():
			fmt.Fprintf(h, "other %q %v\n", p, d.Type())
			return nil
		}
		if p == dir+"/school.yaml" || p == dir+"/meetings.yaml" {
			if err := hashFile(ch, fsys, p); err != nil {
				return err
			}
		}
		return hashFile(h, fsys, p)
	})
	if err != nil {
		return "", "", err
	}
	return hex.EncodeToString(h.Sum(nil)), hex.EncodeToString(ch.Sum(nil)), nil
}

// FeedKey hashes what the site's feed is made of: which updates it holds,
// in order, and their files; "" if a file cannot be read.
func FeedKey(fsys fs.FS, updates []*site.Update) string {
	h := sha256.New()
	for _, u := range updates {
		fmt.Fprintf(h, "%s %s %s\n", u.School.Slug, u.School.Name, u.Date)
		if err := hashFile(h, fsys, u.Source); err != nil {
			return ""
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Combine hashes keys into one, in order.
func Combine(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d %s\n", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))
}
