package eligibility_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

func TestBoundaries(t *testing.T) {
	tests := []struct {
		reason string
		id     string
		edit   func(p *Project)
		want   Outcome
	}{
		{"5,000,000.00 is not less than 500万元", "BD-4",
			func(p *Project) {
				p.Investment.Total = yuan("5000000.00")
				p.Investment.BigDataPortion = yuan("2500000")
			}, Pass},
		{"4,999,999.99 is one fen short", "BD-4",
			func(p *Project) {
				p.Investment.Total = yuan("4999999.99")
				p.Investment.BigDataPortion = yuan("2500000")
			}, Fail},
		{"exactly 50% is 50%以上", "BD-1b",
			func(p *Project) {
				p.Investment.Total = yuan("24691357.82")
				p.Investment.BigDataPortion = yuan("12345678.91")
			}, Pass},
		{"one fen under half fails: 7,500,000.00 of 15,000,000.01", "BD-1b",
			func(p *Project) {
				p.Investment.Total = yuan("15000000.01")
				p.Investment.BigDataPortion = yuan("7500000.00")
			}, Fail},
		{"trailing zeros do not change an amount", "BD-1b",
			func(p *Project) {
				p.Investment.Total = yuan("10000000.000")
				p.Investment.BigDataPortion = yuan("5000000")
			}, Pass},
		{"31 December of the evaluation year", "BD-6c",
			func(p *Project) { p.Preparation.PlannedStart = date("2020-12-31") }, Pass},
		{"1 January of the next year", "BD-6c",
			func(p *Project) { p.Preparation.PlannedStart = date("2021-01-01") }, Fail},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			p := base(t, "bigdata")
			tt.edit(p)
			assert.Equal(t, tt.want, result(t, evaluate(t, p, submissionDate), tt.id).Outcome)
		})
	}
}

func TestDecision(t *testing.T) {
	tests := []struct {
		reason       string
		base         string
		edit         func(p *Project)
		want         eligibility.Decision
		failing      []string
		undetermined []string
		advisories   []string
	}{
		{reason: "everything met", base: "bigdata", want: eligibility.Eligible},
		{reason: "a fail beside an undetermined is ineligible", base: "bigdata",
			edit: func(p *Project) {
				p.Investment.Total = yuan("4000000")
				p.Investment.BigDataPortion = yuan("3000000")
				delete(p.Findings, "BD-3a")
			},
			want: eligibility.Ineligible, failing: []string{"BD-4"}, undetermined: []string{"BD-3a"}},
		{reason: "only undetermined is undetermined", base: "ai",
			edit: func(p *Project) { delete(p.Findings, "AI-C2"); p.Form.Progress = nil },
			want: eligibility.Undetermined, undetermined: []string{"AI-C2", "GEN-2"}},
		{reason: "an unmet encouraged criterion is an advisory and leaves the project eligible", base: "industrial-internet",
			edit: func(p *Project) { p.Subtype = category.SubtypeIdentifierNode; p.IdentifierNode.InJilin = new(false) },
			want: eligibility.Eligible, advisories: []string{"II-4"}},
		{reason: "advisories are reported whatever the decision", base: "industrial-internet",
			edit: func(p *Project) {
				p.Subtype = category.SubtypePlatform
				p.Platform = eligibility.Platform{Level: "cross-industry", TopCloudPartner: new(false)}
				p.WrittenCommitment = new(false)
			},
			want: eligibility.Ineligible, failing: []string{"II-10b"}, advisories: []string{"II-5"}},
		{reason: "an encouraged criterion with unknown facts is neither advisory nor undetermined", base: "industrial-internet",
			edit: func(p *Project) { p.Subtype = category.SubtypePlatform; p.Platform = eligibility.Platform{} },
			want: eligibility.Eligible},
		{reason: "several failures are all named, in rule order", base: "telecom",
			edit: func(p *Project) {
				p.Applicant.Carrier = category.CarrierNone
				p.Applicant.ProvincialCompany = new(false)
				p.Form.ResponsiblePerson = new("")
			},
			want: eligibility.Ineligible, failing: []string{"TC-1a", "TC-2", "GEN-4"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			p := base(t, tt.base)
			if tt.edit != nil {
				tt.edit(p)
			}
			v := evaluate(t, p, submissionDate)
			assert.Equal(t, tt.want, v.Decision)
			assert.Equal(t, tt.failing, v.Failing)
			assert.Equal(t, tt.undetermined, v.Undetermined)
			assert.Equal(t, tt.advisories, v.Advisories)
			assert.Equal(t, tt.want == eligibility.Eligible, v.Eligible())
			assert.Len(t, v.FailingResults(), len(tt.failing))
			assert.Len(t, v.UndeterminedResults(), len(tt.undetermined))
			assert.Len(t, v.AdvisoryResults(), len(tt.advisories))
		})
	}
}

