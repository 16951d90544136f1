package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/parallel"
	"github.com/parentpages/parentpages/internal/publish"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/site"
)

// Builder runs builds one after another and redoes only what changed since
// the last. A school whose files (and the site-wide inputs: site.yaml,
// pages, theme, program, today's date and the flags) are as they were is
// neither loaded nor rendered again: the dev server reuses what it holds in
// memory, and a build into an output folder reuses the files the previous
// build wrote there, as its manifest lists them. The site-wide pages (home,
// feeds, calendar, sitemap) are rendered whenever anything changed.
type Builder struct {
	cfg     Config
	program string    // a hash of this program, so that a new version rebuilds everything
	last    *snapshot // what the last successful build made (kept when Out is "")
	// pending holds the changes told to builds that failed since the last
	// success, so that the next build still looks at them; rescan says a
	// failed build was told nothing, so the next must look at everything.
	pending []string
	rescan  bool
	// renderer is the dev server's, kept while global, the site-wide
	// inputs it was made for, stays the same.
	renderer       *render.Renderer
	rendererGlobal string
}

// snapshot is what one build made, for the next to reuse.
type snapshot struct {
	global  string
	schools map[string]*schoolSnap
	units   map[string]unitSnap // by unit name, for the units with a key
	sitemap sitemapSnap
}

type schoolSnap struct {
	key, calendarKey string
	dir              *content.SchoolDir
	diags            content.Diagnostics
	model            *site.School
}

// sitemapSnap is the last sitemap, the key of the set of paths it lists,
// and that set, which links are checked against.
type sitemapSnap struct {
	key     string
	outputs []render.Output
	written map[string]bool
}

type unitSnap struct {
	key     string
	outputs []render.Output
}

// calendarUnit is the name of the site-wide calendar among the units.
const calendarUnit = "@calendar"

// NewBuilder returns a builder for cfg.
func NewBuilder(cfg Config) *Builder {
	return &Builder{cfg: cfg, program: programHash()}
}

