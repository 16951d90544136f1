package build

import (
	"context"
	"errors"
	"fmt"
	"github.com/parentpages/parentpages/internal/i18n"
	"slices"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/incremental"
	"github.com/parentpages/parentpages/internal/publish"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/site"
)

// Builder runs builds one after another and redoes only what changed since
// the last (see package incremental): the dev server keeps what it made in
// memory; a build that writes reuses the files its output folder holds.
type Builder struct {
	cfg     Config
	program string // a hash of this program, so that a new version rebuilds everything
	memory  *incremental.Memory
	// pending holds the changes told to builds that failed since the last
	// success, so that the next build still looks at them; rescan says a
	// failed build was told nothing, so the next must look at everything.
	pending []string
	rescan  bool
	// keys are the schools' keys as the last build found them.
	keys map[string][2]string
	// renderer is the dev server's, kept while the site-wide inputs it was
	// made for (global) stay the same: parsing the theme is a tenth of a
	// rebuild after one file is saved.
	renderers      *renderers
	rendererGlobal string
}

// NewBuilder returns a builder for cfg.
func NewBuilder(cfg Config) *Builder {
	b := &Builder{cfg: cfg, program: incremental.ProgramHash()}
	if cfg.Mode == Preview {
		b.memory = &incremental.Memory{}
	}
	return b
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
	if b.cfg.History && (err == nil || errors.Is(err, ErrContent)) {
		// Never kept in the output folder's manifest: whether a meeting
		// was removed depends on the commits, not on the files.
		removed, herr := removedMeetings(b.cfg.Content, res.entries, res.Diagnostics)
		if herr != nil {
			return res, fmt.Errorf("reading the last commits of meetings.yaml: %w", herr)
		}
		res.Diagnostics = append(res.Diagnostics, removed...).Sort()
		stale, herr := staleTranslations(b.cfg.Content, res.entries, res.Diagnostics)
		if herr != nil {
			return res, fmt.Errorf("reading the history of translations: %w", herr)
		}
		res.Diagnostics = append(res.Diagnostics, stale...).Sort()
	}
	res.entries = nil
	res.Diagnostics = content.Quote(newDirFS(b.cfg.Content), res.Diagnostics)
	return res, err
}

// build is the pipeline: load, model and check, render, publish.
func (b *Builder) build(ctx context.Context, changed []string) (*Result, error) {
	start := time.Now()
	res := &Result{}
	if (b.cfg.Mode == Write) != (b.cfg.Out != "") {
		return res, fmt.Errorf("build: an output folder goes with Write mode, and only with it (mode %d, out %q)", b.cfg.Mode, b.cfg.Out)
	}
	if b.cfg.Mode == Write {
		if err := publish.CheckOut(b.cfg.Content, b.cfg.Out); err != nil {
			return res, err
		}
		if err := publish.Sweep(b.cfg.Out); err != nil {
			return res, err
		}
	}
	in, err := b.load(changed)
	if in != nil {
		res.Diagnostics = in.diags
	}
	if err != nil || in.content == nil {
		return res, errOr(err, res)
	}
	siteCfg := site.Config{Now: b.cfg.Now, NowIsDate: b.cfg.NowIsDate, Drafts: b.cfg.Drafts, Future: b.cfg.Future}
	if disk, ok := in.cache.(*incremental.Disk); ok && !res.Diagnostics.HasErrors() {
		if sum, warnings, ok := disk.Unchanged(in.keys); ok {
			res.Files, res.Pages, res.Bytes, res.Schools = sum.Files, sum.Pages, sum.Bytes, sum.Schools
			res.Diagnostics = append(res.Diagnostics, warnings...).Sort()
			// What it held back is the same as the build that wrote the
			// folder; so are the meetings of every meetings.yaml, so that
			// none is reported removed (which needs the folders read).
			res.Held = sum.Held
			res.Unchanged, res.Duration = true, time.Since(start)
			return res, nil
		}
	}
	b.readSchools(in)
	res.Diagnostics, res.entries = in.diags, in.entries
	seq, err := in.hist.sequencer(b.cfg.Now, in.entries)
	if err != nil {
		return res, fmt.Errorf("reading the history of meetings.yaml: %w", err)
	}
	siteCfg.Sequence = seq
	s, ds := site.New(in.content, in.entries, siteCfg)
	res.Site, res.Held = s, s.Held
	res.Diagnostics = append(res.Diagnostics, ds...)
	// A language the theme has no words for cannot be built: a build
	// stops there, a check says so and goes on to check the rest.
	missing := missingCatalogues(in)
	res.Diagnostics = append(res.Diagnostics, missing...).Sort()
	if b.cfg.Mode == Check {
		res.Languages = catalogueCompleteness(in)
	} else if len(missing) > 0 {
		return res, ErrContent
	}
	rs, err := b.renderersFor(s, in)
	if err != nil {
		return res, themeFailed(res, in.theme, err)
	}
	p, err := b.newPipeline(in, s, rs, !res.Diagnostics.HasErrors())
	if err != nil {
		return res, err
	}
	if err := p.run(ctx); err != nil {
		p.abort()
		return res, themeFailed(res, in.theme, err)
	}
	res.Diagnostics = append(res.Diagnostics, p.diags...).Sort()
	res.Listings, res.Schools = p.listings, len(p.listings)
	res.Files, res.Pages, res.Bytes = p.files, p.pages, p.bytes
	if res.Diagnostics.HasErrors() {
		p.abort()
		return res, ErrContent
	}
	if err := p.commit(in, res); err != nil {
		return res, err
	}
	res.Outputs = p.outputs()
	res.Duration = time.Since(start)
	return res, nil
}

