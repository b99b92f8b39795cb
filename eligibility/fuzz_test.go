package eligibility_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// Fuzz targets. Run one for a bounded time with, e.g.,
//
//	go test -run=NONE -fuzz=FuzzEvaluateJSON -fuzztime=20s ./eligibility
//	go test -run=NONE -fuzz=FuzzRuleSet -fuzztime=20s ./eligibility
//
// Without -fuzz, go test runs each target on its seed corpus (the f.Add calls and
// testdata/fuzz/<target>/), so every crash ever found stays a regression test.

// firstDay is day 0 of the fuzzers' evaluation dates; every day up to 9999-12-31 can
// be reached, as every date JSON can carry.
var firstDay = time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC)

const lastDayNumber = 3_652_058 // 9999-12-31

func dayNumber(d eligibility.Date) uint32 {
	return uint32((d.Time().Unix() - firstDay.Unix()) / (24 * 60 * 60)) // Sub would overflow a Duration
}

func dayDate(n uint32) eligibility.Date {
	return criteria.DateOf(firstDay.AddDate(0, 0, int(n%(lastDayNumber+1))))
}

// seedProjects are the base fixtures and every sample project, as JSON.
func seedProjects(f *testing.F) [][]byte {
	files, err := filepath.Glob(filepath.Join("testdata", "base", "*.json"))
	require.NoError(f, err)
	samples, err := filepath.Glob(filepath.Join("..", "examples", "projects", "*.json"))
	require.NoError(f, err)
	var out [][]byte
	for _, name := range append(files, samples...) {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		out = append(out, b)
	}
	return out
}

// checkVerdict asserts what holds of every verdict: one result per criterion in rule
// order; the ID lists are exactly the failing, undetermined and unmet encouraged
// results, in rule order; missing facts exactly when undetermined; and the decision
// follows from the lists (note 8).
func checkVerdict(t testing.TB, rs *criteria.RuleSet, v *eligibility.Verdict) {
	t.Helper()
	require.Len(t, v.Results, len(rs.Criteria))
	var failing, undetermined, advisories []string
	for i, r := range v.Results {
		c := rs.Criteria[i]
		require.Equal(t, c.ID, r.ID, "results in rule order")
		require.Equal(t, c.Strength, r.Strength, r.ID)
		require.Contains(t, []eligibility.Outcome{Pass, Fail, OutcomeUndetermined, NotApplicable}, r.Outcome, r.ID)
		require.Equal(t, r.Outcome == OutcomeUndetermined, len(r.Missing) > 0, "%s: missing facts exactly when undetermined", r.ID)
		mandatory := c.Strength == criteria.Mandatory
		switch {
		case r.Outcome == Fail && mandatory:
			failing = append(failing, r.ID)
		case r.Outcome == Fail:
			advisories = append(advisories, r.ID)
		case r.Outcome == OutcomeUndetermined && mandatory:
			undetermined = append(undetermined, r.ID)
		}
	}
	require.Equal(t, failing, v.Failing, "failing")
	require.Equal(t, undetermined, v.Undetermined, "undetermined")
	require.Equal(t, advisories, v.Advisories, "advisories")
	want := eligibility.Eligible
	switch {
	case len(failing) > 0:
		want = eligibility.Ineligible
	case len(undetermined) > 0:
		want = eligibility.Undetermined
	}
	require.Equal(t, want, v.Decision)
}

