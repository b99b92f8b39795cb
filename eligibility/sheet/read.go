package sheet

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// Row is one project read from a workbook, with where it came from.
type Row struct {
	// Row is its row on the 项目表单 sheet (1-based, as Excel numbers rows).
	Row     int
	Project *eligibility.Project
}

// rowSource records where each JSON path of a record came from.
type rowSource struct {
	sheet  string
	row    int
	cells  map[string]string // JSON path → cell
	vals   map[string]string // JSON path → text
	inc    []int             // rows of its incidents on the incidents sheet
	incSrc []map[string]string
	incVal []map[string]string
}

// Read reads a filled workbook: one project per non-empty row of 项目表单, with
// its incidents from the incidents sheet. Every bad cell of the workbook is
// reported at once in an *Error; limits exceeded give an error matching
// ErrTooLarge.
func (w *Workbook) Read(ctx context.Context, r io.Reader) ([]Row, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxWorkbookBytes+1))
	if err != nil {
		return nil, fmt.Errorf("sheet: reading the workbook: %w", err)
	}
	if len(data) > MaxWorkbookBytes {
		return nil, fmt.Errorf("%w: 工作簿超过 %d 字节 / the workbook is over %d bytes", ErrTooLarge, MaxWorkbookBytes, MaxWorkbookBytes)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxUnzippedBytes, UnzipXMLSizeLimit: MaxUnzippedBytes,
	})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") { // excelize has no sentinel for it
			return nil, fmt.Errorf("%w: 解压后超过 %d 字节 / unzipped over %d bytes: %w", ErrTooLarge, MaxUnzippedBytes, MaxUnzippedBytes, err)
		}
		return nil, fmt.Errorf("%w: 不是有效的 xlsx 工作簿 / not a valid xlsx workbook: %w", ErrInvalidWorkbook, err)
	}
	defer f.Close()
	bad := &Error{}
	sheets := f.GetSheetList()
	has := map[string]bool{}
	for _, s := range sheets {
		has[s] = true
		if vis, err := f.GetSheetVisible(s); err == nil && !vis {
			bad.add(&Problem{Sheet: s, Zh: "是隐藏的工作表：请取消隐藏或删除", En: "is a hidden sheet: unhide or delete it"})
		}
	}
	if !has[SheetProjects] {
		bad.add(&Problem{Sheet: SheetProjects, Zh: "缺少该工作表", En: "the sheet is missing"})
		return nil, bad
	}
	incCols := append([]column{{path: "id", kind: kText, zh: "项目编号", en: "project id"}}, w.l.incidents...)
	projRows, err := w.readSheet(f, SheetProjects, w.l.cols, bad)
	if err != nil {
		return nil, err
	}
	var incRows []sheetRow
	if has[SheetIncidents] {
		if incRows, err = w.readSheet(f, SheetIncidents, incCols, bad); err != nil {
			return nil, err
		}
	}
	// Key the incidents by project ID.
	byID := map[string][]int{}
	for i, r := range projRows {
		if id, ok := r.obj["id"].(string); ok && id != "" {
			byID[id] = append(byID[id], i)
		}
	}
	for _, ir := range incRows {
		id, _ := ir.obj["id"].(string)
		delete(ir.obj, "id")
		idCell := ir.src.cells["id"]
		if idCell == "" {
			idCell = "A" + strconv.Itoa(ir.src.row)
		}
		idx := byID[id]
		switch {
		case id == "":
			bad.add(&Problem{Sheet: SheetIncidents, Cell: idCell, Zh: "缺少项目编号", En: "no project ID"})
			continue
		case len(idx) == 0:
			bad.add(&Problem{Sheet: SheetIncidents, Cell: idCell, Value: id, Zh: "不是“" + SheetProjects + "”中的项目编号", En: "is not the ID of a project in " + SheetProjects})
			continue
		case len(idx) > 1:
			bad.add(&Problem{Sheet: SheetIncidents, Cell: idCell, Value: id, Zh: "该项目编号在“" + SheetProjects + "”中重复", En: "the ID is repeated in " + SheetProjects})
			continue
		}
		pr := &projRows[idx[0]]
		switch pr.incidents {
		case "none":
			c := pr.src.cells["incidents"]
			bad.add(&Problem{Sheet: SheetProjects, Cell: c, Value: pr.src.vals["incidents"], Path: "incidents",
				Zh: fmt.Sprintf("填“无”，但“%s”第 %d 行列有事故", SheetIncidents, ir.src.row), En: fmt.Sprintf("says none, but %s row %d lists one", SheetIncidents, ir.src.row)})
			continue
		}
		if ir.failed {
			pr.failed = true
		}
		list, _ := pr.obj["incidents"].([]any)
		pr.obj["incidents"] = append(list, ir.obj)
		pr.src.inc = append(pr.src.inc, ir.src.row)
		pr.src.incSrc = append(pr.src.incSrc, ir.src.cells)
		pr.src.incVal = append(pr.src.incVal, ir.src.vals)
	}
	// Decode the records on every core; report in row order.
	type decoded struct {
		p   *eligibility.Project
		err error
	}
	dec := make([]decoded, len(projRows))
	parallel(len(projRows), func(i int) {
		b, err := json.Marshal(projRows[i].obj)
		if err != nil {
			dec[i].err = err
			return
		}
		dec[i].p, dec[i].err = w.eng.DecodeProjectContext(ctx, b)
	})
	out := make([]Row, 0, len(projRows))
	for i := range projRows {
		pr := &projRows[i]
		if pr.incidents == "some" && pr.obj["incidents"] == nil {
			bad.add(&Problem{Sheet: SheetProjects, Cell: pr.src.cells["incidents"], Value: pr.src.vals["incidents"], Path: "incidents",
				Zh: "填“有”，但“" + SheetIncidents + "”中没有该项目的事故", En: "says some, but " + SheetIncidents + " lists none for the project"})
			continue
		}
		p, err := dec[i].p, dec[i].err
		if err != nil {
			var ve *eligibility.ValidationError
			if !errors.As(err, &ve) {
				return nil, fmt.Errorf("sheet: %s row %d: %w", SheetProjects, pr.src.row, err)
			}
			for _, fe := range ve.Problems {
				if !pr.reported(fe.Path) {
					bad.add(w.locate(&pr.src, fe))
				}
			}
			if ve.Omitted > 0 {
				bad.add(&Problem{Sheet: SheetProjects, Cell: "A" + strconv.Itoa(pr.src.row),
					Zh: fmt.Sprintf("另有 %d 处问题", ve.Omitted), En: fmt.Sprintf("%d more problems", ve.Omitted)})
			}
			continue
		}
		if !pr.failed {
			out = append(out, Row{Row: pr.src.row, Project: p})
		}
	}
	if len(bad.Problems) > 0 {
		return nil, bad
	}
	return out, nil
}

