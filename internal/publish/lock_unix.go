//go:build unix

package publish

import (
	"os"
	"syscall"
)

// lockDir takes an exclusive lock on the folder dir, held until the file
// returned is closed or the process ends, however it ends. It returns
// nil, false if another process holds it.
func lockDir(dir string) (*os.File, bool) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, false
	}
	return f, true
}
