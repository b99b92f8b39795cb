package sheet_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/examples/corpus"
)

// The monthly round at a province's scale: 10,000 projects read from a filled
// workbook, evaluated with their remedies, and written as a result workbook.
// Goal: under 10 s and 1 GiB peak (BENCHMARKS.md).
func BenchmarkRound10000(b *testing.B) {
	w := workbook(b)
	ps := corpus.Generate(15, 10_000)
	var in bytes.Buffer
	require.NoError(b, w.WriteTemplate(&in, ps))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rows, err := w.Read(context.Background(), bytes.NewReader(in.Bytes()))
		require.NoError(b, err)
		outs, err := w.Evaluate(context.Background(), rows, corpus.AsOf(), nil)
		require.NoError(b, err)
		require.NoError(b, w.WriteResults(io.Discard, corpus.AsOf(), outs))
	}
}
