package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// baseSite is a small valid site; each test case changes or adds files.
func baseSite() fstest.MapFS {
	return fstest.MapFS{
		"site.yaml": {Data: []byte("title: Test Partnership\nbase_url: https://example.org/\n")},
		"schools/hillside/school.yaml": {Data: []byte(`name: Hillside Primary School
urn: "113456"
phase: primary
psa:
  name: Jo Bloggs
  email: jo@example.org
inspections:
  - start: 2024-03-12
    end: 2024-03-13
    framework: eif-2019
    overall: inadequate
    category: special-measures
    areas_for_improvement:
      - id: maths
        text: Improve maths.
`)},
		"schools/hillside/updates/2026-10-20-hello.md": {Data: []byte("---\ntitle: Hello\n---\n\nBody.\n")},
		"pages/about.md": {Data: []byte("---\ntitle: About\nmenu: true\n---\nAbout us.\n")},
	}
}

// load reads fsys as a build does: the site-wide files, then each school.
// (Other packages' tests use contenttest.Load, which this package's tests
// cannot import.)
func load(t testing.TB, fsys fstest.MapFS) (*Content, Diagnostics) {
	t.Helper()
	c, slugs, ds := LoadSite(fsys)
	for _, slug := range slugs {
		s, sds := LoadSchool(fsys, slug)
		if s != nil {
			c.Schools = append(c.Schools, s)
		}
		ds = append(ds, sds...)
	}
	c.Reindex()
	return c, ds.Sort()
}

func TestValidSiteHasNoDiagnostics(t *testing.T) {
	c, ds := load(t, baseSite())
	if len(ds) != 0 {
		t.Fatalf("diagnostics for a valid site:\n%s", ds.Error())
	}
	if len(c.Schools) != 1 || c.Schools[0].School.Name != "Hillside Primary School" {
		t.Fatalf("schools = %+v", c.Schools)
	}
	if got := c.Site.Language; got != "en-GB" {
		t.Errorf("default language = %q", got)
	}
	if got := c.Site.Timezone; got != "Europe/London" {
		t.Errorf("default timezone = %q", got)
	}
	if got := c.Schools[0].School.Inspections[0].Type; got != "full" {
		t.Errorf("default inspection type = %q", got)
	}
}

const school = "schools/hillside/school.yaml"

// schoolWith returns school.yaml with the inspection's lines replaced.
func schoolWith(inspection string) string {
	return `name: Hillside Primary School
psa:
  name: Jo Bloggs
  email: jo@example.org
inspections:
` + inspection
}

