package benchcorpus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// schoolOut is one school's folder.
type schoolOut struct {
	slug                     string
	files                    []File // relative to the school's folder
	updates, meetings, words int
	school                   *school // what its translations are written from
}

// school is what the other files of a school need to know about it.
type school struct {
	name, slug, phase, la string
	psa                   string
	latest                inspection
	hasPlan, hasViews     bool
	dropInDay             int    // index into weekdays
	rec                   record // the text a translation may translate, as written
}

type inspection struct {
	start     time.Time
	framework string
	category  string
	areas     []area
}

type area struct{ id, text, title string }

var (
	placeStarts = []string{"Ash", "Beech", "Brack", "Bramble", "Brook", "Chal", "Clay", "Cold", "Copper", "Elm",
		"Fern", "Fox", "Glen", "Green", "Hazel", "Heath", "Hol", "Kings", "Lark", "Lime", "Long", "Mar", "Mill",
		"Moor", "New", "Oak", "Pen", "Quarry", "Red", "Rose", "Sand", "Stan", "Stone", "Sun", "Thorn", "Water",
		"West", "Whit", "Willow", "Wren"}
	placeEnds = []string{"bank", "bridge", "brook", "bury", "by", "combe", "dale", "don", "field", "ford", "gate",
		"ham", "hill", "hurst", "ley", "mead", "moor", "mount", "side", "stead", "ton", "vale", "well", "wick", "wood"}
	saints = []string{"St Mary's", "St Peter's", "St Joseph's", "Holy Trinity", "St Andrew's", "All Saints", "St Anne's", "Christ Church"}
	las    = []string{"Plymouth", "Cornwall", "Devon", "Torbay", "Somerset", "Bristol", "Birmingham", "Leeds", "Manchester",
		"Liverpool", "Sheffield", "Bradford", "Kent", "Essex", "Norfolk", "Suffolk", "Cumberland", "Durham", "Northumberland",
		"Hull", "Lincolnshire", "Nottingham", "Derby", "Leicester", "Coventry", "Stoke-on-Trent", "Portsmouth", "Southampton",
		"Hampshire", "Oxfordshire", "Luton", "Peterborough", "Blackpool", "Lancashire", "Wigan", "Bolton", "Newham", "Croydon",
		"Lambeth", "Hackney"}
	firstNames = []string{"Alex", "Amina", "Bronwen", "Chris", "Dev", "Ellen", "Farah", "Gareth", "Hannah", "Imran", "Jo",
		"Kerry", "Leanne", "Marcus", "Nadia", "Owen", "Priya", "Rachel", "Sam", "Tariq", "Una", "Vicky", "Wendy", "Yusuf"}
	surnames = []string{"Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fisher", "Green", "Holt", "Iqbal", "Jones",
		"Khan", "Lewis", "Morgan", "Nowak", "Okafor", "Patel", "Price", "Quinn", "Roberts", "Singh", "Taylor", "Walsh"}
)

// phases are drawn with these weights (per 100 schools).
var phaseWeights = []struct {
	phase  string
	weight int
	kinds  []string
}{
	{"primary", 60, []string{"Primary School", "Primary Academy", "Infant School", "Junior School", "Church of England Primary School", "Community Primary School"}},
	{"secondary", 25, []string{"Academy", "High School", "Community College", "School", "Secondary School"}},
	{"special", 5, []string{"Special School", "School"}},
	{"pru", 4, []string{"Pupil Referral Unit", "Short Stay School"}},
	{"all-through", 3, []string{"All-Through School", "Academy"}},
	{"nursery", 3, []string{"Nursery School"}},
}

func (g *gen) school(taken map[string]bool) schoolOut {
	n := g.rng.IntN(100)
	pw := phaseWeights[len(phaseWeights)-1]
	for _, p := range phaseWeights {
		if n < p.weight {
			pw = p
			break
		}
		n -= p.weight
	}
	place := pick(g, placeStarts) + pick(g, placeEnds)
	name := place + " " + pick(g, pw.kinds)
	if pw.phase == "primary" && g.chance(0.15) {
		name = pick(g, saints) + " " + pick(g, []string{"Catholic Primary School", "Church of England Primary School", "Primary School"}) + ", " + place
	}
	slug := slugify(name)
	for k := 2; taken[slug]; k++ {
		slug = slugify(name) + "-" + strconv.Itoa(k)
	}
	taken[slug] = true
	// A PSA looks after a few schools: the same PSA for neighbouring indexes.
	pr := newRandFor(g, g.index/4)
	psa := pick(pr, firstNames) + " " + pick(pr, surnames)
	s := &school{name: name, slug: slug, phase: pw.phase, la: pick(g, las), psa: psa,
		hasPlan: g.chance(0.9), hasViews: g.chance(0.8)}

	var out schoolOut
	out.slug = slug
	add := func(p string, b []byte) { out.files = append(out.files, File{Path: p, Data: b}) }
	add("school.yaml", g.schoolYAML(s))
	if s.hasPlan {
		add("action-plan.yaml", g.planYAML(s))
	}
	meetings, nMeetings := g.meetingsYAML(s)
	add("meetings.yaml", meetings)
	out.meetings = nMeetings
	if s.hasViews {
		add("views.yaml", g.viewsYAML(s))
	}
	add("files/action-plan.pdf", pdf(s.name+" action plan"))
	add("files/progress-chart.svg", chartSVG(g))
	ups := g.updates(s)
	s.rec.updates = ups
	for _, u := range ups {
		add("updates/"+u.file, u.body)
		out.words += u.words
	}
	out.updates = len(ups)
	out.school = s
	return out
}

