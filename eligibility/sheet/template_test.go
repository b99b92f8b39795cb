package sheet_test

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/sheet"
)

// The embedded schema is the generated one (go generate ./eligibility/sheet).
func TestSchemaCopyInStep(t *testing.T) {
	want, err := os.ReadFile("../schema/project.schema.json")
	require.NoError(t, err)
	got, err := os.ReadFile("project.schema.json")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "run go generate ./eligibility/sheet")
}

func openTemplate(t *testing.T, e *eligibility.Engine) *excelize.File {
	t.Helper()
	w, err := sheet.New(e)
	require.NoError(t, err)
	f, err := excelize.OpenReader(bytes.NewReader(writeTemplate(t, w, nil)))
	require.NoError(t, err)
	return f
}

// The template read back cell by cell: headers, comments, drop-downs, formats,
// frozen panes and page setup.
func TestTemplateCells(t *testing.T) {
	f := openTemplate(t, eligibility.Default())
	assert.Equal(t, []string{sheet.SheetProjects, sheet.SheetIncidents, sheet.SheetCodes, sheet.SheetInstructions}, f.GetSheetList())
	rows, err := f.GetRows(sheet.SheetProjects)
	require.NoError(t, err)
	require.Len(t, rows, 2, "two header rows, no data")
	zh, en := rows[0], rows[1]
	require.Equal(t, len(zh), len(en))
	col := map[string]string{}
	for i, h := range en {
		name, _ := excelize.ColumnNumberToName(i + 1)
		col[h] = name
	}
	for en, zhWant := range map[string]string{
		"category": "项目类别", "investment.total (yuan)": "项目总投资（元）", "investment.total (10,000 yuan)": "项目总投资（万元）",
		"form.responsiblePerson": "项目责任人", "applicant.legalForm": "申报单位法律形式", "incidents": "事故及违法违规情况",
		"findings.AI-3.met": "评审·AI-3·是否符合", "findings.BD-3a.on": "评审·BD-3a·评审日期",
	} {
		c, ok := col[en]
		require.True(t, ok, en)
		v, _ := f.GetCellValue(sheet.SheetProjects, c+"1")
		assert.Equal(t, zhWant, v, en)
	}
	// A comment per column, from the schema's description.
	comments, err := f.GetComments(sheet.SheetProjects)
	require.NoError(t, err)
	assert.Len(t, comments, len(zh))
	byCell := map[string]string{}
	for _, c := range comments {
		byCell[c.Cell] = c.Text
		for _, r := range c.Paragraph {
			byCell[c.Cell] += r.Text
		}
	}
	assert.Contains(t, byCell[col["applicant.creditCode"]+"1"], "18-character unified social credit code")
	assert.Contains(t, byCell[col["form.progress"]+"1"], sheet.Blank)

	// A drop-down for every code column, listing the Chinese names.
	dvs, err := f.GetDataValidations(sheet.SheetProjects)
	require.NoError(t, err)
	lists := map[string]string{}
	for _, dv := range dvs {
		lists[strings.SplitN(dv.Sqref, ":", 2)[0]] = dv.Formula1
	}
	for _, en := range []string{"category", "subtype", "stage", "reportingUnit", "applicant.legalForm", "applicant.enterpriseKind",
		"applicant.carrier", "identifierNode.kind", "platform.level", "writtenCommitment", "findings.AI-3.met", "incidents",
		"bigDataContent", "fiveG.technologies", "intranet.technologies"} {
		ref, ok := lists[col[en]+"3"]
		require.True(t, ok, "no drop-down for %s", en)
		// The list names the Chinese names on 代码表.
		parts := strings.Split(strings.Trim(strings.SplitN(ref, "!", 2)[1], "$"), ":")
		first := strings.ReplaceAll(parts[0], "$", "")
		v, _ := f.GetCellValue(sheet.SheetCodes, first)
		assert.NotEmpty(t, v, en)
		if en == "category" {
			assert.Equal(t, category.Categories()[0].Chinese(), v)
		}
		if en == "writtenCommitment" {
			assert.Equal(t, "是", v)
		}
	}
	// Formats: amounts, 万元 and dates.
	for en, want := range map[string]string{"investment.total (yuan)": "#,##0.00", "investment.total (10,000 yuan)": "#,##0.0000##", "preparation.plannedStart": "yyyy-mm-dd"} {
		id, err := f.GetColStyle(sheet.SheetProjects, col[en])
		require.NoError(t, err)
		st, err := f.GetStyle(id)
		require.NoError(t, err)
		if st.CustomNumFmt != nil {
			assert.Equal(t, want, *st.CustomNumFmt, en)
		} else {
			assert.Equal(t, 4, st.NumFmt, en) // the built-in #,##0.00
		}
	}
	panes, err := f.GetPanes(sheet.SheetProjects)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 2, panes.YSplit)
	layout, err := f.GetPageLayout(sheet.SheetProjects)
	require.NoError(t, err)
	assert.Equal(t, "landscape", *layout.Orientation)
	assert.Equal(t, 9, *layout.Size)
	props, err := f.GetSheetProps(sheet.SheetProjects)
	require.NoError(t, err)
	assert.True(t, *props.FitToPage, "one page wide")
	// Incidents keyed by project ID.
	inc, err := f.GetRows(sheet.SheetIncidents)
	require.NoError(t, err)
	assert.Equal(t, "项目编号", inc[0][0])
	// The instructions say how to write blank versus not stated.
	ins, err := f.GetRows(sheet.SheetInstructions)
	require.NoError(t, err)
	var all strings.Builder
	for _, r := range ins {
		all.WriteString(strings.Join(r, " "))
	}
	assert.Contains(t, all.String(), "单元格空着＝未说明")
	assert.Contains(t, all.String(), "填“"+sheet.Blank+"”")
}

