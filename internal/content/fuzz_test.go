package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzLoadSchool feeds arbitrary bytes to the loader as school.yaml and as
// an update: it must never panic, and must report something or accept.
func FuzzLoadSchool(f *testing.F) {
	for _, seed := range []string{
		string(baseSite()["schools/hillside/school.yaml"].Data),
		"name: [\n",
		"a: &a [*a]\n",
		"inspections: [{start: 2026-13-45, framework: eif-2019, overall: 9}]\n",
		"psa: {name: \"\", email: \"@\"}\n",
		"- - - -\n",
		"? [a]\n: b\n",
	} {
		f.Add([]byte(seed), []byte("---\ntitle: x\n---\nbody [a](../x.md)\n"))
	}
	f.Fuzz(func(t *testing.T, school, update []byte) {
		fsys := baseSite()
		fsys["schools/hillside/school.yaml"] = &fstest.MapFile{Data: school}
		fsys["schools/hillside/updates/2026-10-21-fuzz.md"] = &fstest.MapFile{Data: update}
		fsys["schools/hillside/meetings.yaml"] = &fstest.MapFile{Data: school}
		fsys["schools/hillside/views.yaml"] = &fstest.MapFile{Data: school}
		fsys["schools/hillside/action-plan.yaml"] = &fstest.MapFile{Data: school}
		c, ds := load(t, fsys)
		if c == nil {
			t.Fatal("LoadSite returned no content")
		}
		for _, d := range ds {
			if d.Path == "" || d.Msg == "" {
				t.Fatalf("diagnostic without a path or message: %+v", d)
			}
		}
	})
}

// FuzzSplitFrontMatter checks that splitting never panics and that the
// front matter and body come from the source.
func FuzzSplitFrontMatter(f *testing.F) {
	f.Add([]byte("---\ntitle: x\n---\nbody"))
	f.Add([]byte("---\r\n---"))
	f.Add([]byte("---"))
	f.Fuzz(func(t *testing.T, src []byte) {
		front, body, line, ok := splitFrontMatter(src)
		if line < 1 {
			t.Fatalf("body line %d", line)
		}
		if !ok && len(front) != 0 {
			t.Fatalf("front matter %q without a fence", front)
		}
		if len(front)+len(body) > len(src) {
			t.Fatalf("split is longer than the source")
		}
	})
}

// FuzzLoadTranslation feeds arbitrary bytes to the loader as a school's
// translations/pl.yaml and as a translated update: it must never panic,
// every diagnostic must have a place and a message, and every text of a
// translation must have a key whose parts each have a position.
func FuzzLoadTranslation(f *testing.F) {
	for _, seed := range []string{
		"school:\n  psa: {drop_in: Wtorki}\n  milestones: {2026-01-10: Notatka}\n",
		"inspections:\n  2024-03-12:\n    summary: x\n    areas_for_improvement: {maths: y}\n",
		"action_plan:\n  areas:\n    maths:\n      actions: {a: {what: x}}\n      measures: {m: {name: y}}\n",
		"meetings:\n  review: {title: a}\n  review: {title: b}\n  2026-12-08T18:00: {title: c}\n",
		"views:\n  2026-10-01: {how: x, questions: {q: {ask: y}}, themes: {t: {said: z}}}\n",
		"meetings: [a, b]\n", "views: {? [a] : b}\n", "meetings:\n  a: &x {title: y}\n  b: *x\n", "{x_: 1, x_a: {b: c}}\n",
		"inspections:\n  a.b[1]: {summary: x}\n", "meetings:\n  a/b: {title: x}\n", "school:\n  milestones: {10/01/2026: x}\n",
	} {
		f.Add([]byte(seed), []byte("---\ntitle: Cześć\nsummary: x\n---\nTreść [a](../files/x.pdf)\n"))
	}
	f.Fuzz(func(t *testing.T, translation, update []byte) {
		fsys := baseSite()
		fsys["site.yaml"] = &fstest.MapFile{Data: []byte(langSite + "  - {code: pl, name: Polski}\n")}
		fsys["schools/hillside/translations/pl.yaml"] = &fstest.MapFile{Data: translation}
		fsys["schools/hillside/updates/2026-10-20-hello.pl.md"] = &fstest.MapFile{Data: update}
		c, ds := load(t, fsys)
		for _, d := range ds {
			if d.Path == "" || d.Msg == "" {
				t.Fatalf("diagnostic without a path or message: %+v", d)
			}
		}
		s := c.School("hillside")
		en := EnglishOf(s)
		for _, tr := range s.Translations {
			for _, x := range tr.Texts() {
				parts := strings.Split(x.Key, "/")
				if len(parts) != len(x.Keys) || len(parts) != len(x.Named) {
					t.Fatalf("text %q has %d parts but %d positions and %d kinds", x.Key, len(parts), len(x.Keys), len(x.Named))
				}
				if got := strings.Count(en.Canonical(x.Key), "/"); got != len(parts)-1 {
					t.Fatalf("canonical key of %q has %d parts", x.Key, got+1)
				}
			}
		}
	})
}
