package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/benchcorpus"
)

func TestHugoTimes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  start: 2026-10-07T16:00\n", "  start: \"2026-10-07T16:00:00\"\n"},
		{"  end: 2026-10-07T17:30\n", "  end: \"2026-10-07T17:30:00\"\n"},
		{"  start: 2027-03-04\n", "  start: \"2027-03-04\"\n"},
		{"    until: 2027-07-20\n", "    until: 2027-07-20\n"},
		{"  title: start: 2026-10-07T16:00\n", "  title: start: 2026-10-07T16:00\n"},
	} {
		t.Run(strings.TrimSpace(tc.in), func(t *testing.T) {
			if got := string(hugoTimes([]byte(tc.in))); got != tc.want {
				t.Errorf("hugoTimes(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{nil, 0},
		{[]time.Duration{3}, 3},
		{[]time.Duration{5, 1, 3}, 3},
		{[]time.Duration{4, 1, 3, 2}, 2}, // (2+3)/2 in integer nanoseconds
	} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestHugoSite writes the Hugo site of a small corpus and, where hugo is
// installed, builds it: every school must have the pages parentpages makes.
func TestHugoSite(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	if _, err := benchcorpus.Write(content, benchcorpus.Options{Schools: 3, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "hugo")
	if err := writeHugoSite(content, src); err != nil {
		t.Fatal(err)
	}
	schools, err := os.ReadDir(filepath.Join(content, "schools"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"config.yaml", "layouts/_default/baseof.html", "layouts/_default/_markup/render-link.html", "static/assets/style.css", "content/glossary.md"} {
		if _, err := os.Stat(filepath.Join(src, p)); err != nil {
			t.Errorf("the Hugo site has no %s", p)
		}
	}
	hugo, err := exec.LookPath("hugo")
	if err != nil || testing.Short() {
		t.Skip("hugo is not installed, or -short: the site is written but not built")
	}
	out := filepath.Join(dir, "public")
	cmd := exec.Command(hugo, "--minify", "--quiet", "--source", src, "--destination", out, "--clock", "2026-11-29T00:00:00Z")
	cmd.Env = append(os.Environ(), "HUGO_CACHEDIR="+filepath.Join(dir, "cache"))
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, b)
	}
	for _, p := range []string{"index.html", "feed.xml", "calendar.ics", "sitemap.xml", "404.html", "glossary/index.html"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("hugo did not write %s", p)
		}
	}
	for _, s := range schools {
		for _, p := range []string{"index.html", "inspection/index.html", "meetings/index.html", "updates/index.html", "feed.xml", "calendar.ics", "files/action-plan.pdf"} {
			if _, err := os.Stat(filepath.Join(out, "schools", s.Name(), p)); err != nil {
				t.Errorf("hugo did not write schools/%s/%s", s.Name(), p)
			}
		}
	}
}
