package images

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"

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

// scale returns src at w x h pixels (no larger than src), as RGBA: src
// itself, converted, if it is that size already.
func scale(src image.Image, w, h int) *image.RGBA {
	rgba, ok := src.(*image.RGBA)
	if !ok || rgba.Bounds().Min != (image.Point{}) {
		rgba = image.NewRGBA(image.Rect(0, 0, src.Bounds().Dx(), src.Bounds().Dy()))
		draw.Draw(rgba, rgba.Bounds(), src, src.Bounds().Min, draw.Src)
	}
	if rgba.Bounds().Dx() == w && rgba.Bounds().Dy() == h {
		return rgba
	}
	return shrink(rgba, w, h)
}

// shrink scales src down to w x h by area averaging: each pixel of the
// result is the mean of the part of src it covers, weighing the pixels at
// its edges by how much of them it covers. It keeps fine detail from
// turning into moiré, as a photo needs, and works a row at a time, so
// that it needs little memory besides the result (golang.org/x/image's
// Catmull-Rom scaler holds 200 MB of sums for a 12-megapixel photo).
// The pixels are premultiplied, so transparent ones average correctly.
func shrink(src *image.RGBA, w, h int) *image.RGBA {
	sw, sh := src.Bounds().Dx(), src.Bounds().Dy()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	cols := spans(sw, w)
	rows := spans(sh, h)
	row := make([]float32, 4*w) // one source row, shrunk across
	acc := make([]float32, 4*w) // the weighted sum of rows for one result row
	norm := float32(w) * float32(h) / (float32(sw) * float32(sh))
	for y, rs := range rows {
		clear(acc)
		for _, r := range rs {
			shrinkRow(row, src.Pix[r.i*src.Stride:r.i*src.Stride+4*sw], cols)
			for k := range acc {
				acc[k] += r.w * row[k]
			}
		}
		out := dst.Pix[y*dst.Stride : y*dst.Stride+4*w]
		for k, v := range acc {
			out[k] = uint8(min(255, v*norm+0.5))
		}
	}
	return dst
}

// share is a source pixel (or row) and how much of it a result pixel
// covers, from 0 to 1.
type share struct {
	i int
	w float32
}

// spans returns, for each of n result pixels along a line of m source
// pixels (n <= m), the source pixels it covers and by how much.
func spans(m, n int) [][]share {
	out := make([][]share, n)
	scale := float64(m) / float64(n)
	for j := range n {
		lo, hi := float64(j)*scale, float64(j+1)*scale
		for i := int(lo); i < m && float64(i) < hi; i++ {
			cover := min(hi, float64(i+1)) - max(lo, float64(i))
			if cover > 1e-9 {
				out[j] = append(out[j], share{i, float32(cover)})
			}
		}
	}
	return out
}

// shrinkRow sums one source row's RGBA bytes into the result's columns.
func shrinkRow(row []float32, pix []uint8, cols [][]share) {
	for x, cs := range cols {
		var r, g, b, a float32
		for _, c := range cs {
			p := pix[4*c.i : 4*c.i+4 : 4*c.i+4]
			r += c.w * float32(p[0])
			g += c.w * float32(p[1])
			b += c.w * float32(p[2])
			a += c.w * float32(p[3])
		}
		row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = r, g, b, a
	}
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
