package remedy_test

import (
	"context"
	"fmt"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

// A big-data centre one fen under the floor of 一(一)4: the plan raises the total
// investment, and the record with the plan applied is eligible.
func Example() {
	p, err := eligibility.DecodeProject([]byte(`{
		"category": "bigdata", "subtype": "datacenter", "stage": "continuing", "reportingUnit": "changchun",
		"applicant": {"creditCode": "91220101MA14XJ7T68", "legalForm": "enterprise"},
		"investment": {"total": "4999999.99", "bigDataPortion": "3000000", "completed": "1000000", "completedVerified": true},
		"bigDataContent": ["storage"],
		"form": {"constructionScale": "机柜 400 个", "progress": "在建", "responsiblePerson": "王建华"},
		"findings": {"BD-3a": {"met": true}, "BD-3b": {"met": true}}
	}`))
	if err != nil {
		panic(err)
	}
	e := eligibility.Default()
	pl, err := remedy.New(e)
	if err != nil {
		panic(err)
	}
	asOf := criteria.NewDate(2020, 7, 20)
	r, err := pl.Remedies(context.Background(), p, asOf)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Decision, r.Plan.Status)
	for _, c := range r.Plan.Changes {
		fmt.Println(c.Text.Zh)
		fmt.Println(c.Text.En)
	}
	q, at := r.Plan.Apply(p)
	v, _ := e.Evaluate(q, at)
	fmt.Println(v.Decision)
	// Output:
	// ineligible changes
	// 项目总投资（investment.total）4,999,999.99 元，须不少于 5,000,000.00 元（差 0.01 元）
	// the total investment (investment.total) is 4,999,999.99 yuan; it must be at least 5,000,000.00 yuan (0.01 yuan short)
	// eligible
}