// newRandFor returns a generator seeded from the school's seed stream and k,
// for choices shared between schools (a PSA looks after several).
func newRandFor(g *gen, k int) *gen {
	return &gen{rng: rand.New(rand.NewPCG(g.seed, uint64(k)|1<<63)), now: g.now, seed: g.seed}
}

// slugify makes a folder name: lower-case words joined by hyphens.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'':
		default:
			dash = true
		}
	}
	return b.String()
}

// frameworks: the share of schools whose latest full inspection is under
// each framework, the dates it was used, its judgement areas, and its
// categories with their shares. Schools on a Parent Partnership's list
// were mostly inspected recently, so the older frameworks are rare.
type framework struct {
	key        string
	weight     int
	from, to   time.Time
	areas      []string // judgement areas; report-card areas are fixed by the format
	sixth      string   // the sixth-form area, for secondary and all-through schools
	early      string   // the early years area, for primary, nursery and all-through schools
	categories []struct {
		cat    string
		weight int
	}
	safeguarding []string
}

func d(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC) }

var frameworks = []framework{
	{key: "report-card-2025", weight: 45, from: d(2025, 11, 10), to: d(2026, 10, 30),
		areas: []string{"Inclusion", "Curriculum and teaching", "Achievement", "Attendance and behaviour", "Personal development and well-being", "Leadership and governance"},
		sixth: "Sixth form", early: "Early years",
		categories: []struct {
			cat    string
			weight int
		}{{"requires-significant-improvement", 45}, {"special-measures", 15}, {"none", 40}},
		safeguarding: []string{"met", "not met"}},
	{key: "eif-2019", weight: 40, from: d(2019, 9, 10), to: d(2025, 7, 15),
		areas: []string{"Quality of education", "Behaviour and attitudes", "Personal development", "Leadership and management"},
		sixth: "Sixth-form provision", early: "Early years provision",
		categories: []struct {
			cat    string
			weight int
		}{{"requires-improvement", 50}, {"serious-weaknesses", 20}, {"special-measures", 30}},
		safeguarding: []string{"effective", "not effective"}},
	{key: "cif-2012", weight: 10, from: d(2012, 9, 10), to: d(2019, 7, 15),
		areas: []string{"Achievement of pupils", "Quality of teaching", "Behaviour and safety of pupils", "Leadership and management"},
		categories: []struct {
			cat    string
			weight int
		}{{"requires-improvement", 50}, {"serious-weaknesses", 25}, {"special-measures", 25}},
		safeguarding: []string{"effective", "not effective"}},
	{key: "2009", weight: 5, from: d(2009, 9, 14), to: d(2012, 7, 13),
		areas: []string{"Outcomes for pupils", "Quality of provision", "Leadership and management", "Capacity for sustained improvement"},
		categories: []struct {
			cat    string
			weight int
		}{{"notice-to-improve", 60}, {"special-measures", 40}}},
}

