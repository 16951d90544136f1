//go:build unix

package publish

import "syscall"

// writeFile writes a new file with plain system calls: os.WriteFile also
// tries to register each file with the runtime's poller, which costs
// several more calls a file, and a site has tens of thousands.
func writeFile(name string, b []byte) error {
	fd, err := syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return &pathError{Op: "open", Path: name, Err: err}
	}
	for len(b) > 0 {
		n, err := syscall.Write(fd, b)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &pathError{Op: "write", Path: name, Err: err}
		}
		b = b[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &pathError{Op: "close", Path: name, Err: err}
	}
	return nil
}
