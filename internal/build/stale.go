package build

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/site"
)

// A translation falls behind when its English changes after it: the page
// in that language then says what the English no longer does. Git history
// tells when each text took its present form, as it tells SEQUENCE when a
// meeting's details did (sequence.go): a translated text whose English
// took its present form in a later commit than the translation did gets a
// warning at the translated text (a translated update or page: at its
// file). Outside a Git repository there is no warning.

// uncommitted is when a text changed that differs from the last commit:
// after every commit.
var uncommitted = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)

// since is when a text took its present form, and the commit that gave it.
type since struct {
	when time.Time
	hash string
}

func (s since) String() string {
	if s.when.Equal(uncommitted) {
		return "in changes not yet committed"
	}
	return fmt.Sprintf("on %s (commit %.7s)", s.when.UTC().Format(time.DateOnly), s.hash)
}

// translationPair is a translation and the English files it translates.
type translationPair struct {
	translation string   // content path
	originals   []string // content paths
	markdown    bool     // a translated update or page, else translations/<code>.yaml
}

// staleTranslations warns of every translated text whose English changed
// after it did. Files with errors are left out: what could not be read is
// not compared.
func staleTranslations(contentDir string, entries []*site.Entry, ds content.Diagnostics) (content.Diagnostics, error) {
	top, prefix, ok := gitRoot(contentDir)
	if !ok {
		return nil, nil
	}
	broken := map[string]bool{}
	for _, d := range ds {
		if !d.Warning {
			broken[d.Path] = true
		}
	}
	pairs := translationPairs(contentDir, entries, broken)
	if len(pairs) == 0 {
		return nil, nil
	}
	seen := map[string]bool{}
	var specs []string
	for _, p := range pairs {
		for _, f := range append([]string{p.translation}, p.originals...) {
			if !seen[f] {
				seen[f] = true
				specs = append(specs, path.Join(prefix, f))
			}
		}
	}
	hist, err := fileHistory(top, specs)
	if err != nil {
		return nil, err
	}
	blobs, err := readBlobs(top, hist)
	if err != nil {
		return nil, err
	}
	h := &textHistory{dir: contentDir, prefix: prefix, commits: hist, blobs: blobs}
	var out content.Diagnostics
	for _, p := range pairs {
		if p.markdown {
			out = append(out, h.staleMarkdown(p)...)
		} else {
			out = append(out, h.staleYAML(p)...)
		}
	}
	return out, nil
}

// translationPairs lists the translations of the schools and of the site's
// pages, with their English files, leaving out those with errors.
func translationPairs(contentDir string, entries []*site.Entry, broken map[string]bool) []translationPair {
	var pairs []translationPair
	for _, e := range entries {
		var english []string
		for _, name := range content.EnglishFiles {
			if p := e.Dir + "/" + name; e.Paths[p] && !broken[p] {
				english = append(english, p)
			}
		}
		for p := range e.Paths {
			if broken[p] {
				continue
			}
			if strings.HasPrefix(p, e.Dir+"/translations/") && strings.HasSuffix(p, ".yaml") {
				pairs = append(pairs, translationPair{translation: p, originals: english})
			} else if orig, _, ok := content.TranslationOf(p); ok && strings.HasPrefix(p, e.Dir+"/updates/") && e.Paths[orig] && !broken[orig] {
				pairs = append(pairs, translationPair{translation: p, originals: []string{orig}, markdown: true})
			}
		}
	}
	pages, _ := os.ReadDir(filepath.Join(contentDir, "pages"))
	for _, f := range pages {
		p := "pages/" + f.Name()
		if orig, _, ok := content.TranslationOf(p); ok && !broken[p] && !broken[orig] {
			if _, err := os.Stat(filepath.Join(contentDir, filepath.FromSlash(orig))); err == nil {
				pairs = append(pairs, translationPair{translation: p, originals: []string{orig}, markdown: true})
			}
		}
	}
	return pairs
}

// textHistory holds the versions of the files compared.
type textHistory struct {
	dir, prefix string
	commits     map[string][]commit // by repository path, newest first
	blobs       map[string][]byte   // by "hash:repository path"
}

// current reads a file as it is now.
func (h *textHistory) current(p string) []byte {
	b, _ := os.ReadFile(filepath.Join(h.dir, filepath.FromSlash(p)))
	return b
}

// sinceOf returns when each text of a file took its present form: the
// oldest commit of the newest run of versions that hold it as it is now,
// or uncommitted when the file as it is differs from the last commit.
// now is the file's texts as they are; texts reads them from a version.
func (h *textHistory) sinceOf(p string, now map[string]string, texts func([]byte) map[string]string) map[string]since {
	rp := path.Join(h.prefix, p)
	var versions []map[string]string // newest first, up to the first deletion
	for _, c := range h.commits[rp] {
		blob, ok := h.blobs[c.hash+":"+rp]
		if !ok {
			break
		}
		versions = append(versions, texts(blob))
	}
	out := make(map[string]since, len(now))
	for k, v := range now {
		s := since{when: uncommitted}
		for i, then := range versions {
			if t, ok := then[k]; !ok || t != v {
				break
			}
			c := h.commits[rp][i]
			s = since{when: c.when, hash: c.hash}
		}
		out[k] = s
	}
	return out
}

// staleMarkdown compares a translated update or page with its original.
func (h *textHistory) staleMarkdown(p translationPair) content.Diagnostics {
	orig := p.originals[0]
	whole := func(b []byte) map[string]string { return map[string]string{"": string(b)} }
	text := func(b []byte) map[string]string { return map[string]string{"": content.MarkdownText(b)} }
	tr := h.sinceOf(p.translation, whole(h.current(p.translation)), whole)[""]
	en := h.sinceOf(orig, text(h.current(orig)), text)[""]
	if !en.when.After(tr.when) {
		return nil
	}
	var ds content.Diagnostics
	ds.Warnf(p.translation, content.Pos{Line: 1, Col: 1}, "this translation may be out of date: %s changed %s, after the translation last did (%s); bring the translation up to date with it (the warning goes once the translation changes)", orig, en, tr)
	return ds
}

// staleYAML compares each text of translations/<code>.yaml with its
// English in the school's files.
func (h *textHistory) staleYAML(p translationPair) content.Diagnostics {
	english := map[string]map[string]since{} // by file name
	var meetings *content.English
	for _, f := range p.originals {
		name := path.Base(f)
		read := func(b []byte) map[string]string { return content.EnglishOfFile(name, b).Texts }
		now := content.EnglishOfFile(name, h.current(f))
		if name == "meetings.yaml" {
			meetings = now
		}
		english[name] = h.sinceOf(f, now.Texts, read)
	}
	texts := content.TranslationTexts(p.translation, h.current(p.translation))
	now := make(map[string]string, len(texts))
	for _, x := range texts {
		now[x.Key] = x.Text
	}
	read := func(b []byte) map[string]string {
		m := map[string]string{}
		for _, x := range content.TranslationTexts(p.translation, b) {
			m[x.Key] = x.Text
		}
		return m
	}
	tr := h.sinceOf(p.translation, now, read)
	var ds content.Diagnostics
	for _, x := range texts {
		key := x.Key
		if meetings != nil {
			key = meetings.Canonical(key)
		}
		file := content.EnglishFileOf(key)
		en, ok := english[file][key]
		if !ok || !en.when.After(tr[x.Key].when) {
			continue
		}
		ds.Warnf(p.translation, x.At, "this translation may be out of date: its English (`%s` in %s) changed %s, after the translation last did (%s); bring the translation up to date with it (the warning goes once the translation changes)", key, file, en, tr[x.Key])
	}
	return ds
}
