// Package words writes the small forms of English that the command's
// messages, the dev server's error page and the theme's pages share: a
// count with its noun, a capital first letter.
package words

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Plural writes n with the singular or plural noun: "1 school", "3 schools".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Capitalise upper-cases the first letter: "on track" -> "On track".
func Capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s // empty, or not UTF-8: leave it as it is
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
