package main

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// preview is a running `parentpages serve`.
type preview struct {
	t      *testing.T
	dir    string
	addr   string // host:port
	cmd    *exec.Cmd
	stdout *lockedBuffer
	events chan string // the data of each event from the reload stream
}

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var previewLine = regexp.MustCompile(`Preview: http://(127\.0\.0\.1:\d+)(/\S*)`)

// startPreview runs the real serve command on dir with a free port and
// waits until it says where it is serving. It stops it at the end of the
// test with an interrupt, as Ctrl+C does, and checks that it stops cleanly.
func startPreview(t *testing.T, dir string) *preview {
	t.Helper()
	p := &preview{t: t, dir: dir, stdout: &lockedBuffer{}, events: make(chan string, 100)}
	p.cmd = exec.Command(binary, "serve", "--port", "0")
	p.cmd.Dir = dir
	p.cmd.Stdout, p.cmd.Stderr = p.stdout, p.stdout
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- p.cmd.Wait() }()
	t.Cleanup(func() {
		p.cmd.Process.Signal(os.Interrupt)
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("serve did not exit cleanly: %v\n%s", err, p.stdout)
			}
		case <-time.After(5 * time.Second):
			p.cmd.Process.Kill()
			t.Errorf("serve did not stop within 5s of an interrupt\n%s", p.stdout)
		}
	})
	eventually(t, "serve to start", func() bool {
		m := previewLine.FindStringSubmatch(p.stdout.String())
		if m != nil {
			p.addr = m[1]
		}
		return m != nil
	})
	return p
}

// listen opens the reload stream and passes its events' data to p.events.
func (p *preview) listen() {
	p.t.Helper()
	resp, err := http.Get("http://" + p.addr + "/_parentpages/events")
	if err != nil {
		p.t.Fatal(err)
	}
	p.t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		p.t.Fatalf("events Content-Type = %q", ct)
	}
	go func() {
		sc := bufio.NewScanner(resp.Body)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			if e, ok := strings.CutPrefix(line, "event: "); ok {
				event = e
			}
			if d, ok := strings.CutPrefix(line, "data: "); ok {
				p.events <- event + " " + d
			}
		}
	}()
	if e := p.nextEvent(); !strings.HasPrefix(e, "hello ") {
		p.t.Fatalf("first event %q, want hello", e)
	}
}

// nextEvent waits for the next event from the reload stream.
func (p *preview) nextEvent() string {
	p.t.Helper()
	select {
	case e := <-p.events:
		return e
	case <-time.After(10 * time.Second):
		p.t.Fatalf("no reload event within 10s\n%s", p.stdout)
		return ""
	}
}

// drain forgets events already received.
func (p *preview) drain() {
	for {
		select {
		case <-p.events:
		default:
			return
		}
	}
}

