// Package render turns the site model into the files of the built site:
// HTML pages from the theme's templates, RSS feeds, iCalendar files, the
// sitemap, and the files copied from content. It returns them in memory as
// Outputs; writing them is package publish's job.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/parentpages/parentpages/internal/cms"
	"github.com/parentpages/parentpages/internal/ical"
	"github.com/parentpages/parentpages/internal/images"
	"github.com/parentpages/parentpages/internal/markdown"
	"github.com/parentpages/parentpages/internal/site"
	"github.com/parentpages/parentpages/internal/theme"
)

// Output is one file of the built site.
type Output struct {
	Path      string // slash-separated, relative to the site root: "schools/x/index.html"
	MediaType string
	Body      []byte
	// recycle, when set, takes a pooled Body back (see Done).
	recycle func()
}

// Done says that nothing will read o.Body again, so that a page's buffer
// can be used for the next page. Only the one holder of an output that
// is finished with it may call it; an output never Done is simply left to
// the garbage collector.
func (o *Output) Done() {
	if o.recycle != nil {
		o.recycle()
		o.recycle, o.Body = nil, nil
	}
}

// Options change how pages are rendered.
type Options struct {
	// ReloadScript, when set, is the site path of a script added to every
	// HTML page: the dev server's live reload. Built sites never have it.
	ReloadScript string
	// ImageCache is the folder that keeps the sizes made of each photo
	// between builds (see images.Cache); "" keeps none.
	ImageCache string
	// Language is the language the pages are written in: the code of one
	// of the theme's message catalogues (i18n/<code>.yaml) and of one of
	// site.yaml's `languages`, such as "pl". "" is the site's main language
	// (site.yaml's `language`, English unless it says otherwise).
	Language string
	// Languages are every language the site is published in, the main
	// first; nil for a site published in its main language only.
	Languages []Language
	// Missing reports whether the page at a site path (the main
	// language's) is missing in language code: an update not translated
	// into it, whose links then lead to the main language's page. nil:
	// no page is missing.
	Missing func(code, sitePath string) bool
}

// Renderer renders one site with one theme.
type Renderer struct {
	site     *site.Site
	theme    fs.FS
	content  fs.FS
	opts     Options
	pages    map[string]*template.Template
	md       *markdown.Renderer           // links with the base path
	mdAbs    *markdown.Renderer           // links with the absolute base URL, for feeds
	absolute string                       // the base URL, ending "/"
	buffers  sync.Pool                    // of *bytes.Buffer, for rendering pages
	zones    ical.VTimezones              // the VTIMEZONE blocks of the site's calendars, worked out once
	pictures *images.Cache                // the photos' sizes made before
	l        lang                         // the words of the pages' language
	en       lang                         // English, for what a page says in English as well as its language
	folder   string                       // the folder of the pages' language: "" for the main (see language)
	active   schools                      // the copies of schools being rendered, in another language
	files    map[string]map[string]string // by kind of page, the file that defined each template (see partialCached)
}

// New parses the theme's templates. themeFS holds templates/*.html and
// assets/; content is the content folder (for files/ to copy).
func New(s *site.Site, themeFS, content fs.FS, opts Options) (*Renderer, error) {
	r := &Renderer{site: s, theme: themeFS, content: content, opts: opts, pictures: images.NewCache(opts.ImageCache), folder: folderOf(opts)}
	r.buffers.New = func() any { return new(bytes.Buffer) }
	r.absolute = s.BaseURL.Scheme + "://" + s.BaseURL.Host + s.BasePath
	r.md = markdown.NewRenderer(s.BasePath, s.UnsafeHTML)
	r.mdAbs = markdown.NewRenderer(r.absolute, s.UnsafeHTML)
	c, err := pickCatalogue(s.Language, themeFS, opts)
	if err != nil {
		return nil, err
	}
	r.l = lang{c}
	if r.en, err = englishCatalogue(themeFS); err != nil {
		return nil, err
	}
	if r.pages, err = parsePages(themeFS, r.funcs()); err != nil {
		return nil, err
	}
	r.files = definedIn(r.pages)
	return r, nil
}

// UseSite makes r render s, a new model of the same site: its site-wide
// inputs (site.yaml, pages, theme and options), from which New derived the
// templates, links and glossary, must be as they were. The dev server's
// rebuilds then need not parse the theme again.
func (r *Renderer) UseSite(s *site.Site) { r.site = s }

