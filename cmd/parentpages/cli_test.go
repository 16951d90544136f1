package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// binary is the real command, built once for the tests that run it.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "parentpages-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "parentpages")
	// The stagehook tag lets stopWhileStaging stop a build while it writes;
	// without PARENTPAGES_STAGE_HOOK the command is the one shipped.
	if out, err := exec.Command("go", "build", "-tags", "stagehook", "-o", binary, ".").CombinedOutput(); err != nil {
		panic("go build: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runBinary runs the real command in dir and returns its exit code and output.
func runBinary(t *testing.T, dir string, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String()
}

// writeSite writes files (path -> contents) under dir/content.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, data := range files {
		full := filepath.Join(dir, "content", filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var goodSite = map[string]string{
	"site.yaml": "title: Test Partnership\nbase_url: https://example.org/parents/\n",
	"schools/hillside/school.yaml": `name: Hillside Primary School
psa: {name: Jo Bloggs, email: jo@example.org}
inspections:
  - {start: 2026-09-15, published: 2026-10-20, framework: eif-2019, category: special-measures}
`,
	"schools/hillside/updates/2026-10-20-hello.md": "---\ntitle: Hello\n---\nFirst update.\n",
	"schools/hillside/meetings.yaml":               "- {title: Focus group, start: 2026-12-03T09:15}\n",
}

func TestBuildGoodSite(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	code, stdout, stderr := runBinary(t, dir, nil, "build", "--now", "2026-11-29")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "built 1 school") {
		t.Errorf("stdout = %q", stdout)
	}
	for _, p := range []string{"index.html", "schools/hillside/index.html", "schools/hillside/updates/hello/index.html",
		"schools/hillside/meetings/focus-group-2026-12-03.ics", "schools/hillside/feed.xml", "feed.xml", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(dir, "public", p)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	home, _ := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if !bytes.Contains(home, []byte(`href="/parents/schools/hillside/"`)) {
		t.Errorf("home page links do not start with the base path")
	}
}

func TestBuildBadSite(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	if code, _, stderr := runBinary(t, dir, nil, "build", "--now", "2026-11-29"); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	before := snapshot(t, filepath.Join(dir, "public"))

	writeSite(t, dir, map[string]string{
		"schools/hillside/meetings.yaml":                "- title: Focus group\n  start: 2026-12-03 09:15\n",
		"schools/hillside/action-plan.yaml":             "updated: 2026-11-01\nareas:\n  - for: maths\n",
		"schools/hillside/updates/2026-10-21-broken.md": "---\ntitle: Broken\n---\nSee [the plan](../files/plan.pdf).\n",
	})
	code, stdout, stderr := runBinary(t, dir, nil, "build", "--now", "2026-11-29")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	// Each problem, with the line it is about and, where it can be worked
	// out, the line as it should be.
	want := []string{
		"schools/hillside/action-plan.yaml:3:10: `for` is \"maths\", which is not an area for improvement of the latest inspection in school.yaml; add `areas_for_improvement` with ids to that inspection first",
		"    3 |   - for: maths",
		"      |          ^",
		"schools/hillside/meetings.yaml:2:10: `start` in meeting 'Focus group' (the 1st): \"2026-12-03 09:15\" is not written as the program reads dates and times: did you mean 2026-12-03T09:15? Write the date year first, then T and the time on the 24-hour clock",
		"    2 |   start: 2026-12-03 09:15",
		"      |          ^",
		"  write it as:",
		"    2 |   start: 2026-12-03T09:15",
		"schools/hillside/updates/2026-10-21-broken.md:4:16: the link \"../files/plan.pdf\" points to schools/hillside/files/plan.pdf, which does not exist; check the spelling and the folder (the link is relative to the file it is written in)",
		"    4 | See [the plan](../files/plan.pdf).",
		"      |                ^",
		"parentpages build: 3 errors in content; nothing was written, and public is as it was",
	}
	if got := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n"); !slices.Equal(got, want) {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, strings.Join(want, "\n"))
	}
	if after := snapshot(t, filepath.Join(dir, "public")); after != before {
		t.Errorf("public/ changed after a failed build")
	}
}

// snapshot lists a folder's files with their contents.
func snapshot(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.WriteString(p + "\n" + string(data) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCheckWritesNothing(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	code, stdout, stderr := runBinary(t, dir, nil, "check", "--now", "2026-11-29")
	if code != 0 || !strings.Contains(stdout, "1 school, no errors") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("check wrote public/")
	}
	writeSite(t, dir, map[string]string{"schools/hillside/views.yaml": "- {gathered: 2026-10-15}\n"})
	code, _, stderr = runBinary(t, dir, nil, "check")
	if code != 1 || !strings.HasPrefix(stderr, "schools/hillside/views.yaml:1:3: gathering of views '2026-10-15' (the 1st) is missing the required field `how`") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
}

func TestUsage(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	tests := []struct {
		args []string
		env  []string
		code int
		want string
	}{
		{nil, nil, 2, "Usage:"},
		{[]string{"publish"}, nil, 2, `unknown command "publish"`},
		{[]string{"build", "--now", "29/11/2026"}, nil, 2, `--now "29/11/2026" is not a date`},
		{[]string{"build", "--colour"}, nil, 2, "flag provided but not defined"},
		{[]string{"build", "extra"}, nil, 2, `unexpected argument "extra"`},
		{[]string{"build"}, []string{"SOURCE_DATE_EPOCH=soon"}, 2, "SOURCE_DATE_EPOCH"},
		{[]string{"build", "--content", "nowhere"}, nil, 1, "nowhere:1:1: there is no content folder here"},
		{[]string{"build", "--out", "content"}, nil, 2, "holds the content folder"},
		{[]string{"help"}, nil, 0, ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := runBinary(t, dir, tt.env, tt.args...)
			if code != tt.code || !strings.Contains(stdout+stderr, tt.want) {
				t.Errorf("exit %d (want %d)\nstdout %s\nstderr %s\nwant %q", code, tt.code, stdout, stderr, tt.want)
			}
		})
	}
}

// TestNowSources checks that --now beats SOURCE_DATE_EPOCH, which beats
// the clock: an update dated 2026-12-10 is published only when "today" is
// on or after it.
func TestNowSources(t *testing.T) {
	dir := t.TempDir()
	site := map[string]string{"schools/hillside/updates/2026-12-10-later.md": "---\ntitle: Later\n---\nLater.\n"}
	for k, v := range goodSite {
		site[k] = v
	}
	writeSite(t, dir, site)
	published := func(env []string, args ...string) bool {
		t.Helper()
		if code, _, stderr := runBinary(t, dir, env, append([]string{"build"}, args...)...); code != 0 {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		_, err := os.Stat(filepath.Join(dir, "public/schools/hillside/updates/later/index.html"))
		return err == nil
	}
	if published(nil, "--now", "2026-12-09") {
		t.Error("published before its date")
	}
	if !published(nil, "--now", "2026-12-10") {
		t.Error("not published on its date")
	}
	if !published(nil, "--now", "2026-12-01", "--future") {
		t.Error("--future did not include it")
	}
	if !published([]string{"SOURCE_DATE_EPOCH=1797120000"}) { // 2026-12-12
		t.Error("SOURCE_DATE_EPOCH after the date did not publish it")
	}
	if published([]string{"SOURCE_DATE_EPOCH=1796083200"}) { // 2026-11-30
		t.Error("SOURCE_DATE_EPOCH before the date published it")
	}
	if published([]string{"SOURCE_DATE_EPOCH=1797120000"}, "--now", "2026-11-30") {
		t.Error("--now did not override SOURCE_DATE_EPOCH")
	}
}

// TestRunInProcess calls run directly, as main does.
func TestRunInProcess(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"check", "--content", "../../content", "--now", "2026-11-29"}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	// The check says how complete each language's messages are, then
	// ends with what the example holds back on that day.
	want := `pl: 579 of 579 messages; reviewed: no
ro: 579 of 579 messages; reviewed: no
ur: 579 of 579 messages; reviewed: no
ar: 579 of 579 messages; reviewed: no
so: 579 of 579 messages; reviewed: no
../../content: 6 schools, no errors
Not published (drafts, and updates dated after today):
  schools/brackenwood-primary-school/updates/2026-12-10-december-review-group.md: the update 'What the December School Review Group found' is dated 2026-12-10, after today: the first build on or after that day publishes it
  schools/copper-beech-primary-school/updates/2026-11-27-spring-term-plans.md: the update 'Plans for the spring term' is a draft (draft: true)
  schools/kestrel-hill-primary-school/school.yaml: the school 'Kestrel Hill Primary School' is a draft (draft: true)
`
	if stdout.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), want)
	}
}

