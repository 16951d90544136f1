package site

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/content/contenttest"
)

var london, _ = time.LoadLocation("Europe/London")

func baseFS() fstest.MapFS {
	return fstest.MapFS{
		"site.yaml": {Data: []byte("title: T\nbase_url: https://example.org/parents/\n")},
		"schools/hillside/school.yaml": {Data: []byte(`name: Hillside
psa: {name: Jo, email: jo@example.org}
inspections:
  - start: 2026-09-15
    end: 2026-09-16
    published: 2026-10-20
    framework: eif-2019
    category: special-measures
    summary: See [the plan](files/plan.pdf).
    areas_for_improvement:
      - {id: maths, text: Improve maths.}
`)},
		"schools/hillside/files/plan.pdf":              {Data: []byte("%PDF-1.4")},
		"schools/hillside/updates/2026-10-20-hello.md": {Data: []byte("---\ntitle: Hello\n---\nFirst paragraph.\n\nSee [views](../views.yaml), [next](2026-10-21-next.md#top) and ![Plan](../files/plan.pdf).\n")},
		"schools/hillside/updates/2026-10-21-next.md":  {Data: []byte("---\ntitle: Next\n---\nBack to [hello](2026-10-20-hello.md) and [about](../../../pages/about.md).\n")},
		"schools/hillside/views.yaml":                  {Data: []byte("- {gathered: 2026-10-15, how: Focus group}\n")},
		"pages/about.md":                               {Data: []byte("---\ntitle: About\n---\nAbout.\n")},
	}
}

// modelled is a site modelled whole, for tests.
type modelled struct {
	*Site
	Schools []*School
	links   []SiteLink
}

func build(t *testing.T, fsys fstest.MapFS, cfg Config) (*modelled, content.Diagnostics) {
	t.Helper()
	c, ds := contenttest.Load(fsys)
	if ds.HasErrors() {
		t.Fatalf("content errors:\n%s", ds.Error())
	}
	if cfg.Now.IsZero() {
		cfg.Now = time.Date(2026, 11, 29, 12, 0, 0, 0, london)
	}
	s, schools, ds := Model(c, cfg)
	m := &modelled{Site: s, Schools: schools, links: s.SiteLinks}
	return m, ds
}

func TestLinksRewritten(t *testing.T) {
	s, ds := build(t, baseFS(), Config{})
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	sch := s.Schools[0]
	var dests []string
	for _, u := range sch.Updates {
		for _, l := range u.Body.Links() {
			dests = append(dests, l.Dest)
		}
	}
	want := []string{"/schools/hillside/updates/hello/", "/about/", "/schools/hillside/views/", "/schools/hillside/updates/next/#top", "/schools/hillside/files/plan.pdf"}
	if strings.Join(dests, " ") != strings.Join(want, " ") {
		t.Errorf("links = %v\nwant    %v", dests, want)
	}
	if l := sch.Latest.Summary.Links()[0].Dest; l != "/schools/hillside/files/plan.pdf" {
		t.Errorf("summary link = %q", l)
	}
	if s.BasePath != "/parents/" {
		t.Errorf("BasePath = %q", s.BasePath)
	}
	if got := sch.Updates[1].Summary; got != "First paragraph." {
		t.Errorf("default summary = %q", got)
	}
}

