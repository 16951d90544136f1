package ical

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// A small strict reader of what Marshal writes, so tests can check the
// structure of the output and read values back.

type component struct {
	name  string
	props []property
	subs  []*component
}

type property struct {
	name   string
	params string // everything between the name and the colon, e.g. ";TZID=Europe/London"
	value  string
}

// get returns the values of the named property, in order.
func (c *component) get(name string) []string {
	var vs []string
	for _, p := range c.props {
		if p.name == name {
			vs = append(vs, p.value)
		}
	}
	return vs
}

// line returns the named property as it was written (unfolded), or "".
func (c *component) line(name string) string {
	for _, p := range c.props {
		if p.name == name {
			return p.name + p.params + ":" + p.value
		}
	}
	return ""
}

// all returns the sub-components with the given name.
func (c *component) all(name string) []*component {
	var cs []*component
	for _, s := range c.subs {
		if s.name == name {
			cs = append(cs, s)
		}
	}
	return cs
}

var propName = regexp.MustCompile(`^[A-Z][A-Z0-9-]*$`)

// parse checks the physical and logical structure of an iCalendar file
// (CRLF only, lines of at most 75 octets, valid UTF-8, matched BEGIN/END,
// one VCALENDAR) and returns its VCALENDAR.
func parse(t *testing.T, data []byte) *component {
	t.Helper()
	s := string(data)
	if !utf8.ValidString(s) {
		t.Fatal("output is not valid UTF-8")
	}
	if !strings.HasSuffix(s, "\r\n") {
		t.Fatal("output does not end with CRLF")
	}
	for i, l := range strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n") {
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("physical line %d has a bare CR or LF: %q", i+1, l)
		}
		if len(l) > maxLineOctets {
			t.Fatalf("physical line %d has %d octets: %q", i+1, len(l), l)
		}
		if l == "" {
			t.Fatalf("physical line %d is empty", i+1)
		}
	}

	var root *component
	var stack []*component
	for i, l := range strings.Split(strings.TrimSuffix(Unfold(s), "\r\n"), "\r\n") {
		p, ok := splitLine(l)
		if !ok || !propName.MatchString(p.name) {
			t.Fatalf("content line %d is malformed: %q", i+1, l)
		}
		switch p.name {
		case "BEGIN":
			c := &component{name: p.value}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.subs = append(top.subs, c)
			} else if root != nil {
				t.Fatalf("content line %d: a second top-level component %s", i+1, p.value)
			} else {
				root = c
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].name != p.value {
				t.Fatalf("content line %d: END:%s does not close the open component", i+1, p.value)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				t.Fatalf("content line %d is outside any component: %q", i+1, l)
			}
			top := stack[len(stack)-1]
			top.props = append(top.props, p)
		}
	}
	if len(stack) != 0 {
		t.Fatalf("component %s is not closed", stack[len(stack)-1].name)
	}
	if root == nil || root.name != "VCALENDAR" {
		t.Fatal("no VCALENDAR")
	}
	return root
}

// splitLine splits "NAME;PARAM=x;P2=\"a:b\":value" at the first colon that
// is not inside a quoted parameter value.
func splitLine(l string) (property, bool) {
	quoted := false
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '"':
			quoted = !quoted
		case ':':
			if quoted {
				continue
			}
			head := l[:i]
			name, params := head, ""
			if j := strings.IndexByte(head, ';'); j >= 0 {
				name, params = head[:j], head[j:]
			}
			return property{name: name, params: params, value: l[i+1:]}, true
		}
	}
	return property{}, false
}
