package content

import (
	"fmt"
	"net/mail"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/civil"
)

var (
	idRE       = regexp.MustCompile(`^[a-z0-9-]+$`)
	urnRE      = regexp.MustCompile(`^\d{6}$`)
	languageRE = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$`)
	everyRE    = regexp.MustCompile(`^(\d+)\s+(day|week|month)s?$`)
	// A 2024 change: an overall grade on an eif-2019 inspection from this date is suspicious.
	noOverallFrom = time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC)
)

// validate checks the site-wide files; schoolRules checks a school's. Both
// check the rules that concern one file at a time, fill in the defaults the
// format gives, and normalise grade numbers to words.
func (l *loader) validate() {
	l.site()
	for _, p := range l.c.Pages {
		l.requireText(p.Path, p.Front.Meta, "title", p.Front.Title)
	}
}

// schoolRules checks the files of one school.
func (l *loader) schoolRules(s *SchoolDir) {
	l.schoolFile(s)
	if s.Plan != nil {
		l.plan(s)
	}
	l.meetings(s)
	l.views(s)
	l.updateFiles(s)
	for _, t := range s.Translations {
		l.translationRules(t)
	}
}

// oneOf checks that value is one of allowed, written in any case and
// with spaces, hyphens or underscores between its words ("On track" is
// on-track), and puts the allowed spelling in its place: the model is
// normalised, the file is left as the PSA wrote it. Otherwise it reports
// the allowed words.
func (l *loader) oneOf(path string, m Meta, field string, value *string, allowed []string) bool {
	if w, ok := canonical(*value, allowed); ok {
		*value = w
		return true
	}
	msg := fmt.Sprintf("`%s` is %q, which is not allowed here; write one of: %s", field, *value, strings.Join(allowed, ", "))
	s := closest(wordKey(*value), allowed)
	if s != "" {
		msg = fmt.Sprintf("`%s` is %q; did you mean %q? The allowed words are: %s", field, *value, s, strings.Join(allowed, ", "))
	}
	l.errorFix(path, m.At(field), *value, s, "%s", msg)
	return false
}

// canonical returns the word of allowed that value is, in any case and
// with any of space, hyphen or underscore between its words.
func canonical(value string, allowed []string) (string, bool) {
	if slices.Contains(allowed, value) {
		return value, true // as the format spells it: most are
	}
	k := wordKey(value)
	for _, w := range allowed {
		if wordKey(w) == k {
			return w, true
		}
	}
	return value, false
}

// wordKey is a word as canonical compares it: "On  track" and "on_track"
// are both "on-track".
func wordKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t'
	}), "-")
}

// wordOr checks a field that takes one of a list of words, and gives it
// the format's default when it was left out.
func (l *loader) wordOr(path string, m Meta, field string, value *string, def string, allowed []string) {
	if *value == "" {
		*value = def
		return
	}
	l.oneOf(path, m, field, value, allowed)
}

// errorFix reports an error at pos with, where meant is given, a fix: the
// line with the value old (as written, plain or in quotes) replaced by meant.
func (l *loader) errorFix(path string, pos Pos, old, meant string, format string, args ...any) {
	l.ds.Errorf(path, pos, format, args...)
	if meant == "" {
		return
	}
	line, ok := lineOf(l.texts[path], pos.Line)
	if !ok {
		return
	}
	for _, q := range []string{"", `"`, "'"} {
		if fixed, ok := replaceAt(line, pos.Col, q+old+q, q+meant+q); ok {
			l.ds[len(l.ds)-1].Fix = fixed
			return
		}
	}
}

func (l *loader) requireText(path string, m Meta, field, value string) {
	if m.Has(field) && !m.Bad(field) && strings.TrimSpace(value) == "" {
		l.ds.Errorf(path, m.At(field), "`%s` is empty; write the %s", field, strings.ReplaceAll(field, "_", " "))
	}
}