func TestLinkErrors(t *testing.T) {
	const u = "schools/hillside/updates/2026-10-22-x.md"
	tests := []struct {
		name, body string
		extra      map[string]string
		want       string
	}{
		{"missing file", "Text\n\nSee [x](../files/missing.pdf).", nil,
			u + ":6:9: the link \"../files/missing.pdf\" points to schools/hillside/files/missing.pdf, which does not exist"},
		{"outside content", "[x](../../../../etc/passwd)", nil,
			u + ":4:5: the link \"../../../../etc/passwd\" leads outside the content folder"},
		{"not published", "[x](../school.yaml) [y](../../../pages/secret.md)", map[string]string{"pages/secret.md": "---\ntitle: S\ndraft: true\n---\n"}, ""},
		{"draft update", "[x](2026-10-23-d.md)", map[string]string{"schools/hillside/updates/2026-10-23-d.md": "---\ntitle: D\ndraft: true\n---\n"},
			u + ":4:5: the link \"2026-10-23-d.md\" points to schools/hillside/updates/2026-10-23-d.md, which is a draft update and not published"},
		{"future update", "[x](2027-01-01-f.md)", map[string]string{"schools/hillside/updates/2027-01-01-f.md": "---\ntitle: F\n---\n"},
			u + ":4:5: the link \"2027-01-01-f.md\" points to schools/hillside/updates/2027-01-01-f.md, which is an update dated after today"},
		{"image without alt", "![](../files/plan.pdf)", nil,
			u + ":4:5: the image \"../files/plan.pdf\" has no alternative text"},
		{"javascript", "[x](javascript:alert(1))", nil,
			u + ":4:5: the link \"javascript:alert(1)\" uses \"javascript:\", which is not allowed"},
		{"javascript autolink", "Go to <javascript:alert(1)>.", nil,
			u + ":4:8: the link \"javascript:alert(1)\" uses \"javascript:\", which is not allowed"},
		{"web autolinks", "See <https://example.org/a>, www.example.org and https://example.org/b.", nil, ""},
		{"nested too deep", "Text\n\n" + strings.Repeat("> ", 40) + "a", nil,
			u + ":6:1: this line nests lists and block quotes more than 32 deep"},
		{"too many links in a summary", "", map[string]string{"schools/hillside/school.yaml": "name: Hillside\npsa: {name: Jo, email: jo@example.org}\n" +
			"inspections:\n  - {start: 2026-09-15, framework: eif-2019, category: special-measures, summary: \"" + strings.Repeat("[a](", 101) + "\"}\n"},
			"schools/hillside/school.yaml:4:83: this line has more than 100 links"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseFS()
			fsys[u] = &fstest.MapFile{Data: []byte("---\ntitle: X\n---\n" + tt.body + "\n")}
			for p, d := range tt.extra {
				fsys[p] = &fstest.MapFile{Data: []byte(d)}
			}
			_, ds := build(t, fsys, Config{})
			if tt.name == "not published" {
				if len(ds) != 1 || !strings.Contains(ds[0].Msg, "which is a draft page and not published") {
					t.Fatalf("diagnostics:\n%s", ds.Error())
				}
				if ds[0].Pos.Col != 25 {
					t.Errorf("column %d, want 25 (the second link)", ds[0].Pos.Col)
				}
				return
			}
			if tt.want == "" && len(ds) == 0 {
				return
			}
			if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), tt.want) {
				t.Fatalf("got:\n%s\nwant: %s...", ds.Error(), tt.want)
			}
		})
	}
}

func TestDraftsAndFuture(t *testing.T) {
	fsys := baseFS()
	fsys["schools/hillside/updates/2026-10-23-d.md"] = &fstest.MapFile{Data: []byte("---\ntitle: D\ndraft: true\n---\n")}
	fsys["schools/hillside/updates/2026-12-10-f.md"] = &fstest.MapFile{Data: []byte("---\ntitle: F\n---\n")}
	fsys["schools/drafty/school.yaml"] = &fstest.MapFile{Data: []byte("name: Drafty\ndraft: true\npsa: {name: J, phone: '1'}\ninspections: [{start: 2026-01-20, framework: report-card-2025}]\n")}
	count := func(s *modelled) (schools, updates int) {
		for _, sc := range s.Schools {
			schools++
			updates += len(sc.Updates)
		}
		return
	}
	s, _ := build(t, fsys, Config{})
	if sc, up := count(s); sc != 1 || up != 2 {
		t.Errorf("public build: %d schools, %d updates; want 1, 2", sc, up)
	}
	s, _ = build(t, fsys, Config{Drafts: true, Future: true})
	if sc, up := count(s); sc != 2 || up != 4 {
		t.Errorf("preview build: %d schools, %d updates; want 2, 4", sc, up)
	}
	// The day an update is dated, it is published.
	s, _ = build(t, fsys, Config{Now: time.Date(2026, 12, 10, 0, 0, 0, 0, london)})
	if _, up := count(s); up != 3 {
		t.Errorf("on its date: %d updates, want 3", up)
	}
}

func TestPlanAreasMustExist(t *testing.T) {
	fsys := baseFS()
	fsys["schools/hillside/action-plan.yaml"] = &fstest.MapFile{Data: []byte("updated: 2026-11-01\nareas:\n  - for: mahts\n    actions:\n      - {what: A, by: 2026-11-01, status: on-track}\n      - {what: B, by: 2026-11-01, status: done}\n")}
	s, ds := build(t, fsys, Config{})
	if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), "schools/hillside/action-plan.yaml:3:10: `for` is \"mahts\", which is not an area for improvement of the latest inspection in school.yaml; write one of: maths") {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	acts := s.Schools[0].Plan.Areas[0].Actions
	if !acts[0].Overdue || acts[1].Overdue {
		t.Errorf("overdue = %v, %v; want true, false", acts[0].Overdue, acts[1].Overdue)
	}
}

func TestSiteLinks(t *testing.T) {
	fsys := baseFS()
	fsys["pages/about.md"] = &fstest.MapFile{Data: []byte("---\ntitle: About\n---\n[a](/schools/hillside/) [b](/schools/nowhere/)\n")}
	s, _ := build(t, fsys, Config{})
	written := map[string]bool{"/schools/hillside/": true}
	ds := CheckSiteLinks(s.links, func(p string) bool { return written[p] })
	if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), "pages/about.md:4:") || !strings.Contains(ds[0].Msg, "/schools/nowhere/") {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
}

