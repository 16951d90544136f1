package benchcorpus

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/parentpages/parentpages/internal/content"
)

var both = []string{"pl", "ur"}

func byPath(files []File) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}

var idLineRE = regexp.MustCompile(`(?m)^ +id: [a-z0-9-]+\n`)

// TestLanguagesLeaveEnglishAlone: with languages, the English files are
// those of the corpus without, but for site.yaml's languages list and the
// id lines that let actions, measures, questions and themes be translated,
// so the one-language build and the build with languages read the same
// English; every other file is a translation.
func TestLanguagesLeaveEnglishAlone(t *testing.T) {
	one, _ := Files(Options{Schools: 12, Seed: 1})
	multi, st := Files(Options{Schools: 12, Seed: 1, Languages: both})
	m := byPath(multi)
	for _, f := range one {
		got, ok := m[f.Path]
		switch {
		case !ok:
			t.Errorf("%s is missing from the corpus with languages", f.Path)
		case f.Path == "site.yaml":
			if !bytes.HasPrefix(got, f.Data) {
				t.Errorf("site.yaml with languages does not begin with site.yaml without")
			}
		case path.Base(f.Path) == "action-plan.yaml" || path.Base(f.Path) == "views.yaml":
			if !bytes.Equal(idLineRE.ReplaceAll(got, nil), f.Data) {
				t.Errorf("%s differs by more than its id lines", f.Path)
			}
		case !bytes.Equal(got, f.Data):
			t.Errorf("%s differs with languages", f.Path)
		}
		delete(m, f.Path)
	}
	translatedUpdates, yamls := 0, 0
	for p := range m {
		switch {
		case regexp.MustCompile(`^schools/[a-z0-9-]+/updates/[^/]+\.(pl|ur)\.md$`).MatchString(p):
			translatedUpdates++
		case regexp.MustCompile(`^schools/[a-z0-9-]+/translations/(pl|ur)\.yaml$`).MatchString(p):
			yamls++
		case regexp.MustCompile(`^pages/[a-z-]+\.(pl|ur)\.md$`).MatchString(p):
		default:
			t.Errorf("%s: a file only the corpus with languages has, that is no translation", p)
		}
	}
	if translatedUpdates != st.TranslatedUpdates || yamls != st.TranslationFiles {
		t.Errorf("stats say %d translated updates and %d translation files; the corpus has %d and %d",
			st.TranslatedUpdates, st.TranslationFiles, translatedUpdates, yamls)
	}
}

// TestLanguagesDeterministic: the same options give the same corpus; a
// language's translations do not depend on the other languages listed;
// and the first schools of a bigger corpus are the smaller corpus.
func TestLanguagesDeterministic(t *testing.T) {
	a, _ := Files(Options{Schools: 8, Seed: 3, Languages: both})
	b, _ := Files(Options{Schools: 8, Seed: 3, Languages: both})
	if !equalFiles(a, b) {
		t.Error("the same options gave different corpora")
	}
	all := byPath(a)
	plOnly, _ := Files(Options{Schools: 8, Seed: 3, Languages: []string{"pl"}})
	for _, f := range plOnly {
		if strings.Contains(f.Path, ".pl.") || strings.HasSuffix(f.Path, "/pl.yaml") {
			if !bytes.Equal(all[f.Path], f.Data) {
				t.Errorf("%s differs when Urdu is also listed", f.Path)
			}
		}
	}
	small, _ := Files(Options{Schools: 3, Seed: 3, Languages: both})
	for _, f := range small {
		if !bytes.Equal(all[f.Path], f.Data) {
			t.Errorf("%s differs between a corpus of 3 schools and one of 8", f.Path)
		}
	}
}

func TestCheckLanguages(t *testing.T) {
	for _, tc := range []struct {
		codes []string
		ok    bool
	}{
		{nil, true},
		{[]string{"pl"}, true},
		{[]string{"ur", "pl"}, true},
		{[]string{"pl", "pl"}, false},
		{[]string{"en"}, false},
		{[]string{"xx"}, false},
	} {
		if err := CheckLanguages(tc.codes); (err == nil) != tc.ok {
			t.Errorf("CheckLanguages(%q) = %v, want ok %v", tc.codes, err, tc.ok)
		}
	}
	if _, err := Write(t.TempDir(), Options{Schools: 1, Languages: []string{"xx"}}); err == nil {
		t.Error("Write with a language the corpus has no text for: no error")
	}
}

