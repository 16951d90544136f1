package content

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

const langSite = "title: T\nbase_url: https://e.org/\nlanguage: en-GB\nlanguages:\n"

// TestLanguageRules checks site.yaml's languages: each a known BCP 47 tag
// written as the standard writes it, once, named, and not the main
// language.
func TestLanguageRules(t *testing.T) {
	tests := []struct {
		name, languages string
		want            []string
	}{
		{"two languages", "  - {code: pl, name: Polski}\n  - {code: ur, name: اردو}\n", nil},
		{"region and script", "  - {code: pt-BR, name: Português}\n  - {code: zh-Hant, name: 中文}\n", nil},
		{"not a tag", "  - {code: polish, name: Polski}\n",
			[]string{"site.yaml:5:12: `code` is \"polish\", which is not a language tag; write the language's BCP 47 tag, such as pl"}},
		{"unknown language", "  - {code: xx, name: X}\n",
			[]string{"site.yaml:5:12: `code` is \"xx\", which is not a language tag"}},
		{"private use", "  - {code: x-klingon, name: K}\n",
			[]string{"site.yaml:5:12: `code` is \"x-klingon\", which is not a language tag"}},
		{"written as the standard does", "  - {code: PT-br, name: Português}\n",
			[]string{"site.yaml:5:12: `code` is \"PT-br\"; write it as the standard does, \"pt-BR\""}},
		{"the main language", "  - {code: en-GB, name: English}\n",
			[]string{"site.yaml:5:12: `code` \"en-GB\" is the site's main language (`language: en-GB`)"}},
		{"the main language's base", "  - {code: en, name: English}\n",
			[]string{"site.yaml:5:12: `code` \"en\" is the site's main language"}},
		{"listed twice", "  - {code: pl, name: Polski}\n  - {code: pl, name: Polski}\n",
			[]string{"site.yaml:6:12: the language \"pl\" is listed twice (also on line 5); keep one"}},
		{"name required", "  - {code: pl}\n",
			[]string{"site.yaml:5:5: item 1 is missing the required field `name`"}},
		{"name empty", "  - {code: pl, name: \"\"}\n",
			[]string{"site.yaml:5:22: `name` is empty; write the name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseSite()
			fsys["site.yaml"] = &fstest.MapFile{Data: []byte(langSite + tt.languages)}
			checkDiagnostics(t, fsys, tt.want)
		})
	}
}

// checkDiagnostics loads fsys and checks that it gives exactly the
// diagnostics wanted, each beginning as given, in order.
func checkDiagnostics(t *testing.T, fsys fstest.MapFS, want []string) {
	t.Helper()
	_, ds := load(t, fsys)
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("diagnostic %d:\n got: %s\nwant: %s...", i, got[i], w)
		}
	}
}

// TestTranslationFiles checks the names and front matter of translated
// updates and pages, and the translations folder. A file name with a dot
// before .md was an error before translations (a slug holds no dot), so
// every name that is not a translation's is still one.
func TestTranslationFiles(t *testing.T) {
	const upd = "schools/hillside/updates/"
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"translated update", map[string]string{upd + "2026-10-20-hello.pl.md": "---\ntitle: Cześć\nsummary: Krótko.\n---\nTreść.\n"}, nil},
		{"translated page", map[string]string{"pages/about.ur.md": "---\ntitle: ہمارے بارے میں\n---\nمتن\n"}, nil},
		{"region in the code", map[string]string{upd + "2026-10-20-hello.pt-BR.md": "---\ntitle: Olá\n---\n"}, nil},
		{"original missing", map[string]string{upd + "2026-10-21-hello.pl.md": "---\ntitle: Cześć\n---\n"},
			[]string{upd + "2026-10-21-hello.pl.md:1:1: this translates " + upd + "2026-10-21-hello.md, which is not there"}},
		{"page original missing", map[string]string{"pages/contact.pl.md": "---\ntitle: Kontakt\n---\n"},
			[]string{"pages/contact.pl.md:1:1: this translates pages/contact.md, which is not there"}},
		{"title required", map[string]string{upd + "2026-10-20-hello.pl.md": "---\nsummary: x\n---\n"},
			[]string{upd + "2026-10-20-hello.pl.md:2:1: the file is missing the required field `title`"}},
		{"title empty", map[string]string{upd + "2026-10-20-hello.pl.md": "---\ntitle: \"\"\n---\n"},
			[]string{upd + "2026-10-20-hello.pl.md:2:8: `title` is empty"}},
		{"date comes from the original", map[string]string{upd + "2026-10-20-hello.pl.md": "---\ntitle: Cześć\ndate: 2026-10-20\ndraft: true\n---\n"},
			[]string{upd + "2026-10-20-hello.pl.md:3:1: unknown field `date` in the file", upd + "2026-10-20-hello.pl.md:4:1: unknown field `draft` in the file"}},
		{"no front matter", map[string]string{"pages/about.pl.md": "Treść\n"},
			[]string{"pages/about.pl.md:1:1: a translation starts with front matter"}},
		{"not a language: still an error", map[string]string{upd + "2026-10-20-hello.old-draft.md": "---\ntitle: x\n---\n"},
			[]string{upd + "2026-10-20-hello.old-draft.md:1:1: an update must be a file named YYYY-MM-DD-<slug>.md, for example 2026-10-20-what-parents-told-us.md (a real date, then lower-case words joined by hyphens); a translation is named as the file it translates with a language code"}},
		{"version number: still an error", map[string]string{"pages/about.v2.md": "---\ntitle: x\n---\n"},
			[]string{"pages/about.v2.md:1:1: a site page must be a file named <slug>.md, where the slug is lower-case letters, digits and single hyphens (for example what-happens-next.md); a translation is named"}},
		{"translations file", map[string]string{"schools/hillside/translations/pl.yaml": "inspections:\n  2024-03-12:\n    summary: Inspektorzy.\n"}, nil},
		{"translations: not a language", map[string]string{"schools/hillside/translations/polish.yaml": "{}\n"},
			[]string{"schools/hillside/translations/polish.yaml:1:1: translations/ holds one file for each language, named <code>.yaml"}},
		{"translations: code as the standard writes it", map[string]string{"schools/hillside/translations/PL.yaml": "{}\n"},
			[]string{"schools/hillside/translations/PL.yaml:1:1: name the file pl.yaml"}},
		{"translations: .yml", map[string]string{"schools/hillside/translations/pl.yml": "{}\n"},
			[]string{"schools/hillside/translations/pl.yml:1:1: a translation's name ends in .yaml: name it pl.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseSite()
			for p, data := range tt.files {
				fsys[p] = &fstest.MapFile{Data: []byte(data)}
			}
			checkDiagnostics(t, fsys, tt.want)
		})
	}
}

