package publish

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestCheckOut: the output folder is refused wherever replacing it would
// destroy the content or anything parentpages did not build, however the
// paths are spelled. Everything is made in a temp folder; the root and the
// home folder are only passed to CheckOut, which never writes.
func TestCheckOut(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges")
	}
	const (
		ok        = ""
		holds     = "holds the content folder"
		inside    = "is inside the content folder"
		notOurs   = "was not written by parentpages"
		plainFile = "is a file, not a folder"
		link      = "is a symbolic link"
	)
	for _, tc := range []struct {
		name    string
		files   []string          // made in the temp folder; a name ending in / is a folder
		links   map[string]string // link name: target
		content string
		out     string
		want    string // what the refusal says; ok: accepted
	}{
		{name: "a new folder beside the content", out: "public", want: ok},
		{name: "a new folder in new folders", out: "build/site/public", want: ok},
		{name: "an empty folder", files: []string{"public/"}, out: "public", want: ok},
		{name: "a site parentpages built", files: []string{"public/index.html", "public/" + ManifestName}, out: "public", want: ok},
		{name: "the content folder", out: "content", want: holds},
		{name: "the folder holding the content", out: ".", want: holds},
		{name: "the content folder spelled with ..", out: "content/../content", want: holds},
		{name: "a folder inside the content", out: "content/public", want: inside},
		{name: "content reached through an alias of the output folder", files: []string{"out/content/site.yaml"}, links: map[string]string{"out-alias": "out"}, content: "out-alias/content", out: "out", want: holds},
		{name: "an output folder reached through an alias of the content's parent", files: []string{"out/content/site.yaml"}, links: map[string]string{"out-alias": "out"}, content: "out/content", out: "out-alias", want: holds},
		{name: "a new output folder under an alias of the content", links: map[string]string{"alias": "content"}, content: "content", out: "alias/new/public", want: inside},
		{name: "content in a folder named ..x", files: []string{"site/..x/content/site.yaml"}, content: "site/..x/content", out: "site", want: holds},
		{name: "a sibling whose name starts with ..", files: []string{"site/..x/content/site.yaml"}, content: "site/..x/content", out: "site/public", want: ok},
		{name: "a repository's .git", files: []string{".git/HEAD"}, out: ".git", want: notOurs},
		{name: "a source folder", files: []string{"internal/a.go"}, out: "internal", want: notOurs},
		{name: "a folder holding only hidden files", files: []string{"public/.keep"}, out: "public", want: notOurs},
		{name: "a manifest that is a folder", files: []string{"public/" + ManifestName + "/x"}, out: "public", want: notOurs},
		{name: "a plain file", files: []string{"notes.txt"}, out: "notes.txt", want: plainFile},
		{name: "a plain file named as the manifest", files: []string{ManifestName}, out: ManifestName, want: plainFile},
		{name: "a link to a site parentpages built", files: []string{"site/index.html", "site/" + ManifestName}, links: map[string]string{"public": "site"}, out: "public", want: link},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			makeTree(t, dir, append(tc.files, "content/site.yaml"), tc.links)
			content := tc.content
			if content == "" {
				content = "content"
			}
			// Relative paths, as a user types them: run from the temp folder.
			t.Chdir(dir)
			err := CheckOut(content, tc.out)
			switch {
			case tc.want == ok && err != nil:
				t.Errorf("CheckOut(%q, %q) = %v, want it accepted", content, tc.out, err)
			case tc.want != ok && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("CheckOut(%q, %q) = %v, want a refusal saying %q", content, tc.out, err, tc.want)
			case err != nil && !strings.Contains(err.Error(), "--out"):
				t.Errorf("the refusal does not say what to do: %v", err)
			}
		})
	}
}

// makeTree makes files (a name ending in / is a folder) and symbolic
// links (name: target) in dir.
func makeTree(t *testing.T, dir string, files []string, links map[string]string) {
	t.Helper()
	for _, f := range files {
		if strings.HasSuffix(f, "/") {
			if err := os.MkdirAll(filepath.Join(dir, f), 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		mustWrite(t, filepath.Join(dir, f), "x")
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCheckOutRootAndHome: the root and the home folder are refused. Only
// CheckOut is called with them: nothing is built.
func TestCheckOutRootAndHome(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	if err := os.Mkdir(content, 0o755); err != nil {
		t.Fatal(err)
	}
	outs := []string{string(filepath.Separator)}
	if home, err := os.UserHomeDir(); err == nil {
		outs = append(outs, home)
	}
	for _, out := range outs {
		if err := CheckOut(content, out); err == nil {
			t.Errorf("CheckOut(%q) accepted it", out)
		}
	}
	// An empty home folder is refused too: it is not a folder of its own.
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	if err := CheckOut(content, home); err == nil || !strings.Contains(err.Error(), "an --out of its own") {
		t.Errorf("CheckOut(empty $HOME) = %v, want a refusal", err)
	}
}
