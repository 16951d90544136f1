package build

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/images"
	"github.com/parentpages/parentpages/internal/incremental"
	"github.com/parentpages/parentpages/internal/publish"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/site"
)

// pipeline takes each school through modelling, checking, rendering and
// publishing, on every core, then the site-wide parts, which list every
// school. It never holds a site's pages whole: each file is minified and
// written as soon as it is rendered.
type pipeline struct {
	cfg      Config
	in       *inputs
	site     *site.Site
	r        *render.Renderer
	langs    *languages
	others   []langRenderer    // the renderers of the languages but the main one
	render   bool              // render (no error found before; a check only where a site theme could fail)
	keep     bool              // keep the rendered files in memory (Preview)
	minifier *publish.Minifier // nil: leave files as rendered
	stage    *publish.Stage    // nil: write nothing
	disk     *incremental.Disk // the cache of a build that writes

	mu       sync.Mutex
	listings []*site.Listing
	// listingsIn are, by code, the listings of another language.
	listingsIn map[string][]*site.Listing
	links      []site.SiteLink
	diags      content.Diagnostics
	kept       map[string][]render.Output // by unit, the files kept in memory (Preview)
	files      int
	pages      int
	bytes      int64
}

// langRenderer is the renderer of one of the site's other languages.
type langRenderer struct {
	code string
	r    *render.Renderer
}

func (b *Builder) newPipeline(in *inputs, s *site.Site, rs *renderers, noErrors bool) (*pipeline, error) {
	// A check renders nothing where the theme is the program's own, whose
	// templates its tests cover; a site's own templates may fail on some
	// page, so a check renders with them, writing nothing, and a check
	// that passes means the build will.
	check := b.cfg.Mode == Check
	p := &pipeline{cfg: b.cfg, in: in, site: s, r: rs.main, langs: rs.langs, others: rs.others,
		keep: b.cfg.Mode == Preview, kept: map[string][]render.Output{}, listingsIn: map[string][]*site.Listing{},
		render: noErrors && (!check || in.theme.Dir != "")}
	p.links = append(p.links, s.SiteLinks...)
	if !b.cfg.NoMinify && !check {
		p.minifier = publish.NewMinifier()
	}
	if b.cfg.Mode == Write && p.render {
		var err error
		if p.stage, err = publish.NewStage(b.cfg.Out); err != nil {
			return nil, fmt.Errorf("writing %s: %w", b.cfg.Out, err)
		}
		p.disk = in.cache.(*incremental.Disk)
	}
	return p, nil
}

// run builds every school, then, when nothing has failed, the site-wide
// parts; it checks links to site paths against every file of the site.
func (p *pipeline) run(ctx context.Context) error {
	if err := each(ctx, len(p.in.slugs), p.school); err != nil {
		return err
	}
	p.diags = append(p.diags, site.CheckOccurrences(p.inFolderOrder())...)
	byName := func(a, b *site.Listing) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), strings.Compare(a.Slug, b.Slug))
	}
	slices.SortFunc(p.listings, byName)
	for _, ls := range p.listingsIn {
		slices.SortFunc(ls, byName)
	}
	paths, err := p.paths()
	if err != nil {
		return err
	}
	p.diags = append(p.diags, site.CheckSiteLinks(p.links, exists(paths.has))...)
	if !p.render || p.diags.HasErrors() {
		return nil
	}
	return p.siteWide(ctx, paths)
}

// paths is every file of the site, as the model and the theme say.
func (p *pipeline) paths() (*pathSet, error) {
	wide, err := p.r.SitePaths()
	if err != nil {
		return nil, err
	}
	ps := &pathSet{site: make(map[string]bool, len(wide)), schools: make(map[string]*site.Listing, len(p.listings)), langs: p.langs}
	for _, s := range wide {
		ps.site[s] = true
	}
	for _, l := range p.listings {
		ps.schools[l.Slug] = l
	}
	return ps, nil
}

