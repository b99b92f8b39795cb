package eligibility_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

func exampleProject() *eligibility.Project {
	return &eligibility.Project{
		ID:            "JL-2020-0042",
		Name:          "长春市政务大数据中心（二期）",
		Category:      category.CategoryBigData,
		Subtype:       category.SubtypeDatacenter,
		Stage:         category.StageNewStart,
		ReportingUnit: category.ReportingUnitChangchun,
		Investment: eligibility.Investment{
			Total:             new(decimal.RequireFromString("4999999.99")),
			BigDataPortion:    new(decimal.RequireFromString("3000000")),
			Completed:         eligibility.NewFormAmount(decimal.Zero),
			CompletedVerified: new(true),
		},
		BigDataContent: []category.BigDataContent{category.BigDataStorage, category.BigDataAnalysis},
		Preparation: eligibility.Preparation{
			FeasibilityStudyCompleted: new(true),
			FundingSecured:            new(true),
			PlannedStart:              criteria.MustParseDate("2020-09-01"),
		},
		Form: eligibility.Form{
			ConstructionScale: new("机柜 400 个"),
			Progress:          new("可研已批复"),
			ResponsiblePerson: new("王建华"),
		},
		Findings: map[string]eligibility.Finding{
			"BD-3a": {Met: new(true), By: "省政务服务和数字化局", On: criteria.MustParseDate("2020-07-16")},
		},
	}
}

