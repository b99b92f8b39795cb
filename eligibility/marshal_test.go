package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/examples/corpus"
)

// The reference form of a verdict: what encoding/json writes by reflection over the
// verdict's fields, each result followed by its explanation (the implementation
// before marshal.go). Defined types drop the methods, so json.Marshal reflects.
type (
	plainResult  eligibility.Result
	plainVerdict eligibility.Verdict
	refResult    struct {
		plainResult
		Explanation *criteria.Text `json:"explanation,omitempty"`
	}
	refVerdict struct {
		plainVerdict
		Results []refResult `json:"results"`
	}
)

func referenceJSON(t testing.TB, v *eligibility.Verdict) []byte {
	t.Helper()
	ref := refVerdict{plainVerdict: plainVerdict(*v)}
	ref.plainVerdict.Results = nil // shadowed by refVerdict.Results
	if v.Results != nil {
		ref.Results = make([]refResult, len(v.Results))
	}
	for i := range v.Results {
		e := v.Results[i].Explanation()
		ref.Results[i] = refResult{plainResult: plainResult(v.Results[i]), Explanation: &e}
	}
	b, err := json.Marshal(ref)
	require.NoError(t, err)
	return b
}

// marshalSamples returns every verdict the byte-identity tests compare: the sample
// projects, the base fixtures and the shared corpus, each on several dates, and
// records whose text needs escaping.
func marshalSamples(t testing.TB) []*eligibility.Verdict {
	t.Helper()
	engine := eligibility.Default()
	projects := sampleProjects(t)
	for _, name := range categories {
		projects = append(projects, base(t, name))
	}
	// Text encoding/json escapes: HTML, U+2028/U+2029, control characters, and
	// escapes at the ends of strings.
	odd := base(t, "bigdata")
	odd.Name = "<script>&amp;\u2028line\u2029\"q\"\\\b\f\n\r\t\x01\x1f\u00e9\u2027\u202a"
	odd.ID = "&"
	for id, f := range odd.Findings {
		f.Note = "a < b > c \u2028"
		f.By = "评审组 \"甲\""
		odd.Findings[id] = f
	}
	projects = append(projects, odd)
	projects = append(projects, corpus.Generate(1, 600)...)
	projects = append(projects, variedProjects(5, 200)...)
	var verdicts []*eligibility.Verdict
	for _, p := range projects {
		for _, d := range []eligibility.Date{submissionDate, date("2021-03-01"), date("2019-01-01")} {
			v, err := engine.Evaluate(p, d)
			if err != nil {
				continue // a varied record may be invalid: no verdict to write
			}
			verdicts = append(verdicts, v)
		}
	}
	require.Greater(t, len(verdicts), 2000)
	return verdicts
}

// The full form is byte for byte what encoding/json wrote by reflection, through
// AppendJSON, json.Marshal and Result's own MarshalJSON.
func TestMarshalFullIsByteIdentical(t *testing.T) {
	var buf []byte
	for _, v := range marshalSamples(t) {
		want := referenceJSON(t, v)
		var err error
		buf, err = v.AppendJSON(buf[:0], eligibility.Full)
		require.NoError(t, err)
		require.Equal(t, string(want), string(buf), v.ProjectID)
		got, err := json.Marshal(v)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), v.ProjectID)
		got, err = json.Marshal(v.Results[0])
		require.NoError(t, err)
		wantResult, err := json.Marshal(referenceResult(v.Results[0]))
		require.NoError(t, err)
		require.Equal(t, string(wantResult), string(got))
	}
}

func referenceResult(r eligibility.Result) refResult {
	e := r.Explanation()
	return refResult{plainResult: plainResult(r), Explanation: &e}
}

// Invalid UTF-8 in a verdict (it cannot come from a valid record, but a caller may
// build a Verdict) is replaced as encoding/json replaces it.
func TestMarshalInvalidUTF8(t *testing.T) {
	v := evaluate(t, base(t, "ai"), submissionDate)
	v.ProjectName = "bad \xff\xfe text \xe2\x80 and \xe2\x80\xa8 end\xe2"
	v.Results[0].Message.Zh = "\xc3"
	// The edges of the three-byte forms: U+0800, U+D7FF and U+E000 are valid;
	// surrogates (ED A0 80) and overlong forms (E0 80 80) are not.
	v.Results[0].Message.En = "\xe0\xa0\x80 \xed\x9f\xbf \xee\x80\x80 \xed\xa0\x80 \xe0\x80\x80 \xe2\x80\xa9\xe2\x80\xaa 😀 é \xef\xbf\xbd\xe2\x80"
	v.Results = append(v.Results, eligibility.Result{}) // every member empty
	// Lists a caller may build: none (null), empty ([]) and one to escape.
	v.Parameters = append(v.Parameters, eligibility.ParameterValue{Name: "none", Type: criteria.ListParameter, Value: criteria.ListValue()},
		eligibility.ParameterValue{Name: "empty", Type: criteria.ListParameter, Value: criteria.ListValue([]string{}...)},
		eligibility.ParameterValue{Name: "odd", Type: criteria.ListParameter, Value: criteria.ListValue("<a>", "\xff")})
	got, err := v.AppendJSON(nil, eligibility.Full)
	require.NoError(t, err)
	assert.Equal(t, string(referenceJSON(t, v)), string(got))

	empty := &eligibility.Verdict{}
	got, err = empty.AppendJSON(nil, eligibility.Full)
	require.NoError(t, err)
	assert.Equal(t, string(referenceJSON(t, empty)), string(got))
}

// The compact form is the full form less what a reader can recompute: read back,
// it is the verdict with those fields zero.
func TestMarshalCompact(t *testing.T) {
	var buf []byte
	for _, v := range marshalSamples(t) {
		var err error
		buf, err = v.AppendJSON(buf[:0], eligibility.Compact)
		require.NoError(t, err)
		require.True(t, json.Valid(buf))
		var got eligibility.Verdict
		require.NoError(t, json.Unmarshal(buf, &got))

		want := *v
		want.Results = make([]eligibility.Result, len(v.Results))
		for i, r := range v.Results {
			if r.Outcome == eligibility.NotApplicable {
				want.Results[i] = eligibility.Result{ID: r.ID, Outcome: r.Outcome}
				continue
			}
			r.Ref, r.Strength, r.Basis, r.Requirement = "", "", "", criteria.Text{}
			r.Inputs = make([]eligibility.Input, len(v.Results[i].Inputs))
			for j, in := range v.Results[i].Inputs {
				in.Label, in.Unit, in.Codes = criteria.Text{}, "", ""
				r.Inputs[j] = in
			}
			if len(r.Inputs) == 0 {
				r.Inputs = nil
			}
			want.Results[i] = r
		}
		require.Equal(t, want, got, v.ProjectID)
		// Nothing else left out: the members it writes are the full form's.
		var full, compact map[string]json.RawMessage
		fullJSON, err := v.AppendJSON(nil, eligibility.Full)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(fullJSON, &full))
		require.NoError(t, json.Unmarshal(buf, &compact))
		delete(full, "results")
		delete(compact, "results")
		require.Equal(t, full, compact)
	}
}

func TestMarshalUnknownForm(t *testing.T) {
	v := evaluate(t, base(t, "telecom"), submissionDate)
	_, err := v.AppendJSON(nil, eligibility.Compact+1)
	require.Error(t, err)
}
