package sheet

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

// Sheet names of the template.
const (
	SheetProjects     = "项目表单"
	SheetIncidents    = "事故及违法违规"
	SheetCodes        = "代码表"
	SheetInstructions = "填写说明"
)

// headerRows is the number of header rows: Chinese, then English.
const headerRows = 2

// Workbook writes and reads the workbooks of one engine's rule set. It is
// immutable and safe for concurrent use.
type Workbook struct {
	eng     *eligibility.Engine
	planner *remedy.Planner
	l       *layout
}

// New derives the workbook layout from the engine's rule set.
func New(e *eligibility.Engine) (*Workbook, error) {
	pl, err := remedy.New(e)
	if err != nil {
		return nil, fmt.Errorf("sheet: %w", err)
	}
	l, err := newLayout(e, pl)
	if err != nil {
		return nil, err
	}
	return &Workbook{eng: e, planner: pl, l: l}, nil
}

// Engine is the engine the workbook reads and evaluates with.
func (w *Workbook) Engine() *eligibility.Engine { return w.eng }

// WriteTemplate writes the 项目表单 template to out, with one row per project
// given (none for an empty template).
func (w *Workbook) WriteTemplate(out io.Writer, projects []*eligibility.Project) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := w.template(f, projects); err != nil {
		return err
	}
	if _, err := f.WriteTo(out); err != nil {
		return fmt.Errorf("sheet: writing the template: %w", err)
	}
	return nil
}

func (w *Workbook) template(f *excelize.File, projects []*eligibility.Project) error {
	if err := f.SetSheetName("Sheet1", SheetProjects); err != nil {
		return err
	}
	for _, s := range []string{SheetIncidents, SheetCodes, SheetInstructions} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	incCols := append([]column{{path: "id", kind: kText, zh: "项目编号", en: "project id", desc: "The ID of the project in 项目表单 the incident belongs to.", width: 20}}, w.l.incidents...)
	codeRefs, err := writeCodes(f, st, w.l.cols, incCols)
	if err != nil {
		return err
	}
	for _, s := range []struct {
		name string
		cols []column
	}{{SheetProjects, w.l.cols}, {SheetIncidents, incCols}} {
		if err := writeHeader(f, st, s.name, s.cols, codeRefs); err != nil {
			return err
		}
	}
	row, incRow := headerRows+1, headerRows+1
	for _, p := range projects {
		obj, err := toJSONObject(p)
		if err != nil {
			return err
		}
		exactAmounts(p, w.l.cols, obj)
		if err := writeRow(f, st, SheetProjects, row, w.l.cols, obj); err != nil {
			return err
		}
		row++
		incs, _ := obj["incidents"].([]any)
		for _, inc := range incs {
			m, _ := inc.(map[string]any)
			m["id"] = p.ID
			if err := writeRow(f, st, SheetIncidents, incRow, incCols, m); err != nil {
				return err
			}
			incRow++
		}
	}
	if err := writeInstructions(f, st, w); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return nil
}

func toJSONObject(p *eligibility.Project) (map[string]any, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("sheet: project %q: %w", p.ID, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}

// lookup returns the JSON value at a dotted path.
func lookup(m map[string]any, path string) (any, bool) {
	var cur any = m
	for _, part := range splitPath(path) {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		cur, ok = mm[part]
		if !ok {
			return nil, false
		}
	}
	return cur, true
}

// splitPath splits a column path; a finding ID may not hold a dot.
func splitPath(path string) []string { return strings.Split(path, ".") }

type styles struct {
	header, headerEn, text, amount, amountWan, date, wrap int
	// amountPlaces[n] shows an amount with n decimal places, so that a value
	// written as "12500000.00" reads back with its two places.
	amountPlaces [3]int
}

func newStyles(f *excelize.File) (*styles, error) {
	var s styles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	border := []excelize.Border{{Type: "bottom", Color: "999999", Style: 1}}
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	s.headerEn = mk(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "555555", Size: 9}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Alignment: &excelize.Alignment{WrapText: true}, Border: border})
	s.text = mk(&excelize.Style{NumFmt: 49})
	s.amount = mk(&excelize.Style{CustomNumFmt: &amountFormats[2]})
	for n, fm := range amountFormats {
		s.amountPlaces[n] = mk(&excelize.Style{CustomNumFmt: &fm})
	}
	fmtWan := "#,##0.0000##"
	s.amountWan = mk(&excelize.Style{CustomNumFmt: &fmtWan})
	fmtDate := "yyyy-mm-dd"
	s.date = mk(&excelize.Style{CustomNumFmt: &fmtDate})
	s.wrap = mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	return &s, err
}