// sheetRow is one data row as a JSON object.
type sheetRow struct {
	obj       map[string]any
	src       rowSource
	incidents string // "", "none" or "some"
	failed    bool   // a cell could not be put into JSON
	badPaths  map[string]bool
}

func (w *Workbook) readSheet(f *excelize.File, sheet string, cols []column, bad *Error) ([]sheetRow, error) {
	// Stream the rows first, bounded, before anything parses the whole sheet:
	// excelize pads a parsed sheet to its last row and column.
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrInvalidWorkbook, sheet, err)
	}
	var all [][]string
	for rows.Next() {
		if len(all) >= MaxRows+headerRows {
			rows.Close()
			return nil, fmt.Errorf("%w: “%s”超过 %d 行数据 / %s has over %d data rows", ErrTooLarge, sheet, MaxRows, sheet, MaxRows)
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("%w: %s row %d: %w", ErrInvalidWorkbook, sheet, len(all)+1, err)
		}
		if len(cells) > MaxColumns {
			rows.Close()
			return nil, fmt.Errorf("%w: “%s”第 %d 行超过 %d 列 / %s row %d has over %d columns", ErrTooLarge, sheet, len(all)+1, MaxColumns, sheet, len(all)+1, MaxColumns)
		}
		all = append(all, cells)
	}
	err = rows.Error()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrInvalidWorkbook, sheet, err)
	}
	if merged, err := f.GetMergeCells(sheet); err == nil {
		for _, m := range merged {
			bad.add(&Problem{Sheet: sheet, Cell: m.GetStartAxis() + ":" + m.GetEndAxis(), Zh: "是合并单元格：请取消合并", En: "is a merged cell: unmerge it"})
		}
	} else {
		return nil, fmt.Errorf("%w: %s: %w", ErrInvalidWorkbook, sheet, err)
	}
	var (
		out    []sheetRow
		header []*column
		wan    []bool
		places = map[int]int{} // style ID → amount places shown, -1 for none
	)
	for n0, cells := range all {
		n := n0 + 1
		if n == 1 {
			header, wan = w.header(sheet, cells, cols, bad)
			continue
		}
		if n <= headerRows || allEmpty(cells) {
			continue
		}
		sr := sheetRow{obj: map[string]any{}, src: rowSource{sheet: sheet, row: n, cells: map[string]string{}, vals: map[string]string{}}}
		for i, text := range cells {
			if i >= len(header) || header[i] == nil || text == "" {
				continue
			}
			name, _ := excelize.ColumnNumberToName(i + 1)
			cell := name + strconv.Itoa(n)
			c := header[i]
			if fm, _ := f.GetCellFormula(sheet, cell); fm != "" {
				bad.add(&Problem{Sheet: sheet, Cell: cell, Value: "=" + fm, Path: c.path, Zh: "是公式：请粘贴为数值", En: "is a formula: paste it as a value"})
				sr.fail(c.path)
				continue
			}
			typ, _ := f.GetCellType(sheet, cell)
			numeric := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset
			if prev, dup := sr.src.cells[c.path]; dup {
				_ = prev
				if strings.TrimSpace(text) != "" {
					if !sameAmount(sr.obj, c.path, text, wan[i]) {
						bad.add(&Problem{Sheet: sheet, Cell: cell, Value: text, Path: c.path, Zh: "与同一金额的元栏不一致：两栏填其一", En: "disagrees with the yuan column of the same amount: fill one of the two"})
						sr.fail(c.path)
					}
				}
				continue
			}
			v, keep, p := cellValue(c, text, numeric, typ == excelize.CellTypeBool)
			if s, ok := v.(string); ok && p == nil && numeric && (c.kind == kAmount || c.kind == kFormAmount) {
				v = shownPlaces(f, sheet, cell, s, places)
			}
			if p != nil {
				p.Sheet, p.Cell, p.Value, p.Path = sheet, cell, text, c.path
				bad.add(p)
				sr.fail(c.path)
				continue
			}
			if !keep {
				continue
			}
			sr.src.cells[c.path] = cell
			sr.src.vals[c.path] = text
			if c.kind == kIncidents {
				sr.incidents = v.(string)
				if v == "none" {
					sr.obj["incidents"] = []any{}
				}
				continue
			}
			set(sr.obj, c.path, v)
		}
		out = append(out, sr)
	}
	return out, nil
}

