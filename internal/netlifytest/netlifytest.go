// Package netlifytest reads the header rules Netlify would apply to the
// site, from netlify.toml's [[headers]] tables and from the _headers file
// the build writes, and matches their paths as Netlify does, for the tests
// that check what policy each path is sent.
package netlifytest

import (
	"os"
	"regexp"
	"strings"
)

// Rule is one rule of netlify.toml or _headers: a path pattern and the
// headers it sets.
type Rule struct {
	Pattern string
	Values  map[string]string
}

// ReadTOML reads the [[headers]] tables of the netlify.toml at path,
// written as the repository writes them: `for = "..."`, then
// `Name = "value"` lines.
func ReadTOML(path string) ([]Rule, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rules []Rule
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "[[headers]]":
			rules = append(rules, Rule{Values: map[string]string{}})
			in = true
		case strings.HasPrefix(line, "[") && line != "[headers.values]":
			in = false
		case in && strings.Contains(line, " = "):
			k, v, _ := strings.Cut(line, " = ")
			v = strings.Trim(v, `"`)
			if r := &rules[len(rules)-1]; k == "for" {
				r.Pattern = v
			} else {
				r.Values[k] = v
			}
		}
	}
	return rules, nil
}

// ReadHeaders reads a _headers file: a path on a line of its own, then
// indented "Name: value" lines; # starts a comment.
func ReadHeaders(text string) []Rule {
	var rules []Rule
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#"):
		case !strings.HasPrefix(line, " "):
			rules = append(rules, Rule{Pattern: line, Values: map[string]string{}})
		default:
			k, v, _ := strings.Cut(strings.TrimSpace(line), ": ")
			rules[len(rules)-1].Values[k] = v
		}
	}
	return rules
}

// Match reports whether a rule's path pattern matches a request path as
// Netlify's headers parser (@netlify/headers-parser, for_regexp.ts) makes
// it a regular expression: ":name" is one part of the path, a part "*"
// anything (the "/" before it optional), a "*" within a part anything, and
// a "/" at the end optional; case does not matter.
func Match(pattern, p string) bool {
	var parts []string
	for _, part := range strings.Split(pattern, "/") {
		part = strings.TrimRight(part, " ")
		switch {
		case part == "":
			continue
		case strings.HasPrefix(part, ":"):
			parts = append(parts, "([^/]+)")
		case part == "*":
			parts = append(parts, "?(.*)")
		case strings.Contains(part, "*"):
			parts = append(parts, strings.ReplaceAll(regexp.QuoteMeta(part), `\*`, "(.*)"))
		default:
			parts = append(parts, regexp.QuoteMeta(part))
		}
	}
	return regexp.MustCompile(`(?i)^/` + strings.Join(parts, "/") + `/?$`).MatchString(p)
}

// Policies lists the Content-Security-Policy of every rule that matches
// path p.
func Policies(rules []Rule, p string) []string {
	var out []string
	for _, r := range rules {
		if v, ok := r.Values["Content-Security-Policy"]; ok && Match(r.Pattern, p) {
			out = append(out, v)
		}
	}
	return out
}