// A build stopped by Ctrl+C or by a cancelled CI job (SIGTERM) while it
// writes leaves the previous site as it was and nothing staged beside it.
func TestBuildStoppedBySignal(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir, home, before := builtThenRetitled(t)
			stderr, err := stopWhileStaging(t, dir, sig)
			if err == nil {
				t.Fatalf("the build finished despite the signal\n%s", stderr)
			}
			// The build stopped because it was cancelled, not for another
			// reason that also leaves the site as it was.
			if !strings.Contains(stderr, "canceled") {
				t.Errorf("the build did not stop as cancelled: %v\n%s", err, stderr)
			}
			if left := staged(dir); len(left) > 0 {
				t.Errorf("left staged: %v\n%s", left, stderr)
			}
			if after, err := os.ReadFile(home); err != nil || !bytes.Equal(after, before) {
				t.Errorf("the previous site's home page changed (%v)", err)
			}
		})
	}
}

// TestBuildSweepsKilledBuild: a build killed outright (SIGKILL, the
// out-of-memory killer, a lost machine) cannot remove its stage; the next
// build does, once it is a minute old, and builds as usual.
func TestBuildSweepsKilledBuild(t *testing.T) {
	dir, home, before := builtThenRetitled(t)
	if stderr, err := stopWhileStaging(t, dir, os.Kill); err == nil {
		t.Fatalf("the build finished despite SIGKILL\n%s", stderr)
	}
	left := staged(dir)
	if len(left) != 1 {
		t.Fatalf("a killed build left %v staged, want its one stage", left)
	}
	if files, _ := os.ReadDir(left[0]); len(files) == 0 {
		t.Errorf("the killed build's stage %s is empty: it was killed before it wrote", left[0])
	}
	if after, err := os.ReadFile(home); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the previous site's home page changed (%v)", err)
	}
	// A stage less than a minute old may be a build that is starting.
	if code, _, stderr := runBinary(t, dir, nil, "build", "--now", "2026-11-29"); code != 0 {
		t.Fatalf("build after the kill: exit %d\n%s", code, stderr)
	}
	if now := staged(dir); !slices.Equal(now, left) {
		t.Errorf("after a build straight away, staged: %v, want the killed build's stage %v kept", now, left)
	}
	old := time.Now().Add(-2 * time.Minute)
	if err := os.Chtimes(left[0], old, old); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runBinary(t, dir, nil, "build", "--now", "2026-11-29"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if now := staged(dir); len(now) > 0 {
		t.Errorf("the stale stage is still there: %v", now)
	}
	if after, err := os.ReadFile(home); err != nil || !bytes.Contains(after, []byte("A new title")) {
		t.Errorf("the site was not rebuilt with the new title (%v)", err)
	}
}