func (p *preview) get(path string) (int, http.Header, string) {
	p.t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get("http://" + p.addr + path)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		p.t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

// raw sends a request line exactly as written, which an HTTP client would
// clean, and returns the response's status line and body.
func (p *preview) raw(target string) (string, string) {
	p.t.Helper()
	c, err := net.Dial("tcp", p.addr)
	if err != nil {
		p.t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, "GET "+target+" HTTP/1.1\r\nHost: "+p.addr+"\r\nConnection: close\r\n\r\n")
	resp, err := io.ReadAll(c)
	if err != nil {
		p.t.Fatal(err)
	}
	status, rest, _ := strings.Cut(string(resp), "\r\n")
	return status, rest
}

// write changes a file of the site and waits for the pages to be told.
func (p *preview) write(name, data string) {
	p.t.Helper()
	p.drain()
	full := filepath.Join(p.dir, "content", filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
		p.t.Fatal(err)
	}
	if e := p.nextEvent(); !strings.HasPrefix(e, "reload ") {
		p.t.Fatalf("event %q, want reload", e)
	}
}

// eventually polls until ok or 10 seconds have passed.
func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

var scriptTag = regexp.MustCompile(`<script[^>]*>`)

func TestServe(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("not for the web"), 0o644)
	p := startPreview(t, dir)
	if !strings.Contains(p.stdout.String(), "Preview: http://"+p.addr+"/parents/") {
		t.Errorf("the address does not have the base path:\n%s", p.stdout)
	}
	page := "/parents/schools/hillside/"

	t.Run("pages have the reload script", func(t *testing.T) {
		code, h, body := p.get(page)
		if code != 200 || h.Get("Content-Type") != "text/html; charset=utf-8" {
			t.Fatalf("status %d, %s", code, h.Get("Content-Type"))
		}
		// A JSON-LD data block is not run (and CSP does not apply to
		// it): every other script must be the reload script.
		var scripts []string
		for _, s := range scriptTag.FindAllString(body, -1) {
			if s != `<script type="application/ld+json">` {
				scripts = append(scripts, s)
			}
		}
		if len(scripts) != 1 || scripts[0] != `<script src="/_parentpages/reload.js" defer>` {
			t.Errorf("scripts %q: want the reload script only, and no inline script", scripts)
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("CSP %q", h.Get("Content-Security-Policy"))
		}
		code, h, body = p.get("/_parentpages/reload.js")
		if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/javascript") || !strings.Contains(body, "EventSource") {
			t.Errorf("reload.js: %d %s", code, h.Get("Content-Type"))
		}
	})

	t.Run("paths", func(t *testing.T) {
		tests := []struct {
			path, location string
			code           int
			mediaType      string
		}{
			{"/", "/parents/", 302, ""},
			{"/parents", "/parents/", 302, ""},
			{"/parents/", "", 200, "text/html; charset=utf-8"},
			{"/parents/schools/hillside", "/parents/schools/hillside/", 302, ""},
			{"/parents/schools/hillside/calendar.ics", "", 200, "text/calendar; charset=utf-8"},
			{"/parents/feed.xml", "", 200, "application/rss+xml"},
			{"/parents/assets/style.css", "", 200, "text/css; charset=utf-8"},
			{"/parents/no-such-page/", "", 404, "text/html; charset=utf-8"},
			{"/schools/hillside/", "", 404, "text/html; charset=utf-8"},
		}
		for _, tt := range tests {
			code, h, body := p.get(tt.path)
			if code != tt.code || h.Get("Location") != tt.location || (tt.mediaType != "" && h.Get("Content-Type") != tt.mediaType) {
				t.Errorf("%s: %d %q %q, want %d %q %q", tt.path, code, h.Get("Location"), h.Get("Content-Type"), tt.code, tt.location, tt.mediaType)
			}
			if code == 404 && !strings.Contains(body, "<h1>Page not found</h1>") {
				t.Errorf("%s: not the site's 404 page", tt.path)
			}
		}
	})

	t.Run("no way out of the site", func(t *testing.T) {
		for _, target := range []string{
			"/../secret.txt",
			"/parents/../../secret.txt",
			"/parents/%2e%2e/%2e%2e/secret.txt",
			"/parents/%2E%2E%2F%2E%2E%2Fcontent%2Fsite.yaml",
			"/parents/..%2f..%2fcontent/site.yaml",
			"/parents/schools/hillside/../../../content/site.yaml",
			"/parents/..\\..\\secret.txt",
			"/parents/%00/../secret.txt",
			"/parents/content/site.yaml",
		} {
			status, body := p.raw(target)
			if !strings.HasPrefix(status, "HTTP/1.1 404") && !strings.HasPrefix(status, "HTTP/1.1 400") {
				t.Errorf("%s: %s", target, status)
			}
			if strings.Contains(body, "not for the web") || strings.Contains(body, "base_url") {
				t.Errorf("%s: served a file from outside the site", target)
			}
		}
	})

	p.listen()

	t.Run("an edit appears", func(t *testing.T) {
		p.write("schools/hillside/updates/2026-10-20-hello.md", "---\ntitle: Hello again\n---\nChanged.\n")
		if _, _, body := p.get(page + "updates/hello/"); !strings.Contains(body, "Hello again") {
			t.Errorf("the edit is not shown")
		}
	})

	t.Run("a broken file shows its error, over the last good site", func(t *testing.T) {
		p.write("schools/hillside/meetings.yaml", "- title: Focus group\n  start: [2026-12-03\n")
		code, _, body := p.get(page)
		if code != 200 || !strings.Contains(body, `role="alert"`) || !strings.Contains(body, "schools/hillside/meetings.yaml, line 2:") {
			t.Fatalf("status %d; the error is not shown:\n%s", code, body)
		}
		if !strings.Contains(body, "Hillside Primary School") || !strings.Contains(body, `<script src="/_parentpages/reload.js" defer>`) {
			t.Errorf("the last good page is not shown with its reload script")
		}
		if !strings.Contains(p.stdout.String(), "schools/hillside/meetings.yaml:") {
			t.Errorf("the error is not in the terminal:\n%s", p.stdout)
		}
	})

	t.Run("the fix brings the site back", func(t *testing.T) {
		p.write("schools/hillside/meetings.yaml", "- {title: Focus group, start: 2026-12-03T09:15}\n")
		if _, _, body := p.get(page); strings.Contains(body, "pp-box") {
			t.Errorf("the error is still shown")
		}
	})

	t.Run("a new school appears", func(t *testing.T) {
		// The folder first: the server must watch it, and the folder
		// inside it, to see the files written into them after.
		p.write("schools/riverside/updates/.keep", "")
		p.drain()
		os.Remove(filepath.Join(dir, "content/schools/riverside/updates/.keep"))
		p.write("schools/riverside/school.yaml", strings.ReplaceAll(goodSite["schools/hillside/school.yaml"], "Hillside", "Riverside"))
		if code, _, body := p.get("/parents/schools/riverside/"); code != 200 || !strings.Contains(body, "Riverside Primary School") {
			t.Errorf("the new school is not served: %d", code)
		}
		p.write("schools/riverside/updates/2026-11-01-first.md", "---\ntitle: First news\n---\nNews.\n")
		if code, _, _ := p.get("/parents/schools/riverside/updates/first/"); code != 200 {
			t.Errorf("an update in the new school's new folder is not served: %d", code)
		}
	})

	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("serve wrote public/")
	}
	// A build of the same content, while the preview runs, has no trace of it.
	if code, _, stderr := runBinary(t, dir, nil, "build", "--drafts", "--future"); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if built := snapshot(t, filepath.Join(dir, "public")); strings.Contains(built, "_parentpages") || strings.Contains(built, "parentpages-state") {
		t.Errorf("a built page has the preview's script or state")
	}
}

