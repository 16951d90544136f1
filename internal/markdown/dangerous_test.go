package markdown

import (
	"testing"

	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

func TestDangerous(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want bool
	}{
		{"javascript:alert(1)", true},
		{"JavaScript:alert(1)", true},
		{"VBSCRIPT:x", true},
		{"file:///etc/passwd", true},
		{"data:text/html,<b>", true},
		{"DATA:text/html,x", true},
		{"data:image/svg+xml,<svg>", true},
		{"data:image/png;base64,AAAA", false},
		{"data:IMAGE/JPEG;base64,AAAA", false},
		{"data:image/webp;base64,x", false},
		{"data:image/webp,x", true},
		{"data:image/", true},
		{"data:image", true},
		{"https://example.org/", false},
		{"/schools/oak/", false},
		{"../files/plan.pdf", false},
		{"mailto:psa@example.org", false},
		{"tel:01234567890", false},
		{"javascript", false},
		{"", false},
	} {
		if got := dangerous([]byte(tc.url)); got != tc.want {
			t.Errorf("dangerous(%q) = %v, want %v", tc.url, got, tc.want)
		}
		if got := html.IsDangerousURL([]byte(tc.url)); got != tc.want {
			t.Errorf("goldmark says %q is dangerous: %v; the table is wrong", tc.url, got)
		}
	}
}

// FuzzDangerous checks dangerous against goldmark's own check, on URLs as
// the renderer gives them to it: escaped, so ASCII.
func FuzzDangerous(f *testing.F) {
	for _, s := range []string{"javascript:x", "Data:Image/PNG,x", "https://a/", "fILe:x", "data:image/gifx", "vbscript"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := util.URLEscape([]byte(s), true)
		if got, want := dangerous(u), html.IsDangerousURL(u); got != want {
			t.Errorf("dangerous(%q) = %v, goldmark says %v", u, got, want)
		}
	})
}