// writeCodes lists each code column's Chinese names on the 代码表 sheet and returns
// the range each drop-down refers to, by column path.
func writeCodes(f *excelize.File, st *styles, colSets ...[]column) (map[string]string, error) {
	refs := map[string]string{}
	shared := map[string]string{} // one list per set of codes: every yes/no column shares 是/否
	n := 0
	for _, cols := range colSets {
		for _, c := range cols {
			if (c.kind != kCode && c.kind != kBool && c.kind != kIncidents && c.kind != kCodeList) || refs[c.path] != "" {
				continue
			}
			var key strings.Builder
			for _, cd := range c.codes {
				key.WriteString(cd.code + "\x00")
			}
			if ref, ok := shared[key.String()]; ok {
				refs[c.path] = ref
				continue
			}
			n++
			col, _ := excelize.ColumnNumberToName(n)
			head, path := c.zh, c.path
			if c.kind == kBool {
				head, path = "是/否", "yes/no"
			}
			if err := f.SetCellStr(SheetCodes, col+"1", head); err != nil {
				return nil, err
			}
			if err := f.SetCellStr(SheetCodes, col+"2", path); err != nil {
				return nil, err
			}
			for i, cd := range c.codes {
				cell := fmt.Sprintf("%s%d", col, i+3)
				if err := f.SetCellStr(SheetCodes, cell, cd.zh); err != nil {
					return nil, err
				}
				if err := f.AddComment(SheetCodes, excelize.Comment{Cell: cell, Author: "intake", Text: cd.code + " · " + cd.en}); err != nil {
					return nil, err
				}
			}
			refs[c.path] = fmt.Sprintf("'%s'!$%s$3:$%s$%d", SheetCodes, col, col, len(c.codes)+2)
			shared[key.String()] = refs[c.path]
			if err := f.SetColWidth(SheetCodes, col, col, 22); err != nil {
				return nil, err
			}
		}
	}
	if err := f.SetRowStyle(SheetCodes, 1, 2, st.header); err != nil {
		return nil, err
	}
	return refs, f.SetPanes(SheetCodes, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
}

// maxTemplateRow is the last row the drop-downs and formats of the template cover.
const maxTemplateRow = 10000 + headerRows

func writeHeader(f *excelize.File, st *styles, sheet string, cols []column, codeRefs map[string]string) error {
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellStr(sheet, col+"1", c.zh); err != nil {
			return err
		}
		if err := f.SetCellStr(sheet, col+"2", c.en); err != nil {
			return err
		}
		if err := f.AddComment(sheet, excelize.Comment{Cell: col + "1", Author: "intake", Text: comment(&c)}); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, c.width); err != nil {
			return err
		}
		data := fmt.Sprintf("%s%d:%s%d", col, headerRows+1, col, maxTemplateRow)
		style := st.text
		switch c.kind {
		case kAmount, kFormAmount:
			style = st.amount
		case kAmountWan, kFormAmountWan:
			style = st.amountWan
		case kDate:
			style = st.date
		case kInt, kDecimal:
			style = 0
		}
		if style != 0 {
			if err := f.SetColStyle(sheet, col, style); err != nil {
				return err
			}
		}
		if ref := codeRefs[c.path]; ref != "" {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = data
			dv.SetSqrefDropList(ref)
			// A warning, not a stop: a code not in the list can still be typed, and
			// reading reports it with the closest code.
			if c.kind == kCodeList {
				// A list cell holds several names: the drop-down picks one, and
				// the warning lets a typed 甲、乙 stand.
				dv.SetError(excelize.DataValidationErrorStyleWarning, "多项 / several",
					"可填多项，以“、”分隔：请确认后继续 / several names separated by 、: confirm to keep them")
			} else {
				dv.SetError(excelize.DataValidationErrorStyleWarning, "代码 / code", "请从下拉列表选择 / choose from the list")
			}
			if err := f.AddDataValidation(sheet, dv); err != nil {
				return err
			}
		}
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	if err := f.SetCellStyle(sheet, "A1", last+"1", st.header); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A2", last+"2", st.headerEn); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, 32); err != nil {
		return err
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: headerRows, TopLeftCell: "B3", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	return pageSetup(f, sheet)
}

