package serve

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/build"
)

// syncBuffer is a log that the test reads while the server writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func writeFiles(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for p, data := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// running is a server started in this process.
type running struct {
	addr   string
	log    *syncBuffer
	cancel context.CancelFunc
	done   chan error
	events chan string
	wait   time.Duration // the longest a build may take
}

// start runs the server on the content folder root/content; wait is the
// longest a build may take.
func start(t testing.TB, root string, wait time.Duration) *running {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{addr: ln.Addr().String(), log: &syncBuffer{}, cancel: cancel, done: make(chan error, 1), events: make(chan string, 1000), wait: wait}
	go func() {
		r.done <- Run(ctx, ln, Config{Build: build.Config{Content: filepath.Join(root, "content")}, Log: r.log})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-r.done:
		case <-time.After(5 * time.Second):
			t.Error("Run did not return within 5s of its context ending")
		}
	})
	waitFor(t, "the first build", wait, func() bool { return strings.Contains(r.log.String(), "Preview: ") })
	return r
}

// listen opens the reload stream; its events' data go to r.events.
func (r *running) listen(t testing.TB) io.Closer {
	t.Helper()
	resp, err := http.Get("http://" + r.addr + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				r.events <- d
			}
		}
		close(r.events)
	}()
	r.next(t) // hello
	return resp.Body
}

func (r *running) next(t testing.TB) string {
	t.Helper()
	select {
	case e := <-r.events:
		return e
	case <-time.After(r.wait):
		t.Fatalf("no event within %s\n%s", r.wait, r.log)
		return ""
	}
}

func (r *running) get(t testing.TB, path string) string {
	t.Helper()
	resp, err := http.Get("http://" + r.addr + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func waitFor(t testing.TB, what string, wait time.Duration, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(wait); !ok(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

var smallSite = map[string]string{
	"content/site.yaml": "title: Test Partnership\nbase_url: https://example.org/\ntheme: themes/mine\n",
	"content/schools/hillside/school.yaml": `name: Hillside Primary School
psa: {name: Jo Bloggs, email: jo@example.org}
inspections:
  - {start: 2026-09-15, published: 2026-10-20, framework: eif-2019, category: special-measures}
`,
	"content/schools/hillside/updates/2026-10-20-hello.md": "---\ntitle: Hello\n---\nFirst update.\n",
	"content/schools/riverside/school.yaml": `name: Riverside School
psa: {name: Jo Bloggs, email: jo@example.org}
inspections:
  - {start: 2026-09-15, published: 2026-10-20, framework: eif-2019, category: special-measures}
`,
	"themes/mine/assets/extra.css": "p { color: black }\n",
}

func TestWatch(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, smallSite)
	r := start(t, root, 10*time.Second)
	r.listen(t)

	t.Run("a burst of changes is one rebuild", func(t *testing.T) {
		files := map[string]string{}
		for i := range 20 {
			files["content/schools/hillside/updates/2026-10-2"+string(rune('0'+i%10))+"-burst-"+string(rune('a'+i))+".md"] = "---\ntitle: Burst\n---\nText.\n"
		}
		writeFiles(t, root, files)
		r.next(t)
		// Nothing else should come: give a second rebuild the time to show.
		time.Sleep(5 * DefaultDebounce)
		if n := len(r.events); n > 2 {
			t.Errorf("%d rebuilds more for one burst of 20 files", n)
		}
		for len(r.events) > 0 {
			<-r.events
		}
		if !strings.Contains(r.get(t, "/schools/hillside/updates/burst-t/"), "Burst") {
			t.Errorf("the last file of the burst is not served")
		}
	})

	t.Run("an editor's atomic save", func(t *testing.T) {
		dir := filepath.Join(root, "content/schools/hillside/updates")
		tmp := filepath.Join(dir, ".2026-10-20-hello.md.swp")
		if err := os.WriteFile(tmp, []byte("---\ntitle: Saved atomically\n---\nText.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dir, "2026-10-20-hello.md")); err != nil {
			t.Fatal(err)
		}
		r.next(t)
		if !strings.Contains(r.get(t, "/schools/hillside/updates/hello/"), "Saved atomically") {
			t.Errorf("the saved file is not served")
		}
	})

	t.Run("the theme folder", func(t *testing.T) {
		writeFiles(t, root, map[string]string{"themes/mine/assets/extra.css": "p { color: navy }\n"})
		r.next(t)
		if got := r.get(t, "/assets/extra.css"); !strings.Contains(got, "navy") {
			t.Errorf("extra.css = %q", got)
		}
	})

	t.Run("an error stays until it is fixed", func(t *testing.T) {
		hillside := "content/schools/hillside/meetings.yaml"
		writeFiles(t, root, map[string]string{hillside: "- title: [\n"})
		r.next(t)
		// A change to another school must not hide the first's error.
		writeFiles(t, root, map[string]string{"content/schools/riverside/school.yaml": strings.Replace(smallSite["content/schools/riverside/school.yaml"], "Riverside School", "Riverside Academy", 1)})
		r.next(t)
		if got := r.get(t, "/"); !strings.Contains(got, "schools/hillside/meetings.yaml, line 1:") {
			t.Errorf("the error is no longer shown")
		}
		writeFiles(t, root, map[string]string{hillside: "- {title: Focus group, start: 2026-12-03T09:15}\n"})
		r.next(t)
		got := r.get(t, "/")
		if strings.Contains(got, "pp-box") || !strings.Contains(got, "Riverside Academy") {
			t.Errorf("the fixed site is not served")
		}
	})

	t.Run("shutdown", func(t *testing.T) {
		r.cancel()
		select {
		case err := <-r.done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
			r.done <- err // for the cleanup
		case <-time.After(5 * time.Second):
			t.Fatal("Run did not return within 5s")
		}
		for range r.events { // the stream ends
		}
	})
}
