package content

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What the content may hold, character by character.
//
// A file's text must be UTF-8 without control characters (other than tab,
// line feed and carriage return): they would reach the pages as they are
// (feeds and calendars drop them), and a control character is never what
// a PSA meant to write. A file that breaks this is refused, at the line and
// column of the first such character.
//
// The invisible characters that change the direction of text (Unicode's
// Bidi_Control: U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) can
// make a title read in a misleading order in a page's <title>, a feed or a
// calendar. In a YAML field (a title, a name, a summary) each one is left
// out of the site, with a warning; in a Markdown body, where a page in a
// right-to-left language may need them, they stay, inside the body's own
// paragraphs.
//
// A file or folder name must be UTF-8 without control characters, bidi
// controls or "\": such a name cannot be published at a web address that
// reads as it looks, so the file is refused.

// textProblem returns the offset of the first byte of b that is not UTF-8
// or is a control character, and what is wrong there; -1 if none.
func textProblem(b []byte) (int, string) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				return i, fmt.Sprintf("there is an invisible control character here (U+%04X), which does not belong in a page; remove it (it may have come from copying text out of another program)", c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return i, fmt.Sprintf("the file is not UTF-8 text here (the byte %#x); save it as UTF-8, which most editors offer when saving", c)
		case r >= 0x80 && r <= 0x9f:
			return i, fmt.Sprintf("there is an invisible control character here (U+%04X), which does not belong in a page; remove it (it may have come from copying text out of another program)", r)
		}
		i += size
	}
	return -1, ""
}

// checkText reports the first character of a file's text that is not
// allowed (see textProblem) at its line and column, and whether there was
// none.
func checkText(p string, b []byte, ds *Diagnostics) bool {
	off, msg := textProblem(b)
	if off < 0 {
		return true
	}
	ds.Errorf(p, posAt(b, off), "%s", msg)
	return false
}

// posAt returns the line and column (in characters) of the byte at off.
func posAt(b []byte, off int) Pos {
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return Pos{Line: bytes.Count(b[:off], []byte("\n")) + 1, Col: utf8.RuneCount(b[start:off]) + 1}
}

// badName says what is wrong with a file or folder name, or "".
func badName(name string) string {
	if !utf8.ValidString(name) {
		return "this file name is not UTF-8 text; rename the file, with letters, digits, hyphens and dots"
	}
	if strings.Contains(name, `\`) {
		return "this file name has a backslash (\\), which web addresses and Windows take for a folder separator; rename the file, with letters, digits, hyphens and dots"
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return fmt.Sprintf("this file name has an invisible control character (U+%04X); rename the file, with letters, digits, hyphens and dots", r)
		}
		if unicode.Is(unicode.Bidi_Control, r) {
			return fmt.Sprintf("this file name has the invisible character U+%04X, which changes the direction of text and can make the name read in a misleading order; rename the file, with letters, digits, hyphens and dots", r)
		}
	}
	return ""
}

// valueProblem finds, in a decoded YAML value, the first control character
// other than tab, line feed and carriage return (which an escape such as
// "\a" can put there), and the first bidi control; each -1 if none.
func valueProblem(s string) (control, bidi rune) {
	control, bidi = -1, -1
	i := 0
	for i < len(s) && (s[i] >= 0x20 && s[i] < 0x7f || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++ // the common case: printable ASCII
	}
	for _, r := range s[i:] {
		switch {
		case control < 0 && unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r':
			control = r
		case bidi < 0 && unicode.Is(unicode.Bidi_Control, r):
			bidi = r
		}
	}
	return control, bidi
}

// dropBidi returns s without its bidi control characters.
func dropBidi(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, s)
}