// FuzzEvaluateJSON feeds arbitrary bytes through the whole input path: DecodeProject,
// Validate and Evaluate with the default rule set on any date from 0001-01-01 to
// 9999-12-31. It never panics; bad input is an error matching ErrInvalidProject and
// anything Validate accepts gives a verdict; a second evaluation gives the same JSON
// byte for byte, and Engine.AppendVerdict writes what Verdict.AppendJSON writes; the
// verdict is consistent with its results; and the hand-written oracle gives the
// same outcomes and missing facts.
func FuzzEvaluateJSON(f *testing.F) {
	dates := []uint32{dayNumber(date("2020-07-20")), dayNumber(date("2021-12-31")), dayNumber(date("2024-02-29"))}
	for i, b := range seedProjects(f) {
		f.Add(b, dates[i%len(dates)])
	}
	for _, s := range []string{
		`{}`, `null`, `[]`, `"bigdata"`, `{"category":"telecom"}`, `{"category":"industrial-internet","incidents":[{}]}`,
		`{"category":"bigdata","investment":{"total":"1e400","bigDataPortion":1e399}}`,
		`{"category":"ai","applicant":{"creditCode":"91220101MA14XJ7T68","registrationDivision":"210100"}}`,
		`{"category":"bigdata","findings":{"BD-3a":{"met":null}}}`,
		`{"category":"bigdata","category":"ai"}`,
		`{"category":"industrial-internet","incidents":[{"date":"0001-01-01","kind":"violation"},{"date":"9999-12-31"}]}`,
		`{"category":"bigdata","form":{"progress":"\u3000"},"preparation":{"plannedStart":"2020-12-31"},"stage":"new-start"}`,
		`{"category":"ai","investment":{"total":"100","completed":"","completedVerified":true}}`,
		`{"category":"telecom","investment":{"total":"100","completed":"-0.5"}}`,
		`{"category":"bigdata","subtype":"datacenter","bigDataContent":["storge","other"],"findings":{"BD-1a":{"met":false}}}`,
		`{"category":"industrial-internet","subtype":"identifier-node","identifierNode":{"kind":"secondary-node","inJilin":true}}`,
	} {
		f.Add([]byte(s), dates[0])
	}
	engine := eligibility.Default()
	rs := engine.RuleSet()
	f.Fuzz(func(t *testing.T, data []byte, day uint32) {
		asOf := dayDate(day)
		p, err := eligibility.DecodeProject(data)
		if err != nil {
			require.ErrorIs(t, err, eligibility.ErrInvalidProject)
			return
		}
		require.NotNil(t, p)
		verr := engine.Validate(p)
		v, err := engine.Evaluate(p, asOf)
		ov, oerr := oracle.Evaluate(p, asOf)
		require.Equal(t, verdictLines(ov, oerr), verdictLines(v, err), "engine (actual) and oracle (expected) disagree")
		if verr != nil {
			require.ErrorIs(t, verr, eligibility.ErrInvalidProject)
			require.Error(t, err, "Evaluate accepts what Validate refuses")
			require.Nil(t, v)
			// The same problems; their order is compared once problems found in
			// findings come in a fixed order (TestHostileErrorsAreDeterministic).
			require.Equal(t, verdictLines(nil, verr), verdictLines(nil, err), "Validate and Evaluate report the same problems")
			return
		}
		require.NoError(t, err, "Validate accepts it, so Evaluate gives a verdict")
		require.NotNil(t, v)
		checkVerdict(t, rs, v)
		first, err := json.Marshal(v)
		require.NoError(t, err)
		again, err := engine.Evaluate(p, asOf)
		require.NoError(t, err)
		second, err := json.Marshal(again)
		require.NoError(t, err)
		require.Equal(t, string(first), string(second), "the same input gives the same verdict, byte for byte")
		for _, form := range []eligibility.VerdictForm{eligibility.Full, eligibility.Compact} {
			want, err := v.AppendJSON(nil, form)
			require.NoError(t, err)
			got, err := engine.AppendVerdict(nil, v, form)
			require.NoError(t, err)
			require.Equal(t, string(want), string(got), "the engine writes the verdict as AppendJSON does (form %d)", form)
		}
	})
}