// fail records a cell problem at path: the cell is left out of the record, and
// what the engine then says about the path is not said twice.
func (sr *sheetRow) fail(path string) {
	sr.failed = true
	if sr.badPaths == nil {
		sr.badPaths = map[string]bool{}
	}
	sr.badPaths[path] = true
}

func (sr *sheetRow) reported(path string) bool {
	for p := range sr.badPaths {
		if path == p || strings.HasPrefix(path, p+".") || strings.HasPrefix(p, path+".") {
			return true
		}
	}
	return false
}

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// header maps the first row's columns to the layout, by Chinese or English header
// or JSON path, so a workbook may drop, add in another order or reorder columns.
func (w *Workbook) header(sheet string, cells []string, cols []column, bad *Error) ([]*column, []bool) {
	out := make([]*column, len(cells))
	wan := make([]bool, len(cells))
	for i, h := range cells {
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		found := false
		for j := range cols {
			c := &cols[j]
			if h == c.zh || h == c.en {
				out[i], wan[i], found = c, c.kind == kAmountWan || c.kind == kFormAmountWan, true
				break
			}
		}
		if !found {
			name, _ := excelize.ColumnNumberToName(i + 1)
			bad.add(&Problem{Sheet: sheet, Cell: name + "1", Value: h, Zh: "不是本模板的栏目", En: "is not a column of this template"})
		}
	}
	return out, wan
}

func set(obj map[string]any, path string, v any) {
	parts := splitPath(path)
	m := obj
	for _, p := range parts[:len(parts)-1] {
		next, ok := m[p].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[p] = next
		}
		m = next
	}
	m[parts[len(parts)-1]] = v
}

// sameAmount reports whether a second column of an amount (元 and 万元 both
// filled) states the value already read.
func sameAmount(obj map[string]any, path, text string, wan bool) bool {
	v, _ := lookup(obj, path)
	s, _ := v.(string)
	a, err1 := decimal.NewFromString(s)
	b, err2 := decimal.NewFromString(strings.TrimSpace(text))
	if err1 != nil || err2 != nil {
		return false
	}
	if wan {
		b = b.Shift(4)
	}
	return a.Equal(b)
}

var (
	textDate = regexp.MustCompile(`^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$`)
	listSep  = regexp.MustCompile(`[、,，;；\n]`)
)

