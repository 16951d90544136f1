package site

import (
	"slices"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/markdown"
)

// englishText records the text a copy of a school (or of the site's
// pages) in another language leaves in English.
type englishText struct {
	texts map[string]bool
	docs  map[*markdown.Doc]bool
}

func newEnglishText() *englishText {
	return &englishText{texts: map[string]bool{}, docs: map[*markdown.Doc]bool{}}
}

// In returns the school in the language code (one of site.yaml's
// `languages:`): a copy with the translations put in, whose English
// reports the text left untranslated. The main language ("" or the
// site's `language`) is the school itself. It returns nil for a language
// the site does not publish. The copy shares what is unchanged with the
// school, and neither is ever changed.
func (s *School) In(code string) *School {
	if code == "" || code == s.Lang || (s.Lang == "" && code == s.mainLang) {
		return s
	}
	if s.Lang != "" {
		return nil // a copy has no copies of its own
	}
	return s.langs[code]
}

// English reports whether text, as this copy of the school shows it, was
// left in English: it has no translation in this language. It is false
// in the main language, and for text of figures and signs alone.
func (s *School) English(text string) bool {
	return s.english != nil && s.english.texts[text]
}

// EnglishDoc reports, as English does, whether a Markdown text of the
// school (an inspection's summary, a meeting's description, a way to give
// views, an update's body) was left in English.
func (s *School) EnglishDoc(d *markdown.Doc) bool {
	return s.english != nil && d != nil && s.english.docs[d]
}

// In returns the listing in the language code, as School.In does: the
// meetings and updates as that language's copy of the school has them.
func (l *Listing) In(code string) *Listing {
	if code == "" || code == l.Lang {
		return l
	}
	if l.Lang != "" {
		return nil
	}
	if c, ok := l.langs[code]; ok {
		return c
	}
	if code == l.mainLang {
		return l
	}
	return nil
}

// overlay makes one language's copy of a school.
type overlay struct {
	b     *builder
	lang  string
	path  string                        // translations/<code>.yaml, for links and positions
	texts map[string]content.Translated // by canonical key
	en    *englishText
}

// text returns the translation of the text at key, or the English, which
// it records as left untranslated.
func (o *overlay) text(key, english string) string {
	if x, ok := o.texts[key]; ok && key != "" {
		return x.Text
	}
	if hasLetter(english) {
		o.en.texts[english] = true
	}
	return english
}

// doc returns the translation of the Markdown at key, parsed with its
// links resolved from the translation file, or the English, which it
// records as left untranslated.
func (o *overlay) doc(key string, english *markdown.Doc, englishSrc string) *markdown.Doc {
	if x, ok := o.texts[key]; ok {
		return o.b.markdown(o.path, []byte(x.Text), x.At, true)
	}
	if english != nil {
		o.en.docs[english] = true
		o.en.texts[englishSrc] = true
	}
	return english
}

// translate makes the school's copy in each of the site's other
// languages, and its listing's.
func (b *builder) translate(sch *School, d *content.SchoolDir) {
	if len(b.s.Languages) == 0 {
		if len(d.Translations) > 0 || slices.ContainsFunc(d.Updates, func(u *content.UpdateFile) bool { return len(u.Translations) > 0 }) {
			b.checkTranslations(d, nil) // each is in a language the site does not have
		}
		return
	}
	en := content.EnglishOf(d)
	texts := b.checkTranslations(d, en)
	sch.langs = map[string]*School{}
	sch.Listing.langs = map[string]*Listing{}
	for _, l := range b.s.Languages {
		o := &overlay{b: b, lang: l.Code, path: d.Path("translations/" + l.Code + ".yaml"), texts: texts[l.Code], en: newEnglishText()}
		c := o.school(sch)
		sch.langs[l.Code] = c
		sch.Listing.langs[l.Code] = c.Listing
	}
}

