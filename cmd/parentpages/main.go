// Command parentpages builds a Parent Partnership website from a folder of
// Markdown and YAML. README.md describes the commands, and its "Content
// format reference" the files.
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
	// allocates far more in passing. Collecting when the heap has tripled,
	// not doubled, spends less CPU on collection; the soft limit keeps the
	// heap from growing far past what is live on a large site, set high
	// enough that the collector does not run again and again near it
	// (README.md, "Performance", has the measurements). GOGC and
	// GOMEMLIMIT override them.
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
