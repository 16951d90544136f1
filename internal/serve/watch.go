package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher watches folders and everything under them. fsnotify watches one
// folder at a time, so every folder is added, and folders created later are
// added as they appear.
type watcher struct {
	fs      *fsnotify.Watcher
	content string // the content folder, to name what changed in it

	mu     sync.Mutex
	wanted []string // the folders asked for
	roots  []string // those that exist, watched with everything under them
	// changed lists the content paths changed since takeChanged was last
	// called; all says something else changed (the theme), or too much to
	// list.
	changed map[string]bool
	all     bool
}

func newWatcher(content string) (*watcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	return &watcher{fs: w, content: content, changed: map[string]bool{}}, nil
}

// takeChanged returns the content paths (slash-separated, relative to the
// content folder) changed since it was last called, sorted, or nil if
// anything may have changed.
func (w *watcher) takeChanged() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	all, changed := w.all, w.changed
	w.all, w.changed = false, map[string]bool{}
	if all {
		return nil
	}
	paths := make([]string, 0, len(changed))
	for p := range changed {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths
}

// note records what an event changed.
func (w *watcher) note(name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	rel, err := filepath.Rel(w.content, name)
	if err != nil || !within(name, w.content) || rel == "." {
		w.all = true
		return
	}
	w.changed[filepath.ToSlash(rel)] = true
}

func (w *watcher) close() { w.fs.Close() }

// setRoots watches exactly these folders and everything under them. A root
// that does not exist yet (a theme folder still to be made) is left out
// until a later call finds it.
func (w *watcher) setRoots(roots []string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if slices.Equal(roots, w.wanted) && len(w.roots) == len(roots) {
		return nil // as they were: new folders are added as they appear
	}
	w.wanted = slices.Clone(roots)
	for _, old := range w.roots {
		if !slices.Contains(roots, old) {
			for _, p := range w.fs.WatchList() {
				if within(p, old) && !slices.ContainsFunc(roots, func(r string) bool { return within(p, r) }) {
					w.fs.Remove(p)
				}
			}
		}
	}
	w.roots = nil
	var errs []error
	for _, r := range roots {
		if st, err := os.Stat(r); err != nil || !st.IsDir() {
			continue
		}
		w.roots = append(w.roots, r)
		if err := w.addTree(r); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// addTree watches dir and every folder under it, except hidden ones
// (.git, an editor's folder), which the build ignores too. Adding a folder
// already watched does nothing, so a tree may be added again.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // gone already: its removal is an event of its own
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && ignored(d.Name()) {
			return filepath.SkipDir
		}
		return w.fs.Add(p)
	})
}

// run turns events into rebuilds: after a change it waits until the
// folders have been quiet for debounce (or maxDelay has passed since the
// first change), then sends on trigger. A rebuild already asked for and not
// started yet stands for this one too.
func (w *watcher) run(ctx context.Context, debounce time.Duration, trigger chan<- struct{}, logf func(string, ...any)) {
	timer := time.NewTimer(0)
	<-timer.C
	pending := false
	var first time.Time
	changed := func() {
		now := time.Now()
		if !pending {
			pending, first = true, now
		}
		timer.Reset(min(debounce, first.Add(maxDelay).Sub(now)))
	}
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if !relevant(ev) {
				continue
			}
			w.note(ev.Name)
			if ev.Has(fsnotify.Create) {
				if st, err := os.Lstat(ev.Name); err == nil && st.IsDir() {
					// A new school folder, or one moved in: watch it and
					// what it already holds.
					w.mu.Lock()
					if err := w.addTree(ev.Name); err != nil {
						logf("parentpages serve: not watching %s: %v\n", ev.Name, err)
					}
					w.mu.Unlock()
				}
			}
			changed()
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Too many changes at once to follow one by one: look at
				// everything again.
				w.mu.Lock()
				for _, r := range w.roots {
					w.addTree(r)
				}
				w.all = true
				w.mu.Unlock()
				changed()
				continue
			}
			logf("parentpages serve: watching for changes: %v\n", err)
		case <-timer.C:
			pending = false
			select {
			case trigger <- struct{}{}:
			default:
			}
		}
	}
}

// relevant reports whether an event may change the site. A change of mode
// alone does not, and neither do hidden files (an editor's swap file,
// .DS_Store), which the build skips, or an editor's backups ending ~: the
// save that goes with them is an event of its own.
func relevant(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	return !ignored(filepath.Base(ev.Name))
}

func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~")
}

// within reports whether path p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
