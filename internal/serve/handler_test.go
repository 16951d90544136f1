package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/render"
)

// testServer serves a small made-up site under /parents/.
func testServer(problems ...content.Diagnostic) *server {
	page := func(p, title string) render.Output {
		return render.Output{Path: p, MediaType: "text/html; charset=utf-8",
			Body: []byte(`<!doctype html><html><head><title>` + title + `</title><script src="/_parentpages/reload.js" defer></script></head><body><header>Site</header><main id="main"><h1>` + title + `</h1></main></body></html>`)}
	}
	files := map[string]render.Output{}
	for _, o := range []render.Output{
		page("index.html", "Home"),
		page("404.html", "Page not found"),
		page("pl/index.html", "Strona główna"),
		page("pl/404.html", "Nie znaleziono strony"),
		page("schools/hillside/index.html", "Hillside"),
		page("schools/hillside/updates/files/index.html", "An update called files"),
		{Path: "schools/hillside/files/chart.svg", MediaType: "image/svg+xml", Body: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		{Path: "schools/hillside/files/plans/Plan.PDF", MediaType: "application/pdf", Body: []byte("%PDF-1.7\n")},
		{Path: "schools/hillside/calendar.ics", MediaType: "text/calendar; charset=utf-8", Body: []byte("BEGIN:VCALENDAR\r\n")},
		{Path: "schools/hillside/files/note.html", MediaType: "text/html; charset=utf-8", Body: []byte("<main>the PSA's own file</main>")},
		{Path: "assets/style.css", MediaType: "text/css; charset=utf-8", Body: []byte("body{}")},
	} {
		files[o.Path] = o
	}
	s := newServer(Config{}, "8080")
	s.setState(&state{files: files, base: "/parents/", problems: problems})
	return s
}

func TestPaths(t *testing.T) {
	s := testServer()
	tests := []struct {
		method, target string
		code           int
		location       string
		mediaType      string
		body           string
	}{
		{"GET", "/parents/", 200, "", "text/html; charset=utf-8", "<h1>Home</h1>"},
		{"GET", "/parents/index.html", 200, "", "text/html; charset=utf-8", "<h1>Home</h1>"},
		{"GET", "/parents/schools/hillside/", 200, "", "text/html; charset=utf-8", "<h1>Hillside</h1>"},
		{"GET", "/parents/schools/hillside", 302, "/parents/schools/hillside/", "", ""},
		{"GET", "/parents/schools/hillside?x=1", 302, "/parents/schools/hillside/?x=1", "", ""},
		{"GET", "/parents", 302, "/parents/", "", ""},
		{"GET", "/", 302, "/parents/", "", ""},
		{"GET", "/parents/schools/hillside/calendar.ics", 200, "", "text/calendar; charset=utf-8", "BEGIN:VCALENDAR"},
		{"GET", "/parents/assets/style.css", 200, "", "text/css; charset=utf-8", "body{}"},
		{"GET", "/parents/schools/", 404, "", "text/html; charset=utf-8", "<h1>Page not found</h1>"},
		{"GET", "/index.html", 404, "", "text/html; charset=utf-8", "<h1>Page not found</h1>"},
		// An address under a language's folder: that language's 404 page.
		{"GET", "/parents/pl/", 200, "", "text/html; charset=utf-8", "<h1>Strona główna</h1>"},
		{"GET", "/parents/pl/schools/nowhere/", 404, "", "text/html; charset=utf-8", "<h1>Nie znaleziono strony</h1>"},
		{"GET", "/parents/ur/schools/nowhere/", 404, "", "text/html; charset=utf-8", "<h1>Page not found</h1>"},
		{"GET", "/parents/schools/hillside/../../index.html", 200, "", "text/html; charset=utf-8", "<h1>Home</h1>"},
		{"GET", "/parents/../../../etc/passwd", 404, "", "text/html; charset=utf-8", "<h1>Page not found</h1>"},
		{"GET", "/parents/%2e%2e/%2e%2e/etc/passwd", 404, "", "text/html; charset=utf-8", "<h1>Page not found</h1>"},
		{"GET", "/parents/..%5c..%5cindex.html", 404, "", "text/html; charset=utf-8", "<h1>Page not found</h1>"},
		{"GET", "/_parentpages/reload.js", 200, "", "text/javascript; charset=utf-8", "EventSource"},
		{"HEAD", "/parents/", 200, "", "text/html; charset=utf-8", ""},
		{"POST", "/parents/", 405, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.target, func(t *testing.T) {
			w := httptest.NewRecorder()
			r := httptest.NewRequest(tt.method, "http://127.0.0.1:8080"+tt.target, nil)
			s.ServeHTTP(w, r)
			if w.Code != tt.code || w.Header().Get("Location") != tt.location {
				t.Fatalf("%d %q, want %d %q", w.Code, w.Header().Get("Location"), tt.code, tt.location)
			}
			if tt.mediaType != "" && w.Header().Get("Content-Type") != tt.mediaType {
				t.Errorf("Content-Type %q, want %q", w.Header().Get("Content-Type"), tt.mediaType)
			}
			if !strings.Contains(w.Body.String(), tt.body) {
				t.Errorf("body %q does not have %q", w.Body.String(), tt.body)
			}
			if tt.method == "HEAD" && w.Body.Len() > 0 {
				t.Errorf("HEAD has a body")
			}
			if w.Header().Get("Cache-Control") != "no-store" {
				t.Errorf("Cache-Control %q", w.Header().Get("Cache-Control"))
			}
		})
	}
}

// TestSchoolFilesSandboxed checks that a school's own files, and only
// they, are served with the sandbox policy: whatever such a file holds, it
// runs no script and has no access to the site's origin. PDFs are not, as
// some browsers then show a blank page.
func TestSchoolFilesSandboxed(t *testing.T) {
	s := testServer()
	tests := []struct {
		target  string
		sandbox bool
	}{
		{"/parents/schools/hillside/files/chart.svg", true},
		{"/parents/schools/hillside/files/note.html", true},
		{"/parents/schools/hillside/files/../files/chart.svg", true},
		{"/parents/schools/hillside/files/plans/Plan.PDF", false},
		{"/parents/schools/hillside/", false},
		{"/parents/schools/hillside/updates/files/", false},
		{"/parents/schools/hillside/calendar.ics", false},
		{"/parents/", false},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			w := httptest.NewRecorder()
			s.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1:8080"+tt.target, nil))
			if w.Code != http.StatusOK {
				t.Fatalf("status %d", w.Code)
			}
			policy := w.Header().Get("Content-Security-Policy")
			if got := strings.HasSuffix(policy, "; sandbox"); got != tt.sandbox {
				t.Errorf("Content-Security-Policy %q: sandboxed %v, want %v", policy, got, tt.sandbox)
			}
			if !strings.HasPrefix(policy, "default-src 'self';") || w.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("the site's policy and nosniff are missing: %q, %q", policy, w.Header().Get("X-Content-Type-Options"))
			}
		})
	}
}

