package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility/remedy"
)

// The check page's form is generated from remedy.Form: one input per fact and finding
// the rule set's criteria read for the chosen category, named by the fact's JSON path
// in the record ("investment.total", "findings.BD-3a.met", "incidents[0].kind"), so
// that an error the engine reports at a path lands next to the input of that name.

// incidentRows is how many incident rows the form offers; a longer list is pasted or
// uploaded as JSON.
const incidentRows = 3

// field is one input of the check page, or a group of them (a finding, the incidents).
type field struct {
	Name  string // the input's name: the record's JSON path
	ID    string // the element id, derived from Name
	Label string // in the page's language
	Path  string // the JSON path shown to the reader
	// Kind is select, text, decimal, date, textarea, checks (a list of codes, one
	// checkbox a code) or group.
	Kind     string
	Options  []option
	Value    string
	Errors   []fieldMessage
	Note     string // who gives a finding, or how to fill a list
	Required bool
	Bool     bool    // a yes-or-no select: the record holds true or false
	Sub      []field // a group's inputs
	Rows     [][]field
	Boxes    []box // a checks list's boxes, in the order of the codes' table
	// None is a checks list's "none" box, ticked: the record states the list
	// empty, which is not the same as leaving it out.
	None bool
	// Blankable offers a 三.2 form field's "left blank on the form" box; Blank
	// says it is ticked: the record states the field as "".
	Blankable, Blank bool
	// The boxes' labels, in the page's language; the page's introduction says
	// what they do.
	NoneLabel, BlankLabel string
}

type option struct {
	Value, Label string
}

// box is one checkbox of a list of codes: the code, its name, whether it is ticked.
type box struct {
	Value, Label string
	Checked      bool
}

// A checks list's "none" box and a form field's "left blank" box are inputs of
// their own, named by a prefix that no JSON path has: a box's value cannot tell
// "not stated" from "stated as empty", both of which post nothing for the field.
const (
	nonePrefix  = "none:"
	blankPrefix = "blank:"
)

// codeLists are the record's lists of codes, by JSON path: each is offered as one
// checkbox a code of its table of valid values, labelled by the code's name. A
// list of free text (fiveG.scenarios) stays a textarea.
var codeLists = map[string]func(lang string) []box{
	"bigDataContent": func(lang string) []box {
		return checkBoxes(lang, category.BigDataContents(), nameOf[category.BigDataContent])
	},
	"fiveG.technologies": func(lang string) []box {
		return checkBoxes(lang, category.FiveGTechnologies(), nameOf[category.FiveGTechnology])
	},
	"intranet.technologies": func(lang string) []box {
		return checkBoxes(lang, category.IntranetTechnologies(), nameOf[category.IntranetTechnology])
	},
}

// formBlanks are the 三.2 form's fields (三.2: 写清项目建设规模、进展情况，核实项目完成投
// 资，落实项目责任人): a record states a field the form leaves blank as "", which the
// criteria of 三.2 judge, and leaves out a field it does not know. A blank input
// cannot say the first, so each has a box that does.
var formBlanks = []string{"form.constructionScale", "form.progress", "form.responsiblePerson", "investment.completed"}

func checkBoxes[T ~string](lang string, codes []T, name func(T) criteria.Text) []box {
	out := make([]box, 0, len(codes))
	for _, c := range codes {
		out = append(out, box{Value: string(c), Label: words(lang, name(c))})
	}
	return out
}

// fieldMessage is one problem at one input, in both languages: Chinese first.
type fieldMessage struct {
	Zh, En string
}

// fieldset is the form of one category: shown for the chosen one, hidden (and
// disabled, so that it is not submitted) for the others until a script shows it.
type fieldset struct {
	Category string
	Label    string
	Hidden   bool
	Fields   []field
}

// baseFields are the record's fields every category states; the category's own come
// from its Form.
var basePaths = []string{"id", "name", "stage", "reportingUnit", "applicant.name", "applicant.creditCode"}

func inputID(name string) string {
	r := strings.NewReplacer(".", "-", "[", "-", "]", "")
	return "f-" + r.Replace(name)
}

// words picks the page's language from a Text.
func words(lang string, t criteria.Text) string {
	if lang == "en" && t.En != "" {
		return t.En
	}
	return t.Zh
}

func tr(lang, zh, en string) string {
	if lang == "en" {
		return en
	}
	return zh
}

func boolOptions(lang string) []option {
	return []option{{"", tr(lang, "（未填写）", "(not stated)")}, {"true", tr(lang, "是", "yes")}, {"false", tr(lang, "否", "no")}}
}

