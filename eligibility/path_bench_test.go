package eligibility_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/jilin761/intake/eligibility"
)

// The path an integrator runs: a JSON record in, a verdict's JSON out. Each step is
// measured on its own and the whole path beside them, so that the ratio of
// BenchmarkPath to BenchmarkPathEvaluate is read within one run (BENCHMARKS.md).

// pathSample is the record the issue measures: a typical eligible project, 1.3 KB.
const pathSample = "bigdata-eligible-changchun-datacenter.json"

func pathRecord(b *testing.B) []byte {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", "projects", pathSample))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// pathProject is the sample decoded.
func pathProject(b *testing.B) *eligibility.Project {
	b.Helper()
	p, err := eligibility.DecodeProject(pathRecord(b))
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// pathVerdict is the sample's verdict on the submission date.
func pathVerdict(b *testing.B, engine *eligibility.Engine) *eligibility.Verdict {
	b.Helper()
	v, err := engine.Evaluate(pathProject(b), submissionDate)
	if err != nil {
		b.Fatal(err)
	}
	return v
}

// BenchmarkPathDecode is DecodeProject alone.
func BenchmarkPathDecode(b *testing.B) {
	data := pathRecord(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := eligibility.DecodeProject(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPathEvaluate is Engine.Evaluate alone, the yardstick of the path.
func BenchmarkPathEvaluate(b *testing.B) {
	engine := eligibility.Default()
	p := pathProject(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := engine.Evaluate(p, submissionDate); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPathMarshal is json.Marshal of the verdict (the full form).
func BenchmarkPathMarshal(b *testing.B) {
	engine := eligibility.Default()
	v := pathVerdict(b, engine)
	b.ReportAllocs()
	var n int
	for b.Loop() {
		out, err := json.Marshal(v)
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.ReportMetric(float64(n), "bytes/verdict")
}

// BenchmarkPathAppend writes the verdict into a reused buffer, in each form: by
// Engine.AppendVerdict (full, compact), which copies the rule set's words as the
// engine escaped them, and by Verdict.AppendJSON (verdict-full, verdict-compact),
// which escapes them; and the size of each form for every sample project.
func BenchmarkPathAppend(b *testing.B) {
	engine := eligibility.Default()
	v := pathVerdict(b, engine)
	var err error
	for _, w := range pathWriters[1:] {
		b.Run(w.name, func(b *testing.B) {
			var buf []byte
			b.ReportAllocs()
			for b.Loop() {
				if buf, err = w.write(engine, buf[:0], v); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(buf)), "bytes/verdict")
			b.ReportMetric(float64(maxSampleSize(b, engine, w.form)), "max-sample-bytes")
		})
	}
}

// maxSampleSize is the largest verdict of the sample projects in the given form.
func maxSampleSize(b *testing.B, engine *eligibility.Engine, form eligibility.VerdictForm) int {
	b.Helper()
	files, err := filepath.Glob(filepath.Join("..", "examples", "projects", "*.json"))
	if err != nil || len(files) == 0 {
		b.Fatal("no sample projects", err)
	}
	largest := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		p, err := eligibility.DecodeProject(data)
		if err != nil {
			b.Fatal(err)
		}
		v, err := engine.Evaluate(p, submissionDate)
		if err != nil {
			b.Fatal(err)
		}
		out, err := v.AppendJSON(nil, form)
		if err != nil {
			b.Fatal(err)
		}
		largest = max(largest, len(out))
	}
	return largest
}

// BenchmarkPath is the whole path, DecodeProject, Evaluate and the verdict's JSON,
// written as a service writes it: json.Marshal (the form every caller gets without
// asking), or AppendJSON into a reused buffer in either form.
func BenchmarkPath(b *testing.B) {
	engine := eligibility.Default()
	data := pathRecord(b)
	for _, w := range pathWriters {
		b.Run(w.name, func(b *testing.B) {
			var buf []byte
			b.ReportAllocs()
			for b.Loop() {
				p, err := eligibility.DecodeProject(data)
				if err != nil {
					b.Fatal(err)
				}
				v, err := engine.Evaluate(p, submissionDate)
				if err != nil {
					b.Fatal(err)
				}
				if buf, err = w.write(engine, buf[:0], v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPathBatch is the whole path as a batch job runs it: one Batch.
func BenchmarkPathBatch(b *testing.B) {
	engine := eligibility.Default()
	batch := engine.NewBatch()
	data := pathRecord(b)
	ctx := context.Background()
	for _, w := range pathWriters {
		b.Run(w.name, func(b *testing.B) {
			var buf []byte
			b.ReportAllocs()
			for b.Loop() {
				p, err := eligibility.DecodeProject(data)
				if err != nil {
					b.Fatal(err)
				}
				v, err := batch.Evaluate(ctx, p, submissionDate)
				if err != nil {
					b.Fatal(err)
				}
				if buf, err = w.write(engine, buf[:0], v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// pathWriters are the ways to write a verdict's JSON: json.Marshal (the form every
// caller gets without asking), Engine.AppendVerdict in each form (the way the
// package documents for services and batch jobs), and Verdict.AppendJSON.
var pathWriters = []struct {
	name  string
	form  eligibility.VerdictForm
	write func(*eligibility.Engine, []byte, *eligibility.Verdict) ([]byte, error)
}{
	{"marshal", eligibility.Full, func(_ *eligibility.Engine, _ []byte, v *eligibility.Verdict) ([]byte, error) {
		return json.Marshal(v)
	}},
	{"full", eligibility.Full, func(e *eligibility.Engine, buf []byte, v *eligibility.Verdict) ([]byte, error) {
		return e.AppendVerdict(buf, v, eligibility.Full)
	}},
	{"compact", eligibility.Compact, func(e *eligibility.Engine, buf []byte, v *eligibility.Verdict) ([]byte, error) {
		return e.AppendVerdict(buf, v, eligibility.Compact)
	}},
	{"verdict-full", eligibility.Full, func(_ *eligibility.Engine, buf []byte, v *eligibility.Verdict) ([]byte, error) {
		return v.AppendJSON(buf, eligibility.Full)
	}},
	{"verdict-compact", eligibility.Compact, func(_ *eligibility.Engine, buf []byte, v *eligibility.Verdict) ([]byte, error) {
		return v.AppendJSON(buf, eligibility.Compact)
	}},
}

// BenchmarkPathOverEvaluate measures the goal directly: the time of the whole path
// over that of Evaluate alone, in adjacent 25 ms slices (24 pairs per op, the order
// alternating) so that the load of a shared machine falls on both alike. It reports
// the median, lowest and highest ratio, for each way of writing the verdict, with
// Engine.Evaluate and with a Batch.
func BenchmarkPathOverEvaluate(b *testing.B) {
	engine := eligibility.Default()
	data, p := pathRecord(b), pathProject(b)
	ctx := context.Background()
	// The path decodes with DecodeProject and evaluates with Engine.Evaluate, or with
	// a Batch ("batch-"), or decodes and evaluates in one step with
	// Batch.EvaluateJSON ("batch-json-", the engine's writer only); alone is the
	// evaluation alone, Engine.Evaluate or Batch.Evaluate.
	for _, mode := range []string{"", "batch-", "batch-json-"} {
		batch := engine.NewBatch()
		evaluate := func(p *eligibility.Project) (*eligibility.Verdict, error) {
			if mode != "" {
				return batch.Evaluate(ctx, p, submissionDate)
			}
			return engine.Evaluate(p, submissionDate)
		}
		decodeEvaluate := func() (*eligibility.Verdict, error) {
			if mode == "batch-json-" {
				return batch.EvaluateJSON(ctx, data, submissionDate)
			}
			p, err := eligibility.DecodeProject(data)
			if err != nil {
				return nil, err
			}
			return evaluate(p)
		}
		for _, w := range pathWriters {
			if mode == "batch-json-" && w.name != "full" && w.name != "compact" {
				continue
			}
			b.Run(mode+w.name, func(b *testing.B) {
				var buf []byte
				alone := func() error { _, err := evaluate(p); return err }
				path := func() error {
					v, err := decodeEvaluate()
					if err != nil {
						return err
					}
					buf, err = w.write(engine, buf[:0], v)
					return err
				}
				var ratios []float64
				for b.Loop() {
					for pair := range 24 {
						var a, t float64
						if pair%2 == 0 {
							a, t = perOp(b, alone), perOp(b, path)
						} else {
							t, a = perOp(b, path), perOp(b, alone)
						}
						ratios = append(ratios, t/a)
					}
				}
				slices.Sort(ratios)
				b.ReportMetric(ratios[len(ratios)/2], "median-ratio")
				b.ReportMetric(ratios[0], "min-ratio")
				b.ReportMetric(ratios[len(ratios)-1], "max-ratio")
			})
		}
	}
}

// perOp runs f for about 25 ms and returns the seconds per call.
func perOp(b *testing.B, f func() error) float64 {
	const slice = 25 * time.Millisecond
	began := time.Now()
	n := 0
	for time.Since(began) < slice {
		for range 8 {
			if err := f(); err != nil {
				b.Fatal(err)
			}
		}
		n += 8
	}
	return time.Since(began).Seconds() / float64(n)
}