// TestTranslationsAttached checks that each translation is given to its
// original.
func TestTranslationsAttached(t *testing.T) {
	fsys := baseSite()
	fsys["schools/hillside/updates/2026-10-20-hello.pl.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Cześć\n---\n")}
	fsys["schools/hillside/updates/2026-10-20-hello.ur.md"] = &fstest.MapFile{Data: []byte("---\ntitle: سلام\n---\n")}
	fsys["pages/about.pl.md"] = &fstest.MapFile{Data: []byte("---\ntitle: O nas\n---\nTreść.\n")}
	c, ds := load(t, fsys)
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	u := c.Schools[0].Updates
	if len(u) != 1 || len(u[0].Translations) != 2 || u[0].Translations[0].Lang != "pl" || u[0].Translations[1].Front.Title != "سلام" {
		t.Fatalf("updates %+v", u)
	}
	if u[0].Translations[0].Body != nil {
		t.Errorf("an update's translation keeps its body, which is read again when needed")
	}
	body, line, err := u[0].Translations[0].ReadBody(c.FS)
	if err != nil || line != 4 || len(body) != 0 {
		t.Errorf("ReadBody = %q, %d, %v", body, line, err)
	}
	p := c.Pages[0]
	if len(c.Pages) != 1 || len(p.Translations) != 1 || string(p.Translations[0].Body) != "Treść.\n" || p.Translations[0].BodyLine != 4 {
		t.Fatalf("pages %+v", c.Pages)
	}
}

const translationFile = "schools/hillside/translations/pl.yaml"

// TestTranslationDecoding checks what one translation file may hold on its
// own: the shape, each error at its line and column, all in one run.
func TestTranslationDecoding(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"the whole shape", `school:
  psa: {drop_in: Wtorki}
  milestones: {2026-01-10: Notatka}
inspections:
  2024-03-12:
    summary: Inspektorzy.
    outcome: Wynik.
    areas_for_improvement: {maths: Matematyka.}
action_plan:
  areas:
    maths:
      title: Matematyka
      actions:
        coaching: {what: Szkolenia, who: Zastępca, success: Sukces, parents: Warsztaty}
      measures:
        expected: {name: Uczniowie, unit: uczniów}
meetings:
  review: {title: Grupa, description: Opis, location: Sala, audience: Wszyscy, access: Winda}
  2026-12-08T18:00: {title: Forum}
views:
  2026-10-01:
    how: Ankieta
    questions: {safe: {ask: Bezpiecznie}}
    themes: {homework: {said: Prace, did: Plan}}
x_notes: anything
`, nil},
		{"unknown key", "inspections:\n  2024-03-12:\n    sumary: x\n",
			[]string{translationFile + ":3:5: unknown field `sumary` in `inspections.2024-03-12`; did you mean `summary`?"}},
		{"psa text is a number", "school:\n  psa: {text: '07700 900001'}\n",
			[]string{translationFile + ":2:9: unknown field `text` in `school.psa`"}},
		{"unknown top-level key", "meeting:\n  review: {title: x}\n",
			[]string{translationFile + ":1:1: unknown field `meeting` in the file; did you mean `meetings`?"}},
		{"duplicate id", "meetings:\n  review: {title: a}\n  review: {title: b}\n",
			[]string{translationFile + ":3:3: `review` is written twice in `meetings`; keep one"}},
		{"duplicate field", "meetings:\n  review: {title: a, title: b}\n",
			[]string{translationFile + ":2:22: `title` is written twice"}},
		{"empty text", "meetings:\n  review:\n    title: \"\"\n    access:\n",
			[]string{translationFile + ":3:12: the translation of `meetings/review/title` is empty", translationFile + ":4:12: the translation of `meetings/review/access` is empty"}},
		{"a slash is not in an id or a date", "school:\n  milestones:\n    10/01/2026: Notatka\n",
			[]string{translationFile + ":3:5: \"10/01/2026\" in `school.milestones` is not an id or a date"}},
		{"list where ids go", "meetings:\n  - title: x\n",
			[]string{translationFile + ":2:3: `meetings` should be a set of \"key: value\" lines, one for each id or date, not a list"}},
		{"text where a mapping goes", "views:\n  2026-10-01: Ankieta\n",
			[]string{translationFile + ":2:15: `views.2026-10-01` should be a set of \"key: value\" lines, not \"Ankieta\""}},
		{"aliases", "meetings:\n  a: &t {title: x}\n  b: *t\n",
			[]string{translationFile + ":2:6: `meetings.a` uses a YAML anchor or alias", translationFile + ":3:6: `meetings.b` uses a YAML anchor or alias"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseSite()
			fsys[translationFile] = &fstest.MapFile{Data: []byte(tt.src)}
			checkDiagnostics(t, fsys, tt.want)
		})
	}
}

