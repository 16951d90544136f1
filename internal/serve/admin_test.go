package serve

import (
	"github.com/parentpages/parentpages/internal/content"
	"net/http/httptest"
	"testing"

	"github.com/parentpages/parentpages/internal/cms"
	"github.com/parentpages/parentpages/internal/render"
)

// The editor at /admin/ gets its own policy (the site's allows no script)
// and is served as built: no banner, no version to reload on, so that a
// rebuild after the PSA saves does not lose what they are typing.
func TestAdmin(t *testing.T) {
	s := testServer(content.Diagnostic{Path: "schools/hillside/school.yaml", Pos: content.Pos{Line: 3, Col: 1}, Msg: "a mistake"})
	page := []byte(`<!DOCTYPE html><html><head><script src="admin.js"></script></head><body></body></html>`)
	st := s.current()
	st.files["admin/index.html"] = render.Output{Path: "admin/index.html", MediaType: "text/html; charset=utf-8", Body: page}
	st.files["admin/config.yml"] = render.Output{Path: "admin/config.yml", MediaType: "application/yaml; charset=utf-8", Body: []byte("backend: {}\n")}
	tests := []struct {
		target, csp string
		asBuilt     bool
	}{
		{"/parents/admin/", cms.CSP, true},
		{"/parents/admin/config.yml", cms.CSP, true},
		{"/parents/", csp, false},
		{"/parents/schools/hillside/", csp, false},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			w := httptest.NewRecorder()
			s.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1:8080"+tt.target, nil))
			if w.Code != 200 {
				t.Fatalf("status %d", w.Code)
			}
			if got := w.Header().Get("Content-Security-Policy"); got != tt.csp {
				t.Errorf("policy %q, want %q", got, tt.csp)
			}
			if tt.asBuilt && tt.target == "/parents/admin/" && w.Body.String() != string(page) {
				t.Errorf("the editor's page was changed: %s", w.Body.String())
			}
		})
	}
}
