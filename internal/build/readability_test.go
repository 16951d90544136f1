package build

import (
	"strings"
	"testing"

	"github.com/parentpages/parentpages/internal/readability"
)

// TestExampleReadability measures the main text of the example site's
// school pages as built: the theme's words and the PSA's together.
func TestExampleReadability(t *testing.T) {
	res := sharedBuild(t, exampleRendered)
	kinds := map[string]*readability.Score{}
	var order []string
	for _, o := range res.Outputs {
		rest, ok := strings.CutPrefix(o.Path, "schools/")
		if !ok || !strings.HasSuffix(o.Path, ".html") {
			continue
		}
		_, page, _ := strings.Cut(rest, "/")
		kind, _, _ := strings.Cut(page, "/")
		if kind == "index.html" {
			kind = "overview"
		}
		score := readability.Measure(readability.MainText(string(o.Body)))
		if kind == "overview" || kind == "inspection" {
			t.Logf("%-70s grade %4.1f, %4d words", o.Path, score.Grade(), score.Words)
		}
		if kinds[kind] == nil {
			kinds[kind] = &readability.Score{}
			order = append(order, kind)
		}
		kinds[kind].Add(score)
	}
	for _, k := range order {
		t.Logf("all %-12s pages: grade %4.1f, %5d words", k, kinds[k].Grade(), kinds[k].Words)
	}
}
