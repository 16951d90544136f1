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
	Outputs     []render.Output // minified, sorted by path
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
	outs, err := r.Render()
	if err != nil {
		return res, err
	}
	written := make(map[string]bool, len(outs))
	for _, o := range outs {
		written[o.Path] = true
	}
	res.Diagnostics = append(res.Diagnostics, s.CheckSiteLinks(func(p string) bool {
		p = strings.TrimPrefix(p, "/")
		return written[p] || written[p+"index.html"] || written[strings.TrimSuffix(p, "/")+"/index.html"]
	})...)
	res.Diagnostics = res.Diagnostics.Sort()
	if res.Diagnostics.HasErrors() {
		return res, ErrContent
	}
	if cfg.CheckOnly {
		res.Duration = time.Since(start)
		return res, nil
	}
	if outs, err = minifyAll(ctx, outs); err != nil {
		return res, err
	}
	res.Outputs = outs
	if cfg.Out != "" {
		if err := publish.Write(cfg.Out, outs); err != nil {
			return res, fmt.Errorf("writing %s: %w", cfg.Out, err)
		}
	}
	res.Duration = time.Since(start)
	return res, nil
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

// minifyAll minifies the outputs on every core, keeping their order.
func minifyAll(ctx context.Context, outs []render.Output) ([]render.Output, error) {
	m := publish.NewMinifier()
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	errs := make([]error, workers)
	next := make(chan int)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				o, err := m.Minify(outs[i])
				if err != nil && errs[w] == nil {
					errs[w] = err
				}
				outs[i] = o
			}
		}()
	}
	for i := range outs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return outs, errors.Join(errs...)
}