func TestRules(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // path -> contents ("" removes the file)
		want  []string          // each must be one diagnostic, as printed
	}{
		// site.yaml
		{"site.yaml missing", map[string]string{"site.yaml": ""},
			[]string{"site.yaml:1:1: the content folder has no site.yaml"}},
		{"title required", map[string]string{"site.yaml": "base_url: https://example.org/\n"},
			[]string{"site.yaml:1:1: the file is missing the required field `title`"}},
		{"base_url absolute", map[string]string{"site.yaml": "title: T\nbase_url: example.org\n"},
			[]string{"site.yaml:2:11: `base_url` is \"example.org\"; write the full address"}},
		{"timezone known", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\ntimezone: Europe/Plymouth\n"},
			[]string{"site.yaml:3:11: `timezone` is \"Europe/Plymouth\", which is not a time zone name"}},
		{"language tag", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\nlanguage: English\n"},
			[]string{"site.yaml:3:11: `language` is \"English\", which is not a language tag"}},
		{"theme stays beside content", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\ntheme: ../../etc\n"},
			[]string{"site.yaml:3:8: `theme` is \"../../etc\"; write a folder beside content/"}},
		{"unknown field with suggestion", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\ntimzone: Europe/London\n"},
			[]string{"site.yaml:3:1: unknown field `timzone` in the file; did you mean `timezone`?"}},
		{"empty optional files", map[string]string{"schools/hillside/views.yaml": "# nothing yet\n", "schools/hillside/meetings.yaml": " "}, nil},
		{"host label too long", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\norganisation:\n  website: https://" + strings.Repeat("a", 64) + ".org/\n"},
			[]string{"site.yaml:4:12: `website` is"}},
		{"x_ fields ignored", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\nx_notes: anything\n"}, nil},
		{"email alerts with placeholders", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\nemail_alerts: https://alerts.example.org/subscribe?topic={slug}&rss={feed}\n"}, nil},
		{"email alerts without placeholders", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\nemail_alerts: https://alerts.example.org/parents\n"}, nil},
		{"email alerts unknown placeholder", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\nemail_alerts: https://alerts.example.org/?s={school}\n"},
			[]string{"site.yaml:3:15: `email_alerts` has {school}, which is not a placeholder; write {slug} for the school's folder name or {feed}"}},
		{"email alerts not a web address", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\nemail_alerts: alerts.example.org/{slug}\n"},
			[]string{"site.yaml:3:15: `email_alerts` is \"alerts.example.org/{slug}\", which is not a web address; write the sign-up page's full address starting https://"}},
		{"yaml syntax", map[string]string{"site.yaml": "title: T\n  base_url: https://e.org/\n"},
			[]string{"site.yaml:2:3: this line starts further in (more spaces before it) than `title:` on line 1 above"}},
		{"tabs", map[string]string{"site.yaml": "title: T\n\tbase_url: x\n"},
			[]string{"site.yaml:2:1: this line is indented with the Tab key"}},
		{"aliases refused", map[string]string{"site.yaml": "title: &t T\nbase_url: *t\n"},
			[]string{"site.yaml:1:8: `title` uses a YAML anchor or alias", "site.yaml:2:11: `base_url` uses a YAML anchor or alias"}},
		{"duplicate key", map[string]string{"site.yaml": "title: T\ntitle: U\nbase_url: https://e.org/\n"},
			[]string{"site.yaml:2:1: `title` is written twice"}},
		{"wrong shape", map[string]string{"site.yaml": "title: [a, b]\nbase_url: https://e.org/\n"},
			[]string{"site.yaml:1:8: `title` should be text, not a list"}},
		{"email", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\norganisation:\n  email: not-an-email\n"},
			[]string{"site.yaml:4:10: `email` is \"not-an-email\", which is not an email address"}},
		{"safeguarding contact", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\nsafeguarding:\n  name: Children's services\n"},
			[]string{"site.yaml:4:3: `safeguarding` needs a way to reach children's services: add `phone:`, `url:` or both"}},
		{"safeguarding name and address", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\nsafeguarding: {phone: 01752 000000, url: www.example.org}\n"},
			[]string{"site.yaml:3:15: `safeguarding` is missing the required field `name`", "site.yaml:3:42: `url` is \"www.example.org\", which is not a web address"}},
		{"safeguarding", map[string]string{"site.yaml": "title: T\nbase_url: https://e.org/\nsafeguarding: {name: Gateway, phone: 01752 000000}\n"}, nil},

		// files and folders
		{"unknown top-level file", map[string]string{"notes.txt": "hi"},
			[]string{"notes.txt:1:1: unexpected file \"notes.txt\" here"}},
		{"hidden files ignored", map[string]string{".DS_Store": "x", "schools/hillside/.gitkeep": ""}, nil},
		{"editor backups ignored", map[string]string{"schools/hillside/meetings.yaml~": "- broken: [\n"}, nil},
		{"school slug", map[string]string{"schools/Hill_Side/school.yaml": "name: X\n"},
			[]string{"schools/Hill_Side:1:1: the school folder name \"Hill_Side\" is not a valid slug"}},
		{"school.yaml required", map[string]string{"schools/empty/views.yaml": "[]\n"},
			[]string{"schools/empty/school.yaml:1:1: the school folder schools/empty has no school.yaml"}},
		{"unknown school file", map[string]string{"schools/hillside/meeting.yaml": "[]\n"},
			[]string{"schools/hillside/meeting.yaml:1:1: unexpected file \"meeting.yaml\" here; did you mean \"meetings.yaml\"?"}},
		{"update file name", map[string]string{"schools/hillside/updates/hello.md": "---\ntitle: x\n---\n"},
			[]string{"schools/hillside/updates/hello.md:1:1: an update must be a file named YYYY-MM-DD-<slug>.md"}},
		{"update impossible date", map[string]string{"schools/hillside/updates/2026-02-30-x.md": "---\ntitle: x\n---\n"},
			[]string{"schools/hillside/updates/2026-02-30-x.md:1:1: an update must be a file named YYYY-MM-DD-<slug>.md"}},
		{"update front matter", map[string]string{"schools/hillside/updates/2026-10-21-x.md": "No front matter\n"},
			[]string{"schools/hillside/updates/2026-10-21-x.md:1:1: an update starts with front matter"}},
		{"update date agrees", map[string]string{"schools/hillside/updates/2026-10-21-x.md": "---\ntitle: X\ndate: 2026-10-22\n---\n"},
			[]string{"schools/hillside/updates/2026-10-21-x.md:3:7: `date` is 2026-10-22 but the file name says 2026-10-21"}},
		{"update title required", map[string]string{"schools/hillside/updates/2026-10-21-x.md": "---\nauthor: Jo\n---\n"},
			[]string{"schools/hillside/updates/2026-10-21-x.md:2:1: the file is missing the required field `title`"}},
		{"duplicate update slug", map[string]string{"schools/hillside/updates/2026-10-22-hello.md": "---\ntitle: Again\n---\n"},
			[]string{"schools/hillside/updates/2026-10-22-hello.md:1:1: this update and schools/hillside/updates/2026-10-20-hello.md would both be published at updates/hello/"}},
		{"page name", map[string]string{"pages/About Us.md": "---\ntitle: x\n---\n"},
			[]string{"pages/About Us.md:1:1: a site page must be a file named <slug>.md"}},
		{"page unknown front matter", map[string]string{"pages/x.md": "---\ntitle: X\nmenu_order: 2\n---\n"},
			[]string{"pages/x.md:3:1: unknown field `menu_order` in the file"}},

		// school.yaml
		{"urn", map[string]string{school: "name: H\nurn: 12345\npsa: {name: J, email: j@e.org}\ninspections: [{start: 2026-09-15, framework: eif-2019}]\n"},
			[]string{school + ":2:6: `urn` is \"12345\"; Ofsted's unique reference number has 6 digits"}},
		{"image a picture", map[string]string{school: "name: H\nimage: files/school.pdf\npsa: {name: J, email: j@e.org}\ninspections: [{start: 2026-09-15, framework: eif-2019}]\n"},
			[]string{school + ":2:8: `image` is \"files/school.pdf\"; give a picture in the school's files folder whose name ends .jpg, .jpeg, .png, .gif or .webp"}},
		{"image in the folder", map[string]string{school: "name: H\nimage: https://example.org/school.jpg\npsa: {name: J, email: j@e.org}\ninspections: [{start: 2026-09-15, framework: eif-2019}]\n"},
			[]string{school + ":2:8: `image` is \"https://example.org/school.jpg\"; give a picture in the school's files folder"}},
		{"image ok", map[string]string{school: "name: H\nimage: files/School.JPG\npsa: {name: J, email: j@e.org}\ninspections: [{start: 2026-09-15, framework: eif-2019}]\n"}, nil},
		{"phase", map[string]string{school: "name: H\nphase: primry\npsa: {name: J, email: j@e.org}\ninspections: [{start: 2026-09-15, framework: eif-2019}]\n"},
			[]string{school + ":2:8: `phase` is \"primry\"; did you mean \"primary\"?"}},
		{"psa contact", map[string]string{school: "name: H\npsa:\n  name: J\ninspections: [{start: 2026-09-15, framework: eif-2019}]\n"},
			[]string{school + ":3:3: `psa` needs at least one way for parents to reach the PSA"}},
		{"psa required", map[string]string{school: "name: H\ninspections: [{start: 2026-09-15, framework: eif-2019}]\n"},
			[]string{school + ":1:1: the file is missing the required field `psa`"}},
		{"inspections not empty", map[string]string{school: "name: H\npsa: {name: J, phone: '1'}\ninspections: []\n"},
			[]string{school + ":3:14: `inspections` needs at least one inspection"}},
		{"date format", map[string]string{school: schoolWith("  - start: 15/09/2026\n    framework: eif-2019\n")},
			[]string{school + ":6:12: `start` in inspection 1: \"15/09/2026\" is not written as the program reads dates: did you mean 2026-09-15?"}},
		{"end before start", map[string]string{school: schoolWith("  - start: 2026-09-15\n    end: 2026-09-14\n    framework: eif-2019\n")},
			[]string{school + ":7:10: `end` (2026-09-14) is before `start` (2026-09-15)"}},
		{"published before start", map[string]string{school: schoolWith("  - start: 2026-09-15\n    published: 2026-09-01\n    framework: eif-2019\n")},
			[]string{school + ":7:16: `published` (2026-09-01) is before `start` (2026-09-15)"}},
		{"framework", map[string]string{school: schoolWith("  - start: 2026-09-15\n    framework: eif2019\n")},
			[]string{school + ":7:16: `framework` is \"eif2019\"; did you mean \"eif-2019\"?"}},
		{"grade word", map[string]string{school: schoolWith("  - start: 2024-03-15\n    framework: eif-2019\n    overall: requires-improvment\n")},
			[]string{school + ":8:14: `overall` is \"requires-improvment\"; did you mean \"requires improvement\"? The grades in the education inspection framework (2019) are: outstanding, good, requires improvement, inadequate (or a number 1 to 4)"}},
		{"grade number accepted", map[string]string{school: schoolWith("  - start: 2024-03-15\n    framework: eif-2019\n    overall: 3\n")}, nil},
		{"satisfactory is 2009 only", map[string]string{school: schoolWith("  - start: 2024-03-15\n    framework: eif-2019\n    judgements:\n      - {area: Quality of education, grade: satisfactory}\n")},
			[]string{school + ":9:45: `grade` is \"satisfactory\", which is not a grade in the education inspection framework (2019)"}},
		{"report card has no overall", map[string]string{school: schoolWith("  - start: 2026-01-20\n    framework: report-card-2025\n    overall: expected standard\n")},
			[]string{school + ":8:14: the report card framework (2025) gives no overall grade"}},
		{"report card area", map[string]string{school: schoolWith("  - start: 2026-01-20\n    framework: report-card-2025\n    judgements:\n      - {area: Quality of education, grade: expected standard}\n")},
			[]string{school + ":9:16: \"Quality of education\" is not an evaluation area of the report card framework (2025)"}},
		{"report card grade words not numbers", map[string]string{school: schoolWith("  - start: 2026-01-20\n    framework: report-card-2025\n    judgements:\n      - {area: inclusion, grade: 3}\n")},
			[]string{school + ":9:34: `grade` is \"3\", which is not a grade in the report card framework (2025)"}},
		{"report card category warning", map[string]string{school: schoolWith("  - start: 2026-01-20\n    framework: report-card-2025\n    judgements:\n      - {area: Achievement, grade: urgent improvement}\n")},
			[]string{school + ":6:5: warning: a grade of urgent improvement, or safeguarding not met, puts a school in a category"}},
		{"eif overall after 2024 warning", map[string]string{school: schoolWith("  - start: 2024-10-01\n    framework: eif-2019\n    overall: good\n")},
			[]string{school + ":8:14: warning: Ofsted gave no overall grade to inspections from 1 September 2024"}},
		{"safeguarding words", map[string]string{school: schoolWith("  - start: 2026-01-20\n    framework: report-card-2025\n    safeguarding: effective\n")},
			[]string{school + ":8:19: `safeguarding` is \"effective\", which is not allowed here; write one of: met, not met"}},
		{"2009 has no safeguarding", map[string]string{school: schoolWith("  - start: 2010-01-20\n    framework: \"2009\"\n    safeguarding: effective\n")},
			[]string{school + ":8:19: the 2009 framework has no separate safeguarding judgement"}},
		{"category fits framework", map[string]string{school: schoolWith("  - start: 2010-01-20\n    framework: \"2009\"\n    category: serious-weaknesses\n")},
			[]string{school + ":8:15: `category` \"serious-weaknesses\" does not exist in the 2009 framework; write one of: none, notice-to-improve, special-measures"}},
		{"category word", map[string]string{school: schoolWith("  - start: 2010-01-20\n    framework: eif-2019\n    category: special measure\n")},
			[]string{school + ":8:15: `category` is \"special measure\"; did you mean \"special-measures\"?"}},
		{"monitoring has no grades", map[string]string{school: schoolWith("  - start: 2026-11-01\n    type: monitoring\n    framework: eif-2019\n    overall: good\n")},
			[]string{school + ":6:5: a monitoring inspection needs `outcome`", school + ":9:14: a monitoring inspection has no grades, so `overall` does not belong here"}},
		{"outcome only for monitoring", map[string]string{school: schoolWith("  - start: 2026-11-01\n    framework: eif-2019\n    outcome: Fine.\n")},
			[]string{school + ":8:14: `outcome` is for monitoring inspections"}},
		{"area ids unique", map[string]string{school: schoolWith("  - start: 2026-11-01\n    framework: eif-2019\n    areas_for_improvement:\n      - {id: maths, text: a}\n      - {id: maths, text: b}\n")},
			[]string{school + ":10:14: area id \"maths\" is used twice in this school"}},
		{"area id form", map[string]string{school: schoolWith("  - start: 2026-11-01\n    framework: eif-2019\n    areas_for_improvement:\n      - {id: Maths Teaching, text: a}\n")},
			[]string{school + ":9:14: area id \"Maths Teaching\" may hold only lower-case letters, digits and hyphens"}},
		{"milestone kind", map[string]string{school: schoolWith("  - start: 2026-11-01\n    framework: eif-2019\nmilestones:\n  - {kind: statement, date: 2026-11-20}\n")},
			[]string{school + ":9:12: `kind` is \"statement\", which is not allowed here"}},
		{"report url", map[string]string{school: schoolWith("  - start: 2026-11-01\n    framework: eif-2019\n    report_url: reports.ofsted.gov.uk/x\n")},
			[]string{school + ":8:17: `report_url` is \"reports.ofsted.gov.uk/x\", which is not a web address"}},

		// action-plan.yaml
		{"plan status", map[string]string{"schools/hillside/action-plan.yaml": "updated: 2026-11-01\nareas:\n  - for: maths\n    actions:\n      - {what: Coaching, status: ontrack}\n"},
			[]string{"schools/hillside/action-plan.yaml:5:34: `status` is \"ontrack\"; did you mean \"on-track\"?"}},
		{"plan updated required", map[string]string{"schools/hillside/action-plan.yaml": "areas: []\n"},
			[]string{"schools/hillside/action-plan.yaml:1:1: the file is missing the required field `updated`"}},
		{"measure points in order", map[string]string{"schools/hillside/action-plan.yaml": "updated: 2026-11-01\nareas:\n  - for: maths\n    measures:\n      - name: M\n        points:\n          - {date: 2026-10-01, value: 1}\n          - {date: 2026-09-01, value: 2}\n"},
			[]string{"schools/hillside/action-plan.yaml:8:20: the dates of `points` must go forward in time"}},
		{"measure needs points", map[string]string{"schools/hillside/action-plan.yaml": "updated: 2026-11-01\nareas:\n  - for: maths\n    measures:\n      - name: M\n        points: []\n"},
			[]string{"schools/hillside/action-plan.yaml:6:17: `points` needs at least one"}},
		{"percentage measure", map[string]string{"schools/hillside/action-plan.yaml": "updated: 2026-11-01\nareas:\n  - for: maths\n    measures:\n      - name: M\n        unit: \"%\"\n        points:\n          - {date: 2026-10-01, value: 120}\n"},
			[]string{"schools/hillside/action-plan.yaml:8:39: value 120 is not a percentage between 0 and 100"}},
		{"number", map[string]string{"schools/hillside/action-plan.yaml": "updated: 2026-11-01\nareas:\n  - for: maths\n    measures:\n      - name: M\n        points:\n          - {date: 2026-10-01, value: lots}\n"},
			[]string{"schools/hillside/action-plan.yaml:7:39: `value` in point '2026-10-01' (the 1st) in measure 'M' in area 'maths' should be a number such as 55 or 55.5, not \"lots\""}},

		// meetings.yaml
		{"meeting time format", map[string]string{"schools/hillside/meetings.yaml": "- title: M\n  start: 2026-10-07 16:00\n"},
			[]string{"schools/hillside/meetings.yaml:2:10: `start` in meeting 'M' (the 1st): \"2026-10-07 16:00\" is not written as the program reads dates and times: did you mean 2026-10-07T16:00?"}},
		{"meeting end after start", map[string]string{"schools/hillside/meetings.yaml": "- title: M\n  start: 2026-10-07T16:00\n  end: 2026-10-07T15:00\n"},
			[]string{"schools/hillside/meetings.yaml:3:8: `end` (2026-10-07T15:00) must be after `start` (2026-10-07T16:00)"}},
		{"all-day end is a date", map[string]string{"schools/hillside/meetings.yaml": "- title: M\n  start: 2026-10-07\n  end: 2026-10-07T15:00\n"},
			[]string{"schools/hillside/meetings.yaml:3:8: `start` is a date alone (an all-day event), so `end` must be a date too"}},
		{"meeting kind", map[string]string{"schools/hillside/meetings.yaml": "- title: M\n  kind: focus grop\n  start: 2026-10-07T16:00\n"},
			[]string{"schools/hillside/meetings.yaml:2:9: `kind` is \"focus grop\"; did you mean \"focus-group\"?"}},
		{"meeting status", map[string]string{"schools/hillside/meetings.yaml": "- title: M\n  status: postponed\n  start: 2026-10-07T16:00\n"},
			[]string{"schools/hillside/meetings.yaml:2:11: `status` is \"postponed\", which is not allowed here; write one of: confirmed, tentative, cancelled"}},
		{"meeting ids unique", map[string]string{"schools/hillside/meetings.yaml": "- {title: A, id: srg, start: 2026-10-07T16:00}\n- {title: B, id: srg, start: 2026-10-08T16:00}\n"},
			[]string{"schools/hillside/meetings.yaml:2:18: meeting id \"srg\" is used twice"}},
		{"repeat every", map[string]string{"schools/hillside/meetings.yaml": "- title: M\n  start: 2026-10-07T16:00\n  repeat: {every: fortnightly, count: 3}\n"},
			[]string{"schools/hillside/meetings.yaml:3:19: `every` is \"fortnightly\"; write a whole number and days, weeks or months"}},
		{"repeat needs an end", map[string]string{"schools/hillside/meetings.yaml": "- title: M\n  start: 2026-10-07T16:00\n  repeat: {every: 6 weeks}\n"},
			[]string{"schools/hillside/meetings.yaml:3:11: `repeat` needs `until: YYYY-MM-DD`"}},
		{"repeat not both", map[string]string{"schools/hillside/meetings.yaml": "- title: M\n  start: 2026-10-07T16:00\n  repeat: {every: 6 weeks, until: 2027-01-01, count: 3}\n"},
			[]string{"schools/hillside/meetings.yaml:3:54: `repeat` has both `until` and `count`; keep one"}},
		{"repeat until after start", map[string]string{"schools/hillside/meetings.yaml": "- title: M\n  start: 2026-10-07T16:00\n  repeat: {every: 6 weeks, until: 2026-01-01}\n"},
			[]string{"schools/hillside/meetings.yaml:3:35: `until` (2026-01-01) is before the first meeting (2026-10-07)"}},
		{"online address", map[string]string{"schools/hillside/meetings.yaml": "- title: M\n  start: 2026-10-07T16:00\n  online: meet.example.org\n"},
			[]string{"schools/hillside/meetings.yaml:3:11: `online` is \"meet.example.org\", which is not a web address"}},
		{"meeting open to", map[string]string{"schools/hillside/meetings.yaml": "- title: M\n  start: 2026-10-07T16:00\n  open_to: parents\n"},
			[]string{"schools/hillside/meetings.yaml:3:12: `open_to` is \"parents\", which is not allowed here; write one of: everyone, members"}},
		{"members-only kind open to all", map[string]string{"schools/hillside/meetings.yaml": "- title: Coffee with governors\n  kind: governors\n  start: 2026-10-07T09:00\n  audience: Open to all parents and carers\n"},
			[]string{"schools/hillside/meetings.yaml:4:13: warning: a meeting of kind `governors` is shown as not open to all parents and carers unless it says `open_to: everyone`"}},
		{"members-only kind open to all, said so", map[string]string{"schools/hillside/meetings.yaml": "- title: Coffee with governors\n  kind: governors\n  open_to: everyone\n  start: 2026-10-07T09:00\n  audience: Open to all parents and carers\n"}, nil},
		{"meetings is a list", map[string]string{"schools/hillside/meetings.yaml": "title: M\nstart: 2026-10-07T16:00\n"},
			[]string{"schools/hillside/meetings.yaml:1:1: the file should be a list (lines starting with \"- \"), not a set of \"key: value\" lines"}},

		// views.yaml
		{"invited at least responses", map[string]string{"schools/hillside/views.yaml": "- {gathered: 2026-10-15, how: Survey, responses: 50, invited: 40}\n"},
			[]string{"schools/hillside/views.yaml:1:63: `invited` (40) is fewer than `responses` (50)"}},
		{"percentages sum", map[string]string{"schools/hillside/views.yaml": "- gathered: 2026-10-15\n  how: Survey\n  questions:\n    - {ask: \"Happy?\", agree: 80, disagree: 20, dont_know: 10}\n"},
			[]string{"schools/hillside/views.yaml:4:7: the percentages for \"Happy?\" add up to 110"}},
		{"percentage range", map[string]string{"schools/hillside/views.yaml": "- gathered: 2026-10-15\n  how: Survey\n  questions:\n    - {ask: \"Happy?\", agree: -5}\n"},
			[]string{"schools/hillside/views.yaml:4:30: `agree` is -5; a percentage is between 0 and 100"}},
		{"theme status", map[string]string{"schools/hillside/views.yaml": "- gathered: 2026-10-15\n  how: Survey\n  themes:\n    - {said: More notice, status: finished}\n"},
			[]string{"schools/hillside/views.yaml:4:35: `status` is \"finished\", which is not allowed here; write one of: open, in-progress, done"}},
		{"views has no names", map[string]string{"schools/hillside/views.yaml": "- gathered: 2026-10-15\n  how: Survey\n  themes:\n    - {said: More notice, parent: Mrs Smith}\n"},
			[]string{"schools/hillside/views.yaml:4:27: unknown field `parent` in theme 'More notice' (the 1st) in gathering of views 'Survey'"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseSite()
			for p, data := range tt.files {
				if data == "" && p != "schools/hillside/.gitkeep" {
					delete(fsys, p)
					continue
				}
				fsys[p] = &fstest.MapFile{Data: []byte(data)}
			}
			_, ds := load(t, fsys)
			got := make([]string, len(ds))
			for i, d := range ds {
				got[i] = d.String()
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("diagnostic %d:\n got: %s\nwant: %s...", i, got[i], w)
				}
			}
		})
	}
}

func TestAllErrorsReportedSorted(t *testing.T) {
	fsys := baseSite()
	fsys["site.yaml"] = &fstest.MapFile{Data: []byte("title: T\nbase_url: nope\ntimezone: Mars/Base\n")}
	fsys["schools/hillside/meetings.yaml"] = &fstest.MapFile{Data: []byte("- {title: M, start: tomorrow}\n")}
	_, ds := load(t, fsys)
	if len(ds) != 3 {
		t.Fatalf("want 3 diagnostics, got:\n%s", ds.Error())
	}
	if ds[0].Path != "schools/hillside/meetings.yaml" || ds[1].Pos.Line != 2 || ds[2].Pos.Line != 3 {
		t.Errorf("not sorted by path and line:\n%s", ds.Error())
	}
}

func TestLimits(t *testing.T) {
	t.Run("alias bomb", func(t *testing.T) {
		bomb := "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
		fsys := baseSite()
		fsys["site.yaml"] = &fstest.MapFile{Data: []byte(bomb)}
		_, ds := load(t, fsys)
		if !ds.HasErrors() {
			t.Fatal("an alias bomb loaded without error")
		}
	})
	t.Run("huge file", func(t *testing.T) {
		fsys := baseSite()
		fsys["site.yaml"] = &fstest.MapFile{Data: []byte("title: T\nbase_url: https://e.org/\ndescription: " + strings.Repeat("x", 3<<20) + "\n")}
		_, ds := load(t, fsys)
		if len(ds) != 1 || !strings.Contains(ds[0].Msg, "more than the") {
			t.Fatalf("diagnostics = %s", ds.Error())
		}
	})
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, src, front, body string
		line                   int
		ok                     bool
	}{
		{"plain", "---\ntitle: x\n---\nbody\n", "title: x\n", "body\n", 4, true},
		{"crlf", "---\r\ntitle: x\r\n---\r\nbody", "title: x\r\n", "body", 4, true},
		{"bom", "\ufeff---\ntitle: x\n---\n", "title: x\n", "", 4, true},
		{"no closing", "---\ntitle: x\n", "", "---\ntitle: x\n", 1, false},
		{"none", "body", "", "body", 1, false},
		{"empty front", "---\n---\nbody", "", "body", 3, true},
		{"closing at end without newline", "---\ntitle: x\n---", "title: x\n", "", 4, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			front, body, line, ok := splitFrontMatter([]byte(tt.src))
			if string(front) != tt.front || string(body) != tt.body || line != tt.line || ok != tt.ok {
				t.Errorf("got (%q, %q, %d, %v), want (%q, %q, %d, %v)", front, body, line, ok, tt.front, tt.body, tt.line, tt.ok)
			}
		})
	}
}

// Who may come to a meeting: `open_to` where given, else by its kind.
func TestMeetingOpenToAll(t *testing.T) {
	tests := []struct {
		kind, openTo string
		want         bool
	}{
		{"parents-meeting", "", true},
		{"focus-group", "", true},
		{"other", "", true},
		{"review-group", "", false},
		{"governors", "", false},
		{"monitoring-visit", "", false},
		{"inspection", "", false},
		{"governors", "everyone", true},
		{"focus-group", "members", false},
	}
	for _, tt := range tests {
		t.Run(tt.kind+" "+tt.openTo, func(t *testing.T) {
			m := &Meeting{Kind: tt.kind, OpenTo: tt.openTo}
			if got := m.OpenToAll(); got != tt.want {
				t.Errorf("OpenToAll() = %v, want %v", got, tt.want)
			}
		})
	}
}
