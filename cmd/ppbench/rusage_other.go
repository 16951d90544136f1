//go:build !linux

package main

import "os"

// peakRSS is not measured outside Linux, where ru_maxrss has other units.
func peakRSS(*os.ProcessState) int64 { return 0 }

// ownRSS is not measured outside Linux.
func ownRSS() int64 { return 0 }
