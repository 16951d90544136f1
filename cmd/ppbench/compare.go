package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/benchcorpus"
)

// langRun is one corpus of a language comparison: the schools in the main
// language only, or with the other languages, and its timed builds.
type langRun struct {
	schools int
	langs   []string // nil: the main language only
	base    string
	content string
	corpus  benchcorpus.Stats
	outs    []string // each run's output folder
	builds  []measure
}

func (r *langRun) label() string {
	if r.langs == nil {
		return "English only"
	}
	return "English + " + strings.Join(r.langs, ", ")
}

// compareLanguages times, for each number of schools, fresh builds of the
// one-language corpus and of the same corpus with o.compare's languages,
// in turn within each run (A B, then B A, so that a slow spell of a shared
// machine, or anything that builds up over the runs, falls on both
// alike), and prints both and their ratios.
func compareLanguages(ctx context.Context, o options, now time.Time, stdout, stderr io.Writer) error {
	b, work, done, err := startRun(ctx, o, stderr)
	if err != nil {
		return err
	}
	defer done()
	loadStart := loadAverage()
	b.quiet = &settler{cold: o.cold}
	pairs, err := b.writeLanguagePairs(ctx, work, now)
	if err != nil {
		return err
	}
	for i := range o.runs {
		for _, p := range pairs {
			order := p
			if i%2 == 1 {
				order = [2]*langRun{p[1], p[0]}
			}
			for _, r := range order {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := b.timeLanguageBuild(ctx, r, i); err != nil {
					return err
				}
			}
		}
	}
	var rows []langRow
	for _, p := range pairs {
		row, err := summariseLanguages(p)
		if err != nil {
			return err
		}
		rows = append(rows, row)
	}
	printLanguageTables(stdout, rows, o)
	fmt.Fprintf(stdout, "\nLoad average (1, 5, 15 minutes) at the start: %s; at the end: %s.\n", loadStart, loadAverage())
	return nil
}

// writeLanguagePairs writes, for each number of schools, the one-language
// corpus into work/<n> and the corpus with languages into
// work/<n>-<codes>.
func (b *benchRun) writeLanguagePairs(ctx context.Context, work string, now time.Time) ([][2]*langRun, error) {
	var pairs [][2]*langRun
	for _, n := range b.o.schools {
		var pair [2]*langRun
		for k, langs := range [][]string{nil, b.o.compare} {
			name := strconv.Itoa(n)
			if langs != nil {
				name += "-" + strings.Join(langs, "-")
			}
			r := &langRun{schools: n, langs: langs, base: filepath.Join(work, name)}
			if _, err := os.Stat(r.base); err == nil {
				return nil, fmt.Errorf("%s already holds a run; give -dir a new or empty folder", r.base)
			}
			r.content = filepath.Join(r.base, "content")
			b.logf("%d schools, %s: writing the corpus", n, r.label())
			var err error
			r.corpus, err = benchcorpus.Write(r.content, benchcorpus.Options{Schools: n, Seed: b.o.seed, Now: now, Languages: langs})
			if err != nil {
				return nil, err
			}
			if b.o.git {
				if err := gitCommit(ctx, r.content); err != nil {
					return nil, err
				}
			}
			pair[k] = r
		}
		pairs = append(pairs, pair)
	}
	return pairs, nil
}

// timeLanguageBuild times run i of one corpus: a fresh build into a folder
// never used before (see settler).
func (b *benchRun) timeLanguageBuild(ctx context.Context, r *langRun, i int) error {
	if err := b.quiet.settle(ctx, b.logf, []string{b.bin}, []string{r.content}); err != nil {
		return err
	}
	out := filepath.Join(r.base, fmt.Sprintf("public-%d", i+1))
	b.logf("%d schools, %s, run %d/%d", r.schools, r.label(), i+1, b.o.runs)
	m, err := timeCommand(ctx, b.bin, []string{"build", "--content", r.content, "--out", out, "--now", b.o.now}, nil)
	if err != nil {
		return fmt.Errorf("parentpages, %s: %w", r.label(), err)
	}
	r.outs = append(r.outs, out)
	r.builds = append(r.builds, m)
	return nil
}

