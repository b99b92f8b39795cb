package report

import (
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// named is a code with names in both languages: a category, subtype, authority or
// channel.
type named interface {
	Chinese() string
	English() string
}

// words are the fixed texts of a report in one language. Format strings are for
// fmt. They are built per report by wordsFor rather than kept in a package-level
// map, so there is no package state to guard.
type words struct {
	htmlLang string // the page's lang attribute
	title    string

	// header keys
	key, value, projectID, projectName, decision, category, subtype, authority, channel, asOf, rules string
	noID, noName                                                                                     string

	decisions map[eligibility.Decision]string
	// summary sentence parts: counts of failing, undetermined and advisory criteria
	summaryFailing, summaryUndetermined, summaryAdvisories, summaryAllMet, listSep, sentenceEnd string
	capitalize                                                                                  bool // the sentence's first letter

	count   string // a title and a count: "%s（%d）"
	paren   string // a text and a note on it: "%s（%s）"
	itemSep string // separates the items of a list
	colon   string // after a field name

	// sections
	failing, undetermined, advisories, results, parameters, provenance string
	undeterminedNote, advisoriesNote, resultsNote                      string
	none, notApplicable                                                string

	// clause fields
	source, requirement, message, explanation, reviewer, missing string

	outcomes                         map[eligibility.Outcome]string
	advisory, undeterminedEncouraged string

	// table headers
	colID, colRef, colOutcome, colExplanation, colName, colLabel, colValue, colSince string
	fromStart                                                                        string
	units                                                                            map[string]string // a unit as appended to a value, with its separator

	// provenance
	library, version, ruleSet, document, ruleSetHash, projectHash, reproduce, generator string

	text func(criteria.Text) string
	name func(named) string
}

func wordsFor(l Lang) *words {
	if l == English {
		return &words{
			htmlLang: "en",
			title:    "Intake verdict",
			key:      "Item", value: "Value",
			projectID: "Project ID", projectName: "Project name", decision: "Decision",
			category: "Category", subtype: "Subtype", authority: "Confirmed by", channel: "Reporting channel",
			asOf: "Evaluation date", rules: "Rules",
			noID: "(no ID)", noName: "(no name)",
			decisions: map[eligibility.Decision]string{
				eligibility.Eligible:     "eligible",
				eligibility.Ineligible:   "ineligible",
				eligibility.Undetermined: "undetermined",
			},
			summaryFailing:      "mandatory criteria not met: %d",
			summaryUndetermined: "criteria awaiting facts or reviewers' findings: %d",
			summaryAdvisories:   "encouraged clauses not met (advisory): %d",
			summaryAllMet:       "every applicable mandatory criterion is met",
			listSep:             "; ",
			sentenceEnd:         ".",
			capitalize:          true,
			count:               "%s (%d)",
			paren:               "%s (%s)",
			itemSep:             ", ",
			colon:               ": ",
			failing:             "Failing clauses",
			undetermined:        "Undetermined: information needed",
			advisories:          "Advisories",
			results:             "All applicable criteria",
			parameters:          "Parameters used",
			provenance:          "Provenance and reproduction",
			undeterminedNote:    "These mandatory criteria can be decided once the facts or reviewer's findings listed as missing are supplied.",
			advisoriesNote:      "Encouraged (鼓励) clauses known to be unmet. They never affect the decision.",
			resultsNote:         "Every criterion that applies to this project, in rule order.",
			none:                "None.",
			notApplicable:       "Not applicable (%d): %s",
			source:              "Letter", requirement: "Requirement", message: "Message",
			explanation: "Explanation", reviewer: "Reviewer's note", missing: "Missing",
			outcomes: map[eligibility.Outcome]string{
				eligibility.Pass:                "met",
				eligibility.Fail:                "not met",
				eligibility.OutcomeUndetermined: "undetermined",
				eligibility.NotApplicable:       "not applicable",
			},
			advisory:               "advisory",
			undeterminedEncouraged: "undetermined (encouraged; no effect)",
			colID:                  "ID", colRef: "Clause", colOutcome: "Outcome", colExplanation: "Explanation",
			colName: "Parameter", colLabel: "Meaning", colValue: "Value", colSince: "In force since",
			fromStart: "always",
			units:     map[string]string{"yuan": " yuan", "years": " years", "ratio": " (ratio)"},
			library:   "Library", version: "Version", ruleSet: "Rule set", document: "Document",
			ruleSetHash: "Rule-set hash", projectHash: "Project hash",
			reproduce: "To reproduce this verdict, keep the project record (JSON), the rule set and the evaluation date: " +
				"evaluated with library version %s, a record and a rule set with these hashes give this verdict again, byte for byte. " +
				"The rule-set hash also identifies the criteria catalogue (criteria/CATALOGUE.md) that documents these rules.",
			generator: "Generated by %s %s from the verdict alone; it contains no date of printing.",
			text:      func(t criteria.Text) string { return t.En },
			name:      func(n named) string { return n.English() },
		}
	}
	return &words{
		htmlLang: "zh-CN",
		title:    "入库审查结论",
		key:      "事项", value: "内容",
		projectID: "项目编号", projectName: "项目名称", decision: "审查结论",
		category: "项目类别", subtype: "项目子类", authority: "入库确认单位", channel: "报送渠道",
		asOf: "评估日", rules: "依据",
		noID: "（未填报）", noName: "（未填报）",
		decisions: map[eligibility.Decision]string{
			eligibility.Eligible:     "符合入库标准",
			eligibility.Ineligible:   "不符合入库标准",
			eligibility.Undetermined: "无法判定",
		},
		summaryFailing:      "%d 项强制性条款不符合",
		summaryUndetermined: "%d 项须补充事实或评审意见后才能判定",
		summaryAdvisories:   "%d 项鼓励性条款未达到（建议）",
		summaryAllMet:       "所有适用的强制性条款均符合",
		listSep:             "；",
		sentenceEnd:         "。",
		count:               "%s（%d）",
		paren:               "%s（%s）",
		itemSep:             "、",
		colon:               "：",
		failing:             "不符合项",
		undetermined:        "无法判定项（须补充）",
		advisories:          "建议",
		results:             "全部适用条款",
		parameters:          "所用参数",
		provenance:          "出处与复现",
		undeterminedNote:    "下列强制性条款须补充“缺少”所列的事实或评审意见后才能判定。",
		advisoriesNote:      "已知未达到的鼓励性条款，不影响审查结论。",
		resultsNote:         "适用于本项目的全部条款，按规则顺序排列。",
		none:                "无。",
		notApplicable:       "不适用（%d）：%s",
		source:              "原文", requirement: "要求", message: "说明",
		explanation: "判定依据", reviewer: "评审意见", missing: "缺少",
		outcomes: map[eligibility.Outcome]string{
			eligibility.Pass:                "符合",
			eligibility.Fail:                "不符合",
			eligibility.OutcomeUndetermined: "无法判定",
			eligibility.NotApplicable:       "不适用",
		},
		advisory:               "建议",
		undeterminedEncouraged: "无法判定（鼓励性，不影响结论）",
		colID:                  "编号", colRef: "条款", colOutcome: "结论", colExplanation: "判定依据",
		colName: "参数", colLabel: "含义", colValue: "取值", colSince: "生效日",
		fromStart: "自始有效",
		units:     map[string]string{"yuan": " 元", "years": " 年", "ratio": "（比例）"},
		library:   "程序库", version: "版本", ruleSet: "规则集", document: "依据文件",
		ruleSetHash: "规则集哈希", projectHash: "项目哈希",
		reproduce: "复现方法：保存项目记录（JSON）、规则集和评估日；以 %s 版程序库评估哈希相同的项目记录和规则集，" +
			"可逐字节得到同一结论。规则集哈希同时标识记载这些规则的条款目录（criteria/CATALOGUE.md）。",
		generator: "本报告由 %s %s 仅依据审查结论生成，不含打印日期。",
		text:      func(t criteria.Text) string { return t.Zh },
		name:      func(n named) string { return n.Chinese() },
	}
}
