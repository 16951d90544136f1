package scaffold

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/build"
	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/content/contenttest"
)

var today = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

// newSite writes a small valid content folder and returns its path.
func newSite(t *testing.T, extra map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	files := map[string]string{
		"site.yaml": "title: Test Partnership\nbase_url: https://example.org/parents/\n",
		"schools/hillside/school.yaml": `name: Hillside Primary School
psa: {name: Jo Bloggs, email: jo@example.org}
inspections:
  - {start: 2026-09-15, published: 2026-10-20, framework: eif-2019, category: special-measures}
`,
	}
	for p, data := range extra {
		files[p] = data
	}
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// checkBuilds fails the test unless the content loads and builds with no
// error or warning, both as a preview and as the published site.
func checkBuilds(t *testing.T, dir string) *content.Content {
	t.Helper()
	c, ds := contenttest.Load(os.DirFS(dir))
	if len(ds) > 0 {
		t.Fatalf("loading the content:\n%v", ds)
	}
	for _, preview := range []bool{true, false} {
		res, err := build.Build(context.Background(), build.Config{Content: dir, Now: today, NowIsDate: true, Drafts: preview, Future: preview, Mode: build.Check})
		if err != nil || len(res.Diagnostics) > 0 {
			t.Fatalf("build (preview %v): %v\n%v", preview, err, res.Diagnostics)
		}
	}
	return c
}

func school(c *content.Content, slug string) *content.SchoolDir {
	for _, s := range c.Schools {
		if s.Slug == slug {
			return s
		}
	}
	return nil
}

func TestSchool(t *testing.T) {
	dir := newSite(t, nil)
	p, err := School(dir, "st-marys-c-of-e-primary", today)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "schools/st-marys-c-of-e-primary/school.yaml"); p != want {
		t.Errorf("path %s, want %s", p, want)
	}
	c := checkBuilds(t, dir)
	s := school(c, "st-marys-c-of-e-primary")
	if s == nil {
		t.Fatal("the new school was not loaded")
	}
	if s.School.Name != "St Marys C Of E Primary" || !s.School.Draft || s.School.Inspections[0].Start.String() != "2026-11-29" {
		t.Errorf("school = %+v", s.School)
	}
	text, _ := os.ReadFile(p)
	for _, field := range []string{"name:", "draft:", "psa:", "inspections:", "framework:", "# urn:", "# areas_for_improvement:", "# milestones:"} {
		if !strings.Contains(string(text), field) {
			t.Errorf("school.yaml has no %q", field)
		}
	}
}

func TestUpdate(t *testing.T) {
	dir := newSite(t, nil)
	title := `Meeting: "maths" #2 — café & more`
	p, err := Update(dir, "hillside", title, today)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "schools/hillside/updates/2026-11-29-meeting-maths-2-cafe-and-more.md"); p != want {
		t.Errorf("path %s, want %s", p, want)
	}
	c := checkBuilds(t, dir)
	u := school(c, "hillside").Updates[0]
	if u.Front.Title != title || !u.Front.Draft {
		t.Errorf("front matter = %+v", u.Front)
	}
	long, err := Update(dir, "hillside", strings.Repeat("What parents told us ", 6), today)
	if err != nil {
		t.Fatal(err)
	}
	if name := filepath.Base(long); len(name) > len("2026-11-29-.md")+maxSlug || strings.HasSuffix(name, "-.md") {
		t.Errorf("long title gave %s", name)
	}
	checkBuilds(t, dir)
}

