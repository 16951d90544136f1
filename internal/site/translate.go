package site

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/parentpages/parentpages/internal/content"
)

// A school in another language is a copy of its model with the text of
// translations/<code>.yaml and of its translated updates put in, made with
// the school (Site.School) so that what is wrong with a translation is
// reported with everything else. The copy shares what is unchanged with
// the original, which it never writes to, and records each text it leaves
// in English, so that a page can mark it (lang="en").

// checkTranslations checks a school's translation files against the
// site's languages and the school's English, and returns the texts of
// each language that may be put in, by canonical key. Every problem is
// reported.
func (b *builder) checkTranslations(d *content.SchoolDir, en *content.English) map[string]map[string]content.Translated {
	out := map[string]map[string]content.Translated{}
	codes := b.s.languageCodes()
	for _, t := range d.Translations {
		if !slices.Contains(codes, t.Lang) {
			b.ds.Errorf(t.Path, content.Pos{}, "%s", content.NotALanguage(t.Lang, codes))
			continue
		}
		texts := map[string]content.Translated{}
		for _, x := range t.Texts() {
			key := en.Canonical(x.Key)
			if _, ok := en.Texts[key]; !ok || ambiguous(key, en) {
				b.unknownKey(t.Path, x, en)
				continue
			}
			if first, dup := texts[key]; dup {
				b.ds.Errorf(t.Path, x.Keys[len(x.Keys)-2], "this translates the same text as line %d (the meeting named by its id there and by its start here, or the other way round); keep one", first.At.Line)
				continue
			}
			if strings.TrimSpace(x.Text) != "" {
				texts[key] = x
			}
		}
		out[t.Lang] = texts
	}
	for _, u := range d.Updates {
		for _, t := range u.Translations {
			if !slices.Contains(codes, t.Lang) {
				b.ds.Errorf(t.Path, content.Pos{}, "%s", content.NotALanguage(t.Lang, codes))
			}
		}
	}
	return out
}

// ambiguous reports whether a key, or an item it is inside, names more
// than one item.
func ambiguous(key string, en *content.English) bool {
	for i := range len(key) {
		if key[i] == '/' && en.Ambiguous[key[:i]] != "" {
			return true
		}
	}
	return en.Ambiguous[key] != ""
}

// listNouns says, for each list a translation names items of, what one
// item is called, what names it, and the file that has the list.
var listNouns = map[string]struct{ noun, by, file string }{
	"inspections":           {"inspection", "the date of its `start`", "school.yaml"},
	"milestones":            {"milestone", "its `date`", "school.yaml"},
	"areas_for_improvement": {"area for improvement", "its `id`", "school.yaml"},
	"areas":                 {"area of the action plan", "its `for`", "action-plan.yaml"},
	"actions":               {"action", "its `id`", "action-plan.yaml"},
	"measures":              {"measure", "its `id`", "action-plan.yaml"},
	"meetings":              {"meeting", "its `id`, or its `start` as written (2026-12-08T18:00)", "meetings.yaml"},
	"views":                 {"gathering of views", "the date it was `gathered`", "views.yaml"},
	"questions":             {"question", "its `id`", "views.yaml"},
	"themes":                {"theme", "its `id`", "views.yaml"},
}

