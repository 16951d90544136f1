package render

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	qr "github.com/piglig/go-qr"
)

// qrQuietZone is the light border round a QR code, in modules: the
// standard asks for 4, and a scanner may not find a code without it.
const qrQuietZone = 4

// qrCode draws a QR code of address as an inline SVG, made at build time
// so that a printed letter leads to the page without a request to any
// other site. It uses medium error correction (15% of the code may be
// lost), for paper that comes home creased in a book bag. Each row's runs
// of dark modules are one path, drawn on a white square that the page's
// colours cannot change, since a scanner needs dark on light.
func qrCode(address string) (template.HTML, error) {
	return qrCodeIn(english(), address)
}

// qrCodeIn is qrCode labelled in l's language.
func qrCodeIn(l lang, address string) (template.HTML, error) {
	code, err := qr.EncodeText(address, qr.Medium)
	if err != nil {
		return "", fmt.Errorf("qrCode %q: %w", address, err)
	}
	n := code.Size()
	side := n + 2*qrQuietZone
	var path strings.Builder
	for y := range n {
		for x := 0; x < n; {
			if !code.Module(x, y) {
				x++
				continue
			}
			run := 1
			for code.Module(x+run, y) {
				run++
			}
			fmt.Fprintf(&path, "M%d %dh%dv1h-%dz", x+qrQuietZone, y+qrQuietZone, run, run)
			x += run
		}
	}
	label := html.EscapeString(l.c.T("letter.qr_label", "address", address))
	return template.HTML(fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" viewBox="0 0 %d %d" role="img" aria-label="%s" shape-rendering="crispEdges"><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="%s"/></svg>`,
		side, side, label, side, side, path.String())), nil
}