func (l *loader) absURL(path string, m Meta, field, value string) {
	if value == "" {
		return
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !validHost(u.Hostname()) {
		l.ds.Errorf(path, m.At(field), "`%s` is %q, which is not a web address; write a full address starting https://, for example https://www.example.org/", field, value)
	}
}

// validHost reports whether h is a host name a browser accepts: labels of
// 1 to 63 characters, 253 in all.
func validHost(h string) bool {
	if h == "" || len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(strings.TrimSuffix(h, "."), ".") {
		if label == "" || len(label) > 63 {
			return false
		}
	}
	return true
}

func (l *loader) email(path string, m Meta, field, value string) {
	if value == "" {
		return
	}
	a, err := mail.ParseAddress(value)
	if err != nil || a.Address != value || !strings.Contains(value[strings.IndexByte(value, '@'):], ".") {
		l.ds.Errorf(path, m.At(field), "`%s` is %q, which is not an email address; write it as name@example.org", field, value)
	}
}

func (l *loader) site() {
	s := &l.c.Site
	const p = "site.yaml"
	l.requireText(p, s.Meta, "title", s.Title)
	if s.BaseURL != "" {
		u, err := url.Parse(s.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			l.ds.Errorf(p, s.At("base_url"), "`base_url` is %q; write the full address the site is published at, starting https:// and with no ? or #, for example https://parents.example.org/", s.BaseURL)
		} else if !strings.HasSuffix(s.BaseURL, "/") {
			s.BaseURL += "/"
		}
	}
	if s.Language == "" {
		s.Language = "en-GB"
	} else if !languageRE.MatchString(s.Language) {
		l.ds.Errorf(p, s.At("language"), "`language` is %q, which is not a language tag; write one such as en-GB or cy", s.Language)
	}
	l.languages(s)
	if s.Timezone == "" {
		s.Timezone = "Europe/London"
	} else if _, err := time.LoadLocation(s.Timezone); err != nil || s.Timezone == "Local" {
		l.ds.Errorf(p, s.At("timezone"), "`timezone` is %q, which is not a time zone name; write an IANA name such as Europe/London", s.Timezone)
	}
	if s.Theme != "" {
		if strings.HasPrefix(s.Theme, "/") || slices.Contains(strings.Split(s.Theme, "/"), "..") {
			l.ds.Errorf(p, s.At("theme"), "`theme` is %q; write a folder beside content/, such as themes/riverside, without .. or a leading /", s.Theme)
		}
	}
	l.adminSettings(s)
	if o := s.Organisation; o != nil {
		l.email(p, o.Meta, "email", o.Email)
		l.absURL(p, o.Meta, "website", o.Website)
	}
	if sg := s.Safeguarding; sg != nil {
		l.requireText(p, sg.Meta, "name", sg.Name)
		if sg.Phone == "" && sg.URL == "" {
			l.ds.Errorf(p, sg.Pos, "`safeguarding` needs a way to reach children's services: add `phone:`, `url:` or both")
		}
		l.absURL(p, sg.Meta, "url", sg.URL)
	}
	l.emailAlerts(p, s)
}

// alertPlaceholders are what site.yaml's email_alerts may contain, to be
// replaced for each school.
var alertPlaceholders = []string{"{slug}", "{feed}"}

// emailAlerts checks site.yaml's email_alerts: a web address once its
// placeholders are filled in, with no placeholder it does not know.
func (l *loader) emailAlerts(p string, s *SiteConfig) {
	if s.EmailAlerts == "" {
		return
	}
	filled := s.EmailAlerts
	for _, ph := range alertPlaceholders {
		filled = strings.ReplaceAll(filled, ph, "x")
	}
	if i := strings.IndexByte(filled, '{'); i >= 0 {
		unknown, _, _ := strings.Cut(filled[i:], "}")
		l.ds.Errorf(p, s.At("email_alerts"), "`email_alerts` has %s}, which is not a placeholder; write {slug} for the school's folder name or {feed} for the address of its feed", unknown)
		return
	}
	u, err := url.Parse(filled)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !validHost(u.Hostname()) {
		l.ds.Errorf(p, s.At("email_alerts"), "`email_alerts` is %q, which is not a web address; write the sign-up page's full address starting https://, with {slug} or {feed} where the school goes, for example https://public.govdelivery.com/accounts/XX/subscriber/new?topic_id={slug}", s.EmailAlerts)
	}
}

func (l *loader) schoolFile(s *SchoolDir) {
	p := s.Path("school.yaml")
	sc := &s.School
	l.requireText(p, sc.Meta, "name", sc.Name)
	if sc.URN != "" && !urnRE.MatchString(sc.URN) {
		l.ds.Errorf(p, sc.At("urn"), "`urn` is %q; Ofsted's unique reference number has 6 digits, for example 113456", sc.URN)
	}
	if sc.Phase != "" {
		l.oneOf(p, sc.Meta, "phase", &sc.Phase, phases)
	}
	l.absURL(p, sc.Meta, "website", sc.Website)
	l.shareImage(p, sc)
	if psa := sc.PSA; psa != nil {
		l.requireText(p, psa.Meta, "name", psa.Name)
		if !sc.Draft {
			l.placeholder(p, psa.Meta, "name", psa.Name, "write your name", "school.yaml")
			l.placeholder(p, psa.Meta, "email", psa.Email, "write the email address parents can reach you at", "school.yaml")
		}
		if psa.Email == "" && psa.Phone == "" && psa.Text == "" {
			l.ds.Errorf(p, psa.Pos, "`psa` needs at least one way for parents to reach the PSA: add `email:`, `phone:` or `text:`")
		}
		l.email(p, psa.Meta, "email", psa.Email)
	}
	for i, g := range sc.GiveViews {
		if strings.TrimSpace(g) == "" {
			l.ds.Errorf(p, sc.At("give_views"), "item %d of `give_views` is empty; write a way parents can give their views", i+1)
		}
	}
	if sc.Meta.Has("inspections") && len(sc.Inspections) == 0 {
		l.ds.Errorf(p, sc.At("inspections"), "`inspections` needs at least one inspection, starting `- start: YYYY-MM-DD`")
	}
	ids := map[string]bool{}
	for i := range sc.Inspections {
		l.inspection(p, &sc.Inspections[i], ids)
		if !sc.Draft {
			l.placeholder(p, sc.Inspections[i].Meta, "summary", sc.Inspections[i].Summary, "write what inspectors found, in plain English", "school.yaml")
		}
	}
	for i := range sc.Milestones {
		if m := &sc.Milestones[i]; m.Kind != "" {
			l.oneOf(p, m.Meta, "kind", &m.Kind, milestoneKinds)
		}
	}
}

func (l *loader) inspection(p string, in *Inspection, ids map[string]bool) {
	if in.Type == "" {
		in.Type = "full"
	} else if !l.oneOf(p, in.Meta, "type", &in.Type, inspectionTypes) {
		in.Type = "full"
	}
	if !in.End.IsZero() && !in.Start.IsZero() && in.End.Before(in.Start.Time) {
		l.ds.Errorf(p, in.At("end"), "`end` (%s) is before `start` (%s); the last day on site cannot come before the first", in.End, in.Start)
	}
	if !in.Published.IsZero() && !in.Start.IsZero() && in.Published.Before(in.Start.Time) {
		l.ds.Errorf(p, in.At("published"), "`published` (%s) is before `start` (%s); a report is published after the inspection", in.Published, in.Start)
	}
	l.absURL(p, in.Meta, "report_url", in.ReportURL)
	for _, a := range in.Areas {
		switch {
		case a.ID == "":
		case !idRE.MatchString(a.ID):
			l.ds.Errorf(p, a.At("id"), "area id %q may hold only lower-case letters, digits and hyphens, for example maths-teaching", a.ID)
		case ids[a.ID]:
			l.ds.Errorf(p, a.At("id"), "area id %q is used twice in this school; give each area for improvement its own id", a.ID)
		}
		ids[a.ID] = true
	}
	if in.Category == "" {
		in.Category = "none"
	}
	in.Category, _ = canonical(in.Category, categories)
	in.Framework, _ = canonical(in.Framework, frameworkKeys)
	fw, ok := frameworks[in.Framework]
	if !ok {
		if in.Framework != "" {
			l.oneOf(p, in.Meta, "framework", &in.Framework, frameworkKeys)
		}
		l.oneOf(p, in.Meta, "category", &in.Category, categories)
		return
	}
	l.monitoringFields(p, in)
	if in.Type == "monitoring" {
		return
	}
	l.overallGrade(p, in, fw)
	urgent := l.judgements(p, in, fw)
	l.safeguarding(p, in, fw)
	l.inspectionCategory(p, in, fw, urgent)
}

// monitoringFields checks that a monitoring inspection has an outcome and
// no grades, and that a full one has no outcome.
func (l *loader) monitoringFields(p string, in *Inspection) {
	if in.Type == "monitoring" {
		for _, f := range []string{"overall", "judgements", "safeguarding"} {
			if in.Has(f) {
				l.ds.Errorf(p, in.At(f), "a monitoring inspection has no grades, so `%s` does not belong here; describe what inspectors found in `outcome`", f)
			}
		}
		if strings.TrimSpace(in.Outcome) == "" {
			l.ds.Errorf(p, in.Pos, "a monitoring inspection needs `outcome`: a few sentences on what inspectors found")
		}
	} else if in.Has("outcome") {
		l.ds.Errorf(p, in.At("outcome"), "`outcome` is for monitoring inspections (`type: monitoring`); for a full inspection write the account in `summary`")
	}
}

// overallGrade checks the overall grade against the framework's scale and
// writes it as the scale's word.
func (l *loader) overallGrade(p string, in *Inspection, fw Framework) {
	if in.Overall != "" {
		switch w, ok := fw.ScaleWord(in.Overall); {
		case !fw.Overall:
			l.ds.Errorf(p, in.At("overall"), "%s gives no overall grade, so remove `overall`; put the grades under `judgements`", fw.Name)
		case !ok:
			l.badGrade(p, in.Meta, "overall", in.Overall, fw)
		default:
			in.Overall = w
			if in.Framework == "eif-2019" && !in.Start.IsZero() && !in.Start.Before(noOverallFrom) {
				l.ds.Warnf(p, in.At("overall"), "Ofsted gave no overall grade to inspections from 1 September 2024; check `overall` (the inspection started %s)", in.Start)
			}
		}
	}
}

// judgements checks each judgement's area and grade against the framework,
// writes them as the framework names them, and reports whether any grade
// is urgent improvement.
func (l *loader) judgements(p string, in *Inspection, fw Framework) (urgent bool) {
	for i := range in.Judgements {
		j := &in.Judgements[i]
		if j.Area != "" {
			if name, ok := fw.AreaName(j.Area); ok {
				j.Area = name
			} else {
				l.ds.Errorf(p, j.At("area"), "%q is not an evaluation area of %s; write one of: %s", j.Area, fw.Name, strings.Join(fw.Areas, "; "))
			}
		}
		if j.Grade != "" {
			if w, ok := fw.ScaleWord(j.Grade); ok {
				j.Grade = w
				urgent = urgent || w == "urgent improvement"
			} else {
				l.badGrade(p, j.Meta, "grade", j.Grade, fw)
			}
		}
	}
	return urgent
}

// safeguarding checks the safeguarding judgement, for frameworks that make
// one, and writes it in lower case with single spaces.
func (l *loader) safeguarding(p string, in *Inspection, fw Framework) {
	if in.Safeguarding != "" {
		if fw.Safeguarding == nil {
			l.ds.Errorf(p, in.At("safeguarding"), "%s has no separate safeguarding judgement, so remove `safeguarding`", fw.Name)
		} else {
			l.oneOf(p, in.Meta, "safeguarding", &in.Safeguarding, fw.Safeguarding)
		}
	}
}

// inspectionCategory checks that the category exists in the framework and
// warns when the grades put the school in a category it does not name.
func (l *loader) inspectionCategory(p string, in *Inspection, fw Framework, urgent bool) {
	if !slices.Contains(fw.Categories, in.Category) {
		if slices.Contains(categories, in.Category) {
			l.ds.Errorf(p, in.At("category"), "`category` %q does not exist in %s; write one of: %s", in.Category, fw.Name, strings.Join(fw.Categories, ", "))
		} else {
			l.oneOf(p, in.Meta, "category", &in.Category, fw.Categories)
		}
	}
	if in.Framework == "report-card-2025" && in.Category == "none" && (urgent || in.Safeguarding == "not met") {
		l.ds.Warnf(p, in.At("category"), "a grade of urgent improvement, or safeguarding not met, puts a school in a category, but `category` is none; check the report and set `category: requires-significant-improvement` or `special-measures`")
	}
}

func (l *loader) badGrade(p string, m Meta, field, value string, fw Framework) {
	allowed := strings.Join(fw.Scale, ", ")
	if fw.Numbered {
		allowed += fmt.Sprintf(" (or a number 1 to %d)", len(fw.Scale))
	}
	msg := fmt.Sprintf("`%s` is %q, which is not a grade in %s; write one of: %s", field, value, fw.Name, allowed)
	s := closest(strings.ReplaceAll(wordKey(value), "-", " "), fw.Scale)
	if s != "" {
		msg = fmt.Sprintf("`%s` is %q; did you mean %q? The grades in %s are: %s", field, value, s, fw.Name, allowed)
	}
	l.errorFix(p, m.At(field), value, s, "%s", msg)
}

func (l *loader) plan(s *SchoolDir) {
	p := s.Path("action-plan.yaml")
	for _, a := range s.Plan.Areas {
		actionIDs, measureIDs := map[string]bool{}, map[string]bool{}
		for _, ac := range a.Actions {
			l.listID(p, ac.Meta, ac.ID, "action", actionIDs)
		}
		for _, m := range a.Measures {
			l.listID(p, m.Meta, m.ID, "measure", measureIDs)
		}
		for i := range a.Actions {
			ac := &a.Actions[i]
			l.requireText(p, ac.Meta, "what", ac.What)
			l.wordOr(p, ac.Meta, "status", &ac.Status, "not-started", actionStatuses)
		}
		for i := range a.Measures {
			m := &a.Measures[i]
			if m.Has("points") && len(m.Points) == 0 {
				l.ds.Errorf(p, m.At("points"), "`points` needs at least one `{ date: YYYY-MM-DD, value: N }`")
			}
			for j := 1; j < len(m.Points); j++ {
				prev, cur := m.Points[j-1].Date, m.Points[j].Date
				if !prev.IsZero() && !cur.IsZero() && !cur.After(prev.Time) {
					l.ds.Errorf(p, m.Points[j].At("date"), "the dates of `points` must go forward in time: %s comes after %s; put the points in date order, one per date", cur, prev)
				}
			}
			if m.Unit == "%" {
				for _, pt := range m.Points {
					if pt.Value < 0 || pt.Value > 100 {
						l.ds.Errorf(p, pt.At("value"), "value %s is not a percentage between 0 and 100", strconv.FormatFloat(pt.Value, 'f', -1, 64))
					}
				}
			}
		}
	}
}

func (l *loader) meetings(s *SchoolDir) {
	p := s.Path("meetings.yaml")
	ids := map[string]bool{}
	for i := range s.Meetings {
		m := &s.Meetings[i]
		l.requireText(p, m.Meta, "title", m.Title)
		if m.ID != "" {
			if !idRE.MatchString(m.ID) {
				l.ds.Errorf(p, m.At("id"), "meeting id %q may hold only lower-case letters, digits and hyphens, for example review-group", m.ID)
			} else if ids[m.ID] {
				l.ds.Errorf(p, m.At("id"), "meeting id %q is used twice; give each meeting its own id", m.ID)
			}
			ids[m.ID] = true
		}
		if !m.Draft && !s.School.Draft {
			l.placeholder(p, m.Meta, "location", m.Location, "write where the meeting is, with the full address", "the meeting")
			l.placeholder(p, m.Meta, "description", m.Description, "say what the meeting is for", "the meeting")
		}
		l.wordOr(p, m.Meta, "kind", &m.Kind, "other", meetingKinds)
		l.wordOr(p, m.Meta, "status", &m.Status, "confirmed", meetingStatuses)
		l.openTo(p, m)
		l.absURL(p, m.Meta, "online", m.Online)
		if !m.End.IsZero() && !m.Start.IsZero() {
			switch {
			case m.Start.DateOnly != m.End.DateOnly && m.Start.DateOnly:
				l.ds.Errorf(p, m.At("end"), "`start` is a date alone (an all-day event), so `end` must be a date too, YYYY-MM-DD")
			case m.Start.DateOnly != m.End.DateOnly:
				l.ds.Errorf(p, m.At("end"), "`start` has a time, so `end` needs one too: YYYY-MM-DDTHH:MM")
			case m.Start.DateOnly && m.End.Before(m.Start.Time):
				l.ds.Errorf(p, m.At("end"), "`end` (%s) is before `start`; an all-day event ends on or after the day it starts", m.End.Format(time.DateOnly))
			case !m.Start.DateOnly && !m.End.After(m.Start.Time):
				l.ds.Errorf(p, m.At("end"), "`end` (%s) must be after `start` (%s)", m.End.Format("2006-01-02T15:04"), m.Start.Format("2006-01-02T15:04"))
			}
		}
		if r := m.Repeat; r != nil {
			if r.Every != "" {
				if n, _, ok := ParseEvery(r.Every); !ok || n < 1 {
					l.ds.Errorf(p, r.At("every"), "`every` is %q; write a whole number and days, weeks or months, for example \"6 weeks\"", r.Every)
				}
			}
			switch {
			case r.Until.IsZero() && !r.Has("count"):
				l.ds.Errorf(p, r.Pos, "`repeat` needs `until: YYYY-MM-DD` (the last date it may happen) or `count: N` (how many times), but not both")
			case !r.Until.IsZero() && r.Has("count"):
				l.ds.Errorf(p, r.At("count"), "`repeat` has both `until` and `count`; keep one")
			case r.Has("count") && r.Count < 1:
				l.ds.Errorf(p, r.At("count"), "`count` is %d; write how many times the meeting happens, 1 or more", r.Count)
			case !r.Until.IsZero() && !m.Start.IsZero() && r.Until.Before(civil.Date(m.Start.Time)):
				l.ds.Errorf(p, r.At("until"), "`until` (%s) is before the first meeting (%s)", r.Until, m.Start.Format(time.DateOnly))
			}
		}
	}
}

// listID checks the optional id of an item of a list (an action, a
// measure, a question, a theme), by which translations name it: its form,
// and that no other item of the list has it.
func (l *loader) listID(p string, m Meta, id, noun string, seen map[string]bool) {
	switch {
	case !m.Has("id") || m.Bad("id"):
		return
	case !idRE.MatchString(id):
		l.ds.Errorf(p, m.At("id"), "%s id %q may hold only lower-case letters, digits and hyphens, for example %s", noun, id, exampleIDs[noun])
	case seen[id]:
		l.ds.Errorf(p, m.At("id"), "%s id %q is used twice in this list; give each %s its own id", noun, id, noun)
	}
	seen[id] = true
}

// exampleIDs are the ids error messages give as examples.
var exampleIDs = map[string]string{"action": "phonics-training", "measure": "phonics-check", "question": "child-safe", "theme": "homework"}

// openTo checks who may come to a meeting, and warns where a meeting of a
// kind that is for members only says in its audience that all may come:
// the site would not list it as a meeting parents can go to.
func (l *loader) openTo(p string, m *Meeting) {
	if m.OpenTo != "" {
		l.oneOf(p, m.Meta, "open_to", &m.OpenTo, meetingOpenTo)
		return
	}
	audience := strings.ToLower(m.Audience)
	if !m.OpenToAll() && (strings.Contains(audience, "open to all") || strings.Contains(audience, "all parents") || strings.Contains(audience, "everyone")) {
		l.ds.Warnf(p, m.At("audience"), "a meeting of kind `%s` is shown as not open to all parents and carers unless it says `open_to: everyone`, but its `audience` says all may come; add `open_to: everyone` if any parent or carer may come, or `open_to: members` if not", m.Kind)
	}
}

// ParseEvery reads a repeat interval such as "6 weeks" into a count and a
// unit: "day", "week" or "month".
func ParseEvery(s string) (n int, unit string, ok bool) {
	m := everyRE.FindStringSubmatch(strings.ToLower(strings.TrimSpace(s)))
	if m == nil {
		return 0, "", false
	}
	n, err := strconv.Atoi(m[1])
	return n, m[2], err == nil
}

func (l *loader) views(s *SchoolDir) {
	p := s.Path("views.yaml")
	for _, v := range s.Views {
		l.requireText(p, v.Meta, "how", v.How)
		if v.Responses != nil && *v.Responses < 0 {
			l.ds.Errorf(p, v.At("responses"), "`responses` is %d; write how many parents took part, 0 or more", *v.Responses)
		}
		if v.Invited != nil && v.Responses != nil && *v.Invited < *v.Responses {
			l.ds.Errorf(p, v.At("invited"), "`invited` (%d) is fewer than `responses` (%d); more parents cannot answer than were asked", *v.Invited, *v.Responses)
		}
		questionIDs, themeIDs := map[string]bool{}, map[string]bool{}
		for _, q := range v.Questions {
			l.listID(p, q.Meta, q.ID, "question", questionIDs)
		}
		for _, t := range v.Themes {
			l.listID(p, t.Meta, t.ID, "theme", themeIDs)
		}
		for _, q := range v.Questions {
			for _, f := range []struct {
				key string
				v   float64
			}{{"agree", q.Agree}, {"disagree", q.Disagree}, {"dont_know", q.DontKnow}} {
				if f.v < 0 || f.v > 100 {
					l.ds.Errorf(p, q.At(f.key), "`%s` is %s; a percentage is between 0 and 100", f.key, strconv.FormatFloat(f.v, 'f', -1, 64))
				}
			}
			if sum := q.Agree + q.Disagree + q.DontKnow; sum > 100.0001 {
				l.ds.Errorf(p, q.Pos, "the percentages for %q add up to %s; agree, disagree and dont_know together cannot be more than 100", q.Ask, strconv.FormatFloat(sum, 'f', -1, 64))
			}
		}
		for i := range v.Themes {
			t := &v.Themes[i]
			l.requireText(p, t.Meta, "said", t.Said)
			l.wordOr(p, t.Meta, "status", &t.Status, "open", themeStatuses)
		}
	}
}

func (l *loader) updateFiles(s *SchoolDir) {
	seen := map[string]string{}
	for _, u := range s.Updates {
		l.requireText(u.Path, u.Front.Meta, "title", u.Front.Title)
		if !u.Front.Date.IsZero() && !u.Front.Date.Equal(u.FileDate.Time) {
			l.ds.Errorf(u.Path, u.Front.At("date"), "`date` is %s but the file name says %s; make them agree (rename the file or change the date), or remove `date`", u.Front.Date, u.FileDate)
		}
		if u.placeholderAt > 0 && !u.Front.Draft && !s.School.Draft {
			l.ds.Errorf(u.Path, Pos{Line: u.placeholderAt, Col: 1}, "the update still holds the example text that `parentpages new` wrote, which would be published: write the update, or keep `draft: true` until it is ready")
		}
		if other, dup := seen[u.Slug]; dup {
			l.ds.Errorf(u.Path, Pos{}, "this update and %s would both be published at updates/%s/; change the words after the date in one file name", other, u.Slug)
		}
		seen[u.Slug] = u.Path
	}
}

// shareImage checks school.yaml's image: a picture in the school's own
// folder (so the site publishes it), of a kind that apps showing a link
// can read, by its name's ending. The link itself is resolved with the
// school's other links, which reports a file that is not there.
func (l *loader) shareImage(p string, sc *School) {
	if sc.Image == "" {
		return
	}
	u, err := url.Parse(sc.Image)
	if err == nil && u.Scheme == "" && !strings.HasPrefix(u.Path, "/") {
		switch strings.ToLower(path.Ext(u.Path)) {
		case ".jpg", ".jpeg", ".png", ".gif", ".webp":
			return
		}
	}
	l.ds.Errorf(p, sc.At("image"), "`image` is %q; give a picture in the school's files folder whose name ends .jpg, .jpeg, .png, .gif or .webp, such as files/school.jpg", sc.Image)
}
