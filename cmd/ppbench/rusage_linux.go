package main

import (
	"os"
	"syscall"
)

// peakRSS is the child's maximum resident set size; Linux gives it in KiB.
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024
	}
	return 0
}