// builtThenRetitled builds a small site, then gives it a new title, so
// that the next build rewrites every page. It returns the folder, the path
// of the home page and the home page as built.
func builtThenRetitled(t *testing.T) (dir, home string, before []byte) {
	t.Helper()
	dir = t.TempDir()
	writeSite(t, dir, goodSite)
	if code, _, stderr := runBinary(t, dir, nil, "build", "--now", "2026-11-29"); code != 0 {
		t.Fatalf("first build: exit %d\n%s", code, stderr)
	}
	home = filepath.Join(dir, "public", "index.html")
	before, err := os.ReadFile(home)
	if err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(dir, "content", "site.yaml")
	data, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	retitled := regexp.MustCompile(`(?m)^title: .*$`).ReplaceAll(data, []byte("title: A new title"))
	if bytes.Equal(retitled, data) {
		t.Fatalf("%s has no title to change", site)
	}
	if err := os.WriteFile(site, retitled, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, home, before
}

// stopWhileStaging starts a build in dir, waits until it has written its
// first file into the stage, and sends it sig. The command is built with
// the stagehook tag (see TestMain and internal/publish's stagehook_on.go):
// given the write end of a pipe, the build writes its stage's path there
// once it has a file in it, closes the pipe and waits for the signal. It
// returns the build's standard error and how it ended.
func stopWhileStaging(t *testing.T, dir string, sig os.Signal) (string, error) {
	t.Helper()
	ready, signalled, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer ready.Close()
	cmd := exec.Command(binary, "build", "--now", "2026-11-29")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PARENTPAGES_STAGE_HOOK=3") // ExtraFiles[0]
	cmd.ExtraFiles = []*os.File{signalled}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Start()
	signalled.Close() // the build holds the only write end: if it ends, the read below does
	if err != nil {
		t.Fatal(err)
	}
	// A build that never reaches its stage is killed, which ends the read.
	watchdog := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	stage, err := io.ReadAll(ready)
	watchdog.Stop()
	if err != nil || len(stage) == 0 {
		cmd.Wait()
		t.Fatalf("the build ended, or was killed after a minute, before it wrote into its stage (%v)\n%s", err, stderr.String())
	}
	// The path is the build's, relative to the folder it runs in.
	if got := filepath.Join(dir, strings.TrimSpace(string(stage))); !slices.Contains(staged(dir), got) {
		t.Errorf("the build says it writes into %s; staged beside the output: %v", got, staged(dir))
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	return stderr.String(), err
}

// staged lists the stages beside dir/public.
func staged(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, ".public.new-*"))
	return m
}

