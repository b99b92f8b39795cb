package policytest_test

import (
	"fmt"
	"testing/fstest"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/policytest"
)

// A variant and a suite that keeps its answer: under a 10,000,000-yuan floor, a
// project of 8,000,000 is out. One expectation is deliberately wrong, to show how a
// failure reads. Under go test, suite.Run(t) reports the same lines per fixture.
func ExampleLoadSuite() {
	fsys := fstest.MapFS{
		"floor-10m.yaml": {Data: []byte(`
base: jilin-761-intake-2020
name: floor-10m
parameters:
  minTotalInvestment: {value: "10000000"}
`)},
		"suite.yaml": {Data: []byte(`
ruleset: floor-10m.yaml
asOf: 2020-07-20
fixtures:
  - name: 8 million is under the raised floor
    project:
      category: bigdata
      subtype: govinfra
      investment: {total: "8000000.00"}
    expect: {outcomes: {BD-4: fail, BD-2: undetermined}}
  - name: a wrong expectation
    project:
      category: bigdata
      investment: {total: "8000000.00"}
    expect: {outcomes: {BD-4: pass}}
`)},
	}
	suite, err := policytest.LoadSuite(fsys, "suite.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range suite.Results() {
		fmt.Println(r.Fixture, "passed:", r.Passed())
		for _, f := range r.Failures {
			fmt.Println(f)
		}
	}
	// Output:
	// 8 million is under the raised floor passed: true
	// a wrong expectation passed: false
	// fixture "a wrong expectation": BD-4 (一(一)4): want pass, got fail: total investment is below the 10,000,000 yuan required by 一(一)4 / 项目总投资额度小于1000万元，不符合一(一)4
}

// Which criteria a suite saw and asserted, per outcome.
func ExampleSuite_Coverage() {
	fsys := fstest.MapFS{"suite.yaml": {Data: []byte(`
asOf: 2020-07-20
fixtures:
  - name: a telecom project with nothing stated
    project: {category: telecom}
    expect: {decision: undetermined, outcomes: {TC-1a: undetermined, GEN-5: not-applicable}}
`)}}
	suite, err := policytest.LoadSuite(fsys, "suite.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	cov := suite.Coverage()
	for _, c := range cov.Criteria {
		if c.ID == "TC-1a" || c.ID == "TC-1b" {
			fmt.Printf("%s seen %+v, asserted %+v\n", c.ID, c.Seen, c.Asserted)
		}
	}
	fmt.Println("never asserted fail:", len(cov.NeverAsserted(eligibility.Fail, criteria.Mandatory)), "mandatory criteria")
	// Output:
	// TC-1a seen {Pass:0 Fail:0 Undetermined:1 NotApplicable:0}, asserted {Pass:0 Fail:0 Undetermined:1 NotApplicable:0}
	// TC-1b seen {Pass:0 Fail:0 Undetermined:1 NotApplicable:0}, asserted {Pass:0 Fail:0 Undetermined:0 NotApplicable:0}
	// never asserted fail: 45 mandatory criteria
}

// Probe a big-data centre at each threshold of the default rule set.
func ExampleProbe() {
	base, err := eligibility.DecodeProject([]byte(`{
		"category": "bigdata", "subtype": "datacenter", "stage": "new-start", "reportingUnit": "changchun",
		"investment": {"total": "30000000.00", "bigDataPortion": "18000000.00", "completed": "0", "completedVerified": true},
		"bigDataContent": ["storage"],
		"preparation": {"feasibilityStudyCompleted": true, "fundingSecured": true, "plannedStart": "2020-09-01"},
		"form": {"constructionScale": "机柜 400 个", "progress": "设备招标中", "responsiblePerson": "王建华"},
		"findings": {"BD-3a": {"met": true}, "BD-3b": {"met": true}}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	results, err := policytest.Probe(eligibility.Default(), base, criteria.MustParseDate("2020-07-20"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range results {
		if r.Parameter != "incidentLookbackYears" { // 近三年 does not apply to bigdata
			fmt.Println(r)
		}
	}
	// Output:
	// minTotalInvestment 5000000: investment.total = 4999999.99 (one fen under the floor): BD-4 fail → ineligible
	// minTotalInvestment 5000000: investment.total = 5000000.00 (at the floor): BD-4 pass → eligible
	// minTotalInvestment 5000000: investment.total = 5000000.01 (one fen over the floor): BD-4 pass → eligible
	// minBigDataShare 0.5: investment.bigDataPortion = 14999999.99 (one fen under the share): BD-1b fail → ineligible
	// minBigDataShare 0.5: investment.bigDataPortion = 15000000.00 (exactly 50% of 30000000.00): BD-1b pass → eligible
	// minBigDataShare 0.5: investment.bigDataPortion = 15000000.01 (one fen over the share): BD-1b pass → eligible
	// endOfYear 2020-12-31: preparation.plannedStart = 2020-12-30 (30 December of the evaluation year): BD-6c pass → eligible
	// endOfYear 2020-12-31: preparation.plannedStart = 2020-12-31 (31 December of the evaluation year): BD-6c pass → eligible
	// endOfYear 2020-12-31: preparation.plannedStart = 2021-01-01 (1 January of the next year): BD-6c fail → ineligible
}

// Which projects does dropping the 三.2 verification requirement move?
func ExampleCompare() {
	changed, err := criteria.Derive(criteria.Default(), []byte(`
base: jilin-761-intake-2020
name: no-verification
replace:
  - id: GEN-3
    require: decimal(0) <= project.investment.completed && project.investment.completed <= project.investment.total
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	engine, err := eligibility.New(changed)
	if err != nil {
		fmt.Println(err)
		return
	}
	var projects []*eligibility.Project
	for _, record := range []string{
		`{"id": "T-1", "category": "telecom", "applicant": {"carrier": "china-mobile", "provincialCompany": true, "qualified": true},
		  "investment": {"total": "9000000", "completed": "1000000", "completedVerified": false},
		  "form": {"constructionScale": "基站 300 个", "progress": "在建", "responsiblePerson": "陈立新"}}`,
		`{"id": "T-2", "category": "telecom", "applicant": {"carrier": "china-mobile", "provincialCompany": true, "qualified": true},
		  "investment": {"total": "9000000", "completed": "1000000"},
		  "form": {"constructionScale": "基站 300 个", "progress": "在建", "responsiblePerson": "陈立新"}}`,
		`{"id": "T-3", "category": "telecom", "applicant": {"carrier": "none", "provincialCompany": false, "qualified": true},
		  "investment": {"total": "9000000", "completed": "1000000", "completedVerified": false},
		  "form": {"constructionScale": "基站 300 个", "progress": "在建", "responsiblePerson": "陈立新"}}`,
	} {
		p, err := eligibility.DecodeProject([]byte(record))
		if err != nil {
			fmt.Println(err)
			return
		}
		projects = append(projects, p)
	}
	im, err := policytest.Compare(eligibility.Default(), engine, projects, criteria.MustParseDate("2020-07-20"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range im.Totals.Moves {
		fmt.Printf("%s → %s: %d\n", m.From, m.To, m.Count)
	}
	for _, p := range im.Projects {
		fmt.Println(p.ID, p.Before, "→", p.After, p.Changes)
	}
	// Output:
	// ineligible → eligible: 1
	// undetermined → eligible: 1
	// T-1 ineligible → eligible [{GEN-3 fail pass}]
	// T-2 undetermined → eligible [{GEN-3 undetermined pass}]
	// T-3 ineligible → ineligible [{GEN-3 fail pass}]
}
