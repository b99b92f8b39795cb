package remedy_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
	"github.com/jilin761/intake/examples/corpus"
)

// BenchmarkRemedies measures, side by side in one run, one Evaluate and one
// Remedies (fixes, the verified plan and the ranked questions) of the same corpus
// project, cycling through 1,000 projects of the shared corpus (seed 3). ns/op is the
// pair; it reports the median and p99 of each, and of the per-project ratio
// Remedies/Evaluate, whose goal is at most 30.
func BenchmarkRemedies(b *testing.B) {
	e := eligibility.Default()
	pl, err := remedy.New(e)
	if err != nil {
		b.Fatal(err)
	}
	projects := corpus.Generate(3, 1000)
	ctx := context.Background()
	asOf := corpus.AsOf()
	var ev, rem, ratio []float64
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := projects[i%len(projects)]
		t0 := time.Now()
		if _, err := e.EvaluateContext(ctx, p, asOf); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := pl.Remedies(ctx, p, asOf); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		ev = append(ev, float64(t1.Sub(t0)))
		rem = append(rem, float64(t2.Sub(t1)))
		ratio = append(ratio, float64(t2.Sub(t1))/float64(t1.Sub(t0)))
	}
	b.StopTimer()
	b.ReportMetric(quantile(ev, 0.5), "evaluate-p50-ns")
	b.ReportMetric(quantile(rem, 0.5), "remedies-p50-ns")
	b.ReportMetric(quantile(rem, 0.99), "remedies-p99-ns")
	b.ReportMetric(quantile(ratio, 0.5), "ratio-p50")
	b.ReportMetric(quantile(ratio, 0.99), "ratio-p99")
}

// BenchmarkNew measures building a Planner: one engine per criterion.
func BenchmarkNew(b *testing.B) {
	e := eligibility.Default()
	for b.Loop() {
		if _, err := remedy.New(e); err != nil {
			b.Fatal(err)
		}
	}
}

func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}