// parsePages parses the theme's templates for each kind of page:
// templates/<kind>.html, each defining "main", in the frame. Each
// template is named by its file's path in the theme, which errors name.
// A file with errors does not stop the others being parsed, so that a
// theme's errors are all reported at once (joined).
func parsePages(fsys fs.FS, funcs template.FuncMap) (map[string]*template.Template, error) {
	base, err := parseFrame(fsys, funcs)
	if base == nil {
		return nil, err
	}
	errs := []error{err}
	pages := map[string]*template.Template{}
	for _, kind := range theme.PageKinds() {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		errs = append(errs, parseFile(t, fsys, "templates/"+kind+".html"))
		pages[kind] = t
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return pages, nil
}

// parseFrame parses what every page shares: templates/base.html and the
// partials.
func parseFrame(fsys fs.FS, funcs template.FuncMap) (*template.Template, error) {
	partials, err := fs.Glob(fsys, "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	t := template.New("base").Funcs(funcs)
	var errs []error
	for _, name := range append([]string{"templates/base.html"}, partials...) {
		errs = append(errs, parseFile(t, fsys, name))
	}
	return t, errors.Join(errs...)
}

func parseFile(t *template.Template, fsys fs.FS, name string) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	if _, err := t.New(name).Parse(string(b)); err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	return nil
}

// Page is what a page template is given.
type Page struct {
	Site    *site.Site
	Kind    string
	Title   string
	Path    string // the page's site path
	School  *site.School
	Update  *site.Update
	Page    *site.Page
	Menu    []*site.Page
	Now     time.Time
	Feed    string // site path of the feed to advertise
	Options Options
	// Lang is the tag of the page's language (site.yaml's `language`, or
	// the code of one of its `languages`); Dir is "rtl" where it is
	// written right to left, else "ltr".
	Lang, Dir string
	// Languages are the entries of the page's language switcher: the page
	// in each language it exists in, the main language first. Alternates
	// are the same for the head's <link rel="alternate" hreflang>, with
	// x-default. Both are nil for a site with one language.
	Languages  []LanguageLink
	Alternates []Alternate
	// Reviewed says a fluent speaker has reviewed the catalogue of the
	// page's language (its `reviewed`); until then, every page in it says
	// so, in it and in English.
	Reviewed bool
	// Schools are the schools the site-wide pages list (set on those pages
	// only): see SchoolsIn.
	Schools []*site.Listing
	// UpdateHTML is the update's body as HTML, on an update's page.
	UpdateHTML template.HTML
	// glossed holds the glossary terms already linked on this page, so
	// that each is linked once, where it is first used.
	glossed map[string]bool
	memo    memo // parts rendered for the pages before, of this school or the site pages
}

// SitePages renders what does not belong to one school: the home page,
// site pages, 404, robots.txt and the theme's assets, listing schools.
// SiteFeed and SiteCalendar render the rest.
func (r *Renderer) SitePages(schools []*site.Listing) ([]Output, error) {
	var out []Output
	m := memo{}
	page := func(kind, title, p string, mod func(*Page)) error {
		o, err := r.page(kind, title, p, func(pg *Page) {
			pg.memo, pg.Schools = m, schools
			if mod != nil {
				mod(pg)
			}
		})
		out = append(out, o)
		return err
	}
	if err := page("home", r.site.Title, "/", nil); err != nil {
		return nil, err
	}
	for _, sp := range r.site.Pages {
		if !r.has(sp.URL()) {
			continue // not translated: its links lead to the main language's
		}
		if err := page("page", sp.Title, sp.URL(), func(pg *Page) { pg.Page = sp }); err != nil {
			return nil, err
		}
	}
	if err := page("404", r.l.c.T("title.404"), "/404.html", nil); err != nil {
		return nil, err
	}
	if r.language() != "" {
		return out, nil // robots.txt and the assets serve every language
	}
	out = append(out, Output{Path: "robots.txt", MediaType: "text/plain; charset=utf-8",
		Body: []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.abs("/sitemap.xml") + "\n")})
	if len(r.opts.Languages) > 0 {
		out = append(out, r.redirects())
	}
	assets, err := r.assets()
	if err != nil {
		return nil, err
	}
	return append(out, assets...), nil
}

