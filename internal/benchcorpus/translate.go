package benchcorpus

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// What a school's translations are written from: the text of its YAML
// files and updates as the generator wrote it, and the ids and dates that
// key each item (I18N-DESIGN.md, "Content translations").
type record struct {
	summary    string  // the latest full inspection's summary
	monitoring []dated // monitoring inspections: start and outcome
	milestones []dated // date and note
	plan       []planArea
	meetings   []meeting
	views      []gathering
	updates    []updateOut
}

type dated struct{ date, text string }

type planArea struct {
	id, title string // title is "" when the plan area has none of its own
	actions   []action
	measures  []measureName
}

type action struct{ id, what, who, success, parents string }

type measureName struct{ id, name, unit string }

type meeting struct {
	key         string // its id, or "" when it has none (then keyed by start)
	kind, title string
	start       string // as written in meetings.yaml
	room        string // the location is room, school name, local authority
	access      string // "" when the meeting has no access note
	description string
}

type gathering struct {
	gathered, how string
	questions     []int // into questions
	themes        []theme
}

type theme struct{ id, said, did string }

// measureIDBase gives each measure a short id.
var measureIDBase = map[string]string{
	"Year 1 pupils passing the phonics screening check":                   "phonics-check",
	"Pupils at the expected standard in reading":                          "reading-standard",
	"Pupils at the expected standard in maths":                            "maths-standard",
	"Pupils' attendance (whole school)":                                   "attendance",
	"Pupils who are persistently absent":                                  "persistent-absence",
	"Lessons seen where pupils with SEND are well supported":              "send-lessons",
	"Pupils with a support plan written with their family":                "support-plans",
	"Pupils reading at the expected standard (Year 2 teacher assessment)": "reading-year-2",
}

// newID makes an id as a PSA would write one, from the first words of
// text, unique among used (which it adds to).
func newID(text string, used map[string]bool) string {
	parts := strings.Split(slugify(text), "-")
	base := strings.Join(parts[:min(4, len(parts))], "-")
	id := base
	for k := 2; used[id]; k++ {
		id = fmt.Sprintf("%s-%d", base, k)
	}
	used[id] = true
	return id
}