// pathSet is every file of the site: the site-wide parts' and each
// school's (its listing's, sorted), looked up without gathering them.
type pathSet struct {
	site    map[string]bool
	schools map[string]*site.Listing
	langs   *languages // the paths of another language are the main one's it has
}

func (ps *pathSet) has(p string) bool {
	if code, main := ps.langs.split(p); code != "" {
		return ps.langs.has(code, main, ps.hasMain)
	}
	return ps.hasMain(p)
}

// hasMain reports whether output path p of the main language is published.
func (ps *pathSet) hasMain(p string) bool {
	if rest, ok := strings.CutPrefix(p, "schools/"); ok {
		slug, _, _ := strings.Cut(rest, "/")
		if l := ps.schools[slug]; l != nil {
			_, found := slices.BinarySearch(l.Paths, p)
			return found
		}
	}
	return ps.site[p]
}

// key names the set: the site-wide paths and each school's (by a hash its
// listing keeps).
func (ps *pathSet) key(slugs []string) string {
	parts := slices.Sorted(maps.Keys(ps.site))
	for _, slug := range slugs {
		if l := ps.schools[slug]; l != nil {
			parts = append(parts, slug, l.PathsKey())
		}
	}
	if ps.langs.key != "" {
		parts = append(parts, ps.langs.key)
	}
	return incremental.Combine(parts...)
}

// all lists every path, sorted.
func (ps *pathSet) all() []string {
	all := slices.Collect(maps.Keys(ps.site))
	for _, l := range ps.schools {
		all = append(all, l.Paths...)
	}
	main := all[:len(all):len(all)]
	for _, l := range ps.langs.others() {
		for _, p := range main {
			if ps.langs.has(l.Code, p, func(string) bool { return true }) {
				all = append(all, l.Code+"/"+p)
			}
		}
	}
	slices.Sort(all)
	return all
}

// school takes school i through the pipeline, or reuses what the cache
// gave back for it.
func (p *pipeline) school(i int) error {
	slug := p.in.slugs[i]
	if made := p.in.made[i]; made != nil {
		p.done(slug, made)
		for j, l := range p.others {
			p.doneIn(l.code, unitIn(l.code, slug), p.in.madeIn[i][j])
		}
		return nil
	}
	d := p.in.take(i)
	if d == nil {
		return nil // no school.yaml: reported in loading
	}
	made := &incremental.Made{Key: p.in.keys[slug], Entry: site.NewEntry(d), LoadDiagnostics: p.in.loaded[i]}
	if p.site.Hidden(d.Dir) {
		p.done(slug, made)
		for _, l := range p.others {
			p.doneIn(l.code, unitIn(l.code, slug), &incremental.Made{Key: made.Key})
		}
		return nil
	}
	sch, f := p.site.School(d)
	made.Listing, made.Findings = sch.Listing, f
	made.Deps = make(map[string]string, len(f.Deps))
	for _, dep := range f.Deps {
		made.Deps[dep] = p.in.keyOf(dep)
	}
	rendering := p.render && !f.Diagnostics.HasErrors()
	if rendering {
		err := p.publish(slug, made, func() ([]render.Output, error) { return p.r.School(sch) })
		var pe *render.PictureError
		if errors.As(err, &pe) {
			// A photo that could not be decoded is the content's mistake.
			made.Findings.Diagnostics = append(made.Findings.Diagnostics,
				content.Diagnostic{Path: pe.Path, Msg: images.Refusal(pe.Err)})
			rendering = false
		} else if err != nil {
			return err
		}
	}
	p.done(slug, made)
	// Every other language, while the school is in memory: the same key
	// and dependencies, its own listing and files.
	for _, l := range p.others {
		in := schoolIn(sch, l.code)
		l.r.Listed(in)
		lm := &incremental.Made{Key: made.Key, Deps: made.Deps, Listing: in.Listing}
		if rendering {
			if err := p.publish(unitIn(l.code, slug), lm, func() ([]render.Output, error) { return l.r.School(in) }); err != nil {
				return err
			}
		}
		p.doneIn(l.code, unitIn(l.code, slug), lm)
	}
	return nil
}

