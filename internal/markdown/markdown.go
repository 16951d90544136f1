// Package markdown parses and renders the Markdown a PSA writes: CommonMark
// with GFM tables, strikethrough and autolinks. Headings are moved one level
// down (the page's title is its only <h1>) and get ids; raw HTML is shown as
// text unless the site opts in. Links are left to the caller to resolve
// between Parse and rendering (Renderer.HTML): a destination that starts
// with "/" is a path in the site and is written with the renderer's prefix
// (the base path, or the absolute base URL for feeds).
package markdown

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Parser turns Markdown source into a document tree. It is safe for
// concurrent use; build one per run.
type Parser struct {
	md goldmark.Markdown
}

// NewParser returns the parser with the extensions the format allows.
func NewParser() *Parser {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(shape{}, 100)),
		),
	)
	return &Parser{md: md}
}

// Doc is a parsed Markdown text: its tree and the source it points into.
type Doc struct {
	Root   ast.Node
	Source []byte
	// Problem is why the source was not parsed (see Check); Root is then
	// an empty document.
	Problem *Problem
	// inserted are the offsets in Source of bytes that are not in the text
	// as written: the "<" and ">" put around a link's address that has
	// spaces (see spacedAddresses).
	inserted []int
}

// Parse parses src, a page's body: its highest heading becomes an <h2>.
// Any text is Markdown, but a text that Check finds a problem in is not
// parsed: the Doc is empty and says why.
func (p *Parser) Parse(src []byte) *Doc {
	return p.ParseUnder(src, 2)
}

// ParseUnder parses src for a place in a page whose headings start at
// level top: a field shown inside a section (top 3) keeps its headings
// below the section's <h2>.
//
// A link or image whose address has spaces, as a file's name may
// (![Books](../files/Reading corner.JPG)), is not a link in CommonMark,
// which wants <...> around such an address: it is read as if it had them.
func (p *Parser) ParseUnder(src []byte, top int) *Doc {
	if prob := Check(src); prob != nil {
		return &Doc{Root: ast.NewDocument(), Source: src, Problem: prob}
	}
	d := p.parse(src, top)
	if fixed, inserted := spacedAddresses(d.Root, src); inserted != nil {
		d = p.parse(fixed, top)
		d.inserted = inserted
	}
	return d
}

func (p *Parser) parse(src []byte, top int) *Doc {
	pc := parser.NewContext()
	pc.Set(topLevel, top)
	return &Doc{Root: p.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc)), Source: src}
}

// topLevel is the parser context key for the level of the highest heading.
var topLevel = parser.NewContextKey()

// shape moves headings so that the document's highest heading is at the
// level the context asks (an <h2> under the page's <h1>), keeping their
// relative levels: a PSA may start sections with "#" or with "##". It also
// marks every image after the first to load lazily: the first may be on
// the first screen, where loading it late would show the page late.
type shape struct{}

// Attribute names of an image's node, which no Markdown can set.
var (
	lazyAttr    = []byte("pp:lazy")
	pictureAttr = []byte("pp:picture")
)

func (shape) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	want := 2
	if v, ok := pc.Get(topLevel).(int); ok {
		want = v
	}
	top := 7
	images := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			top = min(top, n.Level)
		case *ast.Image:
			if images++; images > 1 {
				n.SetAttribute(lazyAttr, true)
			}
		}
		return ast.WalkContinue, nil
	})
	shift := want - top
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = max(want, min(h.Level+shift, 6))
		}
		return ast.WalkContinue, nil
	})
}

// Link is a link or image in a document, as written.
type Link struct {
	Node  ast.Node // *ast.Link, *ast.Image or *ast.AutoLink
	Dest  string
	Image bool
	Alt   string // an image's alternative text
	// Offset is the byte offset, in the text given to Parse, near where it
	// was written; -1 if unknown.
	Offset int
}

// Picture is what a page says of an image besides its address: the size it
// is shown at, so that the page keeps its room before it loads, and the
// sizes it is published in, for the browser to pick one for the screen.
type Picture struct {
	Width, Height int
	Srcset        []Source // empty: the image has one size
}

// Source is one size of a picture: its address and width in pixels.
type Source struct {
	URL   string
	Width int
}

// SetPicture gives an image its size and the sizes it is published in.
func (l Link) SetPicture(p Picture) {
	if n, ok := l.Node.(*ast.Image); ok {
		n.SetAttribute(pictureAttr, p)
	}
}

// SetDest changes where the link points. An autolink (<https://...>, or a
// bare web address) keeps its address, which is absolute.
func (l Link) SetDest(dest string) {
	switch n := l.Node.(type) {
	case *ast.Link:
		n.Destination = []byte(dest)
	case *ast.Image:
		n.Destination = []byte(dest)
	}
}

