package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/parentpages/parentpages/internal/cms"
	"github.com/parentpages/parentpages/internal/render"
)

// The preview's own paths. They are outside any base path and cannot clash
// with the site's, whose names are lower-case letters, digits and hyphens.
const (
	reloadPath   = "/_parentpages/reload.js"
	eventsPath   = "/_parentpages/events"
	errorBoxPath = "/_parentpages/errors.css"
)

//go:embed reload.js
var reloadJS string

// csp is the published site's Content-Security-Policy (build.SiteCSP, which
// the build writes into _headers),
// which allows the site's own scripts (the preview's reload script is
// one), so that a page that breaks the policy breaks in the preview as it
// would when published.
const csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// fileCSP is the policy for a school's own files (files/), as netlify.toml
// sends it: sandbox, without allow-scripts, runs no script and gives the
// file an origin of its own, whatever the file holds. PDFs are left out,
// as there: a browser's PDF viewer runs no script in the site's origin,
// and some show a sandboxed PDF as a blank page.
const fileCSP = csp + "; sandbox"

// schoolFile reports whether rel, a path in the site, is one of a school's
// own files: schools/<slug>/files/...
func schoolFile(rel string) bool {
	parts := strings.SplitN(rel, "/", 4)
	return len(parts) == 4 && parts[0] == "schools" && parts[2] == "files"
}

// maxStreams caps the open event streams, one a page open on the preview:
// a PSA has a few, and each holds memory until its page is closed (10,000
// held 282 MB), so a program opening them without end is refused.
const maxStreams = 64

// localHosts are the Host headers the preview answers: its own port by the
// names a browser on this machine uses for it (a browser leaves out port
// 80). A page from anywhere else is refused: a DNS-rebinding attack points
// the attacker's own name at 127.0.0.1, and its page could otherwise read
// the drafts and embargoed schools the preview shows.
func localHosts(port string) map[string]bool {
	hosts := map[string]bool{}
	for _, name := range []string{"127.0.0.1", "localhost", "[::1]"} {
		hosts[name+":"+port] = true
		if port == "80" {
			hosts[name] = true
		}
	}
	return hosts
}

// ServeHTTP serves the reload script, the event stream, and the site, to
// requests made to the preview's own address.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Cache-Control", "no-store") // a reload must show the new build
	h.Set("X-Content-Type-Options", "nosniff")
	if !s.hosts[strings.ToLower(r.Host)] {
		http.Error(w, "parentpages serve answers only at 127.0.0.1, localhost and [::1] on port "+s.port, http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case reloadPath:
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(reloadJS))
	case errorBoxPath:
		h.Set("Content-Type", "text/css; charset=utf-8")
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(errorBoxCSS))
	case eventsPath:
		s.events(w, r)
	default:
		h.Set("Content-Security-Policy", csp)
		s.site(w, r)
	}
}

// events streams the name of the version being served: once when the
// stream opens, then after every rebuild, until the request ends (the page
// is closed, or the server stops).
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	select {
	case s.streams <- struct{}{}:
		defer func() { <-s.streams }()
	default:
		// Closing the connection frees what it holds too.
		w.Header().Set("Connection", "close")
		http.Error(w, fmt.Sprintf("too many pages are open on the preview (%d): close some, then reload this one", maxStreams), http.StatusServiceUnavailable)
		return
	}
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	st, changed := s.watchState()
	// retry: reconnect quickly after the server is restarted.
	fmt.Fprintf(w, "retry: 500\nevent: hello\ndata: %s\n\n", st.token)
	if rc.Flush() != nil {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		}
		st, changed = s.watchState()
		fmt.Fprintf(w, "event: reload\ndata: %s\n\n", st.token)
		if rc.Flush() != nil {
			return
		}
	}
}

