package eligibility_test

import (
	"math/big"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// Engine.AppendVerdict writes what Verdict.AppendJSON writes, byte for byte, in
// both forms: for the verdicts of the byte-identity samples, under the variant rule
// sets (thresholds that change on a date, criteria removed and added), and on dates
// in several epochs and years.
func TestAppendVerdictIsAppendJSON(t *testing.T) {
	engine := eligibility.Default()
	var buf, want []byte
	check := func(e *eligibility.Engine, v *eligibility.Verdict) {
		t.Helper()
		for _, form := range []eligibility.VerdictForm{eligibility.Full, eligibility.Compact} {
			var err error
			want, err = v.AppendJSON(want[:0], form)
			require.NoError(t, err)
			buf, err = e.AppendVerdict(buf[:0], v, form)
			require.NoError(t, err)
			require.Equal(t, string(want), string(buf), "%s on %s, form %d", v.ProjectID, v.AsOf, form)
		}
	}
	for _, v := range marshalSamples(t) {
		check(engine, v)
	}
	files, err := filepath.Glob(filepath.Join("..", "criteria", "testdata", "rulesets", "variants", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	projects := sampleProjects(t)
	for _, f := range files {
		e := engineFor(t, variant(t, filepath.Base(f)))
		for _, p := range projects {
			for _, d := range []string{"2019-06-30", "2020-07-20", "2021-08-01", "2022-03-01", "2035-12-31"} {
				v, err := e.Evaluate(p, date(d))
				if err != nil {
					continue // a variant may lack a parameter's value on a date
				}
				check(e, v)
				check(engine, v) // another engine's verdict: its words are not the default's
			}
		}
	}
}

// Under every rule set of the fuzz seeds (words that JSON escapes among them),
// AppendVerdict writes what AppendJSON writes.
func TestAppendVerdictUnderSeedRuleSets(t *testing.T) {
	projects := append(sampleProjects(t), base(t, "bigdata"), base(t, "telecom"))
	escaped := 0
	for i, seed := range ruleSetSeeds() {
		rs, err := criteria.Parse(seed)
		if err != nil {
			continue
		}
		e, err := eligibility.New(rs)
		if err != nil {
			continue
		}
		for _, p := range projects {
			v, err := e.Evaluate(p, submissionDate)
			if err != nil {
				continue
			}
			for _, form := range []eligibility.VerdictForm{eligibility.Full, eligibility.Compact} {
				want, err := v.AppendJSON(nil, form)
				require.NoError(t, err)
				got, err := e.AppendVerdict(nil, v, form)
				require.NoError(t, err)
				require.Equal(t, string(want), string(got), "seed %d, %s, form %d", i, p.ID, form)
				if strings.Contains(string(got), `\u003cb\u003e`) {
					escaped++
				}
			}
		}
	}
	require.Positive(t, escaped, "a seed's words needed escaping")
}

// A verdict a caller has changed is written as AppendJSON writes it: a copied piece
// is never one its result or input no longer holds.
func TestAppendVerdictAfterChanges(t *testing.T) {
	engine := eligibility.Default()
	projects := sampleProjects(t)
	changes := []struct {
		name   string
		change func(v *eligibility.Verdict, r *eligibility.Result, rng *rand.Rand)
	}{
		{"requirement", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) { r.Requirement.Zh += "<改>" }},
		{"requirement cut mid-character", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) {
			r.Requirement.Zh = r.Requirement.Zh[:len(r.Requirement.Zh)-1]
		}},
		{"same requirement, own copy", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) {
			r.Requirement.En = string([]byte(r.Requirement.En))
		}},
		{"message", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) { r.Message.En = "a & b" }},
		{"message prefix", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) {
			r.Message.Zh = "\u2028" + r.Requirement.Zh
		}},
		{"message invalid", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) {
			r.Message.Zh = "\xe4\xb8" + r.Requirement.Zh
		}},
		{"ref", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) { r.Ref = "一(一)9" }},
		{"id", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) { r.ID = "X-1" }},
		{"strength", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) { r.Strength = criteria.Encouraged }},
		{"basis", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) { r.Basis = "<data>" }},
		{"outcome", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) { r.Outcome = eligibility.Fail }},
		{"label", func(_ *eligibility.Verdict, r *eligibility.Result, rng *rand.Rand) {
			if len(r.Inputs) > 0 {
				r.Inputs[rng.IntN(len(r.Inputs))].Label.En = "<b>"
			}
		}},
		{"input value", func(_ *eligibility.Verdict, r *eligibility.Result, rng *rand.Rand) {
			if len(r.Inputs) > 0 {
				r.Inputs[rng.IntN(len(r.Inputs))].Value = "changed, value"
			}
		}},
		{"input items", func(_ *eligibility.Verdict, r *eligibility.Result, rng *rand.Rand) {
			if len(r.Inputs) > 0 {
				in := &r.Inputs[rng.IntN(len(r.Inputs))]
				in.Items, in.ItemCount = []string{"a<"}, 30
			}
		}},
		{"input finding", func(_ *eligibility.Verdict, r *eligibility.Result, rng *rand.Rand) {
			if len(r.Inputs) > 0 {
				in := &r.Inputs[rng.IntN(len(r.Inputs))]
				in.By, in.On, in.Note, in.Missing = "评审组", date("2020-07-01"), "note", true
			}
		}},
		{"input dropped", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) {
			if len(r.Inputs) > 0 {
				r.Inputs = r.Inputs[1:]
			}
		}},
		{"inputs reversed", func(_ *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) {
			in := make([]eligibility.Input, len(r.Inputs))
			for i := range in {
				in[i] = r.Inputs[len(in)-1-i]
			}
			r.Inputs = in
		}},
		{"input renamed", func(_ *eligibility.Verdict, r *eligibility.Result, rng *rand.Rand) {
			if len(r.Inputs) > 0 {
				r.Inputs[rng.IntN(len(r.Inputs))].Name = "params.other"
			}
		}},
		{"results swapped", func(v *eligibility.Verdict, _ *eligibility.Result, rng *rand.Rand) {
			i, j := rng.IntN(len(v.Results)), rng.IntN(len(v.Results))
			v.Results[i], v.Results[j] = v.Results[j], v.Results[i]
		}},
		{"result added", func(v *eligibility.Verdict, r *eligibility.Result, _ *rand.Rand) {
			v.Results = append([]eligibility.Result{*r}, v.Results...)
		}},
		{"as of", func(v *eligibility.Verdict, _ *eligibility.Result, _ *rand.Rand) { v.AsOf = date("2031-05-05") }},
		{"as of no date", func(v *eligibility.Verdict, _ *eligibility.Result, _ *rand.Rand) {
			v.AsOf = eligibility.Date{Year: 2020, Month: 13, Day: 40}
		}},
		{"rule set", func(v *eligibility.Verdict, _ *eligibility.Result, _ *rand.Rand) { v.RuleSet = "other" }},
		{"parameter exponent", func(v *eligibility.Verdict, _ *eligibility.Result, _ *rand.Rand) {
			for i, p := range v.Parameters {
				if d, ok := p.Value.Decimal(); ok {
					// The same value with one more digit: 0.5 is written 0.50.
					v.Parameters[i].Value = criteria.DecimalValue(decimal.NewFromBigInt(
						new(big.Int).Mul(d.Coefficient(), big.NewInt(10)), d.Exponent()-1))
				}
			}
		}},
		{"parameter list empty", func(v *eligibility.Verdict, _ *eligibility.Result, rng *rand.Rand) {
			for i, p := range v.Parameters {
				if p.Type == criteria.ListParameter {
					v.Parameters[i].Value = []criteria.Value{criteria.ListValue(), criteria.ListValue([]string{}...)}[rng.IntN(2)]
				}
			}
		}},
		{"parameter dropped", func(v *eligibility.Verdict, _ *eligibility.Result, _ *rand.Rand) {
			v.Parameters = v.Parameters[1:]
		}},
		{"parameter renamed", func(v *eligibility.Verdict, _ *eligibility.Result, _ *rand.Rand) {
			v.Parameters[len(v.Parameters)-1].Name = "<x>"
		}},
		{"parameter from", func(v *eligibility.Verdict, _ *eligibility.Result, _ *rand.Rand) {
			v.Parameters[0].From = date("2020-01-01")
		}},
	}
	rng := rand.New(rand.NewPCG(7, 8))
	var buf []byte
	for _, c := range changes {
		for _, p := range projects {
			for _, d := range []string{"2020-07-20", "2021-12-31"} {
				v, err := engine.Evaluate(p, date(d))
				require.NoError(t, err)
				for range 3 {
					i := rng.IntN(len(v.Results))
					c.change(v, &v.Results[i], rng)
				}
				want := referenceJSON(t, v)
				buf, err = engine.AppendVerdict(buf[:0], v, eligibility.Full)
				require.NoError(t, err)
				require.Equal(t, string(want), string(buf), "%s: %s", c.name, p.ID)
				wantCompact, err := v.AppendJSON(nil, eligibility.Compact)
				require.NoError(t, err)
				buf, err = engine.AppendVerdict(buf[:0], v, eligibility.Compact)
				require.NoError(t, err)
				require.Equal(t, string(wantCompact), string(buf), "%s: %s", c.name, p.ID)
			}
		}
	}
	// Nothing to write from, and an unknown form.
	got, err := engine.AppendVerdict(nil, &eligibility.Verdict{}, eligibility.Full)
	require.NoError(t, err)
	require.Equal(t, string(referenceJSON(t, &eligibility.Verdict{})), string(got))
	_, err = engine.AppendVerdict(nil, &eligibility.Verdict{}, eligibility.Compact+1)
	require.Error(t, err)
	// No engine: nothing to copy, everything escaped.
	v, err := engine.Evaluate(projects[0], submissionDate)
	require.NoError(t, err)
	got, err = (*eligibility.Engine)(nil).AppendVerdict(nil, v, eligibility.Full)
	require.NoError(t, err)
	require.Equal(t, string(referenceJSON(t, v)), string(got))
}

// One engine writes verdicts from many goroutines at once (its escaped words are
// shared, its English buffers pooled), each as AppendJSON writes it.
func TestAppendVerdictConcurrently(t *testing.T) {
	engine := eligibility.Default()
	var verdicts []*eligibility.Verdict
	var wants [][]byte
	for _, p := range sampleProjects(t) {
		v, err := engine.Evaluate(p, submissionDate)
		require.NoError(t, err)
		want, err := v.AppendJSON(nil, eligibility.Full)
		require.NoError(t, err)
		verdicts, wants = append(verdicts, v), append(wants, want)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			var buf []byte
			for i := range 50 {
				k := (g*7 + i) % len(verdicts)
				var err error
				buf, err = engine.AppendVerdict(buf[:0], verdicts[k], eligibility.Full)
				if !assert.NoError(t, err) || !assert.Equal(t, string(wants[k]), string(buf)) {
					return
				}
			}
		})
	}
	wg.Wait()
}
