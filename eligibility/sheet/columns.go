package sheet

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

// projectSchema is a copy of eligibility/schema/project.schema.json (go generate
// keeps it in step; a test checks it): the titles and descriptions of the columns.
//
//go:embed project.schema.json
var projectSchema []byte

// kind says how a column's cells map to JSON values.
type kind int

const (
	kText          kind = iota // a string; an empty cell is absent
	kFormText                  // a 三.2 form field: 留空 states it blank
	kCode                      // a code, written by its Chinese name
	kCodeList                  // codes separated by 、
	kStrList                   // strings, one a line
	kBool                      // 是/否
	kAmount                    // yuan, exact
	kAmountWan                 // the same amount in 万元
	kFormAmount                // yuan or 留空
	kFormAmountWan             // the same in 万元
	kDate                      // a civil date
	kInt                       // a whole number
	kIncidents                 // 有/无: whether incidents are stated
	kDecimal                   // an exact number that is no amount (a score)
)

// Blank is what a cell holds for a form field (or list) left blank on the form.
const Blank = "留空"

// code is one allowed code and its names.
type code struct {
	code   string
	zh, en string
}

// column is one column of the 项目表单 sheet.
type column struct {
	path   string // JSON path, "investment.total"; for 万元 columns the same path
	kind   kind
	zh, en string // header
	desc   string // the schema's description, for the comment
	codes  []code
	width  float64
}

// layout is the template generated from the record type, its schema and the rule
// set: the columns of the 项目表单 and 事故 sheets.
type layout struct {
	cols      []column
	incidents []column // paths relative to an incident
	byPath    map[string]int
	findings  []string
}

var (
	typeDecimal    = reflect.TypeFor[*decimal.Decimal]()
	typeFormAmount = reflect.TypeFor[*eligibility.FormAmount]()
	typeDate       = reflect.TypeFor[eligibility.Date]()
	typeIncidents  = reflect.TypeFor[[]eligibility.Incident]()
	typeFindings   = reflect.TypeFor[map[string]eligibility.Finding]()
)

// codesOf lists the values of the category types that are codes.
func codesOf(t reflect.Type) ([]code, bool) {
	switch t {
	case reflect.TypeFor[category.Category]():
		return names(category.Categories()), true
	case reflect.TypeFor[category.Subtype]():
		return names(category.Subtypes()), true
	case reflect.TypeFor[category.Stage]():
		return names(category.Stages()), true
	case reflect.TypeFor[category.ReportingUnit]():
		return names(category.ReportingUnits()), true
	case reflect.TypeFor[category.LegalForm]():
		return names(category.LegalForms()), true
	case reflect.TypeFor[category.EnterpriseKind]():
		return names(category.EnterpriseKinds()), true
	case reflect.TypeFor[category.Carrier]():
		return names(category.Carriers()), true
	case reflect.TypeFor[category.IdentifierNodeKind]():
		return names(category.IdentifierNodeKinds()), true
	case reflect.TypeFor[category.IncidentKind]():
		return names(category.IncidentKinds()), true
	case reflect.TypeFor[category.BigDataContent]():
		return names(category.BigDataContents()), true
	case reflect.TypeFor[category.FiveGTechnology]():
		return names(category.FiveGTechnologies()), true
	case reflect.TypeFor[category.IntranetTechnology]():
		return names(category.IntranetTechnologies()), true
	}
	return nil, false
}

type named interface {
	~string
	Chinese() string
	English() string
}

func names[T named](vs []T) []code {
	out := make([]code, len(vs))
	for i, v := range vs {
		out[i] = code{string(v), v.Chinese(), v.English()}
	}
	return out
}

// schemaNode is the part of a JSON schema node the template reads.
type schemaNode struct {
	Ref         string                 `json:"$ref"`
	Title       string                 `json:"title"`
	Description string                 `json:"description"`
	Properties  map[string]*schemaNode `json:"properties"`
	Items       *schemaNode            `json:"items"`
}

