package images

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
	"golang.org/x/image/webp"
)

// Quality is the JPEG quality of the published sizes: a photo's detail is
// kept at a third to a tenth of a phone's bytes.
const Quality = 80

// Make decodes a picture (whose Probe gave info) and returns it at each of
// sizes (as shown, from Sizes), turned by its EXIF orientation and encoded
// as Ext says. What the camera wrote is not copied, but for the colour
// profile of a JPEG (an APP2 ICC_PROFILE segment), without which a wide
// gamut photo looks washed out; a profile holds no place, time or person.
func Make(b []byte, info Info, sizes []Size) ([][]byte, error) {
	src, err := decode(b, info.Format)
	if err != nil {
		return nil, describe(err)
	}
	var icc []segment
	if info.Format == "jpeg" {
		icc = iccSegments(b)
	}
	out := make([][]byte, len(sizes))
	// From the largest size down, each made from the one before: the
	// source is scaled once, and a smaller size from a larger is cheap.
	from := src
	for i := len(sizes) - 1; i >= 0; i-- {
		s := sizes[i]
		w, h := s.Width, s.Height
		if info.Orientation >= 5 {
			w, h = h, w // the size as stored, before turning
		}
		scaledImg := scale(from, w, h)
		from = scaledImg
		var enc bytes.Buffer
		shown := orient(scaledImg, info.Orientation)
		if info.asPNG() {
			err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&enc, shown)
		} else {
			err = jpeg.Encode(&enc, shown, &jpeg.Options{Quality: Quality})
		}
		if err != nil {
			return nil, fmt.Errorf("encoding the %d pixels wide size: %w", s.Width, err)
		}
		out[i] = enc.Bytes()
		if len(icc) > 0 {
			out[i] = withSegments(out[i], icc)
		}
	}
	return out, nil
}

func decode(b []byte, format string) (image.Image, error) {
	r := bytes.NewReader(b)
	switch format {
	case "jpeg":
		return jpeg.Decode(r)
	case "png":
		return png.Decode(r)
	case "webp":
		return webp.Decode(r)
	}
	return nil, fmt.Errorf("%s pictures are published as they are", format)
}

// scale returns src at w x h pixels, as RGBA: src itself, converted, if it
// is that size already.
func scale(src image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if src.Bounds().Dx() == w && src.Bounds().Dy() == h {
		if rgba, ok := src.(*image.RGBA); ok && rgba.Bounds().Min == (image.Point{}) {
			return rgba
		}
		draw.Draw(dst, dst.Bounds(), src, src.Bounds().Min, draw.Src)
		return dst
	}
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
}

// orient turns a picture stored with EXIF orientation o so that it is
// shown the right way up: each pixel (x, y) of the result is taken from
// the stored picture at the place the orientation says.
func orient(src *image.RGBA, o int) *image.RGBA {
	if o <= 1 || o > 8 {
		return src
	}
	sw, sh := src.Bounds().Dx(), src.Bounds().Dy()
	w, h := sw, sh
	if o >= 5 {
		w, h = sh, sw
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			var sx, sy int
			switch o {
			case 2: // mirrored
				sx, sy = sw-1-x, y
			case 3: // upside down
				sx, sy = sw-1-x, sh-1-y
			case 4: // mirrored upside down
				sx, sy = x, sh-1-y
			case 5: // mirrored, turned a quarter anticlockwise
				sx, sy = y, x
			case 6: // turned a quarter clockwise to be shown
				sx, sy = y, sh-1-x
			case 7: // mirrored, turned a quarter clockwise
				sx, sy = sw-1-y, sh-1-x
			case 8: // turned a quarter anticlockwise to be shown
				sx, sy = sw-1-y, x
			}
			i, j := src.PixOffset(sx, sy), dst.PixOffset(x, y)
			copy(dst.Pix[j:j+4], src.Pix[i:i+4])
		}
	}
	return dst
}

// iccSegments returns the APP2 ICC_PROFILE segments of a JPEG.
func iccSegments(b []byte) []segment {
	var out []segment
	for _, s := range segments(b) {
		if s.marker == 0xE2 && bytes.HasPrefix(s.data, []byte("ICC_PROFILE\x00")) {
			out = append(out, s)
		}
	}
	return out
}

// withSegments returns a JPEG with segs written after its start marker.
func withSegments(jpg []byte, segs []segment) []byte {
	out := make([]byte, 0, len(jpg)+len(segs)*600)
	out = append(out, jpg[:2]...)
	for _, s := range segs {
		n := len(s.data) + 2
		out = append(out, 0xFF, s.marker, byte(n>>8), byte(n))
		out = append(out, s.data...)
	}
	return append(out, jpg[2:]...)
}
