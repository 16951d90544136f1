package ical

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestEscapeText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "School Review Group", "School Review Group"},
		{"empty", "", ""},
		{"comma and semicolon", "Hall, Room 2; upstairs", `Hall\, Room 2\; upstairs`},
		{"backslash first", `a\b,c`, `a\\b\,c`},
		{"colon and quotes stay", `Note: "bring ID"`, `Note: "bring ID"`},
		{"LF", "line one\nline two", `line one\nline two`},
		{"CRLF is one break", "one\r\ntwo", `one\ntwo`},
		{"lone CR", "one\rtwo", `one\ntwo`},
		{"blank line", "a\n\nb", `a\n\nb`},
		{"tab kept", "a\tb", "a\tb"},
		{"other controls dropped", "a\x00b\x07c\x1bd\x7fe", "abcde"},
		{"unicode kept", "Cyfarfod rhieni — croeso 👋", "Cyfarfod rhieni — croeso 👋"},
		{"invalid UTF-8 replaced", "a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EscapeText(tt.in); got != tt.want {
				t.Errorf("EscapeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFold(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"short", "SUMMARY:Hello", "SUMMARY:Hello"},
		{"exactly 75 octets", a(75), a(75)},
		{"76 octets", a(76), a(75) + "\r\n " + "a"},
		{"continuations hold 74", a(75 + 74 + 1), a(75) + "\r\n " + a(74) + "\r\n a"},
		// é is 2 octets: starting at octet 74 it would end at 76, so it moves down.
		{"2-byte rune across the boundary", a(74) + "é" + "b", a(74) + "\r\n éb"},
		{"2-byte rune ending on the boundary", a(73) + "é" + "b", a(73) + "é" + "\r\n b"},
		// € is 3 octets.
		{"3-byte rune across the boundary", a(73) + "€" + "b", a(73) + "\r\n €b"},
		{"3-byte rune, one octet over", a(74) + "€", a(74) + "\r\n €"},
		{"3-byte rune ending on the boundary", a(72) + "€" + "b", a(72) + "€" + "\r\n b"},
		// 😀 is 4 octets.
		{"4-byte rune across the boundary", a(72) + "😀" + "b", a(72) + "\r\n 😀b"},
		{"4-byte rune, three octets over", a(74) + "😀", a(74) + "\r\n 😀"},
		{"4-byte rune ending on the boundary", a(71) + "😀" + "b", a(71) + "😀" + "\r\n b"},
		{"4-byte rune on a continuation boundary", a(75) + a(71) + "😀😀", a(75) + "\r\n " + a(71) + "\r\n 😀😀"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Fold(tt.in)
			if got != tt.want {
				t.Errorf("Fold(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			checkFolded(t, tt.in, got)
		})
	}
}

func TestFoldAllRunesFromEveryOffset(t *testing.T) {
	for _, r := range []string{"é", "€", "😀", "e\u0301"} {
		for lead := 0; lead < 160; lead++ {
			in := strings.Repeat("x", lead) + strings.Repeat(r, 60)
			checkFolded(t, in, Fold(in))
		}
	}
}

// checkFolded asserts what RFC 5545 asks of folded text.
func checkFolded(t *testing.T, in, folded string) {
	t.Helper()
	if got := Unfold(folded); got != in {
		t.Fatalf("Unfold(Fold(%q)) = %q", in, got)
	}
	for i, line := range strings.Split(folded, "\r\n") {
		if len(line) > maxLineOctets {
			t.Errorf("line %d of Fold(%q) has %d octets: %q", i, in, len(line), line)
		}
		if i > 0 && (len(line) < 2 || line[0] != ' ') {
			t.Errorf("continuation line %d of Fold(%q) is %q: want a space and at least one octet", i, in, line)
		}
		if utf8.ValidString(in) && !utf8.ValidString(line) {
			t.Errorf("line %d of Fold(%q) splits a character: %q", i, in, line)
		}
	}
}

// Unfold joins folded lines, as a calendar app reading the output does: it
// removes every CRLF that is followed by a space or a tab, together with
// that one whitespace character. The tests read what Fold and Marshal
// write with it.
func Unfold(s string) string {
	if !strings.Contains(s, "\r\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' && i+2 < len(s) && s[i+1] == '\n' && (s[i+2] == ' ' || s[i+2] == '\t') {
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func TestUnfold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"nothing folded", "A:b\r\nC:d\r\n", "A:b\r\nC:d\r\n"},
		{"space", "DESCRIPTION:ab\r\n cd\r\n", "DESCRIPTION:abcd\r\n"},
		{"tab", "DESCRIPTION:ab\r\n\tcd\r\n", "DESCRIPTION:abcd\r\n"},
		{"only one space removed", "A:b\r\n  c", "A:b c"},
		{"bare LF is not a fold", "A:b\n c", "A:b\n c"},
		{"CRLF at the end", "A:b\r\n", "A:b\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Unfold(tt.in); got != tt.want {
				t.Errorf("Unfold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{
		"", "SUMMARY:Hello", strings.Repeat("a", 75), strings.Repeat("a", 76),
		strings.Repeat("é", 80), strings.Repeat("a", 73) + "€€€", strings.Repeat("😀", 40),
		"DESCRIPTION:" + strings.Repeat(`Parents\, carers\; all welcome\n`, 5),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\n") {
			t.Skip("Fold takes one content line of UTF-8")
		}
		checkFolded(t, s, Fold(s))
	})
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{12 * time.Hour, "PT12H"},
		{time.Hour + 30*time.Minute, "PT1H30M"},
		{90 * time.Second, "PT1M30S"},
		{time.Hour + 5*time.Second, "PT1H0M5S"},
		{24 * time.Hour, "P1D"},
		{7 * 24 * time.Hour, "P7D"},
		{26*time.Hour + 1500*time.Millisecond, "P1DT2H0M1S"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := formatDuration(tt.in); got != tt.want {
				t.Errorf("formatDuration(%v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFormatOffset(t *testing.T) {
	tests := []struct {
		in   int
		want string
	}{
		{0, "+0000"},
		{3600, "+0100"},
		{-5 * 3600, "-0500"},
		{5*3600 + 45*60, "+0545"},
		{-(9*3600 + 30*60), "-0930"},
		{-75, "-000115"}, // London's local mean time
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := formatOffset(tt.in); got != tt.want {
				t.Errorf("formatOffset(%d) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParamValue(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Europe/London", "Europe/London"},
		{"America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"},
		{"a:b", `"a:b"`},
		{`say "hi";`, `"say hi;"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := paramValue(tt.in); got != tt.want {
				t.Errorf("paramValue(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
