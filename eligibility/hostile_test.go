package eligibility_test

import (
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// Hostile values: records a provincial platform receives from many hands, built to
// break things. Each must give a clear error or a correct verdict, and never a panic
// or a hang. Correctness is asserted on the verdict (and against the hand-written
// oracle); time is only a hang detector with a generous bound, never a measurement.

// hangBound is how long one hostile evaluation may take before the test calls it a
// hang. It is generous on purpose (these take milliseconds, under -race too).
const hangBound = 10 * time.Second

// answer is what one decode-and-evaluate of a hostile record gave.
type answer struct {
	v   *eligibility.Verdict
	err error
	p   *eligibility.Project // nil when decoding failed
}

// settle runs f in a goroutine and fails the test if f panics or has not returned
// within hangBound.
func settle(t *testing.T, f func() answer) answer {
	t.Helper()
	done := make(chan answer, 1)
	panicked := make(chan string, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				panicked <- fmt.Sprintf("%v\n%s", r, debug.Stack())
			}
		}()
		done <- f()
	}()
	select {
	case a := <-done:
		return a
	case msg := <-panicked:
		t.Fatalf("panic: %s", msg)
	case <-time.After(hangBound):
		t.Fatalf("no answer within %v: a hang", hangBound)
	}
	return answer{}
}

// decodeAndEvaluate is the platform's path for a record received as JSON.
func decodeAndEvaluate(data []byte, asOf eligibility.Date) answer {
	p, err := eligibility.DecodeProject(data)
	if err != nil {
		return answer{err: err}
	}
	v, err := eligibility.Default().Evaluate(p, asOf)
	return answer{v: v, err: err, p: p}
}

// withBase returns a base fixture as a JSON object with the given members replaced
// (or added); raw values are JSON text.
func withBase(t *testing.T, name string, members map[string]string) []byte {
	t.Helper()
	var obj map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(mustJSON(t, base(t, name)), &obj))
	for k, v := range members {
		obj[k] = json.RawMessage(v)
	}
	return mustJSON(t, obj)
}

// agreesWithOracle checks a verdict against the hand-written oracle.
func agreesWithOracle(t *testing.T, a answer, asOf eligibility.Date) {
	t.Helper()
	require.NotNil(t, a.p)
	ov, oerr := oracle.Evaluate(a.p, asOf)
	assert.Equal(t, verdictLines(ov, oerr), verdictLines(a.v, a.err), "engine (actual) and oracle (expected)")
}

// wantVerdict asserts a verdict with the given outcomes.
func wantVerdict(outcomes map[string]eligibility.Outcome) func(*testing.T, answer, eligibility.Date) {
	return func(t *testing.T, a answer, asOf eligibility.Date) {
		t.Helper()
		require.NoError(t, a.err)
		require.NotNil(t, a.v)
		checkVerdict(t, eligibility.Default().RuleSet(), a.v)
		for id, want := range outcomes {
			assert.Equal(t, want, result(t, a.v, id).Outcome, id)
		}
		agreesWithOracle(t, a, asOf)
	}
}

// wantInvalid asserts an error matching ErrInvalidProject that names path (when not
// empty) and is of a readable size, whatever the size of the input.
func wantInvalid(paths ...string) func(*testing.T, answer, eligibility.Date) {
	return func(t *testing.T, a answer, _ eligibility.Date) {
		t.Helper()
		require.Error(t, a.err)
		assert.Nil(t, a.v)
		assert.ErrorIs(t, a.err, eligibility.ErrInvalidProject)
		speaksChinese(t, a.err)
		for _, path := range paths {
			if path == "" {
				continue
			}
			var ve *eligibility.ValidationError
			if assert.ErrorAs(t, a.err, &ve, "a *ValidationError naming the field: %.300s", a.err) {
				assert.Contains(t, ve.Paths(), path)
			}
		}
	}
}

// strictKnownIssues turns the known issues below from logs into failures. It is false
// while they are open (reported to the lead with issue 5): errors quote a bad value in
// full (a 1 MB code gives a 1 MB error), and the order of the problems found in
// findings follows map iteration, so the same record can give differently ordered
// errors. Set it to true once both are fixed.
const strictKnownIssues = true

