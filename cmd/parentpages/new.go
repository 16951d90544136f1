package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/parentpages/parentpages/internal/scaffold"
)

const newUsage = `Usage:
  parentpages new school SLUG              start schools/SLUG/school.yaml
  parentpages new update SCHOOL "Title"    start an update dated today
  parentpages new meeting SCHOOL "Title"   add a meeting to meetings.yaml
Each takes --content DIR (default content).
`

// runNew starts a school, an update or a meeting. today is the date of a
// new update.
func runNew(args []string, stdout, stderr io.Writer, today time.Time) int {
	fs := flag.NewFlagSet("parentpages new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, newUsage) }
	var content string
	fs.StringVar(&content, "content", "content", "the content `folder`")
	// Flags may come before or after the words: stop at each word.
	var words []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		words = append(words, fs.Arg(0))
		args = fs.Args()[1:]
	}
	want := map[string]int{"school": 2, "update": 3, "meeting": 3}
	if len(words) == 0 || want[words[0]] == 0 {
		fmt.Fprintf(stderr, "parentpages new: say what to start: school, update or meeting\n\n%s", newUsage)
		return exitUsage
	}
	if len(words) != want[words[0]] {
		fmt.Fprintf(stderr, "parentpages new %s: wrong number of arguments (put a title with spaces in \"double quotes\")\n\n%s", words[0], newUsage)
		return exitUsage
	}
	var p, next string
	var err error
	switch words[0] {
	case "school":
		p, err = scaffold.School(content, words[1], today)
		next = "Fill in the school's details; it stays out of the published site until you change draft: true to false."
	case "update":
		p, err = scaffold.Update(content, words[1], words[2], today)
		next = "Write the update; parents see it once you change draft: true to false."
	case "meeting":
		p, err = scaffold.Meeting(content, words[1], words[2], today)
		next = "Fill in the meeting's date, time and place at the end of the file; parents see it once you change draft: true to false (and status: tentative to confirmed when the date is fixed)."
	}
	if err != nil {
		fmt.Fprintf(stderr, "parentpages new %s: %v\n", words[0], err)
		return exitContent
	}
	verb := "Created"
	if words[0] == "meeting" {
		verb = "Added a meeting to"
	}
	preview := "parentpages serve"
	if content != "content" {
		preview += " --content " + content
	}
	fmt.Fprintf(stdout, "%s %s\n%s\nPreview it with: %s\n", verb, filepath.ToSlash(p), next, preview)
	return exitOK
}
