package render

import (
	"cmp"
	"html/template"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/parentpages/parentpages/internal/chart"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/markdown"
	"github.com/parentpages/parentpages/internal/site"
	"github.com/parentpages/parentpages/internal/words"
)

func sortFunc[T any](s []T, less func(a, b T) bool) {
	slices.SortStableFunc(s, func(a, b T) int {
		switch {
		case less(a, b):
			return -1
		case less(b, a):
			return 1
		}
		return 0
	})
}

// funcs is the template FuncMap, built for one renderer.
func (r *Renderer) funcs() template.FuncMap {
	return mergeFuncs(r.pageFuncs(), r.dateFuncs(), r.meetingFuncs(), r.planFuncs(), r.inspectionFuncs(), r.textFuncs(), r.parentFuncs(), r.messageFuncs(), r.languageFuncs())
}

// mergeFuncs joins groups of template functions into one FuncMap. A name
// in two groups is a mistake that one map literal would not compile, so it
// panics.
func mergeFuncs(groups ...template.FuncMap) template.FuncMap {
	fm := template.FuncMap{}
	for _, group := range groups {
		for name, f := range group {
			if _, dup := fm[name]; dup {
				panic("render: two template functions are named " + name)
			}
			fm[name] = f
		}
	}
	return fm
}

// pageFuncs are what any page needs: partials, links (site paths, full
// addresses, calendar subscriptions), Markdown and the glossary.
func (r *Renderer) pageFuncs() template.FuncMap {
	g := newGlossary(r.site, r.url)
	return template.FuncMap{
		"url":           r.url,
		"partial":       r.partial,
		"partialCached": r.partialCached,
		"abs":           r.abs,
		"md":            r.markdownHTML,
		"headings":      headings,
		"hasReload":     func() bool { return r.opts.ReloadScript != "" },
		"term":          g.term,
		"glossify":      g.text,
		// webcal: is a safe scheme, but html/template does not know it.
		"webcal": func(sitePath string) template.URL {
			a := r.abs(sitePath)
			return template.URL("webcal://" + a[strings.Index(a, "://")+3:])
		},
		"gcal": func(sitePath string) string {
			return "https://calendar.google.com/calendar/render?cid=" + template.URLQueryEscaper("webcal://"+strings.SplitN(r.abs(sitePath), "://", 2)[1])
		},
	}
}

// dateFuncs write dates and times, in the renderer's language.
func (r *Renderer) dateFuncs() template.FuncMap {
	l := r.l
	return template.FuncMap{
		"longDate":  l.longDate,
		"shortDate": l.shortDate,
		"date":      l.dateWords,
		"dateSpan":  func(a, b content.Date) string { return l.dateSpan(a.Time, b.Time) },
		"between":   func(a, b content.Date) string { return l.between(a.Time, b.Time) },
		"clock":     l.clock,
		"estimate":  l.estimate,
		"stepTitle": l.stepTitle,
		"stepDate":  l.stepDate,
		"stepDates": l.stepDates,
		"iso":       func(t time.Time) string { return t.Format(time.RFC3339) },
		"isoDate":   func(d content.Date) string { return d.Format(time.DateOnly) },
	}
}

// meetingFuncs say when meetings are, relative to the site's now.
func (r *Renderer) meetingFuncs() template.FuncMap {
	return template.FuncMap{
		"when": func(m site.MeetingAt) string {
			return r.l.when(m.At.Start, m.At.End, m.Meeting.AllDay)
		},
		"starts": func(m site.MeetingAt) string {
			return r.l.starts(m.At.Start, m.Meeting.AllDay)
		},
		"occurrence": func(m *site.Meeting, o site.Occurrence) string { return r.l.when(o.Start, o.End, m.AllDay) },
		"upcoming":   func(s *site.School) []site.MeetingAt { return s.Upcoming(r.site.Now) },
		"past":       func(s *site.School) []site.MeetingAt { return s.Past(r.site.Now) },
		"exceptAhead": func(m *site.Meeting) []time.Time {
			return exceptAfter(m, r.site.Now)
		},
	}
}

// planFuncs draw an action plan's measures as charts and a survey's
// questions as bars, and sum up its actions.
func (r *Renderer) planFuncs() template.FuncMap {
	return template.FuncMap{
		"statuses":       site.Statuses,
		"lineChart":      r.lineChart,
		"barChart":       r.barChart,
		"movement":       r.movement,
		"quantity":       r.l.chartWords().Quantity,
		"lastPoint":      lastPoint,
		"targetMet":      targetMet,
		"higherIsBetter": higherIsBetter,
		"statusWord":     r.l.statusWord,
		"actionCounts":   countActions,
	}
}

