package publish

import (
	"errors"
	"fmt"
	"os"
)

// errNoExchange says the system cannot exchange two folders in one step.
var errNoExchange = errors.New("no atomic exchange here")

// swapper is the file-system calls that put a stage in place of the output
// folder. A stage holds its own, so that tests can stop a swap part way, as
// a kill would, or take the exchange away, as an old kernel would.
type swapper struct {
	rename    func(oldpath, newpath string) error
	exchange  func(a, b string) error // errNoExchange where there is none
	removeAll func(path string) error
}

func systemSwapper() swapper {
	return swapper{rename: os.Rename, exchange: exchange, removeAll: os.RemoveAll}
}

// swap puts stage at out and returns where the previous site now is, to
// be removed ("" if there was none). On an error, out is as it was.
//
// Where the system can, the two folders are exchanged in one step, and the
// previous site is left at the stage's name: out always holds a whole site.
// Elsewhere the previous site is moved aside (to stage + ".old") and the
// stage renamed into its place; a build killed between the two leaves no
// out, and Sweep leaves the ".old" folder alone so that it can be renamed
// back. The first build, with no out yet, is one rename on any system.
func (sw swapper) swap(stage, out string) (old string, err error) {
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return "", sw.rename(stage, out)
	} else if err != nil {
		return "", err
	}
	err = sw.exchange(stage, out)
	if err == nil {
		return stage, nil
	}
	if !errors.Is(err, errNoExchange) {
		return "", err
	}
	old = stage + ".old"
	if err := sw.rename(out, old); err != nil {
		return "", err
	}
	if err := sw.rename(stage, out); err != nil {
		_ = sw.rename(old, out) // put the previous site back
		return "", err
	}
	return old, nil
}

// Commit puts the stage in place of the output folder, then removes the
// previous site. An error means the output folder is as it was. Once the
// new site is in place Commit succeeds: if the previous site cannot be
// removed, Leftover says so, and Sweep removes it on a later build.
func (s *Stage) Commit() error {
	old, err := s.sw.swap(s.dir, s.out)
	if err != nil {
		s.Abort()
		return err
	}
	closeLock(s.lock)
	if old != "" {
		if err := s.sw.removeAll(old); err != nil {
			s.leftover = fmt.Errorf("the new site is in place, but the previous one, moved aside to %s, could not be removed (a later build removes it): %w", old, err)
		}
	}
	return nil
}

// Leftover returns, after Commit, why the previous site could not be
// removed, or nil if it was. The caller should warn: the site is built.
func (s *Stage) Leftover() error { return s.leftover }
