package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"strconv"

	"github.com/parentpages/parentpages/internal/build"
	"github.com/parentpages/parentpages/internal/serve"
)

// defaultPort is the preview's port when --port is not given.
const defaultPort = 8080

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("parentpages serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var content string
	var port int
	fs.StringVar(&content, "content", "content", "the content `folder`")
	fs.IntVar(&port, "port", defaultPort, "the `port` to serve on, at 127.0.0.1; 0 picks a free one")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "parentpages serve: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return exitUsage
	}
	if port < 0 || port > 65535 {
		fmt.Fprintf(stderr, "parentpages serve: --port %d is not a port; give a number from 1 to 65535, or 0 for any free port\n", port)
		return exitUsage
	}
	// 127.0.0.1 only: the preview shows drafts, and is not for the network.
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		fmt.Fprintf(stderr, "parentpages serve: cannot serve on port %d (%v); another program, or another preview, may be using it: give another with --port, or --port 0 for any free one\n", port, err)
		return exitUsage
	}
	if err := serve.Run(ctx, ln, serve.Config{Build: build.Config{Content: content}, Log: stdout}); err != nil {
		fmt.Fprintf(stderr, "parentpages serve: %v\n", err)
		return exitUsage
	}
	return exitOK
}
