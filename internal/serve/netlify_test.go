package serve

import (
	"slices"
	"strings"
	"testing"

	"github.com/parentpages/parentpages/internal/build"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/netlifytest"
)

// TestNetlifySandboxesSchoolFiles checks that netlify.toml sends the
// sandbox policy and nosniff for every kind of file the build lets into a
// school's files/ folder but PDF, as serve does, and for no other kind.
func TestNetlifySandboxesSchoolFiles(t *testing.T) {
	const prefix = "/schools/*/files/*"
	sandboxed := map[string]bool{}
	rules, err := netlifytest.ReadTOML("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		ext, ok := strings.CutPrefix(r.Pattern, prefix)
		if !ok {
			continue
		}
		if r.Values["Content-Security-Policy"] != "sandbox" || r.Values["X-Content-Type-Options"] != "nosniff" {
			t.Errorf("%s: %v, want Content-Security-Policy sandbox and X-Content-Type-Options nosniff", r.Pattern, r.Values)
		}
		sandboxed[ext] = true
	}
	allowed := content.FileExtensions()
	for _, ext := range allowed {
		if want := ext != ".pdf"; sandboxed[ext] != want {
			t.Errorf("files/*%s sandboxed: %v, want %v", ext, sandboxed[ext], want)
		}
	}
	for ext := range sandboxed {
		if ext == "" {
			t.Errorf("netlify.toml sandboxes all of %s, PDFs included, which some browsers then show blank", prefix)
		} else if !slices.Contains(allowed, ext) {
			t.Errorf("netlify.toml has a rule for %s%s, which the build does not publish", prefix, ext)
		}
	}
}

// TestSitePolicy: the preview sends the policy the build writes into
// _headers for the published site.
func TestSitePolicy(t *testing.T) {
	if csp != build.SiteCSP {
		t.Errorf("serve's policy %q is not the published site's, build.SiteCSP %q", csp, build.SiteCSP)
	}
}