// areaPool is what inspectors ask schools to improve.
var areaPool = []area{
	{"reading", "Make sure the teaching of early reading and phonics is consistent, that staff are well trained, and that pupils read books matched to the sounds they know.", "Early reading and phonics"},
	{"maths", "Improve the teaching of mathematics so that pupils build their knowledge securely and can use it to solve problems.", "Mathematics"},
	{"writing", "Raise standards in writing so that pupils write accurately and at length across the curriculum.", "Writing"},
	{"send", "Make sure pupils with special educational needs and disabilities are identified quickly and that teachers adapt their teaching so these pupils learn well.", "Support for pupils with SEND"},
	{"leadership", "Make sure leaders, including those responsible for governance, check the quality of education accurately and hold staff to account for improving it.", "Leadership and governance"},
	{"attendance", "Improve attendance, especially of disadvantaged pupils, so that fewer pupils miss school regularly.", "Attendance"},
	{"behaviour", "Make sure expectations of behaviour are high and applied consistently so that lessons are not disrupted.", "Behaviour"},
	{"curriculum", "Plan the curriculum in every subject so that pupils learn the important knowledge in a sensible order.", "The curriculum"},
	{"assessment", "Make sure teachers check what pupils know and use this to address gaps in their learning.", "Checking what pupils know"},
	{"safeguarding", "Make sure safeguarding records are complete and that all staff act on concerns quickly.", "Keeping pupils safe"},
	{"early-years", "Improve the early years so that children develop the language and communication they need for Year 1.", "The early years"},
	{"personal-development", "Strengthen pupils' personal development, including their understanding of healthy relationships and staying safe online.", "Personal development"},
}

func (g *gen) framework() framework {
	n := g.rng.IntN(100)
	for _, f := range frameworks {
		if n < f.weight {
			return f
		}
		n -= f.weight
	}
	return frameworks[0]
}

func (g *gen) category(f framework) string {
	n := g.rng.IntN(100)
	for _, c := range f.categories {
		if n < c.weight {
			return c.cat
		}
		n -= c.weight
	}
	return f.categories[0].cat
}

// grades draws the judgements of a full inspection that fit its category.
func (g *gen) grades(f framework, cat, phase string) (overall string, js [][2]string, safeguarding string) {
	areas := append([]string(nil), f.areas...)
	if f.early != "" && (phase == "primary" || phase == "nursery" || phase == "all-through") {
		areas = append(areas, f.early)
	}
	if f.sixth != "" && (phase == "secondary" || phase == "all-through") && g.chance(0.6) {
		areas = append(areas, f.sixth)
	}
	if f.key == "report-card-2025" {
		fine := []string{"strong standard", "expected standard", "expected standard", "needs attention"}
		for _, a := range areas {
			js = append(js, [2]string{a, pick(g, fine)})
		}
		safeguarding = "met"
		switch cat {
		case "none": // needs attention somewhere, nothing urgent
			js[g.rng.IntN(len(js))][1] = "needs attention"
		case "requires-significant-improvement":
			js[g.rng.IntN(len(js))][1] = "urgent improvement"
			if g.chance(0.2) {
				safeguarding = "not met"
			}
		case "special-measures":
			js[1][1] = "urgent improvement" // curriculum and teaching
			js[5][1] = "urgent improvement" // leadership and governance
			if g.chance(0.4) {
				safeguarding = "not met"
			}
		}
		return "", js, safeguarding
	}
	scale := []string{"outstanding", "good", "requires improvement", "inadequate"}
	if f.key == "2009" {
		scale[2] = "satisfactory"
	}
	word := func(i int) string {
		if g.chance(0.1) {
			return strconv.Itoa(i + 1) // the format accepts 1-4 for these frameworks
		}
		return scale[i]
	}
	worst := 3
	if cat == "requires-improvement" {
		worst = 2
	}
	for k, a := range areas {
		gi := g.intn(1, worst)
		if k == 0 {
			gi = worst // quality of education (or its equivalent) carries the category
		}
		js = append(js, [2]string{a, word(gi)})
	}
	overall = word(worst)
	if len(f.safeguarding) > 0 {
		safeguarding = "effective"
		if cat == "special-measures" && g.chance(0.3) {
			safeguarding = "not effective"
		}
	}
	return overall, js, safeguarding
}

var noOverallFrom = d(2024, 9, 1)

// schoolYAML writes school.yaml and chooses the school's latest full
// inspection, which the other files follow.
func (g *gen) schoolYAML(s *school) []byte {
	var w yw
	g.identityYAML(&w, s)
	g.psaYAML(&w, s)
	f := g.latestInspection(s)
	w.line(0, "inspections:")
	g.earlierInspectionYAML(&w, f)
	g.latestInspectionYAML(&w, s, f)
	g.monitoringYAML(&w, s, f)
	if g.chance(0.6) {
		g.milestonesYAML(&w, s)
	}
	if g.chance(0.3) {
		w.WriteByte('\n')
		w.line(0, "x_notes: %s", q("PSA only. "+g.sentence()))
	}
	return w.Bytes()
}

