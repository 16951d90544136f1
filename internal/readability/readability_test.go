package readability

import (
	"math"
	"slices"
	"testing"
)

func TestSyllables(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"the", 1}, {"school", 1}, {"schools", 1}, {"make", 1}, {"makes", 1}, {"whole", 1},
		{"worked", 1}, {"used", 1}, {"called", 1}, {"there", 1}, {"have", 1}, {"free", 1},
		{"table", 2}, {"people", 2}, {"needed", 2}, {"places", 2}, {"changes", 2}, {"safely", 2},
		{"going", 2}, {"being", 2}, {"parents", 2}, {"carers", 2}, {"special", 2}, {"measures", 2},
		{"arranged", 2}, {"confirmed", 2}, {"review", 2}, {"meeting", 2}, {"careful", 2}, {"statement", 2},
		{"Ofsted", 2}, {"Tuesday", 2}, {"happy", 2},
		{"inspection", 3}, {"governors", 3}, {"estimate", 3}, {"improvement", 3}, {"headteacher", 3},
		{"monitoring", 4}, {"effectiveness", 4},
		{"well-being", 3}, {"2026", 1}, {"PSA", 1}, {"Year", 1}, {"school's", 1},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := Syllables(tt.word); got != tt.want {
				t.Errorf("Syllables(%q) = %d, want %d", tt.word, got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"stops, questions and a line each", "Call us. Can you come? Yes!\nWhat happens next\n\n",
			[]string{"Call us.", "Can you come?", "Yes!", "What happens next"}},
		{"a stop inside a number or a closing quote", `It rose 4.5 points. She said "no." Then left.`,
			[]string{"It rose 4.5 points.", `She said "no."`, "Then left."}},
		{"no words", "- 12 -\n  ...  ", []string{"- 12 -"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sentences(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Sentences = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	got := Words("Year 6's well-being: 91.8% (up) - 'fine'")
	want := []string{"Year", "6's", "well-being", "91", "8", "up", "fine"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestGrade(t *testing.T) {
	tests := []struct {
		name, text string
		want       Score
		grade      float64
	}{
		// 6 words, 6 syllables: 0.39*6 + 11.8*1 - 15.59.
		{"short and plain", "The cat sat on the mat.", Score{1, 6, 6}, -1.45},
		// In-spec-tors judged the school's lead-er-ship in-ad-e-quate.
		// Gov-er-nors dis-a-greed with them.
		{"longer words", "Inspectors judged the school's leadership inadequate. Governors disagreed with them.",
			Score{2, 10, 21}, 0.39*5 + 11.8*2.1 - 15.59},
		{"nothing", "", Score{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Measure(tt.text)
			if got != tt.want {
				t.Errorf("Measure = %+v, want %+v", got, tt.want)
			}
			if g := got.Grade(); math.Abs(g-tt.grade) > 0.001 {
				t.Errorf("Grade = %.3f, want %.3f", g, tt.grade)
			}
		})
	}
}

func TestHardest(t *testing.T) {
	got := Hardest("We met. Inspectors evaluated the effectiveness of leadership. It went well.", 2)
	if len(got) != 2 || got[0].Text != "Inspectors evaluated the effectiveness of leadership." {
		t.Errorf("Hardest = %+v", got)
	}
	if got[0].Score.Grade() < got[1].Score.Grade() {
		t.Errorf("not hardest first: %+v", got)
	}
}
