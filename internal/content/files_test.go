package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A clean chart, as Excel, LibreOffice and Inkscape write them: gradients
// and clip paths referred to by fragment, <use>, a style sheet, a title.
const cleanSVG = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- Generator: a chart program -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 100 50" role="img">
  <title>Pupils passing the phonics check</title>
  <style><![CDATA[ .bar { fill: url(#g); font-family: "Segoe UI", sans-serif } ]]></style>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#12436d"/></linearGradient><clipPath id="c"><rect width="100" height="50"/></clipPath></defs>
  <inkscape:namedview/>
  <g clip-path="url( '#c' )"><rect id="r" class="bar" width="40" height="30" style="stroke: url(#g)"/></g>
  <use href="#r" x="50"/><use xlink:href="#r" x="70"/>
  <a href="#r"><text x="1" y="45">52% &amp; rising</text></a>
</svg>
`

// TestFiles checks what a school's files/ folder may hold: every case
// adds files under schools/hillside/files/ to a valid site.
func TestFiles(t *testing.T) {
	const dir = "schools/hillside/files/"
	tests := []struct {
		name  string
		files map[string]string // name under files/ -> contents
		want  []string          // each one diagnostic, as printed (a prefix)
	}{
		{"documents and pictures", map[string]string{
			"plan.pdf":            "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
			"PLAN-V2.PDF":         "%PDF-1.4\n",
			"photo.jpg":           "\xff\xd8\xff\xe0\x00\x10JFIF\x00",
			"photo.jpeg":          "\xff\xd8\xff\xdb",
			"chart.png":           "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			"logo.gif":            "GIF89a\x01\x00",
			"hall.webp":           "RIFF\x24\x00\x00\x00WEBPVP8 ",
			"letter.docx":         "PK\x03\x04\x14\x00",
			"figures.xlsx":        "PK\x03\x04\x14\x00",
			"slides.pptx":         "PK\x03\x04\x14\x00",
			"letter.odt":          "PK\x03\x04\x14\x00",
			"figures.ods":         "PK\x03\x04\x14\x00",
			"slides.odp":          "PK\x03\x04\x14\x00",
			"notes.txt":           "Notes from the meeting.\n",
			"results.csv":         "year,passed\n2025,64\n",
			"charts/chart.svg":    cleanSVG,
			"charts/minimal.svg":  `<svg xmlns="http://www.w3.org/2000/svg"/>`,
			"charts/no-xmlns.svg": `<svg><rect/></svg>`,
		}, nil},

		// Kinds of file that may not be published.
		{"an iPhone's HEIC photo", map[string]string{"IMG_0042.HEIC": "....ftypheic"},
			[]string{dir + "IMG_0042.HEIC:1:1: this photo is in HEIC format, which most browsers cannot show, and it holds where and when it was taken; export it as JPEG"}},
		{"web page", map[string]string{"login.html": `<meta http-equiv="refresh" content="0;url=https://evil.example/">`},
			[]string{dir + "login.html:1:1: a school's files/ folder may hold only PDF documents (.pdf), images (.png, .jpg, .jpeg, .gif, .webp, .svg), office documents (.docx, .xlsx, .pptx, .odt, .ods, .odp) and text (.txt, .csv); not a .html file, which would be published as it is from this site, where it could run script or send visitors elsewhere: save the page as PDF"}},
		{"script", map[string]string{"x.js": "alert(1)"},
			[]string{dir + "x.js:1:1: a school's files/ folder may hold only PDF documents (.pdf), images"}},
		{"every web type", map[string]string{"a.htm": "x", "b.mjs": "x", "c.css": "x", "d.xml": "<a/>", "e.xhtml": "x", "f.php": "x", "g.HTML": "x"},
			[]string{dir + "a.htm:1:1: a school", dir + "b.mjs:1:1: a school", dir + "c.css:1:1: a school", dir + "d.xml:1:1: a school", dir + "e.xhtml:1:1: a school", dir + "f.php:1:1: a school", dir + "g.HTML:1:1: a school"}},
		{"program", map[string]string{"setup.exe": "MZ\x90\x00"},
			[]string{dir + "setup.exe:1:1: a school's files/ folder may hold only"}},
		{"old Word document", map[string]string{"letter.doc": "\xd0\xcf\x11\xe0"},
			[]string{dir + "letter.doc:1:1: a school's files/ folder may hold only"}},
		{"no extension", map[string]string{"README": "x"},
			[]string{dir + "README:1:1: this file has no extension"}},

		// Files whose content is not what their names say.
		{"PDF that is a web page", map[string]string{"notes.pdf": "<html><body>not a pdf</body></html>"},
			[]string{dir + "notes.pdf:1:1: the file's name ends .pdf, but it holds an HTML page, not a PDF document"}},
		{"text that is a web page", map[string]string{"notes.txt": "<!DOCTYPE html><p>hi"},
			[]string{dir + "notes.txt:1:1: the file's name ends .txt, but it holds an HTML page, not plain text"}},
		{"picture that is XML", map[string]string{"chart.png": `<?xml version="1.0"?><svg/>`},
			[]string{dir + "chart.png:1:1: the file's name ends .png, but it holds XML, not a PNG image"}},
		{"JPEG named PNG", map[string]string{"photo.png": "\xff\xd8\xff\xe0"},
			[]string{dir + "photo.png:1:1: the file's name ends .png, but it holds a JPEG image, not a PNG image"}},
		{"office document that is not", map[string]string{"letter.docx": "Dear parents"},
			[]string{dir + "letter.docx:1:1: the file's name ends .docx, but it holds plain text, not an office document"}},
		{"empty", map[string]string{"plan.pdf": ""},
			[]string{dir + "plan.pdf:1:1: this file is empty"}},

		// SVG that is more than a picture: each problem at its element.
		{"svg script", map[string]string{"chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect/>\n  <script>alert(document.domain)</script>\n</svg>"},
			[]string{dir + "chart.svg:3:3: the image holds a <script> element, which runs script"}},
		{"svg script loaded from a file", map[string]string{"chart.svg": `<svg xmlns="http://www.w3.org/2000/svg"><script href="x.js"/></svg>`},
			[]string{dir + "chart.svg:1:41: the image holds a <script> element"}},
		{"svg event handlers", map[string]string{"chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n<rect ONCLICK=\"x()\"/></svg>"},
			[]string{dir + "chart.svg:1:1: <svg> has the event handler onload=", dir + "chart.svg:2:1: <rect> has the event handler ONCLICK="}},
		{"svg foreignObject and HTML", map[string]string{"chart.svg": `<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject><h:p xmlns:h="http://www.w3.org/1999/xhtml"/></svg>`},
			[]string{dir + "chart.svg:1:41: the image holds a <foreignObject> element", dir + "chart.svg:1:56: the image holds the HTML element <div>", dir + "chart.svg:1:115: the image holds the HTML element <p>"}},
		{"svg links out", map[string]string{"chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<a xlink:href=\"javascript:alert(1)\"><text>x</text></a>\n<a href=\"https://evil.example/\"/>\n<image href=\"photo.png\"/>\n<use href=\"other.svg#x\"/></svg>"},
			[]string{
				dir + `chart.svg:2:1: <a> refers to "javascript:alert(1)", outside the image`,
				dir + `chart.svg:3:1: <a> refers to "https://evil.example/", outside the image`,
				dir + `chart.svg:4:1: <image> refers to "photo.png", outside the image`,
				dir + `chart.svg:5:1: <use> refers to "other.svg#x", outside the image`,
			}},
		{"svg css loads", map[string]string{"chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect fill=\"url(https://evil.example/p.svg#x)\" style=\"background: url( 'a.png' )\"/>\n<style>@import 'https://evil.example/x.css';</style>\n<style>.a { background: image-set(\"a.png\" 1x) }</style></svg>"},
			[]string{
				dir + "chart.svg:2:1: <rect> fill= refers to url(https://evil.example/p.svg#x), outside the image",
				dir + "chart.svg:2:1: <rect> style= refers to url( 'a.png' ), outside the image",
				dir + "chart.svg:3:1: the <style> element imports a style sheet (@import)",
				dir + "chart.svg:4:1: the <style> element uses image-set(), which loads a file",
			}},
		{"svg css hidden", map[string]string{"chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<style>.a { background: u<!-- -->rl(a.png) }</style>\n<rect style=\"background: \\75 rl(a.png)\"/>\n<rect fill=\"&#117;rl(a.png)\"/></svg>"},
			[]string{
				dir + "chart.svg:2:1: the <style> element refers to url(a.png), outside the image",
				dir + "chart.svg:3:1: <rect> style= uses a CSS escape",
				dir + "chart.svg:4:1: <rect> fill= refers to url(a.png), outside the image",
			}},
		{"svg stylesheet, entities, xml:base, animated link", map[string]string{"chart.svg": "<?xml-stylesheet href=\"x.css\"?>\n<!DOCTYPE svg [<!ENTITY e \"x\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xml:base=\"https://evil.example/\">\n<a><set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/></a></svg>"},
			[]string{
				dir + "chart.svg:1:1: the image loads a style sheet (<?xml-stylesheet?>)",
				dir + "chart.svg:2:1: the image's <!DOCTYPE> declares entities",
				dir + "chart.svg:3:1: <svg> has xml:base",
				dir + `chart.svg:4:4: <set> animates a link (attributeName="xlink:href")`,
			}},
		{"svg that is a web page", map[string]string{"chart.svg": "<html><body><script>alert(1)</script></body></html>"},
			[]string{dir + "chart.svg:1:1: this is not an SVG image: it starts with <html>, not <svg>"}},
		{"svg not well-formed", map[string]string{"chart.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect></svg>"},
			[]string{dir + "chart.svg:2:1: this is not a well-formed SVG image"}},
		{"svg undeclared entity", map[string]string{"chart.svg": `<svg xmlns="http://www.w3.org/2000/svg"><text>&nbsp;</text></svg>`},
			[]string{dir + "chart.svg:1:1: this is not a well-formed SVG image"}},
		{"svg in another encoding", map[string]string{"chart.svg": `<?xml version="1.0" encoding="ISO-8859-1"?><svg/>`},
			[]string{dir + `chart.svg:1:1: the image is written in the encoding "ISO-8859-1"; save it as UTF-8`}},
		{"svg empty", map[string]string{"chart.svg": ""},
			[]string{dir + "chart.svg:1:1: this is not an SVG image: it has no <svg> element"}},
		{"svg with many problems", map[string]string{"chart.svg": `<svg xmlns="http://www.w3.org/2000/svg">` + strings.Repeat("<script/>", 25) + `</svg>`},
			append(repeat(dir+"chart.svg:1:", 20), dir+"chart.svg:1:221: and 5 more problems like these in this image, from here on")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseSite()
			for name, data := range tt.files {
				fsys[dir+name] = &fstest.MapFile{Data: []byte(data)}
			}
			c, ds := load(t, fsys)
			got := make([]string, len(ds))
			for i, d := range ds {
				got[i] = d.String()
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("diagnostic %d:\n got: %s\nwant: %s...", i, got[i], w)
				}
			}
			if n := len(c.Schools[0].Files); n != len(tt.files) {
				t.Errorf("the school lists %d files, want %d", n, len(tt.files))
			}
		})
	}
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// FuzzCheckSVG feeds arbitrary bytes to the SVG check: it must never
// panic, and every problem must say what is wrong.
func FuzzCheckSVG(f *testing.F) {
	for _, seed := range []string{
		cleanSVG,
		`<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>`,
		`<svg><style>a{b:url(</style></svg>`,
		`<?xml version="1.0" encoding="x"?><svg/>`,
		"<svg>\xff</svg>",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, p := range checkSVG(src) {
			if p.msg == "" || p.pos.Line < 0 || p.pos.Col < 0 {
				t.Fatalf("problem without a message or with a bad position: %+v", p)
			}
		}
	})
}

// TestFilesAllowedMessage checks that the message listing what files/ may
// hold names every extension the check lets through.
func TestFilesAllowedMessage(t *testing.T) {
	for _, ext := range FileExtensions() {
		if !strings.Contains(filesAllowed, ext+",") && !strings.Contains(filesAllowed, ext+")") {
			t.Errorf("the message does not list %s: %s", ext, filesAllowed)
		}
	}
}
