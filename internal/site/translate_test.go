package site

import (
	"strings"
	"testing"
	"testing/fstest"
)

// translatedFS is a site in English, Polish and Urdu with a school whose
// every kind of text can be translated.
func translatedFS(pl string) fstest.MapFS {
	const dir = "schools/oakfield/"
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: T\nbase_url: https://example.org/\nlanguage: en-GB\nlanguages:\n  - {code: pl, name: Polski}\n  - {code: ur, name: اردو}\n")},
		"pages/about.md":    {Data: []byte("---\ntitle: About\nsummary: Who we are.\n---\nWe help parents.\n")},
		"pages/about.pl.md": {Data: []byte("---\ntitle: O nas\n---\nPomagamy rodzicom.\n")},
		"pages/contact.md":  {Data: []byte("---\ntitle: Contact\n---\nWrite to us.\n")},
		dir + "school.yaml": {Data: []byte(`name: Oakfield Primary
psa: {name: Jo, email: jo@example.org, drop_in: Tuesdays in the family room}
give_views: [A suggestion box in reception.]
milestones:
  - {kind: statement-of-action, date: 2026-10-30, note: The statement was sent.}
inspections:
  - start: 2026-09-15
    framework: eif-2019
    category: special-measures
    summary: Inspectors found weak reading.
    areas_for_improvement:
      - {id: reading, text: Improve reading.}
      - {id: maths, text: Improve maths.}
`)},
		dir + "action-plan.yaml": {Data: []byte(`updated: 2026-11-01
areas:
  - for: reading
    actions:
      - {id: phonics-training, what: Phonics training, who: Deputy head, success: All staff trained, status: on-track}
      - {what: Reading volunteers, who: PSA}
    measures:
      - {id: phonics-check, name: Phonics check, unit: "%", points: [{date: 2026-09-01, value: 48}]}
  - for: maths
    title: Maths teaching
`)},
		dir + "meetings.yaml": {Data: []byte(`- {title: Parents' forum, id: parents-forum, start: 2026-12-08T18:00, location: School hall, description: We report what parents said.}
- {title: Coffee morning, start: 2026-12-10T09:00, location: Family room, access: Step-free}
- {title: Review group, start: 2026-12-15T16:00, location: Library}
`)},
		dir + "views.yaml": {Data: []byte(`- gathered: 2026-10-01
  how: Questionnaire
  questions:
    - {id: safe, ask: My child is safe., agree: 80}
    - {ask: My child is happy., agree: 70}
  themes:
    - {id: homework, said: Homework is unclear., did: A homework timetable., status: done}
`)},
		dir + "updates/2026-11-20-reading.md":    {Data: []byte("---\ntitle: Reading is improving\n---\nThe [forum](2026-11-25-forum.md) went well. The plan is working.\n")},
		dir + "updates/2026-11-20-reading.pl.md": {Data: []byte("---\ntitle: Czytanie się poprawia\n---\n[Forum](2026-11-25-forum.md). Plan działa.\n")},
		dir + "updates/2026-11-25-forum.md":      {Data: []byte("---\ntitle: Forum notes\nsummary: What was said.\n---\nNotes.\n")},
	}
	if pl != "" {
		fsys[dir+"translations/pl.yaml"] = &fstest.MapFile{Data: []byte(pl)}
	}
	return fsys
}

const plTranslation = `school:
  psa: {drop_in: Wtorki w pokoju rodzinnym}
  milestones: {2026-10-30: Plan został wysłany.}
inspections:
  2026-09-15:
    summary: Inspektorzy stwierdzili słabe czytanie.
    areas_for_improvement: {reading: Poprawić czytanie.}
action_plan:
  areas:
    reading:
      actions:
        phonics-training: {what: Szkolenie z fonetyki, success: Wszyscy przeszkoleni}
      measures:
        phonics-check: {name: Test fonetyczny}
meetings:
  parents-forum: {title: Forum rodziców, description: "Mówimy, co powiedzieli [rodzice](../views.yaml)."}
  2026-12-10T09:00: {title: Poranna kawa, access: Bez schodów}
views:
  2026-10-01:
    how: Ankieta
    questions: {safe: {ask: Moje dziecko jest bezpieczne.}}
    themes: {homework: {said: Prace domowe są niejasne.}}
`

