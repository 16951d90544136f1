package content

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// An SVG image opened by itself is a document: it can hold script, event
// handlers, HTML (in foreignObject) and links, and load style sheets,
// fonts and images from anywhere. A chart needs none of these, so an SVG
// under files/ is published only if it has none: no script, no handler,
// no foreignObject or HTML, and no reference to anything outside itself
// (href, xlink:href and CSS url() only to a #fragment of the same image).

const (
	xhtmlNS = "http://www.w3.org/1999/xhtml"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
)

// maxSVGProblems bounds what one image reports: a few are enough to show
// what to fix, and a hostile image could otherwise print thousands.
const maxSVGProblems = 20

// svgProblem is one reason an SVG image may not be published.
type svgProblem struct {
	pos Pos
	msg string
}

// cssLoaders finds the CSS functions other than url() that take a file to
// load as a string (image-set("a.png"), image("a.png"), src("a.woff")).
var cssLoaders = regexp.MustCompile(`(?i)(?:^|[^a-z0-9_-])((?:-webkit-)?image-set|image|src)\(`)

// cssURL finds url( in CSS.
var cssURL = regexp.MustCompile(`(?i)url\(`)

// errEncoding is an SVG's declared encoding that is not UTF-8.
type errEncoding string

func (e errEncoding) Error() string { return "encoding " + string(e) }

// svgChecker reads one image and collects what is wrong with it.
type svgChecker struct {
	src      []byte
	problems []svgProblem
	more     int // problems found past maxSVGProblems
	moreAt   Pos // where the first of them is
}

// checkSVG lists what in an SVG image could run script or load anything
// from elsewhere, each at the element (or, in a style sheet, the text)
// that does it; nil if the image may be published.
func checkSVG(src []byte) []svgProblem {
	c := &svgChecker{src: src}
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	// The decoder reads UTF-8 itself, and asks for a reader for any other
	// encoding declared: ASCII is UTF-8 already; others are refused.
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "us-ascii") || strings.EqualFold(label, "ascii") {
			return r, nil
		}
		return nil, errEncoding(label)
	}
	c.read(d)
	if c.more > 0 {
		c.problems = append(c.problems, svgProblem{pos: c.moreAt, msg: fmt.Sprintf("and %d more problems like these in this image, from here on", c.more)})
	}
	return c.problems
}

// read walks the image's tokens.
func (c *svgChecker) read(d *xml.Decoder) {
	sawRoot := false
	var style *strings.Builder // the text of the <style> element being read
	var styleAt int64
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.syntax(err)
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !sawRoot && t.Name.Local != "svg" {
				c.add(off, "this is not an SVG image: it starts with <%s>, not <svg>; save the picture as PNG or as an SVG image", t.Name.Local)
				return
			}
			sawRoot = true
			c.element(off, t)
			if t.Name.Local == "style" {
				style, styleAt = new(strings.Builder), off
			}
		case xml.EndElement:
			if t.Name.Local == "style" && style != nil {
				c.css(styleAt, style.String(), "the <style> element")
				style = nil
			}
		case xml.CharData:
			// Collected until the element ends: a comment splits the
			// text, and a browser joins it again ("u<!---->rl(").
			if style != nil {
				style.Write(t)
			}
		case xml.ProcInst:
			if t.Target == "xml-stylesheet" {
				c.add(off, "the image loads a style sheet (<?xml-stylesheet?>); remove that line, and put any styles in the image itself")
			}
		case xml.Directive:
			if bytes.ContainsRune(t, '[') {
				c.add(off, "the image's <!DOCTYPE> declares entities or other markup, which can hide what the image holds; remove the DOCTYPE")
			}
		}
	}
	if !sawRoot {
		c.add(0, "this is not an SVG image: it has no <svg> element; save the picture as PNG or as an SVG image")
	}
}

// element checks one element and its attributes.
func (c *svgChecker) element(off int64, e xml.StartElement) {
	name := e.Name.Local
	switch {
	case strings.EqualFold(name, "script"), strings.EqualFold(name, "handler"), strings.EqualFold(name, "listener"):
		c.add(off, "the image holds a <%s> element, which runs script; an image for parents needs none: remove it, or save the picture as PNG", name)
		return // its attributes matter no more than the element
	case strings.EqualFold(name, "foreignObject"):
		c.add(off, "the image holds a <foreignObject> element, which can hold a web page; remove it, or save the picture as PNG")
		return
	case e.Name.Space == xhtmlNS:
		c.add(off, "the image holds the HTML element <%s>; remove it, or save the picture as PNG", name)
		return
	}
	for _, a := range e.Attr {
		c.attribute(off, name, a)
	}
}