// knownIssue fails, or logs while strictKnownIssues is false, when ok is false.
func knownIssue(t *testing.T, ok bool, format string, args ...any) {
	t.Helper()
	switch {
	case ok:
	case strictKnownIssues:
		t.Errorf(format, args...)
	default:
		t.Logf("known issue: "+format, args...)
	}
}

// readableError checks that an error stays readable whatever the size of the input.
func readableError(t *testing.T, err error) {
	t.Helper()
	speaksChinese(t, err)
	if err != nil {
		knownIssue(t, len(err.Error()) < 4096, "a %d-byte error: %.120s…", len(err.Error()), err)
	}
}

func digits(n int) string { return "1" + strings.Repeat("0", n-1) }

func nested(depth int, open, close, inner string) string {
	return strings.Repeat(open, depth) + inner + strings.Repeat(close, depth)
}

func TestHostileJSON(t *testing.T) {
	megabyte := strings.Repeat("长", 1<<20/3)
	tests := []struct {
		reason string
		data   func(t *testing.T) []byte
		asOf   string
		check  func(*testing.T, answer, eligibility.Date)
	}{
		// ── amounts ──
		{reason: "zero everywhere fails BD-4 and BD-1b's share is 0 ≥ 0",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"investment": `{"total":"0","bigDataPortion":"0","completed":"0","completedVerified":true}`})
			},
			check: wantVerdict(map[string]eligibility.Outcome{"BD-4": Fail, "BD-1b": Pass, "GEN-3": Pass})},
		{reason: "10^18 yuan is a valid, large amount",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"investment": `{"total":"1000000000000000000","bigDataPortion":"500000000000000000","completed":"1000000000000000000","completedVerified":true}`})
			},
			check: wantVerdict(map[string]eligibility.Outcome{"BD-4": Pass, "BD-1b": Pass, "GEN-3": Pass})},
		{reason: "20 decimal places: a hair above the floor passes",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"investment": `{"total":"5000000.00000000000000000001","bigDataPortion":"2500000.000000000000000000005","completed":"0","completedVerified":true}`})
			},
			check: wantVerdict(map[string]eligibility.Outcome{"BD-4": Pass, "BD-1b": Pass})},
		{reason: "20 decimal places: a hair below the floor fails, exactly",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"investment": `{"total":"4999999.99999999999999999999","bigDataPortion":"2499999.999999999999999999994","completed":"0","completedVerified":true}`})
			},
			check: wantVerdict(map[string]eligibility.Outcome{"BD-4": Fail, "BD-1b": Fail})},
		{reason: "10^17 and 10^-20 are read exactly",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"investment": `{"total":"100000000000000000","bigDataPortion":"50000000000000000","completed":"0.00000000000000000001","completedVerified":true}`})
			},
			check: wantVerdict(map[string]eligibility.Outcome{"BD-4": Pass, "BD-1b": Pass, "GEN-3": Pass})},
		{reason: "an amount as a JSON number is bad input: the contract's amounts are strings",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"investment": `{"total":1e17,"bigDataPortion":5e16,"completed":0,"completedVerified":true}`})
			},
			check: wantInvalid("investment.total", "investment.bigDataPortion", "investment.completed")},
		{reason: "amounts beyond 10^18 yuan are bad input, named",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"investment": `{"total":1e400,"bigDataPortion":"1000000000000000000.01"}`})
			},
			check: wantInvalid("investment.total", "investment.bigDataPortion")},
		{reason: "more than 30 decimal places is bad input, named",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"investment": `{"total":"1","completed":1e-400}`})
			},
			check: wantInvalid("investment.completed")},
		{reason: "an exponent beyond the decimal library's bound is bad input, named",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"investment": `{"total":"1e100000"}`})
			},
			check: wantInvalid("investment.total")},
		{reason: "a 20,000-digit amount is bad input, not a long computation",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"investment": fmt.Sprintf(`{"total":"%s","bigDataPortion":"%s","completed":"0","completedVerified":true}`, digits(20_000), digits(19_999))})
			},
			check: wantInvalid("investment.total", "investment.bigDataPortion")},
		{reason: "NaN and infinities are not amounts",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"investment": `{"total":"NaN","bigDataPortion":"Infinity","completed":"-Inf"}`})
			},
			check: wantInvalid("investment.total")},

		// ── dates ──
		{reason: "dates at the ends of the calendar, evaluated on 0001-01-01",
			data: func(t *testing.T) []byte {
				return withBase(t, "industrial-internet", map[string]string{
					"incidents": `[{"date":"0001-01-01","kind":"violation"},{"date":"9999-12-31","kind":"violation"}]`})
			},
			asOf:  "0001-01-01",
			check: wantVerdict(map[string]eligibility.Outcome{"II-11": Fail})},
		{reason: "dates at the ends of the calendar, evaluated on 9999-12-31",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"preparation": `{"feasibilityStudyCompleted":true,"fundingSecured":true,"plannedStart":"9999-12-31"}`})
			},
			asOf:  "9999-12-31",
			check: wantVerdict(map[string]eligibility.Outcome{"BD-6c": Pass})},
		{reason: "a start in 9999 is not within 2020",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"preparation": `{"feasibilityStudyCompleted":true,"fundingSecured":true,"plannedStart":"9999-12-31"}`})
			},
			check: wantVerdict(map[string]eligibility.Outcome{"BD-6c": Fail})},
		{reason: "a date that does not exist is bad input",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"preparation": `{"plannedStart":"2021-02-29"}`})
			},
			check: wantInvalid("preparation.plannedStart")},
		{reason: "a five-digit year is bad input",
			data: func(t *testing.T) []byte {
				return withBase(t, "bigdata", map[string]string{"preparation": `{"plannedStart":"10000-01-01"}`})
			},
			check: wantInvalid("preparation.plannedStart")},

		// ── sizes ──
		{reason: "10,000 incidents, the limit: a violation at the end is found",
			data: func(t *testing.T) []byte {
				incs := strings.Repeat(`{"date":"2019-01-01","kind":"safety-accident","major":false},`, eligibility.MaxListLength-1) +
					`{"date":"2019-01-01","kind":"violation"}`
				return withBase(t, "industrial-internet", map[string]string{"incidents": "[" + incs + "]"})
			},
			check: wantVerdict(map[string]eligibility.Outcome{"II-11": Fail})},
		{reason: "10,000 incidents of unknown severity: the first 16 named, the rest together",
			// Distinct unknowns for every incident made II-11 quadratic in cel-go's
			// merging (seconds at the limit); the engine names 16 and groups the rest.
			data: func(t *testing.T) []byte {
				incs := strings.TrimSuffix(strings.Repeat(`{"date":"2019-01-01","kind":"environmental-accident"},`, eligibility.MaxListLength), ",")
				return withBase(t, "industrial-internet", map[string]string{"incidents": "[" + incs + "]"})
			},
			check: func(t *testing.T, a answer, asOf eligibility.Date) {
				wantVerdict(map[string]eligibility.Outcome{"II-11": OutcomeUndetermined})(t, a, asOf)
				missing := result(t, a.v, "II-11").Missing
				assert.Len(t, missing, 17)
				assert.Equal(t, "incidents[0].major", missing[0])
				assert.Equal(t, "incidents[*].major", missing[16])
			}},
		{reason: "10,001 incidents exceed the limit",
			data: func(t *testing.T) []byte {
				incs := strings.TrimSuffix(strings.Repeat(`{},`, eligibility.MaxListLength+1), ",")
				return withBase(t, "industrial-internet", map[string]string{"incidents": "[" + incs + "]"})
			},
			check: wantInvalid("incidents")},
		{reason: "a 1 MB name exceeds the string limit",
			data: func(t *testing.T) []byte {
				return withBase(t, "ai", map[string]string{"name": string(mustJSON(t, megabyte))})
			},
			check: wantInvalid("name")},
		{reason: "a 1 MB form field exceeds the string limit",
			data: func(t *testing.T) []byte {
				return withBase(t, "ai", map[string]string{"form": `{"progress":` + string(mustJSON(t, megabyte)) + `}`})
			},
			check: wantInvalid("form.progress")},
		{reason: "a 1 MB code is an unknown code",
			data: func(t *testing.T) []byte {
				return withBase(t, "ai", map[string]string{"reportingUnit": string(mustJSON(t, megabyte))})
			},
			check: wantInvalid("reportingUnit")},
		{reason: "a 1 MB credit code is a malformed credit code",
			data: func(t *testing.T) []byte {
				return withBase(t, "ai", map[string]string{"applicant": `{"creditCode":` + string(mustJSON(t, megabyte)) + `}`})
			},
			check: wantInvalid("applicant.creditCode")},
		{reason: "60 scenarios of 64 KiB less one byte each are within the limits",
			data: func(t *testing.T) []byte {
				scenario := string(mustJSON(t, strings.Repeat("x", eligibility.MaxStringBytes-1)))
				list := strings.TrimSuffix(strings.Repeat(scenario+",", 60), ",")
				return withBase(t, "industrial-internet", map[string]string{"fiveG": `{"technologies":["public-macro-coverage"],"scenarios":[` + list + `]}`})
			},
			check: wantVerdict(map[string]eligibility.Outcome{"II-2a": Fail, "II-2b": Pass})},
		{reason: "100 scenarios of 64 KiB less one byte each exceed the record's limit",
			data: func(t *testing.T) []byte {
				scenario := string(mustJSON(t, strings.Repeat("x", eligibility.MaxStringBytes-1)))
				list := strings.TrimSuffix(strings.Repeat(scenario+",", 100), ",")
				return withBase(t, "industrial-internet", map[string]string{"fiveG": `{"technologies":["public-macro-coverage"],"scenarios":[` + list + `]}`})
			},
			check: wantInvalid("")},
		{reason: "20 technologies of 64 KiB each are 20 unknown codes, each quoted in 64 bytes",
			data: func(t *testing.T) []byte {
				tech := string(mustJSON(t, strings.Repeat("x", eligibility.MaxStringBytes-1)))
				list := strings.TrimSuffix(strings.Repeat(tech+",", 20), ",")
				return withBase(t, "industrial-internet", map[string]string{"fiveG": `{"technologies":[` + list + `],"scenarios":["a"]}`})
			},
			check: wantInvalid("fiveG.technologies[0]")},

		// ── encoding ──
		{reason: "non-UTF-8 bytes in a JSON string",
			data: func(t *testing.T) []byte {
				return withBase(t, "ai", map[string]string{"name": "\"\xff\xfe bad\"", "id": "\"\xc3\x28\""})
			},
			// encoding/json would replace each bad byte by U+FFFD and accept a name the
			// record did not have; DecodeProject refuses it, naming the fields.
			check: wantInvalid("name", "id")},
		{reason: "10,000 levels of nesting where a string is expected: beyond encoding/json's depth",
			data: func(t *testing.T) []byte {
				return withBase(t, "ai", map[string]string{"name": nested(10_000, "[", "]", "")})
			},
			check: wantInvalid("")},
		{reason: "9,000 levels of nesting where a string is expected",
			data: func(t *testing.T) []byte {
				return withBase(t, "ai", map[string]string{"name": nested(9_000, "[", "]", "")})
			},
			check: wantInvalid("name")},
		{reason: "100,000 levels of nesting as the whole record",
			data:  func(*testing.T) []byte { return []byte(nested(100_000, `{"a":`, "}", "1")) },
			check: wantInvalid("")},
		{reason: "10,000 levels of nesting under an unknown key",
			data: func(t *testing.T) []byte {
				return withBase(t, "ai", map[string]string{"extra": nested(9_990, `{"a":`, "}", "1")})
			},
			check: wantInvalid("extra")},
		{reason: "a deep array where incidents are expected",
			data: func(t *testing.T) []byte {
				return withBase(t, "industrial-internet", map[string]string{"incidents": nested(9_000, "[", "]", "")})
			},
			check: wantInvalid("")},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			asOf := submissionDate
			if tt.asOf != "" {
				asOf = date(tt.asOf)
			}
			data := tt.data(t)
			a := settle(t, func() answer { return decodeAndEvaluate(data, asOf) })
			tt.check(t, a, asOf)
			readableError(t, a.err)
		})
	}
}