// TestSchoolIn checks the Polish copy of a school: each text translated
// where the translation gives it, left in English (and said to be) where
// not, and the English school unchanged.
func TestSchoolIn(t *testing.T) {
	m, ds := build(t, translatedFS(plTranslation), Config{})
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	en := m.Schools[0]
	pl := en.In("pl")
	if pl == nil || pl.Lang != "pl" {
		t.Fatalf("In(pl) = %+v", pl)
	}
	plan, views := pl.Plan.Areas[0], pl.Views[0]
	meetings := map[string]*Meeting{}
	for _, mt := range pl.Meetings {
		meetings[mt.ID] = mt
	}
	tests := []struct {
		name, got, want string
		english         bool
	}{
		{"drop-in", pl.Info.PSA.DropIn, "Wtorki w pokoju rodzinnym", false},
		{"milestone note", pl.Info.Milestones[0].Note, "Plan został wysłany.", false},
		{"timeline note", noteOf(pl.Timeline, "statement-of-action"), "Plan został wysłany.", false},
		{"inspection summary", pl.Latest.Inspection.Summary, "Inspektorzy stwierdzili słabe czytanie.", false},
		{"area for improvement", pl.Latest.Areas[0].Text, "Poprawić czytanie.", false},
		{"area untranslated", pl.Latest.Areas[1].Text, "Improve maths.", true},
		{"plan area text", plan.Text, "Poprawić czytanie.", false},
		{"plan area title from the area", plan.Title, "Poprawić czytanie.", false},
		{"plan area title", pl.Plan.Areas[1].Title, "Maths teaching", true},
		{"action what", plan.Actions[0].What, "Szkolenie z fonetyki", false},
		{"action who untranslated", plan.Actions[0].Who, "Deputy head", true},
		{"action success", plan.Actions[0].Success, "Wszyscy przeszkoleni", false},
		{"action without id", plan.Actions[1].What, "Reading volunteers", true},
		{"measure name", plan.Measures[0].Name, "Test fonetyczny", false},
		{"measure unit: a sign", plan.Measures[0].Unit, "%", false},
		{"meeting by id", meetings["parents-forum"].Title, "Forum rodziców", false},
		{"meeting location untranslated", meetings["parents-forum"].Location, "School hall", true},
		{"meeting calendar text", meetings["parents-forum"].DescriptionText, "Mówimy, co powiedzieli rodzice.", false},
		{"meeting by start", meetings["coffee-morning-2026-12-10"].Title, "Poranna kawa", false},
		{"meeting access by start", meetings["coffee-morning-2026-12-10"].Access, "Bez schodów", false},
		{"meeting untranslated", meetings["review-group-2026-12-15"].Title, "Review group", true},
		{"views how", views.How, "Ankieta", false},
		{"question", views.Questions[0].Ask, "Moje dziecko jest bezpieczne.", false},
		{"question without id", views.Questions[1].Ask, "My child is happy.", true},
		{"theme said", views.Themes[0].Said, "Prace domowe są niejasne.", false},
		{"theme did untranslated", views.Themes[0].Did, "A homework timetable.", true},
		{"way to give views", pl.Info.GiveViews[0], "A suggestion box in reception.", true},
		{"school name stays", pl.Info.Name, "Oakfield Primary", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
			if pl.English(tt.got) != tt.english {
				t.Errorf("English(%q) = %v, want %v", tt.got, !tt.english, tt.english)
			}
			if en.English(tt.got) {
				t.Errorf("the English school says %q is left in English", tt.got)
			}
		})
	}
	if pl.EnglishDoc(pl.Latest.Summary) || !pl.EnglishDoc(pl.GiveViews[0]) || en.EnglishDoc(en.GiveViews[0]) {
		t.Errorf("EnglishDoc: summary %v, give views %v, English give views %v", pl.EnglishDoc(pl.Latest.Summary), pl.EnglishDoc(pl.GiveViews[0]), en.EnglishDoc(en.GiveViews[0]))
	}
	if got := meetings["parents-forum"].Description.Links(); len(got) != 1 || got[0].Dest != "/schools/oakfield/views/" {
		t.Errorf("a translated description's link is resolved from the translation file: %+v", got)
	}
	// The English school is as it was.
	for _, s := range []string{en.Info.PSA.DropIn, en.Latest.Inspection.Summary, en.Latest.Areas[0].Text, en.Plan.Areas[0].Actions[0].What,
		en.Plan.Areas[0].Measures[0].Name, en.Meetings[0].Title, en.Views[0].How, en.Views[0].Questions[0].Ask, noteOf(en.Timeline, "statement-of-action"),
		en.Listing.Meetings[0].Title, en.Updates[1].Title} {
		if !strings.Contains("Tuesdays in the family room|Inspectors found weak reading.|Improve reading.|Phonics training|Phonics check|Parents' forum|Questionnaire|My child is safe.|The statement was sent.|Reading is improving", s) {
			t.Errorf("the English school now has %q", s)
		}
	}
}

