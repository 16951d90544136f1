package site

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parentpages/parentpages/internal/images/imagestest"
)

// TestPageAddresses: a school's pages can be linked by their address,
// relative to the file the link is in, as well as by their file; the
// inspection page, which has no file, too.
func TestPageAddresses(t *testing.T) {
	const u = "schools/hillside/updates/2026-10-22-x.md"
	tests := []struct {
		from, link, want string
	}{
		{u, "../action-plan/", "/schools/hillside/action-plan/"},
		{u, "../action-plan.yaml", "/schools/hillside/action-plan/"},
		{u, "../views/", "/schools/hillside/views/"},
		{u, "../inspection/", "/schools/hillside/inspection/"},
		{u, "../inspection/#areas", "/schools/hillside/inspection/#areas"},
		{u, "../meetings/", "/schools/hillside/meetings/"},
		{u, "../updates/", "/schools/hillside/updates/"},
		{u, "../updates/hello/", "/schools/hillside/updates/hello/"},
		{u, "hello/", "/schools/hillside/updates/hello/"},
		{u, "../", "/schools/hillside/"},
		{"pages/guide.md", "../schools/hillside/inspection/", "/schools/hillside/inspection/"},
		{"pages/guide.md", "../schools/hillside/action-plan", "/schools/hillside/action-plan/"},
	}
	for _, tc := range tests {
		t.Run(tc.from+" "+tc.link, func(t *testing.T) {
			fsys := baseFS()
			fsys["schools/hillside/action-plan.yaml"] = &fstest.MapFile{Data: []byte("updated: 2026-11-01\nareas: [{for: maths}]\n")}
			fsys[tc.from] = &fstest.MapFile{Data: []byte("---\ntitle: X\n---\n[x](" + tc.link + ")\n")}
			s, ds := build(t, fsys, Config{})
			if len(ds) != 0 {
				t.Fatalf("diagnostics:\n%s", ds.Error())
			}
			var got string
			for _, pg := range s.Pages {
				if pg.Source == tc.from {
					got = pg.Body.Links()[0].Dest
				}
			}
			if got == "" {
				for _, up := range s.Schools[0].Updates {
					if up.Source == tc.from {
						got = up.Body.Links()[0].Dest
					}
				}
			}
			if got != tc.want {
				t.Errorf("the link leads to %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPictureErrors quotes each message about pictures and the pages'
// addresses, with its file, line and column.
func TestPictureErrors(t *testing.T) {
	const u = "schools/hillside/updates/2026-10-22-x.md"
	tests := []struct {
		name, body string
		extra      map[string][]byte
		want       string
	}{
		{"image on another website", "Our day:\n\n![Sports day](https://photos.google.com/share/AF1Qip/photo.jpg)", nil,
			u + `:6:15: the image "https://photos.google.com/share/AF1Qip/photo.jpg" is on another website, which this site's security settings stop browsers from showing (parents would see a broken picture); upload it to the school's files/ folder and link to ../files/photo.jpg`},
		{"image on another website, no file name", "![Logo](//cdn.example.com/x)", nil,
			u + `:4:9: the image "//cdn.example.com/x" is on another website, which this site's security settings stop browsers from showing (parents would see a broken picture); upload it to the school's files/ folder and link to ../files/photo.jpg`},
		{"no action plan", "[plan](../action-plan/)", nil,
			u + `:4:8: the link "../action-plan/" points to schools/hillside/action-plan, but this school has no action plan page, since it has no action-plan.yaml`},
		{"unreadable photo", "Text", map[string][]byte{"schools/hillside/files/broken.jpg": []byte("\xff\xd8\xff\xe0 not a jpeg after all")},
			"schools/hillside/files/broken.jpg:1:1: this picture cannot be published: "},
		{"photo cut short", "Text", map[string][]byte{"schools/hillside/files/cut.jpg": imagestest.Photo(64, 48, 1)[:120]},
			"schools/hillside/files/cut.jpg:1:1: this picture cannot be published: the file ends early (it may not have finished copying)"},
		{"two photos, one address", "Text", map[string][]byte{"schools/hillside/files/a.jpg": imagestest.Photo(1, 1, 1), "schools/hillside/files/a.webp": imagestest.WebP()},
			"schools/hillside/files/a.webp:1:1: this picture would be published at the same address as schools/hillside/files/a.jpg (a WebP photo is published as .jpg or .png); rename one of them"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := baseFS()
			fsys[u] = &fstest.MapFile{Data: []byte("---\ntitle: X\n---\n" + tc.body + "\n")}
			for p, b := range tc.extra {
				fsys[p] = &fstest.MapFile{Data: b}
			}
			_, ds := build(t, fsys, Config{})
			if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), tc.want) {
				t.Fatalf("got:\n%s\nwant: %s...", ds.Error(), tc.want)
			}
		})
	}
}

// TestPhotos: a photo in files/ is published only in its sizes; an image
// of it in Markdown (its name with a space, as a PSA writes it) names them
// all with the size shown, turned as the camera was held; a plain link
// leads to the largest.
func TestPhotos(t *testing.T) {
	fsys := baseFS()
	fsys["schools/hillside/files/Reading corner.JPG"] = &fstest.MapFile{Data: imagestest.Photo(2000, 1500, 6)}
	fsys["schools/hillside/updates/2026-10-22-x.md"] = &fstest.MapFile{Data: []byte(
		"---\ntitle: X\n---\n![Books](../files/Reading corner.JPG)\n\n[The full photo](../files/Reading%20corner.JPG)\n")}
	s, ds := build(t, fsys, Config{})
	if len(ds) != 0 {
		t.Fatalf("diagnostics:\n%s", ds.Error())
	}
	sch := s.Schools[0]
	var photo File
	for _, f := range sch.Files {
		if strings.HasSuffix(f.Source, ".JPG") {
			photo = f
		}
	}
	if photo.URL != "" || photo.Image == nil || len(photo.Image.Sizes) != 3 {
		t.Fatalf("photo = %+v, want no URL of its own and three sizes", photo)
	}
	const base = "/schools/hillside/images/"
	for i, w := range []string{"480w/Reading corner.JPG", "960w/Reading corner.JPG", "1500w/Reading corner.JPG"} {
		if got := photo.Image.Sizes[i].URL; got != base+w {
			t.Errorf("size %d at %q, want %q", i, got, base+w)
		}
	}
	if got := photo.Image.Largest().Size; got.Width != 1500 || got.Height != 2000 {
		t.Errorf("largest size %v, want 1500x2000 (turned)", got)
	}
	for _, p := range sch.Listing.Paths {
		if strings.Contains(p, "/files/Reading") {
			t.Errorf("the original is published at %s", p)
		}
	}
	var body []string
	for _, up := range sch.Updates {
		if up.Slug == "x" {
			for _, l := range up.Body.Links() {
				body = append(body, l.Dest)
			}
		}
	}
	if want := []string{base + "960w/Reading corner.JPG", base + "1500w/Reading corner.JPG"}; strings.Join(body, " | ") != strings.Join(want, " | ") {
		t.Errorf("links lead to %q, want %q", body, want)
	}
}