// TestTranslationTexts checks the key paths a translation's texts are
// named by, which the English is looked up by.
func TestTranslationTexts(t *testing.T) {
	fsys := baseSite()
	fsys[translationFile] = &fstest.MapFile{Data: []byte(`meetings:
  review: {title: Grupa}
school:
  milestones: {2026-01-10: Notatka}
action_plan:
  areas:
    maths:
      actions:
        coaching: {who: Zastępca}
`)}
	c, ds := load(t, fsys)
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	var got []string
	for _, x := range c.Schools[0].Translations[0].Texts() {
		got = append(got, x.Key+"="+x.Text)
	}
	want := []string{"school/milestones/2026-01-10=Notatka", "action_plan/areas/maths/actions/coaching/who=Zastępca", "meetings/review/title=Grupa"}
	if !slices.Equal(got, want) {
		t.Errorf("texts\n got %q\nwant %q", got, want)
	}
	x := c.Schools[0].Translations[0].Texts()[1]
	if !slices.Equal(x.Named, []bool{false, false, true, false, true, false}) || x.Keys[4] != (Pos{Line: 9, Col: 9}) || x.At != (Pos{Line: 9, Col: 25}) {
		t.Errorf("action's who: %+v", x)
	}
}

// TestListIDs checks the optional ids of actions, measures, questions and
// themes.
func TestListIDs(t *testing.T) {
	plan := "schools/hillside/action-plan.yaml"
	views := "schools/hillside/views.yaml"
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"ids", map[string]string{plan: "updated: 2026-11-01\nareas:\n  - for: maths\n    actions:\n      - {id: coaching, what: C}\n      - {what: No id}\n    measures:\n      - {id: expected, name: E, points: [{date: 2026-09-01, value: 1}]}\n",
			views: "- gathered: 2026-10-01\n  how: Survey\n  questions: [{id: safe, ask: Safe, agree: 50}]\n  themes: [{id: homework, said: More notice}]\n"}, nil},
		{"action id form", map[string]string{plan: "updated: 2026-11-01\nareas:\n  - for: maths\n    actions:\n      - {id: Coaching Plan, what: C}\n"},
			[]string{plan + ":5:14: action id \"Coaching Plan\" may hold only lower-case letters, digits and hyphens, for example phonics-training"}},
		{"action id twice", map[string]string{plan: "updated: 2026-11-01\nareas:\n  - for: maths\n    actions:\n      - {id: c, what: C}\n      - {id: c, what: D}\n"},
			[]string{plan + ":6:14: action id \"c\" is used twice in this list; give each action its own id"}},
		{"same id in two areas", map[string]string{plan: "updated: 2026-11-01\nareas:\n  - for: maths\n    actions: [{id: c, what: C}]\n  - for: reading\n    actions: [{id: c, what: D}]\n"}, nil},
		{"measure id twice", map[string]string{plan: "updated: 2026-11-01\nareas:\n  - for: maths\n    measures:\n      - {id: m, name: A, points: [{date: 2026-09-01, value: 1}]}\n      - {id: m, name: B, points: [{date: 2026-09-01, value: 1}]}\n"},
			[]string{plan + ":6:14: measure id \"m\" is used twice in this list"}},
		{"question and theme ids", map[string]string{views: "- gathered: 2026-10-01\n  how: Survey\n  questions: [{id: q_1, ask: A}]\n  themes: [{id: t, said: S}, {id: t, said: T}]\n"},
			[]string{views + ":3:20: question id \"q_1\" may hold only", views + ":4:35: theme id \"t\" is used twice in this list"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseSite()
			for p, data := range tt.files {
				fsys[p] = &fstest.MapFile{Data: []byte(data)}
			}
			checkDiagnostics(t, fsys, tt.want)
		})
	}
}
