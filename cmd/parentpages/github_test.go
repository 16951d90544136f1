package main

import (
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
