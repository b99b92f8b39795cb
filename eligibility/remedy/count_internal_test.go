package remedy

import (
	"context"
	"fmt"
	"testing"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/examples/corpus"
)

func TestCount(t *testing.T) {
	pl, _ := New(eligibility.Default())
	projects := corpus.Generate(3, 1000)
	for _, i := range []int{117, 238, 30} {
		p := projects[i]
		v, _ := pl.eng.Evaluate(p, corpus.AsOf())
		s := pl.session(context.Background())
		var fixes []Fix
		for _, r := range v.Results {
			if r.Strength == "mandatory" && (r.Outcome == eligibility.Fail || r.Outcome == eligibility.OutcomeUndetermined) {
				n := s.evals
				fixes = append(fixes, s.fix(p, v, r))
				fmt.Println("  ", r.ID, r.Missing, s.evals-n)
			}
		}
		a := s.evals
		s.plan(p, v, fixes)
		b := s.evals
		s.questions(p, v)
		fmt.Println(i, "fixes", a, "plan", b-a, "questions", s.evals-b)
	}
}