// TestContentMistakesExitOne gives content that once stopped the build as
// an internal failure (exit 2, no file named): each is a content error.
func TestContentMistakesExitOne(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"a file name that is not UTF-8", map[string]string{"schools/hillside/files/a\xffb.pdf": "%PDF"},
			`"schools/hillside/files/a\xffb.pdf":1:1: this file name is not UTF-8 text`},
		{"a folder name that is not UTF-8", map[string]string{"schools/hillside/files/d\xfe/a.pdf": "%PDF"},
			`"schools/hillside/files/d\xfe":1:1: this file name is not UTF-8 text`},
		{"a backslash in a file name", map[string]string{`schools/hillside/files/a\b.pdf`: "%PDF"},
			`"schools/hillside/files/a\\b.pdf":1:1: this file name has a backslash`},
		{"a meeting past the year 9999", map[string]string{"schools/hillside/meetings.yaml": "- {title: M, start: 2026-12-03T09:15, repeat: {every: 100 months, count: 1000}}\n"},
			"schools/hillside/meetings.yaml:1:47: this meeting happens outside the years 1 to 9999"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeSite(t, dir, goodSite)
			writeSite(t, dir, tt.files)
			for _, cmd := range []string{"build", "check"} {
				code, _, stderr := runBinary(t, dir, nil, cmd, "--now", "2026-11-29")
				if code != 1 || !strings.HasPrefix(stderr, tt.want) {
					t.Errorf("%s: exit %d (want 1)\n%s\nwant: %s...", cmd, code, stderr, tt.want)
				}
			}
		})
	}
}

