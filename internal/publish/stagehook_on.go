//go:build stagehook

package publish

import (
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// stageHookEnv names the environment variable that, in a command built
// with the stagehook tag, holds the number of an open file descriptor
// (one the test passed to the command, such as a pipe's write end).
const stageHookEnv = "PARENTPAGES_STAGE_HOOK"

// stageHook lets the command's tests stop a build while it writes, with no
// sleeping and guessing. Once the build has written its first new file
// into the stage (Write, not Link), it writes the stage's path to the
// descriptor named by stageHookEnv, closes it, and holds that Write and
// every Write after it until the process is sent SIGINT or SIGTERM (or is
// killed): the test sends its signal at a known moment.
//
// When the signal arrives, the writers go on, and the command's own
// handler (main's signal.NotifyContext), which gets the signal at the same
// moment, cancels the build: every writer was waiting here, so nothing
// keeps the handler from running, and the build still has all but a file
// or two (one per writer) to write when it does.
type stageHook struct {
	once sync.Once
}

// hookWait bounds the wait, so that a command whose test has gone away
// does not wait for ever.
const hookWait = time.Minute

func (h *stageHook) written(stage string) {
	h.once.Do(func() {
		v := os.Getenv(stageHookEnv)
		if v == "" {
			return
		}
		fd, err := strconv.Atoi(v)
		if err != nil {
			panic(fmt.Sprintf("%s=%q is not a file descriptor", stageHookEnv, v))
		}
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
		defer signal.Stop(sigs)
		f := os.NewFile(uintptr(fd), stageHookEnv)
		fmt.Fprintln(f, stage)
		f.Close()
		select {
		case <-sigs:
		case <-time.After(hookWait):
		}
	})
}
