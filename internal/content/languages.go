package content

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
)

// A site may be published in other languages besides its main one
// (CONTENT-FORMAT "Languages", version 2): site.yaml lists them, and each
// is published under /<code>/, so a code must be a language tag written
// as the standard writes it, once, and not the main language again.

// ParseLanguage reads a BCP 47 language tag and returns it as the
// standard writes it ("EN-gb" is "en-GB") and its base language ("en");
// ok is false when s is not a tag of a known language.
func ParseLanguage(s string) (canonical, base string, ok bool) {
	t, err := language.Parse(s)
	if err != nil {
		return "", "", false
	}
	b, conf := t.Base()
	if conf == language.No || b.String() == "und" {
		return "", "", false
	}
	return t.String(), b.String(), true
}

// languages checks site.yaml's languages: each a known BCP 47 tag written
// as the standard writes it, listed once, with a name, and not the main
// language (nor the main language's base language: en beside en-GB would
// publish the same site twice).
func (l *loader) languages(s *SiteConfig) {
	const p = "site.yaml"
	_, mainBase, mainOK := ParseLanguage(s.Language)
	seen := map[string]Pos{}
	for i := range s.Languages {
		lang := &s.Languages[i]
		l.requireText(p, lang.Meta, "name", lang.Name)
		if lang.Code == "" || lang.Bad("code") {
			continue
		}
		at := lang.At("code")
		canon, base, ok := ParseLanguage(lang.Code)
		switch {
		case !ok:
			l.ds.Errorf(p, at, "`code` is %q, which is not a language tag; write the language's BCP 47 tag, such as pl (Polish), ro (Romanian), ur (Urdu), ar (Arabic) or so (Somali)", lang.Code)
			continue
		case canon != lang.Code:
			l.errorFix(p, at, lang.Code, canon, "`code` is %q; write it as the standard does, %q, which is also the folder the language is published in (/%s/)", lang.Code, canon, canon)
		}
		switch {
		case strings.EqualFold(canon, s.Language) || (mainOK && base == mainBase):
			l.ds.Errorf(p, at, "`code` %q is the site's main language (`language: %s`), which is published at the top of the site; list only the other languages under `languages:`", lang.Code, s.Language)
		default:
			if first, dup := seen[canon]; dup {
				l.ds.Errorf(p, at, "the language %q is listed twice (also on line %d); keep one", lang.Code, first.Line)
				continue
			}
		}
		seen[canon] = at
	}
}

// LanguageCodes returns the codes of site.yaml's other languages, in the
// order it lists them.
func (s *SiteConfig) LanguageCodes() []string {
	codes := make([]string, len(s.Languages))
	for i, l := range s.Languages {
		codes[i] = l.Code
	}
	return codes
}

// HasLanguage reports whether code is one of site.yaml's other languages.
func (s *SiteConfig) HasLanguage(code string) bool {
	for _, l := range s.Languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

// NotALanguage is the message for a translation whose language code is
// not one of site.yaml's languages.
func NotALanguage(code string, codes []string) string {
	if len(codes) == 0 {
		return fmt.Sprintf("this is a translation into %q, but site.yaml lists no other languages; add it under `languages:` in site.yaml (`- code: %s` and its `name:`), or remove the file", code, code)
	}
	msg := fmt.Sprintf("this is a translation into %q, which is not one of site.yaml's languages (%s)", code, strings.Join(codes, ", "))
	// Codes are short: only one letter apart is a likely slip.
	if i := slices.IndexFunc(codes, func(c string) bool { return EditDistance(strings.ToLower(code), strings.ToLower(c)) == 1 }); i >= 0 {
		msg += fmt.Sprintf("; did you mean %q?", codes[i])
	} else {
		msg += "; add it under `languages:` in site.yaml, or rename the file"
	}
	return msg
}
