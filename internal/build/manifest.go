package build

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/publish"
	"github.com/parentpages/parentpages/internal/site"
)

// manifestName is the file in the output folder that says what the build
// that wrote it was made from, so that the next build can reuse its files.
const manifestName = publish.ManifestName

const manifestVersion = 1

type manifest struct {
	Version int    `json:"version"`
	Global  string `json:"global"`
	// Units are the parts of the site that can be reused: each school by
	// its slug, and the site's calendar as "@calendar".
	Units map[string]manifestUnit `json:"units"`
	// Keys has the key of every school folder, published or not.
	Keys     map[string]string    `json:"keys"`
	Site     []manifestFile       `json:"site"` // the parts always rendered again
	Files    int                  `json:"files"`
	Pages    int                  `json:"pages"`
	Bytes    int64                `json:"bytes"`
	Schools  int                  `json:"school_count"`
	Warnings []content.Diagnostic `json:"warnings,omitempty"`
}

type manifestUnit struct {
	Key   string         `json:"key"`
	Files []manifestFile `json:"files"`
	// Deps are the schools this one's links lead to: it is rendered again
	// when any of them changes, so that its links are checked again.
	Deps []string `json:"deps,omitempty"`
	// Links are the links to site paths in its updates, checked against
	// each build's pages even when the school is not rendered again.
	Links []site.SiteLink `json:"links,omitempty"`
}

type manifestFile struct {
	Path string `json:"path"`
	Hash string `json:"hash"`
	Size int64  `json:"size"`
}

// readManifest reads the manifest of the output folder; nil if there is
// none or it cannot be used.
func readManifest(out string) *manifest {
	b, err := os.ReadFile(filepath.Join(out, manifestName))
	if err != nil {
		return nil
	}
	var m manifest
	if json.Unmarshal(b, &m) != nil || m.Version != manifestVersion {
		return nil
	}
	return &m
}

func (m *manifest) encode() []byte {
	b, _ := json.Marshal(m)
	return b
}

// unchanged reports whether the build that wrote the manifest was made
// from exactly these inputs, so that its output stands as it is.
func (m *manifest) unchanged(global string, slugs, keys []string) bool {
	if m == nil || m.Global != global || len(m.Keys) != len(slugs) {
		return false
	}
	for i, slug := range slugs {
		if k, ok := m.Keys[slug]; !ok || k != keys[i] {
			return false
		}
	}
	return true
}

// unit returns what the manifest says of a unit, if it was built from the
// same global inputs and the same key.
func (m *manifest) unit(global, name, key string) (manifestUnit, bool) {
	if m == nil || m.Global != global || key == "" {
		return manifestUnit{}, false
	}
	u, ok := m.Units[name]
	return u, ok && u.Key == key
}

// file returns the entry of the previous build for a unit's file.
func (m *manifest) file(unit, path string) (manifestFile, bool) {
	if m == nil {
		return manifestFile{}, false
	}
	files := m.Site
	if u, ok := m.Units[unit]; ok {
		files = u.Files
	}
	for _, f := range files {
		if f.Path == path {
			return f, true
		}
	}
	return manifestFile{}, false
}

// intact reports whether every file the manifest lists is still in the
// output folder at its size, so that an output folder someone has changed
// by hand is built again rather than left as it is.
func (m *manifest) intact(out string) bool {
	lists := [][]manifestFile{m.Site}
	for _, u := range m.Units {
		lists = append(lists, u.Files)
	}
	for _, files := range lists {
		for _, f := range files {
			st, err := os.Lstat(filepath.Join(out, filepath.FromSlash(f.Path)))
			if err != nil || !st.Mode().IsRegular() || st.Size() != f.Size {
				return false
			}
		}
	}
	return true
}