// catalogueCompleteness says how complete the theme's catalogue of each
// of site.yaml's languages is.
func catalogueCompleteness(in *inputs) []i18n.Completeness {
	langs := in.content.Site.Languages
	if len(langs) == 0 {
		return nil
	}
	set, _ := render.Catalogues(in.theme.FS) // its mistakes are reported when the pages are rendered
	if set == nil {
		return nil
	}
	out := make([]i18n.Completeness, len(langs))
	for i, l := range langs {
		out[i] = set.Completeness(l.Code)
	}
	return out
}

// errOr returns err, or ErrContent if the result has errors.
func errOr(err error, res *Result) error {
	if err == nil && res.Diagnostics.HasErrors() {
		return ErrContent
	}
	return err
}

// openCache returns what this build may reuse.
func (b *Builder) openCache(global string) incremental.Cache {
	switch b.cfg.Mode {
	case Preview:
		b.memory.Begin(global)
		return b.memory
	case Write:
		return incremental.OpenDisk(b.cfg.Out, global)
	}
	return incremental.Nothing{}
}

// lastKeys returns the keys the last build found for a school whose files
// did not change since; ok is false if they must be worked out again.
func (b *Builder) lastKeys(slug string, changed []string, touched map[string]bool) (key, calKey string, ok bool) {
	if b.keys == nil || changed == nil || touched[slug] {
		return "", "", false
	}
	k, ok := b.keys[slug]
	return k[0], k[1], ok
}

// rememberKeys keeps the schools' keys for the dev server's next build.
func (b *Builder) rememberKeys(in *inputs) {
	if b.cfg.Mode != Preview {
		return
	}
	b.keys = make(map[string][2]string, len(in.slugs))
	for i, slug := range in.slugs {
		b.keys[slug] = [2]string{in.keys[slug], in.calKeys[i]}
	}
}

// globalKey hashes everything that every page depends on.
func (b *Builder) globalKey(in *inputs) (string, error) {
	cfg := b.cfg
	today := site.Today(cfg.Now, cfg.NowIsDate, in.content.Site.Timezone).Format(time.DateOnly)
	settings := fmt.Sprintf("program %s\ntoday %s\ndrafts %v future %v history %v minify %v\nreload %q\n",
		b.program, today, cfg.Drafts, cfg.Future, cfg.History, !cfg.NoMinify, cfg.Render.ReloadScript)
	var paths []string
	for p := range in.content.Paths {
		paths = append(paths, p)
	}
	return incremental.Key(settings, in.content.FS, paths, in.theme.WriteKey)
}

// renderers are a build's renderers: the main language's and each other
// language's.
type renderers struct {
	main   *render.Renderer
	others []langRenderer
	langs  *languages
}

// renderersFor returns the renderers for s: the dev server keeps them
// while the site-wide inputs are as they were.
func (b *Builder) renderersFor(s *site.Site, in *inputs) (*renderers, error) {
	keep := b.cfg.Mode == Preview
	if keep && b.renderers != nil && b.rendererGlobal == in.global {
		// Which pages each language misses depends on the schools' files,
		// which are not among the site-wide inputs.
		fresh := siteLanguages(in.content, s, in.entries)
		b.renderers.langs.missing, b.renderers.langs.key = fresh.missing, fresh.key
		b.renderers.main.UseSite(s)
		for _, l := range b.renderers.others {
			l.r.UseSite(s.In(l.code))
		}
		return b.renderers, nil
	}
	rs := &renderers{langs: siteLanguages(in.content, s, in.entries)}
	// A check renders the main language only (where it renders at all:
	// see newPipeline): how complete each other language's catalogue is
	// is for it to report (Result.Languages), not an error.
	checkOnly := b.cfg.Mode == Check
	if !checkOnly {
		if err := render.Describe(in.theme.FS, rs.langs.list); err != nil {
			return nil, err
		}
	}
	opts := b.cfg.Render
	opts.ImageCache = b.cfg.imageCache()
	if len(rs.langs.list) > 0 {
		opts.Languages, opts.Missing = rs.langs.list, rs.langs.isMissing
	}
	var err error
	if rs.main, err = render.New(s, in.theme.FS, in.fsys, opts); err != nil {
		return nil, err
	}
	for _, l := range rs.langs.others() {
		if checkOnly {
			break // a check renders the main language only: see above
		}
		o := opts
		o.Language = l.Code
		r, err := render.New(s.In(l.Code), in.theme.FS, in.fsys, o)
		if err != nil {
			return nil, err
		}
		rs.others = append(rs.others, langRenderer{code: l.Code, r: r})
	}
	if keep {
		b.renderers, b.rendererGlobal = rs, in.global
	}
	return rs, nil
}

// exists reports whether the output paths that has says exist serve a
// site path.
func exists(has func(string) bool) func(string) bool {
	return func(p string) bool {
		p = strings.TrimPrefix(p, "/")
		return has(p) || has(p+"index.html") || has(strings.TrimSuffix(p, "/")+"/index.html")
	}
}