// programHash identifies this build of the program: the templates, the
// rules and the code that renders are all in the binary.
func programHash() string {
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

// Build builds the site. changed lists the content paths (slash-separated,
// relative to the content folder) that changed since the last call, when
// the caller knows them (the dev server's watcher); nil means "look at
// everything". Changes told to a build that fails are kept for the next.
func (b *Builder) Build(ctx context.Context, changed []string) (*Result, error) {
	if changed != nil && !b.rescan {
		changed = append(slices.Clone(b.pending), changed...)
	} else {
		changed = nil
	}
	res, err := b.build(ctx, changed)
	if err != nil {
		b.pending, b.rescan = changed, changed == nil
	} else {
		b.pending, b.rescan = nil, false
	}
	return res, err
}

func (b *Builder) build(ctx context.Context, changed []string) (*Result, error) {
	cfg := b.cfg
	start := time.Now()
	res := &Result{}
	if info, err := os.Stat(cfg.Content); err != nil || !info.IsDir() {
		res.Diagnostics.Errorf(cfg.Content, content.Pos{}, "there is no content folder here; give the folder that holds site.yaml with --content")
		return res, ErrContent
	}
	write := cfg.Out != "" && !cfg.CheckOnly
	if write {
		if err := checkOut(cfg.Content, cfg.Out); err != nil {
			return res, err
		}
		if err := publish.Sweep(cfg.Out); err != nil {
			return res, err
		}
	}
	fsys := newDirFS(cfg.Content)
	c, slugs, ds := content.LoadSite(fsys)
	res.Diagnostics = ds
	themeFS, themeErr := themeOf(cfg.Content, c.Site.Theme)
	if themeErr != nil {
		res.Diagnostics.Errorf("site.yaml", c.Site.At("theme"), "`theme` is %q, but there is no such folder beside the content folder", c.Site.Theme)
	}
	var hist *history
	if cfg.History && !cfg.CheckOnly {
		var err error
		if hist, err = readHistory(cfg.Content); err != nil {
			return res, fmt.Errorf("reading the history of meetings.yaml: %w", err)
		}
	}
	global, err := b.globalKey(c, themeFS)
	if err != nil {
		return res, err
	}

	// What changed: a key for each school.
	touched := map[string]bool{}
	for _, p := range changed {
		if rest, ok := strings.CutPrefix(p, "schools/"); ok {
			slug, _, _ := strings.Cut(rest, "/")
			touched[slug] = true
		}
	}
	var old *manifest
	if write {
		old = readManifest(cfg.Out)
	}
	last := b.last
	if last != nil && last.global != global {
		last = nil // everything depends on what changed: reuse nothing
	}
	// With nothing to reuse, every school is loaded: each school's files
	// are then read once, for its key and for the loader.
	loadAll := last == nil && (old == nil || old.Global != global)
	keys := make([]string, len(slugs))
	calKeys := make([]string, len(slugs))
	snaps := make([]*schoolSnap, len(slugs))
	var keyErr error
	var keyMu sync.Mutex
	parallel.Do(len(slugs), func(i int) {
		var sfs fs.FS = fsys
		if prev := b.keysOf(slugs[i], changed, touched); prev != nil {
			keys[i], calKeys[i] = prev.key, prev.calendarKey
		} else {
			if loadAll {
				sfs = newOnceFS(fsys)
			}
			k, ck, err := schoolKey(sfs, "schools/"+slugs[i])
			if err != nil {
				keyMu.Lock()
				keyErr = err
				keyMu.Unlock()
				return
			}
			h := hist.key("schools/" + slugs[i])
			keys[i], calKeys[i] = k+h, ck+h
		}
		if loadAll {
			dir, ds := content.LoadSchool(sfs, slugs[i])
			snaps[i] = &schoolSnap{key: keys[i], calendarKey: calKeys[i], dir: dir, diags: ds}
		}
	})
	if keyErr != nil {
		return res, keyErr
	}
	if write && old.unchanged(global, slugs, keys) && !res.Diagnostics.HasErrors() && old.intact(cfg.Out) {
		res.Files, res.Pages, res.Bytes, res.Schools = old.Files, old.Pages, old.Bytes, old.Schools
		res.Diagnostics = append(res.Diagnostics, old.Warnings...).Sort()
		res.Unchanged = true
		res.Duration = time.Since(start)
		return res, nil
	}
	keyOf := make(map[string]string, len(slugs))
	for i, slug := range slugs {
		keyOf[slug] = keys[i]
	}
	// A school can be reused if its files, and those of every school its
	// links lead to, are as they were.
	depsSame := func(deps []string, then func(string) string) bool {
		for _, d := range deps {
			if then(d) != keyOf[d] {
				return false
			}
		}
		return true
	}
	same := func(i int) *schoolSnap {
		if last == nil {
			return nil
		}
		s := last.schools[slugs[i]]
		if s == nil || s.key != keys[i] {
			return nil
		}
		if s.model != nil && !depsSame(s.model.Deps, func(d string) string {
			if o := last.schools[d]; o != nil {
				return o.key
			}
			return ""
		}) {
			return nil
		}
		return s
	}

	// Load the schools that changed.
	parallel.Do(len(slugs), func(i int) {
		if loadAll {
			return // loaded with their keys
		}
		if s := same(i); s != nil {
			snaps[i] = &schoolSnap{key: s.key, calendarKey: s.calendarKey, dir: s.dir, diags: s.diags, model: s.model}
			return
		}
		dir, ds := content.LoadSchool(fsys, slugs[i])
		snaps[i] = &schoolSnap{key: keys[i], calendarKey: calKeys[i], dir: dir, diags: ds}
	})
	reuse := map[string]*site.School{}
	for _, sn := range snaps {
		if sn.dir != nil {
			c.Schools = append(c.Schools, sn.dir)
		}
		res.Diagnostics = append(res.Diagnostics, sn.diags...)
		if sn.model != nil {
			reuse[sn.dir.Slug] = sn.model
		}
	}
	c.Reindex()
	s, sds := site.Load(c, site.Config{Now: cfg.Now, NowIsDate: cfg.NowIsDate, Drafts: cfg.Drafts, Future: cfg.Future, Reuse: reuse})
	res.Site, res.Schools = s, len(s.Schools)
	res.Diagnostics = append(res.Diagnostics, sds...)
	if res.Diagnostics.HasErrors() {
		// Rendering stops here, so check the updates' bodies (which the
		// renderer would parse) now, so that every error is reported at once.
		parallel.Do(len(s.Schools), func(i int) {
			s.ParseSchool(s.Schools[i])
			s.ReleaseSchool(s.Schools[i])
		})
		for _, sch := range s.Schools {
			d, _ := sch.BodyDiagnostics()
			res.Diagnostics = append(res.Diagnostics, d...)
		}
		res.Diagnostics = res.Diagnostics.Sort()
		return res, ErrContent
	}
	if cfg.Out != "" || cfg.CheckOnly {
		// Nothing models these schools again (the dev server, which
		// does, keeps them whole), and every check on them has run.
		for _, sn := range snaps {
			if sn.dir != nil {
				sn.dir.ForgetPositions()
			}
		}
		for _, sch := range s.Schools {
			sch.ForgetPositions()
		}
	}
	var fresh []*site.School
	for _, sch := range s.Schools {
		if reuse[sch.Slug] != sch {
			fresh = append(fresh, sch)
		}
	}
	if err := hist.setSequences(s.Now, fresh); err != nil {
		return res, fmt.Errorf("reading the history of meetings.yaml: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}

	// Render what changed, reuse the rest.
	r, err := b.rendererFor(s, global, themeFS, fsys)
	if err != nil {
		return res, err
	}
	p := &pipeline{renderer: r, keep: cfg.Out == "" && !cfg.CheckOnly}
	if !cfg.CheckOnly {
		// A check renders only to find what links lead nowhere.
		p.minifier = publish.NewMinifier()
	}
	if last != nil {
		p.sitemap = last.sitemap
	}
	if write {
		if p.stage, err = publish.NewStage(cfg.Out); err != nil {
			return res, fmt.Errorf("writing %s: %w", cfg.Out, err)
		}
		p.old, p.oldDir = old, cfg.Out
	}
	bySlug := map[string]*schoolSnap{}
	for _, sn := range snaps {
		if sn.dir != nil {
			bySlug[sn.dir.Slug] = sn
		}
	}
	// The site calendar changes only with the schools' meetings and names.
	ch := sha256.New()
	for i, slug := range slugs {
		fmt.Fprintf(ch, "%s %s\n", slug, calKeys[i])
	}
	calKey := hex.EncodeToString(ch.Sum(nil))
	units := []unit{
		// The home page shows what school.yaml and meetings.yaml say (names,
		// status, next meetings); the other site pages depend only on
		// site-wide inputs. So it changes with the calendar.
		{name: "", key: calKey, render: r.SitePages},
		{name: "@feed", key: feedKey(fsys, r.SiteFeedUpdates()), render: r.SiteFeed},
		{name: calendarUnit, key: calKey, render: r.SiteCalendar},
	}
	for _, sch := range s.Schools {
		units = append(units, unit{name: sch.Slug, key: bySlug[sch.Slug].key, render: func() ([]render.Output, error) { return r.School(sch) }})
	}
	for i := range units {
		u := &units[i]
		if last != nil {
			// A school's pages are reused only with its model (which also
			// asks that the schools it links to are unchanged).
			_, isSchool := bySlug[u.name]
			if prev, ok := last.units[u.name]; ok && u.key != "" && prev.key == u.key && (!isSchool || reuse[u.name] != nil) {
				u.outputs = prev.outputs // the dev server's copy
				continue
			}
		}
		if mu, ok := old.unit(global, u.name, u.key); ok && depsSame(mu.Deps, func(d string) string { return old.Keys[d] }) {
			u.linkOld = true
			s.SiteLinks = append(s.SiteLinks, mu.Links...) // checked below, as if parsed again
		}
	}
	if !p.keep {
		// Nothing renders from a school again once its pages are written
		// and the site-wide pages (which read every school) are done.
		standAlone, err := r.StandAlone()
		if err != nil {
			return res, err
		}
		if standAlone {
			p.shed = newShedder(units, s.Schools, bySlug)
		}
	}
	if err := p.run(ctx, units); err != nil {
		p.abort()
		return res, err
	}
	for _, sch := range s.Schools {
		d, _ := sch.BodyDiagnostics()
		res.Diagnostics = append(res.Diagnostics, d...)
	}
	written := p.sitemap.written
	res.Diagnostics = append(res.Diagnostics, s.CheckSiteLinks(func(p string) bool {
		p = strings.TrimPrefix(p, "/")
		return written[p] || written[p+"index.html"] || written[strings.TrimSuffix(p, "/")+"/index.html"]
	})...)
	res.Diagnostics = res.Diagnostics.Sort()
	res.Outputs, res.Files, res.Pages, res.Bytes = p.outputs, len(p.paths), p.pages, p.bytes
	if res.Diagnostics.HasErrors() {
		p.abort()
		return res, ErrContent
	}
	if write {
		m := &manifest{Version: manifestVersion, Global: global, Files: res.Files, Pages: res.Pages, Bytes: res.Bytes,
			Schools: res.Schools, Units: map[string]manifestUnit{}, Keys: map[string]string{}}
		for i, slug := range slugs {
			m.Keys[slug] = keys[i]
		}
		for _, d := range res.Diagnostics {
			if d.Warning {
				m.Warnings = append(m.Warnings, d)
			}
		}
		bySchool := map[string]*site.School{}
		for _, sch := range s.Schools {
			bySchool[sch.Slug] = sch
		}
		for _, u := range units {
			if u.key != "" {
				mu := manifestUnit{Key: u.key, Files: p.entries[u.name]}
				if sch := bySchool[u.name]; sch != nil {
					mu.Deps = sch.Deps
					_, mu.Links = sch.BodyDiagnostics()
					if u.linkOld {
						mu = old.Units[u.name]
					}
				}
				m.Units[u.name] = mu
			} else {
				m.Site = append(m.Site, p.entries[u.name]...)
			}
		}
		m.Site = append(m.Site, p.entries["@sitemap"]...)
		if err := p.stage.WriteFile(manifestName, m.encode()); err != nil {
			p.abort()
			return res, err
		}
		if err := p.stage.Commit(); err != nil {
			return res, fmt.Errorf("writing %s: %w", cfg.Out, err)
		}
	}
	if cfg.Out == "" && !cfg.CheckOnly {
		next := &snapshot{global: global, schools: map[string]*schoolSnap{}, units: map[string]unitSnap{}, sitemap: p.sitemap}
		for _, u := range units {
			if u.key != "" {
				next.units[u.name] = unitSnap{key: u.key, outputs: p.byUnit[u.name]}
			}
		}
		byModel := map[string]*site.School{}
		for _, sch := range s.Schools {
			byModel[sch.Slug] = sch
		}
		for _, sn := range snaps {
			if sn.dir == nil {
				continue
			}
			sn.model = byModel[sn.dir.Slug]
			next.schools[sn.dir.Slug] = sn
		}
		b.last = next
	}
	res.Duration = time.Since(start)
	return res, nil
}

// keysOf returns the last build's snapshot of a school whose files did
// not change since, for its keys; nil if they must be computed again.
func (b *Builder) keysOf(slug string, changed []string, touched map[string]bool) *schoolSnap {
	if b.last == nil || changed == nil || touched[slug] {
		return nil
	}
	return b.last.schools[slug]
}

// rendererFor returns a renderer for s. The dev server's builds keep
// theirs while the site-wide inputs (global) are as they were, since
// parsing the theme is a tenth of a rebuild after one file is saved.
func (b *Builder) rendererFor(s *site.Site, global string, themeFS, fsys fs.FS) (*render.Renderer, error) {
	keep := b.cfg.Out == "" && !b.cfg.CheckOnly
	if keep && b.renderer != nil && b.rendererGlobal == global {
		b.renderer.UseSite(s)
		return b.renderer, nil
	}
	r, err := render.New(s, themeFS, fsys, b.cfg.Render)
	if err == nil && keep {
		b.renderer, b.rendererGlobal = r, global
	}
	return r, err
}

// feedKey hashes what the site's feed is made of: which updates it holds,
// in order, and their files.
func feedKey(fsys fs.FS, updates []*site.Update) string {
	h := sha256.New()
	for _, u := range updates {
		fmt.Fprintf(h, "%s %s %s\n", u.School.Slug, u.School.Info.Name, u.Date)
		if err := hashFile(h, fsys, u.Source); err != nil {
			return "" // render it
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// globalKey hashes everything that every page depends on.
func (b *Builder) globalKey(c *content.Content, themeFS fs.FS) (string, error) {
	h := sha256.New()
	cfg := b.cfg
	loc, err := time.LoadLocation(c.Site.Timezone)
	if err != nil {
		loc = time.UTC
	}
	now := cfg.Now
	if !cfg.NowIsDate {
		now = now.In(loc)
	}
	fmt.Fprintf(h, "program %s\ntoday %s\ndrafts %v future %v history %v\nreload %q banner %q\n",
		b.program, now.Format(time.DateOnly), cfg.Drafts, cfg.Future, cfg.History, cfg.Render.ReloadScript, cfg.Render.Banner)
	paths := slices.Sorted(func(yield func(string) bool) {
		for p := range c.Paths {
			if !yield(p) {
				return
			}
		}
	})
	for _, p := range paths {
		if err := hashFile(h, c.FS, p); err != nil {
			return "", err
		}
	}
	if _, ok := themeFS.(overlay); ok {
		err := fs.WalkDir(themeFS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			return hashFile(h, themeFS, p)
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func hashFile(h io.Writer, fsys fs.FS, p string) error {
	var b []byte
	var err error
	if o, ok := fsys.(*onceFS); ok {
		b, err = o.readShared(p)
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

// schoolKey hashes every file of a school's folder, names and contents,
// and, apart, the files the site's calendar takes from it.
func schoolKey(fsys fs.FS, dir string) (key, calendarKey string, err error) {
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

// unit is one part of the site: the site-wide pages (name ""), the site
// feed ("@feed"), the site calendar (calendarUnit) or a school (its slug).
type unit struct {
	name    string
	key     string // what it is made from; "" means render it every time
	render  func() ([]render.Output, error)
	outputs []render.Output // reuse these (in memory) instead of rendering
	linkOld bool            // reuse the previous build's files instead of rendering
}

// pipeline renders units on every core, minifies each output and writes it
// to the stage at once, so that a large site is never held in memory whole.
type pipeline struct {
	renderer *render.Renderer
	minifier *publish.Minifier // nil: do not minify (a check)
	stage    *publish.Stage    // nil: write nothing
	keep     bool              // keep the outputs in memory (the dev server)
	old      *manifest         // the previous build's, if any
	oldDir   string            // where its files are
	sitemap  sitemapSnap       // the last sitemap and the paths it lists
	shed     *shedder          // nil: keep every school's content to the end

	mu      sync.Mutex
	paths   []string
	outputs []render.Output
	byUnit  map[string][]render.Output
	entries map[string][]manifestFile
	pages   int
	bytes   int64
}

func (p *pipeline) abort() {
	if p.stage != nil {
		p.stage.Abort()
	}
}

func (p *pipeline) run(ctx context.Context, units []unit) error {
	p.byUnit = map[string][]render.Output{}
	p.entries = map[string][]manifestFile{}
	p.outputs = nil
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var firstErr error
	var errOnce sync.Once
	fail := func(err error) {
		errOnce.Do(func() { firstErr = err })
		cancel()
	}
	next := make(chan unit)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range next {
				if ctx.Err() != nil {
					continue
				}
				if err := p.do(u); err != nil {
					fail(err)
				}
			}
		}()
	}
	for _, u := range units {
		select {
		case next <- u:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	// The sitemap changes only when the set of pages does. The key is a sum
	// of each path's hash, so that it needs no sorting.
	var sum, xor uint64
	for _, path := range p.paths {
		v := maphash.String(pathSeed, path)
		sum += v
		xor ^= v * 0x9e3779b97f4a7c15
	}
	key := fmt.Sprintf("%d-%x-%x", len(p.paths), sum, xor)
	sm := p.sitemap
	if sm.key != key || sm.outputs == nil {
		slices.Sort(p.paths)
		o, err := p.renderer.Sitemap(p.paths)
		if err != nil {
			return err
		}
		if p.minifier != nil {
			if o, err = p.minifier.Minify(o); err != nil {
				return err
			}
		}
		sm = sitemapSnap{key: key, outputs: []render.Output{o}}
	}
	if sm.written == nil {
		sm.written = make(map[string]bool, len(p.paths))
		for _, path := range p.paths {
			sm.written[path] = true
		}
	}
	p.sitemap = sm
	if err := p.emit("@sitemap", slices.Clone(sm.outputs), false); err != nil {
		return err
	}
	if p.keep {
		// In a fixed order: the units in turn, each as it rendered.
		p.outputs = p.outputs[:0]
		for _, u := range units {
			p.outputs = append(p.outputs, p.byUnit[u.name]...)
		}
		p.outputs = append(p.outputs, sm.outputs...)
	}
	return nil
}

func (p *pipeline) do(u unit) error {
	switch {
	case u.outputs != nil:
		return p.emit(u.name, slices.Clone(u.outputs), false)
	case u.linkOld:
		ok, err := p.linkOld(u.name)
		if err != nil {
			return err
		}
		if ok {
			p.shed.done(u.name)
			return nil
		}
	}
	outs, err := u.render()
	if err != nil {
		return err
	}
	if err := p.emit(u.name, outs, true); err != nil {
		return err
	}
	p.shed.done(u.name)
	return nil
}

// shedder lets go of each school's content once its pages are written and
// the site-wide pages are done, so that a build holds the content of the
// schools still to render, not of every school (see site.School.Shed).
type shedder struct {
	mu      sync.Mutex
	site    map[string]bool   // the site-wide units still to finish
	schools map[string]func() // how to shed each school
	waiting []func()          // schools written before the site-wide pages were
}

func newShedder(units []unit, schools []*site.School, snaps map[string]*schoolSnap) *shedder {
	sh := &shedder{site: map[string]bool{}, schools: map[string]func(){}}
	for _, u := range units {
		if snaps[u.name] == nil {
			sh.site[u.name] = true
		}
	}
	for _, sch := range schools {
		dir := snaps[sch.Slug].dir
		sh.schools[sch.Slug] = func() {
			sch.Shed()
			dir.Shed()
		}
	}
	return sh
}

// done says the unit's files are written. A nil shedder sheds nothing.
func (sh *shedder) done(name string) {
	if sh == nil {
		return
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if shed := sh.schools[name]; shed != nil {
		delete(sh.schools, name)
		if len(sh.site) > 0 {
			sh.waiting = append(sh.waiting, shed)
		} else {
			shed()
		}
		return
	}
	delete(sh.site, name)
	if len(sh.site) == 0 {
		for _, shed := range sh.waiting {
			shed()
		}
		sh.waiting = nil
	}
}

// linkOld puts the previous build's files of a unit into the stage. It
// reports false if any is missing, so that the unit is rendered instead.
func (p *pipeline) linkOld(name string) (bool, error) {
	files := p.old.Units[name].Files
	for _, f := range files {
		if !publish.Safe(f.Path) {
			return false, nil
		}
		if st, err := os.Stat(filepath.Join(p.oldDir, filepath.FromSlash(f.Path))); err != nil || st.Size() != f.Size {
			return false, nil
		}
	}
	for _, f := range files {
		if err := p.stage.Link(filepath.Join(p.oldDir, filepath.FromSlash(f.Path)), f.Path); err != nil {
			return false, err
		}
	}
	p.record(name, nil, files)
	return true, nil
}

// emit minifies (if fresh) and writes outputs. A file whose bytes are the
// same as the previous build's is linked, not written again. Fresh outputs
// are Done once written, unless kept (the dev server), and minified into
// a pooled buffer that a kept output is copied out of.
func (p *pipeline) emit(name string, outs []render.Output, fresh bool) error {
	entries := make([]manifestFile, 0, len(outs))
	var buf *bytes.Buffer
	if fresh && p.minifier != nil {
		buf = minified.Get().(*bytes.Buffer)
		defer minified.Put(buf)
	}
	for i := range outs {
		o := outs[i]
		if buf != nil {
			m, ok, err := p.minifier.MinifyInto(buf, o)
			if err != nil {
				return err
			}
			if ok {
				outs[i].Done()
				o = m
				if p.keep {
					o.Body = bytes.Clone(o.Body)
				}
				outs[i] = o
			}
		}
		e := manifestFile{Path: o.Path, Size: int64(len(o.Body))}
		if p.stage != nil {
			if err := p.write(name, o, &e); err != nil {
				return err
			}
		}
		entries = append(entries, e)
		if fresh && !p.keep {
			outs[i].Done()
		}
	}
	p.record(name, outs, entries)
	return nil
}

// pathSeed seeds the sitemap's key, which is compared only with keys made
// by the same run of the program (the dev server's last build).
var pathSeed = maphash.MakeSeed()

// minified holds the buffers that emit minifies into.
var minified = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// write puts o into the stage and fills in e's hash, linking the previous
// build's file instead where it has the same bytes.
func (p *pipeline) write(name string, o render.Output, e *manifestFile) error {
	sum := sha256.Sum256(o.Body)
	e.Hash = hex.EncodeToString(sum[:16])
	if prev, ok := p.old.file(name, o.Path); ok && prev.Hash == e.Hash && prev.Size == e.Size {
		if err := p.stage.Link(filepath.Join(p.oldDir, filepath.FromSlash(o.Path)), o.Path); err == nil {
			return nil
		}
	}
	return p.stage.Write(o)
}

func (p *pipeline) record(name string, outs []render.Output, entries []manifestFile) {
	pages := 0
	var size int64
	for _, e := range entries {
		if strings.HasSuffix(e.Path, ".html") {
			pages++
		}
		size += e.Size
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, e := range entries {
		p.paths = append(p.paths, e.Path)
	}
	p.entries[name] = append(p.entries[name], entries...)
	if p.keep {
		p.byUnit[name] = append(p.byUnit[name], outs...)
	}
	p.pages += pages
	p.bytes += size
}
