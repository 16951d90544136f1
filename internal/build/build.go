// Package build is the one pipeline that both `parentpages build` and the
// dev server use: load and check the content, build the model, render it,
// minify, and (for build) write the output folder in one swap.
package build

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/site"
	"github.com/parentpages/parentpages/internal/theme"
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
	// Site is the model. A build that writes or checks lets go of each
	// school's content once its pages are rendered (see site.School.Shed),
	// so its schools hold only their slugs, names and links; the dev
	// server's (Config.Out "") keeps them whole.
	Site    *site.Site
	Outputs []render.Output // minified, sorted by path; kept only when Config.Out is ""
	Files   int             // number of files built
	Pages   int             // of which HTML pages
	Bytes   int64           // their total size
	Schools int             // number of schools published
	// Unchanged says nothing had changed since the build that made the
	// output folder, so nothing was written.
	Unchanged   bool
	Diagnostics content.Diagnostics
	Duration    time.Duration
}

// ErrContent is returned (wrapped) when the content has errors; the
// Result's Diagnostics list them.
var ErrContent = errors.New("the content has errors")

// Build runs the pipeline once. A content error returns ErrContent with the
// diagnostics in the result; any other error is the program's or the
// machine's. When cfg.Out is set, the folder is replaced only on success,
// and what the previous build left there is reused where nothing changed.
func Build(ctx context.Context, cfg Config) (*Result, error) {
	return NewBuilder(cfg).Build(ctx, nil)
}

// themeFailed returns the error of a build stopped by err: ErrContent,
// with the diagnostics added to res, where err is in the site's theme's
// templates (which are content, as the content folder is), else err.
func themeFailed(res *Result, th *theme.Theme, err error) error {
	ds, ok := th.Diagnose(err)
	if !ok {
		return err
	}
	res.Diagnostics = append(res.Diagnostics, ds...).Sort()
	return ErrContent
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
