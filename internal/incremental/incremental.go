// Package incremental decides what a build may skip: it keys each part of
// the site (a unit: a school, or a site-wide part such as the calendar) by
// what it is made from, and remembers what each unit made, so that the
// next build reuses a unit whose key, and whose dependencies' keys, are as
// they were. A Cache does this in memory for the dev server (Memory) or
// from the output folder's manifest for a build that writes (Disk).
//
// Nothing outside this package knows how keys are made or where what was
// made is kept: adding a page or a field to the site touches the content,
// the model and the theme, never this package.
package incremental

import (
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/render"
	"github.com/parentpages/parentpages/internal/site"
)

// Made is what building one unit made.
type Made struct {
	Key string
	// Deps are the other units whose changes can change this one (the
	// schools its links lead to), with their keys when it was built.
	Deps map[string]string
	// Outputs are the unit's files, minified, when the cache keeps them in
	// memory; Files list them when they are on disk.
	Outputs []render.Output
	Files   []File
	// Listing and Findings are what modelling a school gave: its listing
	// for the site-wide pages, and its problems and links.
	Listing  *site.Listing
	Findings site.Findings
	// Entry and LoadDiagnostics are what reading the school's folder gave
	// (kept in memory only).
	Entry           *site.Entry
	LoadDiagnostics content.Diagnostics
}

// File is one written file of a unit.
type File struct {
	Path string `json:"path"`
	Hash string `json:"hash"`
	Size int64  `json:"size"`
}

// Reuse tells what a cache can give back for a unit.
type Reuse int

const (
	// Rebuild: nothing can be reused; build the unit.
	Rebuild Reuse = iota
	// ReuseFiles: the unit's files can be put in place as they are
	// (Made.Files), but its model must be made again (the site-wide pages
	// need its listing).
	ReuseFiles
	// ReuseAll: everything the unit made can be used as it is.
	ReuseAll
)

// Cache says what a build may skip, and remembers what it made.
type Cache interface {
	// Lookup returns what the unit made when last built from key, and how
	// much of it can be used; keyOf gives the current key of a dependency.
	Lookup(unit, key string, keyOf func(unit string) string) (*Made, Reuse)
	// Record remembers what a unit made in this build.
	Record(unit string, m *Made)
	// Empty reports that nothing can be reused.
	Empty() bool
}

// depsSame reports whether every dependency still has its key.
func depsSame(deps map[string]string, keyOf func(string) string) bool {
	for d, k := range deps {
		if keyOf(d) != k {
			return false
		}
	}
	return true
}

// Nothing is the cache of a build that keeps nothing: a check.
type Nothing struct{}

func (Nothing) Lookup(string, string, func(string) string) (*Made, Reuse) { return nil, Rebuild }
func (Nothing) Record(string, *Made)                                      {}
func (Nothing) Empty() bool                                               { return true }

// Warnings returns the warnings among diagnostics.
func warnings(ds content.Diagnostics) content.Diagnostics {
	var out content.Diagnostics
	for _, d := range ds {
		if d.Warning {
			out = append(out, d)
		}
	}
	return out
}