// check says how complete the catalogue of each of site.yaml's languages
// is, one line each, before its verdict; a site in one language gets no
// such line. A language with no catalogue, or one that lacks messages,
// fails the check as it fails the build.
func TestCheckReportsLanguages(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	code, stdout, stderr := runBinary(t, dir, nil, "check", "--now", "2026-11-29")
	if code != 0 || stdout != "content: 1 school, no errors\n" {
		t.Fatalf("exit %d\nstdout %q\nstderr %s", code, stdout, stderr)
	}
	en, err := os.ReadFile(filepath.Join("..", "..", "themes", "default", "i18n", "en.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	settings, _, _ := strings.Cut(string(en), "\nmessages:\n")
	cy := strings.Replace(settings, "code: en", "code: cy", 1) + "\nmessages:\n  school.next_heading: Beth sy'n digwydd nesaf\n  nav.overview: Trosolwg\n"
	cy = strings.Replace(cy, "reviewed: true", "reviewed: false", 1)
	if err := os.MkdirAll(filepath.Join(dir, "themes", "t", "i18n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "themes", "t", "i18n", "cy.yaml"), []byte(cy), 0o644); err != nil {
		t.Fatal(err)
	}
	writeSite(t, dir, map[string]string{"site.yaml": goodSite["site.yaml"] + "theme: themes/t\nlanguages:\n  - {code: cy, name: Cymraeg}\n  - {code: de, name: Deutsch}\n"})
	code, stdout, stderr = runBinary(t, dir, nil, "check", "--now", "2026-11-29")
	// A build would stop at both languages, so the check fails at both.
	want := regexp.MustCompile(`^cy: 2 of [0-9]+ messages; reviewed: no\nde: no message catalogue \(add i18n/de\.yaml to the theme\)\n$`)
	if code != 1 || !want.MatchString(stdout) {
		t.Fatalf("exit %d\nstdout %q\nstderr %s", code, stdout, stderr)
	}
	for _, want := range []string{
		"site.yaml:5:12: the theme's message catalogue for \"cy\" (theme/i18n/cy.yaml) has 2 of the ",
		"it lacks \"404.heading\", \"404.home\", \"404.pasted\", \"404.typed\", \"area.report-card-2025.achievement\" and ",
		"site.yaml:6:12: there is no message catalogue for the language \"de\"",
		"parentpages check: 2 errors in content",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	code, _, stderr = runBinary(t, dir, nil, "build", "--now", "2026-11-29")
	if code != 1 || !strings.Contains(stderr, "site.yaml:5:12: the theme's message catalogue for \"cy\"") {
		t.Errorf("build: exit %d, want 1 with the same errors:\n%s", code, stderr)
	}
}

// A mistake in a catalogue of the site's theme folder is a content error
// at its file, line and column.
func TestCheckCatalogueMistake(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	writeSite(t, dir, map[string]string{"site.yaml": goodSite["site.yaml"] + "theme: themes/t\n"})
	if err := os.MkdirAll(filepath.Join(dir, "themes", "t", "i18n"), 0o755); err != nil {
		t.Fatal(err)
	}
	en := "messages:\n  school.next_heading: What comes next\n  page.title: \"{title} | {sight}\"\n"
	if err := os.WriteFile(filepath.Join(dir, "themes", "t", "i18n", "en.yaml"), []byte(en), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runBinary(t, dir, nil, "check", "--now", "2026-11-29")
	want := `themes/t/i18n/en.yaml:3:3: message "page.title" has {sight}, which the English message does not have (it has {title}, {site})`
	if code != 1 || !strings.Contains(stderr, want) {
		t.Fatalf("exit %d, want 1 and\n%s\nstderr:\n%s", code, want, stderr)
	}
}
