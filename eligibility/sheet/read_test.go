package sheet_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/sheet"
)

const sample = "../../examples/projects/ai-eligible-changchun-medical-imaging.json"

// edit writes a template holding the sample, lets change edit it, and returns the bytes.
func edit(t *testing.T, w *sheet.Workbook, change func(f *excelize.File, col func(en string) string)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(writeTemplate(t, w, loadProjects(t, sample))))
	require.NoError(t, err)
	headers, err := f.GetRows(sheet.SheetProjects)
	require.NoError(t, err)
	col := func(en string) string {
		for i, h := range headers[1] {
			if h == en {
				n, _ := excelize.ColumnNumberToName(i + 1)
				return n
			}
		}
		t.Fatalf("no column %q", en)
		return ""
	}
	change(f, col)
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	require.NoError(t, err)
	return buf.Bytes()
}

func problems(t *testing.T, err error) []string {
	t.Helper()
	var we *sheet.Error
	require.ErrorAs(t, err, &we)
	require.ErrorIs(t, err, sheet.ErrInvalidWorkbook)
	var out []string
	for _, p := range we.Problems {
		out = append(out, p.Error())
	}
	return out
}

// Every bad cell is reported at once, by sheet and cell, in Chinese and English,
// with the engine's own rules.
func TestReadReportsEveryBadCell(t *testing.T) {
	w := workbook(t)
	const s = sheet.SheetProjects
	data := edit(t, w, func(f *excelize.File, col func(string) string) {
		require.NoError(t, f.SetCellStr(s, col("investment.total (yuan)")+"3", "5百万"))
		// What Excel stores for =0.1+0.2 pasted as a value.
		require.NoError(t, f.SetCellDefault(s, col("investment.completed (yuan)")+"3", "0.30000000000000004"))
		require.NoError(t, f.SetCellStr(s, col("stage")+"3", "续建了"))
		require.NoError(t, f.SetCellStr(s, col("investment.completedVerified")+"3", "也许"))
		require.NoError(t, f.SetCellStr(s, col("findings.AI-3.on")+"3", "2020年13月1日"))
		require.NoError(t, f.SetCellStr(s, col("applicant.creditCode")+"3", "91220101MA1567AD5X"))
	})
	_, err := readBack(t, w, data)
	got := problems(t, err)
	require.Len(t, got, 6, strings.Join(got, "\n"))
	joined := strings.Join(got, "\n")
	for _, want := range []string{
		`项目表单!R3: "5百万" 不是金额：请写成数字字符串，如 "5000000.00"`,
		`"0.30000000000000004" 是二进制浮点数，不精确到分`,
		`"续建了" 不是可选的代码 / unknown code "续建了"`,
		`项目表单!X3: "也许" 应填“是”或“否” / `,
		`"2020年13月1日" 不是有效日期`,
		`项目表单!H3: "91220101MA1567AD5X" 第 18 位校验码不符：应为 R，实为 X / creditcode: `,
	} {
		assert.Contains(t, joined, want)
	}
}

