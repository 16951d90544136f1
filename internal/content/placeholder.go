package content

import (
	"bytes"
	"strings"
)

// placeholders are the example texts that `parentpages new` writes for
// the PSA to replace. A draft may hold them; what is published may not,
// so that "Where it is, with the full address" never reaches parents'
// calendars. package scaffold's tests check that every example text its
// files hold is here.
var placeholders = []string{
	"Where it is, with the full address",
	"What the meeting is for and what will happen. Keep these lines indented.",
	"Your Name",
	"your.name@example.org",
	"Write here, in plain English, what inspectors found and what it means for children at the school. Keep these lines indented.",
	"Write your update here.",
}

// maxPlaceholder is longer than any placeholder with its lines broken:
// longer text (an update's body) is not looked at further.
const maxPlaceholder = 256

// IsPlaceholder reports whether s is an example text that `parentpages
// new` writes, however its lines are broken.
func IsPlaceholder(s string) bool {
	if len(s) > maxPlaceholder && len(strings.TrimSpace(s)) > maxPlaceholder {
		return false
	}
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range placeholders {
		if s == p {
			return true
		}
	}
	return false
}

// placeholder reports a field of something to be published that still
// holds the example text; what says what to write instead.
func (l *loader) placeholder(path string, m Meta, field, value, what, draftIn string) {
	if value != "" && IsPlaceholder(value) {
		l.ds.Errorf(path, m.At(field), "`%s` still holds the example text that `parentpages new` wrote, which would be published: %s, or keep `draft: true` in %s until it is ready", field, what, draftIn)
	}
}

// placeholderLine returns the line on which an update's body starts if
// the body is still the example text, else 0; the body starts on line
// bodyLine.
func placeholderLine(body []byte, bodyLine int) int {
	if len(bytes.TrimSpace(body)) > maxPlaceholder || !IsPlaceholder(string(body)) {
		return 0
	}
	return bodyLine + bytes.Count(body[:len(body)-len(bytes.TrimLeft(body, " \t\r\n"))], []byte("\n"))
}
