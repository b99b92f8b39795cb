//go:build unix

package sheet_test

import (
	"bytes"
	"context"
	"io"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/examples/corpus"
)

// The monthly round at a province's scale: 10,000 projects read from a filled
// workbook, evaluated with their remedies, and written as a result workbook.
// Goal: under 10 s and 1 GiB peak on two cores (BENCHMARKS.md). Besides the wall
// time it reports the process's CPU time per round (cpu-s/op), which a shared
// machine's load does not inflate.
func BenchmarkRound10000(b *testing.B) {
	w := workbook(b)
	ps := corpus.Generate(15, 10_000)
	var in bytes.Buffer
	require.NoError(b, w.WriteTemplate(&in, ps))
	b.ReportAllocs()
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		rows, err := w.Read(context.Background(), bytes.NewReader(in.Bytes()))
		require.NoError(b, err)
		outs, err := w.Evaluate(context.Background(), rows, corpus.AsOf(), nil)
		require.NoError(b, err)
		require.NoError(b, w.WriteResults(io.Discard, corpus.AsOf(), outs))
	}
	b.StopTimer()
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