// langRow is what the tables show for one number of schools.
type langRow struct {
	runs    [2]*langRun
	medians [2]measure
	outs    [2]tree
	own     int64 // the largest of ppbench's own sizes as it started a build
}

func summariseLanguages(p [2]*langRun) (langRow, error) {
	row := langRow{runs: p}
	for k, r := range p {
		row.medians[k] = medianOf(r.builds)
		var err error
		if row.outs[k], err = walkTree(r.outs[len(r.outs)-1]); err != nil {
			return row, err
		}
		for _, m := range r.builds {
			row.own = max(row.own, m.own)
		}
	}
	return row, nil
}

func printLanguageTables(w io.Writer, rows []langRow, o options) {
	fmt.Fprintf(w, "\nMedians of %d runs of a fresh build, the one-language corpus and the corpus with %s built in turn in each run.\n",
		o.runs, strings.Join(o.compare, ", "))
	fmt.Fprintln(w, "CPU is user + system; peak memory is the build's maximum resident set size (the child's rusage).")
	if o.cold {
		fmt.Fprintln(w, "Cold: before every build the kernel's caches were dropped and only the program read back in.")
	} else {
		fmt.Fprintln(w, "Warm: before every build the kernel's caches were dropped and its inputs read back in.")
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| schools | languages | corpus files | corpus MB | pages | files written | output MB | wall | CPU | peak memory |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		for k, lr := range r.runs {
			m, t := r.medians[k], r.outs[k]
			fmt.Fprintf(w, "| %d | %s | %d | %.1f | %d | %d | %.1f | %s | %s | %s |\n", lr.schools, lr.label(),
				lr.corpus.Files, mb(lr.corpus.Bytes), t.pages, t.files, mb(t.bytes), secs(m.wall), secs(m.cpu), mem(m.peak))
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "With %s ÷ English only (%d languages against 1):\n\n", strings.Join(o.compare, ", "), 1+len(o.compare))
	fmt.Fprintln(w, "| schools | wall | CPU | peak memory | pages | files written | output MB | corpus MB |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		a, b := r.medians[0], r.medians[1]
		ta, tb := r.outs[0], r.outs[1]
		fmt.Fprintf(w, "| %d | %s | %s | %s | %s | %s | %s | %s |\n", r.runs[0].schools,
			ratio(b.wall.Seconds(), a.wall.Seconds()), ratio(b.cpu.Seconds(), a.cpu.Seconds()), ratio(float64(b.peak), float64(a.peak)),
			ratio(float64(tb.pages), float64(ta.pages)), ratio(float64(tb.files), float64(ta.files)), ratio(float64(tb.bytes), float64(ta.bytes)),
			ratio(float64(r.runs[1].corpus.Bytes), float64(r.runs[0].corpus.Bytes)))
	}
	fmt.Fprintln(w)
	for _, r := range rows {
		one, multi := r.runs[0], r.runs[1]
		fmt.Fprintf(w, "Every run at %d schools (wall): English only %s; %s %s; ratio in each run %s. Peak memory: English only %s; %s %s.\n",
			one.schools, walls(one.builds), multi.label(), walls(multi.builds), ratios(multi.builds, one.builds),
			peaks(one.builds), multi.label(), peaks(multi.builds))
		fmt.Fprintf(w, "The corpus with languages has %d translated updates (of %d in English, in each of %d languages) and %d translations files.\n",
			multi.corpus.TranslatedUpdates, multi.corpus.Updates, len(multi.langs), multi.corpus.TranslationFiles)
	}
	var own int64
	for _, r := range rows {
		own = max(own, r.own)
	}
	if own > 0 {
		fmt.Fprintf(w, "\nppbench's own resident size as it started a build was at most %s: the kernel reports no build's peak below it, so the peaks above are the builds' own where they exceed it.\n", mem(own))
	}
}

// ratio is a÷b to two places, or "-" when b is nothing.
func ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return strconv.FormatFloat(a/b, 'f', 2, 64)
}

// peaks lists each run's peak memory.
func peaks(ms []measure) string {
	var s []string
	for _, m := range ms {
		s = append(s, strconv.FormatFloat(mb(m.peak), 'f', 0, 64))
	}
	return strings.Join(slices.Clip(s), ", ") + " MiB"
}
