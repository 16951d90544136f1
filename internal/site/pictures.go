package site

import (
	"io"
	"io/fs"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/images"
	"github.com/parentpages/parentpages/internal/markdown"
)

// Image is a picture of a school's files/ folder as the pages show it.
type Image struct {
	images.Info
	// Sizes are the sizes a photo (JPEG, PNG, WebP) is published in,
	// smallest first; empty for a picture published as it is (SVG, GIF).
	Sizes []ImageSize
}

// ImageSize is one published size of a photo.
type ImageSize struct {
	images.Size
	URL string // site path
}

// Src is the size a page's <img src> names, for a browser that does not
// read srcset: the one 960 pixels wide, or the largest below that.
func (img *Image) Src() ImageSize {
	src := img.Sizes[0]
	for _, s := range img.Sizes {
		if s.Width <= 960 {
			src = s
		}
	}
	return src
}

// Largest is the largest size, which a plain link to the photo leads to.
func (img *Image) Largest() ImageSize { return img.Sizes[len(img.Sizes)-1] }

// file models one file of a school's files/ folder, reporting a picture
// that cannot be published.
func (b *builder) file(p string) File {
	switch images.KindOf(p) {
	case images.Photo:
		img, err := b.probe(p)
		if err != nil {
			b.ds.Errorf(p, content.Pos{}, "%s", images.Refusal(err))
			return File{Source: p}
		}
		return File{Source: p, Image: img}
	case images.Unsupported:
		return File{Source: p} // a HEIC photo: refused by package content
	case images.AsIs:
		img, _ := b.probe(p)
		return File{Source: p, URL: "/" + p, Image: img}
	}
	return File{Source: p, URL: "/" + p}
}

// sameSizes reports another photo whose sizes are published at f's
// addresses (photo.webp and photo.jpg both make photo.jpg), and records
// f's in seen.
func sameSizes(f File, seen map[string]string) (string, bool) {
	if f.Image == nil {
		return "", false
	}
	for _, s := range f.Image.Sizes {
		if other, ok := seen[s.URL]; ok {
			return other, true
		}
	}
	for _, s := range f.Image.Sizes {
		seen[s.URL] = f.Source
	}
	return "", false
}

// probeHead is how much of a picture is read for its size: its header
// and EXIF block are at its start. A picture whose size is not found
// there is read whole.
const probeHead = 256 << 10

// probe reads the size of the picture at content path p, and the sizes a
// photo is published in. Each picture is read once per builder.
func (b *builder) probe(p string) (*Image, error) {
	if img, ok := b.images[p]; ok {
		return img, nil
	}
	head, whole, err := readHead(b.s.index.fs, p, probeHead)
	if err != nil {
		return nil, err
	}
	var img *Image
	if images.KindOf(p) == images.AsIs && strings.EqualFold(path.Ext(p), ".svg") {
		if info, ok := images.ProbeSVG(head); ok {
			img = &Image{Info: info}
		}
	} else {
		info, err := images.Probe(head)
		if err != nil && !whole {
			b, rerr := fs.ReadFile(b.s.index.fs, p)
			if rerr != nil {
				return nil, rerr
			}
			info, err = images.Probe(b)
		}
		if err != nil {
			return nil, err
		}
		img = &Image{Info: info}
		if images.KindOf(p) == images.Photo {
			img.Sizes = sizeURLs(p, info)
		}
	}
	if b.images == nil {
		b.images = map[string]*Image{}
	}
	b.images[p] = img
	return img, nil
}

// readHead reads the first n bytes of a file, reporting whether that is
// the whole file.
func readHead(fsys fs.FS, p string, n int) ([]byte, bool, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	buf := make([]byte, n)
	m, err := io.ReadFull(f, buf)
	switch err {
	case nil:
		return buf, false, nil
	case io.EOF, io.ErrUnexpectedEOF:
		return buf[:m], true, nil
	}
	return nil, false, err
}

// sizeURLs gives a photo's sizes their site paths: the photo
// schools/<slug>/files/<name> is published 480 pixels wide at
// /schools/<slug>/images/480w/<name>. The folder is one that no content
// file can be published in, and the name stays the PSA's.
func sizeURLs(p string, info images.Info) []ImageSize {
	rest := strings.TrimPrefix(p, "schools/")
	slug, name, _ := strings.Cut(rest, "/")
	name = strings.TrimPrefix(name, "files/")
	ext := path.Ext(name)
	name = strings.TrimSuffix(name, ext) + images.Ext(info, ext)
	var out []ImageSize
	for _, s := range images.Sizes(info) {
		out = append(out, ImageSize{Size: s, URL: "/schools/" + slug + "/images/" + strconv.Itoa(s.Width) + "w/" + name})
	}
	return out
}

// picture tells an image in Markdown its size, and a photo's published
// sizes, once its link has been resolved to target (a content path).
func (b *builder) picture(l markdown.Link, target string) {
	img, err := b.probe(target)
	if err != nil || img == nil {
		return // reported with the file, by its school
	}
	if len(img.Sizes) == 0 {
		l.SetPicture(markdown.Picture{Width: img.Width, Height: img.Height})
		return
	}
	src, big := img.Src(), img.Largest()
	l.SetDest(src.URL)
	p := markdown.Picture{Width: big.Width, Height: big.Height}
	for _, s := range img.Sizes {
		p.Srcset = append(p.Srcset, markdown.Source{URL: s.URL, Width: s.Width})
	}
	l.SetPicture(p)
}

// elsewhere reports whether an image's address is on another website.
func elsewhere(dest string) (string, bool) {
	if strings.HasPrefix(dest, "//") {
		return path.Base(dest), true
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "", false
	}
	return path.Base(u.Path), true
}

// externalImage reports an image on another website: the site's security
// policy (Content-Security-Policy img-src 'self' data:) stops browsers
// loading it, and it may change or go, so it is an error that says how to
// publish it with the site.
func (b *builder) externalImage(source, dest string, at content.Pos) bool {
	base, ok := elsewhere(dest)
	if !ok {
		return false
	}
	name := "photo.jpg"
	if images.KindOf(base) != images.Other {
		name = base
	}
	b.ds.Errorf(source, at, "the image %q is on another website, which this site's security settings stop browsers from showing (parents would see a broken picture); upload it to the school's files/ folder and link to %s", dest, filesRef(source, name))
	return true
}

// filesRef is how a file in the school's files/ folder is linked to from
// the file source: "../files/NAME" from an update, "files/NAME" from the
// school's YAML files, "../schools/SCHOOL/files/NAME" from a site page.
func filesRef(source, name string) string {
	if rest, ok := strings.CutPrefix(source, "schools/"); ok {
		if strings.Count(rest, "/") >= 2 {
			return "../files/" + name
		}
		return "files/" + name
	}
	return "../schools/SCHOOL/files/" + name
}
