package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The editor at /admin/ is published unless site.yaml says admin: false,
// is never in the sitemap, and comes and goes with the setting between
// builds into the same folder.
func TestAdminSetting(t *testing.T) {
	content := copyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	cfg := exampleConfig()
	cfg.Mode, cfg.Content, cfg.Out = Write, content, out
	site := filepath.Join(content, "site.yaml")
	on, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name  string
		yaml  string
		admin bool
	}{
		{"on", string(on), true},
		{"admin: false", string(on) + "admin: false\n", false},
		{"on again", string(on), true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := os.WriteFile(site, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := Build(context.Background(), cfg); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{"admin/index.html", "admin/admin.js", "admin/config.yml"} {
				if _, err := os.Stat(filepath.Join(out, f)); (err == nil) != tt.admin {
					t.Errorf("%s: published %v, want %v", f, err == nil, tt.admin)
				}
			}
			sitemap, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
			if err != nil || strings.Contains(string(sitemap), "/admin/") {
				t.Errorf("the sitemap lists the editor (or is missing: %v)", err)
			}
		})
	}
}

func TestRepoRelative(t *testing.T) {
	tests := []struct {
		name string
		git  string // where .git is, under the temporary folder ("" for none)
		file bool   // .git is a file (a Git worktree)
		dir  string // the content folder, under the temporary folder
		want string
	}{
		{"at the root", ".git", false, "content", "content"},
		{"deeper", ".git", false, "sites/plymouth/content", "sites/plymouth/content"},
		{"a worktree", ".git", true, "content", "content"},
		{"the content folder is the root", "site/.git", false, "site", "."},
		{"no repository", "", false, "parents", "parents"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, tt.dir)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if tt.git != "" {
				git := filepath.Join(root, tt.git)
				var err error
				if tt.file {
					err = os.WriteFile(git, []byte("gitdir: /elsewhere\n"), 0o644)
				} else {
					err = os.MkdirAll(git, 0o755)
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if got := repoRelative(dir); got != tt.want {
				t.Errorf("repoRelative = %q, want %q", got, tt.want)
			}
		})
	}
}
