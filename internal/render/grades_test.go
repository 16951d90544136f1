package render

import (
	"testing"

	"github.com/parentpages/parentpages/internal/content"
)

func TestGradeScale(t *testing.T) {
	rc, _ := content.FrameworkByKey("report-card-2025")
	eif, _ := content.FrameworkByKey("eif-2019")
	tests := []struct {
		name     string
		fw       content.Framework
		grade    string
		number   int
		position string
		boxes    string // the picture, worst first: # filled, . empty
	}{
		{"report card best", rc, "Exceptional", 0, "the best of 5 grades", "#####"},
		{"report card middle", rc, "expected standard", 0, "the middle of 5 grades", "###.."},
		{"report card second lowest", rc, "needs attention", 0, "the second lowest of 5 grades", "##..."},
		{"report card lowest", rc, "urgent improvement", 0, "the lowest of 5 grades", "#...."},
		{"numbered by word", eif, "Requires improvement", 3, "the second lowest of 4 grades", "##.."},
		{"numbered by number", eif, "4", 4, "the lowest of 4 grades", "#..."},
		{"numbered second best", eif, "good", 2, "the second best of 4 grades", "###."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gradeScale(tt.fw, tt.grade)
			boxes := ""
			for _, s := range g.Steps {
				if s.On {
					boxes += "#"
				} else {
					boxes += "."
				}
			}
			if g.Number != tt.number || g.Position != tt.position || boxes != tt.boxes {
				t.Errorf("gradeScale(%q) = number %d, %q, %s; want %d, %q, %s", tt.grade, g.Number, g.Position, boxes, tt.number, tt.position, tt.boxes)
			}
			if g.Steps[len(g.Steps)-1].Word != tt.fw.Scale[0] {
				t.Errorf("the last box is %q, want the best grade %q", g.Steps[len(g.Steps)-1].Word, tt.fw.Scale[0])
			}
		})
	}
	t.Run("not on the scale", func(t *testing.T) {
		if g := gradeScale(rc, "good"); g.Word != "good" || g.Of != 0 || g.Steps != nil {
			t.Errorf("gradeScale(good) on a report card = %+v, want the word alone", g)
		}
	})
	t.Run("seven grades", func(t *testing.T) {
		if got := rankWords(3, 7); got != "grade 3 of 7 grades, 1 the best" {
			t.Errorf("rankWords(3, 7) = %q", got)
		}
	})
}
