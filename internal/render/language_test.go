package render

import (
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	theme "github.com/parentpages/parentpages/themes/default"
)

// testCatalogue makes a complete catalogue for a made-up language, xx,
// from the default theme's English one: every message marked "¤" (a sign with no capital) at its
// start, right to left, with Arabic digits and 24-hour times, so that a
// page rendered with it shows which words came from the catalogue and
// which did not. drop names messages to leave out.
func testCatalogue(t *testing.T, drop ...string) string {
	t.Helper()
	b, err := fs.ReadFile(theme.FS, "i18n/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "code":
			v.Value = "xx"
		case "name":
			v.Value = "Xish"
		case "dir":
			v.Value = "rtl"
		case "digits":
			v.Value = "arab"
		case "formats":
			for j := 0; j+1 < len(v.Content); j += 2 {
				switch v.Content[j].Value {
				case "clock_hour":
					v.Content[j+1].Value = "{hh}:00"
				case "clock_minutes":
					v.Content[j+1].Value = "{hh}:{minute}"
				case "clock_midday", "clock_midnight":
					v.Content[j+1].Value = ""
				}
			}
		case "messages":
			var kept []*yaml.Node
			for j := 0; j+1 < len(v.Content); j += 2 {
				key, msg := v.Content[j], v.Content[j+1]
				if contains(drop, key.Value) {
					continue
				}
				if msg.Kind == yaml.ScalarNode {
					msg.Value = "¤" + msg.Value
				}
				for f := 1; f < len(msg.Content); f += 2 {
					msg.Content[f].Value = "¤" + msg.Content[f].Value
				}
				kept = append(kept, key, msg)
			}
			v.Content = kept
		}
	}
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// A renderer for another language takes every word it writes from that
// language's catalogue: the theme's sentences, the page titles, dates and
// times in its digits, feeds and calendars.
func TestRenderInAnotherLanguage(t *testing.T) {
	fsys := overviewSite("", "")
	s := loadSite(t, fsys)
	th := copyTheme(t, map[string]string{"i18n/xx.yaml": testCatalogue(t)})
	r, err := New(s.Site, th, fsys, Options{Language: "xx"})
	if err != nil {
		t.Fatal(err)
	}
	outs, err := r.School(s.Schools[0])
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, o := range outs {
		files[o.Path] = string(o.Body)
	}
	page := files["schools/oak/index.html"]
	for _, want := range []string{
		`<h2 id="next-heading">¤What happens next</h2>`,
		`<h2 id="in-short-heading">¤In short</h2>`,
		`¤Inspectors found serious problems: the school needs <strong>`,
		`¤Call <a href="tel:01752%20000001">01752 000001</a> or email`,
		`<a href="#help-heading">¤Worried or want to complain?</a>`,
		"٣ December ٢٠٢٦, ٠٩:٠٠", // the next meeting: Arabic digits, a 24-hour clock
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the overview in xx does not say\n  %s", want)
		}
	}
	inspection := files["schools/oak/inspection/index.html"]
	if i := strings.Index(inspection, `<span class="grade-position">`); i < 0 || !strings.HasPrefix(inspection[i+len(`<span class="grade-position">`):], "¤") {
		t.Errorf("a grade's place on its scale is not from the catalogue: %.80s", inspection[max(i, 0):])
	}
	// Every sentence of the theme's own is the catalogue's: what is left
	// in English is the content's (names, the PSA's account, Ofsted's
	// words in the content).
	main := page[strings.Index(page, "<main"):strings.Index(page, "</main>")]
	for _, english := range []string{"What happens next", "In short", "Meetings you can go to", "Contact the school", "If you are worried", "Get updates"} {
		if regexp.MustCompile(`[^¤]` + english).MatchString(main) {
			t.Errorf("the overview in xx says %q in English", english)
		}
	}
	if !strings.Contains(inspection, "<title>¤¤Inspections: Oak School - Test</title>") {
		t.Errorf("the inspection page's title is not from the catalogue: %s", regexp.MustCompile(`<title>.*</title>`).FindString(inspection))
	}
	if cal := files["schools/oak/calendar.ics"]; !strings.Contains(cal, "X-WR-CALNAME:¤Oak School meetings") {
		t.Errorf("the calendar's name is not from the catalogue:\n%.600s", cal)
	}
	if feed := files["schools/oak/feed.xml"]; !strings.Contains(feed, "<title>¤Oak School: updates for parents and carers</title>") {
		t.Errorf("the feed's title is not from the catalogue:\n%.600s", feed)
	}
}