func pageSetup(f *excelize.File, sheet string) error {
	size, orient := 9, "landscape" // paper size 9 is A4
	// One page wide: fitToWidth counts only with the sheet's fitToPage.
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: new(true)}); err != nil {
		return err
	}
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: new(1), FitToHeight: new(0)})
}

// comment is a column's header comment: the schema's description and how to write it.
func comment(c *column) string {
	var b strings.Builder
	b.WriteString(c.en)
	b.WriteString("\n")
	b.WriteString(c.desc)
	switch c.kind {
	case kCode:
		b.WriteString("\n从下拉列表选择；也可填代码。/ Choose from the list, or write the code.")
	case kCodeList:
		b.WriteString("\n可填多项，以“、”分隔 / several, separated by 、: ")
		for i, x := range c.codes {
			if i > 0 {
				b.WriteString("、")
			}
			b.WriteString(x.zh)
		}
	case kStrList:
		b.WriteString("\n每行一项（Alt+Enter 换行）/ one item a line.")
	case kBool:
		b.WriteString("\n填“是”或“否”；空着为未说明。/ 是 or 否; empty: not stated.")
	case kFormText, kFormAmount, kFormAmountWan:
		b.WriteString("\n三.2 表单栏目：表单上空着的栏目填“" + Blank + "”；单元格空着为未说明。/ A field left blank on the form: write " + Blank + "; an empty cell does not state it.")
	case kDate:
		b.WriteString("\n日期，如 2020-07-20 / a date.")
	}
	if c.kind == kAmount || c.kind == kAmountWan || c.kind == kFormAmount || c.kind == kFormAmountWan {
		b.WriteString("\n元与万元两栏填其一，精确到分。/ Fill the yuan or the 万元 column, exact to the fen.")
	}
	return b.String()
}

// writeRow writes one JSON object's values into a row.
func writeRow(f *excelize.File, st *styles, sheet string, row int, cols []column, obj map[string]any) error {
	for i, c := range cols {
		if c.kind == kAmountWan || c.kind == kFormAmountWan {
			continue // the yuan column carries the amount
		}
		v, ok := lookup(obj, c.path)
		if !ok || v == nil {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		cell := col + strconv.Itoa(row)
		if err := writeCell(f, st, sheet, cell, &c, v); err != nil {
			return fmt.Errorf("sheet: %s!%s (%s): %w", sheet, cell, c.path, err)
		}
	}
	return nil
}

func writeCell(f *excelize.File, st *styles, sheet, cell string, c *column, v any) error {
	switch c.kind {
	case kText:
		return f.SetCellStr(sheet, cell, fmt.Sprint(v))
	case kFormText:
		s := fmt.Sprint(v)
		if s == "" {
			s = Blank
		}
		return f.SetCellStr(sheet, cell, s)
	case kCode:
		return f.SetCellStr(sheet, cell, c.name(fmt.Sprint(v)))
	case kCodeList, kStrList:
		items, _ := v.([]any)
		if len(items) == 0 {
			return f.SetCellStr(sheet, cell, Blank)
		}
		sep := "、"
		if c.kind == kStrList {
			sep = "\n"
		}
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = c.name(fmt.Sprint(it))
		}
		return f.SetCellStr(sheet, cell, strings.Join(parts, sep))
	case kBool:
		if v == true {
			return f.SetCellStr(sheet, cell, "是")
		}
		return f.SetCellStr(sheet, cell, "否")
	case kIncidents:
		if items, _ := v.([]any); len(items) > 0 {
			return f.SetCellStr(sheet, cell, "有")
		}
		return f.SetCellStr(sheet, cell, "无")
	case kAmount, kFormAmount:
		s := fmt.Sprint(v)
		if strings.TrimSpace(s) == "" {
			return f.SetCellStr(sheet, cell, Blank)
		}
		return writeAmount(f, st, sheet, cell, s)
	case kDate:
		d, err := criteria.ParseDate(fmt.Sprint(v))
		if err != nil {
			return err
		}
		return f.SetCellDefault(sheet, cell, strconv.Itoa(serialOf(d)))
	case kInt:
		return f.SetCellDefault(sheet, cell, fmt.Sprint(v))
	case kDecimal:
		// A number cell when a double holds the text exactly, else text.
		s := fmt.Sprint(v)
		if d, err := decimal.NewFromString(s); err == nil && d.String() == s && significant(s) <= 15 {
			return f.SetCellDefault(sheet, cell, s)
		}
		return f.SetCellStr(sheet, cell, s)
	}
	return fmt.Errorf("no writer for column kind %d", c.kind)
}