// School renders one school's pages, feed, calendars and files.
func (r *Renderer) School(s *site.School) ([]Output, error) {
	if r.language() != "" {
		r.active.add(s)
		defer r.active.drop(s)
	}
	var out []Output
	base := s.URL()
	m := memo{}
	page := func(kind, title, p string, mod func(*Page)) error {
		o, err := r.page(kind, title, p, func(pg *Page) {
			pg.School, pg.Feed, pg.memo = s, base+"feed.xml", m
			if mod != nil {
				mod(pg)
			}
		})
		out = append(out, o)
		return err
	}
	name := s.Info.Name
	title := func(key string) string { return r.l.c.T(key, "school", name) }
	pages := []struct{ kind, title, path string }{
		{"school", name, base},
		{"inspection", title("title.inspection"), base + "inspection/"},
		{"meetings", title("title.meetings"), base + "meetings/"},
		{"updates", title("title.updates"), base + "updates/"},
		{"letter", title("title.letter"), base + "letter/"},
	}
	if s.HasPlan() {
		pages = append(pages, struct{ kind, title, path string }{"action-plan", title("title.action_plan"), base + "action-plan/"})
	}
	if s.HasViews() {
		pages = append(pages, struct{ kind, title, path string }{"views", title("title.views"), base + "views/"})
	}
	for _, p := range pages {
		if err := page(p.kind, p.title, p.path, nil); err != nil {
			return nil, err
		}
	}
	feedHTML := make([]string, len(s.Updates))
	for i, u := range s.Updates {
		// The update's page and the school's feed both show its body: one
		// rendering serves the two.
		if !r.has(u.URL()) {
			// Not translated: listed, leading to the main language's
			// page, and in the feed as it is.
			feedHTML[i] = r.mdAbs.HTML(u.Body)
			continue
		}
		pageHTML, absHTML := r.md.RenderPair(u.Body, r.mdAbs)
		feedHTML[i] = absHTML
		if err := page("update", u.Title, u.URL(), func(pg *Page) { pg.Update, pg.UpdateHTML = u, template.HTML(pageHTML) }); err != nil {
			return nil, err
		}
	}
	feed, err := r.schoolFeed(s, feedHTML)
	if err != nil {
		return nil, err
	}
	cals, err := r.schoolCalendars(s)
	if err != nil {
		return nil, err
	}
	out = append(out, feed)
	out = append(out, cals...)
	if r.language() != "" {
		return out, nil // every language links to the main language's files
	}
	for _, f := range s.Files {
		files, err := r.file(f)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	return out, nil
}

// PictureError is a photo of files/ that could be read for its size but
// not made into the sizes published: the content's mistake (a file cut
// short, say), which the build reports with the file's path.
type PictureError struct {
	Path string // content path
	Err  error
}

func (e *PictureError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *PictureError) Unwrap() error { return e.Err }

// file publishes a file of files/: as it is, or for a photo, its sizes
// made without what the camera wrote.
func (r *Renderer) file(f site.File) ([]Output, error) {
	if f.URL == "" && (f.Image == nil || len(f.Image.Sizes) == 0) {
		return nil, nil // a photo that cannot be read: reported by the model
	}
	b, err := fs.ReadFile(r.content, f.Source)
	if err != nil {
		return nil, err
	}
	if f.URL != "" {
		return []Output{{Path: strings.TrimPrefix(f.URL, "/"), MediaType: mediaType(f.URL), Body: b}}, nil
	}
	sizes := make([]images.Size, len(f.Image.Sizes))
	for i, s := range f.Image.Sizes {
		sizes[i] = s.Size
	}
	bodies, err := r.pictures.Make(b, f.Image.Info, sizes)
	if err != nil {
		return nil, &PictureError{Path: f.Source, Err: err}
	}
	out := make([]Output, len(sizes))
	for i, s := range f.Image.Sizes {
		out[i] = Output{Path: strings.TrimPrefix(s.URL, "/"), MediaType: mediaType(s.URL), Body: bodies[i]}
	}
	return out, nil
}

func (r *Renderer) page(kind, title, sitePath string, mod func(*Page)) (Output, error) {
	pg := &Page{Site: r.site, Kind: kind, Title: title, Path: sitePath, Now: r.site.Now, Feed: "/feed.xml", Options: r.opts,
		Lang: r.lang(), Dir: r.dir(), Reviewed: r.l.c.Reviewed}
	// The 404 page answers for any address: in another language, it is
	// that language's home page that has the same page.
	if kind == "404" {
		pg.Languages, pg.Alternates = r.languageLinks("/")
	} else {
		pg.Languages, pg.Alternates = r.languageLinks(sitePath)
	}
	for _, p := range r.site.Pages {
		if p.Menu {
			pg.Menu = append(pg.Menu, p)
		}
	}
	if mod != nil {
		mod(pg)
	}
	// Render into a pooled buffer, which the page's body stays in until
	// Done gives it back: a page grows its buffer several times otherwise,
	// and a large site has tens of thousands of pages.
	b := r.buffers.Get().(*bytes.Buffer)
	b.Reset()
	if err := r.pages[kind].ExecuteTemplate(b, "base", pg); err != nil {
		r.buffers.Put(b)
		return Output{}, fmt.Errorf("rendering %s: %w", sitePath, err)
	}
	// One byte of room past the end lets the minifier mark the end of its
	// input in place, instead of copying the page to do so.
	b.WriteByte(0)
	b.Truncate(b.Len() - 1)
	return Output{Path: outputPath(r.local(sitePath)), MediaType: "text/html; charset=utf-8", Body: b.Bytes(), recycle: func() { r.buffers.Put(b) }}, nil
}

// outputPath maps a site path to the file that serves it: "/a/" -> "a/index.html".
func outputPath(sitePath string) string {
	p := strings.TrimPrefix(sitePath, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p
}

// url writes a site path with the base path in front, in r's language
// (see local). A web address ("https://...", as a field such as plan_url
// may hold) is left as it is.
func (r *Renderer) url(sitePath string) string {
	if strings.Contains(sitePath, "://") || strings.HasPrefix(sitePath, "mailto:") {
		return sitePath
	}
	return r.rooted(r.local(sitePath))
}

// rooted writes a site path, in the language it is, with the base path
// in front.
func (r *Renderer) rooted(sitePath string) string {
	return r.site.BasePath + strings.TrimPrefix(sitePath, "/")
}

// abs writes a site path as an absolute URL, in r's language.
func (r *Renderer) abs(sitePath string) string {
	return r.absRooted(r.local(sitePath))
}

// absRooted writes a site path, in the language it is, as an absolute URL.
func (r *Renderer) absRooted(sitePath string) string {
	return r.absolute + strings.TrimPrefix(sitePath, "/")
}

func (r *Renderer) assets() ([]Output, error) {
	var out []Output
	err := fs.WalkDir(r.theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(r.theme, p)
		if err != nil {
			return err
		}
		out = append(out, Output{Path: p, MediaType: mediaType(p), Body: b})
		return nil
	})
	return out, err
}

// mediaType gives the type of a copied file from its extension.
func mediaType(p string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".pdf":
		return "application/pdf"
	case ".ics":
		return "text/calendar; charset=utf-8"
	case ".xml":
		return "application/xml"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".ico":
		return "image/x-icon"
	case ".woff2":
		return "font/woff2"
	}
	return "application/octet-stream"
}

