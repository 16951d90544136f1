// Package build is the one pipeline that both `parentpages build` and the
// dev server use: load and check the content, build the model, render it,
// minify, and (for build) write the output folder in one swap.
package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/publish"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/site"
	theme "github.com/parentpages/parentpages/themes/default"
)

// Config is what one build does.
type Config struct {
	Content string    // the content folder
	Out     string    // the output folder; "" writes nothing (check, serve)
	Now     time.Time // "today"
	// NowIsDate says Now is a date (from --now): the start of that day in
	// the site's timezone.
	NowIsDate bool
	Drafts    bool // include drafts
	Future    bool // include updates dated after today
	Render    render.Options
	// CheckOnly stops after the content is checked: nothing is written.
	CheckOnly bool
	// History takes each meeting's calendar SEQUENCE from the Git history of
	// its meetings.yaml (see setSequences); without it every SEQUENCE is 0.
	History bool
}

// Result is what a build made.
type Result struct {
	Site        *site.Site
	Outputs     []render.Output // minified, sorted by path; kept only when Config.Out is ""
	Files       int             // number of files built
	Pages       int             // of which HTML pages
	Bytes       int64           // their total size
	Diagnostics content.Diagnostics
	Duration    time.Duration
}

// ErrContent is returned (wrapped) when the content has errors; the
// Result's Diagnostics list them.
var ErrContent = errors.New("the content has errors")

// Build runs the pipeline. A content error returns ErrContent with the
// diagnostics in the result; any other error is the program's or the
// machine's. When cfg.Out is set, the folder is replaced only on success.
func Build(ctx context.Context, cfg Config) (*Result, error) {
	start := time.Now()
	res := &Result{}
	info, err := os.Stat(cfg.Content)
	if err != nil || !info.IsDir() {
		res.Diagnostics.Errorf(cfg.Content, content.Pos{}, "there is no content folder here; give the folder that holds site.yaml with --content")
		return res, ErrContent
	}
	if cfg.Out != "" {
		if err := checkOut(cfg.Content, cfg.Out); err != nil {
			return res, err
		}
	}
	contentFS := os.DirFS(cfg.Content)
	c, ds := content.Load(contentFS)
	s, sds := site.Load(c, site.Config{Now: cfg.Now, NowIsDate: cfg.NowIsDate, Drafts: cfg.Drafts, Future: cfg.Future})
	res.Site = s
	res.Diagnostics = append(ds, sds...)
	themeFS, err := themeOf(cfg.Content, c.Site.Theme)
	if err != nil {
		res.Diagnostics.Errorf("site.yaml", c.Site.At("theme"), "`theme` is %q, but there is no such folder beside the content folder: %v", c.Site.Theme, err)
	}
	if res.Diagnostics.HasErrors() {
		res.Diagnostics = res.Diagnostics.Sort()
		return res, ErrContent
	}
	// A check renders too (in memory), so that links to site paths are
	// checked exactly as a build checks them.
	if err := ctx.Err(); err != nil {
		return res, err
	}
	if cfg.History && !cfg.CheckOnly {
		if err := setSequences(cfg.Content, s); err != nil {
			return res, fmt.Errorf("reading the history of meetings.yaml: %w", err)
		}
	}
	r, err := render.New(s, themeFS, contentFS, cfg.Render)
	if err != nil {
		return res, err
	}
	var stage *publish.Stage
	if cfg.Out != "" && !cfg.CheckOnly {
		if stage, err = publish.NewStage(cfg.Out); err != nil {
			return res, fmt.Errorf("writing %s: %w", cfg.Out, err)
		}
	}
	abort := func() {
		if stage != nil {
			stage.Abort()
		}
	}
	p := &pipeline{renderer: r, minifier: publish.NewMinifier(), stage: stage, keep: cfg.Out == "" && !cfg.CheckOnly}
	if err := p.run(ctx, s); err != nil {
		abort()
		return res, err
	}
	written := make(map[string]bool, len(p.paths))
	for _, path := range p.paths {
		written[path] = true
	}
	res.Diagnostics = append(res.Diagnostics, s.CheckSiteLinks(func(p string) bool {
		p = strings.TrimPrefix(p, "/")
		return written[p] || written[p+"index.html"] || written[strings.TrimSuffix(p, "/")+"/index.html"]
	})...)
	res.Diagnostics = res.Diagnostics.Sort()
	res.Outputs, res.Files, res.Pages, res.Bytes = p.outputs, len(p.paths), p.pages, p.bytes
	if res.Diagnostics.HasErrors() {
		abort()
		return res, ErrContent
	}
	if stage != nil {
		if err := stage.Commit(); err != nil {
			return res, fmt.Errorf("writing %s: %w", cfg.Out, err)
		}
	}
	res.Duration = time.Since(start)
	return res, nil
}

