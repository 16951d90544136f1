package build

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestRemovedMeetings removes meetings from a school's meetings.yaml in a
// temporary Git repository, step by step, and checks what `check` warns.
func TestRemovedMeetings(t *testing.T) {
	r := newGitRepo(t)
	repo, write := r.dir, r.write
	git := func(args ...string) { t.Helper(); r.git(nil, args...) }
	const (
		review = "- {title: Review group, id: review, start: 2026-12-01T16:00}\n"
		focus  = "- {title: Focus group, start: 2026-12-02T09:15}\n"
		coffee = "- {title: Coffee morning, id: coffee, start: 2026-12-03T09:00}\n"
	)
	const meetings = "schools/hillside/meetings.yaml"
	const reviewGone = "schools/hillside/meetings.yaml:1:1: warning: the meeting 'Review group' (first on 2026-12-01) was in meetings.yaml %s and is not there now, so it will vanish from the calendars of parents who added it, without a word: to call it off, put it back with `status: cancelled` and say why in its `description`"
	const focusRenamed = "schools/hillside/meetings.yaml:1:1: warning: the meeting 'Focus group' (first on 2026-12-02) was in meetings.yaml at the last commit and is not there now, so it will vanish from the calendars of parents who added it, without a word: to call it off, put it back with `status: cancelled` and say why in its `description`; if you changed its title or first date instead, add `id: focus-group-2026-12-02` to it, which keeps it the same meeting in calendars"
	write("site.yaml", "title: T\nbase_url: https://example.org/\n")
	write("schools/hillside/school.yaml", "name: H\npsa: {name: J, email: j@example.org}\ninspections: [{start: 2026-09-15, framework: eif-2019, category: special-measures}]\n")
	write(meetings, review+focus+coffee)
	git("add", "-A")
	git("commit", "-q", "-m", "first")

	steps := []struct {
		name   string
		edit   func()
		commit bool
		want   []string
	}{
		{"nothing removed", func() {}, false, nil},
		{"removed, not committed", func() { write(meetings, focus+coffee) }, false,
			[]string{strings.Replace(reviewGone, "%s", "at the last commit", 1)}},
		{"the build of the commit that removed it", func() {}, true,
			[]string{strings.Replace(reviewGone, "%s", "before the last commit", 1)}},
		{"a commit later", func() {
			write("schools/hillside/school.yaml", "name: Hillside\npsa: {name: J, email: j@example.org}\ninspections: [{start: 2026-09-15, framework: eif-2019, category: special-measures}]\n")
		}, true, nil},
		{"a meeting without an id renamed", func() { write(meetings, strings.Replace(focus, "Focus group", "Parents' focus group", 1)+coffee) }, false,
			[]string{focusRenamed}},
		{"cancelled, not removed", func() { write(meetings, focus+strings.Replace(coffee, "}", ", status: cancelled}", 1)) }, false, nil},
		{"meetings.yaml cannot be read", func() { write(meetings, "- title: [\n") }, false, nil},
	}
	for _, st := range steps {
		st.edit()
		if st.commit {
			git("add", "-A")
			git("commit", "-q", "-m", st.name)
		}
		cfg := Config{Mode: Check, Content: filepath.Join(repo, "content"), History: true,
			Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), NowIsDate: true}
		res, _ := Build(context.Background(), cfg)
		var got []string
		for _, d := range res.Diagnostics {
			if d.Warning {
				got = append(got, d.String())
			}
		}
		if strings.Join(got, "\n") != strings.Join(st.want, "\n") {
			t.Errorf("%s: warnings\n%s\nwant\n%s", st.name, strings.Join(got, "\n"), strings.Join(st.want, "\n"))
		}
	}
}

// A build lists what it held back, the example's drafts and future
// updates among them, and a build that finds nothing changed lists the
// same.
func TestHeldBack(t *testing.T) {
	content := copyExample(t)
	cfg := exampleConfig()
	cfg.Mode, cfg.Content, cfg.Out = Write, content, filepath.Join(t.TempDir(), "public")
	first, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Build(context.Background(), cfg)
	if err != nil || !second.Unchanged {
		t.Fatalf("second build: unchanged %v, %v", second.Unchanged, err)
	}
	var kinds []string
	for _, h := range first.Held {
		kinds = append(kinds, h.Kind)
	}
	if len(first.Held) == 0 || !slices.Contains(kinds, "update") || !slices.Contains(kinds, "school") {
		t.Errorf("held back: %+v; want the example's draft school and held updates", first.Held)
	}
	if !slices.Equal(first.Held, second.Held) {
		t.Errorf("the unchanged build holds back\n%+v\nthe first\n%+v", second.Held, first.Held)
	}
}
