package build

import (
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
	return incremental.Combine(append([]string{o.Root, o.Title, o.Timezone, o.SiteURL, o.BasePath, o.Repository, o.Branch}, o.Styles...)...)
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
