package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// notedSite is goodSite with notes written after #, which the editor at
// /admin/ would drop.
var notedSite = map[string]string{
	"site.yaml": "# Looked after by the office.\ntitle: Test Partnership\nbase_url: https://example.org/parents/\n",
	"schools/hillside/school.yaml": `name: Hillside Primary School
psa: {name: Jo Bloggs, email: jo@example.org} # Jo is part time
inspections:
  - {start: 2026-09-15, published: 2026-10-20, framework: eif-2019, category: special-measures}
`,
	"schools/hillside/updates/2026-10-20-hello.md": "---\ntitle: Hello\n---\n# Not a note: a heading\n",
	"schools/hillside/meetings.yaml":               "# Booked by the school.\n- title: Focus group\n  start: 2026-12-03T09:15\n",
}

// TestCheckWarnsOfNotes: check names each note the editor would lose, at
// path:line:col, and passes; with the editor left out (admin: false) it
// says nothing of them.
func TestCheckWarnsOfNotes(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, notedSite)
	code, _, stderr := runBinary(t, dir, nil, "check", "--now", "2026-11-29")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"site.yaml:1:1: warning: a note written after #", "schools/hillside/school.yaml:2:47: warning: a note written after #",
		"schools/hillside/meetings.yaml:1:1: warning:", "parentpages notes"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := strings.Count(stderr, "a note written after #"); n != 3 {
		t.Errorf("%d warnings of notes, want 3 (a heading in an update's text is no note):\n%s", n, stderr)
	}
	writeSite(t, dir, map[string]string{"site.yaml": "admin: false\n" + notedSite["site.yaml"]})
	if _, _, stderr := runBinary(t, dir, nil, "check", "--now", "2026-11-29"); strings.Contains(stderr, "a note written after #") {
		t.Errorf("warned of notes on a site without the editor:\n%s", stderr)
	}
}

// TestNotesMovesNotes runs parentpages notes: --dry-run lists the notes
// and changes nothing; then each note is moved into its x_notes, the rest
// of each file is as it was, check passes without a warning, and a second
// run moves nothing.
func TestNotesMovesNotes(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, notedSite)
	code, stdout, stderr := runBinary(t, dir, nil, "notes", "--dry-run")
	if code != 0 || !strings.Contains(stdout, "schools/hillside/school.yaml:2:47: 1 line") || !strings.Contains(stdout, "would move 3 notes in 3 files of 4 files") {
		t.Fatalf("dry run: exit %d\n%s%s", code, stdout, stderr)
	}
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if read("site.yaml") != notedSite["site.yaml"] {
		t.Fatal("the dry run changed site.yaml")
	}
	code, stdout, stderr = runBinary(t, dir, nil, "notes")
	if code != 0 || !strings.Contains(stdout, "moved 3 notes in 3 files of 4 files") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	want := map[string]string{
		"site.yaml": "title: Test Partnership\nbase_url: https://example.org/parents/\nx_notes: Looked after by the office.\n",
		"schools/hillside/school.yaml": `name: Hillside Primary School
psa: {name: Jo Bloggs, email: jo@example.org}
inspections:
  - {start: 2026-09-15, published: 2026-10-20, framework: eif-2019, category: special-measures}
x_notes: 'On psa: Jo is part time'
`,
		"schools/hillside/meetings.yaml":               "- title: Focus group\n  start: 2026-12-03T09:15\n  x_notes: Booked by the school.\n",
		"schools/hillside/updates/2026-10-20-hello.md": notedSite["schools/hillside/updates/2026-10-20-hello.md"],
	}
	for p, w := range want {
		if got := read(p); got != w {
			t.Errorf("%s:\n%s\nwant\n%s", p, got, w)
		}
	}
	code, _, stderr = runBinary(t, dir, nil, "check", "--now", "2026-11-29")
	if code != 0 || strings.Contains(stderr, "note written after #") {
		t.Errorf("check after notes: exit %d\n%s", code, stderr)
	}
	if code, stdout, _ = runBinary(t, dir, nil, "notes"); code != 0 || !strings.Contains(stdout, "moved 0 notes in 0 files") {
		t.Errorf("a second run: exit %d\n%s", code, stdout)
	}
	// A note on a part written in { } has nowhere to go: the file is left
	// as it was, and the exit status says so.
	flow := "- {title: Focus group, start: 2026-12-03T09:15} # booked\n"
	writeSite(t, dir, map[string]string{"schools/hillside/meetings.yaml": flow})
	code, _, stderr = runBinary(t, dir, nil, "notes")
	if code != 1 || !strings.Contains(stderr, "schools/hillside/meetings.yaml: line 1: a note is about a part written on one line in { }") {
		t.Errorf("a note in { }: exit %d\n%s", code, stderr)
	}
	if read("schools/hillside/meetings.yaml") != flow {
		t.Error("the file with a note in { } was changed")
	}
}
