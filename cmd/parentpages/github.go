package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
)

// writeAnnotations prints diagnostics as GitHub Actions workflow commands,
// which show each problem on the line of the file it is about in a pull
// request. GitHub wants paths from the repository's root, so the content
// folder is put in front.
func writeAnnotations(w io.Writer, contentDir string, ds content.Diagnostics) {
	dir := repoPath(contentDir)
	for _, d := range ds {
		fmt.Fprintln(w, annotation(dir, d))
	}
}

// annotation formats one diagnostic:
// ::error file=content/schools/x/school.yaml,line=3,col=7::message
func annotation(contentDir string, d content.Diagnostic) string {
	kind := "error"
	if d.Warning {
		kind = "warning"
	}
	base := contentDir
	if d.Beside {
		base = filepath.Dir(contentDir) // a file of the site's theme
	}
	file := filepath.ToSlash(filepath.Join(base, filepath.FromSlash(d.Path)))
	if d.Path == contentDir || filepath.Clean(d.Path) == filepath.Clean(contentDir) {
		file = filepath.ToSlash(filepath.Clean(d.Path)) // the content folder itself is missing
	}
	line, col := max(d.Pos.Line, 1), max(d.Pos.Col, 1)
	msg := d.Msg
	if d.Fix != "" {
		msg += "\n\nWrite it as:\n" + d.Fix
	}
	return fmt.Sprintf("::%s file=%s,line=%d,col=%d::%s", kind, escapeProperty(file), line, col, escapeData(msg))
}

// repoPath makes an absolute content folder relative to the working
// folder (the repository's root in a GitHub Actions job) when it is inside it.
func repoPath(dir string) string {
	dir = filepath.Clean(dir)
	if !filepath.IsAbs(dir) {
		return dir
	}
	wd, err := os.Getwd()
	if err != nil {
		return dir
	}
	if rel, err := filepath.Rel(wd, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return dir
}

// escapeData and escapeProperty escape as GitHub's actions toolkit does:
// a message may not break the line, and a property may not hold the
// separators of the command.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