// Links returns every link and image in the document, in source order,
// autolinks to web addresses included (goldmark writes one whose address
// is dangerous, such as <javascript:...>, with an empty href).
func (d *Doc) Links() []Link {
	var links []Link
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			links = append(links, Link{Node: n, Dest: string(n.Destination), Offset: d.offset(n, n.Destination)})
		case *ast.Image:
			links = append(links, Link{Node: n, Dest: string(n.Destination), Image: true,
				Alt: PlainText(n, d.Source), Offset: d.offset(n, n.Destination)})
		case *ast.AutoLink:
			if n.AutoLinkType == ast.AutoLinkURL {
				links = append(links, Link{Node: n, Dest: string(n.URL(d.Source)), Offset: d.offset(n, n.Label(d.Source))})
			}
		}
		return ast.WalkContinue, nil
	})
	return links
}

// offset finds where a link was written, in the text as given: the first
// occurrence of its destination after the start of its enclosing block.
func (d *Doc) offset(n ast.Node, dest []byte) int {
	off := d.sourceOffset(n, dest)
	moved := 0
	for _, i := range d.inserted {
		if i < off {
			moved++
		}
	}
	return off - moved
}

func (d *Doc) sourceOffset(n ast.Node, dest []byte) int {
	start := 0
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			start = p.Lines().At(0).Start
			break
		}
	}
	if c := n.FirstChild(); c != nil {
		if t, ok := c.(*ast.Text); ok {
			start = max(start, t.Segment.Start)
		}
	}
	if i := bytes.Index(d.Source[start:], dest); i >= 0 && len(dest) > 0 {
		return start + i
	}
	return start
}

// PlainText returns the text of a node and its children, without markup.
func PlainText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.Label(src))
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// Text returns the document as plain text, block by block, for calendar
// descriptions and summaries.
func (d *Doc) Text() string {
	var parts []string
	for c := d.Root.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == ast.KindList {
			var items []string
			for item := c.FirstChild(); item != nil; item = item.NextSibling() {
				items = append(items, "- "+strings.TrimSpace(PlainText(item, d.Source)))
			}
			parts = append(parts, strings.Join(items, "\n"))
			continue
		}
		var t string
		if c.Kind() == ast.KindFencedCodeBlock || c.Kind() == ast.KindCodeBlock {
			var b strings.Builder
			for i := range c.Lines().Len() {
				seg := c.Lines().At(i)
				b.Write(seg.Value(d.Source))
			}
			t = b.String()
		} else {
			t = PlainText(c, d.Source)
		}
		if t = strings.TrimSpace(t); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n")
}

// FirstParagraph returns the plain text of the document's first paragraph.
func (d *Doc) FirstParagraph() string {
	for c := d.Root.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() == ast.KindParagraph {
			return strings.TrimSpace(PlainText(c, d.Source))
		}
	}
	return ""
}

// Renderer writes documents as HTML. It is safe for concurrent use.
type Renderer struct {
	r      renderer.Renderer
	prefix string
	unsafe bool
	// marked writes mark where a site path's prefix goes, so that one
	// rendering serves two renderers (see RenderPair); nil where the prefix
	// is not plain enough to be put in afterwards.
	marked renderer.Renderer
}

// mark stands for the prefix in what marked writes. A document whose
// source holds no NUL byte cannot otherwise lead goldmark to write one.
const mark = "\x00"

// NewRenderer returns a renderer that writes site paths ("/schools/...")
// with prefix in front ("/" or "/parents/" or "https://example.org/"), and
// shows raw HTML as text unless unsafe is set.
func NewRenderer(prefix string, unsafe bool) *Renderer {
	r := &Renderer{r: newRenderer(&nodeRenderer{prefix: prefix, unsafe: unsafe}, unsafe), prefix: prefix, unsafe: unsafe}
	if plainPrefix(prefix) {
		r.marked = newRenderer(&nodeRenderer{marked: true, unsafe: unsafe}, unsafe)
	}
	return r
}

func newRenderer(nr *nodeRenderer, unsafe bool) renderer.Renderer {
	opts := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(nr, 100))}
	if unsafe {
		opts = append(opts, html.WithUnsafe())
	}
	// The table and strikethrough extensions bring their own node renderers.
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough), goldmark.WithRendererOptions(opts...)).Renderer()
}

// plainPrefix reports whether a prefix can be put in place of mark after
// rendering, giving what writing it in place would: it starts like no
// dangerous URL, ends with "/" (so no escape or entity runs across it into
// the path), and holds nothing that escaping would change.
func plainPrefix(p string) bool {
	if !strings.HasSuffix(p, "/") || !(strings.HasPrefix(p, "/") || strings.HasPrefix(p, "https://") || strings.HasPrefix(p, "http://")) {
		return false
	}
	for i := range len(p) {
		c := p[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~:/", c) >= 0) {
			return false
		}
	}
	return true
}

// HTML returns d as HTML.
func (r *Renderer) HTML(d *Doc) string {
	return renderWith(r.r, d)
}

func renderWith(with renderer.Renderer, d *Doc) string {
	w := htmlBuffers.Get().(*bufWriter)
	defer htmlBuffers.Put(w)
	w.Reset()
	_ = with.Render(w, d.Source, d.Root)
	return w.String()
}

