// Command ppbench measures how long parentpages takes to build sites of
// many schools, against the floor of copying the content and reading the
// output back, and against Hugo building the same pages.
//
// For each number of schools it writes a corpus with internal/benchcorpus,
// builds the parentpages binary once, and times whole builds as child
// processes: wall time, CPU time (user + system) and peak memory (maximum
// resident set size). With -hugo, and hugo on the PATH, it writes the
// equivalent Hugo site and times `hugo --minify` in turn with parentpages
// (A B A B), so that noise on a shared machine falls on both. It prints a
// Markdown table of medians. Builds and the floor start warm (their inputs
// read back in after the kernel's caches are dropped); with -cold, from
// the disk.
//
//	go run ./cmd/ppbench -schools 100,1000 -runs 3 -hugo
//	go run ./cmd/ppbench -schools 1000 -runs 3 -cold
//
// With -languages the corpus is a site in more languages (benchcorpus's
// Options.Languages), and every table measures it. With
// -compare-languages it measures, in one run, the one-language corpus
// against the same corpus with those languages added, built in turn
// (A B, then B A), and prints both and their ratios:
//
//	go run ./cmd/ppbench -schools 1000 -runs 3 -compare-languages pl,ur
//
// Timing is for people to read: nothing here asserts a time.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/benchcorpus"
)

type options struct {
	schools []int
	runs    int
	hugo    bool
	cold    bool
	git     bool
	seed    uint64
	now     string
	work    string // the work folder; "" makes a temporary one
	keep    bool
	bin     string // a parentpages binary to use instead of building one
	write   string // only write a corpus here
	// languages are the corpus's other languages; compare, when set, the
	// languages measured against the one-language corpus.
	languages, compare []string
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, now, ok := parseOptions(args, stderr)
	if !ok {
		return 2
	}
	if o.write != "" {
		return writeCorpus(o, now, stdout, stderr)
	}
	run := bench
	if o.compare != nil {
		run = compareLanguages
	}
	if err := run(ctx, o, now, stdout, stderr); err != nil {
		fmt.Fprintf(stderr, "ppbench: %v\n", err)
		return 1
	}
	return 0
}

// parseOptions reads the command line, saying what is wrong with it on
// stderr when it is not ok.
func parseOptions(args []string, stderr io.Writer) (o options, now time.Time, ok bool) {
	fs := flag.NewFlagSet("ppbench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	schools := fs.String("schools", "100,1000", "comma-separated `numbers` of schools to measure")
	fs.IntVar(&o.runs, "runs", 3, "timed builds of each tool at each size; the table shows medians")
	fs.BoolVar(&o.hugo, "hugo", false, "also build the equivalent Hugo site (needs hugo on the PATH)")
	fs.BoolVar(&o.cold, "cold", false, "time every build and floor with the kernel's caches dropped and the content not read back in (needs root)")
	fs.BoolVar(&o.git, "git", false, "commit the corpus to a Git repository first, so the build reads each meetings.yaml's history as it does in CI")
	fs.Uint64Var(&o.seed, "seed", 1, "the corpus's random `seed`")
	fs.StringVar(&o.now, "now", "2026-11-29", "the build `date` (--now), also Hugo's --clock")
	fs.StringVar(&o.work, "dir", "", "work `folder` (default: a new temporary folder, removed at the end)")
	fs.BoolVar(&o.keep, "keep", false, "keep the work folder")
	fs.StringVar(&o.bin, "bin", "", "a parentpages `binary` to time (default: build ./cmd/parentpages)")
	fs.StringVar(&o.write, "write", "", "only write a corpus of the first -schools number into `folder`/content (with -hugo, the Hugo site into folder/hugo), then exit")
	languages := fs.String("languages", "", "comma-separated `codes` of the site's other languages (of "+strings.Join(benchcorpus.TranslatedLanguages(), ", ")+"): the corpus is translated into them")
	compare := fs.String("compare-languages", "", "comma-separated `codes`: time the one-language build against the same corpus with these languages, and print both and their ratios")
	if err := fs.Parse(args); err != nil {
		return o, now, false
	}
	err := o.set(fs.Args(), *schools, *languages, *compare)
	if err == nil {
		now, err = time.Parse(time.DateOnly, o.now)
		if err != nil {
			err = fmt.Errorf("-now: %v", err)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "ppbench: %v\n", err)
		return o, now, false
	}
	return o, now, true
}

// set checks the flags that are not simply values and sets o from them.
func (o *options) set(rest []string, schools, languages, compare string) error {
	if len(rest) > 0 {
		return fmt.Errorf("unexpected arguments %q", rest)
	}
	for _, l := range []struct {
		flag, value string
		to          *[]string
	}{{"-languages", languages, &o.languages}, {"-compare-languages", compare, &o.compare}} {
		codes, err := languageList(l.value)
		if err != nil {
			return fmt.Errorf("%s: %v", l.flag, err)
		}
		*l.to = codes
	}
	switch {
	case o.languages != nil && o.compare != nil:
		return errors.New("give -languages or -compare-languages, not both")
	case o.compare != nil && o.write != "":
		return errors.New("-write writes one corpus: give it -languages, not -compare-languages")
	case (o.languages != nil || o.compare != nil) && o.hugo:
		return errors.New("-hugo cannot be given with languages: the Hugo site has one language")
	}
	for _, s := range strings.Split(schools, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			return fmt.Errorf("-schools: %q is not a number of schools", s)
		}
		o.schools = append(o.schools, n)
	}
	if o.runs < 1 {
		return errors.New("-runs must be 1 or more")
	}
	return nil
}

