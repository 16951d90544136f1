// Package theme is a site's theme: the templates and assets its pages are
// made with. The default theme (themes/default, built into the program)
// has every file a site needs; a site's own theme folder, named by `theme`
// in site.yaml and relative to the folder that holds the content folder,
// overrides it file by file.
//
// A site's theme folder arrives with the content, in the same pull
// requests, so it is read by the content's rules: regular files only (no
// symbolic link, pipe or device is opened), and nothing outside the folder
// that holds the content folder. Every refusal is a content error with the
// file's path, and all of them are reported in one run. The folder is read
// once, into memory, so that what is checked is what is published.
//
// The files a theme may hold, the data each template is given and the
// template functions are described for theme authors in themes/README.md.
package theme

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"

	"github.com/parentpages/parentpages/internal/content"
	defaulttheme "github.com/parentpages/parentpages/themes/default"
)

// Theme is the theme of one build.
type Theme struct {
	// FS holds templates/, assets/ and i18n/: the site's files over the
	// default theme's (a catalogue of i18n/ is merged over the default
	// theme's message by message when it is read: see package i18n). Without a site theme it is the default theme itself.
	FS fs.FS
	// Dir is the site's theme folder with symbolic links resolved: the
	// folder the dev server watches. It is "" when the site has no theme
	// folder, or the folder was refused.
	Dir string
	// setting is the `theme` setting, cleaned: the site's files are named
	// setting + "/" + their path in the folder in diagnostics.
	setting string
	own     memFS // the site's files, read from Dir
}

// Open returns the theme that the `theme` setting of site.yaml names (""
// for none). contentDir is the content folder; at is where site.yaml sets
// `theme`, for errors about the setting. The diagnostics are the refusals
// and the files nothing uses. A theme whose folder is refused is the
// default theme alone, so that the rest of the content can still be
// checked.
func Open(contentDir, setting string, at content.Pos) (*Theme, content.Diagnostics) {
	t := &Theme{FS: defaulttheme.FS}
	if setting == "" {
		return t, nil
	}
	var ds content.Diagnostics
	dir, err := Folder(contentDir, setting)
	if err != nil {
		ds.Errorf("site.yaml", at, "%v", err)
		return t, ds
	}
	t.setting = path.Clean(setting)
	t.own, ds = readFolder(dir, t.setting)
	t.Dir = dir
	t.FS = overlay{top: t.own, bottom: defaulttheme.FS}
	ds = append(ds, t.unused()...)
	return t, beside(ds)
}

// beside marks diagnostics as about files beside the content folder: the
// theme's paths are relative to the folder that holds it.
func beside(ds content.Diagnostics) content.Diagnostics {
	for i := range ds {
		ds[i].Beside = true
	}
	return ds
}

// WriteKey writes what the site's theme is made of to w (a hash), so that a
// build can tell whether it changed. The default theme's files are part of
// the program, and so are not written.
func (t *Theme) WriteKey(w io.Writer) error {
	for _, name := range slices.Sorted(t.own.names()) {
		b := t.own.files[name]
		if _, err := fmt.Fprintf(w, "theme file %q %d\n", name, len(b)); err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// diagPath names a file of the theme in diagnostics: the site's own files by
// their path from the folder that holds the content folder, as `theme` is
// written, and the default theme's apart.
func (t *Theme) diagPath(name string) string {
	if _, ok := t.own.files[name]; ok {
		return t.setting + "/" + name
	}
	return "(default theme)/" + name
}