func ExampleEngine_Evaluate() {
	v, err := eligibility.Default().Evaluate(exampleProject(), criteria.MustParseDate("2020-07-20"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("decision:", v.Decision)
	fmt.Println("confirmed by:", v.ConfirmingAuthority.Chinese())
	for _, r := range v.FailingResults() {
		fmt.Printf("fails %s (%s): %s\n", r.ID, r.Ref, r.Message.En)
	}
	for _, r := range v.UndeterminedResults() {
		fmt.Printf("undetermined %s: missing %v\n", r.ID, r.Missing)
	}
	// Output:
	// decision: ineligible
	// confirmed by: 吉林省政务服务和数字化建设管理局
	// fails BD-4 (一(一)4): total investment is below the 5,000,000 yuan required by 一(一)4
	// undetermined BD-3b: missing [findings.BD-3b]
}

// A service or a batch job writes each verdict into a buffer it reuses, with the
// engine that reached it: the same bytes as json.Marshal in the full form, or the
// compact form for storage and the wire.
func ExampleEngine_AppendVerdict() {
	engine := eligibility.Default()
	v, err := engine.Evaluate(exampleProject(), criteria.MustParseDate("2020-07-20"))
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf []byte
	for _, form := range []eligibility.VerdictForm{eligibility.Full, eligibility.Compact} {
		if buf, err = engine.AppendVerdict(buf[:0], v, form); err != nil {
			fmt.Println(err)
			return
		}
		var back struct {
			Decision string `json:"decision"`
			Results  []struct {
				ID          string          `json:"id"`
				Requirement json.RawMessage `json:"requirement"`
			} `json:"results"`
		}
		if err := json.Unmarshal(buf, &back); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(back.Decision, len(back.Results), back.Results[0].ID, back.Results[0].Requirement != nil)
	}
	marshalled, _ := json.Marshal(v)
	full, _ := engine.AppendVerdict(nil, v, eligibility.Full)
	fmt.Println("full form is json.Marshal's:", string(full) == string(marshalled))
	// Output:
	// ineligible 47 BD-1a true
	// ineligible 47 BD-1a false
	// full form is json.Marshal's: true
}

// A batch job that starts from JSON records decodes and evaluates each in one step
// and writes its verdict before the next record reuses the Batch's memory.
func ExampleBatch_EvaluateJSON() {
	engine := eligibility.Default()
	batch := engine.NewBatch()
	records := [][]byte{
		[]byte(`{"id":"JL-1","category":"telecom","subtype":"5g","stage":"new-start","applicant":{"carrier":"china-mobile"}}`),
		[]byte(`{"id":"JL-2","category":"telecom","stage":"soon"}`),
	}
	var buf []byte
	for _, record := range records {
		v, err := batch.EvaluateJSON(context.Background(), record, criteria.MustParseDate("2020-07-20"))
		if err != nil {
			var ve *eligibility.ValidationError
			if errors.As(err, &ve) {
				fmt.Println("bad record:", ve.Paths())
			}
			continue
		}
		if buf, err = engine.AppendVerdict(buf[:0], v, eligibility.Compact); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(v.ProjectID, v.Decision, len(buf) > 0) // store buf now
	}
	// Output:
	// JL-1 undetermined true
	// bad record: [stage]
}

// A nightly job evaluates the whole library with a Batch, one per goroutine, and
// passes each verdict on before the next overwrites it.
func ExampleBatch() {
	batch := eligibility.Default().NewBatch()
	asOf := criteria.MustParseDate("2020-07-20")
	low, high := exampleProject(), exampleProject()
	high.ID, high.Investment.Total = "JL-2020-0043", new(decimal.RequireFromString("6000000"))
	for _, p := range []*eligibility.Project{low, high} {
		v, err := batch.Evaluate(context.Background(), p, asOf)
		if err != nil {
			fmt.Println(p.ID, err)
			continue
		}
		stored, err := json.Marshal(v) // store or send it now: the next Evaluate reuses v
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(p.ID, v.Decision, v.Failing, v.Undetermined, len(stored) > 0)
	}
	// Output:
	// JL-2020-0042 ineligible [BD-4] [BD-3b] true
	// JL-2020-0043 undetermined [] [BD-3b] true
}

func ExampleNew_parameterChange() {
	rs := criteria.Default()
	// The analyst's question: what if the floor were 3 million?
	if err := rs.SetParameter("minTotalInvestment", criteria.DecimalValue(decimal.NewFromInt(3_000_000))); err != nil {
		fmt.Println(err)
		return
	}
	engine, err := eligibility.New(rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	v, _ := engine.Evaluate(exampleProject(), criteria.MustParseDate("2020-07-20"))
	r, _ := v.Result("BD-4")
	fmt.Println("BD-4:", r.Outcome)
	// Output:
	// BD-4: pass
}

func ExampleEngine_Evaluate_badInput() {
	p := exampleProject()
	p.Subtype = category.SubtypeAIProduct
	p.Applicant.CreditCode = "91220101MA14XJ7T60"
	p.Investment.Total = new(decimal.RequireFromString("-1"))
	_, err := eligibility.Default().Evaluate(p, criteria.MustParseDate("2020-07-20"))
	fmt.Println(errors.Is(err, eligibility.ErrInvalidProject))
	var ve *eligibility.ValidationError
	if errors.As(err, &ve) {
		for _, path := range ve.Paths() {
			fmt.Println(path)
		}
	}
	// Output:
	// true
	// subtype
	// applicant.creditCode
	// investment.total
}

func ExampleNew_brokenRuleSet() {
	rs := criteria.Default()
	rs.Criteria[5].Require = "project.investment.total >= 5000000"
	_, err := eligibility.New(rs)
	fmt.Println(errors.Is(err, eligibility.ErrInvalidRuleSet))
	var ve *eligibility.ValidationError
	if errors.As(err, &ve) {
		fmt.Println(ve.Paths())
	}
	// Output:
	// true
	// [criteria[5] (BD-4).require]
}

func ExampleResult_Explanation() {
	v, _ := eligibility.Default().Evaluate(exampleProject(), criteria.MustParseDate("2020-07-20"))
	r, _ := v.Result("BD-4")
	fmt.Println(r.Explanation().Zh)
	fmt.Println(r.Explanation().En)
	for _, in := range r.Inputs {
		fmt.Printf("%s = %s %s\n", in.Name, in.Value, in.Unit)
	}
	// Output:
	// 一(一)4 要求：项目总投资额度不小于500万元（含本数）。依据：项目总投资 4,999,999.99 元；总投资下限 5,000,000 元。结论：不符合。
	// 一(一)4 requires: total investment is at least 5,000,000 yuan. Read: total investment 4,999,999.99 yuan; floor on total investment 5,000,000 yuan. Outcome: not met.
	// investment.total = 4999999.99 yuan
	// params.minTotalInvestment = 5000000 yuan
}

func ExampleVerdict_provenance() {
	p := exampleProject()
	v, _ := eligibility.Default().Evaluate(p, criteria.MustParseDate("2020-07-20"))
	fmt.Println(v.Provenance.Version == eligibility.Version)
	fmt.Println(v.Provenance.RuleSetHash == criteria.Default().Hash())
	fmt.Println(v.Provenance.ProjectHash == eligibility.ProjectHash(p))
	// Output:
	// true
	// true
	// true
}

func ExampleEngine_Checks() {
	checks := eligibility.Default().Checks()
	for _, c := range checks.Costs {
		if c.ID == "II-11" {
			fmt.Printf("%s %s: worst case %d of %d\n", c.ID, c.Field, c.Estimate, checks.CostLimit)
		}
	}
	fmt.Println("facts no criterion reads:", len(checks.UnreadFacts))
	// Output:
	// II-11 require: worst case 350004 of 1000000
	// facts no criterion reads: 0
}

func ExampleEngine_Reads() {
	r, _ := eligibility.Default().Reads("BD-6c")
	fmt.Println(r.Facts, r.AsOf, r.Functions)
	// Output:
	// [stage preparation.plannedStart] true [endOfYear]
}
