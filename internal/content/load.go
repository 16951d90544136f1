// Package content reads a parentpages content folder: site.yaml, pages/ and
// one folder per school under schools/. It decodes every file strictly
// (unknown fields are errors, except keys beginning x_), checks the rules
// that concern one file at a time, and reports every problem with its file,
// line and column. Rules that span files (an action plan's areas, links
// between files) belong to package site.
//
// The format is described for the people who write it in README.md,
// "Content format reference"; this package is its reader, and its error
// messages say what the format asks for.
package content

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Content is everything read from a content folder, before the model is built.
type Content struct {
	FS      fs.FS // the content folder, for files that links point at
	Site    SiteConfig
	Pages   []*PageFile
	Schools []*SchoolDir
	// Paths holds the site-wide files (site.yaml, pages/); each school's
	// files are in its SchoolDir.Paths. Links are checked against them
	// without touching the disk again.
	Paths map[string]bool

	bySlug map[string]*SchoolDir
}

// Exists reports whether the content folder has the regular file p.
func (c *Content) Exists(p string) bool {
	if rest, ok := strings.CutPrefix(p, "schools/"); ok {
		slug, _, _ := strings.Cut(rest, "/")
		s := c.School(slug)
		return s != nil && s.Paths[p]
	}
	return c.Paths[p]
}

// School returns the school with the given slug, or nil.
func (c *Content) School(slug string) *SchoolDir {
	if len(c.bySlug) != len(c.Schools) {
		c.Reindex()
	}
	return c.bySlug[slug]
}

// Reindex must be called after Schools is changed in place.
func (c *Content) Reindex() {
	c.bySlug = make(map[string]*SchoolDir, len(c.Schools))
	for _, s := range c.Schools {
		c.bySlug[s.Slug] = s
	}
}

// PageFile is pages/<slug>.md.
type PageFile struct {
	Path     string
	Slug     string
	Front    PageFront
	Body     []byte
	BodyLine int // the file line on which Body starts
	// Translations are the page in other languages (pages/<slug>.<code>.md),
	// sorted by path.
	Translations []*MarkdownTranslation
}

// SchoolDir is schools/<slug>/ and what it holds.
type SchoolDir struct {
	Slug     string
	Dir      string // schools/<slug>
	School   School
	Plan     *ActionPlan
	Meetings []Meeting
	Views    []ViewsGathering
	Updates  []*UpdateFile
	Files    []string // paths under files/, sorted
	Paths    map[string]bool
	// Translations are translations/<code>.yaml, sorted by path.
	Translations []*Translation
}

// Path returns the content path of one of the school's files.
func (s *SchoolDir) Path(name string) string { return s.Dir + "/" + name }

// UpdateFile is schools/<slug>/updates/YYYY-MM-DD-<slug>.md.
//
// Its body is not kept: a large site's updates are most of its text, and
// each is needed only while its school is rendered (see ReadBody).
type UpdateFile struct {
	Path     string
	Slug     string // the URL name: the file name without date and .md
	FileDate Date
	Front    UpdateFront

	// Translations are the update in other languages
	// (updates/YYYY-MM-DD-<slug>.<code>.md), sorted by path.
	Translations []*MarkdownTranslation

	placeholderAt int // the line of the body if it is still the example text, else 0
}

// ReadBody reads the update's Markdown body again, and the file line on
// which it starts.
func (u *UpdateFile) ReadBody(fsys fs.FS) ([]byte, int, error) {
	b, err := fs.ReadFile(fsys, u.Path)
	if err != nil {
		return nil, 0, err
	}
	b, problem := decodeText(b)
	if problem != "" {
		return nil, 0, fmt.Errorf("%s: %s", u.Path, problem)
	}
	_, body, line, found := splitFrontMatter(b)
	if !found {
		return nil, 0, fmt.Errorf("%s no longer starts with front matter", u.Path)
	}
	return body, line, nil
}

// Date is the update's date: the front matter's, else the file name's.
func (u *UpdateFile) Date() Date {
	if !u.Front.Date.IsZero() {
		return u.Front.Date
	}
	return u.FileDate
}

// slugRE is the form of a school, page and update slug.
var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// IsSlug reports whether s is a slug: lower-case letters and digits in
// words joined by single hyphens, the form of a school folder's name and
// of a page's or update's URL name.
func IsSlug(s string) bool { return slugRE.MatchString(s) }