func TestVerdictRoutingAndProvenance(t *testing.T) {
	tests := []struct {
		base      string
		authority category.Authority
		channel   category.Channel
	}{
		{"bigdata", category.AuthorityGovernmentServices, category.ChannelReportingUnit},
		{"ai", category.AuthorityIndustryIT, category.ChannelReportingUnit},
		{"industrial-internet", category.AuthorityIndustryIT, category.ChannelReportingUnit},
		{"telecom", category.AuthorityCommunications, category.ChannelCarrierProvincialCompany},
	}
	for _, tt := range tests {
		t.Run(tt.base, func(t *testing.T) {
			p := base(t, tt.base)
			v := evaluate(t, p, submissionDate)
			assert.Equal(t, tt.authority, v.ConfirmingAuthority)
			assert.Equal(t, tt.channel, v.Channel)
			assert.Equal(t, p.Category, v.Category)
			assert.Equal(t, p.ID, v.ProjectID)
			assert.Equal(t, "jilin-761-intake-2020", v.RuleSet)
			assert.Equal(t, "吉政数办函〔2020〕579号", v.Document)
			assert.Equal(t, submissionDate, v.AsOf)
			require.Len(t, v.Results, 47, "one result per criterion, not-applicable ones included")
			for i, c := range criteria.Default().Criteria {
				assert.Equal(t, c.ID, v.Results[i].ID, "results in rule order")
				if c.Category != "" && c.Category != p.Category {
					assert.Equal(t, NotApplicable, v.Results[i].Outcome, c.ID)
				}
				assert.NotEmpty(t, v.Results[i].Message.Zh)
				assert.NotEmpty(t, v.Results[i].Message.En)
			}
		})
	}
}

func TestEvaluateLeavesTheProjectAlone(t *testing.T) {
	p := base(t, "industrial-internet")
	before, err := json.Marshal(p)
	require.NoError(t, err)
	evaluate(t, p, submissionDate)
	after, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, string(before), string(after))
}

