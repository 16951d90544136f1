package content

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

const meetingsPath = "schools/hillside/meetings.yaml"

// nineMeetings is a meetings.yaml of eight good meetings and then ninth.
func nineMeetings(ninth string) string {
	var b strings.Builder
	for i := 1; i <= 8; i++ {
		fmt.Fprintf(&b, "- title: Meeting %d\n  start: 2026-10-%02dT16:00\n", i, i)
	}
	return b.String() + ninth
}

// TestMessages pins each message a PSA meets for a mistake in writing a
// file, as printed: where, what is wrong, the line with a caret under the
// place, and the line as it should be written where that can be worked
// out. Each case is one file of a small valid site written with a mistake.
func TestMessages(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            []string // the diagnostics' Long(), line by line
	}{
		{"colon in a meeting's title", meetingsPath,
			"- title: Update: December\n  start: 2026-12-03T18:00\n",
			[]string{
				"schools/hillside/meetings.yaml:1:16: the text of `title` has a colon followed by a space, which starts a new field, so the program cannot read the line; put the text in quotes: `title: \"Update: December\"`",
				"    1 | - title: Update: December",
				"      |                ^",
				"  write it as:",
				"    1 | - title: \"Update: December\"",
			}},
		{"colon in an update's title", "schools/hillside/updates/2026-10-20-hello.md",
			"---\ntitle: Update: December\n---\n\nBody.\n",
			[]string{
				"schools/hillside/updates/2026-10-20-hello.md:2:14: the text of `title` has a colon followed by a space, which starts a new field, so the program cannot read the line; put the text in quotes: `title: \"Update: December\"`",
				"    2 | title: Update: December",
				"      |              ^",
				"  write it as:",
				"    2 | title: \"Update: December\"",
			}},
		{"colon in a location", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n  location: Room: Hall\n",
			[]string{
				"schools/hillside/meetings.yaml:3:17: the text of `location` has a colon followed by a space, which starts a new field, so the program cannot read the line; put the text in quotes: `location: \"Room: Hall\"`",
				"    3 |   location: Room: Hall",
				"      |                 ^",
				"  write it as:",
				"    3 |   location: \"Room: Hall\"",
			}},
		{"tab", meetingsPath,
			"- title: Coffee morning\n\tstart: 2026-12-03T09:00\n",
			[]string{
				"schools/hillside/meetings.yaml:2:1: this line is indented with the Tab key, and these files must be indented with spaces: delete the gap at the start of the line and type spaces, so that it lines up with the lines of the same block",
				"    2 |     start: 2026-12-03T09:00",
				"      | ^",
				"  write it as:",
				"    2 |   start: 2026-12-03T09:00",
			}},
		{"further in", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n   status: confirmed\n",
			[]string{
				"schools/hillside/meetings.yaml:3:4: this line starts further in (more spaces before it) than `start:` on line 2 above, so the program cannot tell which block it belongs to: start it at the same place, after 2 spaces",
				"    3 |    status: confirmed",
				"      |    ^",
				"  write it as:",
				"    3 |   status: confirmed",
			}},
		{"further out", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n status: confirmed\n",
			[]string{
				"schools/hillside/meetings.yaml:3:2: this line starts further out (fewer spaces before it) than `start:` on line 2 above, so the program cannot tell which block it belongs to: start it at the same place, after 2 spaces",
				"    3 |  status: confirmed",
				"      |  ^",
				"  write it as:",
				"    3 |   status: confirmed",
			}},
		{"quote then more", meetingsPath,
			"- title: \"Coffee\" morning\n  start: 2026-12-03T09:00\n",
			[]string{
				"schools/hillside/meetings.yaml:1:10: the text of `title` starts with a quote mark (\"), so it must end with one, but more text follows the closing mark: put the whole text in quotes",
				"    1 | - title: \"Coffee\" morning",
				"      |          ^",
				"  write it as:",
				"    1 | - title: '\"Coffee\" morning'",
			}},
		{"quote not closed, the next one lines later", meetingsPath,
			"- title: \"Coffee morning\n  start: 2026-12-03T09:00\n- title: \"Tea: and cake\"\n  start: 2026-12-04T09:00\n",
			[]string{
				"schools/hillside/meetings.yaml:1:10: the text of `title` starts with a quote mark (\") that is never closed: add one at the end of the text",
				"    1 | - title: \"Coffee morning",
				"      |          ^",
				"  write it as:",
				"    1 | - title: \"Coffee morning\"",
			}},
		{"quote not closed", meetingsPath,
			"- title: \"Coffee morning\n  start: 2026-12-03T09:00\n",
			[]string{
				"schools/hillside/meetings.yaml:1:10: the text of `title` starts with a quote mark (\") that is never closed: add one at the end of the text",
				"    1 | - title: \"Coffee morning",
				"      |          ^",
				"  write it as:",
				"    1 | - title: \"Coffee morning\"",
			}},
		{"at sign", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n  location: @ the school\n",
			[]string{
				"schools/hillside/meetings.yaml:3:13: text that starts with @ must be in quotes: write the text of `location` in \"double quotes\"",
				"    3 |   location: @ the school",
				"      |             ^",
				"  write it as:",
				"    3 |   location: \"@ the school\"",
			}},
		{"star", meetingsPath,
			"- title: *Coffee* morning\n  start: 2026-12-03T09:00\n",
			[]string{
				"schools/hillside/meetings.yaml:1:10: text that starts with * must be in quotes: write the text of `title` in \"double quotes\"",
				"    1 | - title: *Coffee* morning",
				"      |          ^",
				"  write it as:",
				"    1 | - title: \"*Coffee* morning\"",
			}},
		{"except without ]", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n  repeat:\n    every: 1 week\n    count: 4\n    except: [2026-12-10\n",
			[]string{
				"schools/hillside/meetings.yaml:6:13: the list of dates of `except` starts with [ but has no ] at the end: add it",
				"    6 |     except: [2026-12-10",
				"      |             ^",
				"  write it as:",
				"    6 |     except: [2026-12-10]",
			}},
		{"text without a field", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n  location: The hall\n  behind the office\n",
			[]string{
				"schools/hillside/meetings.yaml:4:3: this line has text but no field name (such as `location:`) before it: if it goes on from the line above, join it to that line; if it is a field of its own, start it with the field's name and a colon",
				"    4 |   behind the office",
				"      |   ^",
			}},
		{"backslash in double quotes", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n  location: \"Hall\\Room 2\"\n",
			[]string{
				"schools/hillside/meetings.yaml:3:13: inside \"double quotes\", a backslash (\\) starts a special character: put the text of `location` in 'single quotes' instead",
				"    3 |   location: \"Hall\\Room 2\"",
				"      |             ^",
				"  write it as:",
				"    3 |   location: 'Hall\\Room 2'",
			}},
		{"apostrophe in single quotes", meetingsPath,
			"- title: 'Parents' coffee morning'\n  start: 2026-12-03T09:00\n",
			[]string{
				"schools/hillside/meetings.yaml:1:10: the text of `title` is in quotes (') but also has that mark inside it, which ends the text early: put it in the other kind of quotes",
				"    1 | - title: 'Parents' coffee morning'",
				"      |          ^",
				"  write it as:",
				"    1 | - title: \"Parents' coffee morning\"",
			}},
		{"no space after colon", meetingsPath,
			"- title: Coffee morning\n  start:2026-12-03T09:00\n",
			[]string{
				"schools/hillside/meetings.yaml:2:9: put a space after the colon of `start:`",
				"    2 |   start:2026-12-03T09:00",
				"      |         ^",
				"  write it as:",
				"    2 |   start: 2026-12-03T09:00",
			}},
		{"block text further out", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n  description: |\n    Tea and coffee\n   in the hall.\n",
			[]string{
				"schools/hillside/meetings.yaml:5:4: the text of `description:` goes on over several lines, and each must start at the same place as its first line: add spaces at the start of this line, so that it starts after 4 spaces",
				"    5 |    in the hall.",
				"      |    ^",
				"  write it as:",
				"    5 |     in the hall.",
			}},
		{"uk date", meetingsPath,
			"- title: Coffee morning\n  start: 3/12/2026\n",
			[]string{
				"schools/hillside/meetings.yaml:2:10: `start` in meeting 'Coffee morning' (the 1st): \"3/12/2026\" is not written as the program reads dates: did you mean 2026-12-03 (all day)? Add the time as 2026-12-03T18:00, on the 24-hour clock, for a meeting at 6pm",
				"    2 |   start: 3/12/2026",
				"      |          ^",
				"  write it as:",
				"    2 |   start: 2026-12-03",
			}},
		{"uk date and 6pm", meetingsPath,
			"- title: Coffee morning\n  start: 3/12/2026 6pm\n",
			[]string{
				"schools/hillside/meetings.yaml:2:10: `start` in meeting 'Coffee morning' (the 1st): \"3/12/2026 6pm\" is not written as the program reads dates and times: did you mean 2026-12-03T18:00? Write the date year first, then T and the time on the 24-hour clock",
				"    2 |   start: 3/12/2026 6pm",
				"      |          ^",
				"  write it as:",
				"    2 |   start: 2026-12-03T18:00",
			}},
		{"space instead of T", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03 18:00\n",
			[]string{
				"schools/hillside/meetings.yaml:2:10: `start` in meeting 'Coffee morning' (the 1st): \"2026-12-03 18:00\" is not written as the program reads dates and times: did you mean 2026-12-03T18:00? Write the date year first, then T and the time on the 24-hour clock",
				"    2 |   start: 2026-12-03 18:00",
				"      |          ^",
				"  write it as:",
				"    2 |   start: 2026-12-03T18:00",
			}},
		{"time alone", meetingsPath,
			"- title: Coffee morning\n  start: 6pm\n",
			[]string{
				"schools/hillside/meetings.yaml:2:10: `start` in meeting 'Coffee morning' (the 1st): \"6pm\" is a time without a date: write YYYY-MM-DDTHH:MM on the 24-hour clock in the site's local time, with the date, such as 2026-10-07T18:00",
				"    2 |   start: 6pm",
				"      |          ^",
			}},
		{"date in words", "schools/hillside/views.yaml",
			"- gathered: 3rd December 2026\n  how: Focus group\n",
			[]string{
				"schools/hillside/views.yaml:1:13: `gathered` in gathering of views 'Focus group' (the 1st): \"3rd December 2026\" is not written as the program reads dates: did you mean 2026-12-03? Write the year first, then the month and the day, YYYY-MM-DD",
				"    1 | - gathered: 3rd December 2026",
				"      |             ^",
				"  write it as:",
				"    1 | - gathered: 2026-12-03",
			}},
		{"date that does not exist", "schools/hillside/action-plan.yaml",
			"updated: 2026-02-30\n",
			[]string{
				"schools/hillside/action-plan.yaml:1:10: `updated`: \"2026-02-30\" is not a date that exists: check the month and the day (write YYYY-MM-DD, year first)",
				"    1 | updated: 2026-02-30",
				"      |          ^",
			}},
		{"time named by title", meetingsPath,
			nineMeetings("- title: Coffee morning\n  time: 2026-12-03T09:00\n"),
			[]string{
				"schools/hillside/meetings.yaml:18:3: unknown field `time` in meeting 'Coffee morning' (the 9th); did you mean `start`? The fields of a meeting are: title, id, kind, start, end, repeat, location, online, audience, open_to, access, status, description, draft (and notes of your own, whose names start x_)",
				"    18 |   time: 2026-12-03T09:00",
				"       |   ^",
				"  write it as:",
				"    18 |   start: 2026-12-03T09:00",
			}},
		{"every outside repeat", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n  every: 2 weeks\n",
			[]string{
				"schools/hillside/meetings.yaml:3:3: unknown field `every` in meeting 'Coffee morning' (the 1st); `every` goes inside `repeat:`, on a line of its own indented under it. The fields of a meeting are: title, id, kind, start, end, repeat, location, online, audience, open_to, access, status, description, draft (and notes of your own, whose names start x_)",
				"    3 |   every: 2 weeks",
				"      |   ^",
			}},
		{"capital field", meetingsPath,
			"- title: Coffee morning\n  Start: 2026-12-03T09:00\n",
			[]string{
				"schools/hillside/meetings.yaml:2:3: unknown field `Start` in meeting 'Coffee morning' (the 1st); did you mean `start`? The fields of a meeting are: title, id, kind, start, end, repeat, location, online, audience, open_to, access, status, description, draft (and notes of your own, whose names start x_)",
				"    2 |   Start: 2026-12-03T09:00",
				"      |   ^",
				"  write it as:",
				"    2 |   start: 2026-12-03T09:00",
			}},
		{"missing start", meetingsPath,
			"- title: Tea\n  start: 2026-12-03T09:00\n- title: Coffee morning\n  location: Hall\n",
			[]string{
				"schools/hillside/meetings.yaml:3:3: meeting 'Coffee morning' (the 2nd) is missing the required field `start`",
				"    3 | - title: Coffee morning",
				"      |   ^",
			}},
		{"unknown in repeat", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n  repeat:\n    evry: 2 weeks\n    count: 3\n",
			[]string{
				"schools/hillside/meetings.yaml:4:5: unknown field `evry` in `repeat` in meeting 'Coffee morning' (the 1st); did you mean `every`? The fields of `repeat` are: every, until, count, except (and notes of your own, whose names start x_)",
				"    4 |     evry: 2 weeks",
				"      |     ^",
				"  write it as:",
				"    4 |     every: 2 weeks",
			}},
		{"misspelt status", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n  status: canceled\n",
			[]string{
				"schools/hillside/meetings.yaml:3:11: `status` is \"canceled\"; did you mean \"cancelled\"? The allowed words are: confirmed, tentative, cancelled",
				"    3 |   status: canceled",
				"      |           ^",
				"  write it as:",
				"    3 |   status: cancelled",
			}},
		{"misspelt grade", "schools/hillside/school.yaml",
			"name: H\npsa: {name: J, email: j@e.org}\ninspections:\n  - start: 2024-03-12\n    framework: eif-2019\n    overall: requires improvment\n",
			[]string{
				"schools/hillside/school.yaml:6:14: `overall` is \"requires improvment\"; did you mean \"requires improvement\"? The grades in the education inspection framework (2019) are: outstanding, good, requires improvement, inadequate (or a number 1 to 4)",
				"    6 |     overall: requires improvment",
				"      |              ^",
				"  write it as:",
				"    6 |     overall: requires improvement",
			}},
		{"windows-1252", meetingsPath,
			"- title: Parents\x92 evening\n  start: 2026-12-03T18:00\n",
			[]string{
				"schools/hillside/meetings.yaml:1:1: this file is not saved as UTF-8, the only text encoding the program reads (the first character it cannot read is on line 1, column 17): in Notepad choose File > Save as, set Encoding to UTF-8 and save it again; other editors have the same choice under \"Encoding\" or \"Save with encoding\"",
			}},
		{"utf-16 without bom", meetingsPath,
			"-\x00 \x00t\x00",
			[]string{
				"schools/hillside/meetings.yaml:1:1: this file is not saved as UTF-8, the only text encoding the program reads (it has an empty character on line 1, column 2, as a file saved as UTF-16 without a byte order mark has): in Notepad choose File > Save as, set Encoding to UTF-8 and save it again; other editors have the same choice under \"Encoding\" or \"Save with encoding\"",
			}},
		{"meetings.yaml.txt", "schools/hillside/meetings.yaml.txt",
			"[]\n",
			[]string{
				"schools/hillside/meetings.yaml.txt:1:1: unexpected file \"meetings.yaml.txt\" here: remove .txt from the end of the name, so that it is meetings.yaml (Notepad adds .txt unless \"Save as type\" is \"All files\", and Windows may hide it)",
			}},
		{"update .md.txt", "schools/hillside/updates/2026-12-10-news.md.txt",
			"---\ntitle: News\n---\n",
			[]string{
				"schools/hillside/updates/2026-12-10-news.md.txt:1:1: an update's name ends in .md: remove .txt from the end of the name, so that it is 2026-12-10-news.md (Notepad adds .txt unless \"Save as type\" is \"All files\", and Windows may hide it)",
			}},
		{"page .md.txt", "pages/contact.md.txt",
			"---\ntitle: Contact\n---\n",
			[]string{
				"pages/contact.md.txt:1:1: a site page's name ends in .md: remove .txt from the end of the name, so that it is contact.md (Notepad adds .txt unless \"Save as type\" is \"All files\", and Windows may hide it)",
			}},
		{"meetings.yml", "schools/hillside/meetings.yml",
			"[]\n",
			[]string{
				"schools/hillside/meetings.yml:1:1: unexpected file \"meetings.yml\" here: name it meetings.yaml: content files end in .yaml",
			}},
		{"placeholder in a meeting", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n  location: Where it is, with the full address\n  description: |\n    What the meeting is for and what will happen. Keep these lines indented.\n",
			[]string{
				"schools/hillside/meetings.yaml:3:13: `location` still holds the example text that `parentpages new` wrote, which would be published: write where the meeting is, with the full address, or keep `draft: true` in the meeting until it is ready",
				"    3 |   location: Where it is, with the full address",
				"      |             ^",
				"schools/hillside/meetings.yaml:4:16: `description` still holds the example text that `parentpages new` wrote, which would be published: say what the meeting is for, or keep `draft: true` in the meeting until it is ready",
				"    4 |   description: |",
				"      |                ^",
			}},
		{"placeholder in a draft meeting", meetingsPath,
			"- title: Coffee morning\n  start: 2026-12-03T09:00\n  draft: true\n  location: Where it is, with the full address\n",
			nil},
		{"placeholder in an update", "schools/hillside/updates/2026-10-20-hello.md",
			"---\ntitle: Hello\n---\n\nWrite your update here.\n",
			[]string{
				"schools/hillside/updates/2026-10-20-hello.md:5:1: the update still holds the example text that `parentpages new` wrote, which would be published: write the update, or keep `draft: true` until it is ready",
				"    5 | Write your update here.",
				"      | ^",
			}},
		{"placeholder in a draft update", "schools/hillside/updates/2026-10-20-hello.md",
			"---\ntitle: Hello\ndraft: true\n---\n\nWrite your update here.\n",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseSite()
			fsys[tt.path] = &fstest.MapFile{Data: []byte(tt.src)}
			_, ds := load(t, fsys)
			var got []string
			for _, d := range ds {
				got = append(got, strings.Split(d.Long(), "\n")...)
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("got:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

// Words from a list (a status, a kind, a grade) are accepted in any case
// and with spaces, hyphens or underscores between their words, and the
// model holds the format's spelling.
func TestWordsInAnyCase(t *testing.T) {
	meetings := "- title: M\n  start: 2026-10-07T16:00\n  kind: Focus Group\n  status: Confirmed\n"
	plan := "updated: 2026-11-01\nareas:\n  - for: maths\n    actions:\n      - {what: A, status: on track}\n      - {what: B, status: ON_TRACK}\n      - {what: C, status: Not Started}\n"
	views := "- gathered: 2026-10-15\n  how: Survey\n  themes:\n    - {said: S, status: In progress}\n"
	school := schoolWith("  - start: 2024-03-12\n    framework: EIF 2019\n    overall: Requires-Improvement\n    safeguarding: Not-Effective\n    category: Special measures\n    judgements:\n      - {area: Quality of education, grade: requires_improvement}\n")
	fsys := baseSite()
	for p, src := range map[string]string{meetingsPath: meetings, "schools/hillside/action-plan.yaml": plan,
		"schools/hillside/views.yaml": views, "schools/hillside/school.yaml": school} {
		fsys[p] = &fstest.MapFile{Data: []byte(src)}
	}
	c, ds := load(t, fsys)
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	s := c.Schools[0]
	in := s.School.Inspections[0]
	for _, tt := range []struct{ got, want string }{
		{s.Meetings[0].Kind, "focus-group"},
		{s.Meetings[0].Status, "confirmed"},
		{s.Plan.Areas[0].Actions[0].Status, "on-track"},
		{s.Plan.Areas[0].Actions[1].Status, "on-track"},
		{s.Plan.Areas[0].Actions[2].Status, "not-started"},
		{s.Views[0].Themes[0].Status, "in-progress"},
		{in.Framework, "eif-2019"},
		{in.Overall, "requires improvement"},
		{in.Safeguarding, "not effective"},
		{in.Category, "special-measures"},
		{in.Judgements[0].Grade, "requires improvement"},
	} {
		if tt.got != tt.want {
			t.Errorf("model holds %q, want %q", tt.got, tt.want)
		}
	}
	if got := string(fsys[meetingsPath].Data); got != meetings {
		t.Errorf("the file was changed:\n%s", got)
	}
}

// No message about an unknown field ends in an empty list: every mapping
// of the format names its fields.
func TestUnknownFieldListsFields(t *testing.T) {
	for typ, sf := range formatFields {
		t.Run(typ.Name(), func(t *testing.T) {
			d := &decoder{path: "site.yaml"}
			msg, _ := d.unknownField("zzz", "x", typ, sf.fields)
			if len(sf.fields) == 0 || strings.HasSuffix(strings.TrimSpace(msg), ":") || strings.Contains(msg, "are: (") {
				t.Errorf("message ends without the fields: %s", msg)
			}
		})
	}
	d := &decoder{path: "site.yaml"}
	if msg, _ := d.unknownField("zzz", "x", reflect.TypeFor[struct{ Meta }](), nil); strings.Contains(msg, "are:") {
		t.Errorf("a mapping without fields: %s", msg)
	}
}

func TestSuggestField(t *testing.T) {
	meeting, _ := fieldsOf(reflect.TypeFor[Meeting]())
	update, _ := fieldsOf(reflect.TypeFor[UpdateFront]())
	keys := func(fs []fieldInfo) []string {
		var k []string
		for _, f := range fs {
			k = append(k, f.key)
		}
		return k
	}
	tests := []struct {
		key    string
		fields []string
		want   string
	}{
		{"time", keys(meeting), "start"},        // not `title`, which is spelt alike
		{"date", keys(meeting), "start"},        // a meeting has no date
		{"venue", keys(meeting), "location"},    // another name for it
		{"Location", keys(meeting), "location"}, // case
		{"locaton", keys(meeting), "location"},  // spelt alike
		{"description", keys(update), "summary"},
		{"zzzz", keys(meeting), ""},
	}
	for _, tt := range tests {
		if got := suggestField(tt.key, tt.fields); got != tt.want {
			t.Errorf("suggestField(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestGuessDates(t *testing.T) {
	tests := []struct{ in, date, dateTime string }{
		{"3/12/2026", "2026-12-03", "2026-12-03"},
		{"03.12.26", "2026-12-03", "2026-12-03"},
		{"12/25/2026", "2026-12-25", "2026-12-25"}, // the middle cannot be a month: month first
		{"2026/12/3", "2026-12-03", "2026-12-03"},
		{"Thursday 3rd December 2026", "2026-12-03", "2026-12-03"},
		{"3 Dec 2026", "2026-12-03", "2026-12-03"},
		{"December 3, 2026", "2026-12-03", "2026-12-03"},
		{"31/2/2026", "", ""},
		{"3/12/2026 6pm", "", "2026-12-03T18:00"},
		{"3/12/2026 at 6.30 pm", "", "2026-12-03T18:30"},
		{"2026-12-03 18:00", "", "2026-12-03T18:00"},
		{"2026-12-03T6pm", "", "2026-12-03T18:00"},
		{"2026-12-03T9:15", "", "2026-12-03T09:15"},
		{"3 December 2026, 12am", "", "2026-12-03T00:00"},
		{"3 December 2026 noon", "", "2026-12-03T12:00"},
		{"6pm", "", ""},
		{"tomorrow", "", ""},
		{"2026-12-03T25:00", "", ""},
	}
	for _, tt := range tests {
		if got := guessDate(tt.in); got != tt.date {
			t.Errorf("guessDate(%q) = %q, want %q", tt.in, got, tt.date)
		}
		if got := guessDateTime(tt.in); got != tt.dateTime {
			t.Errorf("guessDateTime(%q) = %q, want %q", tt.in, got, tt.dateTime)
		}
	}
}

func TestDecodeText(t *testing.T) {
	utf16le := func(s string, bom bool) []byte {
		var b []byte
		if bom {
			b = []byte{0xFF, 0xFE}
		}
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8))
		}
		return b
	}
	be := func(le []byte) []byte {
		out := []byte{0xFE, 0xFF}
		for i := 2; i+1 < len(le); i += 2 {
			out = append(out, le[i+1], le[i])
		}
		return out
	}
	tests := []struct {
		name    string
		in      []byte
		want    string
		problem string // the start of the problem, "" if read
	}{
		{"utf-8", []byte("title: Café\n"), "title: Café\n", ""},
		{"utf-8 with a bom", []byte("\ufefftitle: Café\n"), "title: Café\n", ""},
		{"utf-16le with a bom", utf16le("title: Café\n", true), "title: Café\n", ""},
		{"utf-16be with a bom", be(utf16le("title: Café\n", true)), "title: Café\n", ""},
		{"utf-16 cut short", append(utf16le("title", true), 'x'), "", "this file is not saved as UTF-8, the only text encoding the program reads (it looks like UTF-16, but it ends half way"},
		{"utf-16 without a bom", utf16le("title", false), "", "this file is not saved as UTF-8, the only text encoding the program reads (it has an empty character on line 1, column 2"},
		{"windows-1252", []byte("title: a\nsummary: Parents\x92 evening\n"), "", "this file is not saved as UTF-8, the only text encoding the program reads (the first character it cannot read is on line 2, column 17)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, problem := decodeText(tt.in)
			if string(got) != tt.want || !strings.HasPrefix(problem, tt.problem) || (tt.problem == "") != (problem == "") {
				t.Errorf("decodeText = %q, %q; want %q, %q...", got, problem, tt.want, tt.problem)
			}
		})
	}
}

// A file saved by Notepad as "Unicode" (UTF-16 with a byte order mark) is
// read: its front matter when the school is loaded, and its body when it
// is rendered.
func TestUTF16Update(t *testing.T) {
	var b []byte = []byte{0xFF, 0xFE}
	for _, r := range "---\r\ntitle: Café morning\r\n---\r\n\r\nTea and cake.\r\n" {
		b = append(b, byte(r), byte(r>>8))
	}
	fsys := baseSite()
	fsys["schools/hillside/updates/2026-10-20-hello.md"] = &fstest.MapFile{Data: b}
	c, ds := load(t, fsys)
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	u := c.Schools[0].Updates[0]
	body, line, err := u.ReadBody(fsys)
	if u.Front.Title != "Café morning" || err != nil || line != 4 || strings.TrimSpace(string(body)) != "Tea and cake." {
		t.Errorf("title %q, body %q at line %d, %v", u.Front.Title, body, line, err)
	}
}

func TestQuote(t *testing.T) {
	fsys := fstest.MapFS{
		"schools/a/updates/2026-01-01-x.md": {Data: []byte("---\ntitle: X\n---\n\nA [link](../nowhere.md) here.\n")},
		"schools/a/files/x.pdf":             {Data: []byte("%PDF\n")},
		"schools/a/meetings.yaml":           {Data: []byte("- title: \xff\n")},
	}
	ds := Quote(fsys, Diagnostics{
		{Path: "schools/a/updates/2026-01-01-x.md", Pos: Pos{Line: 5, Col: 3}, Msg: "no such file"},
		{Path: "schools/a/files/x.pdf", Pos: Pos{Line: 1, Col: 1}, Msg: "not a content file"},
		{Path: "schools/a/meetings.yaml", Pos: Pos{Line: 1, Col: 1}, Msg: "not UTF-8"},
		{Path: "schools/a/missing.yaml", Pos: Pos{Line: 1, Col: 1}, Msg: "missing"},
		{Path: "../outside.yaml", Pos: Pos{Line: 1, Col: 1}, Msg: "outside"},
	})
	want := []string{"A [link](../nowhere.md) here.", "", "", "", ""}
	for i, d := range ds {
		if d.Source != want[i] {
			t.Errorf("%s: Source = %q, want %q", d.Path, d.Source, want[i])
		}
	}
	if got := ds[0].Long(); got != "schools/a/updates/2026-01-01-x.md:5:3: no such file\n    5 | A [link](../nowhere.md) here.\n      |   ^" {
		t.Errorf("Long() =\n%s", got)
	}
}

func TestShowLine(t *testing.T) {
	long := strings.Repeat("a", 150) + "X" + strings.Repeat("b", 50)
	tests := []struct {
		name, line string
		col        int
		want       string
		caret      int
	}{
		{"plain", "title: x", 8, "title: x", 7},
		{"tab", "\tstart: x", 2, "    start: x", 4},
		{"controls and bidi", "a\x1b[31mb\u202ec\r", 3, "a\ufffd[31mb\ufffdc", 2},
		{"characters, not bytes", "title: Café: x", 12, "title: Café: x", 11},
		{"long line around the column", long, 151, "…" + long[85:185] + "…", 66},
		{"column past the end", "x", 9, "x", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, caret := showLine(tt.line, tt.col)
			if got != tt.want || caret != tt.caret {
				t.Errorf("showLine = %q, %d; want %q, %d", got, caret, tt.want, tt.caret)
			}
		})
	}
}

// A mistake at the end of a large file is still found at its line: the
// search for it is bounded, but not blind.
func TestSyntaxInLargeFile(t *testing.T) {
	var b strings.Builder
	lines := 0
	for b.Len() < 250<<10 {
		b.WriteString("- title: Coffee morning\n  start: 2026-12-03T09:00\n")
		lines += 2
	}
	for _, tt := range []struct {
		tail string
		col  int
	}{
		{"- title: \"open\n", 10},
		{"- title: a: b\n", 11},
		{"  x: [\n", 6},
	} {
		fsys := baseSite()
		fsys[meetingsPath] = &fstest.MapFile{Data: []byte(b.String() + tt.tail)}
		_, ds := load(t, fsys)
		if len(ds) != 1 || ds[0].Pos != (Pos{Line: lines + 1, Col: tt.col}) {
			t.Errorf("%q: %s", tt.tail, ds.Error())
		}
	}
}