// site serves a file of the site from memory. Only the outputs of the last
// good build can be served: the path is cleaned and looked up in them, and
// nothing else is ever read.
func (s *server) site(w http.ResponseWriter, r *http.Request) {
	st := s.current()
	if st.files == nil {
		s.write(w, r, http.StatusServiceUnavailable, "text/html; charset=utf-8", errorPage(st))
		return
	}
	p := r.URL.Path
	if strings.ContainsAny(p, "\\\x00") {
		s.notFound(w, r, st)
		return
	}
	clean := path.Clean("/" + p) // "/../x" and "/%2e%2e/x" become "/x"
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	if clean+"/" == st.base || (clean == "/" && st.base != "/") {
		redirect(w, r, st.base)
		return
	}
	rel, ok := strings.CutPrefix(clean, st.base)
	if !ok {
		s.notFound(w, r, st)
		return
	}
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	} else if _, ok := st.files[rel]; !ok {
		if _, ok := st.files[rel+"/index.html"]; ok {
			redirect(w, r, clean+"/")
			return
		}
	}
	o, ok := st.files[rel]
	if !ok {
		s.notFoundIn(w, r, st, rel)
		return
	}
	if isAdmin(rel) {
		// The editor: its own policy, and no banner or reload, which
		// would lose what the PSA is typing when a save rebuilds the site.
		w.Header().Set("Content-Security-Policy", cms.CSP)
		s.write(w, r, http.StatusOK, o.MediaType, o.Body)
		return
	}
	if schoolFile(rel) && !strings.EqualFold(path.Ext(rel), ".pdf") {
		w.Header().Set("Content-Security-Policy", fileCSP)
	}
	s.write(w, r, http.StatusOK, o.MediaType, s.decorate(o, st))
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request, st *state) {
	s.notFoundIn(w, r, st, "")
}

// notFoundIn answers for rel, a path of the site that has no file: with
// the 404 page of the language whose folder rel is in (/pl/404.html for
// /pl/...), as the built site's _redirects has Netlify do, else the main
// language's.
func (s *server) notFoundIn(w http.ResponseWriter, r *http.Request, st *state, rel string) {
	o, ok := render.Output{}, false
	if first, _, found := strings.Cut(rel, "/"); found {
		o, ok = st.files[first+"/404.html"]
	}
	if !ok {
		o, ok = st.files["404.html"]
	}
	if !ok {
		o = render.Output{MediaType: "text/plain; charset=utf-8", Body: []byte("404 page not found\n")}
	}
	s.write(w, r, http.StatusNotFound, o.MediaType, s.decorate(o, st))
}

func (s *server) write(w http.ResponseWriter, r *http.Request, status int, mediaType string, body []byte) {
	w.Header().Set("Content-Type", mediaType)
	if status == http.StatusOK {
		// Ranges and HEAD, for PDFs and calendar apps.
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
		return
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func redirect(w http.ResponseWriter, r *http.Request, to string) {
	if r.URL.RawQuery != "" {
		to += "?" + r.URL.RawQuery
	}
	// 302, not 301: a browser remembers a permanent redirect, and the next
	// site served on this port may not have it.
	http.Redirect(w, r, to, http.StatusFound)
}

// isAdmin reports whether a file of the site is the editor's (package cms).
func isAdmin(rel string) bool { return strings.HasPrefix(rel, "admin/") }

// decorate adds to a page what the preview needs: the name of the version
// it shows (for the reload script), and the problems of the latest build,
// over the last good site, as the first thing on the page. Built pages
// have neither. Other files, and the PSA's own files, are served as they
// are.
func (s *server) decorate(o render.Output, st *state) []byte {
	if !strings.HasPrefix(o.MediaType, "text/html") || schoolFile(o.Path) {
		return o.Body
	}
	head, top := stateMeta(st), errorBox(st)
	if top != "" {
		head += errorBoxLink
	}
	return insertHTML(o.Body, head, top)
}

// insertHTML puts head at the start of <head> and top at the start of
// <body> (so that it is the first thing seen, above the site's header and
// menus, even on a phone), falling back to the start of the page.
func insertHTML(page []byte, head, top string) []byte {
	out := make([]byte, 0, len(page)+len(head)+len(top))
	at := 0
	if i := bytes.Index(page, []byte("<head>")); i >= 0 {
		at = i + len("<head>")
	}
	out = append(append(out, page[:at]...), head...)
	rest := page[at:]
	if top == "" {
		return append(out, rest...)
	}
	j := 0
	if b := bytes.Index(rest, []byte("<body")); b >= 0 {
		if end := bytes.IndexByte(rest[b:], '>'); end >= 0 {
			j = b + end + 1
		}
	}
	out = append(append(out, rest[:j]...), top...)
	return append(out, rest[j:]...)
}

func stateMeta(st *state) string {
	return `<meta name="parentpages-state" content="` + template.HTMLEscapeString(st.token) + `">`
}

// errorPage is served, for every path, while no build has succeeded.
func errorPage(st *state) []byte {
	return fmt.Appendf(nil, `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The site did not build - parentpages preview</title>
%s%s
<script src="%s" defer></script>
</head>
<body>
<h1>The site did not build</h1>
%s
</body>
</html>
`, stateMeta(st), errorBoxLink, reloadPath, errorBox(st))
}
