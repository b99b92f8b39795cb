package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/jilin761/intake/eligibility"
)

// BenchmarkEvaluateAtLimits evaluates a record at the input limits (four lists of
// MaxListLength items and MaxListLength incidents, MaxRecordBytes of text in all)
// and, in the second case, marshals the verdict too. It reports the record's and
// the verdict's JSON size: the goal is under 1 s and 256 MiB per record, and a
// verdict a small fixed size whatever the record holds.
//
//	go test -run '^$' -bench '^BenchmarkEvaluateAtLimits$' -benchmem -count 5 ./eligibility
func BenchmarkEvaluateAtLimits(b *testing.B) {
	p := atLimits(b)
	record, err := json.Marshal(p)
	if err != nil {
		b.Fatal(err)
	}
	engine := eligibility.Default()
	v, err := engine.Evaluate(p, submissionDate)
	if err != nil {
		b.Fatal(err)
	}
	verdict, err := json.Marshal(v)
	if err != nil {
		b.Fatal(err)
	}
	report := func(b *testing.B) {
		b.ReportMetric(float64(len(record)), "record-B")
		b.ReportMetric(float64(len(verdict)), "verdict-B")
	}
	b.Run("evaluate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := engine.Evaluate(p, submissionDate); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
	b.Run("evaluate+marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			v, err := engine.Evaluate(p, submissionDate)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := json.Marshal(v); err != nil {
				b.Fatal(err)
			}
		}
		report(b)
	})
}
