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

// MeetingsHeader starts a new meetings.yaml, above its first meeting: the
// one note `new` writes outside a template file.
const MeetingsHeader = `# The school's meetings: one block starting "- title:" for each, in any order.
# Lines that start with # are notes for you: they are never published.
# Add a meeting with ` + "`parentpages new meeting SCHOOL \"Title\"`" + `, or copy a block.

`
