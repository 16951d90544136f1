package build

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parentpages/parentpages/internal/readability"
)

// maxOverviewGrade is the hardest a school's overview may read, as a
// Flesch-Kincaid grade (the theme's words and the PSA's together): 6 is a
// reading age of 11.
const maxOverviewGrade = 6.0

// TestExampleReadability measures the main text of the example site's
// school pages as built, and fails where a school's overview, or the "In
// short" at its top, reads harder than maxOverviewGrade. The other pages
// are measured for the record (run with -v): their text is mostly the
// PSA's and Ofsted's.
func TestExampleReadability(t *testing.T) {
	res := sharedBuild(t, exampleRendered)
	kinds := map[string]*readability.Score{}
	var order []string
	for _, o := range res.Outputs {
		kind, ok := schoolPageKind(o.Path)
		if !ok {
			continue
		}
		page := string(o.Body)
		score := readability.Measure(readability.MainText(page))
		if kinds[kind] == nil {
			kinds[kind] = &readability.Score{}
			order = append(order, kind)
		}
		kinds[kind].Add(score)
		if kind != "overview" {
			continue
		}
		short := readability.Measure(readability.MainText(inShort(page)))
		t.Logf("%-52s grade %4.1f, %4d words; In short: grade %4.1f, %3d words", o.Path, score.Grade(), score.Words, short.Grade(), short.Words)
		if short.Words == 0 {
			t.Errorf("%s has no In short", o.Path)
		}
		for _, part := range []struct {
			name  string
			score readability.Score
		}{{"the page", score}, {"its In short", short}} {
			if g := part.score.Grade(); g > maxOverviewGrade {
				t.Errorf("%s: %s reads at grade %.1f, harder than %.0f:\n%s", o.Path, part.name, g, maxOverviewGrade, hardest(page))
			}
		}
	}
	for _, k := range order {
		t.Logf("all %-12s pages: grade %4.1f, %5d words", k, kinds[k].Grade(), kinds[k].Words)
	}
}

// schoolPageKind returns the kind of a school's page from its output
// path: "overview", "inspection", "updates" (an update's page too), ...
func schoolPageKind(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, "schools/")
	if !ok || !strings.HasSuffix(p, ".html") {
		return "", false
	}
	_, page, _ := strings.Cut(rest, "/")
	kind, _, _ := strings.Cut(page, "/")
	if kind == "index.html" {
		kind = "overview"
	}
	return kind, true
}

// inShort returns the "In short" section of an overview, or "".
func inShort(page string) string {
	start := strings.Index(page, `<section class="in-short"`)
	if start < 0 {
		return ""
	}
	end := strings.Index(page[start:], "</section>")
	if end < 0 {
		return ""
	}
	return page[start : start+end]
}

func hardest(page string) string {
	var b strings.Builder
	for _, s := range readability.Hardest(readability.MainText(page), 5) {
		fmt.Fprintf(&b, "  %4.1f  %s\n", s.Score.Grade(), s.Text)
	}
	return b.String()
}