// cellValue turns a cell's text into the JSON value at the column's path. keep is
// false for a cell that states nothing. Text it cannot turn into the column's kind
// of value goes to the engine as a string, which reports it with the JSON path's
// own rules; a *Problem is for what only a workbook can get wrong.
func cellValue(c *column, text string, numeric, boolean bool) (v any, keep bool, p *Problem) {
	trimmed := strings.TrimSpace(text)
	if trimmed == "" && c.kind != kFormText && c.kind != kFormAmount {
		return nil, false, nil
	}
	switch c.kind {
	case kText:
		return text, true, nil
	case kFormText:
		if trimmed == Blank {
			return "", true, nil
		}
		return text, true, nil
	case kCode:
		code, _ := c.parse(trimmed)
		return code, true, nil
	case kCodeList, kStrList:
		if trimmed == Blank {
			return []any{}, true, nil
		}
		var parts []string
		if c.kind == kStrList {
			parts = strings.Split(text, "\n")
		} else {
			parts = listSep.Split(text, -1)
		}
		items := make([]any, 0, len(parts))
		for _, s := range parts {
			if c.kind == kCodeList {
				s = strings.TrimSpace(s)
				if s == "" {
					continue
				}
				s, _ = c.parse(s)
			}
			items = append(items, s)
		}
		return items, true, nil
	case kBool:
		if boolean {
			return trimmed == "1", true, nil
		}
		switch strings.ToLower(trimmed) {
		case "是", "true":
			return true, true, nil
		case "否", "false":
			return false, true, nil
		}
		return text, true, nil // the engine names it: want a boolean
	case kIncidents:
		switch trimmed {
		case "有", "是":
			return "some", true, nil
		case "无", "否":
			return "none", true, nil
		}
		return nil, false, &Problem{Zh: "应填“有”或“无”", En: "write 有 (some) or 无 (none)"}
	case kInt:
		if n, err := strconv.ParseInt(trimmed, 10, 32); err == nil {
			return json.Number(strconv.FormatInt(n, 10)), true, nil
		}
		if d, err := decimal.NewFromString(trimmed); err == nil && numeric && d.IsInteger() {
			return json.Number(d.String()), true, nil
		}
		return nil, false, &Problem{Zh: "不是整数", En: "is not a whole number"}
	case kDate:
		if numeric {
			if d, err := decimal.NewFromString(trimmed); err == nil && d.IsInteger() && d.IsPositive() && d.LessThan(decimal.NewFromInt(2958466)) {
				return dateOfSerial(int(d.IntPart())).String(), true, nil
			}
		}
		if m := textDate.FindStringSubmatch(trimmed); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			da, _ := strconv.Atoi(m[3])
			if d, err := criteria.MakeDate(y, timeMonth(mo), da); err == nil {
				return d.String(), true, nil
			}
		}
		return text, true, nil // the engine names the bad date
	case kDecimal:
		if numeric && significant(trimmed) > 15 && !strings.ContainsAny(trimmed, "eE") {
			return nil, false, &Problem{Zh: "是二进制浮点数，超出精确范围：请按文本填写", En: "is a binary floating-point number beyond its exact digits: write it as text"}
		}
		return trimmed, true, nil
	case kAmount, kFormAmount, kAmountWan, kFormAmountWan:
		form := c.kind == kFormAmount || c.kind == kFormAmountWan
		if form && trimmed == Blank {
			return "", true, nil
		}
		if form && trimmed == "" {
			return text, true, nil
		}
		wan := c.kind == kAmountWan || c.kind == kFormAmountWan
		if !numeric {
			if !wan {
				return text, true, nil
			}
			d, err := decimal.NewFromString(trimmed)
			if err != nil || strings.ContainsAny(trimmed, "eE") {
				return text, true, nil // the engine says why it is no amount
			}
			return d.Shift(4).String(), true, nil
		}
		d, err := decimal.NewFromString(trimmed)
		if err != nil {
			return text, true, nil
		}
		places := int32(2)
		if wan {
			places = 6
		}
		if !d.Equal(d.Round(places)) {
			return nil, false, &Problem{
				Zh: "是二进制浮点数，不精确到分：请按文本填写或舍入到分",
				En: "is a binary floating-point number not exact to the fen: write it as text or round it to the fen"}
		}
		if wan {
			return d.Shift(4).String(), true, nil
		}
		if strings.ContainsAny(trimmed, "eE") {
			return d.String(), true, nil
		}
		return trimmed, true, nil
	}
	return text, true, nil
}