// unknownKey reports a translated text with nothing in English to
// translate: an id or date that names no item (or more than one), a part
// of the school it does not have, or a field the English leaves empty.
func (b *builder) unknownKey(p string, x content.Translated, en *content.English) {
	parts := strings.Split(en.Canonical(x.Key), "/")
	last := len(parts) - 1
	for i := range parts {
		prefix := strings.Join(parts[:i+1], "/")
		switch {
		case x.Named[i]:
			if file, ok := en.Ambiguous[prefix]; ok {
				fix := "only an item with a key of its own can be translated"
				if parts[i-1] == "meetings" {
					fix = "give each of them an `id:` in meetings.yaml, and name the meeting here by its id"
				}
				b.ds.Errorf(p, x.Keys[i], "%q names more than one %s in %s, so the translation cannot tell which it is; %s", parts[i], listNouns[parts[i-1]].noun, file, fix)
				return
			}
			if !en.Items[prefix] {
				b.unknownItem(p, x.Keys[i], parts, i, en)
				return
			}
		case i < last && x.Named[i+1]:
			// a list: its items are named next
		case i < last && !en.Items[prefix]:
			b.ds.Errorf(p, x.Keys[i], "the school has no %s, so `%s` has nothing to translate; remove it", content.EnglishFileOf(x.Key), parts[i])
			return
		}
	}
	what, field := "the English", parts[last]
	if x.Named[last] {
		l := listNouns[parts[last-1]]
		what, field = fmt.Sprintf("the %s %q in %s", l.noun, parts[last], l.file), "note"
	} else if last >= 2 && x.Named[last-1] {
		l := listNouns[parts[last-2]]
		what = fmt.Sprintf("the %s %q in %s", l.noun, parts[last-1], l.file)
	} else {
		what = content.EnglishFileOf(x.Key)
	}
	b.ds.Errorf(p, x.At, "%s has no `%s`, so there is nothing to translate; remove this line, or write the English first", what, field)
}

// unknownItem reports an id or date that names no item of its list, with
// the one probably meant.
func (b *builder) unknownItem(p string, at content.Pos, parts []string, i int, en *content.English) {
	list := parts[i-1]
	l := listNouns[list]
	parent := strings.Join(parts[:i], "/")
	var have []string
	for k := range en.Items {
		if rest, ok := strings.CutPrefix(k, parent+"/"); ok && !strings.Contains(rest, "/") {
			have = append(have, rest)
		}
	}
	for k := range en.Aliases {
		if rest, ok := strings.CutPrefix(k, parent+"/"); ok {
			have = append(have, rest)
		}
	}
	slices.Sort(have)
	msg := fmt.Sprintf("there is no %s %q in %s to translate (a translation names each %s by %s)", l.noun, parts[i], l.file, l.noun, l.by)
	if c := closestKey(parts[i], have); c != "" {
		msg += fmt.Sprintf("; did you mean %q?", c)
	} else {
		msg += "."
	}
	if len(have) > maxListed {
		have = append(have[:maxListed], fmt.Sprintf("and %d more", len(have)-maxListed))
	}
	if len(have) > 0 {
		msg += " The " + plural(l.noun) + " here are: " + strings.Join(have, ", ")
	}
	if n := en.Unnamed[parent]; n > 0 {
		msg += fmt.Sprintf(" (%d more %s no `id:` in %s, and can be translated once given one)", n, has(n, l.noun), l.file)
	}
	b.ds.Errorf(p, at, "%s", msg)
}

func plural(noun string) string {
	switch noun {
	case "gathering of views":
		return "gatherings of views"
	case "area for improvement":
		return "areas for improvement"
	case "area of the action plan":
		return "areas of the action plan"
	}
	return noun + "s"
}

func has(n int, noun string) string {
	if n == 1 {
		return noun + " has"
	}
	return plural(noun) + " have"
}

// maxListed is how many ids or dates a message lists.
const maxListed = 12

// closestKey returns the key of have nearest to k, if it is a likely typo.
func closestKey(k string, have []string) string {
	best, bestD := "", 3
	for _, h := range have {
		if d := content.EditDistance(k, h); d < bestD {
			best, bestD = h, d
		}
	}
	return best
}

// hasLetter reports whether s holds a letter: a text of figures and
// signs alone ("%", "1:1") reads the same in every language.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// languageCodes lists the site's other languages.
func (s *Site) languageCodes() []string {
	codes := make([]string, len(s.Languages))
	for i, l := range s.Languages {
		codes[i] = l.Code
	}
	return codes
}