// Duplicate keys. encoding/json keeps the last of duplicate keys, and matches keys
// case-insensitively, so a record can say two things at once and one of them is
// silently dropped. The test accepts either answer a careful decoder could give (an
// error naming the key, or the last value) and logs which; the report proposes the
// error.
func TestHostileDuplicateKeys(t *testing.T) {
	tests := []struct {
		reason string
		data   func(t *testing.T) []byte
		path   string
	}{
		{reason: "the category twice",
			data: func(*testing.T) []byte {
				return []byte(`{"category":"telecom","category":"bigdata"}`)
			},
			path: "category"},
		{reason: "a reviewer's finding twice: not met, then met",
			data: func(t *testing.T) []byte {
				b := mustJSON(t, base(t, "bigdata"))
				s := strings.Replace(string(b), `"findings":{`, `"findings":{"BD-3a":{"met":false,"by":"专家甲"},`, 1)
				return []byte(s)
			},
			path: "findings.BD-3a"},
		{reason: "the same key in another case",
			data: func(t *testing.T) []byte {
				b := mustJSON(t, base(t, "bigdata"))
				return []byte(strings.Replace(string(b), `{`, `{"WrittenCommitment":false,"CATEGORY":"ai",`, 1))
			},
			path: "CATEGORY"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			// encoding/json would keep the last value silently; DecodeProject
			// refuses the record instead, naming the key.
			a := settle(t, func() answer { return decodeAndEvaluate(tt.data(t), submissionDate) })
			wantInvalid(tt.path)(t, a, submissionDate)
		})
	}
}

