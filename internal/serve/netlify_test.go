package serve

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/parentpages/parentpages/internal/build"
	"github.com/parentpages/parentpages/internal/content"
)

// headerRule is one [[headers]] table of netlify.toml.
type headerRule struct {
	path   string
	values map[string]string
}

// readHeaderRules reads the [[headers]] tables of netlify.toml, written as
// the repository writes them: `for = "..."`, then `Name = "value"` lines.
func readHeaderRules(t *testing.T) []headerRule {
	t.Helper()
	b, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	var rules []headerRule
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "[[headers]]":
			rules = append(rules, headerRule{values: map[string]string{}})
			in = true
		case strings.HasPrefix(line, "[") && line != "[headers.values]":
			in = false
		case in && strings.Contains(line, " = "):
			k, v, _ := strings.Cut(line, " = ")
			v = strings.Trim(v, `"`)
			if r := &rules[len(rules)-1]; k == "for" {
				r.path = v
			} else {
				r.values[k] = v
			}
		}
	}
	return rules
}

// TestNetlifySandboxesSchoolFiles checks that netlify.toml sends the
// sandbox policy and nosniff for every kind of file the build lets into a
// school's files/ folder but PDF, as serve does, and for no other kind.
func TestNetlifySandboxesSchoolFiles(t *testing.T) {
	const prefix = "/schools/*/files/*"
	sandboxed := map[string]bool{}
	for _, r := range readHeaderRules(t) {
		ext, ok := strings.CutPrefix(r.path, prefix)
		if !ok {
			continue
		}
		if r.values["Content-Security-Policy"] != "sandbox" || r.values["X-Content-Type-Options"] != "nosniff" {
			t.Errorf("%s: %v, want Content-Security-Policy sandbox and X-Content-Type-Options nosniff", r.path, r.values)
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