func codeOptions[T ~string](lang string, codes []T, name func(T) criteria.Text) []option {
	out := []option{{"", tr(lang, "（未填写）", "(not stated)")}}
	for _, c := range codes {
		out = append(out, option{string(c), words(lang, name(c)) + " (" + string(c) + ")"})
	}
	return out
}

type named interface {
	~string
	Chinese() string
	English() string
}

func nameOf[T named](c T) criteria.Text { return criteria.Text{Zh: c.Chinese(), En: c.English()} }

// baseFieldsView builds the inputs every record has.
func baseFieldsView(lang string) []field {
	text := func(name, zh, en string) field {
		return field{Name: name, Label: tr(lang, zh, en), Kind: "text"}
	}
	return []field{
		text("id", "项目编号", "Project ID"),
		text("name", "项目名称", "Project name"),
		{Name: "stage", Label: tr(lang, "项目阶段", "Project stage"), Kind: "select", Options: codeOptions(lang, category.Stages(), nameOf[category.Stage])},
		{Name: "reportingUnit", Label: tr(lang, "报送单位", "Reporting unit"), Kind: "select",
			Options: codeOptions(lang, category.ReportingUnits(), nameOf[category.ReportingUnit])},
		text("applicant.name", "申报单位名称", "Applicant's name"),
		text("applicant.creditCode", "统一社会信用代码", "Unified social credit code"),
	}
}

// formFields turns a Form into inputs, leaving out the base fields; render writes a
// text's parameter placeholders with the values in force.
func formFields(lang string, f *remedy.Form, render func(criteria.Text) criteria.Text) []field {
	var out []field
	for _, fl := range f.Fields {
		if slices.Contains(basePaths, fl.Path) {
			continue
		}
		v := field{Name: fl.Path, Label: capitalize(words(lang, fl.Label)), Path: fl.Path}
		if fl.Type == "incidents" {
			v.Name = "incidents[]" // the group; its first input is named incidents
		}
		switch fl.Type {
		case "bool":
			v.Kind, v.Options, v.Bool = "select", boolOptions(lang), true
		case "code":
			v.Kind = "select"
			v.Options = []option{{"", tr(lang, "（未填写）", "(not stated)")}}
			if fl.Path == "subtype" {
				// the category's own subtypes, not every category's
				v.Options = codeOptions(lang, f.Category.Subtypes(), nameOf[category.Subtype])
				break
			}
			for _, c := range fl.Codes {
				v.Options = append(v.Options, option{c.Code, words(lang, c.Name) + " (" + c.Code + ")"})
			}
		case "string":
			if len(fl.Codes) > 0 {
				v.Kind = "select"
				v.Options = []option{{"", tr(lang, "（未填写）", "(not stated)")}}
				for _, c := range fl.Codes {
					v.Options = append(v.Options, option{c.Code, words(lang, c.Name) + " (" + c.Code + ")"})
				}
			} else {
				v.Kind = "text"
			}
		case "decimal":
			v.Kind = "decimal"
			v.Note = tr(lang, "单位：元", "in yuan")
		case "date":
			v.Kind = "date"
		case "list":
			if opts, ok := codeLists[fl.Path]; ok {
				v.Kind, v.Boxes = "checks", opts(lang)
				v.NoneLabel = tr(lang, "无（明确未列任何一项）", "None (explicitly none)")
				v.Note = tr(lang, "勾选所列各项；“无”表示明确未列任何一项；都不勾选即未说明。",
					"Tick each item stated; \"none\" says none is stated; nothing ticked is not stated.")
				break
			}
			v.Kind = "textarea"
			v.Note = tr(lang, "每行一项", "one item a line")
		case "finding":
			v.Kind = "group"
			v.Note = tr(lang, "评审意见由", "A finding given by ") + words(lang, criteria.Text{Zh: fl.Authority.Chinese(), En: fl.Authority.English()})
			if lang != "en" {
				v.Note += "作出"
			}
			v.Sub = []field{
				{Name: fl.Path + ".met", Label: tr(lang, "是否符合", "Met"), Kind: "select", Options: boolOptions(lang)},
				{Name: fl.Path + ".by", Label: tr(lang, "评审人", "By"), Kind: "text"},
				{Name: fl.Path + ".on", Label: tr(lang, "评审日期", "On"), Kind: "date"},
				{Name: fl.Path + ".note", Label: tr(lang, "理由", "Note"), Kind: "text"},
			}
			if len(fl.Uses) > 0 {
				v.Label = words(lang, render(fl.Uses[0].Summary)) + "（" + fl.Uses[0].ID + "）"
			}
		case "incidents":
			v.Kind = "group"
			v.Sub = []field{{Name: "incidents", Label: tr(lang, "是否有事故或违法违规", "Any incidents"), Kind: "select",
				Options: []option{{"", tr(lang, "（未填写）", "(not stated)")}, {"none", tr(lang, "无", "none")}, {"listed", tr(lang, "有，如下", "yes, as listed")}}}}
			for i := range incidentRows {
				p := fmt.Sprintf("incidents[%d]", i)
				row := []field{
					{Name: p + ".date", Label: tr(lang, "日期", "Date"), Kind: "date"},
					{Name: p + ".kind", Label: tr(lang, "类型", "Kind"), Kind: "select", Options: codeOptions(lang, category.IncidentKinds(), nameOf[category.IncidentKind])},
					{Name: p + ".major", Label: tr(lang, "是否重大", "Major"), Kind: "select", Options: boolOptions(lang)},
					{Name: p + ".description", Label: tr(lang, "情况", "Description"), Kind: "text"},
				}
				v.Rows = append(v.Rows, row)
			}
		default:
			v.Kind = "text"
		}
		if slices.Contains(formBlanks, fl.Path) && (v.Kind == "text" || v.Kind == "decimal") {
			v.Blankable = true
			v.BlankLabel = tr(lang, "表单中此栏留空", "Left blank on the form")
		}
		out = append(out, v)
	}
	return out
}

