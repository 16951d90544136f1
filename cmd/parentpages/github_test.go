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
