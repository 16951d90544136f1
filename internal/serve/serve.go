// Package serve is the PSA's preview: `parentpages serve`. It builds the
// site into memory with the same pipeline as `parentpages build` (drafts and
// future updates included), serves it on a local address, watches the
// content folder and the site's theme folder, rebuilds when they change
// (redoing only the schools whose files changed), and tells open pages to
// reload over Server-Sent Events.
//
// A build that fails never stops the server: it keeps serving the last site
// that built, with the errors (path:line:col: message, as build prints them)
// at the top of every page, and the pages reload to the fixed site when the
// PSA fixes the content. Nothing is written to disk.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/parentpages/parentpages/internal/build"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/theme"
	"github.com/parentpages/parentpages/internal/words"
)

// DefaultDebounce is how long the folders must be quiet after a change
// before a rebuild starts. Editors save in bursts (a temporary file, a
// rename, a change of mode), and `git pull` touches many files at once:
// one rebuild for the whole burst is both faster and free of half-saved
// states. It is short enough not to be noticed.
const DefaultDebounce = 20 * time.Millisecond

// maxDelay bounds the wait when changes never stop (a program writing into
// the content folder), so that the preview still rebuilds now and then.
const maxDelay = time.Second

// Config is what the preview serves.
type Config struct {
	// Build is what each build does. Run sets Out to "" (nothing is
	// written), Drafts and Future to true, and Render to add the reload
	// script. A zero Now means the clock: read when the server starts, and
	// again at the first rebuild of each new day.
	Build build.Config
	// Debounce is the quiet time before a rebuild; 0 means DefaultDebounce.
	Debounce time.Duration
	// Log receives what a PSA at the terminal needs: the address, each
	// rebuild, and the errors of a failed one.
	Log io.Writer
}

// Run builds the site, then serves it on ln until ctx is done, rebuilding
// whenever the content or the theme changes. It returns nil after a clean
// shutdown, or the error that stopped it from serving.
func Run(ctx context.Context, ln net.Listener, cfg Config) error {
	if cfg.Debounce <= 0 {
		cfg.Debounce = DefaultDebounce
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	defer ln.Close()
	// Stop the watcher and the builder when the server fails, too.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	_, port, err := net.SplitHostPort(ln.Addr().String())
	if err != nil {
		return fmt.Errorf("serving on %s: %w", ln.Addr(), err)
	}
	s := newServer(cfg, port)
	w, err := newWatcher(filepath.Clean(cfg.Build.Content))
	if err != nil {
		return fmt.Errorf("watching for changes: %w", err)
	}
	defer w.close()
	// Watch before the first build, so that an edit made while it runs is
	// not missed.
	if err := w.setRoots(s.roots("")); err != nil {
		return fmt.Errorf("watching %s: %w", cfg.Build.Content, err)
	}
	w.takeChanged()
	setting := s.rebuild(ctx, nil)
	if err := w.setRoots(s.roots(setting)); err != nil {
		s.logf("parentpages serve: not watching the theme folder: %v\n", err)
	}
	if ctx.Err() != nil {
		return nil
	}
	s.announce(ln.Addr())

	srv := &http.Server{
		Handler: s,
		// Requests end with ctx, so that open event streams close and
		// Shutdown does not wait for them.
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ReadHeaderTimeout: 10 * time.Second,
		// A connection kept open between requests holds memory too.
		IdleTimeout: time.Minute,
	}
	var wg sync.WaitGroup
	trigger := make(chan struct{}, 1)
	wg.Go(func() { w.run(ctx, cfg.Debounce, trigger, s.logf) })
	wg.Go(func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-trigger:
				setting := s.rebuild(ctx, w.takeChanged())
				if err := w.setRoots(s.roots(setting)); err != nil {
					s.logf("parentpages serve: not watching the theme folder: %v\n", err)
				}
			}
		}
	})
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err = <-served:
		cancel()
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = srv.Shutdown(shutdown)
		cancel()
	}
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// server holds what is being served and tells the pages when it changes.
// There is one per Run: nothing is shared between runs.
type server struct {
	cfg Config
	// run distinguishes this run's states from a previous run's, so that
	// a page left open while the server was restarted reloads.
	run string
	log sync.Mutex
	// builder rebuilds only what changed. It is made again each day when
	// "today" is the clock's, so that what is upcoming moves on.
	builder *build.Builder
	day     string

	// port is the preview's, and hosts the Host headers it answers (see
	// localHosts).
	port  string
	hosts map[string]bool
	// streams holds a token for each open event stream (see maxStreams).
	streams chan struct{}

	mu      sync.Mutex
	state   *state
	builds  int           // how many states there have been
	changed chan struct{} // closed, and replaced, when state changes
}

