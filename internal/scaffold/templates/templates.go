// Package templates holds the files that `parentpages new` starts a school,
// an update and a meeting from (package scaffold). The editor at /admin/
// shows their notes beside the fields they explain (package cms), so that
// the two never say different things; it is a package of its own so that
// both can read it.
package templates

import "embed"

// FS holds school.yaml.tmpl, update.md.tmpl and meeting.yaml.tmpl.
//
//go:embed *.tmpl
var FS embed.FS
