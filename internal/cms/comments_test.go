package cms

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/parentpages/parentpages/internal/scaffold"
)

// TestMoveNotes moves each kind of comment into the x_notes it belongs
// to, and leaves every other byte as it was.
func TestMoveNotes(t *testing.T) {
	tests := []struct {
		name, file, in, want string
		moved                int
	}{
		{"a note on the file", "site.yaml",
			"# Looked after by the office.\n# Ask Sam first.\ntitle: Site\ntimezone: Europe/London\n",
			"title: Site\ntimezone: Europe/London\nx_notes: |-\n  Looked after by the office.\n  Ask Sam first.\n", 1},
		{"a note above a key, and one after a value", "school.yaml",
			"name: A School\n# Changes in January.\nheadteacher: Mrs B\nurn: \"123456\" # from the report\n",
			"name: A School\nheadteacher: Mrs B\nurn: \"123456\"\nx_notes: |-\n  On headteacher: Changes in January.\n\n  On urn: from the report\n", 2},
		{"added to the x_notes there", "school.yaml",
			"name: A School # full name\nx_notes: PSA only.\ndraft: false\n",
			"name: A School\nx_notes: |-\n  PSA only.\n\n  On name: full name\ndraft: false\n", 1},
		{"a note above a list item is the item's", "meetings.yaml",
			"- title: One\n  kind: other\n# Room booked by Jo.\n- title: Two\n  kind: other\n\n- title: Three\n",
			"- title: One\n  kind: other\n- title: Two\n  kind: other\n  x_notes: Room booked by Jo.\n\n- title: Three\n", 1},
		{"a note at the top of a list file is its first item's", "views.yaml",
			"# Gathered by the school.\n\n- gathered: 2026-01-01\n  how: A survey\n- gathered: 2026-02-01\n",
			"- gathered: 2026-01-01\n  how: A survey\n  x_notes: Gathered by the school.\n- gathered: 2026-02-01\n", 1},
		{"in a nested part, on its key", "school.yaml",
			"name: A\npsa:\n  # her own phone\n  phone: 01752 000000\n  name: Jo\ndraft: true\n",
			"name: A\npsa:\n  phone: 01752 000000\n  name: Jo\n  x_notes: 'On phone: her own phone'\ndraft: true\n", 1},
		{"a # inside text is no note", "school.yaml",
			"website: https://example.org/#top\nsummary: |\n  # not a note\n  text\nname: \"A # B\"\nother: 'C # D'\n",
			"website: https://example.org/#top\nsummary: |\n  # not a note\n  text\nname: \"A # B\"\nother: 'C # D'\n", 0},
		{"the notes new writes stay", "school.yaml",
			"# Lines that start with # are notes for you, like this one. They are never\nname: A\n# phone: 01752 000000\n",
			"# Lines that start with # are notes for you, like this one. They are never\nname: A\n# phone: 01752 000000\n", 0},
		{"an update's front matter, not its text", "schools/a/updates/2026-01-01-x.md",
			"---\ntitle: X # checked with the head\n---\n\n# A heading\n",
			"---\ntitle: X\nx_notes: 'On title: checked with the head'\n---\n\n# A heading\n", 1},
		{"a last line with no line break", "site.yaml",
			"# Ask Sam.\ntitle: Site",
			"title: Site\nx_notes: Ask Sam.\n", 1},
		{"a blank line is not left doubled", "site.yaml",
			"title: Site\n\n# old address\n\nbase_url: https://x.org/\n",
			"title: Site\n\nbase_url: https://x.org/\nx_notes: 'On base_url: old address'\n", 1},
		{"notes after a block of text", "school.yaml",
			"summary: |\n  Text.\n\n  More.\n# about the summary\nname: A\n",
			"summary: |\n  Text.\n\n  More.\nname: A\nx_notes: 'On name: about the summary'\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, n, err := MoveNotes(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want || n != tt.moved {
				t.Errorf("moved %d, got\n%s\nwant %d,\n%s", n, out, tt.moved, tt.want)
			}
		})
	}
}

// TestComments finds the PSA's comments where check reports them.
func TestComments(t *testing.T) {
	src := "---\n# one\n# two\ntitle: X # three\nsummary: 'a # b'\n---\n# heading\n"
	got, err := Comments("pages/x.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Comment{{Line: 2, Col: 1, Lines: 2, Text: "one\ntwo"}, {Line: 4, Col: 10, Lines: 1, Text: "three", Trailing: true}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestNewWritesNoWarnedNotes: the files `parentpages new` writes are full
// of notes, which the editor shows beside its fields; check must not warn
// of them.
func TestNewWritesNoWarnedNotes(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: Site\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	var files []string
	p, err := scaffold.School(dir, "hillside", today)
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, p)
	if p, err = scaffold.Update(dir, "hillside", "Welcome back", today); err != nil {
		t.Fatal(err)
	}
	files = append(files, p)
	if p, err = scaffold.Meeting(dir, "hillside", "Focus group", today); err != nil {
		t.Fatal(err)
	}
	files = append(files, p)
	for _, f := range files {
		if !filepath.IsAbs(f) && !strings.HasPrefix(f, dir) {
			f = filepath.Join(dir, f)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := Comments(f, b)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, c := range cs {
			t.Errorf("%s:%d: %q is warned of, but new wrote it", f, c.Line, c.Text)
		}
	}
}

// FuzzMoveNotes: whatever the file, MoveNotes either refuses it or
// returns the same data, x_notes apart, with no note of the PSA's left.
func FuzzMoveNotes(f *testing.F) {
	for _, s := range []string{"# a\nname: x # b\nlist:\n  - a # c\n  # d\n  - b\n", "- a: 1\n# x\n- b: 2 # y\n",
		"k: |\n  # t\n# u\nj: \"# v\" # w\n", "a:\n  b: {c: 1} # d\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, _, err := MoveNotes("f.yaml", []byte(in))
		if err != nil {
			return
		}
		var a, b any
		if yaml.Unmarshal([]byte(in), &a) != nil {
			return
		}
		if err := yaml.Unmarshal(out, &b); err != nil {
			t.Fatalf("%q became %q, which does not read: %v", in, out, err)
		}
		if !reflect.DeepEqual(withoutNotes(a), withoutNotes(b)) {
			t.Fatalf("%q became %q: the data changed", in, out)
		}
		if cs, _ := Comments("f.yaml", out); len(cs) > 0 {
			t.Fatalf("%q became %q, with notes left", in, out)
		}
	})
}
