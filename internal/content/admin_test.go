package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// The settings of the editor at /admin/ in site.yaml: admin (on unless
// false), repository (owner/name on GitHub) and branch (default main).
func TestAdminSettings(t *testing.T) {
	tests := []struct {
		name, yaml string
		on         bool
		repo       string
		branch     string
		err        string // part of the one error expected, at line 3
	}{
		{"left out", "", true, "", "main", ""},
		{"off", "admin: false\n", false, "", "main", ""},
		{"on with a repository", "admin: true\nrepository: plymouth-pp/parents-site\nbranch: live\n", true, "plymouth-pp/parents-site", "live", ""},
		{"a repository's address", "repository: https://github.com/plymouth-pp/site\n", true, "", "", "write the GitHub repository that holds this site as owner/name"},
		{"a branch with a space", "branch: my branch\n", true, "", "", "which is not a branch name"},
		{"admin not true or false", "admin: maybe\n", true, "", "", "should be true or false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, ds := LoadSite(fstest.MapFS{"site.yaml": {Data: []byte("title: T\nbase_url: https://example.org/\n" + tt.yaml)}})
			if tt.err != "" {
				if len(ds) != 1 || ds[0].Pos.Line != 3 || !strings.Contains(ds[0].Msg, tt.err) {
					t.Fatalf("diagnostics %v, want one at line 3 saying %q", ds, tt.err)
				}
				return
			}
			if len(ds) > 0 {
				t.Fatalf("diagnostics: %v", ds)
			}
			if c.Site.AdminOn() != tt.on || c.Site.Repository != tt.repo || c.Site.Branch != tt.branch {
				t.Errorf("admin %v, repository %q, branch %q; want %v, %q, %q", c.Site.AdminOn(), c.Site.Repository, c.Site.Branch, tt.on, tt.repo, tt.branch)
			}
		})
	}
}

// The words given out are the loader's, and copies.
func TestWords(t *testing.T) {
	tests := []struct {
		name string
		get  func() []string
		want []string
	}{
		{"frameworks", FrameworkKeys, frameworkKeys}, {"categories", Categories, categories},
		{"phases", Phases, phases}, {"inspection types", InspectionTypes, inspectionTypes},
		{"milestone kinds", MilestoneKinds, milestoneKinds}, {"meeting kinds", MeetingKinds, meetingKinds},
		{"meeting statuses", MeetingStatuses, meetingStatuses}, {"theme statuses", ThemeStatuses, themeStatuses},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.get()
			if !slices.Equal(got, tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			first := tt.want[0]
			got[0] = "changed"
			if tt.want[0] != first {
				t.Error("changing what was given out changed the table")
			}
		})
	}
}
