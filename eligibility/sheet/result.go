package sheet

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/xuri/excelize/v2"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

// Sheet names of the result workbook.
const (
	SheetResults    = "结果"
	SheetProblems   = "问题清单"
	SheetSummary    = "汇总"
	SheetProvenance = "出处"
)

// Outcome is one project's verdict and remedies.
type Outcome struct {
	Row      int
	Project  *eligibility.Project
	Verdict  *eligibility.Verdict
	Remedies *remedy.Remedies
}

// Evaluate evaluates every row on asOf and works out its remedies, on every core.
// progress, if not nil, is called after each project with the count done, from
// one goroutine at a time.
func (w *Workbook) Evaluate(ctx context.Context, rows []Row, asOf eligibility.Date, progress func(done, total int)) ([]Outcome, error) {
	out := make([]Outcome, len(rows))
	errs := make([]error, len(rows))
	var done atomic.Int64
	var mu sync.Mutex
	parallel(len(rows), func(i int) {
		r := rows[i]
		if err := ctx.Err(); err != nil {
			errs[i] = err
			return
		}
		v, err := w.eng.EvaluateContext(ctx, r.Project, asOf)
		if err != nil {
			errs[i] = fmt.Errorf("sheet: %s row %d: %w", SheetProjects, r.Row, err)
			return
		}
		rem, err := w.planner.ForVerdict(ctx, r.Project, v)
		if err != nil {
			errs[i] = fmt.Errorf("sheet: %s row %d: remedies: %w", SheetProjects, r.Row, err)
			return
		}
		out[i] = Outcome{Row: r.Row, Project: r.Project, Verdict: v, Remedies: rem}
		if progress != nil {
			mu.Lock() // in order of completion, one call at a time
			progress(int(done.Add(1)), len(rows))
			mu.Unlock()
		}
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// noUnit labels the projects that name no reporting unit (a carrier's
// provincial company reports directly, 二.2).
const noUnit = "（未填报送单位）"

// decisionColours colour a decision's cell: green, red, amber.
var decisionColours = map[eligibility.Decision]string{
	eligibility.Eligible:     "C6EFCE",
	eligibility.Ineligible:   "FFC7CE",
	eligibility.Undetermined: "FFEB9C",
}

// Decisions in the order the summary lists them.
var decisions = []eligibility.Decision{eligibility.Eligible, eligibility.Ineligible, eligibility.Undetermined}

// WriteResults writes the result workbook: 结果, 问题清单, 汇总 and 出处.
func (w *Workbook) WriteResults(out io.Writer, asOf eligibility.Date, outs []Outcome) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := w.results(f, asOf, outs); err != nil {
		return fmt.Errorf("sheet: the result workbook: %w", err)
	}
	if _, err := f.WriteTo(out); err != nil {
		return fmt.Errorf("sheet: writing the result workbook: %w", err)
	}
	return nil
}

func (w *Workbook) results(f *excelize.File, asOf eligibility.Date, outs []Outcome) error {
	if err := f.SetSheetName("Sheet1", SheetResults); err != nil {
		return err
	}
	for _, s := range []string{SheetProblems, SheetSummary, SheetProvenance} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	dstyle := map[eligibility.Decision]int{}
	for d, c := range decisionColours {
		if dstyle[d], err = f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}},
			Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
			return err
		}
	}
	// 结果
	res := table{f: f, sheet: SheetResults, st: st}
	res.header([]hcol{{"行号", "row", 6}, {"项目编号", "project ID", 20}, {"项目名称", "name", 30}, {"报送单位", "reporting unit", 12},
		{"项目类别", "category", 12}, {"项目子类", "subtype", 14}, {"结论", "decision", 12}, {"确认部门", "confirming authority", 20},
		{"报送渠道", "channel", 20}, {"不符合的条件", "failing criteria", 40}, {"无法判定及所缺", "undetermined, and what is missing", 40},
		{"鼓励性提示", "advisories", 24}, {"整改方案", "remedy plan", 50}})
	for _, o := range outs {
		v, p := o.Verdict, o.Project
		res.row(strconv.Itoa(o.Row), v.ProjectID, v.ProjectName, p.ReportingUnit.Chinese(), v.Category.Chinese(), v.Subtype.Chinese(),
			v.Decision.Words().Zh, v.ConfirmingAuthority.Chinese(), v.Channel.Chinese(),
			joinResults(v.FailingResults(), func(r eligibility.Result) string { return r.Message.Zh }),
			joinResults(v.UndeterminedResults(), func(r eligibility.Result) string { return "缺少：" + w.missing(r.Missing) }),
			joinResults(v.AdvisoryResults(), func(r eligibility.Result) string { return r.Message.Zh }),
			planText(o.Remedies))
	}
	if err := res.done(); err != nil {
		return err
	}
	for i, o := range outs {
		c := cellName(7, headerRows+1+i)
		if err := f.SetCellStyle(SheetResults, c, c, dstyle[o.Verdict.Decision]); err != nil {
			return err
		}
	}
	// 问题清单
	pr := table{f: f, sheet: SheetProblems, st: st}
	pr.header([]hcol{{"项目编号", "project ID", 20}, {"项目名称", "name", 30}, {"报送单位", "reporting unit", 12}, {"条款", "clause", 10},
		{"条件", "criterion", 10}, {"结果", "outcome", 10}, {"要求", "requirement", 40}, {"整改事项", "what to fix", 60},
		{"项目责任人", "responsible person", 18}, {"确认部门", "confirming authority", 20}})
	for _, o := range outs {
		if o.Remedies == nil {
			continue
		}
		person := ""
		if o.Project.Form.ResponsiblePerson != nil {
			person = *o.Project.Form.ResponsiblePerson
		}
		for _, fx := range o.Remedies.Fixes {
			outcome := fx.Outcome.Words().Zh
			pr.row(o.Verdict.ProjectID, o.Verdict.ProjectName, o.Project.ReportingUnit.Chinese(), fx.Ref, fx.ID, outcome,
				fx.Requirement.Zh, fixText(fx), person, o.Verdict.ConfirmingAuthority.Chinese())
		}
	}
	if err := pr.done(); err != nil {
		return err
	}
	if err := w.summary(f, st, outs); err != nil {
		return err
	}
	return w.provenance(f, st, asOf, outs)
}

