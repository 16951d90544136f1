package content

import (
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
