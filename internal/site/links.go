package site

import (
	"bytes"
	"net/url"
	"path"
	"strings"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/images"
	"github.com/parentpages/parentpages/internal/markdown"
)

// markdown parses a Markdown text written in the file at source, starting
// at pos, and rewrites its relative links to site paths, reporting links
// that lead nowhere and images without alternative text. inYAML says the
// text is a YAML field: its lines start one below the field's line when it
// spans several (a block scalar).
func (b *builder) markdown(source string, src []byte, pos content.Pos, inYAML bool) *markdown.Doc {
	top := 2
	if inYAML {
		top = 3 // a field is shown inside a section of the page
	}
	doc := b.s.md.ParseUnder(src, top)
	if doc.Problem != nil {
		b.ds.Errorf(source, posIn(src, doc.Problem.Offset, pos, inYAML), "%s", doc.Problem.Msg)
		return doc
	}
	for _, l := range doc.Links() {
		at := posIn(src, l.Offset, pos, inYAML)
		if l.Image && strings.TrimSpace(l.Alt) == "" {
			b.ds.Errorf(source, at, "the image %q has no alternative text; describe it for people who cannot see it: ![Parents at the focus group](%s)", l.Dest, l.Dest)
		}
		if l.Image && b.externalImage(source, l.Dest, at) {
			continue
		}
		dest, target, ok := b.resolveTarget(source, l.Dest, at)
		if ok && dest != l.Dest {
			l.SetDest(dest)
		}
		if ok && l.Image && target != "" {
			b.picture(l, target)
		}
	}
	return doc
}

// posIn converts a byte offset in a Markdown text into a file position.
func posIn(src []byte, off int, start content.Pos, inYAML bool) content.Pos {
	if off < 0 || off > len(src) {
		return start
	}
	lines := bytes.Count(src[:off], []byte("\n"))
	if inYAML {
		if !bytes.Contains(bytes.TrimRight(src, "\n"), []byte("\n")) {
			return start // one line: the field itself
		}
		return content.Pos{Line: start.Line + 1 + lines, Col: start.Col}
	}
	col := off - bytes.LastIndexByte(src[:off], '\n')
	if lines == 0 {
		col = start.Col + off
	}
	return content.Pos{Line: start.Line + lines, Col: col}
}

// resolveField resolves a path written in a YAML field, such as plan_url.
func (b *builder) resolveField(source, ref string, pos content.Pos) string {
	dest, _ := b.resolve(source, ref, pos)
	return dest
}

// resolve turns a link written in source into what the site publishes: web
// addresses stay as they are; site paths ("/schools/...") are kept and
// checked after the build; relative paths are resolved against the file
// they are written in and mapped to the page or file they publish as.
func (b *builder) resolve(source, ref string, pos content.Pos) (string, bool) {
	dest, _, ok := b.resolveTarget(source, ref, pos)
	return dest, ok
}

// resolveTarget is resolve, which also returns the content path that a
// relative link leads to ("" for any other link).
func (b *builder) resolveTarget(source, ref string, pos content.Pos) (dest, target string, ok bool) {
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "//") {
		return ref, "", true
	}
	u, err := url.Parse(ref)
	if err != nil {
		b.ds.Errorf(source, pos, "the link %q is not a valid address: %v", ref, err)
		return ref, "", false
	}
	if u.Scheme != "" {
		switch strings.ToLower(u.Scheme) {
		case "http", "https", "mailto", "tel", "sms", "webcal":
			return ref, "", true
		}
		b.ds.Errorf(source, pos, "the link %q uses %q, which is not allowed; link to a web address (https://...), an email (mailto:) or a phone number (tel:)", ref, u.Scheme+":")
		return ref, "", false
	}
	suffix := ""
	if u.RawQuery != "" {
		suffix += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		suffix += "#" + u.EscapedFragment()
	}
	if strings.HasPrefix(u.Path, "/") {
		b.siteLinks = append(b.siteLinks, SiteLink{Path: u.Path, Source: source, Pos: pos})
		return ref, "", true
	}
	target, inside := content.Join(source, u.Path)
	if !inside {
		b.ds.Errorf(source, pos, "the link %q leads outside the content folder; link only to files in it, such as ../files/plan.pdf", ref)
		return ref, "", false
	}
	if rest, ok := strings.CutPrefix(target, "schools/"); ok && b.deps != nil {
		if slug, _, _ := strings.Cut(rest, "/"); "schools/"+slug != path.Dir(source) && !strings.HasPrefix(source, "schools/"+slug+"/") {
			b.deps[slug] = true
		}
	}
	site, why := b.publishedAs(target)
	if site == "" {
		b.ds.Errorf(source, pos, "the link %q points to %s, %s", ref, target, why)
		return ref, target, false
	}
	return site + suffix, target, true
}