func TestBadInputNamesEveryField(t *testing.T) {
	tests := []struct {
		reason string
		edit   func(p *Project)
		asOf   eligibility.Date
		paths  []string
	}{
		{"unknown codes everywhere",
			func(p *Project) {
				p.Category = "bigdata"
				p.Subtype = "warehouse"
				p.Stage = "dreaming"
				p.ReportingUnit = "beijing"
				p.Applicant.LegalForm = "llc"
				p.Applicant.EnterpriseKind = "farm"
				p.Applicant.Carrier = "china-post"
				p.Incidents = []eligibility.Incident{{Kind: "accident"}, {Kind: category.IncidentKindViolation}, {Kind: "fine"}}
			}, submissionDate,
			[]string{"subtype", "stage", "reportingUnit", "applicant.legalForm", "applicant.enterpriseKind",
				"applicant.carrier", "incidents[0].kind", "incidents[2].kind"}},
		{"a subtype of another category",
			func(p *Project) { p.Subtype = category.SubtypeAIProduct }, submissionDate, []string{"subtype"}},
		{"category missing, and the date",
			func(p *Project) { p.Category = "" }, eligibility.Date{}, []string{"category", "asOf"}},
		{"category unknown",
			func(p *Project) { p.Category = "roads" }, submissionDate, []string{"category"}},
		{"malformed credit code and division",
			func(p *Project) {
				p.Applicant.CreditCode = "91220101MA14XJ7T60"
				p.Applicant.RegistrationDivision = "22010"
			}, submissionDate, []string{"applicant.creditCode", "applicant.registrationDivision"}},
		{"negative amounts, a portion above the total; a negative completed investment is GEN-3's to fail",
			func(p *Project) {
				p.Investment.Total = yuan("1")
				p.Investment.Completed = formYuan("-0.01")
				p.Investment.BigDataPortion = yuan("2")
				p.Applicant.SelfAssessment = &eligibility.SelfAssessment{Score: yuan("-5")}
			}, submissionDate,
			[]string{"applicant.selfAssessment.score", "investment.bigDataPortion"}},
		{"a completed investment beyond the limits is still bad input",
			func(p *Project) { p.Investment.Completed = formYuan("-1000000000000000000.01") }, submissionDate,
			[]string{"investment.completed"}},
		{"misspelt codes in the open lists and the node kind",
			func(p *Project) {
				p.BigDataContent = []category.BigDataContent{"storage", "storge"}
				p.FiveG.Technologies = []category.FiveGTechnology{"TSN"}
				p.Intranet.Technologies = []category.IntranetTechnology{"wifi6"}
				p.IdentifierNode.Kind = "provincial-secondary"
			}, submissionDate,
			[]string{"bigDataContent[1]", "fiveG.technologies[0]", "intranet.technologies[0]", "identifierNode.kind"}},
		{"a negative total is one problem, not two",
			func(p *Project) { p.Investment.Total = yuan("-1") }, submissionDate, []string{"investment.total"}},
		{"findings for criteria that take none, and one without its value",
			func(p *Project) {
				p.Findings["BD-4"] = eligibility.Finding{Met: new(true)}
				p.Findings["XX-1"] = eligibility.Finding{Met: new(true)}
				p.Findings["BD-3a"] = eligibility.Finding{By: "someone"}
			}, submissionDate,
			[]string{"findings.BD-3a.met", "findings.BD-4", "findings.XX-1"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			p := base(t, "bigdata")
			tt.edit(p)
			v, err := eligibility.Default().Evaluate(p, tt.asOf)
			require.Error(t, err)
			assert.Nil(t, v)
			assert.ErrorIs(t, err, eligibility.ErrInvalidProject)
			var ve *eligibility.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.paths, ve.Paths())
			var fe *eligibility.FieldError
			assert.ErrorAs(t, err, &fe)
			assert.Contains(t, err.Error(), "eligibility: invalid project")
			if tt.asOf == submissionDate {
				assert.Equal(t, err.Error(), eligibility.Default().Validate(p).Error(), "Validate reports what Evaluate does")
			}
		})
	}
}

func TestBadCreditCodeKeepsItsCause(t *testing.T) {
	p := base(t, "ai")
	p.Applicant.CreditCode = "91220101MA14XJ7T60"
	err := eligibility.Default().Validate(p)
	require.Error(t, err)
	assert.ErrorContains(t, err, "check character mismatch")
}

func TestNilInputs(t *testing.T) {
	_, err := eligibility.Default().Evaluate(nil, submissionDate)
	assert.ErrorIs(t, err, eligibility.ErrInvalidProject)
	assert.ErrorIs(t, eligibility.Default().Validate(nil), eligibility.ErrInvalidProject)
	_, err = eligibility.New(nil)
	assert.ErrorIs(t, err, eligibility.ErrInvalidRuleSet)
}

func TestMissingFactsAreNotErrors(t *testing.T) {
	v, err := eligibility.Default().Evaluate(&eligibility.Project{Category: category.CategoryIndustrialInternet}, submissionDate)
	require.NoError(t, err)
	assert.Equal(t, eligibility.Undetermined, v.Decision)
	assert.Empty(t, v.Failing)
	for _, r := range v.Results {
		if r.Outcome == OutcomeUndetermined {
			assert.NotEmpty(t, r.Missing, r.ID)
		}
	}
}

