// Package imagestest makes the pictures that tests of images need: a phone
// photo with the metadata a phone writes (an EXIF block with the
// orientation and a GPS position, an XMP packet, a comment), made in the
// test rather than kept as a file.
package imagestest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// Marker bytes that a published picture must not hold: the GPS position
// and the camera's name written by Photo, and the XMP and comment
// segments' contents.
var (
	GPSMarker     = []byte("GPSMARKER-50.3755N-4.1427W")
	CameraMarker  = []byte("PhoneCamera-Model-X")
	XMPMarker     = []byte("exif:GPSLatitude")
	CommentMarker = []byte("taken-at-school-gate")
)

// Pattern is a picture whose top-left quarter is red and the rest blue, so
// that a test can tell which way up it is.
func Pattern(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	red, blue := color.RGBA{220, 20, 20, 255}, color.RGBA{20, 40, 200, 255}
	for y := range h {
		for x := range w {
			c := blue
			if x < w/2 && y < h/2 {
				c = red
			}
			// Some detail, so that the JPEG is as large as a photo's.
			if (x*7+y*13)%29 < 3 {
				c.G += 60
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// Photo returns a w x h JPEG of Pattern, at quality 95, with an EXIF block
// (the orientation given, the camera's name and a GPS position), an XMP
// packet with a GPS position and a comment, as a phone writes them.
func Photo(w, h, orientation int) []byte {
	var enc bytes.Buffer
	if err := jpeg.Encode(&enc, Pattern(w, h), &jpeg.Options{Quality: 95}); err != nil {
		panic(err)
	}
	b := enc.Bytes()
	var out bytes.Buffer
	out.Write(b[:2]) // SOI
	writeSegment(&out, 0xE1, append([]byte("Exif\x00\x00"), EXIF(orientation)...))
	xmp := "http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:Description " +
		string(XMPMarker) + "=\"50,22.53N\"/></x:xmpmeta>"
	writeSegment(&out, 0xE1, []byte(xmp))
	writeSegment(&out, 0xFE, CommentMarker)
	out.Write(b[2:])
	return out.Bytes()
}

// PNG returns a w x h PNG of Pattern.
func PNG(w, h int) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, Pattern(w, h)); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func writeSegment(b *bytes.Buffer, marker byte, data []byte) {
	b.Write([]byte{0xFF, marker})
	_ = binary.Write(b, binary.BigEndian, uint16(len(data)+2))
	b.Write(data)
}

// EXIF returns a little-endian TIFF block with IFD0 holding Make (the
// camera marker), Orientation and a pointer to a GPS IFD, which holds the
// GPS marker as GPSLatitudeRef's neighbour (a GPSAreaInformation string).
func EXIF(orientation int) []byte {
	le := binary.LittleEndian
	var t bytes.Buffer
	t.WriteString("II")
	_ = binary.Write(&t, le, uint16(42))
	_ = binary.Write(&t, le, uint32(8))
	// IFD0 at 8: 3 entries (2 + 3*12 + 4 = 42 bytes), then its data.
	const ifd0Len = 2 + 3*12 + 4
	makeAt := uint32(8 + ifd0Len)
	gpsAt := makeAt + uint32(len(CameraMarker)) + 1
	entry := func(tag, typ uint16, count, value uint32) {
		_ = binary.Write(&t, le, tag)
		_ = binary.Write(&t, le, typ)
		_ = binary.Write(&t, le, count)
		_ = binary.Write(&t, le, value)
	}
	_ = binary.Write(&t, le, uint16(3))
	entry(0x010F, 2, uint32(len(CameraMarker))+1, makeAt) // Make, ASCII
	entry(0x0112, 3, 1, uint32(orientation))              // Orientation, SHORT
	entry(0x8825, 4, 1, gpsAt)                            // GPSInfo IFD pointer
	_ = binary.Write(&t, le, uint32(0))                   // no IFD1
	t.Write(CameraMarker)
	t.WriteByte(0)
	// GPS IFD: GPSLatitudeRef "N", GPSAreaInformation (the marker).
	areaAt := gpsAt + 2 + 2*12 + 4
	_ = binary.Write(&t, le, uint16(2))
	entry(0x0001, 2, 2, uint32('N'))
	entry(0x001C, 7, uint32(len(GPSMarker)), areaAt)
	_ = binary.Write(&t, le, uint32(0))
	t.Write(GPSMarker)
	return t.Bytes()
}

// WebP returns a lossy WebP of 1 x 1 pixels (the smallest valid one).
func WebP() []byte {
	return []byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00\x30\x01\x00\x9d\x01\x2a\x01\x00\x01\x00\x02\x00\x34\x25\xa4\x00\x03\x70\x00\xfe\xfb\x94\x00\x00")
}
