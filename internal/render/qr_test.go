package render

import (
	"html"
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	qr "github.com/piglig/go-qr"
)

// TestQRCode reads the drawn code back: the SVG's path is painted into an
// image, module by module, and the library's decoder must find the
// address in it. A mistake in drawing (a run one module short, the quiet
// zone forgotten) fails here.
func TestQRCode(t *testing.T) {
	tests := []string{
		"https://parents.example.org/schools/brackenwood-primary-school/",
		"https://example.org/parents/schools/ysgol-gymraeg-llanfairpwllgwyngyll/",
		"https://example.org/schools/szko%C5%82a/?a=1&b=<2>",
	}
	box := regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)"`)
	run := regexp.MustCompile(`M(\d+) (\d+)h(\d+)v1h-(\d+)z`)
	for _, address := range tests {
		t.Run(address, func(t *testing.T) {
			h, err := qrCode(address)
			if err != nil {
				t.Fatal(err)
			}
			svg := string(h)
			m := box.FindStringSubmatch(svg)
			if m == nil {
				t.Fatalf("no viewBox in %s", svg)
			}
			side, _ := strconv.Atoi(m[1])
			const scale = 4
			img := image.NewGray(image.Rect(0, 0, side*scale, side*scale))
			for i := range img.Pix {
				img.Pix[i] = 255
			}
			for _, r := range run.FindAllStringSubmatch(svg, -1) {
				x, _ := strconv.Atoi(r[1])
				y, _ := strconv.Atoi(r[2])
				n, _ := strconv.Atoi(r[3])
				if x < qrQuietZone || y < qrQuietZone || x+n > side-qrQuietZone || y >= side-qrQuietZone {
					t.Errorf("run at %d,%d of %d is in the quiet zone", x, y, n)
				}
				for px := x * scale; px < (x+n)*scale; px++ {
					for py := y * scale; py < (y+1)*scale; py++ {
						img.SetGray(px, py, color.Gray{})
					}
				}
			}
			got, err := qr.Decode(img)
			if err != nil || got != address {
				t.Errorf("decoded %q, %v; want %q", got, err, address)
			}
			if want := `aria-label="QR code for ` + html.EscapeString(address) + `"`; !strings.Contains(svg, want) {
				t.Errorf("svg lacks %s", want)
			}
		})
	}
}
