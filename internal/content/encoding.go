package content

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// notUTF8 is the advice for a file saved in another encoding: Windows
// editors offer "ANSI" (Windows-1252) and "Unicode" (UTF-16) as well.
const notUTF8 = "this file is not saved as UTF-8, the only text encoding the program reads (%s): in Notepad choose File > Save as, set Encoding to UTF-8 and save it again; other editors have the same choice under \"Encoding\" or \"Save with encoding\""

// decodeText returns a content file's text as UTF-8: a UTF-8 byte order
// mark is dropped, and UTF-16 with a byte order mark (Notepad's "Unicode")
// is decoded. Anything else must be UTF-8; problem says, for a PSA, why a
// file is not ("" when it is). Windows-1252 and UTF-8 cannot be told apart
// reliably in general, so such a file is refused, not guessed at.
func decodeText(b []byte) (text []byte, problem string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return fromUTF16(b[2:], false)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return fromUTF16(b[2:], true)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		line, col := position(b, i)
		return nil, fmt.Sprintf(notUTF8, fmt.Sprintf("it has an empty character on line %d, column %d, as a file saved as UTF-16 without a byte order mark has", line, col))
	}
	if !utf8.Valid(b) {
		i := invalidAt(b)
		line, col := position(b, i)
		return nil, fmt.Sprintf(notUTF8, fmt.Sprintf("the first character it cannot read is on line %d, column %d", line, col))
	}
	return b, ""
}

// fromUTF16 decodes UTF-16 text that followed a byte order mark.
func fromUTF16(b []byte, bigEndian bool) ([]byte, string) {
	if len(b)%2 != 0 {
		return nil, fmt.Sprintf(notUTF8, "it looks like UTF-16, but it ends half way through a character")
	}
	units := make([]uint16, len(b)/2)
	for i := range units {
		hi, lo := b[2*i+1], b[2*i]
		if bigEndian {
			hi, lo = lo, hi
		}
		units[i] = uint16(hi)<<8 | uint16(lo)
	}
	runes := utf16.Decode(units)
	out := make([]byte, 0, len(runes))
	for _, r := range runes {
		if r == utf8.RuneError || r == 0 {
			return nil, fmt.Sprintf(notUTF8, "it is saved as UTF-16, and has a character that is not text")
		}
		out = utf8.AppendRune(out, r)
	}
	return out, ""
}

// invalidAt returns the offset of the first byte of b that is not UTF-8.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// position returns the 1-based line and column (in characters) of offset i.
func position(b []byte, i int) (line, col int) {
	before := b[:i]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// textExtensions are the endings of content files, and the endings an
// editor or a PSA may write instead.
var textExtensions = map[string]string{".md": ".md", ".markdown": ".md", ".yaml": ".yaml", ".yml": ".yaml"}

// betterName returns the name a content file was probably meant to have,
// and what to do: a name that a Windows editor gave a second ending
// ("meetings.yaml.txt", which Explorer shows as "meetings.yaml"), or an
// ending other tools use (".yml", ".markdown", ".MD"). ok is false when
// the name's ending is none of these.
func betterName(name string) (fixed, advice string, ok bool) {
	lower := strings.ToLower(name)
	if len(lower) != len(name) {
		return "", "", false // letters whose lower case is longer: not a name this knows
	}
	for _, extra := range []string{".txt", ".text"} {
		if base, cut := strings.CutSuffix(lower, extra); cut {
			for ext, want := range textExtensions {
				if strings.HasSuffix(base, ext) {
					fixed = name[:len(base)-len(ext)] + want
					return fixed, fmt.Sprintf("remove %s from the end of the name, so that it is %s (Notepad adds .txt unless \"Save as type\" is \"All files\", and Windows may hide it)", name[len(base):], fixed), true
				}
			}
		}
	}
	for ext, want := range textExtensions {
		if strings.HasSuffix(lower, ext) && name[len(name)-len(ext):] != want {
			fixed = name[:len(name)-len(ext)] + want
			return fixed, fmt.Sprintf("name it %s: content files end in %s", fixed, want), true
		}
	}
	return "", "", false
}
