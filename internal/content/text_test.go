package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestCharacters(t *testing.T) {
	const u = "schools/hillside/updates/2026-10-20-hello.md"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // the diagnostics, as printed (a prefix of each)
	}{
		{"a control character in a body", map[string]string{u: "---\ntitle: Hello\n---\n\nBell \a here.\n"},
			[]string{u + ":5:6: there is an invisible control character here (U+0007)"}},
		{"a C1 control character", map[string]string{u: "---\ntitle: Hello\n---\nCSI \u009b here.\n"},
			[]string{u + ":4:5: there is an invisible control character here (U+009B)"}},
		{"not UTF-8", map[string]string{u: "---\ntitle: Hello\n---\nCaf\xe9 au lait.\n"},
			[]string{u + ":1:1: this file is not saved as UTF-8, the only text encoding the program reads (the first character it cannot read is on line 4, column 4)"}},
		{"the column counts characters", map[string]string{"schools/hillside/views.yaml": "- {gathered: 2026-10-15, how: \"Ysgol Gymraeg – Llŷn \x1b[31m\"}\n"},
			[]string{"schools/hillside/views.yaml:1:53: there is an invisible control character here (U+001B)"}},
		{"CRLF, tabs and a byte order mark are text", map[string]string{u: "\ufeff---\r\ntitle: Hello\r\n---\r\n\tIndented.\r\n"}, nil},
		{"a control character by escape", map[string]string{u: "---\ntitle: \"Hello\\athere\"\n---\n"},
			[]string{u + ":2:8: `title` holds an invisible control character (U+0007)"}},
		{"a bidi override in a title", map[string]string{u: "---\ntitle: \"Invoice \u202efdp.exe\"\n---\n"},
			[]string{u + ":2:8: warning: `title` holds the invisible character U+202E, which changes the direction of text"}},
		{"a bidi isolate in a school's name", map[string]string{school: strings.Replace(schoolWith("  - {start: 2024-03-12, framework: eif-2019}\n"), "Hillside Primary School", "Hillside \u2067Primary\u2069", 1)},
			[]string{school + ":1:7: warning: `name` holds the invisible character U+2067"}},
		{"a bidi control in a Markdown body stays", map[string]string{u: "---\ntitle: Hello\n---\nمرحبا \u2066Hillside\u2069.\n"}, nil},
		{"a backslash in a file name", map[string]string{`schools/hillside/files/a\b.pdf`: "%PDF"},
			[]string{`"schools/hillside/files/a\\b.pdf":1:1: this file name has a backslash`}},
		{"a file name that is not UTF-8", map[string]string{"schools/hillside/files/a\xffb.pdf": "%PDF"},
			[]string{`"schools/hillside/files/a\xffb.pdf":1:1: this file name is not UTF-8 text`}},
		{"a line break in a file name", map[string]string{"schools/hillside/files/a\n::error file=x::forged.pdf": "%PDF"},
			[]string{`"schools/hillside/files/a\n::error file=x::forged.pdf":1:1: this file name has an invisible control character (U+000A)`}},
		{"a bidi override in a file name", map[string]string{"schools/hillside/files/report\u202efdp.exe": "x"},
			[]string{`"schools/hillside/files/report\u202efdp.exe":1:1: this file name has the invisible character U+202E`}},
		{"a folder name", map[string]string{"schools/hillside/files/d\x01/plan.pdf": "%PDF"},
			[]string{`"schools/hillside/files/d\x01":1:1: this file name has an invisible control character (U+0001)`}},
		{"accents in a file name are fine", map[string]string{"schools/hillside/files/café-été.pdf": "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"}, nil},
		{"an update too big", map[string]string{u: "---\ntitle: Hello\n---\n" + strings.Repeat("a", maxMarkdownSize)},
			[]string{u + ":1:1: file is 262165 bytes, more than the 262144 allowed"}},
		{"a YAML file too big", map[string]string{"schools/hillside/views.yaml": "# " + strings.Repeat("a", maxYAMLSize)},
			[]string{"schools/hillside/views.yaml:1:1: file is 262146 bytes, more than the 262144 allowed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := baseSite()
			for p, data := range tt.files {
				fsys[p] = &fstest.MapFile{Data: []byte(data)}
			}
			c, ds := load(t, fsys)
			got := make([]string, len(ds))
			for i, d := range ds {
				got[i] = d.String()
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("diagnostic %d:\n got: %s\nwant: %s...", i, got[i], w)
				}
			}
			if len(c.Schools) == 1 {
				for _, f := range c.Schools[0].Files {
					if badName(f[strings.LastIndexByte(f, '/')+1:]) != "" {
						t.Errorf("the school lists the file %q", f)
					}
				}
			}
		})
	}
}

func TestBidiLeftOut(t *testing.T) {
	fsys := baseSite()
	fsys["schools/hillside/updates/2026-10-20-hello.md"] = &fstest.MapFile{Data: []byte("---\ntitle: \"Invoice \u202efdp.exe\"\nsummary: \"\u2066a\u2069 and \u200fb\"\n---\n")}
	c, _ := load(t, fsys)
	f := c.Schools[0].Updates[0].Front
	if f.Title != "Invoice fdp.exe" || f.Summary != "a and b" {
		t.Errorf("title %q, summary %q", f.Title, f.Summary)
	}
}

func TestPrintable(t *testing.T) {
	for _, tt := range []struct{ path, msg, want string }{
		{"schools/x/school.yaml", "`name` is \"é\"", "schools/x/school.yaml:1:1: `name` is \"é\""},
		{"schools/x/files/café.pdf", "ok", "schools/x/files/café.pdf:1:1: ok"},
		{"schools/x/files/a\n::error file=a::forged", "x", `"schools/x/files/a\n::error file=a::forged":1:1: x`},
		{"::error file=a::forged", "x", `"::error file=a::forged":1:1: x`},
		{" ::warning::forged", "x", `" ::warning::forged":1:1: x`},
		{"\u3000::warning::forged", "x", `"\u3000::warning::forged":1:1: x`},
		{"##[error]forged", "x", `"##\x5berror]forged":1:1: x`},
		{"schools/x/a.md", "this update and schools/x/updates/##[error]x.md\n::error::y", `schools/x/a.md:1:1: this update and schools/x/updates/##\x5berror]x.md\n::error::y`},
		{"schools/x/a.md", "tab\there, bell \a, override \u202e, bad \xff", `schools/x/a.md:1:1: tab\there, bell \a, override \u202e, bad \xff`},
	} {
		d := Diagnostic{Path: tt.path, Msg: tt.msg}
		if got := d.String(); got != tt.want {
			t.Errorf("got  %s\nwant %s", got, tt.want)
		}
	}
}