// identityYAML writes who the school is: name, URN, phase, address,
// website and headteacher.
func (g *gen) identityYAML(w *yw, s *school) {
	w.line(0, "name: %s", q(s.name))
	w.line(0, "urn: \"%06d\"", 100000+g.index%900000)
	w.line(0, "phase: %s", s.phase)
	w.line(0, "local_authority: %s", q(s.la))
	w.line(0, "address: %s", q(fmt.Sprintf("%d %s Road, %s %s%d %dAB", g.intn(1, 120), strings.Fields(s.name)[0], s.la, "PL", g.intn(1, 30), g.intn(1, 9))))
	w.line(0, "website: https://%s.schools.example.org/", s.slug)
	w.line(0, "headteacher: %s", q(pick(g, []string{"Mrs", "Mr", "Ms", "Dr"})+" "+pick(g, firstNames)[:1]+" "+pick(g, surnames)))
	if g.chance(0.1) {
		w.line(0, "draft: false")
	}
	w.WriteByte('\n')
}

// psaYAML writes how parents reach the school's PSA and the ways they can
// give their views.
func (g *gen) psaYAML(w *yw, s *school) {
	psaSlug := strings.ReplaceAll(strings.ToLower(s.psa), " ", ".")
	w.line(0, "psa:")
	w.line(2, "name: %s", q(s.psa))
	w.line(2, "email: %s@example.org", psaSlug)
	w.line(2, "phone: \"01752 %06d\"", g.index%1000000)
	if g.chance(0.7) {
		w.line(2, "text: \"07700 %06d\"", 900000+g.index%100000)
	}
	s.dropInDay = g.rng.IntN(len(weekdays)) // as pick(g, weekdays) draws it
	w.line(2, "drop_in: %s", q(weekdays[s.dropInDay]+"s, 8:30 to 9:30am, in the family room"))
	w.WriteByte('\n')
	w.line(0, "give_views:")
	views := []string{
		"[Ofsted Parent View](https://parentview.ofsted.gov.uk/): tell Ofsted what you think of the school at any time.",
		"Text or phone " + strings.Fields(s.psa)[0] + ". You do not need to give your name.",
		"Use the suggestion box in the school reception.",
		fmt.Sprintf("[This term's questionnaire for parents and carers](https://forms.example.org/%s) is open until the end of term.", s.slug),
		"Come to a focus group. Dates are on the [meetings page](meetings.yaml).",
	}
	for _, v := range views[:g.intn(2, len(views))] {
		w.line(2, "- %s", q(v))
	}
	w.WriteByte('\n')
}

// latestInspection chooses the school's latest full inspection (its
// framework, category, date and areas for improvement) into s.latest, and
// returns its framework.
func (g *gen) latestInspection(s *school) framework {
	f := g.framework()
	cat := g.category(f)
	latestTo := earliest(f.to, day(g.now, -40))
	start := g.between(f.from, latestTo)
	ids := g.rng.Perm(len(areaPool))[:g.intn(2, 4)]
	var areas []area
	for _, i := range ids {
		areas = append(areas, areaPool[i])
	}
	s.latest = inspection{start: start, framework: f.key, category: cat, areas: areas}
	return f
}

// earlierInspectionYAML sometimes writes an older full inspection, under
// the framework before f, that found the school good: the category is new.
func (g *gen) earlierInspectionYAML(w *yw, f framework) {
	if g.chance(0.3) && f.key != "2009" {
		var prev framework
		for i, fw := range frameworks {
			if fw.key == f.key {
				prev = frameworks[i+1]
			}
		}
		ps := g.between(prev.from, earliest(prev.to, day(noOverallFrom, -1)))
		w.line(2, "- start: %s", date(ps))
		w.line(4, "end: %s", date(day(ps, 1)))
		w.line(4, "framework: %s", prev.key)
		w.line(4, "overall: good")
		w.line(4, "report_url: https://reports.ofsted.example.org/provider/21/%06d/%s", 100000+g.index%900000, date(ps))
	}
}

// latestInspectionYAML writes the latest full inspection: its judgements,
// category, summary and areas for improvement.
func (g *gen) latestInspectionYAML(w *yw, s *school, f framework) {
	start, cat := s.latest.start, s.latest.category
	overall, js, sg := g.grades(f, cat, s.phase)
	w.line(2, "- start: %s", date(start))
	if g.chance(0.8) {
		w.line(4, "type: full")
	}
	w.line(4, "end: %s", date(day(start, g.intn(1, 2))))
	if pub := day(start, g.intn(20, 40)); pub.Before(g.now) {
		w.line(4, "published: %s", date(pub))
	}
	w.line(4, "framework: %s", f.key)
	if overall != "" && start.Before(noOverallFrom) {
		w.line(4, "overall: %s", q(overall))
	}
	w.line(4, "judgements:")
	for _, j := range js {
		w.line(6, "- area: %s", q(j[0]))
		w.line(8, "grade: %s", q(j[1]))
	}
	if sg != "" {
		w.line(4, "safeguarding: %s", q(sg))
	}
	if cat != "none" || g.chance(0.5) {
		w.line(4, "category: %s", cat)
	}
	w.line(4, "report_url: https://reports.ofsted.example.org/provider/21/%06d", 100000+g.index%900000)
	summary := g.inspectionSummary(s, cat)
	s.rec.summary = summary
	w.block(4, "summary", summary)
	w.line(4, "areas_for_improvement:")
	for _, a := range s.latest.areas {
		w.line(6, "- id: %s", a.id)
		w.line(8, "text: %s", q(a.text))
	}
}