// state is one version of what is served. It is never changed once made.
type state struct {
	token    string                   // names this version; pages carry it
	files    map[string]render.Output // the last site that built, by path; nil if none has
	base     string                   // its base path: "/" or "/parents/"
	problems []content.Diagnostic     // the latest build's errors: files is older than the content
	warnings []content.Diagnostic
}

// newServer makes the server of a preview listening on port.
func newServer(cfg Config, port string) *server {
	return &server{
		cfg:     cfg,
		port:    port,
		hosts:   localHosts(port),
		streams: make(chan struct{}, maxStreams),
		run:     strconv.FormatInt(time.Now().UnixNano(), 36),
		state:   &state{base: "/", token: "none"},
		changed: make(chan struct{}),
	}
}

// current returns what is served now, and a channel closed when it changes.
func (s *server) current() *state {
	st, _ := s.watchState()
	return st
}

func (s *server) watchState() (*state, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state, s.changed
}

// setState makes st what is served, names it, and tells the pages.
func (s *server) setState(st *state) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.builds++
	st.token = s.run + "-" + strconv.Itoa(s.builds)
	s.state = st
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *server) logf(format string, args ...any) {
	s.log.Lock()
	defer s.log.Unlock()
	fmt.Fprintf(s.cfg.Log, format, args...)
}

// rebuild builds the site and makes it (or, if it failed, its errors over
// the last good site) what is served. changed lists the content paths that
// changed, nil meaning anything may have. It returns the site's theme
// setting, so that the caller can watch the theme folder.
func (s *server) rebuild(ctx context.Context, changed []string) (themeSetting string) {
	cfg := s.cfg.Build
	cfg.Mode, cfg.Out = build.Preview, ""
	cfg.Drafts, cfg.Future = true, true
	cfg.Render = render.Options{ReloadScript: reloadPath}
	if cfg.Now.IsZero() {
		cfg.Now, cfg.NowIsDate = time.Now(), false
	}
	if day := cfg.Now.Format(time.DateOnly); s.builder == nil || (s.cfg.Build.Now.IsZero() && day != s.day) {
		s.builder, s.day, changed = build.NewBuilder(cfg), day, nil
	}
	// A failed build leaves the builder where the last good one did: it
	// looks again at what changed before, as well as at changed.
	res, err := s.builder.Build(ctx, changed)
	if ctx.Err() != nil {
		return ""
	}
	prev := s.current()
	next := &state{files: prev.files, base: prev.base}
	if res.Site != nil {
		themeSetting = res.Site.Theme
	}
	for _, d := range res.Diagnostics {
		s.logf("%s\n", d.Long())
		if d.Warning {
			next.warnings = append(next.warnings, d)
		} else {
			next.problems = append(next.problems, d)
		}
	}
	if err != nil && !errors.Is(err, build.ErrContent) {
		// The theme's templates, or the machine: the PSA still needs to
		// see it, and the server still needs to run.
		msg := content.Printable(err.Error()) // it may hold names from the content
		s.logf("%s\n", msg)
		next.problems = append(next.problems, content.Diagnostic{Msg: msg})
	}
	if err != nil {
		shows := "the last site that built, with the errors at the top of each page"
		if next.files == nil {
			shows = "the errors until they are fixed"
		}
		s.logf("parentpages serve: %s; the preview shows %s\n", words.Plural(len(next.problems), "error", "errors"), shows)
	} else {
		next.files = make(map[string]render.Output, len(res.Outputs))
		for _, o := range res.Outputs {
			next.files[o.Path] = o
		}
		next.base = res.Site.BasePath
		s.logf("built %s in %s\n", words.Plural(res.Schools, "school", "schools"), res.Duration.Round(time.Millisecond))
	}
	s.setState(next)
	return themeSetting
}

// roots are the folders to watch: the content folder, and the site's theme
// folder (given by its setting) where the build may read it.
func (s *server) roots(setting string) []string {
	content := filepath.Clean(s.cfg.Build.Content)
	roots := []string{content}
	if dir, err := theme.Folder(content, setting); err == nil && dir != "" {
		roots = append(roots, dir)
	}
	return roots
}

// announce prints where the preview is, and the editor, when the site has
// one: in Chrome or Edge it edits the files of the content folder on this
// computer (package cms), and the preview shows each save.
func (s *server) announce(addr net.Addr) {
	st := s.current()
	s.logf("Preview: http://%s%s (press Ctrl+C to stop)\n", addr, st.base)
	if _, ok := st.files["admin/index.html"]; ok {
		s.logf("Editor:  http://%s%sadmin/ (in Chrome or Edge: Work with Local Repository, then choose the folder that holds content/ and .git)\n", addr, st.base)
	}
}
