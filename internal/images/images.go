// Package images prepares the pictures in a school's files/ folder for the
// web: it reads their size and orientation (Probe), and makes each of the
// sizes a page offers a phone and a desktop (Make), turned the right way up
// and encoded again, so that nothing of what the camera wrote (EXIF, GPS
// position and time, XMP, comments) is published. A Cache keeps what it
// made, by the picture's bytes, for the next build.
//
// JPEG, PNG and WebP are read; the sizes are published as JPEG, or PNG for
// a PNG or a WebP with transparency (golang.org/x/image/webp only decodes).
// GIF and SVG pictures are published as they are: only their size is read.
package images

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	"golang.org/x/image/webp"
)

// Kind is what the build does with a file of files/, by its name.
type Kind int

const (
	// Other files are published as they are.
	Other Kind = iota
	// Photo: JPEG, PNG or WebP, published only in sizes made from it.
	Photo
	// AsIs: SVG or GIF, published as it is; its size is read for the page.
	AsIs
	// Unsupported: a picture format browsers cannot show (HEIC), refused.
	Unsupported
)

// KindOf says what a file is, by its extension in any case.
func KindOf(name string) Kind {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".webp":
		return Photo
	case ".svg", ".gif":
		return AsIs
	case ".heic", ".heif":
		return Unsupported
	}
	return Other
}

// MaxPixels is the largest picture read: more than the largest phone
// photo (200 megapixels sensors save 50 by default), and small enough that
// two decoded at once fit in memory. A larger picture is refused with a
// message that says how to make it smaller; any smaller one is resized.
const MaxPixels = 120_000_000

// Info is what Probe reads of a picture.
type Info struct {
	Format string // "jpeg", "png", "webp", "gif" or "svg"
	// Width and Height are as the picture is shown: turned by Orientation.
	Width, Height int
	Orientation   int  // EXIF orientation, 1 to 8 (1: as stored)
	Alpha         bool // it may have transparent pixels (PNG, WebP)
}

// Probe reads a picture's format and size, without decoding its pixels.
func Probe(b []byte) (Info, error) {
	var info Info
	r := bytes.NewReader(b)
	switch {
	case bytes.HasPrefix(b, []byte("\xFF\xD8")):
		c, err := jpeg.DecodeConfig(r)
		if err != nil {
			return info, describe(err)
		}
		info = Info{Format: "jpeg", Width: c.Width, Height: c.Height, Orientation: Orientation(b)}
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		c, err := png.DecodeConfig(r)
		if err != nil {
			return info, describe(err)
		}
		info = Info{Format: "png", Width: c.Width, Height: c.Height, Orientation: 1, Alpha: true}
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		c, err := webp.DecodeConfig(r)
		if err != nil {
			return info, describe(err)
		}
		// A lossy WebP without an alpha channel decodes as YCbCr.
		info = Info{Format: "webp", Width: c.Width, Height: c.Height, Orientation: 1, Alpha: c.ColorModel != color.YCbCrModel}
	case bytes.HasPrefix(b, []byte("GIF8")):
		c, err := gif.DecodeConfig(r)
		if err != nil {
			return info, describe(err)
		}
		return Info{Format: "gif", Width: c.Width, Height: c.Height, Orientation: 1}, nil
	default:
		return info, errors.New("it is not a JPEG, PNG, WebP or GIF picture (it may have been renamed)")
	}
	if info.Width <= 0 || info.Height <= 0 {
		return info, errors.New("it has no pixels")
	}
	if float64(info.Width)*float64(info.Height) > MaxPixels {
		return info, fmt.Errorf("it is %d x %d pixels (%.0f million), more than the %d million that a picture may have; make it smaller in a photo editor (4000 pixels wide is plenty) and save it again",
			info.Width, info.Height, float64(info.Width)*float64(info.Height)/1e6, MaxPixels/1_000_000)
	}
	if info.Orientation >= 5 {
		info.Width, info.Height = info.Height, info.Width
	}
	return info, nil
}

// Refusal is the message for a picture that cannot be published, which
// Probe or Make gave err about.
func Refusal(err error) string {
	return "this picture cannot be published: " + err.Error() + "; open it in a photo app and save (or export) it again as JPEG, or remove it from files/"
}

func describe(err error) error {
	// image/jpeg reports a file cut inside its image data as short data.
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || strings.Contains(err.Error(), "short Huffman data") {
		return errors.New("the file ends early (it may not have finished copying)")
	}
	return fmt.Errorf("it cannot be read as a picture (%v)", err)
}

// ProbeSVG reads an SVG picture's size from its root element's width and
// height (in pixels or without a unit), else its viewBox; ok is false if
// it has neither.
func ProbeSVG(b []byte) (Info, bool) {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.RawToken()
		if err != nil {
			return Info{}, false
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if el.Name.Local != "svg" {
			return Info{}, false
		}
		var w, h float64
		var box []string
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "width":
				w = svgLength(a.Value)
			case "height":
				h = svgLength(a.Value)
			case "viewBox":
				box = strings.Fields(strings.ReplaceAll(a.Value, ",", " "))
			}
		}
		if (w <= 0 || h <= 0) && len(box) == 4 {
			w, h = svgLength(box[2]), svgLength(box[3])
		}
		if w <= 0 || h <= 0 || w > 1e5 || h > 1e5 {
			return Info{}, false
		}
		return Info{Format: "svg", Width: int(math.Round(w)), Height: int(math.Round(h)), Orientation: 1}, true
	}
}

// svgLength reads a length in pixels ("400", "400px"), or returns 0.
func svgLength(s string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// Widths are the widths, in pixels, that a photo is published at, where
// it is that wide: a phone's screen, a phone's at twice the density or a
// narrow desktop column, and a wide desktop's.
var widths = [...]int{480, 960, 1600}

// Size is one size a picture is published at.
type Size struct {
	Width, Height int
}

// Sizes returns the sizes a picture of info is published at, smallest
// first: each of 480, 960 and 1600 pixels wide that is narrower than the
// picture, and the picture's own width if it is less than 1600.
func Sizes(info Info) []Size {
	var out []Size
	for _, w := range widths {
		if w >= info.Width {
			break
		}
		out = append(out, Size{w, scaled(info.Height, w, info.Width)})
	}
	if info.Width < widths[len(widths)-1] {
		out = append(out, Size{info.Width, info.Height})
	}
	return out
}

// scaled returns v*num/den rounded, at least 1.
func scaled(v, num, den int) int {
	return max(1, int(math.Round(float64(v)*float64(num)/float64(den))))
}

// Ext is the file extension of a picture's published sizes: the source's
// own (ext, as written) for JPEG and PNG, else ".jpg" or ".png".
func Ext(info Info, ext string) string {
	switch {
	case info.Format == "jpeg" || info.Format == "png":
		return ext
	case info.asPNG():
		return ".png"
	}
	return ".jpg"
}

// asPNG says whether the sizes are PNG: a PNG's (a screenshot or a chart,
// whose sharp edges JPEG would blur), or a WebP's with transparency.
func (info Info) asPNG() bool {
	return info.Format == "png" || info.Format == "webp" && info.Alpha
}