// TranslatedLanguages are the codes the corpus has sample text for.
func TranslatedLanguages() []string {
	var codes []string
	for c := range tongues {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return codes
}

// CheckLanguages says whether the corpus can be written in these
// languages: each must be one it has text for, and listed once.
func CheckLanguages(codes []string) error {
	seen := map[string]bool{}
	for _, c := range codes {
		if _, ok := tongues[c]; !ok {
			return fmt.Errorf("benchcorpus: no sample text for the language %q; there is text for %s", c, strings.Join(TranslatedLanguages(), ", "))
		}
		if seen[c] {
			return fmt.Errorf("benchcorpus: the language %q is listed twice", c)
		}
		seen[c] = true
	}
	return nil
}

// The shares of text a PSA's volunteers translate: most updates, nearly
// all of the inspection, most meetings, actions and views; the rest stays
// in English, as on a real site, so the build's English fallbacks are
// measured too.
const (
	shareUpdates  = 0.75
	shareYAML     = 0.9 // schools with a translations file at all
	shareMeetings = 0.8
	shareActions  = 0.75
	shareViews    = 0.8
)

// translated is one school's translation into one language.
type translated struct {
	files   []File // relative to the school's folder
	updates int    // translated updates
	yaml    bool   // whether it has translations/<code>.yaml
}

// tgen draws one school's translation into one language, from a stream of
// its own: the school's index and the language's code, so that adding a
// language changes nothing else in the corpus.
type tgen struct {
	rng *rand.Rand
	t   *tongue
}

func (g *tgen) chance(p float64) bool { return g.rng.Float64() < p }

func translateSchool(s *school, t *tongue, seed uint64, index int) translated {
	h := fnv.New64a()
	h.Write([]byte(t.code))
	g := &tgen{rng: rand.New(rand.NewPCG(seed^h.Sum64(), uint64(index)|1<<62)), t: t}
	var out translated
	for _, u := range s.rec.updates {
		if !g.chance(shareUpdates) {
			continue
		}
		var w yw
		w.WriteString("---\n")
		w.line(0, "title: %s", q(t.title(u.title)))
		if u.summary && g.chance(0.9) {
			w.line(0, "summary: %s", q(g.sentence()))
		}
		w.WriteString("---\n\n")
		w.WriteString(g.markdown(u.text))
		out.files = append(out.files, File{Path: "updates/" + strings.TrimSuffix(u.file, ".md") + "." + t.code + ".md", Data: w.Bytes()})
		out.updates++
	}
	if g.chance(shareYAML) {
		out.files = append(out.files, File{Path: "translations/" + t.code + ".yaml", Data: g.yaml(s)})
		out.yaml = true
	}
	return out
}

// yaml writes translations/<code>.yaml in the shape of I18N-DESIGN.md.
func (g *tgen) yaml(s *school) []byte {
	t := g.t
	var w yw
	w.line(0, "# %s (%s) for %s, written by internal/benchcorpus.", t.name, t.code, s.name)
	sections := []struct {
		key  string
		body []byte
	}{
		{"school", g.schoolSection(s)},
		{"inspections", g.inspectionsSection(s)},
		{"action_plan", g.planSection(s)},
		{"meetings", g.meetingsSection(s)},
		{"views", g.viewsSection(s)},
	}
	for _, sec := range sections {
		if len(sec.body) > 0 {
			w.line(0, "%s:", sec.key)
			w.Write(sec.body)
		}
	}
	return w.Bytes()
}

func (g *tgen) schoolSection(s *school) []byte {
	t := g.t
	var w yw
	if g.chance(0.9) {
		w.line(2, "psa:")
		w.line(4, "drop_in: %s", q(fmt.Sprintf(t.dropIn, t.weekdays[s.dropInDay])))
	}
	var ms yw
	for _, m := range s.rec.milestones {
		if g.chance(0.7) {
			ms.line(4, "%s: %s", m.date, q(g.sentence()))
		}
	}
	if ms.Len() > 0 {
		w.line(2, "milestones:")
		w.Write(ms.Bytes())
	}
	return w.Bytes()
}

func (g *tgen) inspectionsSection(s *school) []byte {
	t := g.t
	var w yw
	if g.chance(0.95) {
		w.line(2, "%s:", date(s.latest.start))
		w.block(4, "summary", inTranslations(g.markdown(s.rec.summary)))
		var as yw
		for _, a := range s.latest.areas {
			if g.chance(0.95) {
				as.line(6, "%s: %s", a.id, q(t.areas[a.id].text))
			}
		}
		if as.Len() > 0 {
			w.line(4, "areas_for_improvement:")
			w.Write(as.Bytes())
		}
	}
	for _, m := range s.rec.monitoring {
		if g.chance(0.85) {
			w.line(2, "%s:", m.date)
			w.block(4, "outcome", inTranslations(g.markdown(m.text)))
		}
	}
	return w.Bytes()
}

func (g *tgen) planSection(s *school) []byte {
	t := g.t
	var areas yw
	for _, pa := range s.rec.plan {
		if !g.chance(0.9) {
			continue
		}
		var a yw
		if pa.title != "" {
			a.line(6, "title: %s", q(t.areas[pa.id].title))
		}
		var acts yw
		for _, ac := range pa.actions {
			if ac.id == "" || !g.chance(shareActions) {
				continue
			}
			acts.line(8, "%s:", ac.id)
			acts.line(10, "what: %s", q(g.sentence()))
			acts.line(10, "who: %s", q(t.roles[ac.who]))
			acts.line(10, "success: %s", q(g.sentence()))
			if ac.parents != "" {
				acts.line(10, "parents: %s", q(g.sentence()))
			}
		}
		if acts.Len() > 0 {
			a.line(6, "actions:")
			a.Write(acts.Bytes())
		}
		var ms yw
		for _, m := range pa.measures {
			if m.id == "" || !g.chance(shareActions) {
				continue
			}
			ms.line(8, "%s:", m.id)
			ms.line(10, "name: %s", q(t.measures[m.name]))
			if m.unit != "%" {
				ms.line(10, "unit: %s", q(t.units[m.unit]))
			}
		}
		if ms.Len() > 0 {
			a.line(6, "measures:")
			a.Write(ms.Bytes())
		}
		if a.Len() > 0 {
			areas.line(4, "%s:", pa.id)
			areas.Write(a.Bytes())
		}
	}
	if areas.Len() == 0 {
		return nil
	}
	var w yw
	w.line(2, "areas:")
	w.Write(areas.Bytes())
	return w.Bytes()
}

func (g *tgen) meetingsSection(s *school) []byte {
	t := g.t
	// A meeting with no id is keyed by its start, which must then be its
	// own: one whose start another meeting shares stays in English.
	starts := map[string]int{}
	for _, m := range s.rec.meetings {
		starts[m.start]++
	}
	var w yw
	for _, m := range s.rec.meetings {
		if !g.chance(shareMeetings) {
			continue
		}
		switch {
		case m.key != "":
			w.line(2, "%s:", m.key)
		case starts[m.start] == 1:
			w.line(2, "%s:", q(m.start))
		default:
			continue
		}
		title := t.meetingTitles[m.title]
		if m.kind == "drop-in" {
			title = fmt.Sprintf(t.dropInTitle, s.psa)
		}
		w.line(4, "title: %s", q(title))
		w.block(4, "description", inTranslations(g.markdown(m.description)))
		w.line(4, "location: %s", q(t.rooms[m.room]+", "+s.name+", "+s.la))
		if m.access != "" {
			w.line(4, "access: %s", q(t.stepFree+" "+t.access[m.access]))
		}
	}
	return w.Bytes()
}

func (g *tgen) viewsSection(s *school) []byte {
	t := g.t
	var w yw
	for _, v := range s.rec.views {
		if !g.chance(shareViews) {
			continue
		}
		w.line(2, "%s:", v.gathered)
		w.line(4, "how: %s", q(t.hows[v.how]))
		var qs yw
		for _, qi := range v.questions {
			if g.chance(0.9) {
				qs.line(6, "%s:", questionIDs[qi])
				qs.line(8, "ask: %s", q(t.questions[qi]))
			}
		}
		if qs.Len() > 0 {
			w.line(4, "questions:")
			w.Write(qs.Bytes())
		}
		var ts yw
		for _, th := range v.themes {
			if th.id == "" || !g.chance(shareActions) {
				continue
			}
			ts.line(6, "%s:", th.id)
			ts.line(8, "said: %s", q(g.sentence()))
			if th.did != "" {
				ts.line(8, "did: %s", q(g.sentence()))
			}
		}
		if ts.Len() > 0 {
			w.line(4, "themes:")
			w.Write(ts.Bytes())
		}
	}
	return w.Bytes()
}

// sentence is one of the language's sample sentences, its slots filled.
func (g *tgen) sentence() string {
	t := g.t
	s := t.sentences[g.rng.IntN(len(t.sentences))]
	r := strings.NewReplacer(
		"{n}", fmt.Sprint(3+g.rng.IntN(38)),
		"{pct}", fmt.Sprint(20+g.rng.IntN(76)),
		"{date}", fmt.Sprintf("%d %s", 1+g.rng.IntN(28), t.months[g.rng.IntN(12)]),
	)
	return r.Replace(s)
}

// sentences returns sample sentences of about as many words as a text of
// n English words takes in the language.
func (g *tgen) sentences(n int) string {
	want := int(float64(n) * g.t.wordsPerEnglish)
	var ss []string
	for count := 0; count < want || len(ss) == 0; {
		s := g.sentence()
		ss = append(ss, s)
		count += words(s)
	}
	return wrapRunes(strings.Join(ss, " "))
}

// wrapRunes wraps text at about 95 characters, as wrap does English but
// counting characters, not bytes (Urdu's take two bytes each).
func wrapRunes(s string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		k := utf8.RuneCountInString(w)
		if i > 0 {
			if n+1+k > 95 {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += k
	}
	return b.String()
}

var (
	linkRE     = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]*)\)`)
	linkItemRE = regexp.MustCompile(`^- \[([^\]]*)\]\(([^)\s]*)\)$`)
)

// markdown translates Markdown as a translator would: block by block, the
// same headings, lists, table and picture, each paragraph about as long,
// and every link kept with its target (its text translated).
func (g *tgen) markdown(en string) string {
	t := g.t
	var out []string
	for _, b := range strings.Split(strings.TrimRight(en, "\n"), "\n\n") {
		switch {
		case strings.HasPrefix(b, "## "):
			out = append(out, "## "+t.headings[strings.TrimPrefix(b, "## ")])
		case strings.HasPrefix(b, "|"):
			out = append(out, t.table)
		case strings.HasPrefix(b, "!["):
			_, target, _ := strings.Cut(b, "](")
			out = append(out, "!["+t.chartAlt+"]("+target)
		case strings.HasPrefix(b, "- "):
			var items []string
			for _, l := range strings.Split(b, "\n") {
				if m := linkItemRE.FindStringSubmatch(l); m != nil {
					items = append(items, "- ["+t.linkText(m[1])+"]("+m[2]+")")
				} else {
					items = append(items, "- "+g.sentence())
				}
			}
			out = append(out, strings.Join(items, "\n"))
		default:
			p := g.sentences(words(linkRE.ReplaceAllString(b, "$1")))
			for _, m := range linkRE.FindAllStringSubmatch(b, -1) {
				p += " " + fmt.Sprintf(t.see, "["+t.linkText(m[1])+"]("+m[2]+")")
			}
			out = append(out, wrapRunes(p))
		}
	}
	return strings.Join(out, "\n\n") + "\n"
}

// inTranslations moves the relative links of Markdown written for a
// school's YAML files (schools/<slug>/) to where its translation is
// written (schools/<slug>/translations/), one folder further down: a link
// is relative to the file it is in.
func inTranslations(md string) string {
	return linkTargetRE.ReplaceAllStringFunc(md, func(m string) string {
		target := m[2 : len(m)-1]
		if target == "" || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "/") || strings.Contains(target, ":") {
			return m
		}
		return "](../" + target + ")"
	})
}

var linkTargetRE = regexp.MustCompile(`\]\([^)\s]*\)`)

// title translates an update's title: its base, and the month (or month
// and year) the generator adds to it.
func (t *tongue) title(en string) string {
	if v, ok := t.titles[en]; ok {
		return v
	}
	if base, rest, ok := strings.Cut(en, " ("); ok {
		var month string
		var year int
		if _, err := fmt.Sscanf(strings.TrimSuffix(rest, ")"), "%s %d", &month, &year); err == nil {
			return fmt.Sprintf("%s (%s %d)", t.title(base), t.month(month), year)
		}
	}
	if i := strings.LastIndex(en, ": "); i >= 0 {
		if v, ok := t.titles[en[:i]]; ok {
			return v + ": " + t.month(en[i+2:])
		}
	}
	panic(fmt.Sprintf("benchcorpus: no %s title for %q", t.code, en))
}

// month is the language's name of an English month, standing alone.
func (t *tongue) month(en string) string {
	for i, m := range englishMonths {
		if m == en {
			return t.monthNames[i]
		}
	}
	panic(fmt.Sprintf("benchcorpus: %q is not a month", en))
}

var englishMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// linkText translates the text of a link the generator writes.
func (t *tongue) linkText(en string) string {
	en = strings.Join(strings.Fields(en), " ") // wrapped over lines
	if v, ok := t.links[en]; ok {
		return v
	}
	if rest, ok := strings.CutPrefix(en, "An earlier update: "); ok {
		return t.earlier + t.title(rest)
	}
	for cat, w := range categoryWords {
		if w == en {
			return t.categories[cat]
		}
	}
	return t.more
}