// publishedAs maps a content path to the site path it is published at, or
// says why it is not published. A school's pages may be named by their
// file (../action-plan.yaml) or by their address (../action-plan/).
func (b *builder) publishedAs(p string) (string, string) {
	if p == "." || p == "site.yaml" {
		return "/", ""
	}
	ix := b.s.index
	parts := strings.Split(p, "/")
	if why, ok := ix.hidden[p]; ok {
		return "", "which is " + why + " and not published; remove the link or publish it"
	}
	switch {
	case parts[0] == "pages" && len(parts) == 2:
		slug, ok := strings.CutSuffix(parts[1], ".md")
		if ok && ix.exists(p) {
			return "/" + slug + "/", ""
		}
	case parts[0] == "schools" && len(parts) >= 2:
		dir := "schools/" + parts[1]
		if why, ok := ix.hidden[dir]; ok {
			return "", "which is in " + why + " and not published; remove the link or publish the school"
		}
		d, ok := ix.schools[parts[1]]
		if !ok {
			break
		}
		base := "/schools/" + parts[1] + "/"
		if len(parts) == 2 {
			return base, ""
		}
		rest := strings.Join(parts[2:], "/")
		switch {
		case rest == "school.yaml":
			return base, ""
		case rest == "action-plan.yaml" || rest == "action-plan":
			if !d.plan {
				return "", "but this school has no action plan page, since it has no action-plan.yaml"
			}
			return base + "action-plan/", ""
		case rest == "views.yaml" || rest == "views":
			if !ix.exists(dir + "/views.yaml") {
				return "", "but this school has no views page, since it has no views.yaml"
			}
			return base + "views/", ""
		case rest == "inspection":
			return base + "inspection/", ""
		case rest == "meetings.yaml" || rest == "meetings":
			return base + "meetings/", ""
		case rest == "updates":
			return base + "updates/", ""
		case parts[2] == "files" && ix.exists(p):
			return b.fileURL(p), ""
		case parts[2] == "updates" && len(parts) == 4:
			if u, ok := ix.published[p]; ok {
				return u, ""
			}
			if u := base + "updates/" + parts[3] + "/"; ix.pages[u] {
				return u, "" // the update's address, not its file
			}
		}
	}
	if ix.exists(p) {
		return "", "which the site does not publish; put files to link to in the school's files/ folder"
	}
	return "", "which does not exist; check the spelling and the folder (the link is relative to the file it is written in)"
}

// fileURL is where a link to a file of files/ leads: the file, or for a
// photo, which is published only in sizes, its largest size.
func (b *builder) fileURL(p string) string {
	if images.KindOf(p) == images.Photo {
		if img, err := b.probe(p); err == nil && img != nil && len(img.Sizes) > 0 {
			return img.Largest().URL
		}
	}
	return "/" + p // a photo that cannot be read is reported with its school
}

// CheckSiteLinks reports the links to site paths (Site.SiteLinks and each
// school's Findings.Links) that lead to no file of the site. exists says
// whether the site publishes a site path (without the base path).
func CheckSiteLinks(links []SiteLink, exists func(sitePath string) bool) content.Diagnostics {
	var ds content.Diagnostics
	for _, l := range links {
		p := l.Path
		clean := path.Clean(p)
		if strings.HasSuffix(p, "/") && clean != "/" {
			clean += "/"
		}
		if !exists(clean) {
			ds.Errorf(l.Source, l.Pos, "the link %q does not lead to a page or file of this site; check the address, or use a relative link such as ../files/plan.pdf", l.Path)
		}
	}
	return ds
}