func TestNewReportsEveryBadCriterion(t *testing.T) {
	rs := criteria.Default()
	edit := func(id, field, expr string) {
		for i := range rs.Criteria {
			if rs.Criteria[i].ID == id {
				if field == "appliesWhen" {
					rs.Criteria[i].AppliesWhen = expr
				} else {
					rs.Criteria[i].Require = expr
				}
			}
		}
	}
	edit("BD-4", "require", "projet.investment.total >= params.minTotalInvestment")
	edit("BD-1b", "require", "project.investment.total")
	edit("GEN-5", "appliesWhen", "project.category == 7")
	edit("TC-2", "require", "project.applicant.provincialCompany && params.noSuchParameter")
	edit("II-11", "require", "project.investment.total > 5000000")

	_, err := eligibility.New(rs)
	require.Error(t, err)
	assert.ErrorIs(t, err, eligibility.ErrInvalidRuleSet)
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{
		"criteria[1] (BD-1b).require",
		"criteria[5] (BD-4).require",
		"criteria[38] (II-11).require",
		"criteria[41] (TC-2).require",
		"criteria[46] (GEN-5).appliesWhen",
	}, ve.Paths())
	msg := err.Error()
	assert.Contains(t, msg, "must evaluate to bool but got intake.Decimal")
	assert.Contains(t, msg, "undeclared reference to 'projet'")
	assert.Contains(t, msg, "noSuchParameter")
	assert.Contains(t, msg, "no matching overload", "money never compares with a bare number")
}

func TestNewRejectsWhatCanNeverWork(t *testing.T) {
	rs := criteria.Default()
	for i := range rs.Criteria {
		switch rs.Criteria[i].ID {
		case "GEN-1":
			// BD-4 is a data criterion that reads no finding of its own, so none can
			// be given for it. (A data criterion reading its own finding takes one:
			// BD-1a does, for an item its open list does not name.)
			rs.Criteria[i].Require = "findings['BD-4']"
		case "BD-4":
			rs.Criteria[i].Require = "project.investment.total >= decimal('5000000')" // the floor, hard-coded
		}
	}
	_, err := eligibility.New(rs)
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"criteria[42] (GEN-1).require", "parameters[0] (minTotalInvestment)"}, ve.Paths())
	assert.ErrorContains(t, err, "can never be supplied")
	assert.ErrorContains(t, err, "no criterion reads it")
}

// decimal() of a literal is evaluated when the engine is built, so a literal that
// is no number is refused there, by criterion, not at the first evaluation.
func TestNewRejectsAMalformedDecimalLiteral(t *testing.T) {
	rs := withRequire(t, map[string]string{"GEN-3": "decimal('1,000') <= project.investment.completed"})
	_, err := eligibility.New(rs)
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"criteria[44] (GEN-3).require"}, ve.Paths())
	assert.ErrorContains(t, err, `"1,000" is not a decimal number`)
}

func TestNewValidatesTheRuleSetFirst(t *testing.T) {
	rs := criteria.Default()
	rs.Criteria[3].Message.En = ""
	_, err := eligibility.New(rs)
	assert.ErrorIs(t, err, eligibility.ErrInvalidRuleSet)
	assert.ErrorContains(t, err, "criteria[3] (BD-3a).message.en")
}

// The engine copies its rule set: editing the rule set afterwards changes nothing.
func TestEngineOwnsItsRuleSet(t *testing.T) {
	rs := criteria.Default()
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	require.NoError(t, rs.SetParameter("minTotalInvestment", criteria.DecimalValue(decimal.NewFromInt(1e9))))
	rs.Criteria[0].Require = "false"
	v, err := e.Evaluate(base(t, "bigdata"), submissionDate)
	require.NoError(t, err)
	assert.Equal(t, eligibility.Eligible, v.Decision)
	assert.Equal(t, criteria.Default(), e.RuleSet())
}

// A policy analyst's change: raise the floor to 10 million and see BD-4 move.
func TestParameterChange(t *testing.T) {
	rs := criteria.Default()
	require.NoError(t, rs.SetParameter("minTotalInvestment", criteria.DecimalValue(decimal.NewFromInt(10_000_000))))
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	p := base(t, "bigdata")
	p.Investment.Total = yuan("9999999.99")
	p.Investment.BigDataPortion = yuan("6000000")
	v, err := e.Evaluate(p, submissionDate)
	require.NoError(t, err)
	assert.Equal(t, []string{"BD-4"}, v.Failing)
	assert.Equal(t, Pass, result(t, evaluate(t, p, submissionDate), "BD-4").Outcome, "the default engine is unchanged")
}

// Catalogue note 5: applying the stage clauses to every category is a small rule-set
// change (drop the category, keep the stage guard).
func TestStageClausesForEveryCategory(t *testing.T) {
	rs := criteria.Default()
	for i := range rs.Criteria {
		if c := &rs.Criteria[i]; c.Ref == "一(一)5" || c.Ref == "一(一)6" {
			c.Category = ""
		}
	}
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	p := base(t, "ai")
	p.Preparation.FeasibilityStudyCompleted = new(false)
	v, err := e.Evaluate(p, submissionDate)
	require.NoError(t, err)
	assert.Equal(t, []string{"BD-6a"}, v.Failing)
	assert.Equal(t, []string{"BD-6b", "BD-6c"}, v.Undetermined)
}

