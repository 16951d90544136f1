package build

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestStaleTranslations commits a site with translations in a temporary
// Git repository, changes the English after them, and checks that `check`
// warns of each translated text whose English changed after it did, and
// of no other.
func TestStaleTranslations(t *testing.T) {
	r := newGitRepo(t)
	repo, write, commitAt := r.dir, r.write, r.commitAt
	const dir = "schools/hillside/"
	meetings := func(review, focus string) string {
		return "- {title: " + review + ", id: review, start: 2026-12-01T16:00, location: Hall, description: We meet.}\n" +
			"- {title: " + focus + ", start: 2026-12-02T09:15, location: Library, description: We talk.}\n"
	}
	write("site.yaml", "title: T\nbase_url: https://example.org/\nlanguages:\n  - {code: pl, name: Polski}\n")
	write("pages/about.md", "---\ntitle: About\n---\nWe help.\n")
	write("pages/about.pl.md", "---\ntitle: O nas\n---\nPomagamy.\n")
	write(dir+"school.yaml", "name: H\npsa: {name: J, email: j@example.org}\ninspections: [{start: 2026-09-15, framework: eif-2019, category: special-measures, summary: Weak reading.}]\n")
	write(dir+"meetings.yaml", meetings("Review group", "Focus group"))
	write(dir+"updates/2026-10-20-hello.md", "---\ntitle: Hello\ndraft: true\n---\nNews.\n")
	write(dir+"updates/2026-10-20-hello.pl.md", "---\ntitle: Cześć\n---\nWiadomości.\n")
	const tr = dir + "translations/pl.yaml"
	translation := func(review string) string {
		return "inspections:\n  2026-09-15: {summary: Słabe czytanie.}\nmeetings:\n  review:\n    title: " + review + "\n  2026-12-02T09:15:\n    title: Grupa fokusowa\n"
	}
	write(tr, translation("Grupa przeglądowa"))
	commitAt("2026-10-01T12:00:00Z")

	write(dir+"meetings.yaml", meetings("School review group", "Focus group"))                // review's title changes
	write(dir+"updates/2026-10-20-hello.md", "---\ntitle: Hello\ndraft: false\n---\nNews.\n") // published: not a change to translate
	write("pages/about.md", "---\ntitle: About\n---\nWe help parents and carers.\n")
	commitAt("2026-10-05T12:00:00Z")

	stale := func() []string {
		t.Helper()
		cfg := Config{Mode: Check, Content: filepath.Join(repo, "content"), History: true,
			Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), NowIsDate: true}
		res, err := Build(context.Background(), cfg)
		if err != nil {
			t.Fatalf("check: %v\n%s", err, res.Diagnostics.Error())
		}
		var got []string
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Msg, "may be out of date") {
				got = append(got, d.String())
			}
		}
		return got
	}
	want := []string{
		"pages/about.pl.md:1:1: warning: this translation may be out of date: pages/about.md changed on 2026-10-05 (commit ",
		tr + ":5:12: warning: this translation may be out of date: its English (`meetings/review/title` in meetings.yaml) changed on 2026-10-05 (commit ",
	}
	check := func(when string, want []string) {
		t.Helper()
		got := stale()
		if len(got) != len(want) {
			t.Fatalf("%s: got %d warnings, want %d:\n%s", when, len(got), len(want), strings.Join(got, "\n"))
		}
		for i, w := range want {
			if !strings.HasPrefix(got[i], w) {
				t.Errorf("%s: warning %d:\n got: %s\nwant: %s...", when, i, got[i], w)
			}
		}
	}
	check("after the English changed", want)
	if got := stale(); !strings.Contains(got[1], "after the translation last did (on 2026-10-01 (commit ") {
		t.Errorf("the warning does not say when the translation last changed: %s", got[1])
	}

	write(tr, translation("Szkolna grupa przeglądowa"))
	write("pages/about.pl.md", "---\ntitle: O nas\n---\nPomagamy rodzicom i opiekunom.\n")
	commitAt("2026-10-07T12:00:00Z")
	check("after the translations were brought up to date", nil)

	// An English change not yet committed (a preview) makes the
	// translation of the text changed out of date, and no other.
	write(dir+"meetings.yaml", meetings("School review group", "Parents' focus group"))
	check("after an uncommitted change", []string{tr + ":7:12: warning: this translation may be out of date: its English (`meetings/2026-12-02T09:15/title` in meetings.yaml) changed in changes not yet committed"})

	// Outside a Git repository, no warning.
	os.RemoveAll(filepath.Join(repo, ".git"))
	if got := stale(); !slices.Equal(got, nil) {
		t.Errorf("outside Git: %q", got)
	}
}
