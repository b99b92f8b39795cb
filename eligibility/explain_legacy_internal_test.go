package eligibility

import (
	"cmp"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/criteria"
)

// The explanation as it was built before it was written straight into a verdict's
// JSON: the oracle of TestExplanationMatchesLegacy.

// Explanation says in a sentence, in Chinese and English, what the criterion
// requires, the values it read and the outcome, e.g.
//
//	一(一)4 要求：项目总投资额度不小于500万元（含本数）。总投资 4,999,999.99 元；总投资下限 5,000,000 元。结论：不符合。
//
// It is built from the result's own fields when asked for (and when the verdict is
// marshalled), so evaluation does not pay for strings nobody reads.
func legacyExplanation(r *Result) criteria.Text {
	var zh, en strings.Builder
	zh.WriteString(r.Ref + " 要求：" + r.Requirement.Zh + "。")
	en.WriteString(r.Ref + " requires: " + r.Requirement.En + ".")
	for i, in := range r.Inputs {
		if i == 0 {
			zh.WriteString("依据：")
			en.WriteString(" Read: ")
		} else {
			zh.WriteString("；")
			en.WriteString("; ")
		}
		legacyWriteInput(&zh, &en, &in)
	}
	if len(r.Inputs) > 0 {
		zh.WriteString("。")
		en.WriteString(".")
	}
	word := r.Outcome.Words()
	if r.Outcome == Fail && r.Strength == criteria.Encouraged {
		word = criteria.Text{Zh: "未达到鼓励条件（建议，不影响结论）", En: "not met (advisory; does not affect the decision)"}
	}
	zh.WriteString("结论：" + word.Zh + "。")
	en.WriteString(" Outcome: " + word.En + ".")
	for _, a := range r.Adjustments {
		zh.WriteString("注：" + a.Zh + "。")
		en.WriteString(" Note: " + a.En + ".")
	}
	return criteria.Text{Zh: zh.String(), En: en.String()}
}

func legacyWriteInput(zh, en *strings.Builder, in *Input) {
	zh.WriteString(in.Label.Zh)
	en.WriteString(in.Label.En)
	if in.Missing {
		zh.WriteString(" 未填报")
		en.WriteString(" not stated")
		return
	}
	value, unitZh, unitEn := in.Value, "", ""
	switch {
	case strings.HasPrefix(in.Name, "findings."):
		value = map[string]string{"true": "认定符合", "false": "认定不符合"}[in.Value]
		enValue := map[string]string{"true": "met", "false": "not met"}[in.Value]
		zh.WriteString(" " + value)
		en.WriteString(" " + enValue)
		if in.By != "" || !in.On.IsZero() {
			zh.WriteString("（" + strings.TrimSpace(in.By+" "+in.On.String()) + "）")
			en.WriteString(" (" + strings.TrimSpace(in.By+" "+in.On.String()) + ")")
		}
		return
	case in.Unit == "yuan":
		value, unitZh, unitEn = criteria.GroupDigits(in.Value), " 元", " yuan"
	case in.Unit == "years":
		unitZh, unitEn = " 年", " years"
	case in.Unit == "ratio":
		if d, err := decimal.NewFromString(in.Value); err == nil {
			pct := criteria.FormatRatio(d)
			zh.WriteString(" " + in.Value + "（即 " + pct.Zh + "）")
			en.WriteString(" " + in.Value + " (" + pct.En + ")")
			return
		}
	case in.Name == "incidents":
		// The incidents are listed by their own inputs' facts; this one counts them.
		n := cmp.Or(in.Value, "0")
		zh.WriteString(" " + n + " 项")
		en.WriteString(" " + n + " recorded")
		return
	case in.Items != nil || in.Codes != "" || listFacts[in.Name] != nil: // an empty list has no Items
		names := legacyItemNames(in)
		zh.WriteString(" " + names.Zh)
		en.WriteString(" " + names.En)
		return
	case in.Value == "true":
		zh.WriteString(" 是")
		en.WriteString(" yes")
		return
	case in.Value == "false":
		zh.WriteString(" 否")
		en.WriteString(" no")
		return
	}
	zh.WriteString(" " + value + unitZh)
	en.WriteString(" " + value + unitEn)
}

// itemNames writes the items of a list, or one code, for people: each code by its
// name in the input's code list, anything else (free text, a code the list does not
// know) in quotation marks, so that the list “a, b” and the list “a”、“b” read
// differently. A parameter's list has no Items: its codes, which hold no comma,
// are read back from Value.
func legacyItemNames(in *Input) criteria.Text {
	items := in.Items
	if items == nil && in.Value != "" {
		items = strings.Split(in.Value, ", ")
		if !strings.HasPrefix(in.Name, "params.") {
			items = []string{in.Value} // a fact with codes and no Items holds one code
		}
	}
	if len(items) == 0 {
		return criteria.Text{Zh: "（空）", En: "(none)"}
	}
	var zh, en strings.Builder
	for i, it := range items {
		if i > 0 {
			zh.WriteString("、")
			en.WriteString(", ")
		}
		t := criteria.FormatCode(in.Codes, it)
		zh.WriteString(t.Zh)
		en.WriteString(t.En)
	}
	if in.ItemCount > 0 {
		n := strconv.Itoa(in.ItemCount)
		zh.WriteString("……（共 " + n + " 项）")
		en.WriteString(", … (" + n + " items in all)")
	}
	return criteria.Text{Zh: zh.String(), En: en.String()}
}

