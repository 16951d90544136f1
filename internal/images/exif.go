package images

import "encoding/binary"

// Orientation returns the EXIF orientation of a JPEG (1 to 8: how the
// camera was held, which the pictures published must be turned by), or 1
// if it has none or the EXIF block cannot be read. It reads the Orientation
// tag of IFD0 in the first APP1 "Exif" segment, and nothing else, so that
// no bytes of a malformed block are trusted further than that tag.
func Orientation(jpeg []byte) int {
	exif, ok := exifBlock(jpeg)
	if !ok {
		return 1
	}
	return tiffOrientation(exif)
}

// exifBlock returns the TIFF data of the first APP1 "Exif" segment of a
// JPEG, looking at the segments before the image data.
func exifBlock(b []byte) ([]byte, bool) {
	for _, s := range segments(b) {
		if s.marker == 0xE1 && len(s.data) >= 6 && string(s.data[:6]) == "Exif\x00\x00" {
			return s.data[6:], true
		}
	}
	return nil, false
}

// segment is one marker segment of a JPEG before its image data: the
// marker (0xE1 for APP1) and the bytes after its length.
type segment struct {
	marker byte
	data   []byte
}

// segments lists a JPEG's marker segments from its start to the start of
// its image data (SOS), stopping where the file is not well formed.
func segments(b []byte) []segment {
	if len(b) < 2 || b[0] != 0xFF || b[1] != 0xD8 {
		return nil
	}
	var out []segment
	i := 2
	for i+4 <= len(b) {
		if b[i] != 0xFF {
			return out
		}
		m := b[i+1]
		if m == 0xFF { // fill byte before a marker
			i++
			continue
		}
		if m == 0xD8 || m == 0x01 || (m >= 0xD0 && m <= 0xD7) {
			i += 2 // a marker without a length
			continue
		}
		if m == 0xDA || m == 0xD9 {
			return out // the image data (or the end) starts here
		}
		n := int(binary.BigEndian.Uint16(b[i+2:]))
		if n < 2 || i+2+n > len(b) {
			return out
		}
		out = append(out, segment{marker: m, data: b[i+4 : i+2+n]})
		i += 2 + n
	}
	return out
}

// tiffOrientation reads tag 0x0112 (Orientation, a SHORT) from IFD0 of
// TIFF data, or returns 1.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var order binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		order = binary.LittleEndian
	case "MM":
		order = binary.BigEndian
	default:
		return 1
	}
	if order.Uint16(t[2:]) != 42 {
		return 1
	}
	ifd := int64(order.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > int64(len(t)) {
		return 1
	}
	n := int64(order.Uint16(t[ifd:]))
	for e := ifd + 2; e+12 <= int64(len(t)) && e < ifd+2+12*n; e += 12 {
		const tagOrientation, typeShort = 0x0112, 3
		if order.Uint16(t[e:]) != tagOrientation {
			continue
		}
		if order.Uint16(t[e+2:]) != typeShort || order.Uint32(t[e+4:]) != 1 {
			return 1
		}
		if v := int(order.Uint16(t[e+8:])); v >= 1 && v <= 8 {
			return v
		}
		return 1
	}
	return 1
}
