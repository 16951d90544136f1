package ical

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// maxLineOctets is the longest a physical content line may be, without its
// CRLF (RFC 5545 section 3.1).
const maxLineOctets = 75

// Fold splits one content line into physical lines of at most 75 octets,
// joined by CRLF and a space, never inside a UTF-8 character. The space that
// starts a continuation line counts toward its 75 octets. The result has no
// trailing CRLF, so that unfolding gives s back; the line must not itself
// contain CR or LF (escape TEXT values with EscapeText first).
func Fold(line string) string {
	if len(line) <= maxLineOctets {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + len(line)/maxLineOctets*3)
	limit := maxLineOctets
	for len(line) > limit {
		cut := limit
		// Back off to the first byte of the character the limit falls in.
		// Valid UTF-8 needs at most three steps; invalid input is cut as it is.
		for cut > limit-utf8.UTFMax+1 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		if !utf8.RuneStart(line[cut]) {
			cut = limit
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1 // the leading space takes one octet
	}
	b.WriteString(line)
	return b.String()
}

// EscapeText escapes a TEXT value (RFC 5545 section 3.3.11): backslash,
// semicolon and comma get a backslash, and a line break (CRLF, CR or LF)
// becomes \n. Other control characters, which TEXT does not allow, are
// dropped, and invalid UTF-8 becomes U+FFFD.
func EscapeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteByte(c)
		default:
			if c < 0x20 || c == 0x7f {
				continue
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// uriValue drops the control characters a URI cannot contain and a content
// line must not (a stray newline would end the line).
func uriValue(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
}

// paramValue writes a parameter value, quoted when it holds a character that
// would end it. DQUOTE and control characters cannot appear at all.
func paramValue(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	if strings.ContainsAny(s, ";:,") {
		return `"` + s + `"`
	}
	return s
}

// Date and time value layouts (RFC 5545 sections 3.3.4 and 3.3.5).
const (
	dateLayout      = "20060102"
	localTimeLayout = "20060102T150405"
	utcTimeLayout   = "20060102T150405Z"
)

// formatDuration writes a dur-value (RFC 5545 section 3.3.6) in whole
// seconds, e.g. PT12H, P1D, P1DT2H30M.
func formatDuration(d time.Duration) string {
	secs := int64(d / time.Second)
	days, secs := secs/86400, secs%86400
	h, m, s := secs/3600, secs/60%60, secs%60
	var b strings.Builder
	b.WriteByte('P')
	if days > 0 {
		fmt.Fprintf(&b, "%dD", days)
	}
	if secs > 0 {
		b.WriteByte('T')
		// dur-hour requires a following minute before any second: PT1H0M5S.
		if h > 0 {
			fmt.Fprintf(&b, "%dH", h)
		}
		if m > 0 || (h > 0 && s > 0) {
			fmt.Fprintf(&b, "%dM", m)
		}
		if s > 0 {
			fmt.Fprintf(&b, "%dS", s)
		}
	}
	return b.String()
}

// formatOffset writes a UTC offset as ±HHMM, or ±HHMMSS when it has seconds
// (historical local mean time). Zero is +0000: RFC 5545 forbids -0000.
func formatOffset(secs int) string {
	sign := byte('+')
	if secs < 0 {
		sign, secs = '-', -secs
	}
	h, m, s := secs/3600, secs/60%60, secs%60
	if s != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}
