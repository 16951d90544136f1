//go:build !unix

package theme

// openNonblock: elsewhere there are no pipes to open by name.
const openNonblock = 0