// school makes the copy.
func (o *overlay) school(sch *School) *School {
	c := *sch
	c.Lang, c.langs, c.english = o.lang, nil, o.en
	c.Info = o.info(sch.Info)
	c.Inspections = make([]*Inspection, len(sch.Inspections))
	for i, in := range sch.Inspections {
		c.Inspections[i] = o.inspection(in, sch.Info, c.Info)
		if in == sch.Latest {
			c.Latest = c.Inspections[i]
		}
	}
	c.Timeline = o.timeline(sch)
	c.GiveViews = sch.GiveViews
	for i, g := range sch.GiveViews {
		// Ways to give views have no ids: they stay in English.
		o.en.docs[g] = true
		o.en.texts[sch.Info.GiveViews[i]] = true
	}
	if sch.Plan != nil {
		c.Plan = o.plan(sch.Plan)
	}
	c.Meetings = make([]*Meeting, len(sch.Meetings))
	for i, m := range sch.Meetings {
		c.Meetings[i] = o.meeting(m)
	}
	c.Views = make([]*content.ViewsGathering, len(sch.Views))
	for i, v := range sch.Views {
		c.Views[i] = o.views(v)
	}
	c.Updates = make([]*Update, len(sch.Updates))
	for i, u := range sch.Updates {
		c.Updates[i] = o.update(u)
	}
	l := *sch.Listing
	l.Lang, l.langs = o.lang, nil
	l.Meetings, l.Updates = listingMeetings(c.Meetings), listingUpdates(c.Updates)
	c.Listing = &l
	for _, m := range c.Meetings {
		m.School = &l
	}
	for _, u := range c.Updates {
		u.School = &l
	}
	for _, m := range l.Meetings {
		m.School = &l
	}
	for _, u := range l.Updates {
		u.School = &l
	}
	return &c
}

// info copies school.yaml with its translated text.
func (o *overlay) info(src *content.School) *content.School {
	info := *src
	if src.PSA != nil {
		psa := *src.PSA
		psa.DropIn = o.text("school/psa/drop_in", psa.DropIn)
		info.PSA = &psa
	}
	info.Milestones = slices.Clone(src.Milestones)
	for i := range info.Milestones {
		m := &info.Milestones[i]
		m.Note = o.text(content.TranslationKey("school", "milestones", m.Date.String()), m.Note)
	}
	info.Inspections = slices.Clone(src.Inspections)
	for i := range info.Inspections {
		in := &info.Inspections[i]
		k := content.TranslationKey("inspections", in.Start.String())
		in.Areas = slices.Clone(in.Areas)
		for j := range in.Areas {
			a := &in.Areas[j]
			a.Text = o.text(k+"/areas_for_improvement/"+a.ID, a.Text)
		}
	}
	return &info
}

// inspection copies one inspection of src into info, the copy of src
// that holds the translated areas for improvement.
func (o *overlay) inspection(in *Inspection, src, info *content.School) *Inspection {
	c := &Inspection{Inspection: in.Inspection}
	for i := range src.Inspections {
		if in.Inspection == &src.Inspections[i] {
			c.Inspection = &info.Inspections[i]
		}
	}
	k := content.TranslationKey("inspections", in.Start.String())
	c.Inspection.Summary = o.text(k+"/summary", in.Inspection.Summary)
	c.Inspection.Outcome = o.text(k+"/outcome", in.Inspection.Outcome)
	c.Summary = o.doc(k+"/summary", in.Summary, in.Inspection.Summary)
	c.Outcome = o.doc(k+"/outcome", in.Outcome, in.Inspection.Outcome)
	return c
}

// timeline copies the school's steps with the milestones' notes
// translated.
func (o *overlay) timeline(sch *School) []Step {
	notes := map[string]string{}
	for _, m := range sch.Info.Milestones {
		if m.Note != "" {
			notes[m.Note] = o.text(content.TranslationKey("school", "milestones", m.Date.String()), m.Note)
		}
	}
	steps := slices.Clone(sch.Timeline)
	for i := range steps {
		if t, ok := notes[steps[i].Note]; ok {
			steps[i].Note = t
		}
	}
	return steps
}

