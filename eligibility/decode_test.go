package eligibility_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// decodePaths decodes data with the default engine and returns the paths of the
// problems, or fails the test when the record is accepted.
func decodePaths(t *testing.T, data string) []string {
	t.Helper()
	p, err := eligibility.Default().DecodeProject([]byte(data))
	assert.Nil(t, p)
	require.ErrorIs(t, err, eligibility.ErrInvalidProject)
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve, "%v", err)
	return ve.Paths()
}

func TestDecodeProjectReportsEveryProblem(t *testing.T) {
	tests := []struct {
		reason string
		json   string
		paths  []string
	}{
		{"misspelt fields at every depth",
			`{"category":"ai","subtyp":"product","applicant":{"nmae":"x"},"findings":{"AI-1":{"mett":true}}}`,
			[]string{"applicant.nmae", "findings.AI-1.met", "findings.AI-1.mett", "subtyp"}}, // met is required
		{"values of the wrong kind",
			`{"category":7,"investment":{"total":"5百万","completedVerified":"yes"},"incidents":{"kind":"violation"},
			  "preparation":{"plannedStart":"2020-02-30"},"bigDataContent":"storage"}`,
			[]string{"bigDataContent", "category", "incidents", "investment.completedVerified", "investment.total",
				"preparation.plannedStart"}},
		{"problems inside lists are indexed, in number order",
			`{"category":"industrial-internet","incidents":[{"date":"2019-01-01"},{"date":"yesterday","major":"no"},{},{},{},{},{},{},{},{},{"kind":"fire"}]}`,
			[]string{"incidents[1].date", "incidents[1].major", "incidents[10].kind"}},
		// The issue's record: shape and value problems come in one error.
		{"an unknown key, a bad amount, a short credit code and an unknown stage, at once",
			`{"category":"bigdata","budget":"1","investment":{"total":"5e6"},"applicant":{"creditCode":"912"},"stage":"soon"}`,
			[]string{"applicant.creditCode", "budget", "investment.total", "stage"}},
		{"a field refused by its shape is not reported again as missing",
			`{"category":null,"findings":{"BD-3a":{"met":"yes"}}}`,
			[]string{"category", "findings.BD-3a.met"}},
		{"findings for criteria that take none, and a subtype of another category",
			`{"category":"bigdata","subtype":"product","findings":{"BD-4":{"met":true},"BD-99":{"met":true}}}`,
			[]string{"findings.BD-4", "findings.BD-99", "subtype"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			assert.Equal(t, tt.paths, decodePaths(t, tt.json))
		})
	}
}

// The package-level DecodeProject checks all but what depends on a rule set.
func TestDecodeProjectWithoutAnEngine(t *testing.T) {
	record := []byte(`{"category":"bigdata","stage":"soon","findings":{"X-1":{"met":true}}}`)
	_, err := eligibility.DecodeProject(record)
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"stage"}, ve.Paths(), "a finding for X-1 is for the engine's rule set to judge")

	_, err = eligibility.Default().DecodeProject(record)
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"findings.X-1", "stage"}, ve.Paths())
}

// The completed investment is a form field: blank and negative are what the form
// says, for GEN-3 to judge; text that is no number is refused at its path.
func TestDecodeCompletedInvestment(t *testing.T) {
	for _, tt := range []struct{ json, want string }{
		{`""`, ""}, {`" \t"`, ""}, {`"　"`, ""}, {`"-100.50"`, "-100.5"}, {`"0"`, "0"},
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

func TestDecodeProjectNamesWhereTheSyntaxBreaks(t *testing.T) {
	tests := []struct {
		json                 string
		line, column, offset int
	}{
		{"{\"category\":x}", 1, 13, 12},
		{"{\n  \"category\": \"ai\",\n  \"name\": \"长\" x\n}", 3, 15, 38},
		{"{\"category\":\"ai\",}", 1, 18, 17},
		{"{\"category\":\"ai\"", 1, 17, 16},
	}
	for _, tt := range tests {
		_, err := eligibility.DecodeProject([]byte(tt.json))
		var se *eligibility.SyntaxError
		require.ErrorAs(t, err, &se, "%q", tt.json)
		assert.ErrorIs(t, err, eligibility.ErrInvalidProject)
		assert.Equal(t, []int{tt.line, tt.column, tt.offset}, []int{se.Line, se.Column, int(se.Offset)}, "%q: %v", tt.json, err)
		assert.Contains(t, err.Error(), fmt.Sprintf("line %d, column %d (byte offset %d)", tt.line, tt.column, tt.offset))
	}
}

func TestDecodeProjectAcceptsTheSamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "projects", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		p, err := eligibility.Default().DecodeProject(b)
		require.NoError(t, err, f)
		assert.NotEmpty(t, p.Category, f)
	}
}