// attribute checks one attribute of the element at off.
func (c *svgChecker) attribute(off int64, elem string, a xml.Attr) {
	local := strings.ToLower(a.Name.Local)
	switch {
	case a.Name.Space == "xmlns" || (a.Name.Space == "" && local == "xmlns"):
		// A namespace's name, never loaded.
	case strings.HasPrefix(local, "on"):
		c.add(off, "<%s> has the event handler %s=, which runs script; remove the attribute", elem, a.Name.Local)
	case local == "href" || local == "src":
		if v := strings.TrimSpace(a.Value); v != "" && !strings.HasPrefix(v, "#") {
			c.add(off, "<%s> refers to %q, outside the image; an image here may refer only to its own parts (href=\"#id\"): put what it shows in the image itself, or save the picture as PNG", elem, v)
		}
	case a.Name.Space == xmlNS && local == "base":
		c.add(off, "<%s> has xml:base, which makes references lead outside the image; remove the attribute", elem)
	case local == "attributename" && strings.HasSuffix(strings.ToLower(strings.TrimSpace(a.Value)), "href"):
		c.add(off, "<%s> animates a link (attributeName=%q), which could lead anywhere; remove it", elem, a.Value)
	default:
		c.css(off, a.Value, "<"+elem+"> "+a.Name.Local+"=")
	}
}

// css checks CSS (a style sheet, a style attribute, or any attribute that
// may hold url()) for what could load a file: url() to anything but a
// #fragment, @import, the functions in cssLoaders, and backslash escapes,
// which could spell any of these so that this check does not see them.
func (c *svgChecker) css(off int64, text, where string) {
	switch {
	case strings.Contains(text, `\`):
		c.add(off, "%s uses a CSS escape (\\), which could hide a reference to a file; write the style without it", where)
		return
	case strings.Contains(strings.ToLower(text), "@import"):
		c.add(off, "%s imports a style sheet (@import); put the styles in the image itself", where)
	}
	if m := cssLoaders.FindStringSubmatch(text); m != nil {
		c.add(off, "%s uses %s(), which loads a file; an image here may load nothing", where, m[1])
	}
	for _, loc := range cssURL.FindAllStringIndex(text, -1) {
		arg := strings.TrimLeft(text[loc[1]:], " \t\r\n\f\"'")
		if !strings.HasPrefix(arg, "#") {
			end := strings.IndexByte(text[loc[0]:], ')')
			if end < 0 {
				end = len(text) - loc[0] - 1
			}
			c.add(off, "%s refers to %s, outside the image; an image here may refer only to its own parts (url(#id))", where, text[loc[0]:loc[0]+end+1])
		}
	}
}

// syntax reports an image that is not well-formed XML: a browser shows an
// error in its place, and the checks above cannot be trusted to have seen
// everything a more forgiving reader would find.
func (c *svgChecker) syntax(err error) {
	var enc errEncoding
	var se *xml.SyntaxError
	switch {
	case errors.As(err, &enc):
		c.problems = append(c.problems, svgProblem{pos: Pos{Line: 1, Col: 1}, msg: fmt.Sprintf("the image is written in the encoding %q; save it as UTF-8", string(enc))})
	case errors.As(err, &se):
		c.problems = append(c.problems, svgProblem{pos: Pos{Line: se.Line}, msg: fmt.Sprintf("this is not a well-formed SVG image (%s); save it again from the program that made it, or save the picture as PNG", se.Msg)})
	default:
		c.problems = append(c.problems, svgProblem{msg: fmt.Sprintf("this SVG image cannot be read (%v); save it again, or save the picture as PNG", err)})
	}
}

// add records a problem at the byte offset off of the image.
func (c *svgChecker) add(off int64, format string, args ...any) {
	if len(c.problems) >= maxSVGProblems {
		if c.more == 0 {
			c.moreAt = offsetPos(c.src, int(off))
		}
		c.more++
		return
	}
	c.problems = append(c.problems, svgProblem{pos: offsetPos(c.src, int(off)), msg: fmt.Sprintf(format, args...)})
}

// offsetPos is the line and column (in characters) of a byte offset.
func offsetPos(src []byte, off int) Pos {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return Pos{Line: line, Col: utf8.RuneCount(before[start:]) + 1}
}