func (o *overlay) plan(src *ActionPlan) *ActionPlan {
	p := *src
	p.Areas = make([]*PlanArea, len(src.Areas))
	for i, a := range src.Areas {
		k := content.TranslationKey("action_plan", "areas", a.ID)
		c := *a
		c.Text = o.areaText(a.ID, a.Text)
		if _, own := o.texts[k+"/title"]; !own && a.Title == a.Text {
			c.Title = c.Text // the plan gives no title: the area's text is its title
		} else {
			c.Title = o.text(k+"/title", a.Title)
		}
		c.Actions = make([]*Action, len(a.Actions))
		for j, ac := range a.Actions {
			x := *ac
			ak := ""
			if ac.ID != "" {
				ak = k + "/actions/" + ac.ID
			}
			x.What = o.text(ak+"/what", ac.What)
			x.Who = o.text(ak+"/who", ac.Who)
			x.Success = o.text(ak+"/success", ac.Success)
			x.Parents = o.text(ak+"/parents", ac.Parents)
			c.Actions[j] = &x
		}
		c.Measures = make([]*content.Measure, len(a.Measures))
		for j, m := range a.Measures {
			x := *m
			mk := ""
			if m.ID != "" {
				mk = k + "/measures/" + m.ID
			}
			x.Name = o.text(mk+"/name", m.Name)
			x.Unit = o.text(mk+"/unit", m.Unit)
			c.Measures[j] = &x
		}
		p.Areas[i] = &c
	}
	return &p
}

// areaText is the translation of an area for improvement's text, from
// whichever inspection gives it.
func (o *overlay) areaText(id, english string) string {
	suffix := "/areas_for_improvement/" + id
	for k, x := range o.texts {
		if strings.HasPrefix(k, "inspections/") && strings.HasSuffix(k, suffix) {
			return x.Text
		}
	}
	return o.text("", english)
}

func (o *overlay) meeting(m *Meeting) *Meeting {
	c := *m
	src := *m.Meeting
	k := content.TranslationKey("meetings", src.ID)
	if src.ID == "" {
		k = content.TranslationKey("meetings", content.MeetingStart(m.Meeting))
	}
	src.Title = o.text(k+"/title", src.Title)
	src.Location = o.text(k+"/location", src.Location)
	src.Audience = o.text(k+"/audience", src.Audience)
	src.Access = o.text(k+"/access", src.Access)
	src.Description = o.text(k+"/description", src.Description)
	c.Meeting = &src
	c.Description = o.doc(k+"/description", m.Description, m.Meeting.Description)
	if _, ok := o.texts[k+"/description"]; ok {
		c.DescriptionText = o.b.s.md.ParseUnder([]byte(src.Description), 3).Text()
	}
	return &c
}

func (o *overlay) views(v *content.ViewsGathering) *content.ViewsGathering {
	c := *v
	k := content.TranslationKey("views", v.Gathered.String())
	c.How = o.text(k+"/how", v.How)
	c.Questions = slices.Clone(v.Questions)
	for i := range c.Questions {
		q := &c.Questions[i]
		qk := ""
		if q.ID != "" {
			qk = k + "/questions/" + q.ID
		}
		q.Ask = o.text(qk+"/ask", q.Ask)
	}
	c.Themes = slices.Clone(v.Themes)
	for i := range c.Themes {
		t := &c.Themes[i]
		tk := ""
		if t.ID != "" {
			tk = k + "/themes/" + t.ID
		}
		t.Said = o.text(tk+"/said", t.Said)
		t.Did = o.text(tk+"/did", t.Did)
	}
	return &c
}

