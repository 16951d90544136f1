package build

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/parentpages/parentpages/internal/content"
)

// manifestName is the file in the output folder that says what the build
// that wrote it was made from, so that the next build can reuse its files.
// Netlify does not publish files whose names start with a dot.
const manifestName = ".parentpages-manifest.json"

const manifestVersion = 1

type manifest struct {
	Version  int                       `json:"version"`
	Global   string                    `json:"global"`
	Schools_ map[string]manifestSchool `json:"schools"`
	Site     []manifestFile            `json:"site"`
	Files    int                       `json:"files"`
	Pages    int                       `json:"pages"`
	Bytes    int64                     `json:"bytes"`
	Schools  int                       `json:"school_count"`
	Warnings []content.Diagnostic      `json:"warnings,omitempty"`
}

type manifestSchool struct {
	Key   string         `json:"key"`
	Files []manifestFile `json:"files"`
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
	if m == nil || m.Global != global || len(m.Schools_) != len(slugs) {
		return false
	}
	for i, slug := range slugs {
		if s, ok := m.Schools_[slug]; !ok || s.Key != keys[i] {
			return false
		}
	}
	return true
}

// file returns the entry of the previous build for a unit's file.
func (m *manifest) file(unit, path string) (manifestFile, bool) {
	if m == nil {
		return manifestFile{}, false
	}
	files := m.Site
	if unit != "" {
		files = m.Schools_[unit].Files
	}
	for _, f := range files {
		if f.Path == path {
			return f, true
		}
	}
	return manifestFile{}, false
}
