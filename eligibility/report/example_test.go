package report_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/report"
)

// cityBranchProject is a 5G project reported by a carrier's city branch instead of
// its provincial company, which 二.2 requires.
func cityBranchProject() *eligibility.Project {
	return &eligibility.Project{
		ID:       "JL761-TC-2020-0214",
		Name:     "吉林市5G基站及传输配套建设工程",
		Category: category.CategoryTelecom,
		Subtype:  category.Subtype("5g"),
		Applicant: eligibility.Applicant{
			Carrier:           category.Carrier("china-unicom"),
			ProvincialCompany: new(false),
			Qualified:         new(true),
		},
		Investment: eligibility.Investment{
			Total:             new(decimal.RequireFromString("86000000")),
			Completed:         eligibility.NewFormAmount(decimal.Zero),
			CompletedVerified: new(true),
		},
		Form: eligibility.Form{
			ConstructionScale: new("新建5G基站420个"),
			Progress:          new("站址已完成勘察"),
			ResponsiblePerson: new("杨帆"),
		},
	}
}

func ExampleMarkdown() {
	v, err := eligibility.Default().Evaluate(cityBranchProject(), criteria.MustParseDate("2020-07-20"))
	if err != nil {
		fmt.Println(err)
		return
	}
	var doc bytes.Buffer
	if err := report.Markdown(&doc, v, report.Options{Lang: report.English}); err != nil {
		fmt.Println(err)
		return
	}
	// Print the failing clause: the letter's text, the message and the explanation.
	s := doc.String()
	start := strings.Index(s, "## Failing clauses")
	end := strings.Index(s, "## Undetermined")
	fmt.Print(s[start:end])
	// Output:
	// ## Failing clauses (1)
	//
	// ### <a id="clause-tc-2"></a>TC-2 · 二.2
	//
	// > Letter (吉政数办函〔2020〕579号 二.2):
	// >
	// > 省通信管理局只对各企业的省级单位进行调度，各市（州）分公司可以将此类项目报送省公司负责人进行统一汇总。
	//
	// - **Requirement**: submitted by the carrier's provincial company (a city branch goes through its provincial company)
	// - **Message**: the project was not submitted by the carrier's provincial company; a city branch must go through it, as 二.2 requires
	// - **Explanation**: 二.2 requires: submitted by the carrier's provincial company (a city branch goes through its provincial company). Read: submitted by the provincial company no. Outcome: not met.
	//
}

func ExampleHTML() {
	v, err := eligibility.Default().Evaluate(cityBranchProject(), criteria.MustParseDate("2020-07-20"))
	if err != nil {
		fmt.Println(err)
		return
	}
	// A case file keeps the page as a file; here it goes to a buffer.
	var page bytes.Buffer
	if err := report.HTML(&page, v, report.Options{Lang: report.Chinese}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	for _, line := range strings.Split(page.String(), "\n") {
		if strings.Contains(line, "<html") || strings.Contains(line, "<title>") || strings.Contains(line, `class="decision`) {
			fmt.Println(line)
		}
	}
	// Output:
	// <html lang="zh-CN">
	// <title>入库审查结论 · JL761-TC-2020-0214</title>
	// <div class="verdict"><span class="decision ineligible">不符合入库标准</span><p class="summary">1 项强制性条款不符合。</p></div>
}

func ExampleOptions_variant() {
	// A verdict reached under a variant rule set is reported with that rule set, so
	// the report quotes the rules and parameter values the verdict was decided by.
	rs := criteria.Default()
	if err := rs.SetParameter("carriers", criteria.ListValue("china-mobile", "china-unicom")); err != nil {
		fmt.Println(err)
		return
	}
	engine, err := eligibility.New(rs)
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := engine.Evaluate(cityBranchProject(), criteria.MustParseDate("2020-07-20"))
	if err != nil {
		fmt.Println(err)
		return
	}
	var doc bytes.Buffer
	fmt.Println(report.Markdown(&doc, v, report.Options{}) != nil) // the default rule set is not this verdict's
	fmt.Println(report.Markdown(&doc, v, report.Options{RuleSet: rs}))
	// Output:
	// true
	// <nil>
}
