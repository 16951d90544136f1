package readability

import "testing"

func TestMainText(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"only main, blocks on lines", `<header><p>Menu</p></header><main id="main"><h1>Oak &amp; Ash</h1><p>It is <a href="/x">good</a>.</p></main><footer>Foot</footer>`,
			"\n\nOak & Ash\n\nIt is good.\n"},
		{"tables, charts and comments left out", `<main><p>A<!-- note --></p><table><tr><td>12</td></tr><table><tr><td>3</td></tr></table></table><svg><text>50%</text></svg><p>B</p></main>`,
			"\n\nA\n\n\nB\n"},
		{"no main", `<p>Just this</p>`, "\nJust this\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := MainText(tt.page); got != tt.want {
				t.Errorf("MainText = %q, want %q", got, tt.want)
			}
		})
	}
}