func TestRuntimeErrorNamesTheCriterion(t *testing.T) {
	// Type-checks, but fails at run time: the progress text is not a number.
	rs := withRequire(t, map[string]string{"GEN-1": "decimal(project.form.progress) > decimal(0)"})
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	_, err = e.Evaluate(base(t, "ai"), submissionDate)
	require.Error(t, err)
	assert.ErrorIs(t, err, eligibility.ErrEvaluation)
	var ce *eligibility.CriterionError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, "GEN-1", ce.ID)
	assert.Equal(t, "require", ce.Field)
}

func TestConcurrentEvaluationMatchesSerial(t *testing.T) {
	engine := eligibility.Default()
	var projects []*Project
	for _, name := range []string{"bigdata", "ai", "industrial-internet", "telecom"} {
		for _, tc := range criterionCases {
			if tc.base == name && tc.edit != nil {
				p := base(t, name)
				tc.edit(p)
				projects = append(projects, p)
			}
		}
	}
	want := make([][]byte, len(projects))
	for i, p := range projects {
		want[i] = mustJSON(t, evaluate(t, p, submissionDate))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range projects {
				i := (i + g*7) % len(projects)
				v, err := engine.Evaluate(projects[i], submissionDate)
				if err != nil {
					errs <- err
					return
				}
				if got := mustJSON(t, v); string(got) != string(want[i]) {
					errs <- errors.New("verdict differs from the serial one for " + projects[i].ID)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// The verdict's JSON is a stable contract: one golden file per base project.
// Run `go test ./eligibility -run Golden -update` after a deliberate change.
func TestGoldenVerdicts(t *testing.T) {
	for _, name := range []string{"bigdata", "ai", "industrial-internet", "telecom"} {
		t.Run(name, func(t *testing.T) {
			p := base(t, name)
			delete(p.Findings, firstFinding(p))
			p.Investment.Completed = nil
			got, err := json.MarshalIndent(evaluate(t, p, submissionDate), "", "  ")
			require.NoError(t, err)
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
				require.NoError(t, os.WriteFile(golden, append(got, '\n'), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got))
		})
	}
}

func firstFinding(p *Project) string {
	first := ""
	for id := range p.Findings {
		if first == "" || id < first {
			first = id
		}
	}
	return first
}

func TestDatedParameterInForceOnTheEvaluationDate(t *testing.T) {
	rs := criteria.Default()
	require.NoError(t, rs.SetParameterFrom("minTotalInvestment", date("2022-01-01"),
		criteria.DecimalValue(decimal.NewFromInt(10_000_000))))
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	p := base(t, "bigdata")
	p.Investment.Total = yuan("8000000")
	p.Investment.BigDataPortion = yuan("5000000")
	p.Investment.Completed = formYuan("0")

	before, err := e.Evaluate(p, date("2021-12-31"))
	require.NoError(t, err)
	after, err := e.Evaluate(p, date("2022-01-01"))
	require.NoError(t, err)
	assert.Equal(t, Pass, result(t, before, "BD-4").Outcome)
	assert.Equal(t, Fail, result(t, after, "BD-4").Outcome)

	used := func(v *eligibility.Verdict) eligibility.ParameterValue {
		for _, pv := range v.Parameters {
			if pv.Name == "minTotalInvestment" {
				return pv
			}
		}
		t.Fatal("minTotalInvestment not recorded")
		return eligibility.ParameterValue{}
	}
	assert.Equal(t, "5000000", used(before).Value.String())
	assert.True(t, used(before).From.IsZero())
	assert.Equal(t, "10000000", used(after).Value.String())
	assert.Equal(t, date("2022-01-01"), used(after).From)
	assert.Len(t, after.Parameters, len(rs.Parameters), "every parameter is recorded")
}

func TestNoParameterValueBeforeItsFirstDate(t *testing.T) {
	rs := criteria.Default()
	for i := range rs.Parameters {
		if rs.Parameters[i].Name == "incidentLookbackYears" {
			rs.Parameters[i].Values[0].From = date("2021-01-01")
		}
	}
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	_, err = e.Evaluate(base(t, "telecom"), submissionDate)
	assert.ErrorIs(t, err, eligibility.ErrNoParameterValue)
	assert.ErrorContains(t, err, "incidentLookbackYears")
	_, err = e.Evaluate(base(t, "telecom"), date("2021-01-01"))
	assert.NoError(t, err)
}

// A verdict stored as JSON reads back into the same Verdict.
func TestVerdictJSONRoundTrip(t *testing.T) {
	p := base(t, "industrial-internet")
	delete(p.Findings, "II-6")
	v := evaluate(t, p, submissionDate)
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back eligibility.Verdict
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, mustJSON(t, v), mustJSON(t, &back))
	assert.Equal(t, v.Decision, back.Decision)
	assert.Equal(t, v.Undetermined, back.Undetermined)
}

func TestEvaluateContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := eligibility.Default().EvaluateContext(ctx, base(t, "bigdata"), submissionDate)
	assert.ErrorIs(t, err, context.Canceled)

	ctx, cancel = context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	v, err := eligibility.Default().EvaluateContext(ctx, base(t, "bigdata"), submissionDate)
	require.NoError(t, err)
	assert.Equal(t, string(mustJSON(t, evaluate(t, base(t, "bigdata"), submissionDate))), string(mustJSON(t, v)),
		"a context changes nothing but when to stop")
}

func TestCostLimit(t *testing.T) {
	_, err := eligibility.New(criteria.Default(), eligibility.WithCostLimit(0))
	assert.ErrorContains(t, err, "must be positive")

	// II-11 iterates over up to MaxListLength incidents: a small limit refuses it at
	// load, naming the criterion.
	_, err = eligibility.New(criteria.Default(), eligibility.WithCostLimit(1000))
	require.ErrorIs(t, err, eligibility.ErrInvalidRuleSet)
	assert.ErrorContains(t, err, "criteria[38] (II-11).require: worst-case cost")
	assert.ErrorContains(t, err, eligibility.ErrCostLimit.Error())

	// A rule whose cost explodes is refused whatever the limit: nested loops over
	// the record's lists.
	rs := criteria.Default()
	rs.Criteria[0].Require = "project.bigDataContent.all(a, project.fiveG.technologies.all(b, project.intranet.technologies.all(c, a != b || b != c)))"
	_, err = eligibility.New(rs)
	assert.ErrorIs(t, err, eligibility.ErrInvalidRuleSet)
	assert.ErrorContains(t, err, "criteria[0] (BD-1a).require: worst-case cost")

	rs = withRequire(t, map[string]string{"II-11": "project.incidents.all(i, project.incidents.exists(j, i.kind == j.kind))"})
	_, err = eligibility.New(rs)
	assert.ErrorIs(t, err, eligibility.ErrInvalidRuleSet, "10,000 × 10,000 comparisons are refused at load")
}

func TestInputLimits(t *testing.T) {
	p := base(t, "industrial-internet")
	p.FiveG.Technologies = make([]category.FiveGTechnology, eligibility.MaxListLength+1)
	p.Incidents = make([]eligibility.Incident, eligibility.MaxListLength+1)
	p.Form.Progress = new(strings.Repeat("进", eligibility.MaxStringBytes))
	p.Applicant.Name = "\xff\xfe"
	err := eligibility.Default().Validate(p)
	var ve *eligibility.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, []string{"applicant.name", "fiveG.technologies", "form.progress", "incidents"}, ve.Paths())

	// At the limit itself a record is fine and evaluates.
	p = base(t, "industrial-internet")
	p.Incidents = make([]eligibility.Incident, eligibility.MaxListLength)
	for i := range p.Incidents {
		p.Incidents[i] = eligibility.Incident{Date: date("2015-01-01"), Kind: category.IncidentKindViolation}
	}
	assert.Equal(t, Pass, result(t, evaluate(t, p, submissionDate), "II-11").Outcome)
}

func TestDecisionAndOutcomeWords(t *testing.T) {
	for _, d := range []eligibility.Decision{eligibility.Eligible, eligibility.Ineligible, eligibility.Undetermined} {
		assert.NotEmpty(t, d.Words().Zh, d)
		assert.NotEmpty(t, d.Words().En, d)
	}
	for _, o := range []Outcome{Pass, Fail, OutcomeUndetermined, NotApplicable} {
		assert.NotEmpty(t, o.Words().Zh, o)
		assert.NotEmpty(t, o.Words().En, o)
	}
}

// An undetermined result names what is missing in words, in both languages: one
// fact (the message written when the engine is built) or several (written then).
func TestUndeterminedMessageNamesWhatIsMissing(t *testing.T) {
	p := base(t, "industrial-internet")
	p.Subtype = ""
	p.IdentifierNode = eligibility.IdentifierNode{}
	p.Investment.Completed = nil
	v := evaluate(t, p, submissionDate)

	several := result(t, v, "II-4")
	require.Equal(t, eligibility.OutcomeUndetermined, several.Outcome)
	assert.Equal(t, []string{"subtype", "identifierNode.kind", "identifierNode.inJilin"}, several.Missing)
	assert.Regexp(t, `^无法判定（缺少：项目子类、[^、]+、[^、]+）：`, several.Message.Zh)
	assert.Regexp(t, `^undetermined \(missing subtype, [^,]+, [^,]+\): `, several.Message.En)

	one := result(t, v, "GEN-3")
	require.Equal(t, eligibility.OutcomeUndetermined, one.Outcome)
	assert.Equal(t, []string{"investment.completed"}, one.Missing)
	assert.Equal(t, "无法判定（缺少：完成投资）：已填报并核实项目完成投资，且不超过总投资", one.Message.Zh)
	assert.Equal(t, "undetermined (missing completed investment): completed investment is stated and verified, and 0 ≤ completed ≤ total investment", one.Message.En)
}

// A typo in a list of codes must never change a decision silently: it is bad input,
// and the error names the code that was probably meant.
func TestMisspeltCodeNamesTheClosest(t *testing.T) {
	p := base(t, "bigdata")
	p.BigDataContent = []category.BigDataContent{"storge"}
	err := eligibility.Default().Validate(p)
	require.ErrorIs(t, err, eligibility.ErrInvalidProject)
	assert.ErrorContains(t, err, `bigDataContent[0]: unknown code "storge"; did you mean "storage"?`)

	p = base(t, "industrial-internet")
	p.FiveG.Technologies = []category.FiveGTechnology{"blockchain"}
	err = eligibility.Default().Validate(p)
	require.ErrorIs(t, err, eligibility.ErrInvalidProject)
	assert.ErrorContains(t, err, `fiveG.technologies[0]: unknown code "blockchain"`)
	assert.NotContains(t, err.Error(), "did you mean", "no code is near enough to suggest")

	// "other" is how a record states an item the list does not name.
	p.FiveG.Technologies = []category.FiveGTechnology{category.FiveGOther}
	require.NoError(t, eligibility.Default().Validate(p))
}

// A completed investment is a form field: blank and negative are verdicts, not errors.
func TestCompletedInvestmentFormField(t *testing.T) {
	for _, tt := range []struct {
		json, value string
		want        Outcome
	}{
		{`""`, "", Fail},
		{`"  "`, "", Fail},
		{`"-100"`, "-100", Fail},
		{`"45000000.01"`, "45000000.01", Fail},
		{`"100"`, "100", Pass},
	} {
		p := base(t, "industrial-internet")
		var a eligibility.FormAmount
		require.NoError(t, a.UnmarshalJSON([]byte(tt.json)), tt.json)
		p.Investment.Completed = &a
		r := result(t, evaluate(t, p, submissionDate), "GEN-3")
		assert.Equal(t, tt.want, r.Outcome, tt.json)
		var shown []string
		for _, in := range r.Inputs {
			if in.Name == "investment.completed" && !in.Missing {
				shown = append(shown, in.Value)
			}
			if in.Name == "investment.completedBlank" {
				assert.Equal(t, strconv.FormatBool(tt.value == ""), in.Value, "%s: the result says whether it was blank", tt.json)
			}
		}
		if tt.value != "" {
			assert.Equal(t, []string{tt.value}, shown, "%s: the result names the value", tt.json)
		}
	}
	var a eligibility.FormAmount
	assert.ErrorContains(t, a.UnmarshalJSON([]byte(`"none yet"`)), "is not a decimal amount")
}