// update copies an update: its translation, where the language has one,
// else the English, marked with the main language (Update.Lang) and left
// at its English address.
func (o *overlay) update(u *Update) *Update {
	c := *u
	var tr *content.MarkdownTranslation
	if u.file != nil {
		for _, t := range u.file.Translations {
			if t.Lang == o.lang {
				tr = t
			}
		}
	}
	if tr == nil {
		c.Lang = o.b.s.Language
		for _, s := range []string{u.Title, u.Summary} {
			if hasLetter(s) {
				o.en.texts[s] = true
			}
		}
		if u.Body != nil {
			o.en.docs[u.Body] = true
		}
		return &c
	}
	f := *u.file
	f.Path, f.Translations = tr.Path, nil
	f.Front.Title, f.Front.Summary = tr.Front.Title, tr.Front.Summary
	c.file, c.Title, c.Summary, c.Translation = &f, tr.Front.Title, tr.Front.Summary, tr.Path
	if u.Body != nil {
		c.Body = o.b.updateBody(&f)
		if c.Summary == "" {
			c.Summary = c.Body.FirstParagraph()
		}
	}
	return &c
}

// In returns the site in the language code (one of site.yaml's
// `languages:`): a copy whose Pages are in that language, the translated
// ones with their translation and the others in English (Page.Lang), in
// the main language's order. The main language ("" or the site's
// `language`) is the site itself; a language the site does not publish
// gives nil. The schools are put in a language by School.In.
func (s *Site) In(code string) *Site {
	if code == "" || code == s.Lang || (s.Lang == "" && code == s.Language) {
		return s
	}
	if s.Lang != "" {
		return nil
	}
	pages, ok := s.langPages[code]
	if !ok {
		return nil
	}
	c := *s
	c.Lang, c.Pages, c.langPages, c.english = code, pages, nil, s.english
	return &c
}

// English reports whether a site-wide page's text (its title, summary or
// body's source) is left in English in this copy of the site.
func (s *Site) English(text string) bool {
	return s.Lang != "" && s.english != nil && s.english.texts[text]
}

// EnglishDoc reports whether a page's body is left in English in this
// copy of the site.
func (s *Site) EnglishDoc(d *markdown.Doc) bool {
	return s.Lang != "" && s.english != nil && d != nil && s.english.docs[d]
}

// translatePages checks the translations of the site's pages and makes
// the pages of each other language.
func (b *builder) translatePages(c *content.Content) {
	s := b.s
	codes := s.languageCodes()
	byPath := map[string]*content.PageFile{}
	for _, p := range c.Pages {
		byPath[p.Path] = p
		for _, t := range p.Translations {
			if !slices.Contains(codes, t.Lang) {
				b.ds.Errorf(t.Path, content.Pos{}, "%s", content.NotALanguage(t.Lang, codes))
			}
		}
	}
	for _, p := range c.Pages {
		if _, clash := s.languageNamed(p.Slug); clash {
			b.ds.Errorf(p.Path, content.Pos{}, "this page would be published at /%s/, where the site's language %q is published; rename the page", p.Slug, p.Slug)
		}
	}
	if len(s.Languages) == 0 {
		return
	}
	s.langPages = map[string][]*Page{}
	s.english = newEnglishText()
	for _, l := range s.Languages {
		pages := make([]*Page, 0, len(s.Pages))
		for _, p := range s.Pages {
			pages = append(pages, b.pageIn(p, byPath[p.Source], l.Code))
		}
		s.langPages[l.Code] = pages
	}
}

// pageIn returns page p in language code: its translation, or a copy
// marked as English.
func (b *builder) pageIn(p *Page, f *content.PageFile, code string) *Page {
	c := *p
	for _, t := range f.Translations {
		if t.Lang != code {
			continue
		}
		c.Title, c.Summary, c.Translation, c.Lang = t.Front.Title, t.Front.Summary, t.Path, ""
		c.Body = b.markdown(t.Path, t.Body, content.Pos{Line: t.BodyLine, Col: 1}, false)
		return &c
	}
	c.Lang = b.s.Language
	for _, s := range []string{p.Title, p.Summary, string(f.Body)} {
		if hasLetter(s) {
			b.s.english.texts[s] = true
		}
	}
	b.s.english.docs[p.Body] = true
	return &c
}

// languageNamed returns the site's other language whose code is name, in
// any case: its pages are published under /<code>/.
func (s *Site) languageNamed(name string) (content.Language, bool) {
	for _, l := range s.Languages {
		if strings.EqualFold(l.Code, name) {
			return l, true
		}
	}
	return content.Language{}, false
}
