// Package contenttest reads a whole content folder for the tests of the
// packages that take what package content reads (site, render, scaffold,
// build's benchmarks). It reads as a build does: the site-wide files with
// content.LoadSite, then each school with content.LoadSchool.
package contenttest

import (
	"io/fs"

	"github.com/parentpages/parentpages/internal/content"
)

// Load reads the content folder fsys. It returns what it could read and
// every problem found, sorted as a build prints them.
func Load(fsys fs.FS) (*content.Content, content.Diagnostics) {
	c, slugs, ds := content.LoadSite(fsys)
	for _, slug := range slugs {
		s, sds := content.LoadSchool(fsys, slug)
		if s != nil {
			c.Schools = append(c.Schools, s)
		}
		ds = append(ds, sds...)
	}
	c.Reindex()
	return c, ds.Sort()
}