// siteUnits name the site-wide parts among the units: the site pages
// (home, pages, 404, assets), the site's feed, its calendar, the sitemap,
// the editor at /admin/, the security policies (_headers).
var siteUnits = [...]string{"", "@feed", "@calendar", "@sitemap", adminUnit, headersUnit}

// siteWide renders the parts of the site that list every school.
func (p *pipeline) siteWide(ctx context.Context, paths *pathSet) error {
	ch := make([]string, 0, 2*len(p.in.slugs))
	for i, slug := range p.in.slugs {
		ch = append(ch, slug, p.in.calKeys[i])
	}
	calKey := incremental.Combine(ch...)
	type unit struct {
		name, key string
		render    func() ([]render.Output, error)
	}
	units := []unit{
		// The home page shows what school.yaml and meetings.yaml say; the
		// other site pages depend only on site-wide inputs.
		{siteUnits[0], calKey, func() ([]render.Output, error) { return p.r.SitePages(p.listings) }},
		{siteUnits[1], incremental.FeedKey(p.in.fsys, render.SiteFeedUpdates(p.listings)), func() ([]render.Output, error) { return p.r.SiteFeed(p.listings) }},
		{siteUnits[2], calKey, func() ([]render.Output, error) { return p.r.SiteCalendar(p.listings) }},
		{siteUnits[3], paths.key(p.in.slugs), func() ([]render.Output, error) {
			o, err := p.r.Sitemap(slices.DeleteFunc(paths.all(), isAdmin))
			return []render.Output{o}, err
		}},
		{headersUnit, paths.key(p.in.slugs), func() ([]render.Output, error) { return []render.Output{headersFile(paths.all())}, nil }},
	}
	if p.site.Admin {
		o, err := p.adminOptions()
		if err != nil {
			return err
		}
		units = append(units, unit{adminUnit, adminKey(o), renderAdmin(o)})
	}
	// Another language's home page, feed and calendar show the schools'
	// translations too: they are keyed by every school's files.
	if len(p.others) > 0 {
		all := []string{calKey, p.langs.key}
		for _, slug := range p.in.slugs {
			all = append(all, p.in.keys[slug])
		}
		key := incremental.Combine(all...)
		for _, l := range p.others {
			listings := p.listingsIn[l.code]
			l.r.KeepListed(listings)
			units = append(units,
				unit{unitIn(l.code, siteUnits[0]), key, func() ([]render.Output, error) { return l.r.SitePages(listings) }},
				unit{unitIn(l.code, siteUnits[1]), key, func() ([]render.Output, error) { return l.r.SiteFeed(listings) }},
				unit{unitIn(l.code, siteUnits[2]), key, func() ([]render.Output, error) { return l.r.SiteCalendar(listings) }})
		}
	}
	return each(ctx, len(units), func(i int) error {
		u := units[i]
		made := &incremental.Made{Key: u.key}
		if err := p.publish(u.name, made, u.render); err != nil {
			return err
		}
		p.done(u.name, made)
		return nil
	})
}

// publish puts a unit's files in place: the previous build's, where the
// cache has them, else rendered now.
func (p *pipeline) publish(unit string, made *incremental.Made, render func() ([]render.Output, error)) error {
	old, reuse := p.in.cache.Lookup(unit, made.Key, p.in.keyOf)
	switch {
	case reuse == incremental.ReuseAll:
		made.Outputs = old.Outputs
		return nil
	case reuse == incremental.ReuseFiles && p.disk != nil:
		made.Files = old.Files
		return p.disk.Link(p.stage, old.Files)
	}
	outs, err := render()
	if err != nil {
		return err
	}
	return p.emit(unit, outs, made)
}

// emit minifies outputs and writes them to the stage, or keeps them in
// memory (Preview). Each output's buffer goes back to its pool once done.
func (p *pipeline) emit(unit string, outs []render.Output, made *incremental.Made) error {
	var buf *bytes.Buffer
	if p.minifier != nil {
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
			}
		}
		switch {
		case p.stage != nil:
			f, err := p.disk.Put(p.stage, unit, o)
			if err != nil {
				return err
			}
			made.Files = append(made.Files, f)
		case p.keep:
			o.Body = bytes.Clone(o.Body)
			made.Outputs = append(made.Outputs, o)
		}
		outs[i].Done()
	}
	return nil
}

