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

// The completed investment is a form field: blank and negative are what the form
// says, for GEN-3 to judge; text that is no number is refused at its path.
func TestDecodeCompletedInvestment(t *testing.T) {
	for _, tt := range []struct{ json, want string }{
		{`""`, ""}, {`" \t"`, ""}, {`"　"`, ""}, {`"-100.50"`, "-100.5"}, {`"0"`, "0"}, {`null`, "absent"},
	} {
		p, err := eligibility.DecodeProject([]byte(`{"category":"ai","investment":{"completed":` + tt.json + `}}`))
		require.NoError(t, err, tt.json)
		got := "absent"
		if c := p.Investment.Completed; c != nil {
			got = c.String()
			assert.Equal(t, tt.want == "", c.IsBlank(), tt.json)
		}
		assert.Equal(t, tt.want, got, tt.json)
	}
	_, err := eligibility.DecodeProject([]byte(`{"category":"ai","investment":{"completed":"none yet","total":"x"}}`))
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"investment.completed", "investment.total"}, ve.Paths())
	assert.ErrorContains(t, err, `investment.completed: "none yet" is not a decimal amount`)
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

func TestDecodeProjectRefusesWhatEncodingJSONLetsThrough(t *testing.T) {
	tests := []struct {
		reason string
		json   string
		paths  []string
	}{
		{"a duplicate finding would let the last value win",
			`{"category":"bigdata","findings":{"BD-3a":{"met":false},"BD-3a":{"met":true}}}`,
			[]string{"findings.BD-3a"}},
		{"a duplicate field",
			`{"category":"bigdata","category":"ai"}`, []string{"category"}},
		{"keys are case-sensitive",
			`{"CATEGORY":"ai","applicant":{"CreditCode":"91220200MA0QK3R853"}}`,
			[]string{"CATEGORY", "applicant.CreditCode"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			_, err := eligibility.DecodeProject([]byte(tt.json))
			var ve *eligibility.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.paths, ve.Paths())
		})
	}
	_, err := eligibility.DecodeProject([]byte("{\"category\":\"ai\",\"name\":\"\xff\"}"))
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"name"}, ve.Paths())
	assert.ErrorContains(t, err, "not valid UTF-8")
	_, err = eligibility.DecodeProject([]byte("{\"category\":\"ai\",\"\xff\":1}"))
	assert.ErrorIs(t, err, eligibility.ErrInvalidProject, "a bad key is refused too")
}
