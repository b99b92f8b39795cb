package policytest_test

import (
	"io/fs"
	"os"
	"os/exec"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/policytest"
)

// testdata holds the suites, projects and rule sets of these tests.
var testdata = os.DirFS("testdata")

// The default rule set's own fixtures: a regression test for every criterion.
func TestDefaultSuite(t *testing.T) {
	suite, err := policytest.LoadSuite(testdata, "default.yaml")
	require.NoError(t, err)
	suite.Run(t)
}

// The answer to "what if the floor goes to 10 million?", kept as a test: the suite
// names the variant it tests.
func TestFloor10mSuite(t *testing.T) {
	suite, err := policytest.LoadSuite(testdata, "floor-10m.yaml")
	require.NoError(t, err)
	assert.Equal(t, "floor-10m", suite.Engine().RuleSet().Name)
	suite.Run(t)
}

func TestLoadSuiteKeepsWhatItRead(t *testing.T) {
	suite, err := policytest.LoadSuite(testdata, "default.yaml")
	require.NoError(t, err)
	fx := fixture(t, suite, "under a 10 million floor, 9,999,999.99 fails BD-4")
	assert.Equal(t, "projects/bigdata.json + patch", fx.Source)
	assert.Equal(t, "9999999.99", fx.Project.Investment.Total.StringFixed(2), "the patch is applied")
	assert.Equal(t, "10000000", fx.Parameters["minTotalInvestment"].String())
	assert.Equal(t, criteria.MustParseDate("2020-07-20"), fx.AsOf, "the suite's date")
	assert.Equal(t, map[string]eligibility.Outcome{"BD-4": eligibility.Fail}, fx.Expect.Outcomes)

	inline := fixture(t, suite, "an inline project, stated in full")
	assert.Equal(t, "inline", inline.Source)
	assert.Equal(t, "12000000", inline.Project.Investment.Total.String(), "an unquoted YAML amount keeps its digits")

	leap := fixture(t, suite, "28 February is outside the window that opens on 1 March")
	assert.Equal(t, criteria.MustParseDate("2020-02-29"), leap.AsOf, "a fixture's own date wins")
}

func fixture(t *testing.T, s *policytest.Suite, name string) policytest.Fixture {
	t.Helper()
	for _, fx := range s.Fixtures {
		if fx.Name == name {
			return fx
		}
	}
	require.Failf(t, "no fixture", "%q", name)
	return policytest.Fixture{}
}

// Every mistake a fixture can hold is reported at load time, all at once, each with
// its path: nothing runs until the suite is right.
func TestLoadSuiteReportsEveryProblem(t *testing.T) {
	_, err := policytest.LoadSuite(testdata, "bad/many-problems.yaml")
	require.Error(t, err)
	assert.ErrorIs(t, err, policytest.ErrInvalidSuite)
	var ve *criteria.ValidationError
	require.ErrorAs(t, err, &ve)
	const (
		f0 = "fixtures[0] (unknown outcome and criterion)"
		f6 = "fixtures[6] (parameters unknown and mistyped)"
		f8 = "fixtures[8] (a patch making the project invalid input)"
		f9 = "fixtures[9] (missing facts for an unknown criterion and for a pass)"
	)
	assert.Equal(t, []string{
		f0 + ".expect.outcomes.AI-1", // an outcome code that does not exist
		f0 + ".expect.outcomes.AI-9", // a criterion the rule set does not have
		"fixtures[1] (a date that does not exist).asOf",
		"fixtures[2] (a project outside the file system).project",
		"fixtures[3] (a project file that is not there).project",
		"fixtures[4] (a project file that is not there).name", // a name used twice
		"fixtures[4] (a project file that is not there).asOf", // no date here or for the suite
		"fixtures[4] (a project file that is not there).expect.decision",
		"fixtures[5].name",
		"fixtures[5].expect", // asserts nothing
		f6 + ".parameters.carriers",
		f6 + ".parameters.incidentLookbackYears",
		f6 + ".parameters.minTotalInvestmnt",
		"fixtures[7] (an inline project with a misspelt field).project.investmnt",
		f8 + ".project.applicant.creditCode", // the engine's validation, field by field, sorted by path
		f8 + ".project.subtype",
		f9 + ".expect.missing.AI-1",
		f9 + ".expect.missing.XX-1",
	}, ve.Paths())
	for _, text := range []string{`unknown outcome "passed"`, `has no criterion "AI-9"`, "outside the suite's file system",
		`"three" is not a whole number`, "check character mismatch", "asserts nothing"} {
		assert.ErrorContains(t, err, text)
	}
}