func TestMeeting(t *testing.T) {
	tests := []struct {
		name     string
		existing string // meetings.yaml before; "-" for none
		count    int    // meetings after
	}{
		{"no file", "-", 1},
		{"empty file", "", 1},
		{"only notes", "# nothing yet\n", 1},
		{"block list", "- title: Review group\n  id: focus-group\n  start: 2026-12-01T16:00", 2},
		{"indented list", "  - title: Review group\n    start: 2026-12-01T16:00\n", 2},
		{"one line each", "- {title: Focus group, start: 2026-12-03T09:15}\n", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extra := map[string]string{}
			if tt.existing != "-" {
				extra["schools/hillside/meetings.yaml"] = tt.existing
			}
			dir := newSite(t, extra)
			if _, err := Meeting(dir, "hillside", "Focus group", today); err != nil {
				t.Fatal(err)
			}
			c := checkBuilds(t, dir)
			ms := school(c, "hillside").Meetings
			if len(ms) != tt.count {
				t.Fatalf("%d meetings, want %d", len(ms), tt.count)
			}
			m := ms[len(ms)-1]
			if m.Title != "Focus group" || m.Kind != "focus-group" || m.Status != "tentative" || !m.Draft || m.Start.Format("2006-01-02T15:04") != "2026-12-06T18:00" {
				t.Errorf("meeting = %+v", m)
			}
			if m.ID == "" || (tt.name == "block list" && m.ID != "focus-group-2") {
				t.Errorf("id = %q", m.ID)
			}
		})
	}
}