// Chinese names and codes, 万元, serial and text dates and 留空 all read as the
// JSON path would have them.
func TestReadAcceptsNamesCodesAndUnits(t *testing.T) {
	w := workbook(t)
	const s = sheet.SheetProjects
	data := edit(t, w, func(f *excelize.File, col func(string) string) {
		require.NoError(t, f.SetCellStr(s, col("stage")+"3", "new-start"))
		require.NoError(t, f.SetCellValue(s, col("investment.total (yuan)")+"3", nil))
		require.NoError(t, f.SetCellFloat(s, col("investment.total (10,000 yuan)")+"3", 1250.0123, -1, 64))
		require.NoError(t, f.SetCellStr(s, col("investment.completed (yuan)")+"3", sheet.Blank))
		require.NoError(t, f.SetCellStr(s, col("form.progress")+"3", sheet.Blank))
		require.NoError(t, f.SetCellValue(s, col("form.responsiblePerson")+"3", nil))
		require.NoError(t, f.SetCellStr(s, col("findings.AI-3.on")+"3", "2020/7/18"))
		require.NoError(t, f.SetCellStr(s, col("investment.completedVerified")+"3", "否"))
	})
	rows, err := readBack(t, w, data)
	require.NoError(t, err)
	require.Len(t, rows, 1)
	p := rows[0].Project
	assert.Equal(t, "new-start", string(p.Stage))
	assert.True(t, p.Investment.Total.Equal(decimal.RequireFromString("12500123")), p.Investment.Total.String())
	assert.True(t, p.Investment.Completed.IsBlank())
	require.NotNil(t, p.Form.Progress)
	assert.Equal(t, "", *p.Form.Progress, "留空 states the field blank")
	assert.Nil(t, p.Form.ResponsiblePerson, "an empty cell does not state it")
	assert.Equal(t, "2020-07-18", p.Findings["AI-3"].On.String())
	assert.False(t, *p.Investment.CompletedVerified)

	v, err := eligibility.Default().Evaluate(p, asOf)
	require.NoError(t, err)
	r, _ := v.Result("GEN-2")
	assert.Equal(t, eligibility.Fail, r.Outcome, "a blank progress fails GEN-2")
	r, _ = v.Result("GEN-4")
	assert.Equal(t, eligibility.OutcomeUndetermined, r.Outcome, "an absent responsible person leaves GEN-4 undetermined")
	r, _ = v.Result("GEN-3")
	assert.Equal(t, eligibility.Fail, r.Outcome, "a blank completed investment fails GEN-3")
}

// Workbooks built to hurt: each a clear error, never a panic.
func TestReadHostile(t *testing.T) {
	w := workbook(t)
	const s = sheet.SheetProjects
	for _, tc := range []struct {
		name   string
		data   func() []byte
		is     error
		substr string
	}{
		{"merged cells", func() []byte {
			return edit(t, w, func(f *excelize.File, col func(string) string) { require.NoError(t, f.MergeCell(s, "A3", "B3")) })
		}, sheet.ErrInvalidWorkbook, "A3:B3: 是合并单元格"},
		{"hidden sheet", func() []byte {
			return edit(t, w, func(f *excelize.File, col func(string) string) {
				require.NoError(t, f.SetSheetVisible(sheet.SheetCodes, false))
			})
		}, sheet.ErrInvalidWorkbook, sheet.SheetCodes + ": 是隐藏的工作表"},
		{"formula in an amount", func() []byte {
			return edit(t, w, func(f *excelize.File, col func(string) string) {
				require.NoError(t, f.SetCellFormula(s, col("investment.total (yuan)")+"3", "1000*1000"))
			})
		}, sheet.ErrInvalidWorkbook, `"=1000*1000" 是公式`},
		{"1,048,576 rows", func() []byte {
			return patch(t, writeTemplate(t, w, loadProjects(t, sample)), "xl/worksheets/sheet1.xml", func(x string) string {
				return strings.Replace(x, "</sheetData>", `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`, 1)
			})
		}, sheet.ErrTooLarge, "超过 20000 行"},
		{"16,384 columns", func() []byte {
			return patch(t, writeTemplate(t, w, loadProjects(t, sample)), "xl/worksheets/sheet1.xml", func(x string) string {
				return strings.Replace(x, "</sheetData>", `<row r="4"><c r="XFD4" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`, 1)
			})
		}, sheet.ErrTooLarge, "超过 1024 列"},
		{"unknown column", func() []byte {
			return edit(t, w, func(f *excelize.File, col func(string) string) {
				require.NoError(t, f.SetCellStr(s, "ZZ1", "金额合计"))
			})
		}, sheet.ErrInvalidWorkbook, `项目表单!ZZ1: "金额合计" 不是本模板的栏目`},
		{"not a workbook", func() []byte { return []byte("id,name\n1,x\n") }, sheet.ErrInvalidWorkbook, "不是有效的 xlsx"},
		{"zip bomb declaring a terabyte", func() []byte { return bomb(t, 1<<40, 1<<10) }, sheet.ErrTooLarge, "解压后超过"},
		{"zip bomb lying about its size", func() []byte { return bomb(t, 100, 8<<20) }, sheet.ErrInvalidWorkbook, "不是有效的 xlsx"},
		{"too many bytes", func() []byte { return make([]byte, sheet.MaxWorkbookBytes+1) }, sheet.ErrTooLarge, "工作簿超过"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readBack(t, w, tc.data())
			require.Error(t, err)
			assert.True(t, errors.Is(err, tc.is), "%v", err)
			assert.Contains(t, err.Error(), tc.substr)
		})
	}
}