type schemaDoc struct {
	schemaNode
	Defs map[string]*schemaNode `json:"$defs"`
}

func (d *schemaDoc) resolve(n *schemaNode) *schemaNode {
	for n != nil && n.Ref != "" && len(n.Properties) == 0 {
		r := d.Defs[strings.TrimPrefix(n.Ref, "#/$defs/")]
		if r == nil {
			break
		}
		n = r
	}
	return n
}

// describe returns the title and description the schema gives a JSON path.
func (d *schemaDoc) describe(path string) (title, desc string) {
	n := &d.schemaNode
	for _, part := range strings.Split(path, ".") {
		n = d.resolve(n)
		if n.Items != nil && n.Properties == nil {
			n = d.resolve(n.Items)
		}
		next := n.Properties[part]
		if next == nil {
			return "", ""
		}
		n = next
	}
	return n.Title, strings.ReplaceAll(n.Description, "`", "")
}

// newLayout derives the columns from the Project type, the schema and the rule set.
func newLayout(e *eligibility.Engine, pl *remedy.Planner) (*layout, error) {
	var doc schemaDoc
	if err := json.Unmarshal(projectSchema, &doc); err != nil {
		return nil, fmt.Errorf("sheet: the embedded record schema: %w", err)
	}
	labels := map[string]criteria.Text{}
	for _, f := range eligibility.Facts() {
		if _, ok := labels[f.JSON[0]]; !ok && len(f.JSON) == 1 {
			labels[f.JSON[0]] = f.Label
		}
	}
	// Codes a rule set lists for a plain string field (platform.level).
	formCodes := map[string][]code{}
	for _, c := range category.Categories() {
		f, err := pl.Form(c, "", "", e.RuleSet().Effective)
		if err != nil {
			return nil, fmt.Errorf("sheet: the form of %s: %w", c, err)
		}
		for _, fl := range f.Fields {
			for _, cd := range fl.Codes {
				if !hasCode(formCodes[fl.Path], cd.Code) {
					formCodes[fl.Path] = append(formCodes[fl.Path], code{cd.Code, cd.Name.Zh, cd.Name.En})
				}
			}
		}
	}
	l := &layout{byPath: map[string]int{}}
	var walk func(t reflect.Type, prefix, zhPrefix string, into *[]column) error
	walk = func(t reflect.Type, prefix, zhPrefix string, into *[]column) error {
		for i := range t.NumField() {
			sf := t.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			path := prefix + name
			title, desc := doc.describe(path)
			if into == &l.incidents {
				title, desc = doc.describe("incidents." + name)
			}
			zh := title
			if lb, ok := labels[path]; ok && lb.Zh != "" {
				zh = lb.Zh
			} else {
				if zh == "" {
					zh = name
				}
				if zhPrefix != "" && !strings.HasPrefix(zh, zhPrefix) {
					zh = zhPrefix + "·" + zh
				}
			}
			en := path
			ft := sf.Type
			add := func(k kind, zh, en string, codes []code, w float64) {
				*into = append(*into, column{path: path, kind: k, zh: zh, en: en, desc: desc, codes: codes, width: w})
			}
			switch {
			case ft == typeDecimal && strings.HasPrefix(path, "investment."): // Investment holds yuan
				add(kAmount, zh+"（元）", en+" (yuan)", nil, 16)
				add(kAmountWan, zh+"（万元）", en+" (10,000 yuan)", nil, 14)
			case ft == typeDecimal:
				add(kDecimal, zh, en, nil, 10)
			case ft == typeFormAmount:
				add(kFormAmount, zh+"（元）", en+" (yuan)", nil, 16)
				add(kFormAmountWan, zh+"（万元）", en+" (10,000 yuan)", nil, 14)
			case ft == typeDate:
				add(kDate, zh, en, nil, 12)
			case ft == typeIncidents:
				add(kIncidents, zh, en, []code{{"有", "有", "yes"}, {"无", "无", "none"}}, 10)
				if err := walk(ft.Elem(), "", "", &l.incidents); err != nil {
					return err
				}
			case ft == typeFindings:
				// One group of columns per finding criterion, below.
			case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Bool:
				add(kBool, zh, en, []code{{"true", "是", "yes"}, {"false", "否", "no"}}, 8)
			case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.String:
				add(kFormText, zh, en, nil, 30)
			case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
				if err := walk(ft.Elem(), path+".", zh, into); err != nil {
					return err
				}
			case ft.Kind() == reflect.Struct:
				if err := walk(ft, path+".", zh, into); err != nil {
					return err
				}
			case ft.Kind() == reflect.Slice:
				if cs, ok := codesOf(ft.Elem()); ok {
					add(kCodeList, zh, en, cs, 24)
				} else {
					add(kStrList, zh, en, nil, 30)
				}
			case ft.Kind() == reflect.Int:
				add(kInt, zh, en, nil, 8)
			case ft.Kind() == reflect.String:
				if cs, ok := codesOf(ft); ok {
					add(kCode, zh, en, cs, 16)
				} else if cs := formCodes[path]; len(cs) > 0 {
					add(kCode, zh, en, cs, 16)
				} else {
					add(kText, zh, en, nil, 24)
				}
			default:
				return fmt.Errorf("sheet: field %s of type %s has no column kind", path, ft)
			}
		}
		return nil
	}
	if err := walk(reflect.TypeFor[eligibility.Project](), "", "", &l.cols); err != nil {
		return nil, err
	}
	// The finding criteria of the rule set, in rule order.
	seen := map[string]bool{}
	for _, c := range e.RuleSet().Criteria {
		r, _ := e.Reads(c.ID)
		for _, id := range r.Findings {
			if !seen[id] {
				seen[id] = true
				l.findings = append(l.findings, id)
			}
		}
	}
	for _, id := range l.findings {
		p := "findings." + id
		for _, f := range []struct {
			sub, zh, en string
			k           kind
			w           float64
		}{
			{"met", "是否符合", "met", kBool, 8},
			{"by", "评审人", "by", kText, 14},
			{"on", "评审日期", "on", kDate, 12},
			{"note", "评审意见", "note", kText, 20},
		} {
			desc := findingDesc(&doc, f.sub)
			col := column{path: p + "." + f.sub, kind: f.k, zh: "评审·" + id + "·" + f.zh, en: p + "." + f.en, desc: desc, width: f.w}
			if f.k == kBool {
				col.codes = []code{{"true", "是", "yes"}, {"false", "否", "no"}}
			}
			l.cols = append(l.cols, col)
		}
	}
	for i, c := range l.cols {
		if c.kind == kAmountWan || c.kind == kFormAmountWan {
			continue
		}
		if _, dup := l.byPath[c.path]; dup {
			return nil, fmt.Errorf("sheet: two columns for %s", c.path)
		}
		l.byPath[c.path] = i
	}
	return l, nil
}

// findingDesc is the schema's description of a field of a Finding.
func findingDesc(d *schemaDoc, field string) string {
	n := d.Defs["Finding"]
	if n == nil || n.Properties[field] == nil {
		return ""
	}
	return strings.ReplaceAll(n.Properties[field].Description, "`", "")
}

func hasCode(cs []code, c string) bool {
	for _, x := range cs {
		if x.code == c {
			return true
		}
	}
	return false
}

// name is the Chinese name of a code, or the code itself when unknown.
func (c *column) name(v string) string {
	for _, x := range c.codes {
		if x.code == v {
			return x.zh
		}
	}
	return v
}

// parse returns the code a cell names (by code, Chinese or English name), and
// false when it names none: the text then goes to the engine, which reports it.
func (c *column) parse(s string) (string, bool) {
	for _, x := range c.codes {
		if s == x.code || s == x.zh || strings.EqualFold(s, x.en) {
			return x.code, true
		}
	}
	return s, false
}
