package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
)

// spacedAddresses finds the links and images that CommonMark did not take
// as such because their address has a space, as a file's name may:
// ![Books](../files/Reading corner.JPG). It returns the source with each
// such address put in <...>, which CommonMark takes, and the offsets in
// the new source of the bytes put in; nil if there are none.
//
// It looks only at what was parsed as plain text, so that code (a code
// span or block) is never changed, and only at a "](" whose "]" is that
// text's: in a link that was taken, the "]" is part of the link.
func spacedAddresses(root ast.Node, src []byte) ([]byte, []int) {
	if !bytes.Contains(src, []byte("](")) {
		return nil, nil
	}
	var fixes [][2]int // the start and end of each address
	after := 0         // where the last address ended: no two overlap
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			seg := n.Segment
			for i := max(seg.Start, after); i < seg.Stop; i++ {
				if src[i] == ']' && i+1 < len(src) && src[i+1] == '(' && (i == 0 || src[i-1] != '\\') {
					if start, end, ok := spacedAddress(src, i+2); ok {
						fixes = append(fixes, [2]int{start, end})
						after = end
						i = end
					}
				}
			}
		}
		return ast.WalkContinue, nil
	})
	if len(fixes) == 0 {
		return nil, nil
	}
	out := make([]byte, 0, len(src)+2*len(fixes))
	var inserted []int
	last := 0
	for _, f := range fixes {
		out = append(out, src[last:f[0]]...)
		inserted = append(inserted, len(out))
		out = append(out, '<')
		out = append(out, src[f[0]:f[1]]...)
		inserted = append(inserted, len(out))
		out = append(out, '>')
		last = f[1]
	}
	return append(out, src[last:]...), inserted
}

// spacedAddress reads the address of a link that starts at i (after "]("),
// up to its ")" on the same line, with parentheses inside balanced (a
// file may be "photo (1).jpg"). It reports where the address starts and
// ends, without spaces around it or a title after it ("Title" or
// 'Title'), if it has a space inside and nothing that <...> cannot hold.
func spacedAddress(src []byte, i int) (start, end int, ok bool) {
	depth := 0
	j := i
	for ; j < len(src); j++ {
		c := src[j]
		if c == '\n' || c == '\r' || c == '<' || c == '>' {
			return 0, 0, false
		}
		if c == '(' {
			depth++
		}
		if c == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
	}
	if j == len(src) {
		return 0, 0, false
	}
	start, end = i, j
	for start < end && src[start] == ' ' {
		start++
	}
	for end > start && src[end-1] == ' ' {
		end--
	}
	// A title at the end: a space, then a quoted string.
	if end-start >= 2 && (src[end-1] == '"' || src[end-1] == '\'') {
		q := src[end-1]
		if k := bytes.LastIndexByte(src[start:end-1], q); k > 0 && src[start+k-1] == ' ' {
			end = start + k - 1
			for end > start && src[end-1] == ' ' {
				end--
			}
		}
	}
	if end <= start || !bytes.ContainsRune(src[start:end], ' ') {
		return 0, 0, false
	}
	return start, end, true
}
