package render

import (
	"strings"

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

// gradeScale places grade on fw's scale, in English.
func gradeScale(fw content.Framework, grade string) GradeScale {
	return english().gradeScale(fw, grade)
}

// rankWords says where grade rank (1 the best) of n sits, in English.
func rankWords(rank, n int) string { return english().rankWords(rank, n) }

// gradeScale places grade on fw's scale. A grade the scale does not have
// (which the content's rules do not allow) gives just the word.
func (l lang) gradeScale(fw content.Framework, grade string) GradeScale {
	word, ok := fw.ScaleWord(grade)
	if !ok {
		return GradeScale{Word: grade}
	}
	key := frameworkKey(fw)
	g := GradeScale{Word: l.gradeWord(key, word), Of: len(fw.Scale)}
	for i, w := range fw.Scale {
		if w == word {
			g.Rank = i + 1
		}
	}
	if fw.Numbered {
		g.Number = g.Rank
	}
	g.Position = l.rankWords(g.Rank, g.Of)
	for i := g.Of - 1; i >= 0; i-- {
		g.Steps = append(g.Steps, GradeStep{Word: l.gradeWord(key, fw.Scale[i]), On: i >= g.Rank-1})
	}
	return g
}

// frameworkKeys are the frameworks' keys, as the content format writes
// them ("eif-2019"): a grade's words in a catalogue are
// grade.<framework>.<grade>.
var frameworkKeys = []string{"2009", "cif-2012", "eif-2019", "report-card-2025"}

// frameworkKey finds fw's key, or "".
func frameworkKey(fw content.Framework) string {
	for _, k := range frameworkKeys {
		if f, ok := content.FrameworkByKey(k); ok && f.Name == fw.Name {
			return k
		}
	}
	return ""
}

// gradeWord gives a grade word of the framework with key fw (the
// framework's own word, such as "requires improvement") in the
// catalogue's language: grade.<framework>.<grade>, spaces written "_". A
// word the catalogue does not have is left as it is.
func (l lang) gradeWord(fw, word string) string {
	key := "grade." + fw + "." + strings.ReplaceAll(strings.ToLower(word), " ", "_")
	if l.c.Has(key) {
		return l.c.T(key)
	}
	return word
}

// safeguardingWord gives a safeguarding word ("not effective") in the
// catalogue's language.
func (l lang) safeguardingWord(word string) string {
	key := "safeguarding." + strings.ReplaceAll(strings.ToLower(word), " ", "_")
	if l.c.Has(key) {
		return l.c.T(key)
	}
	return word
}

// rankWords says where grade rank (1 the best) of n sits, in plain words.
func (l lang) rankWords(rank, n int) string {
	key := "grade.position.other"
	switch {
	case rank == 1:
		key = "grade.position.best"
	case rank == n:
		key = "grade.position.lowest"
	case n%2 == 1 && rank == (n+1)/2:
		key = "grade.position.middle"
	case rank == 2:
		key = "grade.position.second_best"
	case rank == n-1:
		key = "grade.position.second_lowest"
	}
	return l.c.N(key, n, "rank", rank)
}

// areaWord gives an area an inspection judged (as the framework names it,
// "Curriculum and teaching") in the catalogue's language: the message
// area.<framework>.<area>, spaces written "_". The report card's areas
// are fixed, so they are in the catalogue; the older frameworks' are the
// content's words, left as they are.
func (l lang) areaWord(fw, area string) string {
	key := "area." + fw + "." + strings.ReplaceAll(strings.ToLower(area), " ", "_")
	if l.c.Has(key) {
		return l.c.T(key)
	}
	return area
}