// SitePaths lists the files that SitePages, SiteFeed and SiteCalendar
// write, the sitemap, _headers (the security policies, package build)
// and the editor at /admin/ (package cms), as output
// paths: with each school's site.Listing.Paths, every file of the site,
// known without rendering.
func (r *Renderer) SitePaths() ([]string, error) {
	if r.language() != "" {
		// Those of another language: its pages, feed and calendar.
		paths := []string{outputPath(r.local("/")), outputPath(r.local("/404.html")),
			outputPath(r.local("/feed.xml")), outputPath(r.local("/calendar.ics"))}
		for _, sp := range r.site.Pages {
			if r.has(sp.URL()) {
				paths = append(paths, outputPath(r.local(sp.URL())))
			}
		}
		return paths, nil
	}
	paths := []string{"index.html", "404.html", "robots.txt", "feed.xml", "calendar.ics", "sitemap.xml", "_headers"}
	if len(r.opts.Languages) > 0 {
		paths = append(paths, redirectsFile)
	}
	if r.site.Admin {
		paths = append(paths, cms.Paths()...)
	}
	for _, sp := range r.site.Pages {
		paths = append(paths, outputPath(sp.URL()))
	}
	err := fs.WalkDir(r.theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			paths = append(paths, p)
		}
		return err
	})
	return paths, err
}