// A catalogue that lacks a message English has cannot be rendered with:
// the error names the language and the message.
func TestRenderMissingMessage(t *testing.T) {
	fsys := overviewSite("", "")
	s := loadSite(t, fsys)
	th := copyTheme(t, map[string]string{"i18n/xx.yaml": testCatalogue(t, "timeline.expected", "help.heading")})
	_, err := New(s.Site, th, fsys, Options{Language: "xx"})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`i18n/xx.yaml: message "help.heading" is missing (language xx)`, `message "timeline.expected" is missing (language xx)`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if _, err := New(s.Site, th, fsys, Options{Language: "yy"}); err == nil || !strings.Contains(err.Error(), `"yy"`) {
		t.Errorf("a language with no catalogue: error %v", err)
	}
}

// A site's theme folder may change one message of the default theme's
// English: the rest stay.
func TestSiteOverridesAMessage(t *testing.T) {
	fsys := overviewSite("", "")
	s := loadSite(t, fsys)
	th := copyTheme(t, map[string]string{"i18n/en.yaml": "messages:\n  school.next_heading: \"What comes next\"\n"})
	r, err := New(s.Site, th, fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := pagesOf(t, r, s.Schools[0])["schools/oak/index.html"]
	for _, want := range []string{`<h2 id="next-heading">What comes next</h2>`, `<h2 id="in-short-heading">In short</h2>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the overview does not say %s", want)
		}
	}
}

// Every message a template names by its key is in the English catalogue,
// so that no branch a test does not reach fails for want of one; and the
// keys a template makes (status.*, timeline.means.*, letter.step.*) have
// a message for every value the content allows.
func TestTemplateMessagesExist(t *testing.T) {
	named = map[string]bool{}
	themeText(t, theme.FS) // records the keys named in named
	en := english().c
	if len(named) < 100 {
		t.Fatalf("found only %d message keys in the templates", len(named))
	}
	for key := range named {
		if !en.Has(key) {
			t.Errorf("a template names the message %q, which en.yaml lacks", key)
		}
	}
	made := map[string][]string{
		"status.":         {"special-measures", "serious-weaknesses", "requires-significant-improvement", "notice-to-improve", "requires-improvement", "monitored", "improved", "not-in-category"},
		"letter.step.":    {"draft-report-comments", "report-published", "statement-of-action", "parents-meeting", "intentions-to-la", "monitoring-visit", "review-group", "reinspection"},
		"timeline.title.": {"draft-report-comments", "report-published", "statement-of-action", "parents-meeting", "intentions-to-la", "monitoring-visit", "next-monitoring-visit", "review-group", "reinspection"},
		"timeline.means.": {"draft-report-comments", "report-published", "statement-of-action", "parents-meeting", "intentions-to-la", "review-group", "monitoring-visit", "reinspection",
			"monitoring-visit.weak-leadership", "monitoring-visit.notice-to-improve", "monitoring-visit.report-card", "monitoring-visit.special-measures",
			"reinspection.notice-to-improve", "reinspection.special-measures", "reinspection.requires-improvement"},
		"category.left.":  {"special-measures", "serious-weaknesses", "notice-to-improve", "requires-improvement", "requires-significant-improvement", "none"},
		"framework.":      {"2009", "cif-2012", "eif-2019", "report-card-2025"},
		"meeting.every.":  {"day", "week", "month"},
		"status.action.":  {"not-started", "on-track", "at-risk", "off-track", "done", "open", "in-progress"},
		"category.":       {"none", "requires-improvement", "notice-to-improve", "serious-weaknesses", "special-measures", "requires-significant-improvement"},
		"phase.":          {"none", "nursery", "primary", "secondary", "all-through", "special", "pru"},
		"safeguarding.":   {"effective", "not_effective", "met", "not_met"},
		"grade.position.": {"best", "lowest", "middle", "second_best", "second_lowest", "other"},
	}
	// And every message the renderer's Go code names.
	goFiles, _ := filepath.Glob("*.go")
	goKeys := 0
	call := regexp.MustCompile(`\.(?:T|N|h|Raw|Get|GetN)\("([a-z0-9_.-]+[a-z0-9_-])"`)
	for _, f := range goFiles {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			goKeys++
			if !en.Has(m[1]) {
				t.Errorf("%s names the message %q, which en.yaml lacks", f, m[1])
			}
		}
	}
	if goKeys < 40 {
		t.Errorf("found only %d messages named in the renderer's code", goKeys)
	}
	for prefix, values := range made {
		for _, v := range values {
			if !en.Has(prefix + v) {
				t.Errorf("en.yaml lacks %s%s", prefix, v)
			}
		}
	}
}

// A site whose main language the theme has no catalogue for is written in
// English, as it was before catalogues; one the theme has speaks it.
func TestMainLanguage(t *testing.T) {
	for _, tc := range []struct{ language, want string }{
		{"cy", `<h2 id="next-heading">What happens next</h2>`},
		{"xx-YY", `<h2 id="next-heading">¤What happens next</h2>`},
	} {
		fsys := overviewSite("language: "+tc.language+"\n", "")
		s := loadSite(t, fsys)
		th := copyTheme(t, map[string]string{"i18n/xx.yaml": testCatalogue(t)})
		r, err := New(s.Site, th, fsys, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if page := pagesOf(t, r, s.Schools[0])["schools/oak/index.html"]; !strings.Contains(page, tc.want) {
			t.Errorf("language %s: the overview does not say %s", tc.language, tc.want)
		}
	}
}

// On a page written right to left, a value put into a message that would
// read wrongly in the sentence's direction is isolated: a name in Latin
// letters in <bdi>, a number in groups (a phone number) in <bdi dir="ltr">,
// since it has no letter to tell its direction by. Left to right, nothing is.
func TestHTMLValueIsolation(t *testing.T) {
	set, err := defaultSet()
	if err != nil {
		t.Fatal(err)
	}
	catalogue := func(code string) lang {
		c, err := set.Catalogue(code)
		if err != nil {
			t.Fatal(err)
		}
		return lang{c}
	}
	ur, en := catalogue("ur"), catalogue("en")
	for _, tc := range []struct {
		value any
		rtl   string
		inLTR string
	}{
		{"Anna Kowalska", "<bdi>Anna Kowalska</bdi>", "Anna Kowalska"},
		{"01752 123456", `<bdi dir="ltr">01752 123456</bdi>`, "01752 123456"},
		{"+44 (0)1752 123456", `<bdi dir="ltr">&#43;44 (0)1752 123456</bdi>`, "&#43;44 (0)1752 123456"},
		{"0808-800-5000", `<bdi dir="ltr">0808-800-5000</bdi>`, "0808-800-5000"},
		{"999", "999", "999"},                         // one group reads the same either way
		{"01752123456", "01752123456", "01752123456"}, // so does an ungrouped number
		{"12 - 3", "12 - 3", "12 - 3"},                // too few digits to be a phone number
		{"اردو 2026", "اردو 2026", "اردو 2026"},       // the sentence's own script
		{3, "3", "3"},
		{template.HTML(`<a href="tel:999">999</a>`), `<a href="tel:999">999</a>`, `<a href="tel:999">999</a>`},
	} {
		if got := ur.htmlValue(tc.value); got != tc.rtl {
			t.Errorf("ur: %v is written %s, want %s", tc.value, got, tc.rtl)
		}
		if got := en.htmlValue(tc.value); got != tc.inLTR {
			t.Errorf("en: %v is written %s, want %s", tc.value, got, tc.inLTR)
		}
	}
}
