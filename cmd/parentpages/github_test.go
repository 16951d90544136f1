package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parentpages/parentpages/internal/content"
)

func TestAnnotation(t *testing.T) {
	tests := []struct {
		name    string
		content string
		d       content.Diagnostic
		want    string
	}{
		{"error", "content", content.Diagnostic{Path: "schools/x/school.yaml", Pos: content.Pos{Line: 3, Col: 7}, Msg: "`urn` is \"12\""},
			"::error file=content/schools/x/school.yaml,line=3,col=7::`urn` is \"12\""},
		{"warning", "site/content/", content.Diagnostic{Path: "schools/x/school.yaml", Pos: content.Pos{Line: 9, Col: 14}, Msg: "check `overall`", Warning: true},
			"::warning file=site/content/schools/x/school.yaml,line=9,col=14::check `overall`"},
		{"whole file", "./content", content.Diagnostic{Path: "schools/x/school.yaml", Msg: "no school.yaml"},
			"::error file=content/schools/x/school.yaml,line=1,col=1::no school.yaml"},
		{"escaped", "content", content.Diagnostic{Path: "pages/a,b:c.md", Pos: content.Pos{Line: 1, Col: 1}, Msg: "100% wrong\nsecond line"},
			"::error file=content/pages/a%2Cb%3Ac.md,line=1,col=1::100%25 wrong%0Asecond line"},
		{"a file of the site's theme", "site/content", content.Diagnostic{Path: "themes/x/templates/school.html", Pos: content.Pos{Line: 12, Col: 5}, Msg: "bad", Beside: true},
			"::error file=site/themes/x/templates/school.html,line=12,col=5::bad"},
		{"a theme beside a content folder at the top", "content", content.Diagnostic{Path: "themes/x/templates/school.html", Pos: content.Pos{Line: 1, Col: 1}, Msg: "bad", Beside: true},
			"::error file=themes/x/templates/school.html,line=1,col=1::bad"},
		{"with a fix", "content", content.Diagnostic{Path: "schools/x/meetings.yaml", Pos: content.Pos{Line: 1, Col: 16}, Msg: "put the text in quotes",
			Source: "- title: Update: December", Fix: "- title: \"Update: December\""},
			"::error file=content/schools/x/meetings.yaml,line=1,col=16::put the text in quotes%0A%0AWrite it as:%0A- title: \"Update: December\""},
		{"no content folder", "nowhere", content.Diagnostic{Path: "nowhere", Msg: "there is no content folder here"},
			"::error file=nowhere,line=1,col=1::there is no content folder here"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := annotation(repoPath(tt.content), tt.d); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestNoForgedCommands names files so that, printed as they are, they would
// give GitHub Actions commands of their own: no line of either output may.
func TestNoForgedCommands(t *testing.T) {
	dir := t.TempDir()
	site := map[string]string{
		"schools/hillside/files/a\n::error file=x,line=1::forged.pdf": "%PDF",
		"::warning file=y::forged":                                    "x",
		"##[error]forged":                                             "x",
	}
	for k, v := range goodSite {
		site[k] = v
	}
	writeSite(t, dir, site)
	code, stdout, stderr := runBinary(t, dir, nil, "check", "--format", "github", "--content", "content")
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "::") || strings.Contains(line, "##[") {
			t.Errorf("a forged command on stderr: %q", line)
		}
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	for _, line := range lines {
		if !strings.HasPrefix(line, "::error file=content/") {
			t.Errorf("a line of stdout that is not one of ours: %q", line)
		}
	}
	if len(lines) != 3 {
		t.Errorf("%d annotations, want 3:\n%s", len(lines), stdout)
	}
}

// TestInternalErrorsEscaped names a theme's partial so that an error
// quoting it, printed as it is, would start a line with a command.
func TestInternalErrorsEscaped(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{"site.yaml": "title: T\nbase_url: https://example.org/\ntheme: theme\n"})
	partials := filepath.Join(dir, "theme", "templates", "partials")
	if err := os.MkdirAll(partials, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(partials, "x\n::error file=a::forged.html"), []byte("{{"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runBinary(t, dir, nil, "build", "--now", "2026-11-29")
	if code != 2 || !strings.Contains(stderr, `partials/x\n::error file=a::forged.html:1: unclosed action`) {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "::") {
			t.Errorf("a forged command: %q", line)
		}
	}
}
