package serve

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/build"
)

// The preview serves nothing that the build refuses: a link in the theme
// folder to a file outside is an error on the page, and its target is not
// served.
func TestThemeLinkIsNotServed(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("SECRET-TOKEN"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, root, smallSite)
	if err := os.Symlink(secret, filepath.Join(root, "themes/mine/assets/secret.txt")); err != nil {
		t.Fatal(err)
	}
	r := start(t, root, 10*time.Second)
	if got := r.get(t, "/assets/secret.txt"); strings.Contains(got, "SECRET-TOKEN") {
		t.Errorf("the link's target is served")
	}
	if got := r.get(t, "/"); !strings.Contains(got, "themes/mine/assets/secret.txt:</span> symbolic links are not allowed in a theme folder") {
		t.Errorf("the error is not shown:\n%s", got)
	}
}

// The dev server watches the site's theme folder only where the build may
// read it.
func TestRoots(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	writeFiles(t, root, map[string]string{"content/site.yaml": "", "themes/mine/assets/a.css": ""})
	if err := os.Symlink(outside, filepath.Join(root, "themes/out")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("mine", filepath.Join(root, "themes/current")); err != nil {
		t.Fatal(err)
	}
	content := filepath.Join(root, "content")
	mine, err := filepath.EvalSymlinks(filepath.Join(root, "themes/mine"))
	if err != nil {
		t.Fatal(err)
	}
	s := newServer(Config{Build: build.Config{Content: content}}, "8080")
	for setting, want := range map[string][]string{
		"":               {content},
		"themes/mine":    {content, mine},
		"themes/current": {content, mine},
		"themes/out":     {content},
		"../../etc":      {content},
		"themes/none":    {content},
	} {
		t.Run(setting, func(t *testing.T) {
			if got := s.roots(setting); !slices.Equal(got, want) {
				t.Errorf("roots(%q) = %q, want %q", setting, got, want)
			}
		})
	}
}