// pipeline renders the site a part at a time (the site-wide pages, then
// each school) on every core, minifies each output and writes it to the
// stage at once, so that a large site is never held in memory whole.
type pipeline struct {
	renderer *render.Renderer
	minifier *publish.Minifier
	stage    *publish.Stage // nil: write nothing
	keep     bool           // keep the outputs in memory (the dev server)

	mu      sync.Mutex
	paths   []string
	outputs []render.Output
	pages   int
	bytes   int64
}

func (p *pipeline) run(ctx context.Context, s *site.Site) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	units := make(chan func() ([]render.Output, error))
	errs := make(chan error, 1)
	fail := func(err error) {
		select {
		case errs <- err:
		default:
		}
		cancel()
	}
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for unit := range units {
				outs, err := unit()
				if err == nil {
					err = p.emit(outs)
				}
				if err != nil {
					fail(err)
				}
			}
		}()
	}
	send := func(u func() ([]render.Output, error)) bool {
		select {
		case units <- u:
			return true
		case <-ctx.Done():
			return false
		}
	}
	if send(p.renderer.SitePages) {
		for _, sch := range s.Schools {
			if !send(func() ([]render.Output, error) { return p.renderer.School(sch) }) {
				break
			}
		}
	}
	close(units)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	slices.Sort(p.paths)
	sm, err := p.renderer.Sitemap(p.paths)
	if err != nil {
		return err
	}
	if err := p.emit([]render.Output{sm}); err != nil {
		return err
	}
	slices.Sort(p.paths)
	slices.SortFunc(p.outputs, func(a, b render.Output) int { return strings.Compare(a.Path, b.Path) })
	return nil
}

// emit minifies and writes outputs, keeping only their paths and sizes
// unless the outputs are to be kept in memory.
func (p *pipeline) emit(outs []render.Output) error {
	pages := 0
	var size int64
	for i, o := range outs {
		o, err := p.minifier.Minify(o)
		if err != nil {
			return err
		}
		if p.stage != nil {
			if err := p.stage.Write(o); err != nil {
				return err
			}
		}
		if strings.HasSuffix(o.Path, ".html") {
			pages++
		}
		size += int64(len(o.Body))
		outs[i] = o
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, o := range outs {
		p.paths = append(p.paths, o.Path)
	}
	if p.keep {
		p.outputs = append(p.outputs, outs...)
	}
	p.pages += pages
	p.bytes += size
	return nil
}

// themeOf returns the theme: the default, with the site's theme folder (a
// path relative to the folder that holds the content folder) over it.
func themeOf(contentDir, dir string) (fs.FS, error) {
	if dir == "" {
		return theme.FS, nil
	}
	p := filepath.Join(filepath.Dir(filepath.Clean(contentDir)), filepath.FromSlash(dir))
	if st, err := os.Stat(p); err != nil || !st.IsDir() {
		return theme.FS, errNoTheme
	}
	return overlay{top: os.DirFS(p), bottom: theme.FS}, nil
}

// checkOut refuses output folders whose replacement would destroy the
// content or something that is plainly not a built site.
func checkOut(contentDir, out string) error {
	c, err := filepath.Abs(contentDir)
	if err != nil {
		return err
	}
	o, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	within := func(a, b string) bool { // a is b or inside b
		rel, err := filepath.Rel(b, a)
		return err == nil && (rel == "." || !strings.HasPrefix(rel, ".."))
	}
	home, _ := os.UserHomeDir()
	switch {
	case within(c, o):
		return fmt.Errorf("the output folder %s holds the content folder; it would be replaced by the built site: choose another --out", out)
	case within(o, c):
		return fmt.Errorf("the output folder %s is inside the content folder; choose a folder outside it, such as public", out)
	case o == filepath.Dir(o) || (home != "" && o == home):
		return fmt.Errorf("refusing to replace %s with the built site: choose a folder of its own, such as public", out)
	}
	return nil
}