func TestLoadSuiteRefusesWhatCannotBeRead(t *testing.T) {
	tests := []struct {
		reason string
		file   string
		text   string
		is     error // a further error the failure must match
	}{
		{"a misspelt key would silently assert nothing", "bad/unknown-key.yaml", "field expects not found", nil},
		{"an empty file", "bad/empty.yaml", "empty document", nil},
		{"a suite without fixtures tests nothing", "bad/no-fixtures.yaml", "at least one fixture", nil},
		{"a rule set outside the file system", "bad/ruleset-outside.yaml", "outside the suite's file system", nil},
		{"a rule set that is not there", "bad/ruleset-missing.yaml", "floor-20m.yaml", fs.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			_, err := policytest.LoadSuite(testdata, tt.file)
			assert.ErrorIs(t, err, policytest.ErrInvalidSuite)
			assert.ErrorContains(t, err, tt.text)
			assert.ErrorContains(t, err, tt.file, "the error names the suite")
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
		})
	}
	_, err := policytest.LoadSuite(testdata, "nothing.yaml")
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.NotErrorIs(t, err, policytest.ErrInvalidSuite, "a missing suite is not a bad one")
}

// What only the engine can find in a rule set — expressions that do not compile,
// that are not bool, parameters undefined or unread, findings that can never be
// supplied — stops a suite from loading, with the engine's own error.
func TestLoadSuiteReportsTheEnginesRuleSetProblems(t *testing.T) {
	tests := []struct {
		reason  string
		ruleset string
		paths   []string
		text    string
	}{
		{"an expression that does not compile", "compile-error.yaml",
			[]string{"criteria[5] (BD-4).require"}, "undeclared reference to 'projet'"},
		{"an expression that is not bool", "not-bool.yaml",
			[]string{"criteria[1] (BD-1b).require"}, "must evaluate to bool but got intake.Decimal"},
		{"an undefined parameter", "undefined-parameter.yaml",
			[]string{"criteria[41] (TC-2).require"}, "noSuchParameter"},
		{"a parameter no criterion reads", "unused-parameter.yaml",
			[]string{"parameters[0] (minTotalInvestment)"}, "no criterion reads it"},
		{"a finding on a criterion that takes none", "findings-key.yaml",
			[]string{"criteria[42] (GEN-1).require"}, "can never be supplied"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			rules, err := fs.ReadFile(testdata, "rulesets/"+tt.ruleset)
			require.NoError(t, err)
			fsys := fstest.MapFS{
				"suite.yaml": {Data: []byte("ruleset: rules.yaml\nfixtures: []\n")},
				"rules.yaml": {Data: rules},
			}
			_, err = policytest.LoadSuite(fsys, "suite.yaml")
			require.Error(t, err)
			assert.ErrorIs(t, err, policytest.ErrInvalidSuite)
			assert.ErrorIs(t, err, criteria.ErrInvalidRuleSet)
			var ve *criteria.ValidationError
			require.ErrorAs(t, err, &ve, "the engine's error, with its paths")
			assert.Equal(t, tt.paths, ve.Paths())
			assert.ErrorContains(t, err, tt.text)
		})
	}
}

// The runner's own report: a suite with deliberately wrong expectations must name the
// fixture, the criterion, what was expected, what came out and the message.
func TestResultsReportFailures(t *testing.T) {
	suite, err := policytest.LoadSuite(testdata, "wrong.yaml")
	require.NoError(t, err)
	results := suite.Results()
	require.Len(t, results, 4)

	outcome := results[0]
	assert.False(t, outcome.Passed())
	require.NotNil(t, outcome.Verdict)
	assert.Equal(t, []policytest.Failure{{
		Fixture: "wrong outcome", Criterion: "BD-4", Ref: "一(一)4", What: "outcome", Want: "pass", Got: "fail",
		Message: criteria.Text{Zh: "项目总投资额度小于500万元，不符合一(一)4", En: "total investment is below the 5,000,000 yuan required by 一(一)4"},
	}}, outcome.Failures, "BD-1b held, so only BD-4 is reported")
	assert.Equal(t, `fixture "wrong outcome": BD-4 (一(一)4): want pass, got fail: `+
		"total investment is below the 5,000,000 yuan required by 一(一)4 / 项目总投资额度小于500万元，不符合一(一)4",
		outcome.Failures[0].String())

	decision := results[1].Failures
	require.Len(t, decision, 1)
	assert.Equal(t, `fixture "wrong decision": decision: want eligible, got ineligible: `+
		"failing BD-4; undetermined BD-3a / 不符合：BD-4；无法判定：BD-3a", decision[0].String())

	missing := results[2].Failures
	require.Len(t, missing, 1)
	assert.Equal(t, "missing", missing[0].What)
	assert.Equal(t, "[investment.totl]", missing[0].Want)
	assert.Equal(t, "[investment.total]", missing[0].Got)
	assert.Contains(t, missing[0].String(), "BD-4 (一(一)4) missing facts: want [investment.totl], got [investment.total]")

	assert.True(t, results[3].Passed())
	assert.Empty(t, results[3].Failures)
}

