// Package readability measures how hard English text is to read, with the
// Flesch-Kincaid grade level: the school year (in the United States) of a
// reader who can follow it. Adding 5 gives a reading age, so the reading
// age of 9 to 11 that public-service writing aims at is a grade of 4 to 6.
//
// The tests hold the theme's fixed text and the example site's pages to it:
// a sentence written for a parent on a phone should not need a degree. The
// formula counts only sentence length and syllables per word, so it is a
// guard against long sentences and long words, not a proof of plain English.
package readability

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// Score is what a text is made of, for the formula. Scores of parts of a
// text add up to the score of the whole.
type Score struct {
	Sentences, Words, Syllables int
}

// Add adds another text's counts to s.
func (s *Score) Add(o Score) {
	s.Sentences += o.Sentences
	s.Words += o.Words
	s.Syllables += o.Syllables
}

// Grade is the Flesch-Kincaid grade level: 0.39 times the words per
// sentence, plus 11.8 times the syllables per word, minus 15.59. It is 0
// for a text with no words.
func (s Score) Grade() float64 {
	if s.Words == 0 || s.Sentences == 0 {
		return 0
	}
	return 0.39*float64(s.Words)/float64(s.Sentences) + 11.8*float64(s.Syllables)/float64(s.Words) - 15.59
}

// ReadingAge is the age of a reader the text suits: the grade plus 5.
func (s Score) ReadingAge() float64 { return s.Grade() + 5 }

// Measure scores a text. Each line is a unit of its own (a heading, a
// list item, a label and its value), and a line holds as many sentences
// as it has full stops, question marks or exclamation marks followed by a
// space, and at least one.
func Measure(text string) Score {
	var s Score
	for _, sentence := range Sentences(text) {
		s.Add(measureSentence(sentence))
	}
	return s
}

// Sentence is one sentence of a text and its score.
type Sentence struct {
	Text  string
	Score Score
}

// Hardest returns the n sentences of text with the highest grade, hardest
// first, for a message that says what to rewrite.
func Hardest(text string, n int) []Sentence {
	var all []Sentence
	for _, s := range Sentences(text) {
		all = append(all, Sentence{Text: s, Score: measureSentence(s)})
	}
	slices.SortStableFunc(all, func(a, b Sentence) int { return cmp.Compare(b.Score.Grade(), a.Score.Grade()) })
	return all[:min(n, len(all))]
}

// Sentences splits a text into sentences: at line breaks, and after a
// full stop, question mark or exclamation mark (with any closing quote or
// bracket) that a space follows. Lines without a word are left out.
func Sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		start := 0
		rs := []rune(line)
		for i := 0; i < len(rs); i++ {
			if !strings.ContainsRune(".?!", rs[i]) {
				continue
			}
			j := i + 1
			for j < len(rs) && strings.ContainsRune(`"')]”’`, rs[j]) {
				j++
			}
			if j < len(rs) && unicode.IsSpace(rs[j]) {
				out = appendSentence(out, string(rs[start:j]))
				start, i = j, j
			}
		}
		out = appendSentence(out, string(rs[start:]))
	}
	return out
}

func appendSentence(out []string, s string) []string {
	s = strings.Join(strings.Fields(s), " ")
	if len(Words(s)) == 0 {
		return out
	}
	return append(out, s)
}

func measureSentence(s string) Score {
	score := Score{Sentences: 1}
	for _, w := range Words(s) {
		score.Words++
		score.Syllables += Syllables(w)
	}
	return score
}

// Words returns the words of a text: runs of letters, digits, apostrophes
// and hyphens that hold a letter or a digit. "Year 6's" is two words;
// "well-being" is one.
func Words(text string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	}) {
		f = strings.Trim(f, "'’-")
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			out = append(out, f)
		}
	}
	return out
}

// Syllables estimates the syllables of an English word by its groups of
// vowels, less the silent endings ("make", "worked", "makes"), as
// readability tools do. A hyphenated word is the sum of its parts; a
// number ("2026") or an initial counts as one, as a reader takes it in.
func Syllables(word string) int {
	if parts := strings.Split(word, "-"); len(parts) > 1 {
		n := 0
		for _, p := range parts {
			if p != "" {
				n += Syllables(p)
			}
		}
		return max(n, 1)
	}
	w := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(word, "'s"), "’s"))
	w = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, w)
	if len(w) <= 3 {
		return 1
	}
	n := 0
	prevVowel := false
	for i := 0; i < len(w); i++ {
		v := isVowel(w, i)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	n -= silentEndings(w)
	return max(n, 1)
}

// isVowel reports whether the letter at i sounds as a vowel: a, e, i, o,
// u, and y after a consonant ("happy", but not "yes").
func isVowel(w string, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	case 'y':
		return i > 0 && !strings.ContainsRune("aeiou", rune(w[i-1]))
	}
	return false
}

// silentEndings counts the vowel groups at the end of a word that are not
// said, less the one group that is two ("going"): the e of "make" and
// "whole" (but not of "table" or "free"), the e of "worked" (but not of
// "needed"), of "makes" (but not of "places") and of "safely",
// "statement", "careful" and "careless".
func silentEndings(w string) int {
	// consonantBefore says whether w ends with suffix after a consonant,
	// and which.
	consonantBefore := func(suffix string) (byte, bool) {
		i := len(w) - len(suffix) - 1
		if i < 0 || !strings.HasSuffix(w, suffix) {
			return 0, false
		}
		return w[i], !isVowel(w, i)
	}
	if strings.HasSuffix(w, "ing") && isVowel(w, len(w)-4) {
		return -1 // "going", "being", "seeing"
	}
	if c, ok := consonantBefore("e"); ok {
		syllabic := c == 'l' && len(w) >= 3 && !isVowel(w, len(w)-3) // "table", not "whole"
		if !syllabic {
			return 1
		}
	}
	if c, ok := consonantBefore("ed"); ok && c != 't' && c != 'd' {
		return 1
	}
	if c, ok := consonantBefore("es"); ok && !strings.ContainsRune("sxzcgh", rune(c)) {
		return 1
	}
	for _, suffix := range []string{"ely", "ement", "eful", "eless", "eness"} {
		if c, ok := consonantBefore(suffix); ok && c != 'l' {
			return 1
		}
	}
	return 0
}