// fill sets each input's value from the submitted form and takes the errors at its
// name out of errs.
func fill(fields []field, vals map[string]string, errs map[string][]fieldMessage) {
	for i := range fields {
		f := &fields[i]
		f.ID = inputID(f.Name)
		f.Value = vals[f.Name]
		if f.Kind == "checks" {
			ticked := lines(vals[f.Name])
			for j := range f.Boxes {
				f.Boxes[j].Checked = slices.Contains(ticked, f.Boxes[j].Value)
			}
			f.None = vals[nonePrefix+f.Name] != ""
		}
		f.Blank = f.Blankable && vals[blankPrefix+f.Name] != ""
		f.Errors = append(f.Errors, errs[f.Name]...)
		delete(errs, f.Name)
		fill(f.Sub, vals, errs)
		for _, row := range f.Rows {
			fill(row, vals, errs)
		}
	}
}

// lines are the items of a list's value, one a line: a textarea's, or a checks
// list's boxes (readSubmission puts a name's values one a line).
func lines(v string) []string {
	var items []string
	for line := range strings.SplitSeq(v, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			items = append(items, line)
		}
	}
	return items
}

// buildRecord writes the record the filled inputs state: a blank input states
// nothing, so the record leaves the fact out and the criteria that read it are
// undetermined, as the letter's "absent is not false" requires. A list's "none" box
// states it empty and a form field's "left blank" box states it "". A box ticked
// beside items or a typed value contradicts them: the field is a problem at its
// path, left out of the record, which is still built for its other problems.
func buildRecord(cat string, fields []field, vals map[string]string) ([]byte, []fieldError, error) {
	var probs []fieldError
	rec := map[string]any{"category": cat}
	set := func(path string, v any) {
		parts := strings.Split(path, ".")
		m := rec
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
	var walk func(fs []field)
	walk = func(fs []field) {
		for _, f := range fs {
			switch {
			case strings.HasPrefix(f.Name, "findings."):
				finding := map[string]any{}
				for _, s := range f.Sub {
					v := strings.TrimSpace(vals[s.Name])
					if v == "" {
						continue
					}
					key := s.Name[strings.LastIndexByte(s.Name, '.')+1:]
					if key == "met" {
						finding[key] = v == "true"
					} else {
						finding[key] = v
					}
				}
				if len(finding) > 0 { // without met, the engine names findings.X.met as required
					rec["findings"].(map[string]any)[strings.TrimPrefix(f.Name, "findings.")] = finding
				}
			case f.Name == "incidents[]":
				switch vals["incidents"] {
				case "none":
					rec["incidents"] = []any{}
				case "listed":
					list := []any{}
					for _, row := range f.Rows {
						inc := map[string]any{}
						for _, s := range row {
							v := strings.TrimSpace(vals[s.Name])
							if v == "" {
								continue
							}
							key := s.Name[strings.LastIndexByte(s.Name, '.')+1:]
							if key == "major" {
								inc[key] = v == "true"
							} else {
								inc[key] = v
							}
						}
						if len(inc) > 0 {
							list = append(list, inc)
						}
					}
					rec["incidents"] = list
				}
			case f.Kind == "checks":
				items, none := lines(vals[f.Name]), vals[nonePrefix+f.Name] != ""
				switch {
				case none && len(items) > 0:
					probs = append(probs, fieldError{Path: f.Name, Message: `both "none" and items are ticked: tick one or the other`})
				case none:
					set(f.Name, []string{})
				case len(items) > 0:
					set(f.Name, items)
				}
			default:
				v := strings.TrimSpace(vals[f.Name])
				if f.Blankable && vals[blankPrefix+f.Name] != "" {
					if v != "" {
						probs = append(probs, fieldError{Path: f.Name, Message: `both "left blank on the form" and a value are given: give one or the other`})
					} else {
						set(f.Name, "")
					}
					continue
				}
				if v == "" {
					continue
				}
				switch {
				case f.Kind == "textarea":
					set(f.Name, lines(v))
				case f.Bool:
					set(f.Name, v == "true")
				case f.Kind == "decimal":
					// A decimal is a string in the record; anything else is passed on
					// as typed, for the engine to name at its path.
					set(f.Name, strings.ReplaceAll(v, ",", ""))
				default:
					set(f.Name, v)
				}
			}
		}
	}
	if _, ok := rec["findings"]; !ok {
		rec["findings"] = map[string]any{}
	}
	walk(fields)
	if len(rec["findings"].(map[string]any)) == 0 {
		delete(rec, "findings")
	}
	out, err := json.MarshalIndent(rec, "", "  ")
	return out, probs, err
}

var indexSuffix = regexp.MustCompile(`\[[0-9]+\]$`)

// errorsByInput files each problem under the input it is about: its own path, or for
// an item of a list the list's input ("bigDataContent[1]" → bigDataContent), or the
// nearest enclosing input. What matches no input is returned as is.
func errorsByInput(probs []fieldError, names map[string]bool, labels map[string]string) (map[string][]fieldMessage, []fieldError) {
	out := map[string][]fieldMessage{}
	var rest []fieldError
	for _, p := range probs {
		name := p.Path
		for name != "" && !names[name] {
			switch {
			case indexSuffix.MatchString(name):
				name = indexSuffix.ReplaceAllString(name, "")
			case strings.Contains(name, "."):
				name = name[:strings.LastIndexByte(name, '.')]
			default:
				name = ""
			}
		}
		if name == "" {
			rest = append(rest, p)
			continue
		}
		out[name] = append(out[name], problemWords(p, labels[name]))
	}
	return out, rest
}

// problemWords says a problem in both languages. The Chinese names the field by its
// term and path, then says what is wrong: in the library's Chinese message where it
// gave one, else (a problem of the form itself) by a hint found in the English.
func problemWords(p fieldError, label string) fieldMessage {
	zh := "此项填写有误"
	if label != "" {
		zh = "「" + label + "」填写有误"
	}
	if p.Path != "" {
		zh += "（" + p.Path + "）"
	}
	if p.MessageZh != "" {
		return fieldMessage{Zh: zh + "：" + p.MessageZh, En: p.Message}
	}
	for _, h := range problemHints {
		if strings.Contains(p.Message, h.en) {
			zh += "：" + h.zh
			break
		}
	}
	return fieldMessage{Zh: zh, En: p.Message}
}

// problemHints say in Chinese the problems that come without a Chinese message (the
// form's own, and any an older library raises), found by a phrase of the English;
// the English, shown beside, says the rest. A message none matches is named by its
// field alone.
var problemHints = []struct{ en, zh string }{
	{`both "none" and items`, "勾选了“无”，又勾选了其中的项目：请只选其一"},
	{`both "left blank on the form"`, "勾选了“表单中此栏留空”，又填写了内容：请只选其一"},
	{"required: the evaluation date", "必须填写评估日期，格式为 YYYY-MM-DD"},
	{"required: true if the reviewer found", "填写了评审意见的其他内容，须同时选择“是否符合”"},
	{"is not a decimal amount", "须为金额数字，如 5000000.00（不含逗号、单位或空格）"},
	{"has more than", "小数位数过多"},
	{"must not be negative", "不能为负数"},
	{"check character", "统一社会信用代码校验位不符，请核对"},
	{"unknown code", "不是可选的代码之一"},
	{"date", "须为有效日期，格式为 YYYY-MM-DD"},
	{"required", "必须填写"},
}

func labelsOf(fields []field, out map[string]string, names map[string]bool) {
	for _, f := range fields {
		out[f.Name] = f.Label
		names[f.Name] = true
		labelsOf(f.Sub, out, names)
		for _, row := range f.Rows {
			labelsOf(row, out, names)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// capitalize starts an English label with a capital, as a form's labels do.
func capitalize(s string) string {
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