// TestSiteLanguages: the content loader reads site.yaml's languages list
// with no diagnostics.
func TestSiteLanguages(t *testing.T) {
	files, _ := Files(Options{Schools: 1, Seed: 1, Languages: both})
	c, _, ds := content.LoadSite(fstest.MapFS{"site.yaml": {Data: byPath(files)["site.yaml"]}})
	if len(ds) > 0 {
		t.Fatalf("site.yaml: %s", ds.Error())
	}
	var got []string
	for _, l := range c.Site.Languages {
		got = append(got, l.Code+" "+l.Name)
	}
	if want := []string{"pl Polski", "ur اردو"}; !slices.Equal(got, want) {
		t.Errorf("site.yaml languages = %q, want %q", got, want)
	}
}

// The English files, as far as a translation refers to them.
type enSchool struct {
	PSA struct {
		DropIn string `yaml:"drop_in"`
	} `yaml:"psa"`
	Inspections []enInspection `yaml:"inspections"`
	Milestones  []struct {
		Date string `yaml:"date"`
	} `yaml:"milestones"`
}

type enInspection struct {
	Start   string `yaml:"start"`
	Summary string `yaml:"summary"`
	Outcome string `yaml:"outcome"`
	Areas   []struct {
		ID string `yaml:"id"`
	} `yaml:"areas_for_improvement"`
}

type enPlan struct {
	Areas []enPlanArea `yaml:"areas"`
}

type enPlanArea struct {
	For      string `yaml:"for"`
	Title    string `yaml:"title"`
	Actions  []struct{ ID, Parents string }
	Measures []struct{ ID, Unit string }
}

type enMeeting struct {
	ID, Start, Access string
}

type enGathering struct {
	Gathered  string `yaml:"gathered"`
	Questions []struct{ ID string }
	Themes    []struct{ ID, Did string }
}

// trFile is translations/<code>.yaml as I18N-DESIGN.md shapes it; decoded
// strictly, so a key the design does not have fails the test.
type trFile struct {
	School *struct {
		PSA *struct {
			DropIn string `yaml:"drop_in"`
		} `yaml:"psa"`
		Milestones map[string]string `yaml:"milestones"`
	} `yaml:"school"`
	Inspections map[string]struct {
		Summary string            `yaml:"summary"`
		Outcome string            `yaml:"outcome"`
		Areas   map[string]string `yaml:"areas_for_improvement"`
	} `yaml:"inspections"`
	ActionPlan *struct {
		Areas map[string]struct {
			Title   string `yaml:"title"`
			Actions map[string]struct {
				What    string `yaml:"what"`
				Who     string `yaml:"who"`
				Success string `yaml:"success"`
				Parents string `yaml:"parents"`
			} `yaml:"actions"`
			Measures map[string]struct {
				Name string `yaml:"name"`
				Unit string `yaml:"unit"`
			} `yaml:"measures"`
		} `yaml:"areas"`
	} `yaml:"action_plan"`
	Meetings map[string]struct {
		Title       string `yaml:"title"`
		Description string `yaml:"description"`
		Location    string `yaml:"location"`
		Access      string `yaml:"access"`
	} `yaml:"meetings"`
	Views map[string]struct {
		How       string `yaml:"how"`
		Questions map[string]struct {
			Ask string `yaml:"ask"`
		} `yaml:"questions"`
		Themes map[string]struct {
			Said string `yaml:"said"`
			Did  string `yaml:"did"`
		} `yaml:"themes"`
	} `yaml:"views"`
}

func strictYAML(t *testing.T, p string, b []byte, v any) {
	t.Helper()
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
}

var idRE = regexp.MustCompile(`^[a-z0-9-]+$`)