// missing names the facts by their columns' headers.
func (w *Workbook) missing(paths []string) string {
	out := make([]string, len(paths))
	for i, p := range paths {
		if j, ok := w.l.byPath[p]; ok {
			out[i] = w.l.cols[j].zh
		} else if j, ok := w.l.byPath[p+".met"]; ok {
			out[i] = w.l.cols[j].zh
		} else {
			out[i] = p
		}
	}
	return strings.Join(out, "、")
}

func joinResults(rs []eligibility.Result, text func(eligibility.Result) string) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%s（%s）%s", r.ID, r.Ref, text(r))
	}
	return strings.Join(parts, "\n")
}

func planText(r *remedy.Remedies) string {
	if r == nil {
		return ""
	}
	return r.Plan.Text.Zh // it lists the plan's changes
}

func fixText(fx remedy.Fix) string {
	if len(fx.Options) == 0 {
		return fx.NoneText.Zh
	}
	parts := make([]string, len(fx.Options))
	for i, o := range fx.Options {
		parts[i] = o.Text.Zh
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "或：" + strings.Join(parts, "\n或：")
}

func cellName(col, row int) string {
	n, _ := excelize.ColumnNumberToName(col)
	return n + strconv.Itoa(row)
}

type hcol struct {
	zh, en string
	width  float64
}

// table writes a sheet of rows under a two-row header.
type table struct {
	f     *excelize.File
	sheet string
	st    *styles
	cols  int
	n     int // the last row written
	err   error
}

func (t *table) header(cols []hcol) {
	t.cols = len(cols)
	for i, c := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		t.set(name+"1", c.zh)
		t.set(name+"2", c.en)
		if t.err == nil {
			t.err = t.f.SetColWidth(t.sheet, name, name, c.width)
		}
	}
	t.n = headerRows
}

func (t *table) set(cell, v string) {
	if t.err == nil && v != "" {
		t.err = t.f.SetCellStr(t.sheet, cell, v)
	}
}

func (t *table) row(vals ...string) {
	t.n++
	for i, v := range vals {
		t.set(cellName(i+1, t.n), v)
	}
}

