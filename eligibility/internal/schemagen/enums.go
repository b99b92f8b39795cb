package schemagen

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// enum is a code type of the record or the verdict, published as a $defs entry with an
// enum of every valid code.
type enum struct {
	typ   reflect.Type
	title string // the type's name in Chinese
	codes []code
}

// code is one valid code with its display names.
type code struct{ code, zh, en string }

// named is what every enum type of the category package offers for display.
type named interface {
	~string
	Chinese() string
	English() string
}

// categoryCodes lists every valid code of a category type, including those valid but
// left out of the type's list function (ReportingUnit "other", Carrier "none"): a
// record may state them. The category package exposes that full list only in the
// *ParseError of its ParseType functions, whose Valid field is documented as "every
// valid code of Type, in the type's documented order"; parsing "" always fails.
func categoryCodes[T named](parse func(string) (T, error)) ([]code, error) {
	_, err := parse("")
	pe, ok := errors.AsType[*category.ParseError](err)
	if !ok {
		return nil, fmt.Errorf("listing the codes of %v: parsing \"\" gave %v, not a *category.ParseError", reflect.TypeFor[T](), err)
	}
	codes := make([]code, len(pe.Valid))
	for i, c := range pe.Valid {
		v := T(c)
		codes[i] = code{code: c, zh: v.Chinese(), en: v.English()}
	}
	return codes, nil
}

func categoryEnum[T named](title string, parse func(string) (T, error)) (enum, error) {
	codes, err := categoryCodes(parse)
	return enum{typ: reflect.TypeFor[T](), title: title, codes: codes}, err
}

// enums returns the code types the schemas publish. The category types list their
// codes themselves; the codes of the eligibility and criteria types are their
// exported constants, named here in Chinese as examples/evaluate shows them.
func enums() ([]enum, error) {
	var errs []error
	cat := func(e enum, err error) enum {
		errs = append(errs, err)
		return e
	}
	list := []enum{
		cat(categoryEnum("项目类别", category.ParseCategory)),
		cat(categoryEnum("项目子类", category.ParseSubtype)),
		cat(categoryEnum("项目阶段", category.ParseStage)),
		cat(categoryEnum("申报单位（市州）", category.ParseReportingUnit)),
		cat(categoryEnum("法人类型", category.ParseLegalForm)),
		cat(categoryEnum("企业类型", category.ParseEnterpriseKind)),
		cat(categoryEnum("运营商", category.ParseCarrier)),
		cat(categoryEnum("事故及违法违规类型", category.ParseIncidentKind)),
		cat(categoryEnum("大数据建设内容", category.ParseBigDataContent)),
		cat(categoryEnum("5G技术", category.ParseFiveGTechnology)),
		cat(categoryEnum("内网组网技术", category.ParseIntranetTechnology)),
		cat(categoryEnum("标识解析节点类型", category.ParseIdentifierNodeKind)),
		cat(categoryEnum("入库确认单位", category.ParseAuthority)),
		cat(categoryEnum("上报渠道", category.ParseChannel)),
		{typ: reflect.TypeFor[eligibility.Decision](), title: "入库结论", codes: []code{
			{string(eligibility.Eligible), "符合入库标准", "Eligible"},
			{string(eligibility.Ineligible), "不符合入库标准", "Ineligible"},
			{string(eligibility.Undetermined), "无法判定", "Undetermined"},
		}},
		{typ: reflect.TypeFor[eligibility.Outcome](), title: "评估结果", codes: []code{
			{string(eligibility.Pass), "符合", "Pass"},
			{string(eligibility.Fail), "不符合", "Fail"},
			{string(eligibility.OutcomeUndetermined), "无法判定", "Undetermined"},
			{string(eligibility.NotApplicable), "不适用", "Not applicable"},
		}},
		{typ: reflect.TypeFor[criteria.Strength](), title: "条件性质", codes: []code{
			{string(criteria.Mandatory), "必备条件", "Mandatory"},
			{string(criteria.Encouraged), "鼓励条件", "Encouraged"},
		}},
		{typ: reflect.TypeFor[criteria.Basis](), title: "判定依据", codes: []code{
			{string(criteria.Data), "依据项目数据", "Decided from the record's data"},
			{string(criteria.Finding), "依据评审意见", "Decided by a reviewer's finding"},
		}},
		{typ: reflect.TypeFor[criteria.ParameterType](), title: "参数类型", codes: []code{
			{string(criteria.DecimalParameter), "精确小数（字符串）", "Exact decimal, as a string"},
			{string(criteria.IntParameter), "整数", "Whole number"},
			{string(criteria.StringParameter), "字符串", "String"},
			{string(criteria.ListParameter), "代码列表", "List of codes"},
		}},
	}
	list = append(list, remedyEnums()...)
	return list, errors.Join(errs...)
}

// schema returns the $defs entry of the enum: its type doc, then each code with its
// Chinese and English names.
func (e enum) schema(docs *docIndex) *jsonschema.Schema {
	var b strings.Builder
	b.WriteString(docs.lookup(e.typ, ""))
	b.WriteString("\n\nCodes:")
	values := make([]any, len(e.codes))
	for i, c := range e.codes {
		values[i] = c.code
		fmt.Fprintf(&b, "\n- %s: %s (%s)", c.code, c.zh, c.en)
	}
	return &jsonschema.Schema{
		Type:        "string",
		Title:       e.title,
		Description: strings.TrimSpace(b.String()),
		Enum:        values,
	}
}