// writeAmount writes an amount as a number when Excel's double holds it exactly
// as written (at most 15 significant digits and 2 places), and as text otherwise,
// so that reading it back gives the same decimal.
func writeAmount(f *excelize.File, st *styles, sheet, cell, s string) error {
	d, err := decimal.NewFromString(s)
	if err != nil || strings.ContainsAny(s, "eE+") {
		return f.SetCellStr(sheet, cell, s)
	}
	places := -d.Exponent()
	if places < 0 || places > 2 || significant(s) > 15 || strings.HasSuffix(s, ".") {
		return f.SetCellStr(sheet, cell, s)
	}
	if err := f.SetCellDefault(sheet, cell, s); err != nil {
		return err
	}
	return f.SetCellStyle(sheet, cell, cell, st.amountPlaces[places])
}

// amountFormats show an amount with 0, 1 and 2 decimal places. Reading a number
// cell in one of them gives the amount with as many places as it shows.
var amountFormats = [3]string{"#,##0", "#,##0.0", "#,##0.00"}

// excelEpoch is day 0 of Excel's 1900 date system for dates after 1 March 1900.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

func serialOf(d eligibility.Date) int {
	return int(time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Sub(excelEpoch).Hours() / 24)
}

func dateOfSerial(n int) eligibility.Date {
	return criteria.DateOf(excelEpoch.AddDate(0, 0, n))
}