// monitoringYAML writes the monitoring inspections that follow a category,
// every few months, up to a month before now.
func (g *gen) monitoringYAML(w *yw, s *school, f framework) {
	latest := s.latest
	if latest.category != "none" && latest.category != "requires-improvement" {
		t := day(latest.start, g.intn(90, 150))
		for k := 0; k < 3 && t.Before(day(g.now, -30)); k++ {
			w.line(2, "- start: %s", date(t))
			w.line(4, "type: monitoring")
			w.line(4, "end: %s", date(day(t, 1)))
			w.line(4, "framework: %s", f.key)
			w.line(4, "report_url: https://reports.ofsted.example.org/provider/21/%06d/%s", 100000+g.index%900000, date(t))
			outcome := g.para(2, 4)
			s.rec.monitoring = append(s.rec.monitoring, dated{date(t), outcome})
			w.block(4, "outcome", outcome)
			t = day(t, g.intn(120, 200))
		}
	}
}

// milestonesYAML writes the first few steps after the inspection that
// began on start, those already past.
func (g *gen) milestonesYAML(w *yw, s *school) {
	start := s.latest.start
	w.WriteByte('\n')
	w.line(0, "milestones:")
	kinds := []string{"draft-report-comments", "report-published", "statement-of-action", "parents-meeting"}
	at := start
	for _, k := range kinds[:g.intn(1, len(kinds))] {
		at = day(at, g.intn(5, 20))
		if !at.Before(g.now) {
			break
		}
		w.line(2, "- kind: %s", k)
		w.line(4, "date: %s", date(at))
		note := g.sentence()
		s.rec.milestones = append(s.rec.milestones, dated{date(at), note})
		w.line(4, "note: %s", q(note))
	}
}

var categoryWords = map[string]string{
	"special-measures":                 "special measures",
	"serious-weaknesses":               "serious weaknesses",
	"notice-to-improve":                "notice to improve",
	"requires-significant-improvement": "requires significant improvement",
	"requires-improvement":             "requires improvement",
}

func (g *gen) inspectionSummary(s *school, cat string) string {
	var b strings.Builder
	if w, ok := categoryWords[cat]; ok {
		fmt.Fprintf(&b, "Inspectors judged that the school needs to improve, and put it in [%s](../../pages/glossary.md#%s).\n", w, cat)
	} else {
		b.WriteString("Inspectors found some areas that need attention, which Ofsted will monitor.\n")
	}
	b.WriteString(g.sentence() + "\n\n")
	b.WriteString(g.para(3, 5) + "\n\n" + g.para(2, 4))
	return b.String()
}

