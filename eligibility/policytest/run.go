package policytest

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// FixtureResult is the outcome of running one fixture.
type FixtureResult struct {
	// Fixture is the fixture's name.
	Fixture string `json:"fixture"`
	// Verdict is the verdict reached, nil if evaluation failed.
	Verdict *eligibility.Verdict `json:"verdict,omitempty"`
	// Err is an evaluation error (a rule failing at run time, or no parameter value
	// in force on the date): the fixture could not be judged.
	Err error `json:"-"`
	// Failures lists every expectation that did not hold, decision first, then
	// criteria in rule order.
	Failures []Failure `json:"failures,omitempty"`
	expect   Expectation
}

// Passed reports whether the fixture was evaluated and every expectation held.
func (r *FixtureResult) Passed() bool { return r.Err == nil && len(r.Failures) == 0 }

// Failure is one expectation that did not hold.
type Failure struct {
	// Fixture is the fixture's name.
	Fixture string `json:"fixture"`
	// Criterion is the criterion's ID; empty for the decision.
	Criterion string `json:"criterion,omitempty"`
	// Ref is the criterion's clause in the letter.
	Ref string `json:"ref,omitempty"`
	// What is what was compared: "decision", "outcome" or "missing".
	What string `json:"what"`
	// Want and Got are what was expected and what came out.
	Want string `json:"want"`
	Got  string `json:"got"`
	// Message is the criterion's message for what came out (for the decision: the
	// failing and undetermined criteria), so a failure explains itself.
	Message criteria.Text `json:"message"`
}

// String formats the failure on one line:
//
//	fixture "floor one fen short": BD-4 (一(一)4): want pass, got fail: total investment is below … / 项目总投资额度小于500万元…
func (f Failure) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "fixture %q: ", f.Fixture)
	switch {
	case f.Criterion == "":
		b.WriteString("decision")
	case f.What == "missing":
		fmt.Fprintf(&b, "%s (%s) missing facts", f.Criterion, f.Ref)
	default:
		fmt.Fprintf(&b, "%s (%s)", f.Criterion, f.Ref)
	}
	fmt.Fprintf(&b, ": want %s, got %s", f.Want, f.Got)
	if f.Message.En != "" || f.Message.Zh != "" {
		fmt.Fprintf(&b, ": %s / %s", f.Message.En, f.Message.Zh)
	}
	return b.String()
}

// Results runs every fixture and returns the results in file order. It is the
// runner for anything that is not go test: a command, a report, a test of a suite's
// own failures.
func (s *Suite) Results() []FixtureResult {
	results := make([]FixtureResult, len(s.Fixtures))
	for i := range s.Fixtures {
		results[i] = s.Fixtures[i].run()
	}
	return results
}

// Run runs every fixture as a subtest of t named after it, reporting each failed
// expectation with [Failure.String]. A suite of an analyst's is then a regression
// test in three lines:
//
//	func TestFloor10m(t *testing.T) {
//		suite, err := policytest.LoadSuite(os.DirFS("testdata"), "floor-10m.yaml")
//		require.NoError(t, err)
//		suite.Run(t)
//	}
func (s *Suite) Run(t *testing.T) {
	t.Helper()
	for i := range s.Fixtures {
		fx := &s.Fixtures[i]
		t.Run(fx.Name, func(t *testing.T) {
			t.Helper()
			r := fx.run()
			if r.Err != nil {
				t.Errorf("fixture %q: %v", fx.Name, r.Err)
			}
			for _, f := range r.Failures {
				t.Error(f.String())
			}
		})
	}
}

// run evaluates the fixture and checks its expectations.
func (fx *Fixture) run() FixtureResult {
	r := FixtureResult{Fixture: fx.Name, expect: fx.Expect}
	v, err := fx.engine.Evaluate(fx.Project, fx.AsOf)
	if err != nil {
		r.Err = err
		return r
	}
	r.Verdict = v
	if want := fx.Expect.Decision; want != "" && want != v.Decision {
		r.Failures = append(r.Failures, Failure{
			Fixture: fx.Name, What: "decision", Want: string(want), Got: string(v.Decision),
			Message: decisionText(v),
		})
	}
	for _, res := range v.Results {
		if want, ok := fx.Expect.Outcomes[res.ID]; ok && want != res.Outcome {
			r.Failures = append(r.Failures, Failure{
				Fixture: fx.Name, Criterion: res.ID, Ref: res.Ref, What: "outcome",
				Want: string(want), Got: string(res.Outcome), Message: res.Message,
			})
		}
		if want, ok := fx.Expect.Missing[res.ID]; ok && !slices.Equal(want, res.Missing) {
			r.Failures = append(r.Failures, Failure{
				Fixture: fx.Name, Criterion: res.ID, Ref: res.Ref, What: "missing",
				Want: fmt.Sprint(want), Got: fmt.Sprint(res.Missing), Message: res.Message,
			})
		}
	}
	return r
}

// decisionText explains a decision by the criteria behind it.
func decisionText(v *eligibility.Verdict) criteria.Text {
	var zh, en []string
	if len(v.Failing) > 0 {
		zh = append(zh, "不符合："+strings.Join(v.Failing, "、"))
		en = append(en, "failing "+strings.Join(v.Failing, ", "))
	}
	if len(v.Undetermined) > 0 {
		zh = append(zh, "无法判定："+strings.Join(v.Undetermined, "、"))
		en = append(en, "undetermined "+strings.Join(v.Undetermined, ", "))
	}
	if len(en) == 0 {
		return criteria.Text{Zh: "全部适用的强制性标准均符合", En: "every applicable mandatory criterion passes"}
	}
	return criteria.Text{Zh: strings.Join(zh, "；"), En: strings.Join(en, "; ")}
}
