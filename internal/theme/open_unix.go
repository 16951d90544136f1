//go:build unix

package theme

import "syscall"

// openNonblock makes opening a pipe return at once rather than wait for a
// writer; the file is then refused, as it is not a regular file.
const openNonblock = syscall.O_NONBLOCK