// RenderPair returns d as HTML for r and for o, which may differ from r
// only in the prefix (a page and its feed). The document is rendered once
// and the prefixes put in after, where both prefixes allow it; each HTML is
// byte for byte what HTML would write.
func (r *Renderer) RenderPair(d *Doc, o *Renderer) (mine, theirs string) {
	if r.marked == nil || o.marked == nil || r.unsafe != o.unsafe || bytes.IndexByte(d.Source, mark[0]) >= 0 {
		return renderWith(r.r, d), renderWith(o.r, d)
	}
	h := renderWith(r.marked, d)
	return strings.ReplaceAll(h, mark, r.prefix), strings.ReplaceAll(h, mark, o.prefix)
}

// bufWriter is a bytes.Buffer that goldmark writes to directly: without
// Flush and Buffered, it would wrap every render in a new bufio.Writer.
type bufWriter struct{ bytes.Buffer }

func (*bufWriter) Buffered() int { return 0 }
func (*bufWriter) Flush() error  { return nil }

var _ util.BufWriter = (*bufWriter)(nil)

// htmlBuffers keeps the buffers that bodies are rendered into, so that a
// site of thousands of updates does not grow a new one for each.
var htmlBuffers = sync.Pool{New: func() any { return new(bufWriter) }}

// nodeRenderer renders the node kinds whose output depends on the site:
// links and images (the prefix), raw HTML (escaped unless unsafe).
type nodeRenderer struct {
	prefix string
	marked bool // write mark for the prefix, put in after escaping (see plainPrefix)
	unsafe bool
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.link)
	reg.Register(ast.KindImage, r.image)
	if !r.unsafe {
		reg.Register(ast.KindRawHTML, r.rawHTML)
		reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	}
}

func (r *nodeRenderer) dest(d []byte) []byte {
	if len(d) > 0 && d[0] == '/' && (len(d) == 1 || d[1] != '/') {
		if r.marked {
			// A plain prefix is neither escaped nor dangerous, and changes
			// nothing in how the rest is escaped.
			return append([]byte(mark), util.EscapeHTML(util.URLEscape(d[1:], true))...)
		}
		d = append([]byte(r.prefix), d[1:]...)
	}
	d = util.URLEscape(d, true)
	if !r.unsafe && dangerous(d) {
		return nil
	}
	return util.EscapeHTML(d)
}

// dangerous is goldmark's html.IsDangerousURL without its allocations (it
// lower-cases a copy of the URL's start for each of six prefixes, and a
// site's pages have hundreds of thousands of links): javascript:,
// vbscript:, file: and data: URLs, except data:image/png; (and gif;,
// jpeg;, webp;).
func dangerous(u []byte) bool {
	if hasPrefixFold(u, "data:image/") {
		v := u[len("data:image/"):]
		return !(hasPrefixFold(v, "png;") || hasPrefixFold(v, "gif;") || hasPrefixFold(v, "jpeg;") || hasPrefixFold(v, "webp;"))
	}
	return hasPrefixFold(u, "javascript:") || hasPrefixFold(u, "vbscript:") || hasPrefixFold(u, "file:") || hasPrefixFold(u, "data:")
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix,
// in any case.
func hasPrefixFold(s []byte, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func (r *nodeRenderer) link(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(r.dest(n.Destination))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) image(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(r.dest(n.Destination))
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML([]byte(PlainText(n, src))))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_ = w.WriteByte('"')
	}
	if v, ok := n.AttributeString(string(pictureAttr)); ok {
		r.picture(w, v.(Picture))
	}
	if _, ok := n.AttributeString(string(lazyAttr)); ok {
		_, _ = w.WriteString(` loading="lazy" decoding="async"`)
	}
	_ = w.WriteByte('>')
	return ast.WalkSkipChildren, nil
}

// pictureSizes tells the browser how wide a picture is shown, before it
// has the style sheet: the default theme's text column (42rem, in a page
// with 1rem on each side). Knowing it, the browser picks the smallest
// size in srcset that fills that width at the screen's density.
const pictureSizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"

// picture writes an image's srcset, sizes, width and height attributes.
func (r *nodeRenderer) picture(w util.BufWriter, p Picture) {
	if len(p.Srcset) > 1 {
		_, _ = w.WriteString(` srcset="`)
		for i, s := range p.Srcset {
			if i > 0 {
				_, _ = w.WriteString(", ")
			}
			_, _ = w.Write(r.dest([]byte(s.URL)))
			_, _ = w.WriteString(" " + strconv.Itoa(s.Width) + "w")
		}
		_, _ = w.WriteString(`" sizes="` + pictureSizes + `"`)
	}
	if p.Width > 0 && p.Height > 0 {
		_, _ = w.WriteString(` width="` + strconv.Itoa(p.Width) + `" height="` + strconv.Itoa(p.Height) + `"`)
	}
}

// rawHTML shows inline HTML as the text the PSA typed.
func (r *nodeRenderer) rawHTML(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
	}
	return ast.WalkSkipChildren, nil
}

// htmlBlock shows a block of HTML as a paragraph of the text the PSA typed.
func (r *nodeRenderer) htmlBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.HTMLBlock)
	var b bytes.Buffer
	for i := range n.Lines().Len() {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(src))
	}
	_, _ = w.WriteString("<p>")
	_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(b.Bytes(), "\n")))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}
