package content

import (
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// A school's files/ folder is published as it is, from the site's own
// origin. A page, a script or a style sheet there would run with the
// site's authority (an HTML page can send visitors elsewhere with a meta
// refresh even where the site allows no script), so the folder may hold
// only what parents need to open: documents and images, each checked to
// be what its name says.

// filesAllowed lists, for the message, what files/ may hold.
const filesAllowed = "PDF documents (.pdf), images (.png, .jpg, .jpeg, .gif, .webp, .svg), office documents (.docx, .xlsx, .pptx, .odt, .ods, .odp) and text (.txt, .csv)"

// sniffLen is how much of a file http.DetectContentType reads.
const sniffLen = 512

// fileType is a kind of file that files/ may hold: its extension (lower
// case), and the media type http.DetectContentType must find in it,
// without parameters; "" for SVG, which is read whole instead (checkSVG).
type fileType struct {
	ext, sniffed string
}

// fileTypes lists what files/ may hold. Office Open XML and OpenDocument
// files are ZIP archives.
func fileTypes() []fileType {
	return []fileType{
		{".pdf", "application/pdf"},
		{".png", "image/png"}, {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"},
		{".gif", "image/gif"}, {".webp", "image/webp"}, {".svg", ""},
		{".docx", "application/zip"}, {".xlsx", "application/zip"}, {".pptx", "application/zip"},
		{".odt", "application/zip"}, {".ods", "application/zip"}, {".odp", "application/zip"},
		{".txt", "text/plain"}, {".csv", "text/plain"},
	}
}

// FileExtensions lists the extensions (lower case, with the dot) of the
// files a school's files/ folder may hold; any other is a content error.
func FileExtensions() []string {
	var exts []string
	for _, t := range fileTypes() {
		exts = append(exts, t.ext)
	}
	return exts
}

// sniffedType is the type http.DetectContentType must find in a file with
// the extension ext (lower case); ok is false if files/ may not hold it.
func sniffedType(ext string) (want string, ok bool) {
	for _, t := range fileTypes() {
		if t.ext == ext {
			return t.sniffed, true
		}
	}
	return "", false
}

// webType reports whether ext is one of the extensions a browser runs or
// renders as part of a site.
func webType(ext string) bool {
	switch ext {
	case ".html", ".htm", ".xhtml", ".xht", ".shtml", ".php", ".asp", ".aspx", ".jsp",
		".js", ".mjs", ".cjs", ".css", ".xml", ".xsl", ".xslt", ".svgz", ".swf", ".wasm":
		return true
	}
	return false
}

// insteadOf says what to do with a file files/ may not hold.
func insteadOf(ext string) string {
	switch ext {
	case ".html", ".htm", ".xhtml", ".xht", ".shtml", ".php", ".asp", ".aspx", ".jsp":
		return "save the page as PDF and put that here, or link to where the page is published"
	case ".js", ".mjs", ".cjs", ".css", ".wasm", ".swf":
		return "remove it: the site's pages cannot use scripts or style sheets of their own"
	case ".doc", ".rtf":
		return "save it as .docx or as PDF"
	case ".xls":
		return "save it as .xlsx or as PDF"
	case ".ppt", ".pps", ".ppsx":
		return "save it as .pptx or as PDF"
	case ".bmp", ".tif", ".tiff", ".heic", ".heif", ".avif", ".ico":
		return "save it as PNG or JPEG"
	case ".docm", ".xlsm", ".pptm":
		return "save it without macros (.docx, .xlsx, .pptx) or as PDF"
	}
	return "save it as PDF, or remove it"
}

// checkFile reports a file under files/ that may not be published: one
// whose extension is not allowed, one whose content is not what its
// extension says, or an SVG image that could run script or load anything.
func (l *loader) checkFile(p string) {
	ext := strings.ToLower(path.Ext(p))
	want, ok := sniffedType(ext)
	switch {
	case ext == ".heic" || ext == ".heif":
		l.ds.Errorf(p, Pos{}, "this photo is in HEIC format, which most browsers cannot show, and it holds where and when it was taken; export it as JPEG and put the .jpg in files/ instead (an iPhone takes JPEG photos after Settings > Camera > Formats > Most Compatible)")
	case !ok && ext == "":
		l.ds.Errorf(p, Pos{}, "this file has no extension, so it cannot be told what it is; a school's files/ folder may hold only %s: give the file the extension of what it is", filesAllowed)
	case !ok:
		why := ""
		if webType(ext) {
			why = ", where it could run script or send visitors elsewhere"
		}
		l.ds.Errorf(p, Pos{}, "a school's files/ folder may hold only %s; not a %s file, which would be published as it is from this site%s: %s", filesAllowed, ext, why, insteadOf(ext))
	case want == "":
		if src, ok := l.read(p, 0); ok {
			for _, prob := range checkSVG(src) {
				l.ds.Errorf(p, prob.pos, "%s", prob.msg)
			}
		}
	default:
		l.checkType(p, ext, want)
	}
}

// checkType reports a file whose first bytes are not those of the type
// its extension names: a browser that sniffs could show a ".pdf" that
// holds HTML as a page.
func (l *loader) checkType(p, ext, want string) {
	head, err := readHead(l.c.FS, p)
	if err != nil {
		l.ds.Errorf(p, Pos{}, "cannot read this file: %v", unwrapPathError(err))
		return
	}
	if len(head) == 0 {
		l.ds.Errorf(p, Pos{}, "this file is empty; put the real %s file here, or remove it", ext)
		return
	}
	got, _, _ := strings.Cut(http.DetectContentType(head), ";")
	if got != want {
		l.ds.Errorf(p, Pos{}, "the file's name ends %s, but it holds %s, not %s, and a browser could be led to treat it as what it holds; save it again as a real %s file, or remove it", ext, describeType(got), describeType(want), ext)
	}
}

// readHead reads the first sniffLen bytes of a file, or all of a shorter one.
func readHead(fsys fs.FS, p string) ([]byte, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, sniffLen)
	n, err := io.ReadFull(f, b)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	return b[:n], err
}

// describeType names a media type as http.DetectContentType gives it.
func describeType(t string) string {
	switch t {
	case "application/pdf":
		return "a PDF document"
	case "application/zip":
		return "an office document (a ZIP archive)"
	case "text/plain":
		return "plain text"
	case "text/html":
		return "an HTML page"
	case "text/xml":
		return "XML"
	case "application/octet-stream":
		return "data of no known type"
	case "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp":
		return "a " + strings.ToUpper(strings.TrimPrefix(t, "image/")) + " image"
	}
	return "something else (" + t + ")"
}
