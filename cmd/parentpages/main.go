// Command parentpages builds a Parent Partnership website from a folder of
// Markdown and YAML. See README.md, and CONTENT-FORMAT for the format.
package main

import (
	"context"
	"os"
	"os/signal"
	_ "time/tzdata" // any IANA timezone works, even on a machine without zoneinfo
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
