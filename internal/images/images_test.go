package images

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/images/imagestest"
)

func TestOrientation(t *testing.T) {
	plain := imagestest.PNG(4, 4) // not a JPEG at all
	var noEXIF bytes.Buffer
	_ = jpeg.Encode(&noEXIF, imagestest.Pattern(8, 8), nil)
	bigEndian := func(o uint16) []byte {
		// MM, 42, IFD0 at 8, one entry: Orientation SHORT 1 o.
		t := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, byte(o >> 8), byte(o), 0, 0, 0, 0, 0, 0, 0, 0}
		return jpegWithAPP1(t)
	}
	tests := []struct {
		name string
		b    []byte
		want int
	}{
		{"phone photo, turned", imagestest.Photo(40, 30, 6), 6},
		{"phone photo, upright", imagestest.Photo(40, 30, 1), 1},
		{"phone photo, anticlockwise", imagestest.Photo(40, 30, 8), 8},
		{"big-endian EXIF", bigEndian(3), 3},
		{"out of range value", bigEndian(9), 1},
		{"zero value", bigEndian(0), 1},
		{"no EXIF", noEXIF.Bytes(), 1},
		{"PNG", plain, 1},
		{"empty", nil, 1},
		{"truncated EXIF", imagestest.Photo(40, 30, 6)[:30], 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Orientation(tc.b); got != tc.want {
				t.Errorf("Orientation = %d, want %d", got, tc.want)
			}
		})
	}
}

func jpegWithAPP1(tiff []byte) []byte {
	var b bytes.Buffer
	_ = jpeg.Encode(&b, imagestest.Pattern(8, 8), nil)
	data := append([]byte("Exif\x00\x00"), tiff...)
	n := len(data) + 2
	out := append([]byte{0xFF, 0xD8, 0xFF, 0xE1, byte(n >> 8), byte(n)}, data...)
	return append(out, b.Bytes()[2:]...)
}