var updateNameRE = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-(.*)\.md$`)

// maxMarkdownSize bounds an update or page file: the largest a PSA writes is
// a few kilobytes, and the Markdown in it may be at most markdown.MaxSize.
const maxMarkdownSize = 256 << 10

// LoadSite reads and checks the site-wide files (site.yaml and pages/) and
// lists the school folders, without reading them: see LoadSchool. A build
// reads the schools one by one, and adds them to the Content's Schools.
func LoadSite(fsys fs.FS) (*Content, []string, Diagnostics) {
	l := newLoader(fsys)
	slugs := l.root()
	l.c.Paths = l.paths
	l.validate()
	l.ds.quoteFrom(l.texts)
	return l.c, slugs, l.ds
}

// LoadSchool reads and checks one school's folder, schools/<slug>. It
// returns nil (and says why) if the folder has no school.yaml.
func LoadSchool(fsys fs.FS, slug string) (*SchoolDir, Diagnostics) {
	l := newLoader(fsys)
	s := &SchoolDir{Slug: slug, Dir: "schools/" + slug}
	if !l.school(s) {
		l.ds.quoteFrom(l.texts)
		return nil, l.ds
	}
	s.Paths = l.paths
	l.schoolRules(s)
	l.ds.quoteFrom(l.texts)
	return s, l.ds
}

type loader struct {
	c     *Content
	ds    Diagnostics
	paths map[string]bool // the files read or listed
	// texts are the files read, as text, until the diagnostics about them
	// are given the lines they are about.
	texts map[string][]byte
}

func newLoader(fsys fs.FS) *loader {
	return &loader{c: &Content{FS: fsys}, paths: map[string]bool{}, texts: map[string][]byte{}}
}

// readDir lists a folder, leaving out hidden files (.gitkeep, .DS_Store)
// and reporting symbolic links, which could lead out of the content folder.
func (l *loader) readDir(dir string) []fs.DirEntry {
	entries, err := fs.ReadDir(l.c.FS, dir)
	if err != nil {
		l.ds.Errorf(dir, Pos{}, "cannot read this folder: %v", unwrapPathError(err))
		return nil
	}
	return slices.DeleteFunc(entries, func(e fs.DirEntry) bool {
		// Hidden files (.gitkeep, .DS_Store) and editors' backups (notes.md~)
		// are not content.
		if strings.HasPrefix(e.Name(), ".") || strings.HasSuffix(e.Name(), "~") {
			return true
		}
		if why := badName(e.Name()); why != "" {
			l.ds.Errorf(join2(dir, e.Name()), Pos{}, "%s", why)
			return true
		}
		if e.Type()&fs.ModeSymlink != 0 {
			l.ds.Errorf(join2(dir, e.Name()), Pos{}, "symbolic links are not allowed in the content folder: replace the link with the file itself")
			return true
		}
		if !e.IsDir() && !e.Type().IsRegular() {
			l.ds.Errorf(join2(dir, e.Name()), Pos{}, "this is not a regular file or folder; remove it")
			return true
		}
		return false
	})
}

func join2(dir, name string) string {
	if dir == "." {
		return name
	}
	return dir + "/" + name
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

func (l *loader) read(p string, limit int) ([]byte, bool) {
	l.paths[p] = true
	b, err := fs.ReadFile(l.c.FS, p)
	if err != nil {
		l.ds.Errorf(p, Pos{}, "cannot read this file: %v", unwrapPathError(err))
		return nil, false
	}
	if limit > 0 && len(b) > limit {
		l.ds.Errorf(p, Pos{}, "file is %d bytes, more than the %d allowed; split it or remove what is not needed", len(b), limit)
		return nil, false
	}
	b, problem := decodeText(b)
	if problem != "" {
		l.ds.Errorf(p, Pos{Line: 1, Col: 1}, "%s", problem)
		return nil, false
	}
	if !checkText(p, b, &l.ds) {
		return nil, false
	}
	l.texts[p] = b
	return b, true
}

// root reads the top of the folder and returns the slugs of the schools.
func (l *loader) root() (slugs []string) {
	haveSite := false
	for _, e := range l.readDir(".") {
		name := e.Name()
		switch {
		case name == "site.yaml" && !e.IsDir():
			haveSite = true
			if b, ok := l.read(name, maxYAMLSize); ok {
				decodeYAML(name, b, 0, &l.c.Site, &l.ds)
			}
		case name == "pages" && e.IsDir():
			l.pages()
		case name == "schools" && e.IsDir():
			slugs = l.schools()
		default:
			l.unexpected(".", e, []string{"site.yaml", "pages/", "schools/"})
		}
	}
	if !haveSite {
		l.ds.Errorf("site.yaml", Pos{}, "the content folder has no site.yaml; create it with at least `title:` and `base_url:` (see the example site's content/site.yaml)")
	}
	return slugs
}

func (l *loader) unexpected(dir string, e fs.DirEntry, allowed []string) {
	name := e.Name()
	if e.IsDir() {
		name += "/"
	}
	msg := fmt.Sprintf("unexpected %s %q here", kindOf(e), name)
	if fixed, advice, ok := betterName(name); ok && slices.Contains(allowed, fixed) {
		l.ds.Errorf(join2(dir, e.Name()), Pos{}, "%s: %s", msg, advice)
		return
	}
	if s := closest(name, allowed); s != "" {
		msg += fmt.Sprintf("; did you mean %q?", s)
	}
	msg += " This folder may hold: " + strings.Join(allowed, ", ")
	l.ds.Errorf(join2(dir, e.Name()), Pos{}, "%s", msg)
}

func kindOf(e fs.DirEntry) string {
	if e.IsDir() {
		return "folder"
	}
	return "file"
}

func (l *loader) pages() {
	var translated []*MarkdownTranslation
	for _, e := range l.readDir("pages") {
		p := "pages/" + e.Name()
		slug, isMD := strings.CutSuffix(e.Name(), ".md")
		if fixed, advice, ok := betterName(e.Name()); ok && !e.IsDir() && slugRE.MatchString(strings.TrimSuffix(fixed, ".md")) {
			l.ds.Errorf(p, Pos{}, "a site page's name ends in .md: %s", advice)
			continue
		}
		if orig, code, ok := translationName(slug); ok && isMD && !e.IsDir() && slugRE.MatchString(orig) {
			if t := l.markdownTranslation(p, "pages/"+orig+".md", code, true); t != nil {
				translated = append(translated, t)
			}
			continue
		}
		if e.IsDir() || !isMD || !slugRE.MatchString(slug) {
			msg := "a site page must be a file named <slug>.md, where the slug is lower-case letters, digits and single hyphens (for example what-happens-next.md)"
			if isMD && strings.Contains(slug, ".") {
				msg += describeTranslationName("about.pl.md")
			}
			l.ds.Errorf(p, Pos{}, "%s", msg)
			continue
		}
		b, ok := l.read(p, maxMarkdownSize)
		if !ok {
			continue
		}
		pf := &PageFile{Path: p, Slug: slug}
		front, body, bodyLine, found := splitFrontMatter(b)
		if !found {
			l.ds.Errorf(p, Pos{Line: 1, Col: 1}, "a page starts with front matter: a line \"---\", then `title: ...`, then another \"---\" line")
			continue
		}
		pf.Body, pf.BodyLine = body, bodyLine
		decodeYAML(p, front, 1, &pf.Front, &l.ds)
		l.c.Pages = append(l.c.Pages, pf)
	}
	attachTranslations(&l.ds, translated, l.c.Pages, func(f *PageFile) string { return f.Path },
		func(f *PageFile, t *MarkdownTranslation) { f.Translations = append(f.Translations, t) })
}

var schoolEntries = []string{"school.yaml", "action-plan.yaml", "meetings.yaml", "views.yaml", "updates/", "files/", "translations/"}

func (l *loader) schools() (slugs []string) {
	for _, e := range l.readDir("schools") {
		dir := "schools/" + e.Name()
		if !e.IsDir() {
			l.ds.Errorf(dir, Pos{}, "schools/ holds one folder per school; move this file into a school's folder")
			continue
		}
		if !slugRE.MatchString(e.Name()) {
			l.ds.Errorf(dir, Pos{}, "the school folder name %q is not a valid slug: use lower-case letters, digits and single hyphens, for example hillside-primary", e.Name())
			continue
		}
		slugs = append(slugs, e.Name())
	}
	return slugs
}

func (l *loader) school(s *SchoolDir) bool {
	haveSchool := false
	for _, e := range l.readDir(s.Dir) {
		p := s.Path(e.Name())
		switch name := e.Name(); {
		case name == "school.yaml" && !e.IsDir():
			haveSchool = true
			if b, ok := l.read(p, maxYAMLSize); ok {
				decodeYAML(p, b, 0, &s.School, &l.ds)
			}
		case name == "action-plan.yaml" && !e.IsDir():
			if b, ok := l.read(p, maxYAMLSize); ok {
				s.Plan = new(ActionPlan)
				decodeYAML(p, b, 0, s.Plan, &l.ds)
			}
		case name == "meetings.yaml" && !e.IsDir():
			if b, ok := l.read(p, maxYAMLSize); ok {
				decodeYAML(p, b, 0, &s.Meetings, &l.ds)
			}
		case name == "views.yaml" && !e.IsDir():
			if b, ok := l.read(p, maxYAMLSize); ok {
				decodeYAML(p, b, 0, &s.Views, &l.ds)
			}
		case name == "updates" && e.IsDir():
			l.updates(s)
		case name == "files" && e.IsDir():
			l.files(s, p)
		case name == "translations" && e.IsDir():
			l.translations(s, p)
		default:
			l.unexpected(s.Dir, e, schoolEntries)
		}
	}
	if !haveSchool {
		l.ds.Errorf(s.Path("school.yaml"), Pos{}, "the school folder %s has no school.yaml; every school needs one (run `parentpages new school %s` to start one)", s.Dir, s.Slug)
		return false
	}
	return true
}

func (l *loader) files(s *SchoolDir, dir string) {
	for _, e := range l.readDir(dir) {
		p := dir + "/" + e.Name()
		if e.IsDir() {
			l.files(s, p)
			continue
		}
		l.paths[p] = true
		s.Files = append(s.Files, p)
		l.checkFile(p)
	}
}

func (l *loader) updates(s *SchoolDir) {
	dir := s.Path("updates")
	var translated []*MarkdownTranslation
	for _, e := range l.readDir(dir) {
		p := dir + "/" + e.Name()
		m := updateNameRE.FindStringSubmatch(e.Name())
		var fileDate Date
		if fixed, advice, ok := betterName(e.Name()); ok && !e.IsDir() && updateNameRE.MatchString(fixed) {
			l.ds.Errorf(p, Pos{}, "an update's name ends in .md: %s", advice)
			continue
		}
		if !e.IsDir() && m != nil && fileDate.parseScalar(m[1]) == nil {
			if orig, code, ok := translationName(m[2]); ok && slugRE.MatchString(orig) {
				if t := l.markdownTranslation(p, dir+"/"+m[1]+"-"+orig+".md", code, false); t != nil {
					translated = append(translated, t)
				}
				continue
			}
		}
		if e.IsDir() || m == nil || fileDate.parseScalar(m[1]) != nil || !slugRE.MatchString(m[2]) {
			msg := "an update must be a file named YYYY-MM-DD-<slug>.md, for example 2026-10-20-what-parents-told-us.md (a real date, then lower-case words joined by hyphens)"
			if m != nil && strings.Contains(m[2], ".") {
				msg += describeTranslationName("2026-10-20-what-parents-told-us.pl.md")
			}
			l.ds.Errorf(p, Pos{}, "%s", msg)
			continue
		}
		b, ok := l.read(p, maxMarkdownSize)
		if !ok {
			continue
		}
		u := &UpdateFile{Path: p, Slug: m[2], FileDate: fileDate}
		front, body, bodyLine, found := splitFrontMatter(b)
		if !found {
			l.ds.Errorf(p, Pos{Line: 1, Col: 1}, "an update starts with front matter: a line \"---\", then `title: ...`, then another \"---\" line")
			continue
		}
		decodeYAML(p, front, 1, &u.Front, &l.ds)
		u.placeholderAt = placeholderLine(body, bodyLine)
		s.Updates = append(s.Updates, u)
	}
	attachTranslations(&l.ds, translated, s.Updates, func(f *UpdateFile) string { return f.Path },
		func(f *UpdateFile, t *MarkdownTranslation) { f.Translations = append(f.Translations, t) })
}

// Join resolves a relative reference written in the file at from into a
// content path, reporting whether it stays inside the content folder.
func Join(from, ref string) (string, bool) {
	p := path.Join(path.Dir(from), ref)
	if p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) {
		return "", false
	}
	return p, true
}

// DecodeMeetings decodes the text of a meetings.yaml (from an earlier
// version of the file, say) without checking its rules.
func DecodeMeetings(path string, src []byte) ([]Meeting, Diagnostics) {
	var ms []Meeting
	var ds Diagnostics
	src, problem := decodeText(src)
	if problem != "" {
		ds.Errorf(path, Pos{Line: 1, Col: 1}, "%s", problem)
		return nil, ds
	}
	decodeYAML(path, src, 0, &ms, &ds)
	for i := range ms {
		if ms[i].Status == "" {
			ms[i].Status = "confirmed"
		}
		if ms[i].Kind == "" {
			ms[i].Kind = "other"
		}
		ms[i].Status, _ = canonical(ms[i].Status, meetingStatuses)
		ms[i].Kind, _ = canonical(ms[i].Kind, meetingKinds)
	}
	return ms, ds
}