// Amounts have one form, the schema's pattern: no JSON numbers, signs, exponents,
// bare points, leading zeros, more than 30 places or more than 10^18.
func TestDecodeProjectAmountForm(t *testing.T) {
	tests := []struct {
		amount string // JSON text
		want   string // "" when accepted, else a part of the message
	}{
		{`"5000000"`, ""},
		{`"5000000.00"`, ""},
		{`"0"`, ""},
		{`"0.5"`, ""},
		{`"1000000000000000000"`, ""},
		{`"1000000000000000000.000"`, ""},
		{`"999999999999999999.` + strings.Repeat("9", 30) + `"`, ""},
		{`"\u0035"`, ""}, // an escaped digit is the digit
		{`5000000`, "a JSON number is not an amount"},
		{`5e6`, "a JSON number is not an amount"},
		{`"5e6"`, "is not a decimal amount"},
		{`"+5000000"`, "is not a decimal amount"},
		{`"5000000."`, "is not a decimal amount"},
		{`".5"`, "is not a decimal amount"},
		{`"5 000 000"`, "is not a decimal amount"},
		{`"5,000,000"`, "is not a decimal amount"},
		{`"NaN"`, "is not a decimal amount"},
		{`""`, "is not a decimal amount"},
		{`"-1"`, "must not be negative"},
		{`"-0"`, "must not be negative"},
		{`"05"`, "leading zero"},
		{`"0.` + strings.Repeat("0", 31) + `"`, "more than 30 decimal places"},
		{`"1000000000000000000.01"`, "exceeds the limit of 10^18"},
		{`"1000000000000000001"`, "exceeds the limit of 10^18"},
		{`"` + strings.Repeat("9", 19) + `"`, "exceeds the limit of 10^18"},
		{`null`, "null is not a value"},
	}
	for _, tt := range tests {
		record := `{"category":"bigdata","investment":{"total":` + tt.amount + `}}`
		p, err := eligibility.Default().DecodeProject([]byte(record))
		if tt.want == "" {
			require.NoError(t, err, tt.amount)
			assert.NotNil(t, p.Investment.Total, tt.amount)
			continue
		}
		var ve *eligibility.ValidationError
		require.ErrorAs(t, err, &ve, tt.amount)
		assert.Equal(t, []string{"investment.total"}, ve.Paths(), tt.amount)
		assert.Contains(t, err.Error(), tt.want, tt.amount)
	}
}

// A numeral of a million digits is refused by its length, before anything parses it
// (BenchmarkDecodeLongAmount shows the cost is linear).
func TestDecodeProjectRefusesALongAmountByItsLength(t *testing.T) {
	record := `{"category":"bigdata","investment":{"total":"` + strings.Repeat("7", 1_000_000) + `"}}`
	_, err := eligibility.Default().DecodeProject([]byte(record))
	assert.ErrorContains(t, err, "investment.total")
	assert.ErrorContains(t, err, "exceeds the limit of 10^18")
	assert.Less(t, len(err.Error()), 400, "the error quotes a bounded part of the value")
}

