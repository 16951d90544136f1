package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
)

// TestMain lets the test binary stand in for a build that uses a known
// amount of memory: with PPBENCH_TEST_ALLOC=<MiB> it touches that much
// and exits.
func TestMain(m *testing.M) {
	if s := os.Getenv("PPBENCH_TEST_ALLOC"); s != "" {
		n, _ := strconv.Atoi(s)
		b := make([]byte, n<<20)
		for i := 0; i < len(b); i += 4096 {
			b[i] = 1
		}
		runtime.KeepAlive(b)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestPeakIsTheChilds: the peak memory timeCommand reports is the child's,
// not ppbench's: a child that uses little reports little after ppbench
// itself used much more (Linux would otherwise start the child's peak at
// ppbench's), and a child that uses much reports at least that.
func TestPeakIsTheChilds(t *testing.T) {
	big := make([]byte, 300<<20)
	for i := 0; i < len(big); i += 4096 {
		big[i] = 1
	}
	runtime.KeepAlive(big)
	big = nil
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ alloc, atLeast, below int }{
		{8, 8, 100},
		{200, 200, 290},
	} {
		m, err := timeCommand(context.Background(), self, []string{"-test.run=^$"}, []string{fmt.Sprintf("PPBENCH_TEST_ALLOC=%d", tc.alloc)})
		if err != nil {
			t.Fatal(err)
		}
		if peak := m.peak >> 20; peak < int64(tc.atLeast) || peak >= int64(tc.below) {
			t.Errorf("a child that touches %d MiB after ppbench used 300: peak %d MiB, want %d to %d", tc.alloc, peak, tc.atLeast, tc.below)
		}
		if m.own <= 0 || m.own>>20 >= 100 {
			t.Errorf("ppbench's own size as it started the child: %d MiB, want above 0 and below 100", m.own>>20)
		}
	}
}
