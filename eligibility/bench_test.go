package eligibility_test

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/examples/corpus"
)

// The benchmarks behind BENCHMARKS.md, which gives the command that reproduces its
// figures. Speed goals are checked there, never by a test.

var categories = []string{"bigdata", "ai", "industrial-internet", "telecom"}

// BenchmarkEvaluate measures a full verdict for a typical project of each category.
func BenchmarkEvaluate(b *testing.B) {
	engine := eligibility.Default()
	for _, name := range categories {
		p := base(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := engine.Evaluate(p, submissionDate); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkHandWritten measures the hand-written oracle (handwritten_test.go) on the
// same projects: the same verdict, rules in plain Go. Evaluate/HandWritten is the
// price of keeping the rules as data.
func BenchmarkHandWritten(b *testing.B) {
	for _, name := range categories {
		p := base(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := oracle.Evaluate(p, submissionDate); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNew measures building the engine for the default rule set.
func BenchmarkNew(b *testing.B) {
	rs := criteria.Default()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := eligibility.New(rs); err != nil {
			b.Fatal(err)
		}
	}
}

// benchCorpusSize is the number of generated projects the corpus benchmarks cycle
// through: enough to defeat branch prediction on one record, few enough to stay in
// cache as a nightly batch's working set would not, which favours neither benchmark.
const benchCorpusSize = 1000

// benchCorpus is the shared generated corpus (examples/corpus): realistic records,
// every one valid, evaluated on the date it is designed around.
func benchCorpus(b *testing.B) ([]*eligibility.Project, []eligibility.Date) {
	b.Helper()
	projects := corpus.Generate(3, benchCorpusSize)
	dates := make([]eligibility.Date, len(projects))
	for i, p := range projects {
		if err := eligibility.Default().Validate(p); err != nil {
			b.Fatal(err)
		}
		dates[i] = corpus.AsOf()
	}
	return projects, dates
}

// BenchmarkEvaluateCorpusSerial is one goroutine's throughput over the generated
// corpus: ns/op is the time for one verdict. allocs/op is the corpus average; the
// p90-, p99- and max-allocs metrics show the tail, which records with incidents and
// many undetermined criteria make.
func BenchmarkEvaluateCorpusSerial(b *testing.B) {
	engine := eligibility.Default()
	projects, dates := benchCorpus(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := engine.Evaluate(projects[i], dates[i]); err != nil {
			b.Fatal(err)
		}
		if i++; i == len(projects) {
			i = 0
		}
	}
	reportAllocTail(b, engine, projects, dates) // after the loop: b.Loop resets reported metrics
}

// reportAllocTail reports percentiles of the allocations per verdict over projects.
func reportAllocTail(b *testing.B, engine *eligibility.Engine, projects []*eligibility.Project, dates []eligibility.Date) {
	b.Helper()
	allocs := make([]float64, len(projects))
	for i, p := range projects {
		allocs[i] = testing.AllocsPerRun(2, func() { _, _ = engine.Evaluate(p, dates[i]) })
	}
	slices.Sort(allocs)
	b.ReportMetric(allocs[len(allocs)*90/100], "p90-allocs/verdict")
	b.ReportMetric(allocs[len(allocs)*99/100], "p99-allocs/verdict")
	b.ReportMetric(allocs[len(allocs)-1], "max-allocs/verdict")
}

// BenchmarkHandWrittenCorpusSerial is the oracle on the same corpus.
func BenchmarkHandWrittenCorpusSerial(b *testing.B) {
	projects, dates := benchCorpus(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := oracle.Evaluate(projects[i], dates[i]); err != nil {
			b.Fatal(err)
		}
		if i++; i == len(projects) {
			i = 0
		}
	}
}

// BenchmarkEvaluateParallel is the throughput of GOMAXPROCS goroutines sharing one
// engine over the corpus: ns/op is wall time per verdict. Run it with -cpu 1,2:
// EvaluateParallel (one core) / EvaluateParallel-2 (two) is the speed-up.
func BenchmarkEvaluateParallel(b *testing.B) { benchParallel(b, withEvaluate(eligibility.Default())) }

// BenchmarkBatchParallel is EvaluateParallel with a Batch per goroutine, as a
// nightly job would run: each verdict reuses the memory of the one before.
func BenchmarkBatchParallel(b *testing.B) { benchParallel(b, withBatch(eligibility.Default())) }

// BenchmarkEvaluateScaling measures the speed-up of two cores over one directly, in
// one process: it alternates 150 ms slices of one goroutine under GOMAXPROCS=1 with
// slices of two goroutines under GOMAXPROCS=2, 16 pairs per op, and reports the
// median, lowest and highest ratio of their throughputs. Pairing adjacent slices
// cancels the drift of a shared machine, which two separate benchmark runs do not.
func BenchmarkEvaluateScaling(b *testing.B) { reportScaling(b, withEvaluate(eligibility.Default())) }

// BenchmarkBatchScaling is the same measurement with a Batch per goroutine.
func BenchmarkBatchScaling(b *testing.B) { reportScaling(b, withBatch(eligibility.Default())) }

// BenchmarkHandWrittenScaling is the same measurement for the hand-written oracle,
// which builds the same verdict without CEL: how far the verdict itself scales.
func BenchmarkHandWrittenScaling(b *testing.B) { reportScaling(b, withOracle) }

// BenchmarkHandWrittenParallel is EvaluateParallel for the oracle: run with -cpu 1,2
// beside it, it shows how far a verdict built without CEL scales on the same machine.
func BenchmarkHandWrittenParallel(b *testing.B) { benchParallel(b, withOracle) }

// evaluateFunc evaluates one project. Each goroutine of a parallel benchmark gets
// its own from a factory, so that it may hold a Batch.
type evaluateFunc func(*eligibility.Project, eligibility.Date) error

func withEvaluate(engine *eligibility.Engine) func() evaluateFunc {
	return func() evaluateFunc {
		return func(p *eligibility.Project, asOf eligibility.Date) error {
			_, err := engine.Evaluate(p, asOf)
			return err
		}
	}
}

func withOracle() evaluateFunc {
	return func(p *eligibility.Project, asOf eligibility.Date) error {
		_, err := oracle.Evaluate(p, asOf)
		return err
	}
}

func withBatch(engine *eligibility.Engine) func() evaluateFunc {
	return func() evaluateFunc {
		batch := engine.NewBatch()
		return func(p *eligibility.Project, asOf eligibility.Date) error {
			_, err := batch.Evaluate(context.Background(), p, asOf)
			return err
		}
	}
}

// benchParallel runs b.RunParallel over the corpus, each goroutine walking it from
// its own place.
func benchParallel(b *testing.B, newEvaluate func() evaluateFunc) {
	projects, dates := benchCorpus(b)
	var start atomic.Int64
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		evaluate := newEvaluate()
		i := int(start.Add(int64(len(projects)/8+1))) % len(projects)
		for pb.Next() {
			if err := evaluate(projects[i], dates[i]); err != nil {
				b.Error(err)
				return
			}
			if i++; i == len(projects) {
				i = 0
			}
		}
	})
}

func reportScaling(b *testing.B, newEvaluate func() evaluateFunc) {
	projects, dates := benchCorpus(b)
	throughput(b, newEvaluate, projects, dates, 2, 200*time.Millisecond) // warm the pool and caches
	var ratios []float64
	for b.Loop() {
		for pair := range 16 {
			var one, two float64
			if pair%2 == 0 { // alternate the order, so neither always runs first
				one = throughput(b, newEvaluate, projects, dates, 1, 150*time.Millisecond)
				two = throughput(b, newEvaluate, projects, dates, 2, 150*time.Millisecond)
			} else {
				two = throughput(b, newEvaluate, projects, dates, 2, 150*time.Millisecond)
				one = throughput(b, newEvaluate, projects, dates, 1, 150*time.Millisecond)
			}
			ratios = append(ratios, two/one)
		}
	}
	slices.Sort(ratios)
	b.ReportMetric(ratios[len(ratios)/2], "median-speedup")
	b.ReportMetric(ratios[0], "min-speedup")
	b.ReportMetric(ratios[len(ratios)-1], "max-speedup")
}

// throughput evaluates the corpus with n goroutines under GOMAXPROCS=n for about d
// and returns verdicts per second.
func throughput(b *testing.B, newEvaluate func() evaluateFunc,
	projects []*eligibility.Project, dates []eligibility.Date, n int, d time.Duration) float64 {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(n))
	runtime.GC() // start each slice from the same heap
	var stop atomic.Bool
	var verdicts atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for g := range n {
		evaluate := newEvaluate()
		wg.Go(func() {
			i, done := g*len(projects)/n, int64(0)
			for !stop.Load() {
				for range 16 {
					if err := evaluate(projects[i], dates[i]); err != nil {
						b.Error(err)
						stop.Store(true)
						break
					}
					if i++; i == len(projects) {
						i = 0
					}
				}
				done += 16
			}
			verdicts.Add(done)
		})
	}
	time.Sleep(d)
	stop.Store(true)
	wg.Wait()
	return float64(verdicts.Load()) / time.Since(start).Seconds()
}
