package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
	render   bool              // render and publish (not a check, and no error found before)
	minifier *publish.Minifier // nil: leave files as rendered
	stage    *publish.Stage    // nil: write nothing
	disk     *incremental.Disk // the cache of a build that writes

	mu       sync.Mutex
	listings []*site.Listing
	links    []site.SiteLink
	diags    content.Diagnostics
	outputs  []render.Output // kept (Preview)
	files    int
	pages    int
	bytes    int64
}

func (b *Builder) newPipeline(in *inputs, s *site.Site, r *render.Renderer, render bool) (*pipeline, error) {
	p := &pipeline{cfg: b.cfg, in: in, site: s, r: r, render: render && b.cfg.Mode != Check}
	p.links = append(p.links, s.SiteLinks...)
	if !b.cfg.NoMinify {
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
	slices.SortFunc(p.listings, func(a, b *site.Listing) int {
		return cmp(a.Name, b.Name, a.Slug, b.Slug)
	})
	paths, err := p.paths()
	if err != nil {
		return err
	}
	p.diags = append(p.diags, site.CheckSiteLinks(p.links, exists(paths))...)
	if !p.render || p.diags.HasErrors() {
		return nil
	}
	return p.siteWide(ctx, paths)
}

func cmp(a1, b1, a2, b2 string) int {
	if c := strings.Compare(a1, b1); c != 0 {
		return c
	}
	return strings.Compare(a2, b2)
}

// paths is every file of the site, as the model and the theme say.
func (p *pipeline) paths() (map[string]bool, error) {
	site, err := p.r.SitePaths()
	if err != nil {
		return nil, err
	}
	paths := make(map[string]bool, len(site)+len(p.listings)*20)
	for _, s := range site {
		paths[s] = true
	}
	for _, l := range p.listings {
		for _, s := range l.Paths {
			paths[s] = true
		}
	}
	return paths, nil
}

// school takes school i through the pipeline, or reuses what the cache
// gave back for it.
func (p *pipeline) school(i int) error {
	slug := p.in.slugs[i]
	if made := p.in.made[i]; made != nil {
		p.done(slug, made)
		return nil
	}
	d := p.in.take(i)
	if d == nil {
		return nil // no school.yaml: reported in loading
	}
	made := &incremental.Made{Key: p.in.keys[slug], Entry: site.NewEntry(d), LoadDiagnostics: p.in.loaded[i]}
	if p.site.Hidden(d.Dir) {
		p.done(slug, made)
		return nil
	}
	sch, f := p.site.School(d)
	made.Listing, made.Findings = sch.Listing, f
	made.Deps = make(map[string]string, len(f.Deps))
	for _, dep := range f.Deps {
		made.Deps[dep] = p.in.keyOf(dep)
	}
	if p.render && !f.Diagnostics.HasErrors() {
		err := p.publish(slug, made, func() ([]render.Output, error) { return p.r.School(sch) })
		var pe *render.PictureError
		if errors.As(err, &pe) {
			// A photo that could not be decoded is the content's mistake.
			made.Findings.Diagnostics = append(made.Findings.Diagnostics,
				content.Diagnostic{Path: pe.Path, Msg: images.Refusal(pe.Err)})
		} else if err != nil {
			return err
		}
	}
	p.done(slug, made)
	return nil
}

// siteWide renders the parts of the site that list every school.
func (p *pipeline) siteWide(ctx context.Context, paths map[string]bool) error {
	ch := make([]string, 0, 2*len(p.in.slugs))
	for i, slug := range p.in.slugs {
		ch = append(ch, slug, p.in.calKeys[i])
	}
	calKey := incremental.Combine(ch...)
	sorted := slices.Sorted(func(yield func(string) bool) {
		for s := range paths {
			if !yield(s) {
				return
			}
		}
	})
	units := []struct {
		name, key string
		render    func() ([]render.Output, error)
	}{
		// The home page shows what school.yaml and meetings.yaml say; the
		// other site pages depend only on site-wide inputs.
		{"", calKey, func() ([]render.Output, error) { return p.r.SitePages(p.listings) }},
		{"@feed", incremental.FeedKey(p.in.fsys, render.SiteFeedUpdates(p.listings)), func() ([]render.Output, error) { return p.r.SiteFeed(p.listings) }},
		{"@calendar", calKey, func() ([]render.Output, error) { return p.r.SiteCalendar(p.listings) }},
		{"@sitemap", incremental.Combine(sorted...), func() ([]render.Output, error) {
			o, err := p.r.Sitemap(sorted)
			return []render.Output{o}, err
		}},
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
		if p.stage != nil {
			f, err := p.disk.Put(p.stage, unit, o)
			if err != nil {
				return err
			}
			made.Files = append(made.Files, f)
		} else {
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
	p.in.cache.Record(unit, made)
	p.mu.Lock()
	defer p.mu.Unlock()
	if made.Listing != nil {
		p.listings = append(p.listings, made.Listing)
	}
	p.diags = append(p.diags, made.Findings.Diagnostics...)
	p.links = append(p.links, made.Findings.Links...)
	p.outputs = append(p.outputs, made.Outputs...)
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
	slices.SortFunc(p.outputs, func(a, b render.Output) int { return strings.Compare(a.Path, b.Path) })
	if p.stage != nil {
		sum := incremental.Summary{Files: res.Files, Pages: res.Pages, Bytes: res.Bytes, Schools: res.Schools}
		if err := p.stage.WriteFile(incremental.ManifestName, p.disk.Manifest(in.keys, sum, res.Diagnostics)); err != nil {
			p.abort()
			return err
		}
		if err := p.stage.Commit(); err != nil {
			return fmt.Errorf("writing %s: %w", p.cfg.Out, err)
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
