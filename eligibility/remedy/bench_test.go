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
// pair. Each project's time is the least of its visits (run -benchtime 3000x or more
// for three), so that a pause from elsewhere on a shared machine does not count as the
// project's; it reports the median and p99 over the projects of Evaluate, of Remedies,
// and of the ratio Remedies/Evaluate, whose goal is at most 30.
func BenchmarkRemedies(b *testing.B) {
	e := eligibility.Default()
	pl, err := remedy.New(e)
	if err != nil {
		b.Fatal(err)
	}
	projects := corpus.Generate(3, 1000)
	ctx := context.Background()
	asOf := corpus.AsOf()
	ev := make([]time.Duration, len(projects))
	rem := make([]time.Duration, len(projects))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		k := i % len(projects)
		p := projects[k]
		t0 := time.Now()
		if _, err := e.EvaluateContext(ctx, p, asOf); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		if _, err := pl.Remedies(ctx, p, asOf); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		if d := t1.Sub(t0); ev[k] == 0 || d < ev[k] {
			ev[k] = d
		}
		if d := t2.Sub(t1); rem[k] == 0 || d < rem[k] {
			rem[k] = d
		}
	}
	b.StopTimer()
	var evs, rems, ratios []float64
	for k := range projects {
		if ev[k] == 0 {
			continue
		}
		evs, rems = append(evs, float64(ev[k])), append(rems, float64(rem[k]))
		ratios = append(ratios, float64(rem[k])/float64(ev[k]))
	}
	b.ReportMetric(quantile(evs, 0.5), "evaluate-p50-ns")
	b.ReportMetric(quantile(evs, 0.99), "evaluate-p99-ns")
	b.ReportMetric(quantile(rems, 0.5), "remedies-p50-ns")
	b.ReportMetric(quantile(rems, 0.99), "remedies-p99-ns")
	b.ReportMetric(quantile(ratios, 0.5), "ratio-p50")
	b.ReportMetric(quantile(ratios, 0.99), "ratio-p99")
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