// An evaluation that cannot happen (no parameter value in force on the date) is the
// fixture's error, not a failed expectation, and the other fixtures still run.
func TestResultsReportEvaluationErrors(t *testing.T) {
	suite, err := policytest.LoadSuite(testdata, "no-value.yaml")
	require.NoError(t, err)
	results := suite.Results()
	require.Len(t, results, 2)
	assert.ErrorIs(t, results[0].Err, eligibility.ErrNoParameterValue)
	assert.False(t, results[0].Passed())
	assert.Nil(t, results[0].Verdict)
	assert.True(t, results[1].Passed())
}

// Run reports through go test: one subtest per fixture, each failure on its own line.
// The wrong suite runs in a child process (this test binary, told so by the
// environment), whose output is read here.
func TestRunReportsThroughGoTest(t *testing.T) {
	if os.Getenv("POLICYTEST_RUN_WRONG_SUITE") == "1" {
		suite, err := policytest.LoadSuite(testdata, "wrong.yaml")
		require.NoError(t, err)
		suite.Run(t)
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestRunReportsThroughGoTest$", "-test.v")
	cmd.Env = append(os.Environ(), "POLICYTEST_RUN_WRONG_SUITE=1")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "the wrong suite must fail:\n%s", out)
	for _, want := range []string{
		"--- FAIL: TestRunReportsThroughGoTest/wrong_outcome",
		`fixture "wrong outcome": BD-4 (一(一)4): want pass, got fail: total investment is below`,
		"--- FAIL: TestRunReportsThroughGoTest/wrong_decision",
		"--- FAIL: TestRunReportsThroughGoTest/wrong_missing_facts",
		"--- PASS: TestRunReportsThroughGoTest/right",
	} {
		assert.Contains(t, string(out), want)
	}
}

// Fixtures with the same parameters share one engine; the suite's own is untouched.
func TestFixtureParametersDoNotLeak(t *testing.T) {
	fsys := fstest.MapFS{
		"p.json": {Data: mustRead(t, "projects/bigdata.json")},
		"suite.yaml": {Data: []byte(`asOf: 2020-07-20
fixtures:
  - {name: raised, project: p.json, parameters: {minTotalInvestment: "40000000"}, expect: {outcomes: {BD-4: fail}}}
  - {name: raised again, project: p.json, parameters: {minTotalInvestment: "40000000"}, expect: {outcomes: {BD-4: fail}}}
  - {name: default, project: p.json, expect: {outcomes: {BD-4: pass}}}
`)},
	}
	suite, err := policytest.LoadSuite(fsys, "suite.yaml")
	require.NoError(t, err)
	for _, r := range suite.Results() {
		assert.True(t, r.Passed(), "%s: %v", r.Fixture, r.Failures)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(testdata, name)
	require.NoError(t, err)
	return b
}

// A project may also be a YAML file; amounts written as bare numbers keep their
// digits, and dates stay dates.
func TestProjectInAYAMLFile(t *testing.T) {
	fsys := fstest.MapFS{
		"projects/tc.yaml": {Data: []byte(`
category: telecom
subtype: 5g
applicant: {carrier: china-unicom, provincialCompany: true, qualified: true}
investment: {total: 12345678.91, completed: 0x10, completedVerified: true}
preparation: {plannedStart: 2020-12-31}
form: {constructionScale: 基站 120 个, progress: 在建, responsiblePerson: 张婷}
`)},
		"suite/s.yaml": {Data: []byte(`
asOf: 2020-07-20
fixtures:
  - {name: yaml project, project: ../projects/tc.yaml, patch: {investment: {completedVerified: null}},
     expect: {decision: undetermined, missing: {GEN-3: [investment.completedVerified]}}}
`)},
	}
	suite, err := policytest.LoadSuite(fsys, "suite/s.yaml")
	require.NoError(t, err)
	fx := suite.Fixtures[0]
	assert.Equal(t, "../projects/tc.yaml + patch", fx.Source)
	assert.Equal(t, "12345678.91", fx.Project.Investment.Total.String())
	assert.Equal(t, "16", fx.Project.Investment.Completed.String(), "a YAML hex integer is still a number")
	assert.Equal(t, criteria.MustParseDate("2020-12-31"), fx.Project.Preparation.PlannedStart)
	for _, r := range suite.Results() {
		assert.True(t, r.Passed(), "%v", r.Failures)
	}
}