func noteOf(steps []Step, kind string) string {
	for _, st := range steps {
		if st.Kind == kind {
			return st.Note
		}
	}
	return ""
}

// TestUpdatesIn checks a school's updates in another language: a
// translated one with its translation, an untranslated one in English
// with Lang set, in the school and in its listing.
func TestUpdatesIn(t *testing.T) {
	m, ds := build(t, translatedFS(""), Config{})
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	en := m.Schools[0]
	for _, code := range []string{"pl", "ur"} {
		sch := en.In(code)
		for _, us := range [][]*Update{sch.Updates, en.Listing.In(code).Updates} {
			forum, reading := us[0], us[1]
			if forum.Lang != "en-GB" || forum.Title != "Forum notes" || !sch.English("Forum notes") {
				t.Errorf("%s: untranslated update %+v", code, forum)
			}
			wantTitle, wantLang := "Reading is improving", "en-GB"
			if code == "pl" {
				wantTitle, wantLang = "Czytanie się poprawia", ""
			}
			if reading.Title != wantTitle || reading.Lang != wantLang || reading.URL() != "/schools/oakfield/updates/reading/" {
				t.Errorf("%s: update %q, lang %q, at %s; want %q, %q", code, reading.Title, reading.Lang, reading.URL(), wantTitle, wantLang)
			}
		}
	}
	reading := en.In("pl").Updates[1]
	if reading.Summary != "Forum. Plan działa." || reading.Translation != "schools/oakfield/updates/2026-11-20-reading.pl.md" || reading.Body.Links()[0].Dest != "/schools/oakfield/updates/forum/" {
		t.Errorf("translated update: summary %q, file %q, links %+v", reading.Summary, reading.Translation, reading.Body.Links())
	}
	if body, summary := m.Site.UpdateBody(en.Listing.In("pl").Updates[1]); summary != "Forum. Plan działa." || !strings.Contains(body.Text(), "działa") {
		t.Errorf("the site's feed reads the translation: %q %q", body.Text(), summary)
	}
	if en.Updates[1].Lang != "" || en.Updates[1].Title != "Reading is improving" {
		t.Errorf("the English update changed: %+v", en.Updates[1])
	}
	if en.In("") != en || en.In("en-GB") != en || en.In("fr") != nil || en.In("pl").In("ur") != nil || en.Listing.In("fr") != nil {
		t.Errorf("In: the main language is the school itself, a language not published is nil")
	}
}

