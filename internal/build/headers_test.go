package build

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/parentpages/parentpages/internal/cms"
)

// headerRule is one rule of netlify.toml or _headers: a path pattern and
// the headers it sets.
type headerRule struct {
	pattern string
	values  map[string]string
}

// tomlRules reads the [[headers]] tables of netlify.toml, written as the
// repository writes them: `for = "..."`, then `Name = "value"` lines.
func tomlRules(t *testing.T) []headerRule {
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
				r.pattern = v
			} else {
				r.values[k] = v
			}
		}
	}
	return rules
}

// fileRules reads a _headers file: a path on a line of its own, then
// indented "Name: value" lines; # starts a comment.
func fileRules(text string) []headerRule {
	var rules []headerRule
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#"):
		case !strings.HasPrefix(line, " "):
			rules = append(rules, headerRule{pattern: line, values: map[string]string{}})
		default:
			k, v, _ := strings.Cut(strings.TrimSpace(line), ": ")
			rules[len(rules)-1].values[k] = v
		}
	}
	return rules
}

// netlifyMatch reports whether a rule's path pattern matches a request
// path as Netlify's headers parser (@netlify/headers-parser,
// for_regexp.ts) makes it a regular expression: ":name" is one part of the
// path, a part "*" anything (the "/" before it optional), a "*" within a
// part anything, and a "/" at the end optional; case does not matter.
func netlifyMatch(pattern, p string) bool {
	var parts []string
	for _, part := range strings.Split(pattern, "/") {
		part = strings.TrimRight(part, " ")
		switch {
		case part == "":
			continue
		case strings.HasPrefix(part, ":"):
			parts = append(parts, "([^/]+)")
		case part == "*":
			parts = append(parts, "?(.*)")
		case strings.Contains(part, "*"):
			parts = append(parts, strings.ReplaceAll(regexp.QuoteMeta(part), `\*`, "(.*)"))
		default:
			parts = append(parts, regexp.QuoteMeta(part))
		}
	}
	return regexp.MustCompile(`(?i)^/` + strings.Join(parts, "/") + `/?$`).MatchString(p)
}

// policies lists the Content-Security-Policy of every rule that matches
// path p.
func policies(rules []headerRule, p string) []string {
	var out []string
	for _, r := range rules {
		if v, ok := r.values["Content-Security-Policy"]; ok && netlifyMatch(r.pattern, p) {
			out = append(out, v)
		}
	}
	return out
}

func TestNetlifyMatch(t *testing.T) {
	for _, tt := range []struct {
		pattern, path string
		want          bool
	}{
		{"/*", "/admin/", true},
		{"/", "/", true},
		{"/", "/index.html", false},
		{"/admin/*", "/admin", true},
		{"/admin/*", "/administration/", true}, // why the editor's files are named one by one
		{"/ad/*", "/admin/", true},
		{"/schools/*/files/*.svg", "/schools/a/files/b/c.svg", true},
		{"/about/*", "/ABOUT/", true},
		{"/feed.xml", "/feed.xml/", true},
		{"/feed.xml", "/feedxxml", false},
	} {
		if got := netlifyMatch(tt.pattern, tt.path); got != tt.want {
			t.Errorf("%s matches %s: %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

// TestOnePolicyEach: with netlify.toml's rules and the _headers the build
// writes, the editor at /admin/ is sent its own policy and no other, a
// school's page the site's policy and no other, and every file of the
// site a policy: the site's, or for a school's own files the site's and
// "sandbox".
func TestOnePolicyEach(t *testing.T) {
	res := sharedBuild(t, exampleRendered)
	var headers string
	var urls []string
	for _, o := range res.Outputs {
		if o.Path == headersPath {
			headers = string(o.Body)
			continue // Netlify reads it, and does not publish it
		}
		urls = append(urls, "/"+o.Path)
		if d, ok := strings.CutSuffix(o.Path, "index.html"); ok {
			urls = append(urls, "/"+d)
		}
	}
	if headers == "" {
		t.Fatal("the build wrote no _headers")
	}
	rules := append(tomlRules(t), fileRules(headers)...)
	for _, tt := range []struct{ path, want string }{
		{"/admin/", cms.CSP},
		{"/admin/index.html", cms.CSP},
		{"/admin/config.yml", cms.CSP},
		{"/schools/brackenwood-primary-school/", SiteCSP},
		{"/", SiteCSP},
		{"/glossary/", SiteCSP},
	} {
		if got := policies(rules, tt.path); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s is sent %d policies %q, want only %q", tt.path, len(got), got, tt.want)
		}
	}
	for _, u := range urls {
		got := policies(rules, u)
		switch {
		case strings.HasPrefix(u, "/admin/"):
			if len(got) != 1 || got[0] != cms.CSP {
				t.Errorf("%s: %q, want only the editor's policy", u, got)
			}
		case len(got) == 0:
			t.Errorf("%s is sent no Content-Security-Policy", u)
		default:
			for _, p := range got {
				if p != SiteCSP && p != "sandbox" {
					t.Errorf("%s is sent %q, which is not the site's policy", u, p)
				}
			}
		}
	}
}

// TestHeadersFileKeepsOffTheEditor: a folder whose rule would match the
// editor's paths (a page named ad, say) has its files named one by one,
// and one named like the editor's but longer (administration) keeps its
// folder rule, which the editor's own rules, named one by one, do not
// match.
func TestHeadersFileKeepsOffTheEditor(t *testing.T) {
	paths := []string{"ad/index.html", "administration/index.html", "admin/admin.js", "admin/config.yml", "admin/index.html", "index.html"}
	rules := fileRules(string(headersFile(paths).Body))
	for _, tt := range []struct{ path, want string }{
		{"/admin/", cms.CSP}, {"/admin", cms.CSP}, {"/admin/admin.js", cms.CSP},
		{"/ad/", SiteCSP}, {"/administration/", SiteCSP}, {"/", SiteCSP},
	} {
		if got := policies(rules, tt.path); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s is sent %q, want only %q", tt.path, got, tt.want)
		}
	}
}