func TestSlugify(t *testing.T) {
	tests := map[string]string{
		"Focus group: maths!":        "focus-group-maths",
		"Cyfarfod rhieni â gofalwyr": "cyfarfod-rhieni-a-gofalwyr",
		"Spotkanie dla rodziców ł":   "spotkanie-dla-rodzicow-l",
		"Parents & carers":           "parents-and-carers",
	}
	for in, want := range tests {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeldBackUpdatesAreChecked(t *testing.T) {
	fsys := baseFS()
	fsys["schools/hillside/updates/2026-12-10-later.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Later\n---\n[plan](../files/missing.pdf)\n")}
	_, ds := build(t, fsys, Config{})
	if len(ds) != 1 || !ds[0].Warning || !strings.Contains(ds[0].Msg, "an update dated after today") {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	_, ds = build(t, fsys, Config{Future: true})
	if len(ds) != 1 || ds[0].Warning {
		t.Fatalf("with --future it is an error:\n%s", ds.Error())
	}
}

func TestSchoolsWithTheSameName(t *testing.T) {
	fsys := baseFS()
	school := string(fsys["schools/hillside/school.yaml"].Data)
	for _, slug := range []string{"hillside-2", "hillside-3", "hillside-4", "hillside-5"} {
		fsys["schools/"+slug+"/school.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(school, "name: Hillside", "name: \" hillside \"", 1))}
		fsys["schools/"+slug+"/files/plan.pdf"] = fsys["schools/hillside/files/plan.pdf"]
	}
	fsys["schools/oakfield/school.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(school, "name: Hillside", "name: Oakfield", 1))}
	fsys["schools/oakfield/files/plan.pdf"] = fsys["schools/hillside/files/plan.pdf"]
	_, ds := build(t, fsys, Config{})
	var got []string
	for _, d := range ds {
		if !d.Warning {
			t.Errorf("not a warning: %s", d)
		}
		got = append(got, d.String())
	}
	want := []string{
		`schools/hillside-2/school.yaml:1:7: warning: 5 schools are called " hillside " (also schools/hillside/school.yaml, schools/hillside-3/school.yaml, schools/hillside-4/school.yaml, 1 more); parents could not tell them apart in the list of schools: add the place to the name, such as "hillside, Plympton"`,
		`schools/hillside-3/school.yaml:1:7: warning: 5 schools are called " hillside " (also schools/hillside/school.yaml, schools/hillside-2/school.yaml, schools/hillside-4/school.yaml, 1 more)`,
		`schools/hillside-4/school.yaml:1:7: warning: 5 schools are called " hillside "`,
		`schools/hillside-5/school.yaml:1:7: warning: 5 schools are called " hillside "`,
		`schools/hillside/school.yaml:1:7: warning: 5 schools are called "Hillside" (also schools/hillside-2/school.yaml, schools/hillside-3/school.yaml, schools/hillside-4/school.yaml, 1 more)`,
	}
	if len(got) != len(want) {
		t.Fatalf("got:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("got:  %s\nwant: %s...", got[i], want[i])
		}
	}
}

// The school's complaints procedure may be a file of the school's, and
// Parent View is noticed among the ways to give views.
func TestComplaintsAndParentView(t *testing.T) {
	tests := []struct {
		name, extra     string
		complaints      string
		listsParentView bool
		err             string
	}{
		{"neither", "", "", false, ""},
		{"a file and Parent View", "complaints_url: files/plan.pdf\ngive_views:\n  - \"[Parent View](https://ParentView.ofsted.gov.uk/)\"\n",
			"/schools/hillside/files/plan.pdf", true, ""},
		{"a web address, other ways", "complaints_url: https://www.example.sch.uk/complaints\ngive_views: [A suggestion box.]\n",
			"https://www.example.sch.uk/complaints", false, ""},
		{"a missing file", "complaints_url: files/complaints.pdf\n", "", false,
			`schools/hillside/school.yaml:12:17: the link "files/complaints.pdf" points to schools/hillside/files/complaints.pdf, which does not exist`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseFS()
			f := fsys["schools/hillside/school.yaml"]
			fsys["schools/hillside/school.yaml"] = &fstest.MapFile{Data: append(append([]byte{}, f.Data...), tt.extra...)}
			s, ds := build(t, fsys, Config{})
			if tt.err != "" {
				if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), tt.err) {
					t.Fatalf("diagnostics:\n%s\nwant: %s", ds.Error(), tt.err)
				}
				return
			}
			if len(ds) != 0 {
				t.Fatalf("diagnostics:\n%s", ds.Error())
			}
			sch := s.Schools[0]
			if sch.ComplaintsURL != tt.complaints || sch.ListsParentView != tt.listsParentView {
				t.Errorf("ComplaintsURL = %q, ListsParentView = %v; want %q, %v", sch.ComplaintsURL, sch.ListsParentView, tt.complaints, tt.listsParentView)
			}
		})
	}
}