// TestPagesIn checks the site's pages in another language.
func TestPagesIn(t *testing.T) {
	m, ds := build(t, translatedFS(""), Config{})
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	pl := m.Site.In("pl")
	if pl == nil || pl.Lang != "pl" || len(pl.Pages) != 2 {
		t.Fatalf("Site.In(pl) = %+v", pl)
	}
	about, contact := pl.Pages[0], pl.Pages[1]
	if about.Title != "O nas" || about.Lang != "" || about.Summary != "" || !strings.Contains(about.Body.Text(), "Pomagamy") || pl.English("O nas") || pl.EnglishDoc(about.Body) {
		t.Errorf("translated page %+v", about)
	}
	if contact.Title != "Contact" || contact.Lang != "en-GB" || !pl.English("Contact") || !pl.EnglishDoc(contact.Body) {
		t.Errorf("untranslated page %+v", contact)
	}
	if m.Site.Pages[0].Title != "About" || m.Site.English("About") || m.Site.In("") != m.Site || m.Site.In("de") != nil {
		t.Errorf("the English site changed, or In gives the wrong site")
	}
	if ur := m.Site.In("ur"); ur.Pages[0].Title != "About" || ur.Pages[0].Lang != "en-GB" {
		t.Errorf("Urdu has no translation of about: %+v", ur.Pages[0])
	}
}