// FuzzRuleSet feeds arbitrary bytes through the rule-set path: criteria.Parse,
// eligibility.New and Evaluate of each base project on the submission date. It never
// panics; a bad rule set is an error matching ErrInvalidRuleSet; an engine either
// gives a verdict or one of the documented errors; and building and evaluating twice
// gives the same verdict JSON byte for byte.
func FuzzRuleSet(f *testing.F) {
	for _, seed := range ruleSetSeeds() {
		f.Add(seed)
	}
	var projects []*eligibility.Project
	for _, name := range categories {
		projects = append(projects, base(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := criteria.Parse(data)
		if err != nil {
			require.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
			return
		}
		engine, err := eligibility.New(rs)
		if err != nil {
			require.ErrorIs(t, err, eligibility.ErrInvalidRuleSet)
			return
		}
		again, err := eligibility.New(rs)
		require.NoError(t, err, "New is deterministic")
		for _, p := range projects {
			v, err := engine.Evaluate(p, submissionDate)
			v2, err2 := again.Evaluate(p, submissionDate)
			if err != nil {
				require.Nil(t, v)
				require.True(t, errors.Is(err, eligibility.ErrInvalidProject) || errors.Is(err, eligibility.ErrEvaluation) ||
					errors.Is(err, eligibility.ErrNoParameterValue) || errors.Is(err, eligibility.ErrCostLimit),
					"an undocumented error: %v", err)
				require.Error(t, err2)
				require.Equal(t, err.Error(), err2.Error(), "the same error twice")
				continue
			}
			require.NoError(t, err2)
			checkVerdict(t, rs, v)
			require.Equal(t, string(mustJSON(t, v)), string(mustJSON(t, v2)), "the same verdict twice")
			// The rule set's own words, whatever they hold, are written as AppendJSON
			// writes them, by the engine that escaped them and by another.
			for _, e := range []*eligibility.Engine{engine, eligibility.Default()} {
				got, err := e.AppendVerdict(nil, v, eligibility.Full)
				require.NoError(t, err)
				require.Equal(t, string(mustJSON(t, v)), string(got))
			}
		}
	})
}

// ruleSetSeeds are the default rule set and small variants of it: a parameter
// changed, dated values, a criterion dropped, broken and expensive expressions, and
// a minimal rule set, in YAML and in JSON.
func ruleSetSeeds() [][]byte {
	def := criteria.DefaultSource()
	replace := func(old, new string) []byte { return bytes.Replace(def, []byte(old), []byte(new), 1) }
	minimal := `name: tiny
document: test
effective: "2020-07-10"
parameters:
  - {name: floor, type: decimal, ref: x, value: "5", description: {zh: 下限, en: floor}}
criteria:
  - id: T-1
    ref: x
    source: 源
    summary: {zh: 总投资, en: total}
    strength: mandatory
    basis: data
    require: project.investment.total >= params.floor
    message: {zh: 不足, en: short}
`
	seeds := [][]byte{
		def,
		replace(`value: "5000000"`, `value: "10000000"`),
		replace(`value: "5000000"`, "values:\n      - {value: \"5000000\"}\n      - {from: \"2021-01-01\", value: \"1\"}"),
		replace(`value: "3"`, `value: "-3"`),
		replace(`require: project.investment.total >= params.minTotalInvestment`, `require: project.investment.total >= params.minTotalInvestment && [1,2,3].all(x, [1,2,3].all(y, x * y > 0))`),
		replace(`require: project.writtenCommitment`, `require: project.writtenCommitment ||`),
		replace(`require: project.writtenCommitment`, `require: project.incidents.all(a, project.incidents.all(b, a.date <= b.date || true))`),
		replace(`require: project.form.progress.trim() != ''`, `require: decimal(project.form.progress) > decimal(0)`),
		replace(`appliesWhen: project.subtype == 'datacenter'`, `appliesWhen: project.subtype == 'datacentre'`),
		replace("  - id: GEN-5", "  - id: GEN-1"),
		// Words that JSON escapes, in a summary, a message and a parameter's label.
		bytes.Replace(bytes.Replace(replace(`zh: 大数据中心项目的建设内容主要包含{bigDataContentKinds}等大数据相关内容（至少申报其中一项）`,
			`zh: "<b>大数据&中心</b>\u2028项目的建设内容主要包含{bigDataContentKinds}等大数据相关内容（至少申报其中一项）"`),
			[]byte(`label: {zh: 总投资下限, en: floor on total investment}`),
			[]byte(`label: {zh: "总投资<下限>", en: "floor & \"total\""}`), 1),
			[]byte(`zh: 建设内容未包含{bigDataContentKinds|or}等大数据相关内容，不符合一(一)1`),
			[]byte(`zh: "建设内容<未>包含{bigDataContentKinds|or}等大数据相关内容，不符合一(一)1"`), 1),
		[]byte(minimal),
		[]byte(`{"name":"j","document":"d","effective":"2020-01-01","criteria":[{"id":"A-1","ref":"r","source":"s","summary":{"zh":"z","en":"e"},"strength":"encouraged","basis":"finding","require":"findings['A-1']","message":{"zh":"z","en":"e"}}]}`),
		[]byte("name: x\n"),
		[]byte(""),
	}
	return seeds
}

// The seed corpora hold what the targets promise: the default rule set compiles and
// the sample projects decode.
func TestFuzzSeedsAreMeaningful(t *testing.T) {
	rs, err := criteria.Parse(ruleSetSeeds()[0])
	require.NoError(t, err)
	_, err = eligibility.New(rs)
	require.NoError(t, err)
	assert.Equal(t, date("2020-07-20"), dayDate(dayNumber(date("2020-07-20"))))
	assert.Equal(t, date("9999-12-31"), dayDate(lastDayNumber))
	assert.Equal(t, date("0001-01-01"), dayDate(lastDayNumber+1), "day numbers wrap to the first day")
	valid := 0
	for _, seed := range ruleSetSeeds() {
		if rs, err := criteria.Parse(seed); err == nil {
			if _, err := eligibility.New(rs); err == nil {
				valid++
			}
		}
	}
	assert.GreaterOrEqual(t, valid, 4, "several seeds reach Evaluate")
	assert.True(t, slices.ContainsFunc(ruleSetSeeds(), func(b []byte) bool { return len(b) == 0 }))
}