// inspectionFuncs read an inspection's grades and a school's category.
func (r *Renderer) inspectionFuncs() template.FuncMap {
	return template.FuncMap{
		"category":         r.l.categoryWords,
		"gradeWord":        func(fw, grade string) string { return r.l.gradeWord(fw, grade) },
		"safeguardingWord": r.l.safeguardingWord,
		"gradeNumber":      gradeNumber,
		"gradedAs": func(in *site.Inspection, grade string) []string {
			areas := gradedAs(in, grade)
			for i, a := range areas {
				areas[i] = lowerFirst(r.l.areaWord(in.Framework, a))
			}
			return areas
		},
		"areaWord":         r.l.areaWord,
		"previousCategory": previousCategory,
		"latestMonitoring": latestMonitoring,
	}
}

// textFuncs write words, lists and numbers.
func (r *Renderer) textFuncs() template.FuncMap {
	return template.FuncMap{
		"capitalise": words.Capitalise,
		"plural":     words.Plural,
		"lower":      strings.ToLower,
		"phase":      r.l.phaseWords,
		"andList":    r.l.andList,
		"first": func(n int, xs any) any {
			switch xs := xs.(type) {
			case []site.MeetingAt:
				return xs[:min(n, len(xs))]
			case []*site.Update:
				return xs[:min(n, len(xs))]
			}
			return xs
		},
		"number": r.l.c.Number,
		"count":  r.l.c.Int,
		"add":    func(a, b int) int { return a + b },
		"pct":    func(part, whole int) string { return r.l.c.InDigits(percent(part, whole)) },
		"deref": func(p *int) int {
			if p == nil {
				return 0
			}
			return *p
		},
	}
}

// parentFuncs are the functions for what parents and carers do with a
// school's pages beyond reading them: follow, share and print them.
func (r *Renderer) parentFuncs() template.FuncMap {
	return template.FuncMap{
		"gradeScale":  r.l.gradeScale,
		"qrCode":      func(address string) (template.HTML, error) { return qrCodeIn(r.l, address) },
		"forParents":  forParents,
		"clip":        clip,
		"emailAlerts": r.emailAlerts,
		"schoolData":  r.schoolData,
		"eventsData":  r.eventsData,
		"ogLocale":    func(lang string) string { return strings.ReplaceAll(lang, "-", "_") },
	}
}

// SchoolsIn returns the schools listed on a site page (the home page) with
// the given status, newest inspection first.
func (pg *Page) SchoolsIn(key string) []*site.Listing {
	var out []*site.Listing
	for _, s := range pg.Schools {
		if !s.Inspected.IsZero() && s.Status.Key == key {
			out = append(out, s)
		}
	}
	sortFunc(out, func(a, b *site.Listing) bool {
		if !a.Inspected.Equal(b.Inspected.Time) {
			return a.Inspected.After(b.Inspected.Time)
		}
		return a.Name < b.Name
	})
	return out
}

func points(m *content.Measure) []chart.Point {
	pts := make([]chart.Point, len(m.Points))
	for i, p := range m.Points {
		pts[i] = chart.Point{Date: p.Date.Time, Value: p.Value}
	}
	return pts
}

func higherIsBetter(m *content.Measure) bool { return m.HigherIsBetter == nil || *m.HigherIsBetter }

func (r *Renderer) lineChart(id string, m *content.Measure) template.HTML {
	return template.HTML(chart.Line{
		IDPrefix: id, Title: m.Name, Unit: m.Unit, Points: points(m), Target: m.Target,
		HigherIsBetter: higherIsBetter(m), DateLabel: r.l.c.ChartDate, Words: r.l.chartWords(),
	}.SVG())
}

func (r *Renderer) movement(m *content.Measure) chart.Change {
	return r.l.chartWords().Movement(points(m), m.Unit, higherIsBetter(m), r.l.shortDate)
}

func (r *Renderer) barChart(id, title string, qs []content.Question) template.HTML {
	rows := make([]chart.StackedRow, len(qs))
	for i, q := range qs {
		rows[i] = chart.StackedRow{Label: q.Ask, Agree: q.Agree, Disagree: q.Disagree, DontKnow: q.DontKnow}
	}
	return template.HTML(chart.Bars{IDPrefix: id, Title: title, Rows: rows, Words: r.l.chartWords()}.SVG())
}

// lastPoint returns a measure's latest point (the format keeps them in date
// order, but the chart does not rely on that, so neither does this).
func lastPoint(m *content.Measure) content.Point {
	var last content.Point
	for _, p := range m.Points {
		if last.Date.IsZero() || p.Date.After(last.Date.Time) {
			last = p
		}
	}
	return last
}

