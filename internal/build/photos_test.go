package build

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/parentpages/parentpages/internal/images"
	"github.com/parentpages/parentpages/internal/images/imagestest"
)

// phonePhoto is a photo as a phone saves it, taken with the phone held
// upright (EXIF orientation 6), with its GPS position, camera, XMP packet
// and a comment: 2400 x 1800, larger than every size it is published in
// (a 12-megapixel one costs the tests three times as long, to no more
// effect; the README gives its figures).
var phonePhoto = sync.OnceValue(func() []byte { return imagestest.Photo(2400, 1800, 6) })

const (
	photoSchool = "schools/brackenwood-primary-school/"
	photoUpdate = photoSchool + "updates/2026-11-25-reading-week.md"
	photoPage   = photoSchool + "updates/reading-week/index.html"
)

// photoContent copies the example and adds an update with the phone photo
// (whose name has a space, as a PSA's may) and the phonics chart after it.
func photoContent(t *testing.T) string {
	t.Helper()
	content := copyExample(t)
	write(t, filepath.Join(content, photoSchool, "files", "Reading corner.JPG"), phonePhoto())
	write(t, filepath.Join(content, photoUpdate), []byte(`---
title: Reading week
---

The new reading corner:

![Books and beanbags in the reading corner](../files/Reading corner.JPG)

[The photo, larger](../files/Reading corner.JPG). How phonics results have risen:

![Bar chart of phonics results](../files/phonics-chart.svg)
`))
	return content
}

func write(t *testing.T, p string, b []byte) {
	t.Helper()
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPhotoPublished builds a site with a phone photo: its sizes are
// published without any of the camera's metadata, turned the right way
// up, each smaller than the photo, and the photo itself is not published;
// the page names the sizes (golden file).
func TestPhotoPublished(t *testing.T) {
	content := photoContent(t)
	out := filepath.Join(t.TempDir(), "public")
	cfg := exampleConfig()
	cfg.Mode, cfg.Content, cfg.Out = Write, content, out
	if res, err := Build(context.Background(), cfg); err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diagnostics.Error())
	}
	if _, err := os.Stat(filepath.Join(out, photoSchool, "files", "Reading corner.JPG")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the original photo is published (%v)", err)
	}
	want := map[string]image.Point{"480w": {480, 640}, "960w": {960, 1280}, "1600w": {1600, 2133}}
	for dir, size := range want {
		t.Run(dir, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(out, photoSchool, "images", dir, "Reading corner.JPG"))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range [][]byte{imagestest.GPSMarker, imagestest.CameraMarker, imagestest.XMPMarker, imagestest.CommentMarker, []byte("Exif\x00"), []byte("GPS")} {
				if bytes.Contains(b, m) {
					t.Errorf("holds %q", m)
				}
			}
			if len(b) >= len(phonePhoto())/4 {
				t.Errorf("%d bytes, a quarter of the photo's %d or more", len(b), len(phonePhoto()))
			}
			img, err := jpeg.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got != size {
				t.Errorf("%v, want %v", got, size)
			}
			// Held upright, the camera's top-left (red) is the top right.
			r, _, _, _ := img.At(size.X*7/8, size.Y/8).RGBA()
			l, _, _, _ := img.At(size.X/8, size.Y/8).RGBA()
			if r < 0x8000 || l > 0x8000 {
				t.Errorf("not turned: top right red %x, top left red %x", r, l)
			}
		})
	}
	// The cache is beside the output folder, holding the photo's three
	// sizes (and the three of the example's school picture).
	cached, _ := filepath.Glob(filepath.Join(filepath.Dir(out), images.CacheName, "images", "*", "*"))
	if len(cached) != 6 {
		t.Errorf("the cache holds %d files, want 6", len(cached))
	}
}

// TestPhotoGolden pins the update page with the photo and the chart: the
// photo's srcset, sizes, width and height; the chart's width and height,
// and lazy loading as the second image.
func TestPhotoGolden(t *testing.T) {
	cfg := exampleConfig()
	cfg.Content, cfg.NoMinify = photoContent(t), true
	res, err := Build(context.Background(), cfg)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diagnostics.Error())
	}
	checkGolden(t, res.Outputs, filepath.Join("testdata", "golden-photo"), []string{photoPage})
}

// TestBrokenPhotos: a photo that cannot be published is a content error
// naming the file, whether its header is wrong (found by the model, and by
// check) or its pixels are cut short (found when its sizes are made).
func TestBrokenPhotos(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		mode Mode
		want string
	}{
		{"not a picture", []byte("<html>a web page saved as .jpg</html>"), Check,
			"this picture cannot be published: it is not a JPEG, PNG, WebP or GIF picture (it may have been renamed)"},
		{"cut short", phonePhoto()[:len(phonePhoto())/2], Write,
			"this picture cannot be published: the file ends early (it may not have finished copying)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			content := photoContent(t)
			write(t, filepath.Join(content, photoSchool, "files", "Reading corner.JPG"), tc.b)
			cfg := exampleConfig()
			cfg.Mode, cfg.Content = tc.mode, content
			if tc.mode == Write {
				cfg.Out = filepath.Join(t.TempDir(), "public")
			}
			res, err := Build(context.Background(), cfg)
			if !errors.Is(err, ErrContent) {
				t.Fatalf("err = %v, want content errors", err)
			}
			got := res.Diagnostics.Error()
			if want := "schools/brackenwood-primary-school/files/Reading corner.JPG:1:1: " + tc.want; !strings.Contains(got, want) {
				t.Errorf("diagnostics:\n%s\nwant: %s", got, want)
			}
		})
	}
}