func TestDecorate(t *testing.T) {
	get := func(s *server, target string) string {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1:8080"+target, nil))
		return w.Body.String()
	}
	t.Run("good site", func(t *testing.T) {
		s := testServer()
		body := get(s, "/parents/")
		if !strings.HasPrefix(body, `<!doctype html><html><head><meta name="parentpages-state" content="`+s.current().token+`"><title>`) {
			t.Errorf("no state at the start of <head>: %s", body)
		}
		if strings.Contains(body, "pp-box") || strings.Contains(body, errorBoxPath) {
			t.Errorf("a box with no errors")
		}
		if got := get(s, "/parents/schools/hillside/files/note.html"); got != "<main>the PSA's own file</main>" {
			t.Errorf("the PSA's file was changed: %s", got)
		}
		if got := get(s, "/parents/schools/hillside/updates/files/"); !strings.Contains(got, `name="parentpages-state"`) {
			t.Errorf("a page whose path has /files/ in it, not a school's file, was not decorated: %s", got)
		}
	})
	t.Run("errors", func(t *testing.T) {
		s := testServer(
			content.Diagnostic{Path: "schools/hillside/meetings.yaml", Pos: content.Pos{Line: 2, Col: 10}, Msg: "`start` <is> wrong",
				Source: "  start: 3/12/2026", Fix: "  start: 2026-12-03"},
			content.Diagnostic{Msg: "theme: template: bad"})
		body := get(s, "/parents/schools/hillside/")
		// The first thing in <body>, before the site's header and menus.
		box := `<body><section class="pp-box" role="alert" aria-labelledby="pp-title"><h2 class="pp-title" id="pp-title">2 mistakes to fix before the site can be published</h2>` +
			`<p class="pp-intro">Below is the last version of the site that worked. Fix each one in the file named, and save: this page then reloads by itself.</p>` +
			`<ol class="pp-list"><li class="pp-item"><p><span class="pp-where">schools/hillside/meetings.yaml, line 2:</span> <code>start</code> &lt;is&gt; wrong</p>` +
			`<pre class="pp-line">2 |   start: 3/12/2026` + "\n" + `  |          ^` + "\n" + `write it as:` + "\n" + `2 |   start: 2026-12-03</pre></li>` +
			`<li class="pp-item"><p>theme: template: bad</p></li></ol></section><header>`
		if !strings.Contains(body, box) {
			t.Fatalf("the box is not the first thing in <body>, as it should be:\n%s\nwant:\n%s", body, box)
		}
		if !strings.Contains(body, `<link rel="stylesheet" href="/_parentpages/errors.css">`) {
			t.Errorf("the box's styles are not linked:\n%s", body)
		}
		if !strings.Contains(get(s, "/parents/nowhere/"), box) {
			t.Errorf("no box on the 404 page")
		}
		if css := get(s, errorBoxPath); !strings.Contains(css, ".pp-box") {
			t.Errorf("the box's styles are not served: %q", css)
		}
	})
	t.Run("warnings", func(t *testing.T) {
		s := testServer()
		st := *s.current()
		st.warnings = []content.Diagnostic{{Path: "schools/hillside/meetings.yaml", Msg: "the meeting 'Tea' was removed", Warning: true}}
		s.setState(&st)
		want := `<body><section class="pp-box pp-warnings" role="status" aria-labelledby="pp-title"><h2 class="pp-title" id="pp-title">1 thing to check</h2>` +
			`<p class="pp-intro">These do not stop the site being published, but check them.</p>` +
			`<ol class="pp-list"><li class="pp-item"><p><span class="pp-where">schools/hillside/meetings.yaml:</span> the meeting &#39;Tea&#39; was removed</p></li></ol></section>`
		if body := get(s, "/parents/"); !strings.Contains(body, want) {
			t.Errorf("got:\n%s\nwant:\n%s", body, want)
		}
	})
	t.Run("never built", func(t *testing.T) {
		s := newServer(Config{}, "8080")
		s.setState(&state{base: "/", problems: []content.Diagnostic{{Path: "site.yaml", Pos: content.Pos{Line: 1, Col: 1}, Msg: "no"}}})
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1:8080/any/path", nil))
		body := w.Body.String()
		if w.Code != http.StatusServiceUnavailable || !strings.Contains(body, `The site cannot be shown until it is fixed.`) ||
			!strings.Contains(body, `<span class="pp-where">site.yaml, line 1:</span> no`) ||
			!strings.Contains(body, `<script src="/_parentpages/reload.js" defer>`) || !strings.Contains(body, `name="parentpages-state"`) {
			t.Errorf("%d\n%s", w.Code, body)
		}
	})
}