// The template follows the rule set: a variant's finding criterion gets columns.
func TestTemplateFollowsRuleSet(t *testing.T) {
	rs := criteria.Default().Clone()
	for i, c := range rs.Criteria {
		if c.ID == "AI-3" {
			c.ID = "AI-3x"
			c.Require = strings.NewReplacer(`"AI-3"`, `"AI-3x"`, `'AI-3'`, `'AI-3x'`).Replace(c.Require)
			c.AppliesWhen = strings.NewReplacer(`"AI-3"`, `"AI-3x"`, `'AI-3'`, `'AI-3x'`).Replace(c.AppliesWhen)
			rs.Criteria[i] = c
		}
	}
	e, err := eligibility.New(rs)
	require.NoError(t, err)
	f := openTemplate(t, e)
	rows, err := f.GetRows(sheet.SheetProjects)
	require.NoError(t, err)
	assert.Contains(t, rows[1], "findings.AI-3x.met")
	assert.NotContains(t, rows[1], "findings.AI-3.met")
}

// The result workbook read back: one row per project, decisions coloured, and
// 汇总 counts equal to a count over the verdicts.
func TestResultWorkbook(t *testing.T) {
	w := workbook(t)
	ps := loadProjects(t, "../../examples/projects/*.json")
	rows, err := readBack(t, w, writeTemplate(t, w, ps))
	require.NoError(t, err)
	outs, err := w.Evaluate(context.Background(), rows, asOf, nil)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, w.WriteResults(&buf, asOf, outs))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	assert.Equal(t, []string{sheet.SheetResults, sheet.SheetProblems, sheet.SheetSummary, sheet.SheetProvenance}, f.GetSheetList())

	res, err := f.GetRows(sheet.SheetResults)
	require.NoError(t, err)
	require.Len(t, res, 2+len(ps))
	count := map[string]int{}
	type key struct{ unit, cat, dec string }
	cells := map[key]int{}
	fixes := 0
	for i, o := range outs {
		r := res[i+2]
		assert.Equal(t, o.Verdict.ProjectID, r[1])
		assert.Equal(t, o.Verdict.Decision.Words().Zh, r[6])
		id, _ := f.GetCellStyle(sheet.SheetResults, "G"+strconv.Itoa(i+3))
		st, _ := f.GetStyle(id)
		require.NotEmpty(t, st.Fill.Color, "decision colour")
		count[string(o.Verdict.Decision)]++
		unit := o.Project.ReportingUnit.Chinese()
		if unit == "" {
			unit = "（未填报送单位）"
		}
		cells[key{unit, o.Verdict.Category.Chinese(), o.Verdict.Decision.Words().Zh}]++
		fixes += len(o.Remedies.Fixes)
		if o.Verdict.Decision != eligibility.Eligible {
			assert.NotEmpty(t, r[12], "a remedy plan for %s", o.Verdict.ProjectID)
		}
	}
	assert.Positive(t, count["eligible"])
	assert.Positive(t, count["ineligible"])
	assert.Positive(t, count["undetermined"])

	prob, err := f.GetRows(sheet.SheetProblems)
	require.NoError(t, err)
	assert.Len(t, prob, 2+fixes, "one row per problem")

	sum, err := f.GetRows(sheet.SheetSummary)
	require.NoError(t, err)
	hdr := sum[0]
	got := map[key]int{}
	for _, r := range sum[2:] {
		if len(r) < 6 || r[1] == "" {
			break
		}
		for j := 2; j < 5; j++ {
			n, err := strconv.Atoi(r[j])
			require.NoError(t, err)
			if n > 0 {
				got[key{r[0], r[1], hdr[j]}] = n
			}
		}
	}
	assert.Equal(t, cells, got)

	// Per confirming authority (二.1), and what the aggregator forwards.
	byAuth := map[string][3]int{}
	eligible := map[string]int{}
	for _, o := range outs {
		c := byAuth[o.Verdict.ConfirmingAuthority.Chinese()]
		for j, d := range []eligibility.Decision{eligibility.Eligible, eligibility.Ineligible, eligibility.Undetermined} {
			if o.Verdict.Decision == d {
				c[j]++
			}
		}
		byAuth[o.Verdict.ConfirmingAuthority.Chinese()] = c
		if o.Verdict.Decision == eligibility.Eligible {
			eligible[o.Verdict.Category.Chinese()]++
		}
	}
	gotAuth := map[string][3]int{}
	gotFwd := map[string]int{}
	section := 0
	for _, r := range sum[2:] {
		switch {
		case len(r) == 0:
		case strings.HasPrefix(r[0], "确认部门"):
			section = 1
		case strings.Contains(r[0], "汇总报送"):
			section = 2
		case section == 1:
			var c [3]int
			for j := range c {
				c[j], _ = strconv.Atoi(r[2+j])
			}
			gotAuth[r[0]] = c
		case section == 2 && r[0] != "合计":
			n, _ := strconv.Atoi(r[2])
			if n > 0 {
				gotFwd[r[0]] = n
			}
		}
	}
	assert.Equal(t, byAuth, gotAuth)
	assert.Equal(t, eligible, gotFwd)

	prov, err := f.GetRows(sheet.SheetProvenance)
	require.NoError(t, err)
	assert.Equal(t, eligibility.Default().RuleSet().Hash(), prov[4][1])
	assert.Equal(t, outs[0].Verdict.Provenance.ProjectHash, prov[10][2])
}
