// Package theme holds the default theme: the templates and assets that
// every site gets unless its own theme folder overrides them file by file.
package theme

import "embed"

// FS holds templates/, assets/ and i18n/ (the message catalogues).
//
//go:embed templates assets i18n
var FS embed.FS
