// Package parallel runs a function over indexes, one worker per CPU: the
// one way itrack spreads work over the cores, for loading files and for
// computations over every record.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(i) for every i in [0, n), one worker per CPU (at most n),
// and returns when every call has. Each call must write only what is its
// own (the i-th element of a slice made beforehand).
func For(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