func (g *gen) planYAML(s *school) []byte {
	var w yw
	w.line(0, "updated: %s", date(day(g.now, -g.intn(3, 40))))
	w.line(0, "plan_url: files/action-plan.pdf")
	w.line(0, "areas:")
	statuses := []string{"not-started", "on-track", "on-track", "on-track", "at-risk", "off-track", "done", "done"}
	actionIDs, measureIDs := map[string]bool{}, map[string]bool{}
	for _, a := range s.latest.areas {
		pa := planArea{id: a.id}
		w.line(2, "- for: %s", a.id)
		if g.chance(0.7) {
			pa.title = a.title
			w.line(4, "title: %s", q(a.title))
		}
		w.line(4, "actions:")
		for range g.intn(2, 5) {
			var ac action
			ac.what = g.sentence()
			w.line(6, "- what: %s", q(ac.what))
			if g.ids {
				ac.id = newID(ac.what, actionIDs)
				w.line(8, "id: %s", ac.id)
			}
			ac.who = pick(g, roles)
			w.line(8, "who: %s", q(ac.who))
			w.line(8, "by: %s", date(g.between(day(s.latest.start, 30), day(g.now, 240))))
			if st := pick(g, statuses); st != "not-started" || g.chance(0.5) {
				w.line(8, "status: %s", st)
			}
			ac.success = g.sentence()
			w.line(8, "success: %s", q(ac.success))
			if g.chance(0.4) {
				ac.parents = g.sentence()
				w.line(8, "parents: %s", q(ac.parents))
			}
			pa.actions = append(pa.actions, ac)
			if g.chance(0.1) {
				w.line(8, "x_notes: %s", q("PSA only. "+g.sentence()))
			}
		}
		w.line(4, "measures:")
		for range g.intn(1, 2) {
			pct := g.chance(0.8)
			m := measureName{name: pick(g, measureNames), unit: "%"}
			w.line(6, "- name: %s", q(m.name))
			if g.ids {
				m.id = newID(measureIDBase[m.name], measureIDs)
				w.line(8, "id: %s", m.id)
			}
			if pct {
				w.line(8, "unit: \"%%\"")
			} else {
				m.unit = pick(g, []string{"pupils", "days", "incidents"})
				w.line(8, "unit: %s", m.unit)
			}
			pa.measures = append(pa.measures, m)
			higher := !(!pct && g.chance(0.5))
			if !higher {
				w.line(8, "higher_is_better: false")
			}
			v := float64(g.intn(30, 70))
			if g.chance(0.8) {
				w.line(8, "target: %d", g.intn(70, 95))
			}
			w.line(8, "points:")
			t := day(s.latest.start, -g.intn(200, 400))
			for range g.intn(3, 8) {
				w.line(10, "- { date: %s, value: %s }", date(t), strconv.FormatFloat(v, 'f', -1, 64))
				t = day(t, g.intn(30, 120))
				v = min(100, max(0, v+float64(g.intn(-30, 80))/10))
			}
		}
		s.rec.plan = append(s.rec.plan, pa)
	}
	return w.Bytes()
}

// roles are who leads an action.
var roles = []string{"Headteacher", "Deputy headteacher", "Reading lead", "Maths lead", "SENCO", "Chair of governors", "Attendance officer", "Local authority adviser"}

var measureNames = []string{
	"Year 1 pupils passing the phonics screening check",
	"Pupils at the expected standard in reading",
	"Pupils at the expected standard in maths",
	"Pupils' attendance (whole school)",
	"Pupils who are persistently absent",
	"Lessons seen where pupils with SEND are well supported",
	"Pupils with a support plan written with their family",
	"Pupils reading at the expected standard (Year 2 teacher assessment)",
}

var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}

// membersOnly reports whether a kind of meeting is not open to all
// parents and carers, as the format has it when `open_to` is left out.
func membersOnly(kind string) bool {
	switch kind {
	case "review-group", "governors", "monitoring-visit", "inspection":
		return true
	}
	return false
}

// meetingsYAML writes 8 to 15 meetings: a review group, drop-ins and
// governors' meetings that repeat, and one-off focus groups, workshops and
// parents' meetings, some cancelled, some tentative, one all-day.
func (g *gen) meetingsYAML(s *school) ([]byte, int) {
	var w yw
	n := g.intn(8, 15)
	g.reviewGroupYAML(&w, s)
	g.dropInYAML(&w, s)
	g.governorsYAML(&w, s)
	g.oneOffMeetingsYAML(&w, s, n)
	return w.Bytes(), n
}

// meetingBasicsYAML writes what every meeting has: its kind, where it is,
// who it is for and how to get in.
func (g *gen) meetingBasicsYAML(w *yw, s *school, m *meeting) {
	kind := m.kind
	loc := s.name + ", " + s.la
	w.line(2, "kind: %s", kind)
	m.room = pick(g, rooms)
	w.line(2, "location: %s", q(m.room+", "+loc))
	if g.chance(0.3) {
		w.line(2, "online: https://meet.example.org/%s-%d", s.slug, g.rng.IntN(10000))
	}
	audience := pick(g, []string{"Open to all parents and carers", "Parents and carers of children in Reception to Year 2", "Members of the School Review Group only"})
	if membersOnly(kind) {
		// Who may come follows the kind (content.Meeting.OpenToAll);
		// the pick stays, so that the rest of the corpus is as it was.
		audience = "Members of the group only"
	}
	w.line(2, "audience: %s", q(audience))
	if g.chance(0.7) {
		m.access = pick(g, accessNotes)
		w.line(2, "access: %s", q("Step-free access. "+m.access))
	}
}

var (
	rooms       = []string{"Family room", "School hall", "Library", "Community centre"}
	accessNotes = []string{"Creche available.", "Interpreters on request.", "Hearing loop in the hall.", "Toddlers welcome."}
)

