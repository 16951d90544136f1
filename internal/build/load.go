package build

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/incremental"
	"github.com/parentpages/parentpages/internal/parallel"
	"github.com/parentpages/parentpages/internal/site"
	"github.com/parentpages/parentpages/internal/theme"
)

// inputs is what loading found: the site-wide content, the theme, and each
// school folder with its key and, unless the cache gives back everything
// it made, what was read from it.
type inputs struct {
	fsys    dirFS
	content *content.Content
	theme   *theme.Theme
	global  string // the key of the site-wide inputs
	hist    *history
	cache   incremental.Cache
	slugs   []string
	keys    map[string]string // by slug
	calKeys []string
	made    []*incremental.Made // what the cache gives back whole, by school
	// madeIn is the same in each other language (by school, then in the
	// order of site.yaml's languages): given back only with made.
	madeIn  [][]*incremental.Made
	dirs    []*content.SchoolDir
	entries []*site.Entry
	diags   content.Diagnostics   // every problem found in reading
	loaded  []content.Diagnostics // of those, each school's
	// loadedAll says the school folders were read with their keys, there
	// being nothing in the cache to reuse.
	loadedAll bool
}

// take hands over school i's folder, which the inputs then let go of.
func (in *inputs) take(i int) *content.SchoolDir {
	d := in.dirs[i]
	in.dirs[i] = nil
	return d
}

// keyOf is the current key of a school.
func (in *inputs) keyOf(slug string) string { return in.keys[slug] }

// load reads the content folder: the site-wide files, the theme, the
// history of meetings, every school's key and the folders of the schools
// the cache cannot give back whole. changed lists the paths that changed
// since the last build (nil: any may have).
func (b *Builder) load(changed []string) (*inputs, error) {
	cfg := b.cfg
	if info, err := os.Stat(cfg.Content); err != nil || !info.IsDir() {
		in := &inputs{}
		in.diags.Errorf(cfg.Content, content.Pos{}, "there is no content folder here; give the folder that holds site.yaml with --content")
		return in, nil
	}
	in := &inputs{fsys: newDirFS(cfg.Content)}
	in.content, in.slugs, in.diags = content.LoadSite(in.fsys)
	var themeDiags content.Diagnostics
	in.theme, themeDiags = theme.Open(cfg.Content, in.content.Site.Theme, in.content.Site.At("theme"))
	in.diags = append(in.diags, themeDiags...)
	if cfg.History && cfg.Mode != Check {
		var err error
		if in.hist, err = readHistory(cfg.Content); err != nil {
			return nil, fmt.Errorf("reading the history of meetings.yaml: %w", err)
		}
	}
	var err error
	if in.global, err = b.globalKey(in); err != nil {
		return nil, err
	}
	in.cache = b.openCache(in.global)
	if err := b.keySchools(in, changed); err != nil {
		return nil, err
	}
	return in, nil
}

// keySchools keys every school folder. With nothing to reuse, it reads
// them too: each file is then read once, for the key and for the loader.
func (b *Builder) keySchools(in *inputs, changed []string) error {
	n := len(in.slugs)
	in.keys = make(map[string]string, n)
	in.calKeys = make([]string, n)
	in.made = make([]*incremental.Made, n)
	in.dirs = make([]*content.SchoolDir, n)
	in.loaded = make([]content.Diagnostics, n)
	keys := make([]string, n)
	touched := touchedSchools(changed)
	in.loadedAll = in.cache.Empty()
	loadAll := in.loadedAll
	var keyErr error
	var mu sync.Mutex
	parallel.Do(n, func(i int) {
		slug := in.slugs[i]
		var sfs fs.FS = in.fsys
		if loadAll {
			sfs = newOnceFS(in.fsys)
		}
		k, ck, ok := b.lastKeys(slug, changed, touched)
		if !ok {
			var err error
			if k, ck, err = incremental.SchoolKey(sfs, "schools/"+slug); err != nil {
				mu.Lock()
				keyErr = err
				mu.Unlock()
				return
			}
			h := in.hist.key("schools/" + slug)
			k, ck = k+h, ck+h
		}
		keys[i], in.calKeys[i] = k, ck
		if loadAll {
			in.dirs[i], in.loaded[i] = content.LoadSchool(sfs, slug)
		}
	})
	if keyErr != nil {
		return keyErr
	}
	for i, slug := range in.slugs {
		in.keys[slug] = keys[i]
	}
	b.rememberKeys(in)
	return nil
}

// readSchools reads the school folders that keySchools did not, but for
// those the cache gives back whole, and lists every school's entry.
func (b *Builder) readSchools(in *inputs) {
	in.madeIn = make([][]*incremental.Made, len(in.slugs))
	if !in.loadedAll {
		parallel.Do(len(in.slugs), func(i int) {
			slug := in.slugs[i]
			if made, ok := in.reuseAll(slug); ok {
				in.made[i] = made[0]
				in.madeIn[i] = made[1:]
				return
			}
			in.dirs[i], in.loaded[i] = content.LoadSchool(in.fsys, slug)
		})
	}
	in.entries = make([]*site.Entry, 0, len(in.slugs))
	for i := range in.slugs {
		in.diags = append(in.diags, in.loaded[i]...)
		switch {
		case in.made[i] != nil:
			in.entries = append(in.entries, in.made[i].Entry)
			in.diags = append(in.diags, in.made[i].LoadDiagnostics...)
		case in.dirs[i] != nil:
			in.entries = append(in.entries, site.NewEntry(in.dirs[i]))
		}
	}
}

// reuseAll returns what the cache gives back whole for a school in every
// language, the main first; ok is false unless it gives back all.
func (in *inputs) reuseAll(slug string) ([]*incremental.Made, bool) {
	made := make([]*incremental.Made, 0, 1+len(in.content.Site.Languages))
	codes := []string{""}
	for _, l := range in.content.Site.Languages {
		codes = append(codes, l.Code)
	}
	for _, code := range codes {
		m, reuse := in.cache.Lookup(unitIn(code, slug), in.keys[slug], in.keyOf)
		if reuse != incremental.ReuseAll {
			return nil, false
		}
		made = append(made, m)
	}
	return made, true
}

// touchedSchools lists the schools whose folders hold a changed path.
func touchedSchools(changed []string) map[string]bool {
	touched := map[string]bool{}
	for _, p := range changed {
		if rest, ok := strings.CutPrefix(p, "schools/"); ok {
			slug, _, _ := strings.Cut(rest, "/")
			touched[slug] = true
		}
	}
	return touched
}