// targetMet reports whether a measure's latest value has reached its
// target, in the direction that is better.
func targetMet(m *content.Measure) bool {
	if m.Target == nil || len(m.Points) == 0 {
		return false
	}
	v := lastPoint(m).Value
	if higherIsBetter(m) {
		return v >= *m.Target
	}
	return v <= *m.Target
}

// percent writes part as a whole-number percentage of whole: "26". Whole
// numbers are what a reader takes in; the counts are given beside it.
func percent(part, whole int) string {
	if whole <= 0 {
		return "0"
	}
	return chart.FormatNumber(math.Round(float64(part) * 100 / float64(whole)))
}

// statusWord writes a status key as words, in English: "on-track" -> "On track".
func statusWord(s string) string { return english().statusWord(s) }

// statusWord writes an action's (or a theme's) status key as words:
// "on-track" -> "On track"; none is "not started".
func (l lang) statusWord(s string) string {
	if s == "" {
		s = "not-started"
	}
	if l.c.Has("status.action." + s) {
		return l.c.T("status.action." + s)
	}
	return words.Capitalise(strings.ReplaceAll(s, "-", " "))
}

// ActionCounts is what an area's actions come to, for the theme's
// sentence about them ("4 actions: 1 done, 2 on track, 1 off track. 1 is
// overdue.").
type ActionCounts struct {
	Total, Overdue int
	// ByStatus counts the actions of each status that has any, in the
	// format's order of statuses, from not started to done.
	ByStatus []ActionCount
}

// ActionCount is how many of an area's actions have one status.
type ActionCount struct {
	Status string // such as "on-track"
	N      int
}

// countActions counts an area's actions by status, and the overdue ones.
func countActions(actions []*site.Action) ActionCounts {
	counts := map[string]int{}
	c := ActionCounts{Total: len(actions)}
	for _, a := range actions {
		st := a.Status
		if st == "" {
			st = "not-started"
		}
		counts[st]++
		if a.Overdue {
			c.Overdue++
		}
	}
	for _, st := range content.ActionStatuses() {
		if n := counts[st]; n > 0 {
			c.ByStatus = append(c.ByStatus, ActionCount{Status: st, N: n})
		}
	}
	return c
}

// gradeNumber returns the number Ofsted gave a grade word on a numbered
// scale (the 2009, 2012 and 2019 frameworks: 1 outstanding to 4
// inadequate), or 0 where the framework has no numbers (report cards).
func gradeNumber(fw content.Framework, grade string) int {
	if !fw.Numbered {
		return 0
	}
	if i := slices.Index(fw.Scale, strings.ToLower(grade)); i >= 0 {
		return i + 1
	}
	return 0
}

// gradedAs lists the areas of an inspection given the grade word, for a
// sentence (join them with andList). Area names keep Ofsted's words but not
// their capital, since they sit mid-sentence.
func gradedAs(in *site.Inspection, grade string) []string {
	var areas []string
	for _, j := range in.Judgements {
		if strings.EqualFold(j.Grade, grade) {
			areas = append(areas, lowerFirst(j.Area))
		}
	}
	return areas
}

