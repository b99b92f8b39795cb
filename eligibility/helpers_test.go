package eligibility_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// submissionDate is the letter's submission date for new projects (7月20日), the
// evaluation date of most tests.
var submissionDate = criteria.MustParseDate("2020-07-20")

// base loads an eligible project of the named category from testdata/base. Each call
// returns a fresh copy that a test may edit.
func base(t testing.TB, name string) *eligibility.Project {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "base", name+".json"))
	require.NoError(t, err)
	return decode(t, b)
}

func decode(t testing.TB, b []byte) *eligibility.Project {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var p eligibility.Project
	require.NoError(t, dec.Decode(&p))
	return &p
}

func evaluate(t testing.TB, p *eligibility.Project, asOf eligibility.Date) *eligibility.Verdict {
	t.Helper()
	v, err := eligibility.Default().Evaluate(p, asOf)
	require.NoError(t, err)
	require.NotNil(t, v)
	return v
}

func result(t testing.TB, v *eligibility.Verdict, id string) eligibility.Result {
	t.Helper()
	r, ok := v.Result(id)
	require.True(t, ok, "no result for %s", id)
	return r
}

func yuan(s string) *decimal.Decimal { return new(decimal.RequireFromString(s)) }

// formYuan is a 三.2 form amount (the completed investment) of s yuan.
func formYuan(s string) *eligibility.FormAmount {
	return eligibility.NewFormAmount(decimal.RequireFromString(s))
}

func date(s string) eligibility.Date { return criteria.MustParseDate(s) }

// withRequire returns a copy of the default rule set in which each criterion named
// in requires has that require expression instead of its own.
func withRequire(t testing.TB, requires map[string]string) *criteria.RuleSet {
	t.Helper()
	rs := criteria.Default()
	for id, expr := range requires {
		i := slices.IndexFunc(rs.Criteria, func(c criteria.Criterion) bool { return c.ID == id })
		require.GreaterOrEqual(t, i, 0, "no criterion %s", id)
		rs.Criteria[i].Require = expr
	}
	return rs
}

// sampleProjects decodes the sample projects.
func sampleProjects(t testing.TB) []*eligibility.Project {
	_, projects := sampleFiles(t)
	return projects
}

// sampleFiles decodes the sample projects and returns them with their file names.
func sampleFiles(t testing.TB) (names []string, projects []*eligibility.Project) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "examples", "projects", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		p, err := eligibility.DecodeProject(data)
		require.NoError(t, err, f)
		names, projects = append(names, filepath.Base(f)), append(projects, p)
	}
	return names, projects
}
