package eligibility_test

import (
	"testing"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

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
