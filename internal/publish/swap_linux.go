package publish

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders a and b in one step (renameat2 with
// RENAME_EXCHANGE, Linux 3.15 and later), so that a process killed at any
// moment leaves each name holding one whole folder. It returns
// errNoExchange where the kernel or the file system does not have the call.
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if err == nil {
		return nil
	}
	if noExchange(err) {
		return errNoExchange
	}
	return &os.LinkError{Op: "renameat2", Old: a, New: b, Err: err}
}

// noExchange reports whether renameat2's error means the exchange is not
// there to use, rather than that it failed: ENOSYS from a kernel older than
// 3.15, EINVAL or EOPNOTSUPP from a file system that cannot exchange, and
// EPERM from a container's seccomp filter that does not know the call. The
// two renames that follow fail in their turn if the trouble is real.
func noExchange(err error) bool {
	return errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) ||
		errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EPERM)
}