// writeInstructions writes the 填写说明 sheet.
func writeInstructions(f *excelize.File, st *styles, w *Workbook) error {
	rs := w.eng.RuleSet()
	// The criteria of this rule set that read a 三.2 form field.
	var formReaders []string
	for _, c := range rs.Criteria {
		r, _ := w.eng.Reads(c.ID)
		for _, fact := range r.Facts {
			if strings.HasPrefix(fact, "form.") || (strings.HasPrefix(fact, "investment.completed") && fact != "investment.completedVerified") {
				formReaders = append(formReaders, c.ID)
				break
			}
		}
	}
	lines := [][2]string{
		{"填写说明", "How to fill in this workbook"},
		{"规则集：" + rs.Name + "（" + rs.Document + "）", "Rule set: " + rs.Name + " (" + rs.Document + ")"},
		{"“" + SheetProjects + "”每行一个项目；第1行为中文栏目名，第2行为英文栏目名，自第3行起填写。栏目批注说明其含义。",
			"'" + SheetProjects + "' holds one project a row; row 1 names the columns in Chinese, row 2 in English; fill from row 3. Each header's comment says what the column means."},
		{"单元格空着＝未说明：该事实未知，依赖它的条件为“无法判定”，不是“不符合”。",
			"An empty cell means NOT STATED: the fact is unknown, and the criteria that need it are undetermined, not failed."},
		{"三.2 表单栏目（建设规模、进展情况、项目责任人、完成投资）在表单上空着的，填“" + Blank + "”：表示该栏目空白，由读取它的条件（" + strings.Join(formReaders, "、") + "）判定；单元格空着则为未说明。",
			"A 三.2 form field (construction scale, progress, responsible person, completed investment) LEFT BLANK ON THE FORM: write " + Blank + ": the field is stated blank, and the criteria reading it (" + strings.Join(formReaders, ", ") + ") judge it; an empty cell does not state it."},
		{"是/否栏目填“是”或“否”。否＝已说明且不满足；空着＝未说明。",
			"Yes/no columns take 是 or 否. 否 states the fact is false; an empty cell does not state it."},
		{"代码栏目从下拉列表选中文名称，也可填代码；可选值见“" + SheetCodes + "”。多选栏目以“、”分隔。",
			"Code columns: choose the Chinese name from the drop-down, or write the code; the values are on '" + SheetCodes + "'. List columns take several, separated by 、."},
		{"金额以元填写并精确到分，或在相邻的万元栏填写（精确换算），两栏填其一。请勿使用公式。",
			"Amounts in yuan exact to the fen, or in the adjacent 万元 column (converted exactly); fill one of the two. No formulas."},
		{"日期填 2020-07-20 或日期格式的单元格。", "Dates: 2020-07-20, or a cell formatted as a date."},
		{"事故及违法违规情况：近三年无的填“无”；有的填“有”，并在“" + SheetIncidents + "”按项目编号逐条填写；空着为未说明。",
			"Incidents: 无 for none, 有 with one row per incident on '" + SheetIncidents + "', keyed by the project ID; an empty cell does not state them."},
		{"评审栏目（评审·条件编号·…）由确认部门填写评审意见：是否符合、评审人、评审日期、评审理由。",
			"Finding columns (评审·ID·…) take a reviewer's finding: met, by, on, note."},
		{"请勿合并单元格、隐藏工作表或使用公式；读取时将报错。",
			"Do not merge cells, hide sheets or use formulas: reading refuses them."},
	}
	for i, l := range lines {
		if err := f.SetCellStr(SheetInstructions, fmt.Sprintf("A%d", i+1), l[0]); err != nil {
			return err
		}
		if err := f.SetCellStr(SheetInstructions, fmt.Sprintf("B%d", i+1), l[1]); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(SheetInstructions, "A", "B", 70); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetInstructions, "A2", fmt.Sprintf("B%d", len(lines)), st.wrap); err != nil {
		return err
	}
	return f.SetRowStyle(SheetInstructions, 1, 1, st.header)
}

// exactAmounts replaces the amounts of obj by the text of the decimals with their
// places: JSON drops trailing zeros ("12500000.00" becomes "12500000"), and the
// workbook keeps them so that a record reads back with the same exponent.
func exactAmounts(p *eligibility.Project, cols []column, obj map[string]any) {
	for _, c := range cols {
		if c.kind != kAmount && c.kind != kFormAmount {
			continue
		}
		v := reflect.ValueOf(p).Elem()
		for _, part := range splitPath(c.path) {
			if v.Kind() == reflect.Pointer {
				if v.IsNil() {
					break
				}
				v = v.Elem()
			}
			v = fieldByJSON(v, part)
			if !v.IsValid() {
				break
			}
		}
		if !v.IsValid() || v.Kind() != reflect.Pointer || v.IsNil() {
			continue
		}
		var d decimal.Decimal
		switch x := v.Interface().(type) {
		case *decimal.Decimal:
			d = *x
		case *eligibility.FormAmount:
			amt, ok := x.Amount()
			if !ok {
				continue
			}
			d = amt
		default:
			continue
		}
		text := d.String()
		if d.Exponent() < 0 {
			text = d.StringFixed(-d.Exponent())
		}
		set(obj, c.path, text)
	}
}

func fieldByJSON(v reflect.Value, name string) reflect.Value {
	if v.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	t := v.Type()
	for i := range t.NumField() {
		if n, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); n == name {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}

// significant counts the significant digits of a plain decimal text: a double
// holds 15 exactly.
func significant(s string) int {
	digits := strings.TrimLeft(strings.NewReplacer("-", "", ".", "").Replace(s), "0")
	return len(strings.TrimRight(digits, "0"))
}