// minified holds the buffers that emit minifies into.
var minified = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// done records what a unit made, for this build's result and the cache.
func (p *pipeline) done(unit string, made *incremental.Made) {
	p.doneIn("", unit, made)
}

// doneIn records what a unit of language code ("": the main) made. The
// diagnostics and links of a school are its main language unit's, which
// another language's repeat.
func (p *pipeline) doneIn(code, unit string, made *incremental.Made) {
	p.in.cache.Record(unit, made)
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case code != "":
		if made.Listing != nil {
			p.listingsIn[code] = append(p.listingsIn[code], made.Listing)
		}
	default:
		if made.Listing != nil {
			p.listings = append(p.listings, made.Listing)
		}
		p.diags = append(p.diags, made.Findings.Diagnostics...)
		p.links = append(p.links, made.Findings.Links...)
	}
	if len(made.Outputs) > 0 {
		p.kept[unit] = made.Outputs
	}
	for _, o := range made.Outputs {
		p.count(o.Path, int64(len(o.Body)))
	}
	for _, f := range made.Files {
		p.count(f.Path, f.Size)
	}
}

func (p *pipeline) count(path string, size int64) {
	p.files++
	if strings.HasSuffix(path, ".html") {
		p.pages++
	}
	p.bytes += size
}

func (p *pipeline) abort() {
	if p.stage != nil {
		p.stage.Abort()
	}
}

// commit puts the build in place: the stage, with its manifest, replaces
// the output folder (Write), or the cache keeps what this build made
// (Preview).
func (p *pipeline) commit(in *inputs, res *Result) error {
	if p.stage != nil {
		sum := incremental.Summary{Files: res.Files, Pages: res.Pages, Bytes: res.Bytes, Schools: res.Schools, Held: res.Held}
		if err := p.stage.WriteFile(incremental.ManifestName, p.disk.Manifest(in.keys, sum, res.Diagnostics)); err != nil {
			p.abort()
			return err
		}
		if err := p.stage.Commit(); err != nil {
			return fmt.Errorf("writing %s: %w", p.cfg.Out, err)
		}
		if err := p.stage.Leftover(); err != nil {
			// The new site is in place; a later build sweeps the old one.
			res.Notes = append(res.Notes, err.Error())
		}
	}
	if m, ok := in.cache.(*incremental.Memory); ok {
		m.Commit()
	}
	return nil
}

// each runs f(0) ... f(n-1) on every core and returns the first error;
// it stops starting new calls once one has failed or ctx is done.
func each(ctx context.Context, n int, f func(i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var first error
	var once sync.Once
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				if ctx.Err() == nil {
					if err := f(i); err != nil {
						once.Do(func() { first = err })
						cancel()
					}
				}
			}
		})
	}
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// outputs are the files kept in memory (Preview), the schools' in the
// order of their folders, then the site-wide parts'.
func (p *pipeline) outputs() []render.Output {
	var out []render.Output
	codes := []string{""}
	for _, l := range p.others {
		codes = append(codes, l.code)
	}
	for _, code := range codes {
		for _, unit := range p.in.slugs {
			out = append(out, p.kept[unitIn(code, unit)]...)
		}
		for _, unit := range siteUnits {
			out = append(out, p.kept[unitIn(code, unit)]...)
		}
	}
	return out
}

// inFolderOrder lists the schools' listings in the order of their folders.
func (p *pipeline) inFolderOrder() []*site.Listing {
	bySlug := make(map[string]*site.Listing, len(p.listings))
	for _, l := range p.listings {
		bySlug[l.Slug] = l
	}
	var out []*site.Listing
	for _, slug := range p.in.slugs {
		if l := bySlug[slug]; l != nil {
			out = append(out, l)
		}
	}
	return out
}