// TestTranslationChecks checks a translation against the site's languages
// and the school's English: every problem at its place, with the fix.
func TestTranslationChecks(t *testing.T) {
	const tr = "schools/oakfield/translations/pl.yaml"
	tests := []struct {
		name  string
		pl    string
		files map[string]string
		want  []string
	}{
		{"unknown meeting id", "meetings:\n  parent-forum: {title: Forum}\n",
			nil, []string{tr + ":2:3: there is no meeting \"parent-forum\" in meetings.yaml to translate (a translation names each meeting by its `id`, or its `start` as written (2026-12-08T18:00)); did you mean \"parents-forum\"? The meetings here are: 2026-12-08T18:00, 2026-12-10T09:00, 2026-12-15T16:00, parents-forum"}},
		{"unknown inspection", "inspections:\n  2026-09-16: {summary: x}\n",
			nil, []string{tr + ":2:3: there is no inspection \"2026-09-16\" in school.yaml to translate (a translation names each inspection by the date of its `start`); did you mean \"2026-09-15\"?"}},
		{"unknown area", "inspections:\n  2026-09-15:\n    areas_for_improvement: {writing: x}\n",
			nil, []string{tr + ":3:29: there is no area for improvement \"writing\" in school.yaml to translate"}},
		{"unknown action, with the ones with no id", "action_plan:\n  areas:\n    reading:\n      actions: {volunteers: {what: x}}\n",
			nil, []string{tr + ":4:17: there is no action \"volunteers\" in action-plan.yaml to translate (a translation names each action by its `id`). The actions here are: phonics-training (1 more action has no `id:` in action-plan.yaml, and can be translated once given one)"}},
		{"unknown plan area", "action_plan:\n  areas:\n    writing: {title: x}\n",
			nil, []string{tr + ":3:5: there is no area of the action plan \"writing\" in action-plan.yaml"}},
		{"unknown question and theme", "views:\n  2026-10-01:\n    questions: {happy: {ask: x}}\n    themes: {homwork: {said: y}}\n",
			nil, []string{tr + ":3:17: there is no question \"happy\" in views.yaml", tr + ":4:14: there is no theme \"homwork\" in views.yaml to translate (a translation names each theme by its `id`); did you mean \"homework\"?"}},
		{"unknown gathering", "views:\n  2026-10-02: {how: x}\n",
			nil, []string{tr + ":2:3: there is no gathering of views \"2026-10-02\" in views.yaml to translate (a translation names each gathering of views by the date it was `gathered`); did you mean \"2026-10-01\"?"}},
		{"unknown milestone", "school:\n  milestones: {2026-10-31: x}\n",
			nil, []string{tr + ":2:16: there is no milestone \"2026-10-31\" in school.yaml"}},
		{"nothing in English to translate", "meetings:\n  parents-forum: {access: Winda}\ninspections:\n  2026-09-15: {outcome: x}\n",
			nil, []string{tr + ":2:27: the meeting \"parents-forum\" in meetings.yaml has no `access`, so there is nothing to translate", tr + ":4:25: the inspection \"2026-09-15\" in school.yaml has no `outcome`"}},
		{"no views file", "views:\n  2026-10-01: {how: x}\n",
			map[string]string{"schools/oakfield/views.yaml": ""}, []string{tr + ":2:3: there is no gathering of views \"2026-10-01\" in views.yaml"}},
		{"no action plan", "action_plan:\n  areas:\n    reading: {title: x}\n",
			map[string]string{"schools/oakfield/action-plan.yaml": ""}, []string{tr + ":2:3: the school has no action-plan.yaml, so `action_plan` has nothing to translate; remove it"}},
		{"translated twice", "meetings:\n  parents-forum: {title: a}\n  2026-12-08T18:00: {title: b}\n",
			nil, []string{tr + ":3:3: this translates the same text as line 2"}},
		{"two meetings at one start", "meetings:\n  2026-12-10T09:00: {title: x}\n",
			map[string]string{"schools/oakfield/meetings.yaml": "- {title: A, start: 2026-12-10T09:00, location: L, description: D}\n- {title: B, start: 2026-12-10T09:00, location: L, description: D}\n"},
			[]string{tr + ":2:3: \"2026-12-10T09:00\" names more than one meeting in meetings.yaml, so the translation cannot tell which it is; give each of them an `id:`"}},
		{"not a language of the site", "", map[string]string{"schools/oakfield/translations/de.yaml": "{}\n", "schools/oakfield/updates/2026-11-20-reading.ro.md": "---\ntitle: x\n---\n", "pages/about.pt.md": "---\ntitle: x\n---\n"},
			[]string{"pages/about.pt.md:1:1: this is a translation into \"pt\", which is not one of site.yaml's languages (pl, ur); did you mean \"pl\"?",
				"schools/oakfield/translations/de.yaml:1:1: this is a translation into \"de\", which is not one of site.yaml's languages (pl, ur); add it under `languages:`",
				"schools/oakfield/updates/2026-11-20-reading.ro.md:1:1: this is a translation into \"ro\""}},
		{"a page where a language is published", "", map[string]string{"pages/pl.md": "---\ntitle: Polish\n---\n"},
			[]string{"pages/pl.md:1:1: this page would be published at /pl/, where the site's language \"pl\" is published; rename the page"}},
		{"links from the translation file", "inspections:\n  2026-09-15: {summary: \"[Raport](../files/report.pdf)\"}\n",
			nil, []string{tr + ":2:25: the link \"../files/report.pdf\" points to schools/oakfield/files/report.pdf, which does not exist"}},
		{"all at once", "meetings:\n  x: {title: a}\n  y: {title: b}\n", nil, []string{tr + ":2:3: there is no meeting \"x\"", tr + ":3:3: there is no meeting \"y\""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := translatedFS(tt.pl)
			for p, data := range tt.files {
				if data == "" {
					delete(fsys, p)
					continue
				}
				fsys[p] = &fstest.MapFile{Data: []byte(data)}
			}
			_, ds := build(t, fsys, Config{})
			var got []string
			for _, d := range ds {
				got = append(got, d.String())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("diagnostic %d:\n got: %s\nwant: %s...", i, got[i], w)
				}
			}
		})
	}
}

// TestTranslationsWithoutLanguages checks that a translation in a site
// with no other languages is an error that says how to add one.
func TestTranslationsWithoutLanguages(t *testing.T) {
	fsys := translatedFS(plTranslation)
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("title: T\nbase_url: https://example.org/\n")}
	_, ds := build(t, fsys, Config{})
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		"pages/about.pl.md:1:1: this is a translation into \"pl\", but site.yaml lists no other languages; add it under `languages:` in site.yaml (`- code: pl` and its `name:`), or remove the file",
		"schools/oakfield/translations/pl.yaml:1:1: this is a translation into \"pl\", but site.yaml lists no other languages",
		"schools/oakfield/updates/2026-11-20-reading.pl.md:1:1: this is a translation into \"pl\", but site.yaml lists no other languages",
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

// TestNoLanguages checks that a site without languages makes no copies.
func TestNoLanguages(t *testing.T) {
	m, ds := build(t, baseFS(), Config{})
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	if s := m.Schools[0]; s.langs != nil || s.Listing.langs != nil || s.In("pl") != nil || m.Site.langPages != nil {
		t.Errorf("copies made for a site with no other languages")
	}
}
