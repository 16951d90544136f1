package build

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestSequenceFromHistory commits meetings in a temporary Git repository
// and checks that SEQUENCE follows the commits that changed each meeting.
func TestSequenceFromHistory(t *testing.T) {
	r := newGitRepo(t)
	repo, write, commitAt := r.dir, r.write, r.commitAt
	write("site.yaml", "title: T\nbase_url: https://example.org/\n")
	write("schools/hillside/school.yaml", "name: H\npsa: {name: J, email: j@example.org}\ninspections: [{start: 2026-09-15, framework: eif-2019, category: special-measures}]\n")
	const a = "- {title: Review group, id: review, start: 2026-12-01T16:00}\n"
	const b = "- {title: Focus group, id: focus, start: 2026-12-02T09:15}\n"
	write("schools/hillside/meetings.yaml", a+b)
	commitAt("2026-10-01T12:00:00Z")
	write("schools/hillside/meetings.yaml", a+strings.Replace(b, "09:15", "10:00", 1)) // focus moves
	commitAt("2026-10-02T12:00:00Z")
	write("schools/hillside/school.yaml", "name: Hillside\npsa: {name: J, email: j@example.org}\ninspections: [{start: 2026-09-15, framework: eif-2019, category: special-measures}]\n")
	commitAt("2026-10-03T12:00:00Z") // not a meetings change

	sequences := func() map[string]string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "public")
		cfg := Config{Mode: Write, Content: filepath.Join(repo, "content"), Out: out, History: true,
			Now: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), NowIsDate: true}
		if res, err := Build(context.Background(), cfg); err != nil {
			t.Fatalf("build: %v\n%s", err, res.Diagnostics.Error())
		}
		ics, err := os.ReadFile(filepath.Join(out, "schools/hillside/calendar.ics"))
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		re := regexp.MustCompile(`UID:hillside-(\w+)@[^\r]*\r\n(?:[^\r]*\r\n)*?SEQUENCE:(\d+)`)
		for _, m := range re.FindAllStringSubmatch(string(ics), -1) {
			got[m[1]] = m[2]
		}
		return got
	}
	minutes := func(ts string) string {
		when, _ := time.Parse(time.RFC3339, ts)
		return strconv.Itoa(minutesSince(when))
	}
	got := sequences()
	if got["review"] != minutes("2026-10-01T12:00:00Z") || got["focus"] != minutes("2026-10-02T12:00:00Z") {
		t.Errorf("sequences %v; want review from the first commit (%s), focus from the second (%s)", got, minutes("2026-10-01T12:00:00Z"), minutes("2026-10-02T12:00:00Z"))
	}
	if again := sequences(); again["review"] != got["review"] || again["focus"] != got["focus"] {
		t.Errorf("a second build of the same commit gave %v, then %v", got, again)
	}
	// An uncommitted edit (a preview) takes "now", which is later still.
	write("schools/hillside/meetings.yaml", strings.Replace(a, "16:00", "16:30", 1)+strings.Replace(b, "09:15", "10:00", 1))
	dirty := sequences()
	if dirty["review"] != minutes("2026-11-29T00:00:00Z") || dirty["focus"] != got["focus"] {
		t.Errorf("after an uncommitted edit of review: %v", dirty)
	}
	commitAt("2026-11-30T08:00:00Z")
	if after := sequences(); after["review"] != minutes("2026-11-30T08:00:00Z") || after["focus"] != got["focus"] {
		t.Errorf("after committing it: %v", after)
	}
	if n := minutesSince(time.Date(6000, 1, 1, 0, 0, 0, 0, time.UTC)); n >= 1<<31 {
		t.Errorf("SEQUENCE in the year 6000 is %d, over 31 bits", n)
	}
}
