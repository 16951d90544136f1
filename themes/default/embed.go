// Package theme holds the default theme: the templates and assets that
// every site gets unless its own theme folder overrides them file by file.
package theme

import "embed"

// FS holds templates/ and assets/.
//
//go:embed templates assets
var FS embed.FS