// reviewGroupYAML writes the review group: every 6 weeks until the summer,
// with a half-term gap.
func (g *gen) reviewGroupYAML(w *yw, s *school) {
	first := day(s.latest.start, g.intn(30, 60))
	if first.Before(day(g.now, -300)) {
		first = day(g.now, -g.intn(60, 200))
	}
	first = weekday(first)
	m := meeting{key: "review-group", kind: "review-group", title: "School Review Group", start: date(first) + "T16:00"}
	w.line(0, "- title: School Review Group")
	w.line(2, "id: review-group")
	g.meetingBasicsYAML(w, s, &m)
	w.line(2, "start: %sT16:00", date(first))
	w.line(2, "end: %sT17:30", date(first))
	w.line(2, "repeat:")
	w.line(4, "every: 6 weeks")
	w.line(4, "until: %s", date(day(first, 7*6*g.intn(4, 8)+3)))
	w.line(4, "except: [%s]", date(day(first, 7*6*2)))
	w.line(2, "status: confirmed")
	m.description = g.para(2, 3)
	w.block(2, "description", m.description)
	w.WriteByte('\n')
	s.rec.meetings = append(s.rec.meetings, m)
}

// dropInYAML writes the PSA's weekly drop-in, a set number of times.
func (g *gen) dropInYAML(w *yw, s *school) {
	dropIn := weekday(day(g.now, -g.intn(14, 60)))
	m := meeting{key: "psa-drop-in", kind: "drop-in", title: "Drop-in with " + s.psa, start: date(dropIn) + "T08:30"}
	w.line(0, "- title: %s", q(m.title))
	w.line(2, "id: psa-drop-in")
	g.meetingBasicsYAML(w, s, &m)
	w.line(2, "start: %sT08:30", date(dropIn))
	w.line(2, "end: %sT09:30", date(dropIn))
	w.line(2, "repeat:")
	w.line(4, "every: 1 week")
	w.line(4, "count: %d", g.intn(6, 20))
	m.description = g.para(1, 2)
	w.block(2, "description", m.description)
	w.WriteByte('\n')
	s.rec.meetings = append(s.rec.meetings, m)
}

// governorsYAML writes the governors' monthly coffee morning, on a day
// every month has.
func (g *gen) governorsYAML(w *yw, s *school) {
	gov := d(g.now.Year(), g.now.Month()-time.Month(g.intn(1, 3)), g.intn(1, 28))
	m := meeting{key: "governors-coffee", kind: "governors", title: "Coffee morning with the chair of governors", start: date(gov) + "T09:00"}
	w.line(0, "- title: Coffee morning with the chair of governors")
	w.line(2, "id: governors-coffee")
	g.meetingBasicsYAML(w, s, &m)
	w.line(2, "start: %sT09:00", date(gov))
	w.line(2, "repeat:")
	w.line(4, "every: 1 month")
	w.line(4, "count: %d", g.intn(3, 9))
	w.line(2, "status: %s", pick(g, []string{"confirmed", "tentative"}))
	m.description = g.para(1, 2)
	w.block(2, "description", m.description)
	w.WriteByte('\n')
	s.rec.meetings = append(s.rec.meetings, m)
}

// oneOffMeetingsYAML writes one-off meetings, on distinct days, to make n
// meetings with the three series.
func (g *gen) oneOffMeetingsYAML(w *yw, s *school, n int) {
	kinds := []string{"focus-group", "workshop", "parents-meeting", "monitoring-visit", "other", "focus-group", "workshop"}
	titles := map[string][]string{
		"focus-group":      {"Focus group for parents and carers", "Evening focus group", "Focus group on SEND support"},
		"workshop":         {"Phonics workshop for parents and carers", "Maths at home workshop", "Online safety workshop"},
		"parents-meeting":  {"Meeting for parents and carers with the headteacher", "Meeting about the inspection report"},
		"monitoring-visit": {"Ofsted monitoring visit"},
		"other":            {"World Book Day: parents and carers welcome in class", "Sports day", "Open morning"},
	}
	at := day(g.now, -g.intn(100, 160))
	for k := 3; k < n; k++ {
		at = weekday(day(at, g.intn(7, 30)))
		kind := pick(g, kinds)
		title := pick(g, titles[kind])
		m := meeting{kind: kind, title: title}
		w.line(0, "- title: %s", q(title))
		if g.chance(0.3) {
			m.key = fmt.Sprintf("%s-%d", kind, k)
			w.line(2, "id: %s", m.key)
		}
		g.meetingBasicsYAML(w, s, &m)
		if kind == "other" && g.chance(0.5) {
			m.start = date(at)
			w.line(2, "start: %s", m.start) // all day
		} else {
			h := pick(g, []int{9, 14, 15, 18})
			m.start = fmt.Sprintf("%sT%02d:%02d", date(at), h, pick(g, []int{0, 15, 30, 45}))
			w.line(2, "start: %s", m.start)
			if g.chance(0.8) {
				w.line(2, "end: %sT%02d:%02d", date(at), h+1, pick(g, []int{0, 15, 30}))
			}
		}
		switch {
		case g.chance(0.08):
			w.line(2, "status: cancelled")
		case g.chance(0.1):
			w.line(2, "status: tentative")
		case g.chance(0.5):
			w.line(2, "status: confirmed")
		}
		m.description = g.para(1, 3)
		w.block(2, "description", m.description)
		if g.chance(0.1) {
			w.line(2, "x_notes: %s", q("PSA only. "+g.sentence()))
		}
		w.WriteByte('\n')
		s.rec.meetings = append(s.rec.meetings, m)
	}
}

