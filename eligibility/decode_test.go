package eligibility_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

func TestDecodeProjectReportsEveryProblem(t *testing.T) {
	tests := []struct {
		reason string
		json   string
		paths  []string
	}{
		{"misspelt fields at every depth",
			`{"category":"ai","subtyp":"product","applicant":{"nmae":"x"},"findings":{"AI-1":{"mett":true}}}`,
			[]string{"subtyp", "applicant.nmae", "findings.AI-1.mett"}},
		{"values of the wrong kind",
			`{"category":7,"investment":{"total":"5百万","completedVerified":"yes"},"incidents":{"kind":"violation"},
			  "preparation":{"plannedStart":"2020-02-30"},"bigDataContent":"storage"}`,
			[]string{"category", "investment.total", "investment.completedVerified", "incidents",
				"preparation.plannedStart", "bigDataContent"}},
		{"problems inside lists are indexed",
			`{"category":"industrial-internet","incidents":[{"date":"2019-01-01"},{"date":"yesterday","major":"no"}]}`,
			[]string{"incidents[1].date", "incidents[1].major"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			p, err := eligibility.DecodeProject([]byte(tt.json))
			assert.Nil(t, p)
			require.ErrorIs(t, err, eligibility.ErrInvalidProject)
			var ve *eligibility.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.paths, ve.Paths())
		})
	}
}

func TestDecodeProjectRejectsWhatIsNotOneRecord(t *testing.T) {
	for _, in := range []string{`[]`, `"project"`, `null`, ``, `{"category":"ai"} {"category":"ai"}`, `{"category":`} {
		_, err := eligibility.DecodeProject([]byte(in))
		assert.ErrorIs(t, err, eligibility.ErrInvalidProject, "%q", in)
	}
}

func TestDecodeProjectAcceptsTheSamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "projects", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		p, err := eligibility.DecodeProject(b)
		require.NoError(t, err, f)
		assert.NotEmpty(t, p.Category, f)
	}
}

// Amounts may arrive as JSON numbers from older systems; they are read exactly, from
// their digits, never through a float.
func TestDecodeProjectReadsNumbersExactly(t *testing.T) {
	p, err := eligibility.DecodeProject([]byte(`{"category":"bigdata","investment":{"total":12345678901234567.89}}`))
	require.NoError(t, err)
	assert.Equal(t, "12345678901234567.89", p.Investment.Total.String())
}
