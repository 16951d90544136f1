package build

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/parentpages/parentpages/internal/cms"
	"github.com/parentpages/parentpages/internal/incremental"
	"github.com/parentpages/parentpages/internal/render"
)

// adminUnit names the site-wide unit of the editor at /admin/.
const adminUnit = "@admin"

// adminOptions are what the editor's files say of this site.
func (p *pipeline) adminOptions() (cms.Options, error) {
	sc := p.in.content.Site
	o := cms.Options{Root: repoRelative(p.cfg.Content), Title: sc.Title, Timezone: sc.Timezone, SiteURL: sc.BaseURL,
		BasePath: p.site.BasePath, Repository: sc.Repository, Branch: sc.Branch}
	if len(sc.Languages) > 0 {
		o.Language, o.Languages = sc.Language, sc.LanguageCodes()
	}
	err := fs.WalkDir(p.in.theme.FS, "assets", func(f string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(f) == ".css" {
			o.Styles = append(o.Styles, p.site.BasePath+f)
		}
		return err
	})
	return o, err
}

// adminKey names what the editor's files are made from: the options (the
// program, whose knowledge of the format makes config.yml, is in every
// key already).
func adminKey(o cms.Options) string {
	parts := append([]string{o.Root, o.Title, o.Timezone, o.SiteURL, o.BasePath, o.Repository, o.Branch}, o.Styles...)
	if len(o.Languages) > 0 {
		parts = append(append(parts, "languages", o.Language), o.Languages...)
	}
	return incremental.Combine(parts...)
}

// renderAdmin makes the editor's files.
func renderAdmin(o cms.Options) func() ([]render.Output, error) {
	return func() ([]render.Output, error) {
		files, err := cms.Files(o)
		outs := make([]render.Output, len(files))
		for i, f := range files {
			outs[i] = render.Output{Path: f.Path, MediaType: f.MediaType, Body: f.Body}
		}
		return outs, err
	}
}

// repoRelative returns the content folder's path from the root of the Git
// repository that holds it (the folder with .git), slash-separated, which
// is where the editor finds the files in the repository. Outside a
// repository it is the folder's own name.
func repoRelative(contentDir string) string {
	abs, err := filepath.Abs(contentDir)
	if err != nil {
		return filepath.Base(contentDir)
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			rel, err := filepath.Rel(dir, abs)
			if err == nil && !strings.HasPrefix(rel, "..") {
				return filepath.ToSlash(rel)
			}
			break
		}
		if dir == filepath.Dir(dir) {
			break
		}
	}
	return filepath.Base(abs)
}

// isAdmin reports whether an output path is the editor's, which is no page
// for search engines: the sitemap leaves it out.
func isAdmin(p string) bool { return strings.HasPrefix(p, "admin/") }

// headersUnit names the site-wide unit of _headers.
const headersUnit = "@headers"

// SiteCSP is the Content-Security-Policy of every file of the site but the
// editor's: scripts only from the site itself (the home page's search box,
// assets/search.js, which every page works without), no inline style.
// internal/serve sends the same policy.
const SiteCSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// headersPreamble starts _headers.
const headersPreamble = `# Written by parentpages build: the Content-Security-Policy of each part of
# the site, for Netlify (and other hosts that read a _headers file). The
# editor at /admin/ runs a script the site's policy forbids, so it has a
# policy of its own, and no rule here that sets the site's matches it:
# where two rules match a path and set the same header, a host may send
# both (or join them with a comma), and a browser enforces every policy it
# is sent, which would stop the editor. So the site's policy is given for
# each file and folder at the top of the site but admin/, not for /*.
# netlify.toml sets the headers that are the same for every path.
`

// headersFile is _headers: the site's policy for each path at the top of
// the site (each file, each folder with /*) but the editor's, and the
// editor's for its own files, named one by one. paths is every file of
// the site, sorted. A folder whose rule would match the editor's paths
// too (Netlify's /ad/* matches /admin/) has its files named one by one.
func headersFile(paths []string) render.Output {
	var admin, site []string
	seen := map[string]bool{}
	for _, p := range paths {
		top, rest, inDir := strings.Cut(p, "/")
		switch {
		case p == headersPath:
		case top == "admin" && inDir:
			admin = append(admin, "/"+p)
			if rest == "index.html" {
				admin = append(admin, "/admin/")
			}
		case !inDir:
			site = append(site, "/"+p)
			if p == "index.html" {
				site = append(site, "/")
			}
		case !strings.HasPrefix("admin", top) && !seen[top]:
			seen[top] = true
			site = append(site, "/"+top+"/*")
		case strings.HasPrefix("admin", top):
			site = append(site, "/"+p)
			if d, ok := strings.CutSuffix(p, "index.html"); ok {
				site = append(site, "/"+d)
			}
		}
	}
	var b strings.Builder
	b.WriteString(headersPreamble)
	for _, p := range site {
		fmt.Fprintf(&b, "%s\n  Content-Security-Policy: %s\n", p, SiteCSP)
	}
	for _, p := range admin {
		fmt.Fprintf(&b, "%s\n  Content-Security-Policy: %s\n  Cache-Control: no-cache\n", p, cms.CSP)
	}
	return render.Output{Path: headersPath, MediaType: "text/plain; charset=utf-8", Body: []byte(b.String())}
}

// headersPath is the file's name, which Netlify reads and does not publish.
const headersPath = "_headers"
