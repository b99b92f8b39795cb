package eligibility_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/examples/corpus"
)

// A Batch reuses memory, never content: over projects of every category, decision
// and shape, in an order that makes each verdict overwrite a different one, every
// verdict is byte for byte the one Evaluate gives.
func TestBatchGivesEvaluatesVerdicts(t *testing.T) {
	engine := eligibility.Default()
	projects := corpus.Generate(7, 1500)
	for _, name := range categories {
		projects = append(projects, base(t, name))
	}
	dates := []eligibility.Date{corpus.AsOf(), date("2021-12-31"), date("2024-02-29")}
	batch := engine.NewBatch()
	for i, p := range projects {
		asOf := dates[i%len(dates)]
		want, err := engine.Evaluate(p, asOf)
		require.NoError(t, err)
		got, err := batch.Evaluate(context.Background(), p, asOf)
		require.NoError(t, err)
		require.Equal(t, marshal(t, want), marshal(t, got), "project %d (%s)", i, p.ID)
	}
}

// The verdict belongs to the Batch: the next evaluation overwrites it, and what
// was marshalled before survives.
func TestBatchVerdictLivesUntilTheNextEvaluation(t *testing.T) {
	batch := eligibility.Default().NewBatch()
	first, err := batch.Evaluate(context.Background(), base(t, "bigdata"), submissionDate)
	require.NoError(t, err)
	kept := marshal(t, first)
	second, err := batch.Evaluate(context.Background(), base(t, "telecom"), submissionDate)
	require.NoError(t, err)
	assert.Same(t, first, second)
	assert.Equal(t, "telecom", string(first.Category), "overwritten")
	var back eligibility.Verdict
	require.NoError(t, json.Unmarshal(kept, &back))
	assert.Equal(t, "bigdata", string(back.Category))
}

// Bad input is an error naming the fields, as from Evaluate, and the Batch goes on.
func TestBatchErrors(t *testing.T) {
	var zero eligibility.Batch
	_, err := zero.Evaluate(context.Background(), base(t, "ai"), submissionDate)
	assert.ErrorContains(t, err, "NewBatch", "a zero Batch has no engine: an error, not a panic")

	batch := eligibility.Default().NewBatch()
	bad := base(t, "ai")
	bad.Applicant.CreditCode = "not a credit code"
	_, err = batch.Evaluate(context.Background(), bad, submissionDate)
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Contains(t, ve.Paths(), "applicant.creditCode")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = batch.Evaluate(ctx, base(t, "ai"), submissionDate)
	assert.ErrorIs(t, err, context.Canceled)

	v, err := batch.Evaluate(context.Background(), base(t, "ai"), submissionDate)
	require.NoError(t, err)
	want, err := eligibility.Default().Evaluate(base(t, "ai"), submissionDate)
	require.NoError(t, err)
	assert.Equal(t, marshal(t, want), marshal(t, v))
}

// One engine, a Batch per goroutine: under -race, every verdict is the serial one.
func TestBatchesShareAnEngine(t *testing.T) {
	engine := eligibility.Default()
	projects := corpus.Generate(11, 400)
	want := make([][]byte, len(projects))
	for i, p := range projects {
		want[i] = marshal(t, evaluate(t, p, corpus.AsOf()))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			batch := engine.NewBatch()
			for k := range projects {
				i := (k + g*len(projects)/4) % len(projects)
				v, err := batch.Evaluate(context.Background(), projects[i], corpus.AsOf())
				if !assert.NoError(t, err) {
					return
				}
				b, err := json.Marshal(v)
				if !assert.NoError(t, err) || !assert.Equal(t, string(want[i]), string(b), "project %d", i) {
					return
				}
			}
		})
	}
	wg.Wait()
}

func marshal(t testing.TB, v *eligibility.Verdict) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// EvaluateJSON is DecodeProjectContext followed by Batch.Evaluate, verdicts and errors
// alike: for the repository's records and the generated corpus (the fast path), the
// same records with an escape in a text (the walk), bad records, dates that are no
// evaluation date, a finding the rule set does not take, and a cancelled context.
func TestBatchEvaluateJSON(t *testing.T) {
	engine := eligibility.Default()
	one, two := engine.NewBatch(), engine.NewBatch()
	var records [][]byte
	files, err := filepath.Glob(filepath.Join("..", "examples", "projects", "*.json"))
	require.NoError(t, err)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		records = append(records, data, bytes.Replace(data, []byte(`"name": "`), []byte(`"name": "\u957f`), 1))
	}
	for _, p := range corpus.Generate(5, 200) {
		data, err := json.Marshal(p)
		require.NoError(t, err)
		records = append(records, data)
	}
	records = append(records, []byte(`{}`), []byte(`{"category":"bigdata","stage":"soon"}`), []byte(`[`), []byte(`null`),
		[]byte(`{"category":"ai","findings":{"BD-3a":{"met":true}}}`))
	dates := []eligibility.Date{submissionDate, date("2021-12-31"), {}, {Year: 2020, Month: 2, Day: 30}}
	ctx := context.Background()
	answer := func(v *eligibility.Verdict, err error) string {
		if err != nil {
			return "error: " + err.Error()
		}
		return string(marshal(t, v))
	}
	for _, rec := range records {
		for _, d := range dates {
			got := answer(one.EvaluateJSON(ctx, rec, d))
			p, err := engine.DecodeProjectContext(ctx, rec)
			want := answer(nil, err)
			if err == nil {
				want = answer(two.Evaluate(ctx, p, d))
			}
			require.Equal(t, want, got, "%.80s on %s", rec, d)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = one.EvaluateJSON(cancelled, records[0], submissionDate)
	require.ErrorIs(t, err, context.Canceled)
	var zero eligibility.Batch
	_, err = zero.EvaluateJSON(ctx, records[0], submissionDate)
	require.ErrorContains(t, err, "NewBatch")
}
