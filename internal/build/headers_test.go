package build

import (
	"strings"
	"testing"

	"github.com/parentpages/parentpages/internal/cms"
	"github.com/parentpages/parentpages/internal/netlifytest"
)

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
	rules, err := netlifytest.ReadTOML("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	rules = append(rules, netlifytest.ReadHeaders(headers)...)
	for _, tt := range []struct{ path, want string }{
		{"/admin/", cms.CSP},
		{"/admin/index.html", cms.CSP},
		{"/admin/config.yml", cms.CSP},
		{"/schools/brackenwood-primary-school/", SiteCSP},
		{"/", SiteCSP},
		{"/glossary/", SiteCSP},
	} {
		if got := netlifytest.Policies(rules, tt.path); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s is sent %d policies %q, want only %q", tt.path, len(got), got, tt.want)
		}
	}
	for _, u := range urls {
		got := netlifytest.Policies(rules, u)
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
	rules := netlifytest.ReadHeaders(string(headersFile(paths).Body))
	for _, tt := range []struct{ path, want string }{
		{"/admin/", cms.CSP}, {"/admin", cms.CSP}, {"/admin/admin.js", cms.CSP},
		{"/ad/", SiteCSP}, {"/administration/", SiteCSP}, {"/", SiteCSP},
	} {
		if got := netlifytest.Policies(rules, tt.path); len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s is sent %q, want only %q", tt.path, got, tt.want)
		}
	}
}
