package sheet_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/sheet"
)

// A template goes out holding a project, comes back with a bad cell, which is
// named, and once fixed is read and evaluated.
func Example() {
	w, err := sheet.New(eligibility.Default())
	if err != nil {
		panic(err)
	}
	p := &eligibility.Project{ID: "JL761-1", Name: "示例项目", Category: "bigdata", Subtype: "datacenter"}
	p.Investment.Total = new(decimal.RequireFromString("6000000.00"))
	var tmpl bytes.Buffer
	if err := w.WriteTemplate(&tmpl, []*eligibility.Project{p}); err != nil {
		panic(err)
	}

	// An office types the amount in words.
	f, err := excelize.OpenReader(bytes.NewReader(tmpl.Bytes()))
	if err != nil {
		panic(err)
	}
	rows, _ := f.GetRows(sheet.SheetProjects)
	var cell string
	for i, h := range rows[1] {
		if h == "investment.total (yuan)" {
			col, _ := excelize.ColumnNumberToName(i + 1)
			cell = col + "3"
		}
	}
	_ = f.SetCellStr(sheet.SheetProjects, cell, "6百万")
	var filled bytes.Buffer
	_, _ = f.WriteTo(&filled)
	_, err = w.Read(context.Background(), &filled)
	var bad *sheet.Error
	if errors.As(err, &bad) {
		p := bad.Problems[0]
		fmt.Println(p.Sheet+"!"+p.Cell, p.Value, p.Zh)
	}

	// The original reads back and is evaluated.
	read, err := w.Read(context.Background(), bytes.NewReader(tmpl.Bytes()))
	if err != nil {
		panic(err)
	}
	outs, err := w.Evaluate(context.Background(), read, criteria.MustParseDate("2020-07-20"), nil)
	if err != nil {
		panic(err)
	}
	fmt.Println(outs[0].Verdict.ProjectID, outs[0].Verdict.Decision, read[0].Project.Investment.Total)
	// Output:
	// 项目表单!R3 6百万 不是金额：请写成数字字符串，如 "5000000.00"（可带小数点及小数位，不带符号、指数、千位分隔或空格）
	// JL761-1 undetermined 6000000
}