func BenchmarkDecodeLongAmount(b *testing.B) {
	engine := eligibility.Default()
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		record := []byte(`{"category":"bigdata","investment":{"total":"` + strings.Repeat("7", n) + `"}}`)
		b.Run(fmt.Sprintf("digits=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(record)))
			for b.Loop() {
				if _, err := engine.DecodeProject(record); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

// null and "" are not values: a record leaves out what it does not state. A form
// field, where "" is a stated blank, is the exception.
func TestDecodeProjectRefusesNullAndEmptyStrings(t *testing.T) {
	assert.Equal(t,
		[]string{"applicant.creditCode", "applicant.name", "incidents[0].kind", "investment.completedVerified",
			"preparation.plannedStart", "reportingUnit", "subtype"},
		decodePaths(t, `{"category":"industrial-internet","subtype":"","reportingUnit":"","investment":{"completedVerified":null},
			"applicant":{"name":"","creditCode":""},"incidents":[{"date":"2019-01-01","kind":""}],"preparation":{"plannedStart":""}}`))
	assert.Equal(t, []string{"category"}, decodePaths(t, `{"category":""}`))

	p, err := eligibility.Default().DecodeProject([]byte(`{"category":"ai","form":{"progress":""}}`))
	require.NoError(t, err)
	require.NotNil(t, p.Form.Progress)
	assert.Empty(t, *p.Form.Progress, "a blank form field is stated, and fails its criterion")
}

// A credit code is written as issued, upper case without separators; creditcode.Parse
// reads the other spellings, which would give one applicant two project hashes.
func TestDecodeProjectCreditCodeForm(t *testing.T) {
	assert.Equal(t, []string{"applicant.creditCode"},
		decodePaths(t, `{"category":"ai","applicant":{"creditCode":"91220101ma14xj7t68"}}`))
	assert.Equal(t, []string{"applicant.creditCode"},
		decodePaths(t, `{"category":"ai","applicant":{"creditCode":"91220101MA14XJ7T60"}}`), "a wrong check character")
	_, err := eligibility.Default().DecodeProject([]byte(`{"category":"ai","applicant":{"creditCode":"91220101MA14XJ7T68"}}`))
	assert.NoError(t, err)

	p := &eligibility.Project{Category: "ai", Applicant: eligibility.Applicant{CreditCode: "91220101-MA14XJ7T68"}}
	assert.ErrorContains(t, eligibility.Default().Validate(p), "canonical form \"91220101MA14XJ7T68\"", "Go callers are held to the same")
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
			[]string{"CATEGORY", "applicant.CreditCode", "category"}},
		{"invalid UTF-8 in a value",
			"{\"category\":\"ai\",\"name\":\"\xff\"}", []string{"name"}},
		{"an escaped lone high surrogate",
			`{"category":"ai","name":"a\ud800b"}`, []string{"name"}},
		{"an escaped lone low surrogate",
			`{"category":"ai","name":"\udc00"}`, []string{"name"}},
		{"a high surrogate followed by no low one",
			`{"category":"ai","name":"\ud800\u0041"}`, []string{"name"}},
		{"a lone surrogate in a key",
			`{"category":"ai","findings":{"\ud800":{"met":true}}}`, []string{"findings.\ufffd"}},
		{"a lone surrogate in a list",
			`{"category":"industrial-internet","fiveG":{"scenarios":["ok","\udfff"]}}`, []string{"fiveG.scenarios[1]"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			assert.Equal(t, tt.paths, decodePaths(t, tt.json))
		})
	}
	_, err := eligibility.DecodeProject([]byte("{\"category\":\"ai\",\"\xff\":1}"))
	assert.ErrorIs(t, err, eligibility.ErrInvalidProject, "a bad key is refused too")
	_, err = eligibility.DecodeProject([]byte(`{"category":"ai","extra":"\ud800"}`))
	assert.ErrorIs(t, err, eligibility.ErrInvalidProject)

	p, err := eligibility.DecodeProject([]byte(`{"category":"ai","name":"\ud83d\ude00 \\ud800"}`))
	require.NoError(t, err, "a surrogate pair is a character, and an escaped backslash is no escape")
	assert.Equal(t, "😀 \\ud800", p.Name)
}

// A hostile record of a hundred thousand problems gives an error of a hundred, and
// the count of the rest.
func TestDecodeProjectBoundsTheProblemsListed(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"category":"ai"`)
	const n = 5_000
	for i := range n {
		fmt.Fprintf(&b, `,"x%d":1`, i)
	}
	b.WriteString("}")
	_, err := eligibility.Default().DecodeProject([]byte(b.String()))
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Problems, criteria.MaxListedProblems)
	assert.Equal(t, n-criteria.MaxListedProblems, ve.Omitted)
	assert.Contains(t, err.Error(), "(5,000 problems)")
	assert.Contains(t, err.Error(), "… and 4,900 more problems")
	assert.Less(t, len(err.Error()), 8<<10)
}

// stopAfter is a context that reports cancellation after its Err has been asked n
// times: a deadline passing in the middle of a walk.
type stopAfter struct {
	context.Context
	n *int
}

func (c stopAfter) Err() error {
	if *c.n <= 0 {
		return context.Canceled
	}
	*c.n--
	return nil
}

func TestDecodeProjectContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := eligibility.Default().DecodeProjectContext(ctx, []byte(`{"category":"ai"}`))
	assert.ErrorIs(t, err, context.Canceled)
	assert.NotErrorIs(t, err, eligibility.ErrInvalidProject, "a stopped decode says nothing of the record")

	// A long record stops in the middle of the walk, not after it.
	record := `{"category":"industrial-internet","fiveG":{"scenarios":[` +
		strings.TrimSuffix(strings.Repeat(`"a",`, 10_000), ",") + `]}}`
	n := 3
	_, err = eligibility.DecodeProjectContext(stopAfter{context.Background(), &n}, []byte(record))
	assert.True(t, errors.Is(err, context.Canceled), "%v", err)

	p, err := eligibility.DecodeProjectContext(context.Background(), []byte(record))
	require.NoError(t, err)
	assert.Len(t, p.FiveG.Scenarios, 10_000)
}

// A record arriving as JSON is decoded and validated in one step, and every problem,
// of shape or of value, comes at once, sorted by path.
func ExampleEngine_DecodeProject() {
	record := []byte(`{
	  "category": "bigdata",
	  "budget": "5000000",
	  "investment": {"total": "5e6"},
	  "applicant": {"creditCode": "912"},
	  "stage": "soon"
	}`)
	_, err := eligibility.Default().DecodeProject(record)
	var ve *eligibility.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p.Path)
		}
	}
	// Output:
	// applicant.creditCode
	// budget
	// investment.total
	// stage
}

// BenchmarkDecodeProject decodes and validates each sample project.
func BenchmarkDecodeProject(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "projects", "*.json"))
	require.NoError(b, err)
	var records [][]byte
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(b, err)
		records = append(records, data)
		size += int64(len(data))
	}
	engine := eligibility.Default()
	b.SetBytes(size / int64(len(records)))
	i := 0
	for b.Loop() {
		if _, err := engine.DecodeProject(records[i%len(records)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// An error quotes a bounded part of a bad value, whatever its length and kind.
func TestDecodeProjectQuotesLittleOfABadValue(t *testing.T) {
	long := strings.Repeat("2", 100_000)
	for _, record := range []string{
		`{"category":"ai","preparation":{"plannedStart":"` + long + `"}}`,
		`{"category":"ai","investment":{"total":"` + long + `x"}}`,
		`{"category":"ai","applicant":{"selfAssessment":{"year":` + long + `}}}`,
		`{"category":"ai","stage":"` + long + `"}`,
		`{"category":"ai","` + long + `":1}`,
		`{"category":"ai","findings":{"` + long + `":{"met":true}}}`,
	} {
		_, err := eligibility.Default().DecodeProject([]byte(record))
		require.ErrorIs(t, err, eligibility.ErrInvalidProject)
		assert.Less(t, len(err.Error()), 600, "%.200s", err)
	}
}
