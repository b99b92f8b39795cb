package eligibility

import (
	"context"
	"testing"

	"cel.dev/cel-go/common/types/ref"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
)

// The static estimate is an upper bound, so a rule within the limit cannot exceed it
// at run time through the public API. This test reaches the second line of defence
// directly: a program planned with a runtime limit far below its estimate stops with
// an error naming the criterion, instead of running on.
func TestRuntimeCostLimitStopsARule(t *testing.T) {
	env, err := newEnv(nil)
	require.NoError(t, err)
	ast, iss := env.Compile("project.incidents.all(i, i.kind != 'violation')")
	require.NoError(t, iss.Err())
	prg, err := env.Program(ast, programOptions(config{costLimit: 50}, true)...)
	require.NoError(t, err)

	incidents := make([]Incident, 1000)
	for i := range incidents {
		incidents[i] = Incident{Date: criteria.NewDate(2019, 1, 1), Kind: category.IncidentKindSafetyAccident}
	}
	eng := Default()
	rec := &record{object: object{typ: celProjectType, vals: make([]ref.Val, len(schema))}, eng: eng,
		in: input{p: &Project{Category: category.CategoryIndustrialInternet, Incidents: incidents}}}
	rec.findings.r = rec
	act := &activation{r: rec, params: eng.epochs[0].params}
	c := &compiled{Criterion: criteria.Criterion{ID: "X-1"}, require: prg}
	_, _, err = decide(context.Background(), c, act)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrCostLimit)
	assert.ErrorIs(t, err, ErrEvaluation)
	assert.ErrorContains(t, err, "criterion X-1 require")
}
