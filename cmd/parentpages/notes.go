package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"

	"github.com/parentpages/parentpages/internal/cms"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/words"
)

const notesUsage = `Usage: parentpages notes [--content DIR] [--dry-run]

Moves the notes written after # in the files the editor at /admin/ saves
(site.yaml, pages, and each school's files and updates) into x_notes, the
editor's "Private notes" field, which it keeps: the editor drops every #
line of a file it saves. The notes that "parentpages new" writes stay, as
the editor shows the same words beside its fields. Nothing else in a file
changes.
`

// runNotes moves the PSA's comments into x_notes, or with --dry-run says
// where they are.
func runNotes(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("parentpages notes", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() { fmt.Fprint(stderr, notesUsage); fset.PrintDefaults() }
	dir := fset.String("content", "content", "the content `folder`")
	dry := fset.Bool("dry-run", false, "list the notes that would move, and change nothing")
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "parentpages notes: unexpected argument %q\n", fset.Arg(0))
		return exitUsage
	}
	fsys := os.DirFS(*dir)
	files, err := cms.EditorFiles(fsys)
	if err != nil {
		fmt.Fprintf(stderr, "parentpages notes: %v\n", err)
		return exitUsage
	}
	if len(files) == 0 {
		fmt.Fprintf(stderr, "parentpages notes: %s has no site.yaml, pages or schools: give the content folder with --content\n", *dir)
		return exitUsage
	}
	moved, changed, failed := 0, 0, 0
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			fmt.Fprintf(stderr, "parentpages notes: %v\n", err)
			failed++
			continue
		}
		if *dry {
			cs, err := cms.Comments(f, b)
			if err != nil {
				fmt.Fprintf(stderr, "%s: %s\n", content.Printable(f), notReadable(err))
				failed++
			}
			for _, c := range cs {
				fmt.Fprintf(stdout, "%s:%d:%d: %s\n", content.Printable(f), c.Line, c.Col, words.Plural(c.Lines, "line", "lines"))
			}
			if len(cs) > 0 {
				moved += len(cs)
				changed++
			}
			continue
		}
		out, n, err := cms.MoveNotes(f, b)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %s\n", content.Printable(f), notReadable(err))
			failed++
			continue
		}
		if n == 0 {
			continue
		}
		if err := writeKeepingMode(filepath.Join(*dir, filepath.FromSlash(f)), out); err != nil {
			fmt.Fprintf(stderr, "parentpages notes: %v\n", err)
			failed++
			continue
		}
		fmt.Fprintf(stdout, "%s: moved %s into x_notes\n", content.Printable(f), words.Plural(n, "note", "notes"))
		moved += n
		changed++
	}
	verb := "moved"
	if *dry {
		verb = "would move"
	}
	fmt.Fprintf(stdout, "%s %s in %s of %s\n", verb, words.Plural(moved, "note", "notes"), words.Plural(changed, "file", "files"), words.Plural(len(files), "file", "files"))
	if failed > 0 {
		fmt.Fprintf(stderr, "parentpages notes: %s left as %s: move their notes by hand, or fix them first (parentpages check)\n",
			words.Plural(failed, "file", "files"), map[bool]string{true: "it was", false: "they were"}[failed == 1])
		return exitContent
	}
	return exitOK
}

// notReadable says why a file's notes were not moved.
func notReadable(err error) string {
	var ye *yaml.TypeError
	if errors.As(err, &ye) {
		return "the YAML could not be read; run parentpages check"
	}
	return err.Error()
}

// writeKeepingMode replaces the file at p with b, through a file beside
// it, so that a file is never left half written.
func writeKeepingMode(p string, b []byte) error {
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".notes-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), p)
}

// commentWarnings warns of each note written after # in the files the
// editor saves, which it would lose, unless the site leaves the editor
// out (admin: false).
func commentWarnings(dir string) content.Diagnostics {
	fsys := os.DirFS(dir)
	if !adminOn(fsys) {
		return nil
	}
	cs, err := cms.Warnings(fsys)
	if err != nil {
		return nil
	}
	var ds content.Diagnostics
	for _, c := range cs {
		ds.Warnf(c.Path, content.Pos{Line: c.Line, Col: c.Col}, "%s", cms.CommentMessage)
	}
	return content.Quote(fsys, ds)
}

// adminOn reads site.yaml's admin setting: on unless written false.
func adminOn(fsys fs.FS) bool {
	b, err := fs.ReadFile(fsys, "site.yaml")
	if err != nil {
		return false
	}
	var s struct {
		Admin *bool `yaml:"admin"`
	}
	if yaml.Unmarshal(b, &s) != nil {
		return true
	}
	return s.Admin == nil || *s.Admin
}