// What `new` writes for the PSA to replace cannot reach the published
// site: each new thing is a draft, and once it is not, a check refuses
// every example text left in it, at its line.
func TestPlaceholdersNotPublished(t *testing.T) {
	dir := newSite(t, nil)
	var files []string
	for _, add := range []func() (string, error){
		func() (string, error) { return Meeting(dir, "hillside", "Coffee morning", today) },
		func() (string, error) { return Update(dir, "hillside", "News", today) },
		func() (string, error) { return School(dir, "oakfield", today) },
	} {
		p, err := add()
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	checkBuilds(t, dir) // as drafts: no error, nothing published
	for _, p := range files {
		text, _ := os.ReadFile(p)
		published := strings.Replace(string(text), "draft: true", "draft: false", 1)
		if published == string(text) {
			t.Fatalf("%s is not a draft", p)
		}
		if err := os.WriteFile(p, []byte(published), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := build.Build(context.Background(), build.Config{Content: dir, Now: today, NowIsDate: true, Mode: build.Check})
	if err == nil {
		t.Fatal("the example texts were accepted for publishing")
	}
	var got []string
	for _, d := range res.Diagnostics.Errors() {
		field, _, _ := strings.Cut(strings.TrimPrefix(d.Msg, "`"), "`")
		got = append(got, fmt.Sprintf("%s:%d %s", filepath.Base(d.Path), d.Pos.Line, field))
		if !strings.Contains(d.Msg, "still holds the example text that `parentpages new` wrote") {
			t.Errorf("unexpected error: %s", d)
		}
	}
	want := []string{"meetings.yaml:23 location", "meetings.yaml:38 description", "2026-11-29-news.md:18 the update still holds the example text that ",
		"school.yaml:27 name", "school.yaml:28 email", "school.yaml:64 summary"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors at\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMeetingTwice(t *testing.T) {
	dir := newSite(t, nil)
	for range 3 {
		if _, err := Meeting(dir, "hillside", "Coffee morning with governors", today); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	for _, m := range school(checkBuilds(t, dir), "hillside").Meetings {
		ids = append(ids, m.ID+" "+m.Kind)
	}
	if got := strings.Join(ids, ", "); got != "coffee-morning-with-governors governors, coffee-morning-with-governors-2 governors, coffee-morning-with-governors-3 governors" {
		t.Errorf("ids: %s", got)
	}
}

// TestRefuses checks that nothing is overwritten or changed when new
// refuses, and that the message says why.
func TestRefuses(t *testing.T) {
	flow := "[{title: Focus group, start: 2026-12-03T09:15}]\n"
	broken := "- title: Focus group\n  start: [\n"
	tests := []struct {
		name string
		do   func(dir string) error
		want string
	}{
		{"school exists", func(dir string) error { _, err := School(dir, "hillside", today); return err }, "already exists"},
		{"school slug", func(dir string) error { _, err := School(dir, "Hillside School", today); return err }, "lower-case letters"},
		{"no content folder", func(dir string) error { _, err := School(filepath.Dir(dir), "new", today); return err }, "no site.yaml"},
		{"update exists", func(dir string) error {
			_, err := Update(dir, "hillside", "Hello again", today)
			return err
		}, "2026-10-01-hello-again.md already exists"},
		{"update no title", func(dir string) error { _, err := Update(dir, "hillside", " !! ", today); return err }, "no letters or digits"},
		{"update unknown school", func(dir string) error { _, err := Update(dir, "hill", "Hi", today); return err }, `no school "hill"`},
		{"update outside", func(dir string) error { _, err := Update(dir, "../schools/hillside", "Hi", today); return err }, "no school"},
		{"meeting flow list", func(dir string) error {
			os.WriteFile(filepath.Join(dir, "schools/hillside/meetings.yaml"), []byte(flow), 0o644)
			_, err := Meeting(dir, "hillside", "Focus group", today)
			return err
		}, "by hand"},
		{"meeting broken file", func(dir string) error {
			os.WriteFile(filepath.Join(dir, "schools/hillside/meetings.yaml"), []byte(broken), 0o644)
			_, err := Meeting(dir, "hillside", "Focus group", today)
			return err
		}, "parentpages check"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := newSite(t, map[string]string{"schools/hillside/updates/2026-10-01-hello-again.md": "---\ntitle: Hello\n---\nHi.\n"})
			before := tree(t, filepath.Dir(dir))
			err := tt.do(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			after := tree(t, filepath.Dir(dir))
			for p, data := range before {
				if after[p] != data {
					t.Errorf("%s changed", p)
				}
			}
			for p := range after {
				if _, ok := before[p]; !ok && !strings.HasSuffix(p, "meetings.yaml") {
					t.Errorf("%s was written", p)
				}
			}
		})
	}
}

// tree reads every file under root; the test's own setup writes happen
// before it is called, except meetings.yaml.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			files[p] = string(b)
		}
		return err
	})
	return files
}

// TestExampleSite adds one of each to a copy of the example site.
func TestExampleSite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(dir, os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	slug := "brackenwood-primary-school"
	before, _ := os.ReadFile(filepath.Join(dir, "schools", slug, "meetings.yaml"))
	for _, step := range []func() (string, error){
		func() (string, error) { return School(dir, "new-school", today) },
		func() (string, error) { return Update(dir, slug, "Spring term plans", today) },
		func() (string, error) { return Meeting(dir, slug, "Parents' meeting in January", today) },
	} {
		if _, err := step(); err != nil {
			t.Fatal(err)
		}
	}
	after, _ := os.ReadFile(filepath.Join(dir, "schools", slug, "meetings.yaml"))
	if !strings.HasPrefix(string(after), string(before)) {
		t.Error("meetings.yaml was changed, not added to")
	}
	c, ds := contenttest.Load(os.DirFS(dir))
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	ms := school(c, slug).Meetings
	if m := ms[len(ms)-1]; m.Title != "Parents' meeting in January" || m.Kind != "parents-meeting" {
		t.Errorf("meeting = %+v", m)
	}
}

func TestYAMLString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Focus group", "Focus group"},
		{"Spring term: plans", `"Spring term: plans"`},
		{"Number#1", "Number#1"},
		{"Focus group #1 at 6pm", `"Focus group #1 at 6pm"`},
		{"12", `"12"`},
		{"yes", `"yes"`},
		{"2026-11-29", `"2026-11-29"`},
		{`- "dash"`, `"- \"dash\""`},
		{"Caf\u00e9 \u2014 Cymraeg", "Caf\u00e9 \u2014 Cymraeg"},
		{"& more", `"& more"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := yamlString(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("yamlString(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}
