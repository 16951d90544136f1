package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parentpages/parentpages/internal/render"
)

func TestSafe(t *testing.T) {
	for p, want := range map[string]bool{
		"index.html": true, "schools/a/files/x.pdf": true,
		"": false, "/etc/passwd": false, "../x": false, "a/../../x": false, "a//b": false, "./a": false, `a\b`: false, "a\x00b": false,
	} {
		if got := Safe(p); got != want {
			t.Errorf("Safe(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestMinify(t *testing.T) {
	m := NewMinifier()
	tests := []struct {
		o          render.Output
		want, same string
	}{
		{o: render.Output{Path: "a/index.html", MediaType: "text/html; charset=utf-8", Body: []byte("<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>x</title></head>\n<body>\n  <p>a  b</p>\n</body>\n</html>\n")},
			want: `<!doctype html><html lang="en"><head><title>x</title></head><body><p>a b</p></body></html>`},
		{o: render.Output{Path: "schools/a/calendar.ics", MediaType: "text/calendar; charset=utf-8", Body: []byte("BEGIN:VCALENDAR\r\n  folded\r\n")},
			same: "calendars are never minified"},
		{o: render.Output{Path: "schools/a/files/page.html", MediaType: "text/html; charset=utf-8", Body: []byte("<p>  the PSA's own file  </p>")},
			same: "files/ are published as they are"},
		{o: render.Output{Path: "feed.xml", MediaType: "application/rss+xml", Body: []byte("<rss>\n  <channel> <title>a</title> </channel>\n</rss>")},
			want: "<rss><channel><title>a</title></channel></rss>"},
	}
	for _, tt := range tests {
		got, err := m.Minify(tt.o)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tt.same != "" && string(got.Body) != string(tt.o.Body):
			t.Errorf("%s: %s, but it changed to %q", tt.o.Path, tt.same, got.Body)
		case tt.want != "" && string(got.Body) != tt.want:
			t.Errorf("%s: got %q, want %q", tt.o.Path, got.Body, tt.want)
		}
	}
}

// write stages the outputs and swaps them in place of out, as a build
// does; on an error it removes the stage.
func write(out string, outputs []render.Output) error {
	st, err := NewStage(out)
	if err != nil {
		return err
	}
	for _, o := range outputs {
		if err := st.Write(o); err != nil {
			st.Abort()
			return err
		}
	}
	return st.Commit()
}

func TestStageReplacesWholeFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := write(out, []render.Output{{Path: "old.html", Body: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	if err := write(out, []render.Output{{Path: "a/b/new.html", Body: []byte("new")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "old.html")); !os.IsNotExist(err) {
		t.Errorf("old.html survived the swap")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a/b/new.html")); string(b) != "new" {
		t.Errorf("new.html = %q", b)
	}
	// A refused path aborts the whole write and leaves the folder as it was.
	err := write(out, []render.Output{{Path: "ok.html", Body: []byte("x")}, {Path: "../escape.html", Body: []byte("x")}})
	if err == nil || !strings.Contains(err.Error(), "outside the output folder") {
		t.Fatalf("err = %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "a/b/new.html")); err != nil {
		t.Errorf("the previous site was damaged: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("staging folders left behind: %d entries", len(entries))
	}
}
