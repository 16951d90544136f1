package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/parentpages/parentpages/internal/build"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/words"
)

// Exit statuses, as README.md gives them: scripts and CI rely on them.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

const usage = `parentpages builds a Parent Partnership website from Markdown and YAML.

Usage:
  parentpages build [--content DIR] [--out DIR] [--now YYYY-MM-DD] [--drafts] [--future]
  parentpages check [--content DIR] [--now YYYY-MM-DD] [--drafts] [--future] [--format plain|github]
  parentpages serve [--content DIR] [--port N]
  parentpages new school SLUG
  parentpages new update SCHOOL "Title"
  parentpages new meeting SCHOOL "Title"
  parentpages notes [--content DIR] [--dry-run]

  build   checks the content and writes the site to --out (default public)
  check   checks the content and writes nothing
  serve   previews the site, drafts included, at http://127.0.0.1:N/ (default
          port 8080; 0 picks a free one), and reloads it as you edit
  new     starts a school, an update (dated today) or a meeting, with notes
          that explain each field; never overwrites a file
  notes   moves the notes written after # in the files the editor at /admin/
          saves into x_notes, which the editor keeps (it drops # lines)

Run "parentpages COMMAND -h" for a command's flags.
`

// run is the whole program, callable from tests: it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(ctx, args[1:], stdout, stderr, false)
	case "check":
		return runBuild(ctx, args[1:], stdout, stderr, true)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr, time.Now())
	case "notes":
		return runNotes(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "parentpages: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer, check bool) int {
	name := "build"
	if check {
		name = "check"
	}
	cfg, format, exit, ok := buildConfig(name, args, stderr, check)
	if !ok {
		return exit
	}
	res, err := build.Build(ctx, cfg)
	if res != nil {
		// Warnings of notes the editor would lose: read from the files,
		// never kept in the output folder's manifest.
		res.Diagnostics = append(res.Diagnostics, commentWarnings(cfg.Content)...).Sort()
	}
	return reportBuild(stdout, stderr, name, cfg, format, res, err)
}

// buildConfig reads the flags of build or check (name) into a Config and
// the --format of problems; when they are wrong, or only ask for help, it
// returns false and the exit status.
func buildConfig(name string, args []string, stderr io.Writer, check bool) (cfg build.Config, format string, exit int, ok bool) {
	fs := flag.NewFlagSet("parentpages "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	cfg = build.Config{History: true}
	var now string
	fs.StringVar(&cfg.Content, "content", "content", "the content `folder`")
	if !check {
		fs.StringVar(&cfg.Out, "out", "public", "the output `folder`, replaced whole when the build succeeds")
	}
	fs.StringVar(&now, "now", "", "fix today's `date` (YYYY-MM-DD) for a reproducible build; default $SOURCE_DATE_EPOCH, else the clock")
	fs.BoolVar(&cfg.Drafts, "drafts", false, "include drafts")
	fs.BoolVar(&cfg.Future, "future", false, "include updates dated after today")
	format = "plain"
	if check {
		fs.StringVar(&format, "format", "plain", "how to print problems: `plain` (path:line:col: message), or github, which also prints GitHub Actions annotations on standard output")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, format, exitOK, false
		}
		return cfg, format, exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "parentpages %s: unexpected argument %q\n", name, fs.Arg(0))
		fs.Usage()
		return cfg, format, exitUsage, false
	}
	if format != "plain" && format != "github" {
		fmt.Fprintf(stderr, "parentpages %s: --format %q is not a format; use plain or github\n", name, format)
		return cfg, format, exitUsage, false
	}
	switch {
	case check:
		cfg.Mode = build.Check
	case cfg.Out == "":
		fmt.Fprintf(stderr, "parentpages %s: --out needs a folder, such as public\n", name)
		return cfg, format, exitUsage, false
	default:
		cfg.Mode = build.Write
	}
	var err error
	cfg.Now, cfg.NowIsDate, err = today(now, os.Getenv("SOURCE_DATE_EPOCH"), time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "parentpages %s: %v\n", name, err)
		return cfg, format, exitUsage, false
	}
	return cfg, format, exitOK, true
}

// reportBuild prints the build's problems (and, in the github format, their
// annotations) and what it did, and returns the exit status.
func reportBuild(stdout, stderr io.Writer, name string, cfg build.Config, format string, res *build.Result, err error) int {
	if res != nil {
		for _, d := range res.Diagnostics {
			fmt.Fprintln(stderr, d.Long())
		}
		if format == "github" {
			writeAnnotations(stdout, cfg.Content, res.Diagnostics)
		}
		for _, n := range res.Notes {
			fmt.Fprintf(stderr, "parentpages %s: warning: %s\n", name, n)
		}
		// Last, after the verdict: what was left out ends the output.
		defer printHeld(stdout, res.Held)
	}
	check := cfg.Mode == build.Check
	if check {
		// How complete each of site.yaml's languages is (none for a site
		// in one language), before the verdict, whatever it is.
		for _, l := range res.Languages {
			fmt.Fprintln(stdout, l)
		}
	}
	switch {
	case errors.Is(err, build.ErrContent):
		n := len(res.Diagnostics.Errors())
		fmt.Fprintf(stderr, "parentpages %s: %s in %s; ", name, words.Plural(n, "error", "errors"), cfg.Content)
		if check {
			fmt.Fprintln(stderr, "fix them and run the check again")
		} else {
			fmt.Fprintf(stderr, "nothing was written, and %s is as it was\n", cfg.Out)
		}
		return exitContent
	case err != nil:
		// It may quote a file's name or text (a theme's template, say):
		// escaped as diagnostics are, it cannot start a line of its own.
		fmt.Fprintf(stderr, "parentpages %s: %s\n", name, content.Printable(err.Error()))
		return exitUsage
	}
	if check {
		fmt.Fprintf(stdout, "%s: %s, no errors\n", cfg.Content, words.Plural(res.Schools, "school", "schools"))
		return exitOK
	}
	if res.Unchanged {
		fmt.Fprintf(stdout, "nothing has changed since %s was built (%s, %s); left it as it is (%s)\n",
			cfg.Out, words.Plural(res.Schools, "school", "schools"), words.Plural(res.Files, "file", "files"), res.Duration.Round(time.Millisecond))
		return exitOK
	}
	fmt.Fprintf(stdout, "built %s (%s, %d pages, %.1f MB) into %s in %s\n",
		words.Plural(res.Schools, "school", "schools"), words.Plural(res.Files, "file", "files"),
		res.Pages, float64(res.Bytes)/1e6, cfg.Out, res.Duration.Round(time.Millisecond))
	return exitOK
}

// today works out "now" from --now, else SOURCE_DATE_EPOCH, else the clock.
func today(flagValue, epoch string, clock time.Time) (time.Time, bool, error) {
	if flagValue != "" {
		var d content.Date
		if _, err := time.Parse(time.DateOnly, flagValue); err != nil {
			return time.Time{}, false, fmt.Errorf("--now %q is not a date; write YYYY-MM-DD", flagValue)
		}
		d.Time, _ = time.Parse(time.DateOnly, flagValue)
		return d.Time, true, nil
	}
	if epoch != "" {
		secs, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, false, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", epoch)
		}
		return time.Unix(secs, 0), false, nil
	}
	return clock, false, nil
}
