package readability

import (
	"html"
	"strings"
)

// blockTags end a line of text: a heading, a paragraph, a list item, a
// label and its value are each read as a unit.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "br": true, "caption": true,
	"dd": true, "details": true, "div": true, "dl": true, "dt": true, "figcaption": true, "figure": true,
	"footer": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "header": true,
	"hr": true, "li": true, "main": true, "nav": true, "ol": true, "p": true, "section": true,
	"summary": true, "table": true, "td": true, "th": true, "tr": true, "ul": true,
}

// skipTags hold no prose: pictures, scripts, styles and tables of figures.
var skipTags = map[string]bool{"script": true, "style": true, "svg": true, "table": true, "template": true}

// MainText returns the text a reader reads in a page's <main> element, or
// in the whole page if it has none: one line for each block (heading,
// paragraph, list item), without the tables of figures, charts and
// scripts.
func MainText(page string) string {
	if i := strings.Index(page, "<main"); i >= 0 {
		page = page[i:]
		if j := strings.Index(page, "</main>"); j >= 0 {
			page = page[:j]
		}
	}
	var b strings.Builder
	skip := "" // the element being skipped
	depth := 0 // how many of it are open
	for page != "" {
		i := strings.IndexByte(page, '<')
		if i < 0 {
			i = len(page)
		}
		if skip == "" {
			b.WriteString(page[:i])
		}
		page = page[i:]
		if page == "" {
			break
		}
		if strings.HasPrefix(page, "<!--") {
			end := strings.Index(page, "-->")
			if end < 0 {
				break
			}
			page = page[end+3:]
			continue
		}
		end := strings.IndexByte(page, '>')
		if end < 0 {
			break
		}
		name, closing := tagName(page[1:end])
		page = page[end+1:]
		switch {
		case skip != "" && name == skip && closing:
			if depth--; depth == 0 {
				skip = ""
			}
		case skip != "" && name == skip:
			depth++
		case skip == "" && skipTags[name] && !closing:
			skip, depth = name, 1
		}
		if skip == "" && blockTags[name] {
			b.WriteByte('\n')
		}
	}
	return html.UnescapeString(b.String())
}

// tagName returns the lower-case name of the tag whose text between < and
// > is s, and whether it closes an element.
func tagName(s string) (string, bool) {
	closing := strings.HasPrefix(s, "/")
	s = strings.TrimPrefix(s, "/")
	end := strings.IndexAny(s, " \t\n/")
	if end >= 0 {
		s = s[:end]
	}
	return strings.ToLower(s), closing
}
