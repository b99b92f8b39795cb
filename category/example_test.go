package category_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jilin761/intake/category"
)

func ExampleCategory_ConfirmingAuthority() {
	for _, c := range category.Categories() {
		a := c.ConfirmingAuthority()
		fmt.Printf("%-19s %s → %s (%s)\n", c, c.Clause(), a.ShortChinese(), c.Channel())
	}
	fmt.Println("aggregated by", category.Aggregator().ShortChinese(), "for", category.Recipient().ShortChinese())
	// Output:
	// bigdata             一(一) → 省政务服务和数字化局 (reporting-unit)
	// ai                  一(二) → 省工信厅 (reporting-unit)
	// industrial-internet 一(三) → 省工信厅 (reporting-unit)
	// telecom             二.2 → 省通信管理局 (carrier-provincial-company)
	// aggregated by 省政务服务和数字化局 for 省发改委
}

func ExampleParseSubtype() {
	s, err := category.ParseSubtype("identifier-node")
	fmt.Println(s, s.Chinese(), s.Category(), err)

	_, err = category.ParseSubtype("cloud")
	fmt.Println(errors.Is(err, category.ErrUnknownCode))
	fmt.Println(err)
	// Output:
	// identifier-node 标识解析节点 industrial-internet <nil>
	// true
	// category: unknown Subtype "cloud" (valid: datacenter, govinfra, product, manufacturing, application, support, 5g-infrastructure, intranet, identifier-node, platform, other, 5g, telecom)
}

func ExampleReportingUnit_Division() {
	for _, u := range []category.ReportingUnit{
		category.ReportingUnitYanbian,
		category.ReportingUnitMeihekou,
		category.ReportingUnitChangchunNewArea,
	} {
		fmt.Printf("%s %q\n", u.Chinese(), u.Division())
	}
	u, ok := category.ReportingUnitForDivision("220581")
	fmt.Println(u, ok)
	// Output:
	// 延边朝鲜族自治州 "222400"
	// 梅河口市 "220581"
	// 长春新区管委会 ""
	// meihekou true
}

func ExampleCarrier_Listed() {
	for _, c := range []category.Carrier{category.CarrierChinaBroadnet, category.CarrierNone} {
		fmt.Printf("%s %v %v %q\n", c, c.IsValid(), c.Listed(), c.Brand())
	}
	// Output:
	// china-broadnet true true "中国广电"
	// none true false ""
}

func ExampleRouteOf() {
	r, _ := category.RouteOf(category.CategoryBigData)
	b, _ := json.Marshal(r)
	fmt.Println(string(b))
	// Output:
	// {"category":"bigdata","confirmer":"government-services","channel":"reporting-unit","aggregator":"government-services","recipient":"development-reform"}
}

// Decoding is lenient so a record with several bad fields can be reported
// whole; check with IsValid (or parse with ParseCategory) before use.
func ExampleCategory_UnmarshalText() {
	var p struct {
		Category category.Category `json:"category"`
		Stage    category.Stage    `json:"stage"`
	}
	err := json.Unmarshal([]byte(`{"category":"BigData","stage":"started"}`), &p)
	fmt.Println(err)
	fmt.Println(p.Category, p.Category.IsValid())
	fmt.Println(p.Stage, p.Stage.IsValid())
	// Output:
	// <nil>
	// %!Category(BigData) false
	// %!Stage(started) false
}

// A near miss names the code that was probably meant, so that a typo in a record is
// fixed rather than allowed to change a decision.
func ExampleParseError_closest() {
	_, err := category.ParseBigDataContent("storge")
	if pe, ok := errors.AsType[*category.ParseError](err); ok {
		fmt.Println(pe.Closest)
	}
	c, _ := category.ParseBigDataContent("other")
	fmt.Println(c.Chinese())
	// Output:
	// storage
	// 其他（由评审认定）
}
