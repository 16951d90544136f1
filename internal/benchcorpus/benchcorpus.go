// Package benchcorpus writes a made-up content folder of any number of
// schools, in the content format (README.md), for benchmarks: each school
// has the volume a busy Parent Support Adviser produces in a year or two
// (10 to 20 updates of 300 to 900 words, 8 to 15 meetings with repeats, an
// action plan with measures, parents' views), with the frameworks and
// categories varied as they are across England. The folder builds with no
// errors and no warnings.
//
// The corpus is deterministic: the same Options give the same bytes. Each
// school is drawn from its own random stream (the seed and its index), so
// the first 100 schools of a 1,000-school corpus are the 100-school corpus.
//
// With Options.Languages the site is also published in those languages
// (content format version 2): site.yaml lists them, and each school has a
// realistic share of translations (see translate.go). Its translations are
// drawn from streams of their own, so the English files are those of the
// corpus without languages, but for the site's languages list and the ids
// that let actions, measures, questions and themes be translated.
package benchcorpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/civil"
)

// Options say what corpus to write.
type Options struct {
	Schools int    // how many schools
	Seed    uint64 // the random seed: the same seed gives the same corpus
	// Now is the day the corpus is written for (the build's --now): most
	// updates and meetings fall before it, some meetings and a few updates
	// after. The zero value means DefaultNow.
	Now time.Time
	// Languages are the site's other languages, by code (see
	// TranslatedLanguages for those the corpus has text for); none gives
	// the one-language corpus of version 1, byte for byte.
	Languages []string
}

// DefaultNow is the day a corpus is written for when Options.Now is zero.
func DefaultNow() time.Time { return time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC) }

// File is one file of the corpus.
type File struct {
	Path string // slash-separated, relative to the content folder
	Data []byte
}

// Stats count what a corpus holds.
type Stats struct {
	Schools  int
	Files    int
	Bytes    int64
	Updates  int // update files, drafts and future-dated ones included
	Meetings int // entries in meetings.yaml files
	Words    int // words in update bodies
	// With languages: translated updates (`*.<code>.md`, every language
	// counted), and translations/<code>.yaml files.
	TranslatedUpdates int
	TranslationFiles  int
}

// Files returns the corpus, sorted by path. It panics on a language the
// corpus has no text for: check Options.Languages with CheckLanguages.
func Files(opts Options) ([]File, Stats) {
	if err := CheckLanguages(opts.Languages); err != nil {
		panic(err)
	}
	now := opts.Now
	if now.IsZero() {
		now = DefaultNow()
	}
	now = civil.Date(now)
	var files []File
	var st Stats
	add := func(p string, b []byte) {
		files = append(files, File{Path: p, Data: b})
	}
	add("site.yaml", siteYAML(opts.Languages))
	for _, p := range sitePages() {
		add("pages/"+p.slug+".md", p.body)
	}
	for _, code := range opts.Languages {
		for _, p := range tongues[code].pages {
			add("pages/"+p.slug+"."+code+".md", p.body)
		}
	}
	taken := map[string]bool{}
	for i := range opts.Schools {
		g := &gen{rng: rand.New(rand.NewPCG(opts.Seed, uint64(i))), now: now, index: i, seed: opts.Seed, ids: len(opts.Languages) > 0}
		s := g.school(taken)
		for _, f := range s.files {
			add("schools/"+s.slug+"/"+f.Path, f.Data)
		}
		for _, code := range opts.Languages {
			tr := translateSchool(s.school, tongues[code], opts.Seed, i)
			for _, f := range tr.files {
				add("schools/"+s.slug+"/"+f.Path, f.Data)
			}
			st.TranslatedUpdates += tr.updates
			if tr.yaml {
				st.TranslationFiles++
			}
		}
		st.Updates += s.updates
		st.Meetings += s.meetings
		st.Words += s.words
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	st.Schools = opts.Schools
	st.Files = len(files)
	for _, f := range files {
		st.Bytes += int64(len(f.Data))
	}
	return files, st
}

// Write writes the corpus into dir, which must not exist or be empty.
func Write(dir string, opts Options) (Stats, error) {
	if err := CheckLanguages(opts.Languages); err != nil {
		return Stats{}, err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return Stats{}, fmt.Errorf("benchcorpus: %s is not empty", dir)
	}
	files, st := Files(opts)
	made := map[string]bool{}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return st, err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return st, err
		}
	}
	return st, nil
}

// gen draws one school.
type gen struct {
	rng   *rand.Rand
	now   time.Time
	index int
	seed  uint64
	ids   bool // write ids on actions, measures, questions and themes, so they can be translated
}

func (g *gen) intn(lo, hi int) int   { return lo + g.rng.IntN(hi-lo+1) } // lo..hi inclusive
func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

func pick[T any](g *gen, xs []T) T { return xs[g.rng.IntN(len(xs))] }

// day returns the date n days after t.
func day(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

func date(t time.Time) string { return t.Format(time.DateOnly) }

// between returns a date between a and b inclusive.
func (g *gen) between(a, b time.Time) time.Time {
	n := int(b.Sub(a).Hours() / 24)
	if n <= 0 {
		return a
	}
	return day(a, g.rng.IntN(n+1))
}

// yw builds a YAML document. Strings are always double-quoted, so that no
// value can be read as a number, a date or a boolean by accident.
type yw struct{ bytes.Buffer }

func q(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func (w *yw) line(indent int, format string, args ...any) {
	w.WriteString(strings.Repeat(" ", indent))
	fmt.Fprintf(w, format, args...)
	w.WriteByte('\n')
}

// block writes key: | followed by text indented under it, as a PSA writes
// Markdown in YAML.
func (w *yw) block(indent int, key, text string) {
	w.line(indent, "%s: |", key)
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if l == "" {
			w.WriteByte('\n')
			continue
		}
		w.line(indent+2, "%s", l)
	}
}