func (t *table) done() error {
	if t.err != nil {
		return t.err
	}
	last := cellName(t.cols, 1)
	if err := t.f.SetCellStyle(t.sheet, "A1", last, t.st.header); err != nil {
		return err
	}
	if err := t.f.SetCellStyle(t.sheet, "A2", cellName(t.cols, 2), t.st.headerEn); err != nil {
		return err
	}
	if t.n > headerRows {
		if err := t.f.SetCellStyle(t.sheet, "A3", cellName(t.cols, t.n), t.st.wrap); err != nil {
			return err
		}
	}
	if err := t.f.SetPanes(t.sheet, &excelize.Panes{Freeze: true, YSplit: headerRows, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return pageSetup(t.f, t.sheet)
}

// summary writes 汇总: counts by reporting unit × category × decision, then by
// confirming authority (what each provincial department receives, 二.1), then
// what the aggregator forwards to the recipient.
func (w *Workbook) summary(f *excelize.File, st *styles, outs []Outcome) error {
	type key struct {
		unit category.ReportingUnit
		cat  category.Category
	}
	counts := map[key]map[eligibility.Decision]int{}
	byAuth := map[category.Authority]map[eligibility.Decision]int{}
	for _, o := range outs {
		k := key{o.Project.ReportingUnit, o.Verdict.Category}
		if counts[k] == nil {
			counts[k] = map[eligibility.Decision]int{}
		}
		counts[k][o.Verdict.Decision]++
		a := o.Verdict.ConfirmingAuthority
		if byAuth[a] == nil {
			byAuth[a] = map[eligibility.Decision]int{}
		}
		byAuth[a][o.Verdict.Decision]++
	}
	t := table{f: f, sheet: SheetSummary, st: st}
	hdr := []hcol{{"报送单位", "reporting unit", 18}, {"项目类别", "category", 16}}
	for _, d := range decisions {
		hdr = append(hdr, hcol{d.Words().Zh, d.Words().En, 12})
	}
	hdr = append(hdr, hcol{"合计", "total", 10})
	t.header(hdr)
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	unitOrder := map[category.ReportingUnit]int{}
	for i, u := range category.ReportingUnits() {
		unitOrder[u] = i + 1
	}
	catOrder := map[category.Category]int{}
	for i, c := range category.Categories() {
		catOrder[c] = i
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if unitOrder[a.unit] != unitOrder[b.unit] {
			return unitOrder[a.unit] < unitOrder[b.unit]
		}
		if a.unit != b.unit {
			return a.unit < b.unit
		}
		return catOrder[a.cat] < catOrder[b.cat]
	})
	countRow := func(first, second string, c map[eligibility.Decision]int) {
		vals := []string{first, second}
		total := 0
		for _, d := range decisions {
			vals = append(vals, strconv.Itoa(c[d]))
			total += c[d]
		}
		t.row(append(vals, strconv.Itoa(total))...)
	}
	for _, k := range keys {
		unit := k.unit.Chinese()
		if k.unit == "" {
			unit = noUnit
		}
		countRow(unit, k.cat.Chinese(), counts[k])
	}
	t.n++
	t.row("确认部门（二.1）", "confirming authority (二.1)")
	for _, a := range category.Authorities() {
		if c := byAuth[a]; c != nil {
			countRow(a.Chinese(), "", c)
		}
	}
	t.n++
	agg, rec := category.Aggregator(), category.Recipient()
	t.row(agg.Chinese()+"汇总报送"+rec.Chinese()+"（符合入库标准）", agg.English()+" forwards to "+rec.English()+" (eligible)")
	total := 0
	for _, c := range category.Categories() {
		n := 0
		for k, m := range counts {
			if k.cat == c {
				n += m[eligibility.Eligible]
			}
		}
		total += n
		t.row(c.Chinese(), "", strconv.Itoa(n))
	}
	t.row("合计", "total", strconv.Itoa(total))
	return t.done()
}

// provenance writes 出处: what reproduces the workbook.
func (w *Workbook) provenance(f *excelize.File, st *styles, asOf eligibility.Date, outs []Outcome) error {
	rs := w.eng.RuleSet()
	t := table{f: f, sheet: SheetProvenance, st: st}
	t.header([]hcol{{"项目", "item", 24}, {"值", "value", 40}, {"项目哈希", "project hash", 76}})
	t.row("规则集 / rule set", rs.Name)
	t.row("文件 / document", rs.Document)
	t.row("规则集哈希 / rule-set hash", rs.Hash())
	t.row("库 / library", "github.com/jilin761/intake "+eligibility.Version)
	t.row("评估日期 / evaluation date", asOf.String())
	t.row("项目数 / projects", strconv.Itoa(len(outs)))
	t.n++
	t.row("行号 / row", "项目编号 / project ID", "项目哈希 / project hash")
	for _, o := range outs {
		t.row(strconv.Itoa(o.Row), o.Verdict.ProjectID, o.Verdict.Provenance.ProjectHash)
	}
	return t.done()
}
