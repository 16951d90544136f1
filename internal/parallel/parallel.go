// Package parallel runs independent work on every core: loading, modelling
// and rendering a site are done a school at a time, and the schools do not
// depend on each other.
package parallel

import (
	"runtime"
	"sync"
)

// Do calls f(0) ... f(n-1), as many at once as there are cores, and
// returns when all have returned.
func Do(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