// lowerFirst lower-cases the first letter unless the word is an acronym
// ("SEND", "HMI").
func lowerFirst(s string) string {
	word, _, _ := strings.Cut(s, " ")
	if len(word) > 1 && strings.ToUpper(word) == word {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

// previousCategory returns the category of the newest full inspection
// before the latest that put the school in one ("" if none did): what a
// school that has improved has come out of.
func previousCategory(s *site.School) string {
	for _, in := range s.Inspections {
		if in == s.Latest || in.IsMonitoring() || in.Category == "none" || in.Category == "" {
			continue
		}
		if s.Latest == nil || in.Start.Before(s.Latest.Start.Time) {
			return in.Category
		}
	}
	return ""
}

// latestMonitoring returns the newest monitoring inspection since the
// latest full one, or nil.
func latestMonitoring(s *site.School) *site.Inspection {
	for _, in := range s.Inspections { // newest first
		if !in.IsMonitoring() {
			continue
		}
		if s.Latest == nil || !in.Start.Before(s.Latest.Start.Time) {
			return in
		}
		return nil
	}
	return nil
}

// exceptAfter returns the dates a repeating meeting skips that are still to
// come, so the page can say there is no meeting then.
func exceptAfter(m *site.Meeting, now time.Time) []time.Time {
	var out []time.Time
	for _, t := range m.Except {
		if t.After(now) {
			out = append(out, t)
		}
	}
	return out
}

// Heading is a section of a Markdown page, for a list of contents.
type Heading struct {
	Text, ID string
}

// headings returns a document's top-level sections (the <h2>s, since
// package markdown moves the first level there) that have an id.
func headings(d *markdown.Doc) []Heading {
	if d == nil {
		return nil
	}
	var out []Heading
	for n := d.Root.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || h.Level != 2 {
			continue
		}
		if id := headingID(h); id != "" {
			out = append(out, Heading{Text: strings.TrimSpace(markdown.PlainText(h, d.Source)), ID: id})
		}
	}
	return out
}

func headingID(h *ast.Heading) string {
	v, ok := h.AttributeString("id")
	if !ok {
		return ""
	}
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return ""
}

// glossary links words on a page to their explanation on the site's
// glossary: the page with slug "glossary", whose level-two headings are the
// terms ("## Special measures" is /glossary/#special-measures). Each term is
// linked once per page, where it is first used, so that a page is not a
// sea of links. With no glossary page nothing is linked.
type glossary struct {
	page  string // the glossary page's URL with the base path; "" if there is none
	ids   map[string]bool
	terms []glossTerm // longest first, so "requires significant improvement" wins over "requires improvement"
}

type glossTerm struct {
	text, id string
}

func newGlossary(s *site.Site, url func(string) string) *glossary {
	g := &glossary{ids: map[string]bool{}}
	i := slices.IndexFunc(s.Pages, func(p *site.Page) bool { return p.Slug == "glossary" })
	if i < 0 {
		return g
	}
	p := s.Pages[i]
	g.page = url(p.URL())
	for _, h := range headings(p.Body) {
		g.ids[h.ID] = true
		if t := strings.TrimSpace(h.Text); t != "" {
			g.terms = append(g.terms, glossTerm{text: t, id: h.ID})
		}
	}
	slices.SortStableFunc(g.terms, func(a, b glossTerm) int {
		return cmp.Or(cmp.Compare(len(b.text), len(a.text)), strings.Compare(a.text, b.text))
	})
	return g
}

// claim reports whether the term with this id should be linked on the
// page now, and marks it linked.
func (g *glossary) claim(pg *Page, id string) bool {
	if pg == nil || !g.ids[id] || pg.glossed[id] {
		return false
	}
	if pg.glossed == nil {
		pg.glossed = map[string]bool{}
	}
	pg.glossed[id] = true
	return true
}

func (g *glossary) link(id, text string) string {
	return `<a class="term" href="` + template.HTMLEscapeString(g.page+"#"+id) + `">` + template.HTMLEscapeString(text) + `</a>`
}

// term writes text, linked to the glossary's entry id if the glossary has
// one and it is not yet linked on the page.
func (g *glossary) term(pg *Page, id, text string) template.HTML {
	if !g.claim(pg, id) {
		return template.HTML(template.HTMLEscapeString(text))
	}
	return template.HTML(g.link(id, text))
}

// text writes a plain-text sentence with the first use of each glossary
// term on the page linked. Terms are matched whole-word and ignoring case,
// with a plural "s" taken into the link.
func (g *glossary) text(pg *Page, s string) template.HTML {
	type match struct {
		start, end int
		id         string
	}
	var found []match
	for _, t := range g.terms {
		if pg == nil || pg.glossed[t.id] {
			continue
		}
		start, end, ok := findWord(s, t.text, func(a, b int) bool {
			return !slices.ContainsFunc(found, func(m match) bool { return a < m.end && m.start < b })
		})
		if ok && g.claim(pg, t.id) {
			found = append(found, match{start, end, t.id})
		}
	}
	if len(found) == 0 {
		return template.HTML(template.HTMLEscapeString(s))
	}
	slices.SortFunc(found, func(a, b match) int { return cmp.Compare(a.start, b.start) })
	var b strings.Builder
	at := 0
	for _, m := range found {
		b.WriteString(template.HTMLEscapeString(s[at:m.start]))
		b.WriteString(g.link(m.id, s[m.start:m.end]))
		at = m.end
	}
	b.WriteString(template.HTMLEscapeString(s[at:]))
	return template.HTML(b.String())
}

// findWord finds the first whole-word use of word in s, ignoring case, that
// free accepts, and returns its byte range (with a plural "s" or "es" after
// it included).
func findWord(s, word string, free func(start, end int) bool) (int, int, bool) {
	n := len(word)
	for i := 0; i+n <= len(s); {
		if strings.EqualFold(s[i:i+n], word) && (i == 0 || !isWordRune(lastRune(s[:i]))) {
			end := i + n
			for _, suffix := range []string{"es", "s"} {
				if strings.HasPrefix(s[end:], suffix) && (end+len(suffix) == len(s) || !isWordRune(firstRune(s[end+len(suffix):]))) {
					end += len(suffix)
					break
				}
			}
			if (end == len(s) || !isWordRune(firstRune(s[end:]))) && free(i, end) {
				return i, end, true
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return 0, 0, false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
