package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// ppbenchBinary builds this command, for tests that run it as a user does.
func ppbenchBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "ppbench")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestLanguageFlags runs ppbench with the language flags: the corpus it
// writes has the translations, and wrong uses of these and the other
// checked flags are refused with a reason.
func TestLanguageFlags(t *testing.T) {
	bin := ppbenchBinary(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"unknown language", []string{"-languages", "pl,xx", "-write", "W"}, 2, `no sample text for the language "xx"; there is text for pl, ur`},
		{"twice", []string{"-languages", "pl,pl", "-write", "W"}, 2, `"pl" is listed twice`},
		{"both flags", []string{"-languages", "pl", "-compare-languages", "ur"}, 2, "not both"},
		{"hugo", []string{"-compare-languages", "pl", "-hugo"}, 2, "-hugo cannot be given with languages"},
		{"compare and write", []string{"-compare-languages", "pl", "-write", "W"}, 2, "give it -languages"},
		{"schools", []string{"-schools", "10,x"}, 2, `-schools: "x" is not a number of schools`},
		{"runs", []string{"-runs", "0"}, 2, "-runs must be 1 or more"},
		{"arguments", []string{"extra"}, 2, `unexpected arguments ["extra"]`},
		{"now", []string{"-now", "2026-13-01"}, 2, "-now: parsing time"},
		{"write", []string{"-languages", "pl,ur", "-schools", "2", "-write", "W"}, 0, "in pl, ur: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for i, a := range tc.args {
				if a == "W" {
					tc.args[i] = dir
				}
			}
			cmd := exec.Command(bin, tc.args...)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			err := cmd.Run()
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Fatalf("exit code %d (%v), want %d\n%s", code, err, tc.code, out.String())
			}
			if !strings.Contains(out.String(), tc.says) {
				t.Errorf("output does not say %q:\n%s", tc.says, out.String())
			}
			if tc.code != 0 {
				return
			}
			site, err := os.ReadFile(filepath.Join(dir, "content", "site.yaml"))
			if err != nil || !bytes.Contains(site, []byte("\nlanguages:\n  - code: pl\n")) {
				t.Errorf("site.yaml does not list the languages (%v):\n%s", err, site)
			}
			for _, pattern := range []string{"schools/*/translations/pl.yaml", "schools/*/translations/ur.yaml", "schools/*/updates/*.pl.md", "schools/*/updates/*.ur.md"} {
				if m, _ := filepath.Glob(filepath.Join(dir, "content", pattern)); len(m) == 0 {
					t.Errorf("no %s written", pattern)
				}
			}
		})
	}
}

// TestCompareLanguages runs a whole comparison with a stand-in for
// parentpages that copies the content folder to the output folder, so its
// files written follow the corpus: the corpus with languages writes more,
// and the tables give both builds and their ratios.
func TestCompareLanguages(t *testing.T) {
	bin := ppbenchBinary(t)
	dir := t.TempDir()
	stand := filepath.Join(dir, "copy-build")
	// parentpages is called as: build --content C --out O --now D; the
	// stand-in's one page is index.html.
	if err := os.WriteFile(stand, []byte("#!/bin/sh\ncp -R \"$3\" \"$5\" && touch \"$5/index.html\"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-schools", "3", "-runs", "2", "-compare-languages", "pl,ur", "-bin", stand, "-keep", "-dir", filepath.Join(dir, "work"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ppbench: %v\n%s\n%s", err, stderr.String(), stdout.String())
	}
	out := stdout.String()
	row := func(label string) []string {
		m := regexp.MustCompile(`(?m)^\| 3 \| ` + regexp.QuoteMeta(label) + ` \| (.*) \|$`).FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("no row for %s in:\n%s", label, out)
		}
		return strings.Split(m[1], " | ")
	}
	one, multi := row("English only"), row("English + pl, ur")
	// corpus files, corpus MB, pages, files written, output MB, wall, CPU, peak
	oneFiles, _ := strconv.Atoi(one[3])
	multiFiles, _ := strconv.Atoi(multi[3])
	corpusOne, _ := strconv.Atoi(one[0])
	corpusMulti, _ := strconv.Atoi(multi[0])
	if oneFiles != corpusOne+1 || multiFiles != corpusMulti+1 || one[2] != "1" || multi[2] != "1" {
		t.Errorf("files written %d and %d, pages %s and %s; the stand-in copies the corpora of %d and %d files and adds a page", oneFiles, multiFiles, one[2], multi[2], corpusOne, corpusMulti)
	}
	if multiFiles <= oneFiles {
		t.Errorf("with languages %d files written, without %d", multiFiles, oneFiles)
	}
	ratios := regexp.MustCompile(`(?m)^\| 3 \| [0-9.]+ \| [0-9.]+ \| [0-9.]+ \| ([0-9.]+) \| ([0-9.]+) \|`).FindStringSubmatch(out)
	if ratios == nil {
		t.Fatalf("no ratios row in:\n%s", out)
	}
	if want := fmt.Sprintf("%.2f", float64(multiFiles)/float64(oneFiles)); ratios[1] != "1.00" || ratios[2] != want {
		t.Errorf("ratios of pages %s and of files written %s, want 1.00 and %s", ratios[1], ratios[2], want)
	}
	for _, want := range []string{"Every run at 3 schools (wall): English only ", "translated updates (of ", "(3 languages against 1)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output does not say %q:\n%s", want, out)
		}
	}
	// Each corpus was built once per run, into folders of its own.
	for _, p := range []string{"3/public-1", "3/public-2", "3-pl-ur/public-1", "3-pl-ur/public-2"} {
		if _, err := os.Stat(filepath.Join(dir, "work", p)); err != nil {
			t.Errorf("no build into %s: %v", p, err)
		}
	}
}

// TestPickUpdateIsEnglish: the everyday edit is made to an English update,
// never to a translation beside it.
func TestPickUpdateIsEnglish(t *testing.T) {
	dir := t.TempDir()
	ups := filepath.Join(dir, "schools", "a", "updates")
	if err := os.MkdirAll(ups, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"2026-01-01-a.md", "2026-01-01-a.pl.md", "2026-01-01-a.ur.md", "2026-02-01-b.pl.md", "2026-02-01-b.ur.md", "2026-03-01-c.md", "2026-03-01-c.pl.md"} {
		if err := os.WriteFile(filepath.Join(ups, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := pickUpdate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(ups, "2026-03-01-c.md"); got != want {
		t.Errorf("pickUpdate = %s, want %s (the middle of the two English updates)", got, want)
	}
}
