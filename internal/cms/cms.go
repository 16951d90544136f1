// Package cms makes the editor a site publishes at /admin/: Sveltia CMS,
// a Git-based editor that runs in the browser, with forms for every file
// of the content format. Its configuration (config.yml) is made here from
// the program's own knowledge of the format, never written by hand: the
// keys, their order and which are required come from the Go types that
// package content decodes the files into, the words to choose from from
// the lists the loader checks against, and the hints from the notes that
// `parentpages new` writes. So the editor cannot offer what the loader
// would refuse.
//
// The editor finds the schools in the content folder when it runs: the
// published config.yml names none, since a draft school is often an
// inspection under embargo.
package cms

import (
	"bytes"
	"fmt"
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/parentpages/parentpages/internal/scaffold/templates"
)

// The editor the admin page loads: a pinned version of the npm package
// @sveltia/cms, from jsDelivr (which serves the package's files as they
// are), checked by the browser against ScriptIntegrity, the SHA-384 of
// dist/sveltia-cms.js in that version's package. .ci/cms-e2e.mjs checks
// the hash against the file npm installs.
const (
	Package         = "@sveltia/cms"
	Version         = "0.221.1"
	ScriptURL       = "https://cdn.jsdelivr.net/npm/" + Package + "@" + Version + "/dist/sveltia-cms.js"
	ScriptIntegrity = "sha384-JQ+XsKx/UzwdTiNnFStza3XtqqQoVtyNPApkfvwlzZDfhe7giE9CnfQrpHqgv3k6"
)

// CSP is the Content-Security-Policy of the files under /admin/
// (netlify.toml, and the dev server): the site's own policy allows no
// script at all. It allows what the editor needs and nothing else: its
// script and fonts from jsDelivr, GitHub's API (the GitHub backend) and
// its status page, the site's own files (config.yml, the preview's style
// sheet, the content it shows), and blob: and data: URLs for pictures
// being uploaded. Netlify's sign-in opens in a window of its own, which
// the policy does not govern. Svelte sets styles inline, hence
// 'unsafe-inline' for styles (never for scripts).
const CSP = "default-src 'none'; script-src 'self' https://cdn.jsdelivr.net; " +
	"style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; font-src https://cdn.jsdelivr.net; " +
	"img-src 'self' blob: data: https://avatars.githubusercontent.com; media-src 'self' blob:; " +
	"connect-src 'self' blob: data: https://api.github.com https://www.githubstatus.com https://cdn.jsdelivr.net; " +
	"frame-src 'self' blob:; worker-src 'self' blob:; manifest-src 'self'; " +
	"base-uri 'self'; form-action 'none'; frame-ancestors 'none'; object-src 'none'"

// Options are what the editor's files say of the site.
type Options struct {
	// Root is the content folder's path from the root of the repository
	// that holds it ("content"): the editor reads and writes there.
	Root     string
	Title    string // the site's title
	Timezone string // the site's (IANA), in which meeting times are written
	SiteURL  string // the site's base_url
	BasePath string // the path of base_url, ending "/"
	// Repository (owner/name) and Branch are where the editor saves, on
	// GitHub. Without a repository the editor works only on this computer
	// (parentpages serve), and the published page says how to set it up.
	Repository, Branch string
	// Styles are the site paths of the theme's style sheets, with which
	// the editor's preview looks like the site.
	Styles []string
	// Language is the site's main language (site.yaml's `language`), and
	// Languages the codes of its other languages (`languages:`), in
	// site.yaml's order. With other languages the editor edits an update's
	// or a page's translations beside it (see i18nFor); without, config.yml
	// is as it was before translations.
	Language  string
	Languages []string
}

// Paths lists the files that Files makes, as output paths, sorted.
func Paths() []string {
	return []string{"admin/admin.js", "admin/config.yml", "admin/index.html"}
}

// File is one file of /admin/, a path from the site's root.
type File struct {
	Path, MediaType string
	Body            []byte
}

// Files makes the files of /admin/.
func Files(o Options) ([]File, error) {
	cfg, err := Config(o)
	if err != nil {
		return nil, err
	}
	return []File{
		{Path: "admin/admin.js", MediaType: "text/javascript; charset=utf-8", Body: script(o)},
		{Path: "admin/config.yml", MediaType: "application/yaml; charset=utf-8", Body: cfg},
		{Path: "admin/index.html", MediaType: "text/html; charset=utf-8", Body: page(o)},
	}, nil
}

// Config makes config.yml.
func Config(o Options) ([]byte, error) {
	notes, err := readNotes(templates.FS)
	if err != nil {
		return nil, err
	}
	root := strings.Trim(path.Clean("/"+o.Root), "/")
	cols, err := collections(root, o.Timezone, len(o.Languages) > 0, notes)
	if err != nil {
		return nil, err
	}
	repo := o.Repository
	if repo == "" {
		repo = "not-set-up/not-set-up" // the editor needs one; admin.js says what to do
	}
	c := config{
		AppTitle:    o.Title,
		Backend:     backend{Name: "github", Repo: repo, Branch: o.Branch},
		PublishMode: "editorial_workflow",
		MediaFolder: inRoot(root, "schools"),
		SiteURL:     o.SiteURL, DisplayURL: o.SiteURL,
		Slug:           slugOptions{Encoding: "ascii", CleanAccents: true, Timezone: "local", Maxlength: 60},
		Output:         output{OmitEmptyOptionalFields: true},
		MediaLibraries: map[string]bool{"stock_assets": false},
		I18n:           i18nFor(o),
		Collections:    cols,
	}
	var buf bytes.Buffer
	buf.WriteString("# The editor at /admin/, made by parentpages from the content format: do not edit.\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("cms: %w", err)
	}
	return buf.Bytes(), enc.Close()
}