// writeCorpus writes the corpus -write asks for, and the Hugo site with -hugo.
func writeCorpus(o options, now time.Time, stdout, stderr io.Writer) int {
	content := filepath.Join(o.write, "content")
	st, err := benchcorpus.Write(content, benchcorpus.Options{Schools: o.schools[0], Seed: o.seed, Now: now, Languages: o.languages})
	if err == nil && o.hugo {
		err = writeHugoSite(content, filepath.Join(o.write, "hugo"))
	}
	if err != nil {
		fmt.Fprintf(stderr, "ppbench: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d schools, %d files, %.1f MB, %d updates (%d words), %d meetings",
		st.Schools, st.Files, mb(st.Bytes), st.Updates, st.Words, st.Meetings)
	if o.languages != nil {
		fmt.Fprintf(stdout, "; in %s: %d translated updates, %d translations files", strings.Join(o.languages, ", "), st.TranslatedUpdates, st.TranslationFiles)
	}
	fmt.Fprintf(stdout, " to %s\n", content)
	return 0
}

// row is what the table shows for one number of schools.
type row struct {
	schools            int
	corpusFiles        int
	corpusBytes        int64
	pp, second, edited measure
	out                tree
	floor              time.Duration
	hugo               measure
	hugoOut            tree
	runs               []string  // every timing, for judging the noise
	walls              []measure // each run's fresh build, for the ratios between sizes
}

// startRun makes the work folder (o.work, or a temporary one that done
// removes unless o.keep) and finds the programs to time.
func startRun(ctx context.Context, o options, stderr io.Writer) (b *benchRun, work string, done func(), err error) {
	work, done = o.work, func() {}
	if work == "" {
		if work, err = os.MkdirTemp("", "ppbench-"); err != nil {
			return nil, "", nil, err
		}
	}
	if !o.keep {
		done = func() { os.RemoveAll(work) }
	} else {
		fmt.Fprintf(stderr, "work folder: %s\n", work)
	}
	b = &benchRun{o: o, logf: func(format string, args ...any) { fmt.Fprintf(stderr, format+"\n", args...) }}
	if err := b.findPrograms(ctx, work); err != nil {
		done()
		return nil, "", nil, err
	}
	return b, work, done, nil
}

// bench writes the corpora, times the builds of every size and prints the
// tables of medians.
func bench(ctx context.Context, o options, now time.Time, stdout, stderr io.Writer) error {
	b, work, done, err := startRun(ctx, o, stderr)
	if err != nil {
		return err
	}
	defer done()

	loadStart := loadAverage()
	b.quiet = &settler{cold: o.cold}
	// Every corpus is written first; then each run times every size in
	// turn (100, 1,000, 5,000, 100, 1,000, ...), so that the ratio of one
	// size's time to another's is also measured pair by pair, as parentpages
	// against Hugo is, and a slow spell of a noisy machine does not fall on
	// one size only.
	sizes, err := b.writeCorpora(ctx, work, now)
	if err != nil {
		return err
	}
	for i := range o.runs {
		for _, sz := range sizes {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := b.timeFresh(ctx, sz, i); err != nil {
				return err
			}
		}
	}
	rows, err := summarise(sizes)
	if err != nil {
		return err
	}
	if err := b.timeEdits(ctx, sizes, rows); err != nil {
		return err
	}
	printTables(stdout, rows, o)
	if o.languages != nil {
		fmt.Fprintf(stdout, "\nThe corpus is in English and %s (benchcorpus Options.Languages).\n", strings.Join(o.languages, ", "))
	}
	fmt.Fprintf(stdout, "\nLoad average (1, 5, 15 minutes) at the start: %s; at the end: %s.\n", loadStart, loadAverage())
	return nil
}

// languageList reads a comma-separated list of language codes; "" is none.
func languageList(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var codes []string
	for _, c := range strings.Split(s, ",") {
		codes = append(codes, strings.TrimSpace(c))
	}
	return codes, benchcorpus.CheckLanguages(codes)
}

// benchRun is what every step of a benchmark shares: the options, the
// programs it times and the settler that readies the machine for each.
type benchRun struct {
	o     options
	bin   string // the parentpages binary
	hugo  string // hugo's path; "" when Hugo is not measured, or no longer
	quiet *settler
	logf  func(format string, args ...any)
}

// findPrograms builds parentpages into work, unless -bin names a binary,
// and, with -hugo, finds hugo on the PATH.
func (b *benchRun) findPrograms(ctx context.Context, work string) error {
	b.bin = b.o.bin
	if b.bin == "" {
		b.bin = filepath.Join(work, "parentpages")
		b.logf("building parentpages")
		if err := goBuild(ctx, b.bin); err != nil {
			return err
		}
	}
	if b.o.hugo {
		p, err := exec.LookPath("hugo")
		if err != nil {
			b.logf("hugo is not on the PATH (apt-get install -y hugo): measuring parentpages only")
		} else {
			b.hugo = p
		}
	}
	return nil
}

// writeCorpora writes the corpus of every number of schools into its own
// folder under work (committed with -git, its Hugo site beside it with
// -hugo) and picks the update that the everyday build edits.
func (b *benchRun) writeCorpora(ctx context.Context, work string, now time.Time) ([]*sizeRun, error) {
	sizes := make([]*sizeRun, len(b.o.schools))
	for k, n := range b.o.schools {
		base := filepath.Join(work, strconv.Itoa(n))
		// A fresh build must find no output folder of an earlier run.
		if _, err := os.Stat(base); err == nil {
			return nil, fmt.Errorf("%s already holds a run; give -dir a new or empty folder", base)
		}
		sz := &sizeRun{base: base, content: filepath.Join(base, "content"), hugoSrc: filepath.Join(base, "hugo")}
		b.logf("%d schools: writing the corpus", n)
		st, err := benchcorpus.Write(sz.content, benchcorpus.Options{Schools: n, Seed: b.o.seed, Now: now, Languages: b.o.languages})
		if err != nil {
			return nil, err
		}
		if b.o.git {
			if err := gitCommit(ctx, sz.content); err != nil {
				return nil, err
			}
		}
		sz.row = row{schools: n, corpusFiles: st.Files, corpusBytes: st.Bytes}
		if b.hugo != "" {
			if err := writeHugoSite(sz.content, sz.hugoSrc); err != nil {
				return nil, fmt.Errorf("writing the Hugo site: %w", err)
			}
		}
		if sz.edit, err = pickUpdate(sz.content); err != nil {
			return nil, err
		}
		sizes[k] = sz
	}
	return sizes, nil
}

// timeFresh times run i at one size: a fresh build, an unchanged second
// build into the same folder, Hugo's build and the copy-and-read floor.
// Every timed build that starts from nothing writes into a folder never
// used before, once the settler has readied the machine.
func (b *benchRun) timeFresh(ctx context.Context, sz *sizeRun, i int) error {
	n := sz.row.schools
	progs, data := []string{b.bin}, []string{sz.content}
	if b.hugo != "" {
		progs, data = append(progs, b.hugo), append(data, sz.hugoSrc)
	}
	if err := b.quiet.settle(ctx, b.logf, progs, data); err != nil {
		return err
	}
	out := filepath.Join(sz.base, fmt.Sprintf("public-%d", i+1))
	sz.outs = append(sz.outs, out)
	ppArgs := []string{"build", "--content", sz.content, "--out", out, "--now", b.o.now}
	b.logf("%d schools, run %d/%d: parentpages", n, i+1, b.o.runs)
	m, err := timeCommand(ctx, b.bin, ppArgs, nil)
	if err != nil {
		return fmt.Errorf("parentpages: %w", err)
	}
	sz.pps = append(sz.pps, m)
	// An unchanged second build into the same folder.
	m, err = timeCommand(ctx, b.bin, ppArgs, nil)
	if err != nil {
		return fmt.Errorf("parentpages, second build: %w", err)
	}
	sz.seconds = append(sz.seconds, m)
	if b.hugo != "" {
		if err := b.quiet.settle(ctx, b.logf, progs, data); err != nil {
			return err
		}
		sz.hugoOut = filepath.Join(sz.base, fmt.Sprintf("hugo-public-%d", i+1))
		b.logf("%d schools, run %d/%d: hugo", n, i+1, b.o.runs)
		m, err := timeCommand(ctx, b.hugo, []string{"--minify", "--quiet", "--source", sz.hugoSrc, "--destination", sz.hugoOut,
			"--clock", b.o.now + "T00:00:00Z"}, []string{"HUGO_CACHEDIR=" + filepath.Join(sz.base, "hugo-cache")})
		if err != nil {
			b.logf("hugo failed, so it is left out from here on: %v", err)
			b.hugo = ""
		} else {
			sz.hugos = append(sz.hugos, m)
		}
	}
	// The floor reads the built site as it was just written: warm,
	// unless the run is cold.
	if err := b.quiet.settle(ctx, b.logf, nil, []string{sz.content, out}); err != nil {
		return err
	}
	f, err := copyAndRead(sz.content, filepath.Join(sz.base, fmt.Sprintf("copy-%d", i+1)), out)
	if err != nil {
		return fmt.Errorf("copy-and-read floor: %w", err)
	}
	sz.floors = append(sz.floors, f)
	return nil
}

// summarise makes each size's row of medians, every run's timings and the
// sizes of the last outputs.
func summarise(sizes []*sizeRun) ([]row, error) {
	var rows []row
	for _, sz := range sizes {
		r := sz.row
		r.pp, r.second, r.floor = medianOf(sz.pps), medianOf(sz.seconds), median(sz.floors)
		r.runs = []string{"parentpages " + walls(sz.pps), "second build " + walls(sz.seconds),
			"floor " + durations(sz.floors), "Hugo " + walls(sz.hugos), "parentpages ÷ Hugo in each run " + ratios(sz.pps, sz.hugos)}
		var err error
		if r.out, err = walkTree(sz.outs[len(sz.outs)-1]); err != nil {
			return nil, err
		}
		if len(sz.hugos) > 0 {
			r.hugo = medianOf(sz.hugos)
			if r.hugoOut, err = walkTree(sz.hugoOut); err != nil {
				return nil, err
			}
		}
		r.walls = sz.pps
		rows = append(rows, r)
	}
	return rows, nil
}

// timeEdits times the everyday build: a PSA has edited one update. It
// replaces the folder, and so deletes the previous site's folders: it
// comes after every fresh build (see settler).
func (b *benchRun) timeEdits(ctx context.Context, sizes []*sizeRun, rows []row) error {
	for k, sz := range sizes {
		var edits []measure
		for i, out := range sz.outs {
			if err := b.quiet.settle(ctx, b.logf, []string{b.bin}, []string{sz.content, out}); err != nil {
				return err
			}
			b.logf("%d schools, run %d/%d: parentpages after one update is edited", rows[k].schools, i+1, len(sz.outs))
			args := []string{"build", "--content", sz.content, "--out", out, "--now", b.o.now}
			m, err := timeEdited(sz.edit, func() (measure, error) { return timeCommand(ctx, b.bin, args, nil) })
			if err != nil {
				return fmt.Errorf("parentpages, one update edited: %w", err)
			}
			edits = append(edits, m)
		}
		rows[k].edited = medianOf(edits)
		rows[k].runs = append(rows[k].runs, "one update edited "+walls(edits))
	}
	return nil
}

// settler keeps file deletions from falling on the timed builds. On ext4
// without a journal (as on this machine's disk), the kernel will not reuse
// an inode freed in the last 60 seconds, or 360 while the block of the inode
// table that holds it is dirty, which creating files next to it makes it;
// and it skips over each such inode one by one when it creates a file. For
// minutes after tens of thousands of files are deleted, creating a file or
// folder costs several times the kernel CPU (perf shows
// find_get_block_common under recently_deleted). A build timed after
// `rm -rf public` measures that, not the build.
//
// So nothing is deleted until the end: every fresh build writes into a
// folder never used before, and the edited builds, which replace their
// folder, come last. Before each timed build the settler syncs and, where
// it may (as root), drops the kernel's caches, then reads the build's
// inputs back in so that every build starts alike, warm; in a cold run,
// only the programs. Deletions made before ppbench started still count:
// run it where nothing large was deleted in the last six minutes.
type settler struct {
	cold   bool // leave the data cold: read only the programs back in
	warned bool
}

// settle readies the machine for a timed build or floor: it syncs, drops
// the kernel's caches and reads back in the programs and, unless the run
// is cold, the files and folders it reads.
func (s *settler) settle(ctx context.Context, logf func(string, ...any), progs, data []string) error {
	if err := exec.CommandContext(ctx, "sync").Run(); err != nil {
		logf("sync: %v", err)
	}
	if err := os.WriteFile("/proc/sys/vm/drop_caches", []byte("3\n"), 0); err != nil {
		if s.cold {
			return fmt.Errorf("-cold: cannot drop the kernel's caches (%w); run as root", err)
		}
		if !s.warned {
			logf("cannot drop the kernel's caches (%v): timings may vary more", err)
			s.warned = true
		}
	}
	warm := progs
	if !s.cold {
		warm = append(slices.Clip(progs), data...)
	}
	for _, p := range warm {
		if err := readAll(p); err != nil {
			return fmt.Errorf("reading %s back in: %w", p, err)
		}
	}
	return nil
}

// sizeRun is one number of schools: its corpus and its timings so far.
type sizeRun struct {
	row
	base, content, hugoSrc, edit string
	outs                         []string // each run's output folder
	hugoOut                      string   // the last run's Hugo output
	pps, seconds, hugos          []measure
	floors                       []time.Duration
}

// readAll reads every file under p (or p itself).
func readAll(p string) error {
	return filepath.WalkDir(p, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, f)
		f.Close()
		return err
	})
}