// locate maps an engine problem, by its JSON path, back to its sheet and cell.
func (w *Workbook) locate(src *rowSource, fe *criteria.FieldError) *Problem {
	sheet, cells, vals, path := SheetProjects, src.cells, src.vals, fe.Path
	row := src.row
	if m := incidentPath.FindStringSubmatch(path); m != nil {
		i, _ := strconv.Atoi(m[1])
		if i < len(src.inc) {
			sheet, cells, vals, row = SheetIncidents, src.incSrc[i], src.incVal[i], src.inc[i]
			path = strings.TrimPrefix(m[2], ".")
			if path == "" {
				path = "id"
			}
		}
	}
	path = indexSuffix.ReplaceAllString(path, "")
	for p := path; p != ""; {
		if cell, ok := cells[p]; ok {
			return &Problem{Sheet: sheet, Cell: cell, Value: vals[p], Path: fe.Path, Zh: w.zhFor(p, fe, vals[p]), En: fe.Message}
		}
		// A path the record lacks (a finding without met) names its column.
		if i, ok := w.l.byPath[p]; ok && sheet == SheetProjects {
			name, _ := excelize.ColumnNumberToName(i + 1)
			return &Problem{Sheet: sheet, Cell: name + strconv.Itoa(row), Path: fe.Path, Zh: w.zhFor(p, fe, ""), En: fe.Message}
		}
		if _, ok := w.l.byPath[p+".met"]; ok {
			p += ".met"
			continue
		}
		j := strings.LastIndexByte(p, '.')
		if j < 0 {
			break
		}
		p = p[:j]
	}
	return &Problem{Sheet: sheet, Cell: "A" + strconv.Itoa(row), Path: fe.Path, Zh: "记录有误（" + fe.Path + "）" + zhDetail(fe), En: fe.Message}
}

var (
	incidentPath = regexp.MustCompile(`^incidents\[(\d+)\](.*)$`)
	indexSuffix  = regexp.MustCompile(`\[\d+\]`)
)

// zhFor says in Chinese what is wrong with a cell of the column at path, whose text
// (shown before the message) is value: the library's own Chinese message where it
// gave one, else a gist by the column's kind. A yes-or-no column keeps its gist: the
// library's "want true or false" speaks of JSON, which the cell is not; so does a
// code column unless the library names the code meant.
func (w *Workbook) zhFor(path string, fe *criteria.FieldError, value string) string {
	if strings.HasPrefix(fe.Message, "required") && fe.Zh == "" {
		return "必须填写"
	}
	k := kText
	if i, ok := w.l.byPath[path]; ok {
		k = w.l.cols[i].kind
	} else {
		for _, c := range w.l.incidents {
			if c.path == path {
				k = c.kind
			}
		}
	}
	if fe.Zh != "" && k != kBool && (k != kCode && k != kCodeList || strings.Contains(fe.Zh, "是否应为")) {
		// The problem shows the cell's text already; the message need not repeat it.
		return strings.TrimPrefix(fe.Zh, strconv.Quote(value)+" ")
	}
	switch k {
	case kAmount, kAmountWan, kFormAmount, kFormAmountWan:
		return "不是金额"
	case kCode, kCodeList:
		return "不是可选的代码"
	case kDecimal:
		return "不是数值"
	case kDate:
		return "不是有效日期"
	case kBool:
		return "应填“是”或“否”"
	}
	return "填写有误"
}

// zhDetail is the library's Chinese message after a colon, or "" when it gave none.
func zhDetail(fe *criteria.FieldError) string {
	if fe.Zh == "" {
		return ""
	}
	return "：" + fe.Zh
}

func timeMonth(m int) time.Month { return time.Month(m) }

// shownPlaces writes an amount read from a number cell with the decimal places its
// format shows, when that is one of the template's amount formats and the value is
// exact at them: the cell shows 12,500,000.00 and the record says "12500000.00".
func shownPlaces(f *excelize.File, sheet, cell, s string, cache map[int]int) string {
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		return s
	}
	n, ok := cache[id]
	if !ok {
		n = -1
		if st, err := f.GetStyle(id); err == nil {
			switch {
			case st.CustomNumFmt != nil:
				for i, fm := range amountFormats {
					if *st.CustomNumFmt == fm {
						n = i
					}
				}
			case st.NumFmt == 3 || st.NumFmt == 1: // the built-in #,##0 and 0
				n = 0
			case st.NumFmt == 4 || st.NumFmt == 2: // #,##0.00 and 0.00
				n = 2
			}
		}
		cache[id] = n
	}
	d, err := decimal.NewFromString(s)
	if n < 0 || err != nil || !d.Equal(d.Round(int32(n))) {
		return s
	}
	return d.StringFixed(int32(n))
}

// parallel calls do(i) for i in [0, n) on GOMAXPROCS goroutines.
func parallel(n int, do func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				do(i)
			}
		})
	}
	wg.Wait()
}