// TestServeBrokenFromTheStart checks that the server starts, and shows the
// errors, when the content has never built, then serves the site once fixed.
func TestServeBrokenFromTheStart(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	writeSite(t, dir, map[string]string{"site.yaml": "title: Test\nbase_url: example.org\n"})
	p := startPreview(t, dir)
	code, _, body := p.get("/anything/")
	if code != 503 || !strings.Contains(body, `site.yaml, line 2:</span> <code>base_url</code> is`) || !strings.Contains(body, `<script src="/_parentpages/reload.js" defer>`) {
		t.Fatalf("status %d:\n%s", code, body)
	}
	p.listen()
	p.write("site.yaml", goodSite["site.yaml"])
	if code, _, _ := p.get("/parents/"); code != 200 {
		t.Errorf("status %d after the fix", code)
	}
}

func TestServeUsage(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "extra"}, `unexpected argument "extra"`},
		{[]string{"serve", "--port", "70000"}, "is not a port"},
		{[]string{"serve", "--port", port}, "cannot serve on port " + port},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, stderr := runBinary(t, dir, nil, tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d\n%s\nwant %q", code, stderr, tt.want)
			}
		})
	}
}

func TestNew(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	today := time.Now().Format(time.DateOnly)
	steps := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"new", "school", "riverside-primary"}, 0, "Created content/schools/riverside-primary/school.yaml"},
		{[]string{"new", "update", "hillside", "What parents said in November"}, 0, "Created content/schools/hillside/updates/" + today + "-what-parents-said-in-november.md"},
		{[]string{"new", "meeting", "hillside", "Focus group: homework"}, 0, "Added a meeting to content/schools/hillside/meetings.yaml"},
		{[]string{"new", "meeting", "--content", "content", "riverside-primary", "Review group"}, 0, "content/schools/riverside-primary/meetings.yaml"},
		{[]string{"check", "--drafts"}, 0, "2 schools, no errors"},
		{[]string{"new", "school", "riverside-primary"}, 1, "already exists"},
		{[]string{"new", "update", "hillside", "What parents said in November"}, 1, "already exists"},
		{[]string{"new", "update", "hilside", "Hi"}, 1, `no school "hilside"`},
		{[]string{"new", "update", "--content", "elsewhere", "hillside", "Hi"}, 1, "elsewhere is not a content folder"},
		{[]string{"new", "update", "hillside"}, 2, "wrong number of arguments"},
		{[]string{"new", "page", "x"}, 2, "school, update or meeting"},
		{[]string{"new"}, 2, "school, update or meeting"},
	}
	for _, s := range steps {
		code, stdout, stderr := runBinary(t, dir, nil, s.args...)
		if code != s.code || !strings.Contains(stdout+stderr, s.want) {
			t.Errorf("%s: exit %d (want %d)\nstdout %s\nstderr %s\nwant %q", strings.Join(s.args, " "), code, s.code, stdout, stderr, s.want)
		}
	}
}

func TestCheckFormatGitHub(t *testing.T) {
	dir := t.TempDir()
	site := map[string]string{"schools/hillside/views.yaml": "- {gathered: 2026-10-15}\n"}
	for k, v := range goodSite {
		site[k] = v
	}
	writeSite(t, dir, site)
	code, stdout, stderr := runBinary(t, dir, nil, "check", "--format", "github", "--content", "./content/")
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want := "::error file=content/schools/hillside/views.yaml,line=1,col=3::gathering of views '2026-10-15' (the 1st) is missing the required field `how`"
	if !strings.HasPrefix(stdout, want) {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, want)
	}
	if !strings.HasPrefix(stderr, "schools/hillside/views.yaml:1:3: gathering of views '2026-10-15' (the 1st) is missing") {
		t.Errorf("the plain format is not on stderr:\n%s", stderr)
	}
	if code, _, stderr := runBinary(t, dir, nil, "check", "--format", "xml"); code != 2 || !strings.Contains(stderr, `--format "xml" is not a format`) {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}
