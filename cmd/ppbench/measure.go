package main

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"
)

// measure is one run of a command.
type measure struct {
	wall, cpu time.Duration
	sys       time.Duration // of cpu, the time in the kernel
	peak      int64         // maximum resident set size, bytes
	// own is ppbench's resident size as it started the command: the
	// kernel reports a child's peak as at least this (see forgetOwnPeak).
	own int64
}

// timeCommand runs a command to the end and measures it. Its output is
// kept only to explain a failure.
func timeCommand(ctx context.Context, name string, args, env []string) (measure, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	forgetOwnPeak()
	own := ownRSS()
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return measure{}, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, tail(out.String(), 4000))
	}
	ps := cmd.ProcessState
	return measure{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), sys: ps.SystemTime(), peak: peakRSS(ps), own: own}, nil
}

// forgetOwnPeak makes this process small and resets its peak resident set
// size. Linux starts a child's peak at its parent's peak when the child is
// started as Go starts it (sharing the parent's memory until exec), so
// after writing a large corpus every child would seem to use at least what
// ppbench itself once did. Even so, the peak the kernel reports for a
// child is at least ppbench's resident size when it started the child:
// measure.own records it, so a table can say the peaks are the builds'
// own (TestPeakIsTheChilds checks both).
func forgetOwnPeak() {
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // Linux only; elsewhere peaks are as they are
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// medianOf takes the median of each measurement separately.
func medianOf(ms []measure) measure {
	var walls, cpus, syss []time.Duration
	var peaks []int64
	for _, m := range ms {
		walls, cpus, syss, peaks = append(walls, m.wall), append(cpus, m.cpu), append(syss, m.sys), append(peaks, m.peak)
	}
	return measure{wall: median(walls), cpu: median(cpus), sys: median(syss), peak: median(peaks)}
}

func median[T int64 | time.Duration | float64](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// tree counts what a built site holds.
type tree struct {
	files, pages int
	bytes        int64
}

// walkTree counts the files of a built site, leaving out hidden ones (the
// build's manifest), which are not published.
func walkTree(dir string) (tree, error) {
	var t tree
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		t.files++
		t.bytes += info.Size()
		if strings.HasSuffix(p, ".html") {
			t.pages++
		}
		return nil
	})
	return t, err
}

// copyAndRead is the floor no generator can beat: copy every content file
// (read it, write it elsewhere) and read every file of the built site.
func copyAndRead(content, copyTo, built string) (time.Duration, error) {
	if err := os.RemoveAll(copyTo); err != nil {
		return 0, err
	}
	start := time.Now()
	err := filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(content, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(copyTo, rel)
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		return 0, err
	}
	err = filepath.WalkDir(built, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		_, err = os.ReadFile(p)
		return err
	})
	// The copy is left for the caller to remove (see settler).
	return time.Since(start), err
}

// pickUpdate chooses the update that timeEdited edits: the middle English
// one (a translation, name.<code>.md, has a dot more).
func pickUpdate(content string) (string, error) {
	all, err := filepath.Glob(filepath.Join(content, "schools", "*", "updates", "*.md"))
	ups := slices.DeleteFunc(all, func(p string) bool { return strings.Count(filepath.Base(p), ".") > 1 })
	if err != nil || len(ups) == 0 {
		return "", fmt.Errorf("no updates in %s: %v", content, err)
	}
	slices.Sort(ups)
	return ups[len(ups)/2], nil
}

// timeEdited adds a sentence to the file, times build, and puts the file
// back as it was.
func timeEdited(file string, build func() (measure, error)) (measure, error) {
	old, err := os.ReadFile(file)
	if err != nil {
		return measure{}, err
	}
	if err := os.WriteFile(file, append(slices.Clip(old), "\nOne more sentence from the PSA.\n"...), 0o644); err != nil {
		return measure{}, err
	}
	m, err := build()
	if rerr := os.WriteFile(file, old, 0o644); err == nil {
		err = rerr
	}
	return m, err
}
