package render

import (
	"strconv"

	"github.com/parentpages/parentpages/internal/content"
)

// GradeScale is a grade placed on its framework's scale, for a picture
// that does not rely on colour: a row of boxes, as many filled as the
// grade is high (all of them for the best), with the grade's word and its
// place in words beside it. Ofsted's report cards show grades on a scale
// in the same way.
type GradeScale struct {
	Word     string      // the grade, in the framework's words: "needs attention"
	Number   int         // its number on a numbered scale (1 the best); 0 for report cards
	Rank     int         // its place from the best, 1 the best; 0 if it is not on the scale
	Of       int         // how many grades the scale has
	Position string      // its place in words: "the second lowest of 5 grades"
	Steps    []GradeStep // the scale from the worst grade to the best
}

// GradeStep is one grade of a scale, as a box of the picture.
type GradeStep struct {
	Word string // the grade's word
	On   bool   // the box is filled: this grade is at or below the one shown
}

// gradeScale places grade on fw's scale. A grade the scale does not have
// (which the content's rules do not allow) gives just the word.
func gradeScale(fw content.Framework, grade string) GradeScale {
	word, ok := fw.ScaleWord(grade)
	if !ok {
		return GradeScale{Word: grade}
	}
	g := GradeScale{Word: word, Of: len(fw.Scale)}
	for i, w := range fw.Scale {
		if w == word {
			g.Rank = i + 1
		}
	}
	if fw.Numbered {
		g.Number = g.Rank
	}
	g.Position = rankWords(g.Rank, g.Of)
	for i := g.Of - 1; i >= 0; i-- {
		g.Steps = append(g.Steps, GradeStep{Word: fw.Scale[i], On: i >= g.Rank-1})
	}
	return g
}

// rankWords says where grade rank (1 the best) of n sits, in plain words.
func rankWords(rank, n int) string {
	of := " of " + strconv.Itoa(n) + " grades"
	switch {
	case rank == 1:
		return "the best" + of
	case rank == n:
		return "the lowest" + of
	case n%2 == 1 && rank == (n+1)/2:
		return "the middle" + of
	case rank == 2:
		return "the second best" + of
	case rank == n-1:
		return "the second lowest" + of
	}
	return "grade " + strconv.Itoa(rank) + of + ", 1 the best"
}