func earliest(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// weekday moves a weekend date to the Monday after.
func weekday(t time.Time) time.Time {
	switch t.Weekday() {
	case time.Saturday:
		return day(t, 2)
	case time.Sunday:
		return day(t, 1)
	}
	return t
}

func (g *gen) viewsYAML(s *school) []byte {
	var w yw
	t := day(g.now, -g.intn(300, 400))
	for range g.intn(2, 5) {
		t = day(t, g.intn(30, 90))
		if !t.Before(g.now) {
			break
		}
		v := gathering{gathered: date(t)}
		w.line(0, "- gathered: %s", v.gathered)
		questionnaire := g.chance(0.5)
		if questionnaire {
			v.how = questionnaireHow
			w.line(2, "how: %s", v.how)
		} else {
			v.how = pick(g, viewsHows)
			w.line(2, "how: %s", q(v.how))
		}
		resp := g.intn(8, 150)
		w.line(2, "responses: %d", resp)
		if questionnaire {
			w.line(2, "invited: %d", resp+g.intn(20, 300))
			w.line(2, "questions:")
			for _, qi := range g.rng.Perm(len(questions))[:g.intn(3, 6)] {
				agree := g.intn(20, 90)
				disagree := g.intn(0, 100-agree)
				w.line(4, "- ask: %s", q(questions[qi]))
				if g.ids {
					w.line(6, "id: %s", questionIDs[qi])
				}
				v.questions = append(v.questions, qi)
				w.line(6, "agree: %d", agree)
				w.line(6, "disagree: %d", disagree)
				w.line(6, "dont_know: %d", 100-agree-disagree)
			}
		}
		w.line(2, "themes:")
		themeIDs := map[string]bool{}
		for range g.intn(2, 4) {
			var th theme
			th.said = g.sentence()
			w.line(4, "- said: %s", q(th.said))
			if g.ids {
				th.id = newID(th.said, themeIDs)
				w.line(6, "id: %s", th.id)
			}
			st := pick(g, []string{"open", "in-progress", "done", "done"})
			if st != "open" {
				th.did = g.sentence()
				w.line(6, "did: %s", q(th.did))
			}
			w.line(6, "status: %s", st)
			v.themes = append(v.themes, th)
		}
		w.WriteByte('\n')
		s.rec.views = append(s.rec.views, v)
	}
	return w.Bytes()
}

const questionnaireHow = "Questionnaire to all parents and carers (paper and online)"

var viewsHows = []string{"Focus group at the community centre", "Suggestion box and texts", "Evening focus group", "Coffee morning"}

var questions = []string{
	"My child is happy at this school.",
	"My child feels safe at this school.",
	"I know how my child is getting on with reading.",
	"The school keeps me well informed about the changes it is making.",
	"My child's special educational needs are well supported.",
	"The school deals well with bullying.",
	"I would recommend this school to another parent.",
}

// questionIDs are the ids of questions, in the same order, written when
// the corpus has languages (a question needs an id to be translated).
var questionIDs = []string{"happy", "safe", "reading-progress", "informed", "send-support", "bullying", "recommend"}

// pdf returns a minimal one-page PDF with a title, standing in for the
// school's published action plan.
func pdf(title string) []byte {
	stream := fmt.Sprintf("BT /F1 18 Tf 72 720 Td (%s) Tj ET", strings.NewReplacer("(", "", ")", "", `\`, "").Replace(title))
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b strings.Builder
	b.WriteString("%PDF-1.4\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return []byte(b.String())
}

// chartSVG returns a small bar chart, standing in for an image a PSA adds.
func chartSVG(g *gen) []byte {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" role="img"><title>Progress this year</title>`)
	for i := range 6 {
		h := g.intn(10, 90)
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="20" height="%d" fill="#1d70b8"/>`, 10+i*30, 100-h, h)
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}