// Hostile values built in Go rather than JSON: what an embedding program can pass.
func TestHostileGoValues(t *testing.T) {
	big := strings.Repeat("x", 1<<20)
	tests := []struct {
		reason string
		edit   func(p *Project)
		asOf   string
		check  func(*testing.T, answer, eligibility.Date)
	}{
		{"a non-UTF-8 name", func(p *Project) { p.Name = "\xff\xfe" }, "", wantInvalid("name")},
		{"a non-UTF-8 form field", func(p *Project) { p.Form.ResponsiblePerson = new("王\xff") }, "", wantInvalid("form.responsiblePerson")},
		{"a non-UTF-8 code", func(p *Project) { p.Stage = "new-start\xff" }, "", wantInvalid("stage")},
		{"a non-UTF-8 finding key", func(p *Project) { p.Findings["BD-3a\xff"] = eligibility.Finding{Met: new(true)} }, "",
			wantInvalid("findings.BD-3a\xff")},
		{"a 1 MB finding key", func(p *Project) { p.Findings[big] = eligibility.Finding{Met: new(true)} }, "",
			wantInvalid("")},
		{"a 1 MB reviewer's note", func(p *Project) {
			f := p.Findings["BD-3a"]
			f.Note = big
			p.Findings["BD-3a"] = f
		}, "", wantInvalid("findings.BD-3a.note")},
		{"a 1 MB credit code", func(p *Project) { p.Applicant.CreditCode = big }, "", wantInvalid("applicant.creditCode")},
		{"a 1 MB division", func(p *Project) { p.Applicant.RegistrationDivision = big }, "", wantInvalid("applicant.registrationDivision")},
		{"10,001 technologies", func(p *Project) { p.BigDataContent = make([]category.BigDataContent, eligibility.MaxListLength+1) }, "",
			wantInvalid("bigDataContent")},
		{"a date far outside the calendar of JSON", func(p *Project) {
			p.Preparation.PlannedStart = eligibility.Date{Year: -50_000, Month: 1, Day: 1}
		}, "", wantInvalid("preparation.plannedStart")},
		{"month 13, which time.Date would turn into January", func(p *Project) {
			p.Preparation.PlannedStart = eligibility.Date{Year: 2020, Month: 13, Day: 1}
			p.Incidents = []eligibility.Incident{{Date: eligibility.Date{Year: 2019, Month: 2, Day: 30}}}
			p.Findings["BD-3a"] = eligibility.Finding{Met: new(true), On: eligibility.Date{Year: 2020, Month: 0, Day: 1}}
		}, "", wantInvalid("preparation.plannedStart", "incidents[0].date", "findings.BD-3a.on")},
	}
	for _, far := range []eligibility.Date{{Year: 100_000, Month: 2, Day: 29}, {Year: -5, Month: 6, Day: 1},
		{Year: 0, Month: 12, Day: 31}, {Year: 2021, Month: 13, Day: 1}, {Year: 2021, Month: 2, Day: 29}} {
		tests = append(tests, struct {
			reason string
			edit   func(p *Project)
			asOf   string
			check  func(*testing.T, answer, eligibility.Date)
		}{fmt.Sprintf("the evaluation date %d-%d-%d", far.Year, far.Month, far.Day), nil, "", func(t *testing.T, _ answer, _ eligibility.Date) {
			// An evaluation date before year 1 once panicked (index out of range);
			// month 13 was normalised. Both are bad input, named by path.
			p := base(t, "industrial-internet")
			incident("2019-01-01", category.IncidentKindViolation, nil)(p)
			a := settle(t, func() answer {
				v, err := eligibility.Default().Evaluate(p, far)
				return answer{v: v, err: err, p: p}
			})
			wantInvalid("asOf")(t, a, far)
			assert.ErrorIs(t, a.err, criteria.ErrInvalidDate)
		}})
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			asOf := submissionDate
			if tt.asOf != "" {
				asOf = date(tt.asOf)
			}
			if tt.edit == nil {
				tt.check(t, answer{}, asOf)
				return
			}
			p := base(t, "bigdata")
			tt.edit(p)
			a := settle(t, func() answer {
				v, err := eligibility.Default().Evaluate(p, asOf)
				return answer{v: v, err: err, p: p}
			})
			tt.check(t, a, asOf)
			readableError(t, a.err)
		})
	}
}

