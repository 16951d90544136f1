// Package build is the one pipeline that `parentpages build`, `check` and
// the dev server use:
//
//	load -> model and check each school -> render -> publish
//
// Loading reads the content folder (package content); modelling builds a
// read-only site.School of each school and finishes every check of it,
// Markdown and links included (package site); rendering turns it into
// files (package render); publishing minifies them and writes them into a
// stage that replaces the output folder in one swap (package publish), or
// keeps them in memory for the dev server. Schools go through one at a
// time on each core, so that a site of thousands is never held whole.
// What a build may skip because nothing changed is package incremental's
// decision.
package build

import (
	"context"
	"errors"
	"github.com/parentpages/parentpages/internal/i18n"
	"path/filepath"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/images"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/site"
	"github.com/parentpages/parentpages/internal/theme"
)

// Mode is what a build does with what it makes.
type Mode int

const (
	// Preview keeps the site in memory (Result.Outputs), for the dev server.
	Preview Mode = iota
	// Write writes the site into Config.Out.
	Write
	// Check checks the content and renders nothing.
	Check
)

// Config is what one build does.
type Config struct {
	Mode    Mode
	Content string    // the content folder
	Out     string    // the output folder: given in Write mode, and only then
	Now     time.Time // "today"
	// NowIsDate says Now is a date (from --now): the start of that day in
	// the site's timezone.
	NowIsDate bool
	Drafts    bool // include drafts
	Future    bool // include updates dated after today
	Render    render.Options
	// History takes each meeting's calendar SEQUENCE from the Git history of
	// its meetings.yaml (see sequencer); without it every SEQUENCE is 0.
	History bool
	// NoMinify publishes pages, styles, feeds and the sitemap as rendered,
	// not minified: for golden files that people can read and review.
	NoMinify bool
	// ImageCache is the folder that keeps the sizes made of each photo
	// between builds; "" is images.CacheName beside the output folder
	// (Write) or beside the content folder (Preview), which is the same
	// folder for `parentpages build` and `serve` run from a site's root.
	ImageCache string
	// NoImageCache makes every photo's sizes anew, keeping none.
	NoImageCache bool
}

// imageCache is the folder of cfg's image cache, or "".
func (cfg Config) imageCache() string {
	switch {
	case cfg.NoImageCache:
		return ""
	case cfg.ImageCache != "":
		return cfg.ImageCache
	case cfg.Mode == Write:
		return filepath.Join(filepath.Dir(filepath.Clean(cfg.Out)), images.CacheName)
	case cfg.Mode == Preview:
		return filepath.Join(filepath.Dir(filepath.Clean(cfg.Content)), images.CacheName)
	}
	return ""
}

// Result is what a build made.
type Result struct {
	// Site is the site-wide model; Schools the listing of each school
	// published, in the order of the home page.
	Site        *site.Site
	Listings    []*site.Listing
	Outputs     []render.Output // minified unless NoMinify, each school's then the site-wide ones, in the main language then in each other; kept only in Preview
	Files       int             // number of files built
	Pages       int             // of which HTML pages
	Bytes       int64           // their total size
	Schools     int             // number of schools published
	Unchanged   bool            // the output folder already held this build: nothing was written
	Diagnostics content.Diagnostics
	// Notes are warnings about the machine, not the content (a previous
	// site that could not be removed after the swap).
	Notes []string
	// Held lists what the build left out of the published site: drafts,
	// and updates dated after today (nil when the content could not be read).
	Held     []site.Held
	Duration time.Duration
	// Languages says, in Check mode, how complete the theme's message
	// catalogue of each of site.yaml's `languages` is, in their order.
	Languages []i18n.Completeness

	entries []*site.Entry // the school folders read, for the checks made after the build
}

// ErrContent is returned (wrapped) when the content has errors; the
// Result's Diagnostics list them.
var ErrContent = errors.New("the content has errors")

// Build runs the pipeline once. A content error returns ErrContent with the
// diagnostics in the result; any other error is the program's or the
// machine's. In Write mode the output folder is replaced only on success,
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
