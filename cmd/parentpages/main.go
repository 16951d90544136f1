// Command parentpages builds a Parent Partnership website from a folder of
// Markdown and YAML. See README.md, and CONTENT-FORMAT for the format.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	_ "time/tzdata" // any IANA timezone works, even on a machine without zoneinfo
)

func main() {
	// A large site is rendered a school at a time and released as it is
	// written; a soft limit keeps the garbage collector from letting the
	// heap grow far past what is live (GOMEMLIMIT overrides it).
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(768 << 20)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