// A rule set from another hand that multiplies an amount by itself: exact decimals
// would grow without bound while the cost estimate counts each product as one
// operation. Amounts are at most 10^18 and a product of more than 1,000 digits is an
// evaluation error naming the criterion, so such a rule is quick either way.
func TestHostileRuleSetArithmetic(t *testing.T) {
	var product func(depth int) string
	product = func(depth int) string {
		if depth == 0 {
			return "project.investment.total"
		}
		s := product(depth - 1)
		return "(" + s + " * " + s + ")"
	}
	evaluateWith := func(depth int) answer {
		rs := withRequire(t, map[string]string{"BD-4": product(depth) + " >= params.minTotalInvestment"})
		engine, err := eligibility.New(rs)
		require.NoError(t, err, "the products are within the cost and length limits")
		p := base(t, "bigdata")
		p.Investment.Total = yuan("1e18")
		p.Investment.BigDataPortion = yuan("1e17")
		return settle(t, func() answer {
			v, err := engine.Evaluate(p, submissionDate)
			return answer{v: v, err: err, p: p}
		})
	}
	a := evaluateWith(5) // (10^18)^32: 577 digits
	require.NoError(t, a.err)
	assert.Equal(t, Pass, result(t, a.v, "BD-4").Outcome)

	a = evaluateWith(6) // (10^18)^64: 1,153 digits
	require.Error(t, a.err)
	assert.ErrorIs(t, a.err, eligibility.ErrEvaluation)
	assert.ErrorContains(t, a.err, "criterion BD-4 require")
	assert.ErrorContains(t, a.err, "more than 1000 digits")
}

// The same bad record gives the same error, problems in the same order, every time.
func TestHostileErrorsAreDeterministic(t *testing.T) {
	p := base(t, "bigdata")
	for _, id := range []string{"BD-2", "BD-3a", "BD-3b"} {
		f := p.Findings[id]
		f.Note = "\xff" // not UTF-8
		p.Findings[id] = f
	}
	first := eligibility.Default().Validate(p)
	require.Error(t, first)
	var ve *eligibility.ValidationError
	require.ErrorAs(t, first, &ve)
	assert.ElementsMatch(t, []string{"findings.BD-2.note", "findings.BD-3a.note", "findings.BD-3b.note"}, ve.Paths())
	texts := map[string]bool{}
	for range 20 {
		texts[eligibility.Default().Validate(p).Error()] = true
	}
	knownIssue(t, len(texts) == 1, "%d different error texts for one record", len(texts))
}