// FuzzOrientation: any bytes give an orientation from 1 to 8, without
// panicking or reading outside the input.
func FuzzOrientation(f *testing.F) {
	f.Add(imagestest.Photo(16, 12, 6)[:400])
	f.Add(jpegWithAPP1([]byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06"))[:40])
	f.Add([]byte("\xFF\xD8\xFF\xE1\x00\x10Exif\x00\x00II\x2a\x00\xff\xff\xff\x7f"))
	f.Add([]byte("\xFF\xD8\xFF\xFF\xFF\xE1\x00\x02\xFF\xDA"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if o := Orientation(b); o < 1 || o > 8 {
			t.Fatalf("Orientation = %d", o)
		}
	})
}

func TestProbe(t *testing.T) {
	tests := []struct {
		name    string
		b       []byte
		want    Info
		wantErr string
	}{
		{"turned phone photo", imagestest.Photo(400, 300, 6), Info{Format: "jpeg", Width: 300, Height: 400, Orientation: 6}, ""},
		{"upright phone photo", imagestest.Photo(400, 300, 1), Info{Format: "jpeg", Width: 400, Height: 300, Orientation: 1}, ""},
		{"PNG", imagestest.PNG(50, 20), Info{Format: "png", Width: 50, Height: 20, Orientation: 1, Alpha: true}, ""},
		{"WebP", imagestest.WebP(), Info{Format: "webp", Width: 1, Height: 1, Orientation: 1}, ""},
		{"text renamed .jpg", []byte("hello, this is not a picture"), Info{}, "not a JPEG, PNG, WebP or GIF"},
		{"cut short", imagestest.Photo(400, 300, 1)[:100], Info{}, "ends early"},
		{"too many pixels", pngHeader(20000, 10000), Info{}, "200 million"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Probe(tc.b)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("Probe = %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

// pngHeader is the start of a PNG of w x h pixels: enough for its size.
func pngHeader(w, h int) []byte {
	b := imagestest.PNG(1, 1)
	ihdr := b[16:24]
	ihdr[0], ihdr[1], ihdr[2], ihdr[3] = byte(w>>24), byte(w>>16), byte(w>>8), byte(w)
	ihdr[4], ihdr[5], ihdr[6], ihdr[7] = byte(h>>24), byte(h>>16), byte(h>>8), byte(h)
	binary.BigEndian.PutUint32(b[29:33], crc32.ChecksumIEEE(b[12:29]))
	return b[:33]
}

func TestProbeSVG(t *testing.T) {
	tests := []struct {
		svg  string
		w, h int
		ok   bool
	}{
		{`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 240" width="400" height="240">`, 400, 240, true},
		{`<?xml version="1.0"?><!-- a chart --><svg viewBox="0,0,420.4,250">`, 420, 250, true},
		{`<svg width="300px" height="150px">`, 300, 150, true},
		{`<svg width="100%" height="100%">`, 0, 0, false},
		{`<html><svg width="1" height="1">`, 0, 0, false},
		{`not xml`, 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.svg, func(t *testing.T) {
			got, ok := ProbeSVG([]byte(tc.svg))
			if ok != tc.ok || got.Width != tc.w || got.Height != tc.h {
				t.Errorf("ProbeSVG = %+v, %v; want %dx%d, %v", got, ok, tc.w, tc.h, tc.ok)
			}
		})
	}
}

func TestSizes(t *testing.T) {
	tests := []struct {
		w, h int
		want []Size
	}{
		{3000, 4000, []Size{{480, 640}, {960, 1280}, {1600, 2133}}},
		{4000, 3000, []Size{{480, 360}, {960, 720}, {1600, 1200}}},
		{1600, 900, []Size{{480, 270}, {960, 540}}},
		{1200, 800, []Size{{480, 320}, {960, 640}, {1200, 800}}},
		{400, 240, []Size{{400, 240}}},
		{480, 10, []Size{{480, 10}}},
		{20000, 3, []Size{{480, 1}, {960, 1}, {1600, 1}}},
	}
	for _, tc := range tests {
		got := Sizes(Info{Width: tc.w, Height: tc.h})
		if len(got) != len(tc.want) {
			t.Errorf("Sizes(%dx%d) = %v, want %v", tc.w, tc.h, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("Sizes(%dx%d) = %v, want %v", tc.w, tc.h, got, tc.want)
			}
		}
	}
}

// TestMakeRemovesMetadataAndTurns makes the published sizes of a phone
// photo: they hold none of the camera's metadata, are turned the right way
// up, have the sizes planned, and are smaller than the photo.
func TestMakeRemovesMetadataAndTurns(t *testing.T) {
	for _, o := range []int{1, 3, 6, 8} {
		t.Run("orientation "+string(rune('0'+o)), func(t *testing.T) {
			photo := imagestest.Photo(800, 600, o)
			info, err := Probe(photo)
			if err != nil {
				t.Fatal(err)
			}
			sizes := Sizes(info)
			out, err := Make(photo, info, sizes)
			if err != nil {
				t.Fatal(err)
			}
			for i, b := range out {
				for _, m := range [][]byte{imagestest.GPSMarker, imagestest.CameraMarker, imagestest.XMPMarker, imagestest.CommentMarker, []byte("Exif\x00")} {
					if bytes.Contains(b, m) {
						t.Errorf("size %d holds %q", i, m)
					}
				}
				img, err := jpeg.Decode(bytes.NewReader(b))
				if err != nil {
					t.Fatal(err)
				}
				if got := img.Bounds().Size(); got != image.Pt(sizes[i].Width, sizes[i].Height) {
					t.Errorf("size %d is %v, want %v", i, got, sizes[i])
				}
				if len(b) >= len(photo) {
					t.Errorf("size %d has %d bytes, the photo %d", i, len(b), len(photo))
				}
				checkRedCorner(t, img, o)
			}
		})
	}
}

// checkRedCorner checks that the red quarter of the pattern is where the
// orientation puts it when the photo is shown: top-left as stored, which a
// camera held turned shows elsewhere.
func checkRedCorner(t *testing.T, img image.Image, o int) {
	t.Helper()
	b := img.Bounds()
	corners := map[string]image.Point{
		"top-left": {b.Dx() / 8, b.Dy() / 8}, "top-right": {b.Dx() * 7 / 8, b.Dy() / 8},
		"bottom-left": {b.Dx() / 8, b.Dy() * 7 / 8}, "bottom-right": {b.Dx() * 7 / 8, b.Dy() * 7 / 8},
	}
	want := map[int]string{1: "top-left", 3: "bottom-right", 6: "top-right", 8: "bottom-left"}[o]
	for name, p := range corners {
		r, _, _, _ := img.At(p.X, p.Y).RGBA()
		if red := r > 0x8000; red != (name == want) {
			t.Errorf("orientation %d: %s is red: %v (want the red quarter at %s)", o, name, red, want)
		}
	}
}

func TestMakeKeepsTransparencyInPNG(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 600, 100))
	img.Set(1, 1, color.NRGBA{255, 0, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	info, err := Probe(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	out, err := Make(b.Bytes(), info, Sizes(info))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || !bytes.HasPrefix(out[0], []byte("\x89PNG")) {
		t.Fatalf("want two PNG sizes, got %d", len(out))
	}
	dec, _, err := image.Decode(bytes.NewReader(out[1]))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := dec.At(300, 50).RGBA(); a != 0 {
		t.Errorf("a transparent pixel has alpha %d", a)
	}
}

// TestCache: a second Make of the same picture reads what the first made,
// byte for byte, and is many times faster.
func TestCache(t *testing.T) {
	dir := t.TempDir()
	c := NewCache(dir)
	photo := imagestest.Photo(1200, 900, 6)
	info, _ := Probe(photo)
	sizes := Sizes(info)
	start := time.Now()
	first, err := c.Make(photo, info, sizes)
	if err != nil {
		t.Fatal(err)
	}
	made := time.Since(start)
	files, _ := filepath.Glob(filepath.Join(dir, "images", "*", "*"))
	if len(files) != len(sizes) {
		t.Fatalf("the cache holds %d files, want %d", len(files), len(sizes))
	}
	// Change a cached file: a second Make must return it, proving it read
	// the cache rather than making the sizes again.
	if err := os.WriteFile(files[0], []byte("cached"), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := c.Make(photo, info, sizes)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for i := range second {
		if string(second[i]) == "cached" {
			found = true
		} else if !bytes.Equal(first[i], second[i]) {
			t.Errorf("size %d differs from the cache's", i)
		}
	}
	if !found {
		t.Errorf("the second Make did not read the cache")
	}
	t.Logf("made in %v", made)
	// A changed picture is a different key.
	other := imagestest.Photo(1200, 900, 1)
	oinfo, _ := Probe(other)
	third, err := c.Make(other, oinfo, Sizes(oinfo))
	if err != nil || string(third[0]) == "cached" {
		t.Errorf("a different picture was served from the cache")
	}
}

// TestMakeWebP: a WebP without transparency is published as JPEG.
func TestMakeWebP(t *testing.T) {
	info, err := Probe(imagestest.WebP())
	if err != nil {
		t.Fatal(err)
	}
	out, err := Make(imagestest.WebP(), info, Sizes(info))
	if err != nil || len(out) != 1 || !bytes.HasPrefix(out[0], []byte("\xFF\xD8")) || Ext(info, ".webp") != ".jpg" {
		t.Fatalf("Make = %d sizes, %v; want one JPEG named .jpg", len(out), err)
	}
}

func TestKindOf(t *testing.T) {
	tests := map[string]Kind{
		"files/Reading corner.JPG": Photo, "a.jpeg": Photo, "a.png": Photo, "a.webp": Photo,
		"chart.svg": AsIs, "a.gif": AsIs, "IMG_0001.HEIC": Unsupported, "plan.pdf": Other, "jpg": Other,
	}
	for name, want := range tests {
		if got := KindOf(name); got != want {
			t.Errorf("KindOf(%q) = %v, want %v", name, got, want)
		}
	}
}

// BenchmarkMake times making the sizes of a 12-megapixel phone photo
// (4000 x 3000, held turned): the cost per photo of a build without the
// cache.
func BenchmarkMake(b *testing.B) {
	photo := imagestest.Photo(4000, 3000, 6)
	info, err := Probe(photo)
	if err != nil {
		b.Fatal(err)
	}
	sizes := Sizes(info)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Make(photo, info, sizes); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCacheHit times the same photo's sizes read from the cache:
// hashing the photo and reading three files.
func BenchmarkCacheHit(b *testing.B) {
	photo := imagestest.Photo(4000, 3000, 6)
	info, _ := Probe(photo)
	sizes := Sizes(info)
	c := NewCache(b.TempDir())
	if _, err := c.Make(photo, info, sizes); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Make(photo, info, sizes); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMakeKeepsColourProfile: a JPEG's ICC profile (APP2) is copied into
// each size, as the only segment kept; the EXIF block is not.
func TestMakeKeepsColourProfile(t *testing.T) {
	photo := imagestest.Photo(1000, 750, 1)
	icc := append([]byte("ICC_PROFILE\x00\x01\x01"), []byte("display-p3-profile-bytes")...)
	seg := append([]byte{0xFF, 0xE2, 0, byte(len(icc) + 2)}, icc...)
	withICC := append(append(append([]byte{}, photo[:2]...), seg...), photo[2:]...)
	info, err := Probe(withICC)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Make(withICC, info, Sizes(info))
	if err != nil {
		t.Fatal(err)
	}
	for i, b := range out {
		if !bytes.Contains(b, icc) {
			t.Errorf("size %d lacks the colour profile", i)
		}
		if bytes.Contains(b, imagestest.GPSMarker) {
			t.Errorf("size %d holds the GPS position", i)
		}
		if _, err := jpeg.Decode(bytes.NewReader(b)); err != nil {
			t.Errorf("size %d: %v", i, err)
		}
	}
}
