// Command parentpages builds a Parent Partnership website from a folder of
// Markdown and YAML. See README.md, and CONTENT-FORMAT for the format.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	_ "time/tzdata" // any IANA timezone works, even on a machine without zoneinfo
)

func main() {
	// A large site is rendered a school at a time and released as it is
	// written, so what is live is the site's YAML and model while a build
	// allocates gigabytes in passing. Collecting when the heap has tripled,
	// not doubled, takes a fifth less CPU at 1,000 schools. A soft limit
	// keeps the heap from growing far past what is live on a larger site: at
	// 5,000 schools about 700 MB is live, and a limit of 896 MiB (peak
	// resident 903 MiB) builds in 52 s where 768 MiB (834 MiB) took 64 s,
	// the collector running three times as often. GOGC and GOMEMLIMIT
	// override them.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(896 << 20)
	}
	// Ctrl+C, or a CI job cancelled (SIGTERM): the build stops, removes
	// what it staged and leaves the output folder as it was.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
