package netlifytest

import "testing"

func TestMatch(t *testing.T) {
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
		if got := Match(tt.pattern, tt.path); got != tt.want {
			t.Errorf("%s matches %s: %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestReadHeaders(t *testing.T) {
	rules := ReadHeaders("# a comment\n/admin/*\n  Content-Security-Policy: default-src 'self'\n  Cache-Control: no-cache\n\n/feed.xml\n  X-A: b\n")
	if len(rules) != 2 || rules[0].Pattern != "/admin/*" || rules[0].Values["Cache-Control"] != "no-cache" || rules[1].Values["X-A"] != "b" {
		t.Errorf("read %+v", rules)
	}
	if got := Policies(rules, "/admin/index.html"); len(got) != 1 || got[0] != "default-src 'self'" {
		t.Errorf("policies of /admin/index.html: %q", got)
	}
}