// Incidents sit on their own sheet, keyed by project ID; 无 says none.
func TestReadIncidents(t *testing.T) {
	w := workbook(t)
	ps := loadProjects(t, "../../examples/projects/industrial-internet-ineligible-songyuan-major-accident.json")
	rows, err := readBack(t, w, writeTemplate(t, w, ps))
	require.NoError(t, err)
	require.Len(t, rows[0].Project.Incidents, 1)

	f, err := excelize.OpenReader(bytes.NewReader(writeTemplate(t, w, ps)))
	require.NoError(t, err)
	// A bad incident cell is named on the incidents sheet.
	require.NoError(t, f.SetCellStr(sheet.SheetIncidents, "B3", "去年"))
	var bufDate bytes.Buffer
	_, err = f.WriteTo(&bufDate)
	require.NoError(t, err)
	_, err = readBack(t, w, bufDate.Bytes())
	assert.Contains(t, strings.Join(problems(t, err), "\n"), `事故及违法违规!B3: "去年" 不是有效日期：请写成 YYYY-MM-DD，且为实际存在的日期 / "去年" is not a valid date`)

	require.NoError(t, f.SetCellStr(sheet.SheetIncidents, "A3", "JL761-NOPE"))
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	require.NoError(t, err)
	_, err = readBack(t, w, buf.Bytes())
	got := problems(t, err)
	assert.Contains(t, strings.Join(got, "\n"), `事故及违法违规!A3: "JL761-NOPE" 不是“项目表单”中的项目编号`)
}

// What only a workbook can get wrong: two columns of one amount that disagree,
// and the incidents cell contradicting the incidents sheet.
func TestReadWorkbookOnlyProblems(t *testing.T) {
	w := workbook(t)
	const s = sheet.SheetProjects
	data := edit(t, w, func(f *excelize.File, col func(string) string) {
		require.NoError(t, f.SetCellFloat(s, col("investment.total (10,000 yuan)")+"3", 1000, -1, 64))
	})
	_, err := readBack(t, w, data)
	assert.Contains(t, strings.Join(problems(t, err), "\n"), "与同一金额的元栏不一致")

	ps := loadProjects(t, "../../examples/projects/industrial-internet-ineligible-songyuan-major-accident.json")
	f, err := excelize.OpenReader(bytes.NewReader(writeTemplate(t, w, ps)))
	require.NoError(t, err)
	rows, err := f.GetRows(s)
	require.NoError(t, err)
	var incCol string
	for i, h := range rows[1] {
		if h == "incidents" {
			incCol, _ = excelize.ColumnNumberToName(i + 1)
		}
	}
	require.NoError(t, f.SetCellStr(s, incCol+"3", "无"))
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf)
	require.NoError(t, err)
	_, err = readBack(t, w, buf.Bytes())
	assert.Contains(t, strings.Join(problems(t, err), "\n"), `项目表单!`+incCol+`3: "无" 填“无”，但“事故及违法违规”第 3 行列有事故`)

	require.NoError(t, f.SetCellStr(s, incCol+"3", "有"))
	require.NoError(t, f.RemoveRow(sheet.SheetIncidents, 3))
	buf.Reset()
	_, err = f.WriteTo(&buf)
	require.NoError(t, err)
	_, err = readBack(t, w, buf.Bytes())
	assert.Contains(t, strings.Join(problems(t, err), "\n"), "填“有”，但“事故及违法违规”中没有该项目的事故")
}
