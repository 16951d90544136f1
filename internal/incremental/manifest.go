package incremental

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/publish"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/site"
)

// ManifestName is the file in the output folder that says what the build
// that wrote it was made from, so that the next build can reuse its files
// (and that publish.CheckOut takes as the sign of a folder it built).
const ManifestName = publish.ManifestName

const manifestVersion = 2

type manifest struct {
	Version int    `json:"version"`
	Global  string `json:"global"`
	// Units are the parts of the site that can be reused, by name.
	Units map[string]manifestUnit `json:"units"`
	// Keys has the key of every school folder, published or not.
	Keys     map[string]string `json:"keys"`
	Site     []File            `json:"site"` // the parts rendered on every build
	Summary  Summary           `json:"summary"`
	Warnings content.Diagnostics
}

type manifestUnit struct {
	Key   string            `json:"key"`
	Files []File            `json:"files"`
	Deps  map[string]string `json:"deps,omitempty"`
	// Links are the links to site paths in the unit's Markdown, checked
	// against each build's pages even when the unit is not built again.
	Links []site.SiteLink `json:"links,omitempty"`
}

// Summary is what a build that writes reports.
type Summary struct {
	Files, Pages int
	Bytes        int64
	Schools      int
	Held         []site.Held // what it left out of the published site
}

// Disk is the cache of a build that writes: what the previous build wrote
// in the output folder, as its manifest lists it, can be linked into the
// new one instead of being rendered and written again.
type Disk struct {
	out, global string
	old         *manifest // nil: no usable manifest

	mu    sync.Mutex
	units map[string]manifestUnit
	site  []File
}

// OpenDisk reads the manifest of the output folder out for a build whose
// site-wide inputs hash to global.
func OpenDisk(out, global string) *Disk {
	d := &Disk{out: out, global: global, units: map[string]manifestUnit{}}
	b, err := os.ReadFile(filepath.Join(out, ManifestName))
	if err != nil {
		return d
	}
	var m manifest
	if json.Unmarshal(b, &m) == nil && m.Version == manifestVersion && m.Global == global {
		d.old = &m
	}
	return d
}

// Unchanged reports whether the output folder holds a build of exactly
// these inputs (keys: every school folder's), untouched since, and returns
// what that build reported.
func (d *Disk) Unchanged(keys map[string]string) (Summary, content.Diagnostics, bool) {
	m := d.old
	if m == nil || len(m.Keys) != len(keys) {
		return Summary{}, nil, false
	}
	for slug, k := range keys {
		if m.Keys[slug] != k {
			return Summary{}, nil, false
		}
	}
	lists := [][]File{m.Site}
	for _, u := range m.Units {
		lists = append(lists, u.Files)
	}
	if !d.intact(lists...) {
		return Summary{}, nil, false
	}
	return m.Summary, m.Warnings, true
}

// intact reports whether every file listed is still in the output folder
// at its size, so that a folder someone has changed is built again.
func (d *Disk) intact(lists ...[]File) bool {
	for _, files := range lists {
		for _, f := range files {
			if !publish.Safe(f.Path) {
				return false
			}
			st, err := os.Lstat(filepath.Join(d.out, filepath.FromSlash(f.Path)))
			if err != nil || !st.Mode().IsRegular() || st.Size() != f.Size {
				return false
			}
		}
	}
	return true
}

func (d *Disk) Lookup(unit, key string, keyOf func(string) string) (*Made, Reuse) {
	if d.old == nil || key == "" {
		return nil, Rebuild
	}
	u, ok := d.old.Units[unit]
	if !ok || u.Key != key || !depsSame(u.Deps, keyOf) || !d.intact(u.Files) {
		return nil, Rebuild
	}
	return &Made{Key: key, Deps: u.Deps, Files: u.Files, Findings: site.Findings{Links: u.Links}}, ReuseFiles
}

func (d *Disk) Record(unit string, m *Made) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if m.Key == "" {
		d.site = append(d.site, m.Files...)
		return
	}
	d.units[unit] = manifestUnit{Key: m.Key, Files: m.Files, Deps: m.Deps, Links: m.Findings.Links}
}

func (d *Disk) Empty() bool { return d.old == nil }

// Link puts a reused unit's files into the stage.
func (d *Disk) Link(stage *publish.Stage, files []File) error {
	for _, f := range files {
		if err := stage.Link(filepath.Join(d.out, filepath.FromSlash(f.Path)), f.Path); err != nil {
			return err
		}
	}
	return nil
}

// Put writes o into the stage, linking the previous build's file instead
// where it has the same bytes, and returns its entry.
func (d *Disk) Put(stage *publish.Stage, unit string, o render.Output) (File, error) {
	sum := sha256.Sum256(o.Body)
	f := File{Path: o.Path, Hash: hex.EncodeToString(sum[:16]), Size: int64(len(o.Body))}
	if prev, ok := d.previous(unit, o.Path); ok && prev == f {
		if err := stage.Link(filepath.Join(d.out, filepath.FromSlash(o.Path)), o.Path); err == nil {
			return f, nil
		}
	}
	return f, stage.Write(o)
}

// previous returns the previous build's entry for a unit's file.
func (d *Disk) previous(unit, path string) (File, bool) {
	if d.old == nil {
		return File{}, false
	}
	files := d.old.Site
	if u, ok := d.old.Units[unit]; ok {
		files = u.Files
	}
	for _, f := range files {
		if f.Path == path {
			return f, true
		}
	}
	return File{}, false
}

// Manifest returns the manifest of this build, for the stage.
func (d *Disk) Manifest(keys map[string]string, sum Summary, ds content.Diagnostics) []byte {
	d.mu.Lock()
	defer d.mu.Unlock()
	m := manifest{Version: manifestVersion, Global: d.global, Units: d.units, Keys: keys, Site: d.site,
		Summary: sum, Warnings: warnings(ds)}
	b, _ := json.Marshal(m)
	return b
}