// Result.Explanation and the explanation AppendJSON writes say what the builder
// above said, byte for byte: over the sample projects' verdicts on several dates,
// and over results built to reach every branch, with text to escape and invalid
// UTF-8 split across the pieces of the sentence.
func TestExplanationMatchesLegacy(t *testing.T) {
	var results []Result
	files, err := filepath.Glob(filepath.Join("..", "examples", "projects", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	engine := Default()
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		p, err := DecodeProject(data)
		require.NoError(t, err, f)
		for _, d := range []string{"2020-07-20", "2021-03-01", "2019-01-01"} {
			v, err := engine.Evaluate(p, criteria.MustParseDate(d))
			require.NoError(t, err, f)
			results = append(results, v.Results...)
		}
	}
	on := criteria.MustParseDate("2020-07-01")
	inputs := []Input{
		{Name: "findings.AI-2", Label: criteria.Text{Zh: "评审意见", En: "finding"}, Value: "true", By: " 评审组 ", On: on},
		{Name: "findings.AI-2", Value: "false", By: "甲"},
		{Name: "findings.AI-2", Value: "maybe", On: on},
		{Name: "findings.AI-2", Value: "true", By: "  ", On: on},
		{Name: "findings.AI-2", Value: "true", By: "\u3000甲 组\t", On: on},
		{Name: "findings.AI-2", Value: "true", By: " 甲 "},
		{Name: "findings.AI-2", Value: "true", By: "乙", On: Date{Year: 2020, Month: 2, Day: 30}},
		{Name: "findings.AI-2", Value: "true"},
		{Name: "investment.total", Unit: "yuan", Value: "1234567.891"},
		{Name: "investment.total", Unit: "yuan", Value: "-1000"},
		{Name: "investment.total", Unit: "yuan", Value: "-0.50"},
		{Name: "investment.total", Unit: "yuan", Value: "123"},
		{Name: "investment.total", Unit: "yuan", Value: "1e5"},
		{Name: "investment.total", Unit: "yuan", Value: "1."},
		{Name: "investment.total", Unit: "yuan", Value: ".5"},
		{Name: "investment.total", Unit: "yuan", Value: "-"},
		{Name: "investment.total", Unit: "yuan", Value: ""},
		{Name: "investment.total", Unit: "yuan", Value: "12a"},
		{Name: "params.years", Unit: "years", Value: "3"},
		{Name: "params.ratio", Unit: "ratio", Value: "0.35"},
		{Name: "params.ratio", Unit: "ratio", Value: "a third"},
		{Name: "incidents"},
		{Name: "incidents", Value: "2"},
		{Name: "applicant.carrier", Codes: "carrier", Value: "chinaMobile"},
		{Name: "applicant.carrier", Codes: "carrier", Value: "<none>"},
		{Name: "applicant.carrier", Codes: "carrier"},
		{Name: "params.carriers", Codes: "carrier", Value: "chinaMobile, chinaUnicom, x"},
		{Name: "params.carriers", Codes: "carrier", Value: "a, "},
		{Name: "bigDataContent", Items: []string{}},
		{Name: "bigDataContent", Items: []string{"a, b", "c"}, ItemCount: 120},
		{Name: "fiveG.scenarios"},
		{Name: "fiveG.scenarios", Value: "x"},
		{Name: "x", Value: "true"},
		{Name: "x", Value: "false"},
		{Name: "x", Value: "a<b>&\"c\"\\\u2028\n"},
		{Name: "x", Missing: true, Label: criteria.Text{Zh: "缺", En: "missing"}},
		// Invalid UTF-8, and a character split across two pieces.
		{Name: "x", Label: criteria.Text{Zh: "标签\xe2\x80", En: "label\xe2"}, Value: "\xa8值"},
		{Name: "x", Label: criteria.Text{Zh: "\xff"}, Value: "\x80\x80"},
		{Name: "findings.AI-2", Value: "true", By: "\xe2\x80", On: on},
	}
	for i := range inputs {
		for _, outcome := range []Outcome{Pass, Fail, OutcomeUndetermined, NotApplicable, ""} {
			results = append(results, Result{ID: "AI-2", Ref: "一(二)2", Strength: criteria.Encouraged, Outcome: outcome,
				Requirement: criteria.Text{Zh: "要求<甲>", En: "requires & \u2029"}, Inputs: inputs[i : i+1],
				Adjustments: []criteria.Text{{Zh: "调整", En: "raised"}, {Zh: "\xe2", En: "\x80"}}})
		}
	}
	results = append(results, Result{Inputs: inputs}, Result{Ref: "\xe2\x80", Requirement: criteria.Text{Zh: "\xa8", En: "\xa9"}},
		Result{Strength: criteria.Mandatory, Outcome: Fail}, Result{},
		Result{Requirement: criteria.Text{Zh: "要求\xe2\x80", En: "ok"}, Inputs: []Input{{Name: "x", Label: criteria.Text{Zh: "\xa8"}}}},
		Result{Requirement: criteria.Text{Zh: "ok", En: "\xe2"}, Missing: []string{"a"}, Message: criteria.Text{Zh: "<", En: ">"}})
	require.NotNil(t, resultEncoder.direct, "Result is written by appendResult")
	byPlan := *resultEncoder
	byPlan.direct = nil
	for i := range results {
		r := &results[i]
		want := legacyExplanation(r)
		require.Equal(t, want, r.Explanation(), "result %d", i)
		got, _ := r.appendExplanationJSON(nil, escapedText{}, nil, nil, nil)
		require.Equal(t, string(putTextPair(append([]byte(nil), `,"explanation":`...), want)), string(got), "result %d", i)
		for _, form := range []VerdictForm{Full, Compact} {
			plan, err := byPlan.append(nil, r, form)
			require.NoError(t, err)
			direct, err := resultEncoder.append(nil, r, form)
			require.NoError(t, err)
			require.Equal(t, string(plan), string(direct), "result %d, form %d", i, form)
		}
	}
}