func TestInsertHTML(t *testing.T) {
	tests := []struct{ page, want string }{
		{"<html><head><title>x</title></head><body><header>h</header><main>m</main></body></html>",
			"<html><head>[meta]<title>x</title></head><body>[top]<header>h</header><main>m</main></body></html>"},
		{"<html><head></head><body class=x><p>no main</p></body></html>",
			"<html><head>[meta]</head><body class=x>[top]<p>no main</p></body></html>"},
		{"just text", "[meta][top]just text"},
	}
	for _, tt := range tests {
		if got := string(insertHTML([]byte(tt.page), "[meta]", "[top]")); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}

// TestHosts: the preview answers only requests made to its own address,
// so that a page on another name resolved to 127.0.0.1 (DNS rebinding)
// cannot read it; whatever the path, it gets 421 and a short plain message.
func TestHosts(t *testing.T) {
	tests := []struct {
		port, host string
		ok         bool
	}{
		{"8080", "127.0.0.1:8080", true},
		{"8080", "localhost:8080", true},
		{"8080", "[::1]:8080", true},
		{"8080", "LocalHost:8080", true},
		{"8080", "evil.example:8080", false},
		{"8080", "evil.example", false},
		{"8080", "localhost.evil.example:8080", false},
		{"8080", "127.0.0.1.nip.io:8080", false},
		{"8080", "127.0.0.1:9999", false},
		{"8080", "127.0.0.1", false},
		{"8080", "localhost", false},
		{"8080", "0.0.0.0:8080", false},
		{"8080", "", false},
		{"80", "localhost", true},
		{"80", "localhost:80", true},
		{"80", "evil.example", false},
	}
	s := testServer()
	for _, tt := range tests {
		for _, target := range []string{"/parents/", "/parents/schools/hillside/calendar.ics", reloadPath} {
			t.Run(tt.port+" "+tt.host+" "+target, func(t *testing.T) {
				s := s
				if tt.port != "8080" {
					s = newServer(Config{}, tt.port)
					s.setState(testServer().current())
				}
				r := httptest.NewRequest("GET", target, nil)
				r.Host = tt.host
				w := httptest.NewRecorder()
				s.ServeHTTP(w, r)
				switch {
				case tt.ok && w.Code != http.StatusOK:
					t.Errorf("%d, want 200", w.Code)
				case !tt.ok && (w.Code != http.StatusMisdirectedRequest ||
					w.Header().Get("Content-Type") != "text/plain; charset=utf-8" ||
					!strings.Contains(w.Body.String(), "only at 127.0.0.1, localhost and [::1] on port "+tt.port)):
					t.Errorf("%d %q %q, want 421 and a plain message", w.Code, w.Header().Get("Content-Type"), w.Body.String())
				}
			})
		}
	}
}

// TestStreamCap: past maxStreams open event streams, another is refused
// with 503 and its connection closed; one closing makes room again.
func TestStreamCap(t *testing.T) {
	ts := httptest.NewUnstartedServer(nil)
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	s := newServer(Config{}, port)
	s.setState(testServer().current())
	ts.Config.Handler = s
	ts.Start()
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	open := func() (*http.Response, error) {
		resp, err := client.Get(ts.URL + eventsPath)
		if err != nil || resp.StatusCode != http.StatusOK {
			return resp, err
		}
		// The server has taken the slot once it sends the first event.
		line, err := bufio.NewReader(resp.Body).ReadString('\n')
		if err != nil || line != "retry: 500\n" {
			t.Fatalf("the stream starts %q, %v", line, err)
		}
		return resp, nil
	}
	var streams []*http.Response
	defer func() {
		for _, resp := range streams {
			resp.Body.Close()
		}
	}()
	for range maxStreams {
		resp, err := open()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("stream %d: %v %v", len(streams)+1, resp.Status, err)
		}
		streams = append(streams, resp)
	}
	resp, err := open()
	if err != nil {
		t.Fatal(err)
	}
	var body []byte
	if resp.StatusCode != http.StatusOK { // an open stream would not end
		body, _ = io.ReadAll(resp.Body)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || !resp.Close || !strings.Contains(string(body), "too many pages") {
		t.Fatalf("stream %d: %s (connection closed: %v) %q, want 503 and the connection closed", maxStreams+1, resp.Status, resp.Close, body)
	}
	// A page closed frees its stream's slot when the server sees it go.
	streams[0].Body.Close()
	streams = streams[1:]
	for deadline := time.Now().Add(5 * time.Second); ; {
		resp, err := open()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode == http.StatusOK {
			streams = append(streams, resp)
			break
		}
		resp.Body.Close()
		if time.Now().After(deadline) {
			t.Fatalf("no stream after one was closed: %s", resp.Status)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
