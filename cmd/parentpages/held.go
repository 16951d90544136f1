package main

import (
	"fmt"
	"io"

	"github.com/parentpages/parentpages/internal/site"
)

// maxHeld is how many held-back things a build lists by name; a site of
// hundreds of schools can hold back many, and the list must stay short
// enough to read.
const maxHeld = 20

// printHeld ends a build or a check with what it left out of the published
// site, so that a forgotten `draft: true` or a date typed wrong is seen.
func printHeld(w io.Writer, held []site.Held) {
	if len(held) == 0 {
		return
	}
	fmt.Fprintln(w, "Not published (drafts, and updates dated after today):")
	for i, h := range held {
		if i == maxHeld {
			fmt.Fprintf(w, "  and %d more\n", len(held)-maxHeld)
			break
		}
		fmt.Fprintf(w, "  %s\n", heldLine(h))
	}
}

// heldLine says where one held-back thing is, what it is and why it is
// held back.
func heldLine(h site.Held) string {
	where := h.Path
	if h.Line > 0 {
		where = fmt.Sprintf("%s:%d", h.Path, h.Line)
	}
	if !h.Draft {
		return fmt.Sprintf("%s: the %s '%s' is dated %s, after today: the first build on or after that day publishes it", where, h.Kind, h.Title, h.Date)
	}
	return fmt.Sprintf("%s: the %s '%s' is a draft (draft: true)", where, h.Kind, h.Title)
}