// loadAverage says how busy the machine was, for reading the timings.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], ", ")
}

// goBuild builds cmd/parentpages of the module that holds this command.
func goBuild(ctx context.Context, bin string) error {
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(out))
	if mod == "" || mod == os.DevNull {
		return fmt.Errorf("run ppbench inside the parentpages module, or give -bin")
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/parentpages")
	cmd.Dir = filepath.Dir(mod)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build ./cmd/parentpages: %v\n%s", err, b)
	}
	return nil
}

// gitCommit makes the content folder a Git repository with one commit.
func gitCommit(ctx context.Context, dir string) error {
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"-c", "user.name=ppbench", "-c", "user.email=ppbench@example.org", "commit", "-q", "-m", "corpus"},
	} {
		cmd := exec.CommandContext(ctx, "git", args...)
		cmd.Dir = dir
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("git %s: %v\n%s", args[0], err, b)
		}
	}
	return nil
}

func mb(n int64) float64 { return float64(n) / (1 << 20) }

func printTables(w io.Writer, rows []row, o options) {
	fmt.Fprintf(w, "\nMedians of %d runs. CPU is user + system; peak memory is the maximum resident set size.\n", o.runs)
	if o.cold {
		fmt.Fprintln(w, "Cold: before every timed build and floor the kernel's caches were dropped and only the programs read back in.")
	} else {
		fmt.Fprintln(w, "Warm: before every timed build and floor the kernel's caches were dropped and its inputs read back in.")
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| schools | pages | files | output MB | parentpages wall | CPU | peak memory | Hugo pages | Hugo files | Hugo MB | Hugo wall | CPU | peak memory | parentpages ÷ Hugo (wall) |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %d | %d | %d | %.1f | %s | %s | %s |", r.schools, r.out.pages, r.out.files, mb(r.out.bytes),
			secs(r.pp.wall), secs(r.pp.cpu), mem(r.pp.peak))
		if r.hugo.wall > 0 {
			fmt.Fprintf(w, " %d | %d | %.1f | %s | %s | %s | %.2f |\n", r.hugoOut.pages, r.hugoOut.files, mb(r.hugoOut.bytes),
				secs(r.hugo.wall), secs(r.hugo.cpu), mem(r.hugo.peak), r.pp.wall.Seconds()/r.hugo.wall.Seconds())
		} else {
			fmt.Fprintln(w, " - | - | - | - | - | - | - |")
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| schools | corpus files | corpus MB | copy-and-read floor | parentpages ÷ floor | unchanged second build | second ÷ first | one update edited | edited ÷ first | edited peak memory |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %d | %d | %.1f | %s | %.1f | %s | %.2f | %s | %.2f | %s |\n", r.schools, r.corpusFiles, mb(r.corpusBytes),
			secs(r.floor), r.pp.wall.Seconds()/r.floor.Seconds(), secs(r.second.wall), r.second.wall.Seconds()/r.pp.wall.Seconds(),
			secs(r.edited.wall), r.edited.wall.Seconds()/r.pp.wall.Seconds(), mem(r.edited.peak))
	}
	fmt.Fprintln(w)
	for _, r := range rows {
		fmt.Fprintf(w, "Every run at %d schools (wall): %s.\n", r.schools, strings.Join(r.runs, "; "))
	}
	if len(rows) > 1 {
		fmt.Fprintln(w)
		for k, r := range rows[1:] {
			prev := rows[k]
			fmt.Fprintf(w, "parentpages wall at %d schools is %.2f× the time at %d (%.0f× the schools); in each run, the two built one after the other: %s.\n",
				r.schools, r.pp.wall.Seconds()/prev.pp.wall.Seconds(), prev.schools, float64(r.schools)/float64(prev.schools), ratios(r.walls, prev.walls))
		}
	}
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
func mem(b int64) string          { return fmt.Sprintf("%.0f MiB", mb(b)) }

// walls lists each run's wall time, with its kernel time in brackets.
func walls(ms []measure) string {
	if len(ms) == 0 {
		return "-"
	}
	var s []string
	for _, m := range ms {
		s = append(s, fmt.Sprintf("%.2f (sys %.2f)", m.wall.Seconds(), m.sys.Seconds()))
	}
	return strings.Join(s, ", ") + " s"
}

// ratios lists a/b for each run, a and b run one after the other, and
// their median.
func ratios(a, b []measure) string {
	var s []string
	var rs []float64
	for i := range min(len(a), len(b)) {
		r := a[i].wall.Seconds() / b[i].wall.Seconds()
		s = append(s, fmt.Sprintf("%.2f", r))
		rs = append(rs, r)
	}
	if len(s) == 0 {
		return "-"
	}
	return fmt.Sprintf("%s (median %.2f)", strings.Join(s, ", "), median(rs))
}

func durations(ds []time.Duration) string {
	if len(ds) == 0 {
		return "-"
	}
	var s []string
	for _, d := range ds {
		s = append(s, fmt.Sprintf("%.2f", d.Seconds()))
	}
	return strings.Join(s, ", ") + " s"
}