// uniqueIDs checks the ids of one list: well formed, none twice, and
// returns them as a set ("" for items with none).
func uniqueIDs(t *testing.T, where string, ids []string) map[string]bool {
	t.Helper()
	set := map[string]bool{}
	for _, id := range ids {
		if id == "" {
			t.Errorf("%s: an item has no id", where)
			continue
		}
		if !idRE.MatchString(id) {
			t.Errorf("%s: id %q is not lower-case letters, digits and hyphens", where, id)
		}
		if set[id] {
			t.Errorf("%s: id %q twice", where, id)
		}
		set[id] = true
	}
	return set
}

// inScript reports whether s is written in the language's script: for
// Urdu, Arabic letters; for Polish, Latin ones.
func inScript(code, s string) bool {
	table := unicode.Latin
	if code == "ur" {
		table = unicode.Arabic
	}
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(table, r) })
}

// TestTranslationFiles reads every translations/<code>.yaml strictly in the
// design's shape, and checks that each key is an id or date the English
// files have, that a field is translated only where the English has it, and
// that every text is in the language's script.
func TestTranslationFiles(t *testing.T) {
	files, _ := Files(Options{Schools: 30, Seed: 5, Languages: both})
	all := byPath(files)
	seen := map[string]int{}
	for _, f := range files {
		dir, name := path.Split(f.Path)
		if path.Base(dir) != "translations" {
			continue
		}
		code := strings.TrimSuffix(name, ".yaml")
		school := strings.TrimSuffix(dir, "translations/")
		var tr trFile
		strictYAML(t, f.Path, f.Data, &tr)
		var sc enSchool
		var plan enPlan
		var meetings []enMeeting
		var views []enGathering
		strictYAML(t, school+"school.yaml", all[school+"school.yaml"], &yamlLoose{&sc})
		if b, ok := all[school+"action-plan.yaml"]; ok {
			strictYAML(t, school+"action-plan.yaml", b, &yamlLoose{&plan})
		}
		strictYAML(t, school+"meetings.yaml", all[school+"meetings.yaml"], &yamlLoose{&meetings})
		if b, ok := all[school+"views.yaml"]; ok {
			strictYAML(t, school+"views.yaml", b, &yamlLoose{&views})
		}
		text := func(where, s string) {
			seen[code]++
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s: %s is empty", f.Path, where)
			} else if !inScript(code, s) {
				t.Errorf("%s: %s is not in the language's script: %q", f.Path, where, s)
			}
		}

		if tr.School != nil {
			if tr.School.PSA != nil {
				text("school.psa.drop_in", tr.School.PSA.DropIn)
			}
			dates := map[string]bool{}
			for _, m := range sc.Milestones {
				dates[m.Date] = true
			}
			for d, s := range tr.School.Milestones {
				if !dates[d] {
					t.Errorf("%s: milestone %s is not in school.yaml", f.Path, d)
				}
				text("milestone "+d, s)
			}
		}
		for start, in := range tr.Inspections {
			k := slices.IndexFunc(sc.Inspections, func(i enInspection) bool { return i.Start == start })
			if k < 0 {
				t.Errorf("%s: inspection %s is not in school.yaml", f.Path, start)
				continue
			}
			en := sc.Inspections[k]
			if (in.Summary != "") && en.Summary == "" || (in.Outcome != "") && en.Outcome == "" {
				t.Errorf("%s: inspection %s translates a summary or outcome it does not have", f.Path, start)
			}
			if in.Summary != "" {
				text("summary", in.Summary)
			}
			if in.Outcome != "" {
				text("outcome", in.Outcome)
			}
			var ids []string
			for _, a := range en.Areas {
				ids = append(ids, a.ID)
			}
			known := uniqueIDs(t, f.Path+" areas_for_improvement", ids)
			for id, s := range in.Areas {
				if !known[id] {
					t.Errorf("%s: area %q is not one of inspection %s's", f.Path, id, start)
				}
				text("area "+id, s)
			}
		}
		if tr.ActionPlan != nil {
			for id, a := range tr.ActionPlan.Areas {
				k := slices.IndexFunc(plan.Areas, func(p enPlanArea) bool { return p.For == id })
				if k < 0 {
					t.Errorf("%s: plan area %q is not in action-plan.yaml", f.Path, id)
					continue
				}
				en := plan.Areas[k]
				if a.Title != "" {
					if en.Title == "" {
						t.Errorf("%s: plan area %q has no title to translate", f.Path, id)
					}
					text("plan area title", a.Title)
				}
				var ids []string
				parents := map[string]bool{}
				for _, ac := range en.Actions {
					ids = append(ids, ac.ID)
					parents[ac.ID] = ac.Parents != ""
				}
				known := uniqueIDs(t, f.Path+" actions", ids)
				for aid, ac := range a.Actions {
					if !known[aid] {
						t.Errorf("%s: action %q is not in plan area %q", f.Path, aid, id)
					}
					if (ac.Parents != "") != parents[aid] {
						t.Errorf("%s: action %q: parents translated %v, in English %v", f.Path, aid, ac.Parents != "", parents[aid])
					}
					for _, s := range []string{ac.What, ac.Who, ac.Success} {
						text("action "+aid, s)
					}
				}
				ids = nil
				units := map[string]string{}
				for _, m := range en.Measures {
					ids = append(ids, m.ID)
					units[m.ID] = m.Unit
				}
				known = uniqueIDs(t, f.Path+" measures", ids)
				for mid, m := range a.Measures {
					if !known[mid] {
						t.Errorf("%s: measure %q is not in plan area %q", f.Path, mid, id)
					}
					if (m.Unit != "") != (units[mid] != "%") {
						t.Errorf("%s: measure %q: unit %q for English %q", f.Path, mid, m.Unit, units[mid])
					}
					text("measure "+mid, m.Name)
				}
			}
		}
		ids, starts := map[string]bool{}, map[string]int{}
		access := map[string]bool{}
		for _, m := range meetings {
			if m.ID != "" {
				ids[m.ID] = true
			}
			starts[m.Start]++
			access[cmpOr(m.ID, m.Start)] = m.Access != ""
		}
		for key, m := range tr.Meetings {
			if !ids[key] && starts[key] != 1 {
				t.Errorf("%s: meeting %q is neither an id nor the start of one meeting", f.Path, key)
			}
			if (m.Access != "") != access[key] {
				t.Errorf("%s: meeting %q: access translated %v, in English %v", f.Path, key, m.Access != "", access[key])
			}
			for _, s := range []string{m.Title, m.Description, m.Location} {
				text("meeting "+key, s)
			}
		}
		for d, v := range tr.Views {
			k := slices.IndexFunc(views, func(g enGathering) bool { return g.Gathered == d })
			if k < 0 {
				t.Errorf("%s: views gathered %s is not in views.yaml", f.Path, d)
				continue
			}
			text("views how", v.How)
			var qids, tids []string
			for _, q := range views[k].Questions {
				qids = append(qids, q.ID)
			}
			did := map[string]bool{}
			for _, th := range views[k].Themes {
				tids = append(tids, th.ID)
				did[th.ID] = th.Did != ""
			}
			kq, kt := uniqueIDs(t, f.Path+" questions", qids), uniqueIDs(t, f.Path+" themes", tids)
			for id, q := range v.Questions {
				if !kq[id] {
					t.Errorf("%s: question %q is not asked on %s", f.Path, id, d)
				}
				text("question "+id, q.Ask)
			}
			for id, th := range v.Themes {
				if !kt[id] {
					t.Errorf("%s: theme %q is not one of %s's", f.Path, id, d)
				}
				if (th.Did != "") != did[id] {
					t.Errorf("%s: theme %q: did translated %v, in English %v", f.Path, id, th.Did != "", did[id])
				}
				text("theme "+id, th.Said)
			}
		}
	}
	for _, code := range both {
		if seen[code] < 30*20 {
			t.Errorf("%s: %d translated texts in 30 schools; want at least 20 a school", code, seen[code])
		}
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// yamlLoose decodes the English files leniently (they have many fields the
// test does not need) while strictYAML's decoder is strict: it decodes
// through a yaml.Node, which has no KnownFields.
type yamlLoose struct{ v any }

func (l *yamlLoose) UnmarshalYAML(n *yaml.Node) error { return n.Decode(l.v) }

var frontRE = regexp.MustCompile(`(?s)^---\n(.*?)\n---\n\n(.*)$`)

// TestTranslatedMarkdown: each `*.<code>.md` sits beside its original, has
// only the front matter the format allows (title, and summary where the
// original has one), links only where the original does, is written in
// the language and is about as long; and about 3 in 4 updates are
// translated into each language.
func TestTranslatedMarkdown(t *testing.T) {
	files, st := Files(Options{Schools: 30, Seed: 5, Languages: both})
	all := byPath(files)
	perLang := map[string]int{}
	enWords, trWords := 0, 0
	for _, f := range files {
		base, code, ok := translatedName(f.Path)
		if !ok {
			continue
		}
		orig, ok := all[base+".md"]
		if !ok {
			t.Errorf("%s: no original %s.md", f.Path, base)
			continue
		}
		if strings.HasSuffix(base, "pages/glossary") {
			t.Errorf("%s: the glossary, whose headings updates link to, is translated", f.Path)
		}
		m, om := frontRE.FindSubmatch(f.Data), frontRE.FindSubmatch(orig)
		if m == nil || om == nil {
			t.Errorf("%s or its original has no front matter", f.Path)
			continue
		}
		var front, ofront map[string]any
		if err := yaml.Unmarshal(m[1], &front); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		if err := yaml.Unmarshal(om[1], &ofront); err != nil {
			t.Fatalf("%s: %v", base, err)
		}
		for k := range front {
			if k != "title" && k != "summary" {
				t.Errorf("%s: front matter has %q; a translation has only title and summary", f.Path, k)
			}
		}
		title, _ := front["title"].(string)
		if !inScript(code, title) || title == ofront["title"] {
			t.Errorf("%s: title %q is not translated", f.Path, title)
		}
		if _, ok := front["summary"]; ok && ofront["summary"] == nil {
			t.Errorf("%s: a summary its original has not", f.Path)
		}
		body, obody := string(m[2]), string(om[2])
		if !inScript(code, body) {
			t.Errorf("%s: the body is not in the language", f.Path)
		}
		for _, l := range linkRE.FindAllStringSubmatch(body, -1) {
			if !strings.Contains(obody, "]("+l[2]+")") {
				t.Errorf("%s: links to %s, which its original does not", f.Path, l[2])
			}
		}
		if strings.Count(body, "\n## ") != strings.Count(obody, "\n## ") {
			t.Errorf("%s: %d headings, its original %d", f.Path, strings.Count(body, "\n## "), strings.Count(obody, "\n## "))
		}
		if strings.Contains(base, "/updates/") {
			perLang[code]++
			enWords += words(obody)
			trWords += words(body)
		}
	}
	for _, code := range both {
		if share := float64(perLang[code]) / float64(st.Updates); share < 0.65 || share > 0.85 {
			t.Errorf("%s: %d of %d updates translated (%.2f); want about 3 in 4", code, perLang[code], st.Updates, share)
		}
	}
	if r := float64(trWords) / float64(enWords); r < 0.8 || r > 1.4 {
		t.Errorf("translated updates have %.2f words for each word of their originals; want about as many", r)
	}
	if perLang["pl"]+perLang["ur"] != st.TranslatedUpdates {
		t.Errorf("stats count %d translated updates, the corpus has %d", st.TranslatedUpdates, perLang["pl"]+perLang["ur"])
	}
}

// translatedName splits "dir/name.<code>.md" into "dir/name" and code.
func translatedName(p string) (base, code string, ok bool) {
	rest, ok := strings.CutSuffix(p, ".md")
	if !ok {
		return "", "", false
	}
	i := strings.LastIndexByte(rest, '.')
	if i < 0 || strings.Contains(rest[i:], "/") {
		return "", "", false
	}
	return rest[:i], rest[i+1:], true
}

func ExampleTranslatedLanguages() {
	fmt.Println(TranslatedLanguages())
	// Output: [pl ur]
}
