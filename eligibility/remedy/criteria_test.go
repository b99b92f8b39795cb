package remedy_test

import (
	"context"
	"os"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

// fixCase is one row of the per-criterion table: an eligible base project, edited
// so that one criterion fails or is undetermined, and the remedy expected for it.
type fixCase struct {
	id   string
	base string
	edit func(p *eligibility.Project)
	want eligibility.Outcome
	// kind and path are those of the first change of the first option, or none is
	// the reason there is no option.
	kind remedy.ChangeKind
	path string
	none remedy.NoneReason
	// zh and en are parts of the fix's words: its first option's, or its NoneText.
	zh, en string
}

func yuan(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }

func finding(p *eligibility.Project, id string, met bool) {
	m := map[string]eligibility.Finding{}
	for k, f := range p.Findings {
		m[k] = f
	}
	m[id] = eligibility.Finding{Met: new(met)}
	p.Findings = m
}

func noFinding(p *eligibility.Project, id string) {
	m := map[string]eligibility.Finding{}
	for k, f := range p.Findings {
		if k != id {
			m[k] = f
		}
	}
	p.Findings = m
}

// findingCases are the fail and undetermined rows of a finding criterion.
func findingCases(id, base string, edit func(p *eligibility.Project)) []fixCase {
	if edit == nil {
		edit = func(*eligibility.Project) {}
	}
	return []fixCase{
		{id: id, base: base, edit: func(p *eligibility.Project) { edit(p); finding(p, id, false) }, want: eligibility.Fail,
			kind: remedy.ObtainFinding, path: "findings." + id, zh: "须整改后由", en: "obtain a new finding from the"},
		{id: id, base: base, edit: func(p *eligibility.Project) { edit(p); noFinding(p, id) }, want: eligibility.OutcomeUndetermined,
			kind: remedy.ObtainFinding, path: "findings." + id, zh: "的评审意见，认定", en: "obtain a finding from the"},
	}
}

func subtype(s category.Subtype) func(p *eligibility.Project) {
	return func(p *eligibility.Project) { p.Subtype = s }
}

func planning(p *eligibility.Project) { p.Stage = category.StagePlanning }

var fixCases = concat(
	[]fixCase{
		{id: "BD-1a", base: "bigdata", edit: func(p *eligibility.Project) { p.BigDataContent = []category.BigDataContent{category.BigDataFacilities} }, want: eligibility.Fail,
			kind: remedy.Revise, path: "bigDataContent", zh: "中增加以下至少一项：大数据存储、大数据分析、大数据应用、数据采集汇聚、数据治理、数据共享交换、数据安全、算力",
			en: "add at least one of these to the big-data content (bigDataContent): big-data storage, big-data analysis, big-data application, data collection and aggregation, data governance, data sharing and exchange, data security, computing capacity"},
		{id: "BD-1a", base: "bigdata", edit: func(p *eligibility.Project) { p.BigDataContent = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "bigDataContent", zh: "大数据存储", en: "big-data storage"},
		// other, content the list does not name, waits for a reviewer's finding.
		{id: "BD-1a", base: "bigdata", edit: func(p *eligibility.Project) { p.BigDataContent = []category.BigDataContent{category.BigDataOther} }, want: eligibility.OutcomeUndetermined,
			kind: remedy.ObtainFinding, path: "findings.BD-1a", zh: "的评审意见，认定", en: "obtain a finding from the"},
		{id: "BD-1b", base: "bigdata", edit: func(p *eligibility.Project) { p.Investment.BigDataPortion = yuan("14999999.99") }, want: eligibility.Fail,
			kind: remedy.Revise, path: "investment.bigDataPortion",
			zh: "大数据建设内容投资（investment.bigDataPortion）14,999,999.99 元，须不少于 15,000,000.00 元（差 0.01 元）", en: "(0.01 yuan short)"},
		{id: "BD-1b", base: "bigdata", edit: func(p *eligibility.Project) { p.Investment.BigDataPortion = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "investment.bigDataPortion", zh: "须不少于 15,000,000.00 元", en: "at least 15,000,000.00 yuan"},
		{id: "BD-4", base: "bigdata", edit: func(p *eligibility.Project) {
			p.Investment.Total, p.Investment.BigDataPortion = yuan("4999999.99"), yuan("3000000")
		}, want: eligibility.Fail, kind: remedy.Revise, path: "investment.total",
			zh: "项目总投资（investment.total）4,999,999.99 元，须不少于 5,000,000.00 元（差 0.01 元）",
			en: "the total investment (investment.total) is 4,999,999.99 yuan; it must be at least 5,000,000.00 yuan (0.01 yuan short)"},
		{id: "BD-4", base: "bigdata", edit: func(p *eligibility.Project) { p.Investment.Total, p.Investment.BigDataPortion = nil, nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "investment.total", zh: "须不少于 5,000,000.00 元", en: "at least 5,000,000.00 yuan"},
		{id: "BD-5a", base: "bigdata", edit: func(p *eligibility.Project) { planning(p); p.Preparation.PreliminaryPlanning = new(false) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "preparation.preliminaryPlanning", zh: "完成项目前期规划", en: "complete the preliminary planning"},
		{id: "BD-5a", base: "bigdata", edit: func(p *eligibility.Project) { planning(p); p.Preparation.PreliminaryPlanning = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "preparation.preliminaryPlanning", zh: "须为“是”：完成项目前期规划", en: "it must be yes"},
		{id: "BD-5b", base: "bigdata", edit: func(p *eligibility.Project) { planning(p); p.Preparation.InvestorDetermined = new(false) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "preparation.investorDetermined", zh: "确定投资主体", en: "determine the investing entity"},
		{id: "BD-5b", base: "bigdata", edit: func(p *eligibility.Project) {
			planning(p)
			p.Preparation.InvestorDetermined, p.Preparation.ConstructionContentDetermined = new(false), new(false)
		}, want: eligibility.Fail, kind: remedy.Revise, path: "preparation.constructionContentDetermined",
			zh: "确定项目建设内容（preparation.constructionContentDetermined：是）；确定投资主体", en: "determine the construction content"},
		{id: "BD-5b", base: "bigdata", edit: func(p *eligibility.Project) { planning(p); p.Preparation.ConstructionContentDetermined = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "preparation.constructionContentDetermined", zh: "确定项目建设内容", en: "determine the construction content"},
		{id: "BD-5c", base: "bigdata", edit: func(p *eligibility.Project) { planning(p); p.Preparation.ProposalCompleted = new(false) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "preparation.proposalCompleted", zh: "编制完成项目建议书", en: "complete the project proposal (项目建议书)"},
		{id: "BD-5c", base: "bigdata", edit: func(p *eligibility.Project) { planning(p); p.Preparation.ProposalCompleted = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "preparation.proposalCompleted", zh: "编制完成项目建议书", en: "project proposal"},
		{id: "BD-6a", base: "bigdata", edit: func(p *eligibility.Project) { p.Preparation.FeasibilityStudyCompleted = new(false) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "preparation.feasibilityStudyCompleted", zh: "完成可研报告编制", en: "feasibility study report (可研报告)"},
		{id: "BD-6a", base: "bigdata", edit: func(p *eligibility.Project) { p.Preparation.FeasibilityStudyCompleted = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "preparation.feasibilityStudyCompleted", zh: "完成可研报告编制", en: "feasibility study"},
		{id: "BD-6b", base: "bigdata", edit: func(p *eligibility.Project) { p.Preparation.FundingSecured = new(false) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "preparation.fundingSecured", zh: "落实建设资金", en: "secure the construction funds"},
		{id: "BD-6b", base: "bigdata", edit: func(p *eligibility.Project) { p.Preparation.FundingSecured = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "preparation.fundingSecured", zh: "落实建设资金", en: "construction funds"},
		{id: "BD-6c", base: "bigdata", edit: func(p *eligibility.Project) { p.Preparation.PlannedStart = criteria.NewDate(2021, 3, 1) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "preparation.plannedStart", zh: "计划开工日期（preparation.plannedStart）2021-03-01，须不晚于 2020-12-31", en: "must be no later than 2020-12-31"},
		{id: "BD-6c", base: "bigdata", edit: func(p *eligibility.Project) { p.Preparation.PlannedStart = criteria.Date{} }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "preparation.plannedStart", zh: "须不晚于 2020-12-31", en: "no later than 2020-12-31"},

		{id: "AI-C1a", base: "ai", edit: func(p *eligibility.Project) { p.Applicant.RegistrationDivision = "210100" }, want: eligibility.Fail,
			none: remedy.NoneOutsideControl, zh: "无申请单位可控的整改途径：申报单位注册地行政区划为“210100”", en: "none within the applicant's control"},
		{id: "AI-C1a", base: "ai", edit: func(p *eligibility.Project) { p.Applicant.CreditCode = "" }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "applicant.registrationDivision", zh: "须满足：申报单位在吉林省行政区域内注册", en: "registered within Jilin"},
		{id: "AI-C1b", base: "ai", edit: func(p *eligibility.Project) { p.Applicant.LegalForm = category.LegalFormBranch }, want: eligibility.Fail,
			none: remedy.NoneOutsideControl, zh: "申报单位法律形式为分支机构", en: "legal form is Branch"},
		{id: "AI-C1b", base: "ai", edit: func(p *eligibility.Project) { p.Applicant.LegalForm = "" }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "applicant.legalForm", zh: "以下任一可满足：企业法人、事业单位法人、社会团体法人", en: "any of these would meet it"},

		{id: "II-1a", base: "industrial-internet", edit: func(p *eligibility.Project) { p.Applicant.RegistrationDivision = "110101" }, want: eligibility.Fail,
			none: remedy.NoneOutsideControl, zh: "“110101”", en: "which the applicant cannot change"},
		{id: "II-1a", base: "industrial-internet", edit: func(p *eligibility.Project) { p.Applicant.CreditCode = "" }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "applicant.registrationDivision", zh: "如实填报申报单位注册地行政区划", en: "state the applicant's registration division"},
		{id: "II-1b", base: "industrial-internet", edit: func(p *eligibility.Project) { p.Applicant.EnterpriseKind = category.EnterpriseKindOther }, want: eligibility.Fail,
			none: remedy.NoneOutsideControl, zh: "企业类型为其他", en: "enterprise kind is Other"},
		{id: "II-1b", base: "industrial-internet", edit: func(p *eligibility.Project) { p.Applicant.EnterpriseKind = "" }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "applicant.enterpriseKind", zh: "制造业企业", en: "Manufacturing enterprise"},
		{id: "II-1c", base: "industrial-internet", edit: func(p *eligibility.Project) { p.Applicant.LegalForm = category.LegalFormBranch }, want: eligibility.Fail,
			none: remedy.NoneOutsideControl, zh: "分支机构", en: "Branch"},
		{id: "II-1c", base: "industrial-internet", edit: func(p *eligibility.Project) { p.Applicant.LegalForm = "" }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "applicant.legalForm", zh: "企业法人", en: "Enterprise legal person"},
		{id: "II-1d", base: "industrial-internet", edit: func(p *eligibility.Project) {
			p.Applicant.SelfAssessment = &eligibility.SelfAssessment{Completed: new(false)}
		}, want: eligibility.Fail,
			kind: remedy.Revise, path: "applicant.selfAssessment.completed", zh: "在中国两化融合服务平台完成两化融合自评估", en: "self-assessment"},
		{id: "II-1d", base: "industrial-internet", edit: func(p *eligibility.Project) { p.Applicant.SelfAssessment = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "applicant.selfAssessment.completed", zh: "两化融合自评估", en: "self-assessment"},
		{id: "II-2a", base: "industrial-internet", edit: func(p *eligibility.Project) {
			p.FiveG.Technologies = []category.FiveGTechnology{"public-macro-coverage"}
		}, want: eligibility.Fail,
			kind: remedy.Revise, path: "fiveG.technologies", zh: "网络切片、边缘计算、低时延高可靠、5G局域网", en: "network slicing, edge computing, ultra-reliable low-latency communication (URLLC), 5G LAN"},
		{id: "II-2a", base: "industrial-internet", edit: func(p *eligibility.Project) { p.FiveG.Technologies = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "fiveG.technologies", zh: "网络切片", en: "network slicing"},
		{id: "II-2a", base: "industrial-internet", edit: func(p *eligibility.Project) {
			p.FiveG.Technologies = []category.FiveGTechnology{category.FiveGPublicMacroCoverage, category.FiveGOther}
		}, want: eligibility.OutcomeUndetermined, kind: remedy.ObtainFinding, path: "findings.II-2a", zh: "的评审意见，认定", en: "obtain a finding from the"},
		{id: "II-2b", base: "industrial-internet", edit: func(p *eligibility.Project) { p.FiveG.Scenarios = []string{} }, want: eligibility.Fail,
			kind: remedy.Revise, path: "fiveG.scenarios", zh: "典型工业应用场景（fiveG.scenarios）中至少填写一项", en: "declare at least one entry"},
		{id: "II-2b", base: "industrial-internet", edit: func(p *eligibility.Project) { p.FiveG.Scenarios = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "fiveG.scenarios", zh: "至少填写一项", en: "at least one entry"},
		{id: "II-3a", base: "industrial-internet", edit: func(p *eligibility.Project) {
			p.Subtype = category.SubtypeIntranet
			p.Intranet.Technologies = []category.IntranetTechnology{"fieldbus"}
		}, want: eligibility.Fail,
			kind: remedy.Revise, path: "intranet.technologies", zh: "5G网络、IPv6网络、工业无源光网络、时间敏感网络", en: "5G, IPv6, industrial passive optical network (PON), time-sensitive networking (TSN)"},
		{id: "II-3a", base: "industrial-internet", edit: func(p *eligibility.Project) { p.Subtype = category.SubtypeIntranet; p.Intranet.Technologies = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "intranet.technologies", zh: "IPv6", en: "IPv6"},
		{id: "II-3a", base: "industrial-internet", edit: func(p *eligibility.Project) {
			p.Subtype = category.SubtypeIntranet
			p.Intranet.Technologies = []category.IntranetTechnology{category.IntranetOther}
		}, want: eligibility.OutcomeUndetermined, kind: remedy.ObtainFinding, path: "findings.II-3a", zh: "的评审意见，认定", en: "obtain a finding from the"},
		{id: "II-10b", base: "industrial-internet", edit: func(p *eligibility.Project) { p.WrittenCommitment = new(false) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "writtenCommitment", zh: "签署对申报材料真实性、有效性、合规性的书面承诺", en: "sign the written commitment"},
		{id: "II-10b", base: "industrial-internet", edit: func(p *eligibility.Project) { p.WrittenCommitment = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "writtenCommitment", zh: "书面承诺", en: "written commitment"},
		{id: "II-11", base: "industrial-internet", edit: func(p *eligibility.Project) {
			p.Incidents = []eligibility.Incident{{Date: criteria.NewDate(2019, 1, 1), Kind: category.IncidentKindSafetyAccident, Major: new(true)}}
		}, want: eligibility.Fail, kind: remedy.Wait, zh: "若其他情况不变，自 2022-01-02 起符合 II-11", en: "is met from 2022-01-02"},
		{id: "II-11", base: "industrial-internet", edit: func(p *eligibility.Project) { p.Incidents = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "incidents", zh: "如实填报事故及违法违规情况（incidents）", en: "(incidents) truly"},
		{id: "II-11", base: "industrial-internet", edit: func(p *eligibility.Project) {
			p.Incidents = []eligibility.Incident{{Date: criteria.NewDate(2019, 1, 1), Kind: category.IncidentKindSafetyAccident}}
		}, want: eligibility.OutcomeUndetermined, kind: remedy.Provide, path: "incidents[0].major", zh: "incidents[0].major）须为“否”", en: "must be no"},

		{id: "TC-1a", base: "telecom", edit: func(p *eligibility.Project) { p.Applicant.Carrier = category.CarrierNone }, want: eligibility.Fail,
			none: remedy.NoneOutsideControl, zh: "所属运营商为", en: "none within the applicant's control"},
		{id: "TC-1a", base: "telecom", edit: func(p *eligibility.Project) { p.Applicant.Carrier = "" }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "applicant.carrier", zh: "以下任一可满足：中国移动", en: "any of these would meet it"},
		{id: "TC-1b", base: "telecom", edit: func(p *eligibility.Project) { p.Applicant.Qualified = new(false) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "applicant.qualified", zh: "取得相关建设资质", en: "obtain the relevant qualification"},
		{id: "TC-1b", base: "telecom", edit: func(p *eligibility.Project) { p.Applicant.Qualified = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "applicant.qualified", zh: "取得相关建设资质", en: "qualification"},
		{id: "TC-2", base: "telecom", edit: func(p *eligibility.Project) { p.Applicant.ProvincialCompany = new(false) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "applicant.provincialCompany", zh: "改由运营商省级公司报送", en: "submit through the carrier's provincial company"},
		{id: "TC-2", base: "telecom", edit: func(p *eligibility.Project) { p.Applicant.ProvincialCompany = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "applicant.provincialCompany", zh: "省级公司", en: "provincial company"},

		{id: "GEN-1", base: "bigdata", edit: func(p *eligibility.Project) { p.Form.ConstructionScale = new(" ") }, want: eligibility.Fail,
			kind: remedy.Revise, path: "form.constructionScale", zh: "填写建设规模（form.constructionScale）", en: "fill in the construction scale"},
		{id: "GEN-1", base: "bigdata", edit: func(p *eligibility.Project) { p.Form.ConstructionScale = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "form.constructionScale", zh: "填写建设规模", en: "construction scale"},
		{id: "GEN-2", base: "ai", edit: func(p *eligibility.Project) { p.Form.Progress = new("") }, want: eligibility.Fail,
			kind: remedy.Revise, path: "form.progress", zh: "填写进展情况", en: "fill in the progress"},
		{id: "GEN-2", base: "ai", edit: func(p *eligibility.Project) { p.Form.Progress = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "form.progress", zh: "进展情况", en: "progress"},
		{id: "GEN-3", base: "bigdata", edit: func(p *eligibility.Project) { p.Investment.CompletedVerified = new(false) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "investment.completedVerified", zh: "核实项目完成投资", en: "have the completed investment verified"},
		{id: "GEN-3", base: "bigdata", edit: func(p *eligibility.Project) { p.Investment.Completed = eligibility.NewFormAmount(*yuan("30000000.01")) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "investment.completed", zh: "完成投资（investment.completed）30,000,000.01 元，须不超过 30,000,000.00 元（超出 0.01 元）", en: "(0.01 yuan over)"},
		// A form amount left blank or negative fails GEN-3; the remedy states a valid one.
		{id: "GEN-3", base: "bigdata", edit: func(p *eligibility.Project) { p.Investment.Completed = eligibility.BlankFormAmount() }, want: eligibility.Fail,
			kind: remedy.Provide, path: "investment.completed", zh: "完成投资（investment.completed）为空白；须填写，须在 0.00 元至 30,000,000.00 元之间（含本数）",
			en: "the completed investment (investment.completed) is blank; fill it in; it must be from 0.00 to 30,000,000.00 yuan inclusive"},
		{id: "GEN-3", base: "bigdata", edit: func(p *eligibility.Project) { p.Investment.Completed = eligibility.NewFormAmount(*yuan("-0.01")) }, want: eligibility.Fail,
			kind: remedy.Revise, path: "investment.completed", zh: "完成投资（investment.completed）-0.01 元，须不少于 0.00 元（差 0.01 元）", en: "(0.01 yuan short)"},
		{id: "GEN-3", base: "bigdata", edit: func(p *eligibility.Project) { p.Investment.CompletedVerified = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "investment.completedVerified", zh: "核实项目完成投资", en: "verified"},
		{id: "GEN-4", base: "telecom", edit: func(p *eligibility.Project) { p.Form.ResponsiblePerson = new("  ") }, want: eligibility.Fail,
			kind: remedy.Revise, path: "form.responsiblePerson", zh: "填写项目责任人", en: "fill in the responsible person"},
		{id: "GEN-4", base: "telecom", edit: func(p *eligibility.Project) { p.Form.ResponsiblePerson = nil }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "form.responsiblePerson", zh: "项目责任人", en: "responsible person"},
		{id: "GEN-5", base: "bigdata", edit: func(p *eligibility.Project) { p.ReportingUnit = category.ReportingUnitOther }, want: eligibility.Fail,
			kind: remedy.Revise, path: "reportingUnit", zh: "报送单位（reportingUnit）现为其他单位；改为以下任一即可满足：长春市、吉林市", en: "any of these would meet it: Changchun, Jilin City"},
		{id: "GEN-5", base: "bigdata", edit: func(p *eligibility.Project) { p.ReportingUnit = "" }, want: eligibility.OutcomeUndetermined,
			kind: remedy.Provide, path: "reportingUnit", zh: "长春市", en: "Changchun"},
	},
	findingCases("BD-2", "bigdata", subtype(category.SubtypeGovInfra)),
	findingCases("BD-3a", "bigdata", nil),
	findingCases("BD-3b", "bigdata", nil),
	findingCases("AI-1", "ai", nil),
	findingCases("AI-2", "ai", subtype(category.SubtypeAIManufacturing)),
	findingCases("AI-3", "ai", subtype(category.SubtypeAIApplication)),
	findingCases("AI-4", "ai", subtype(category.SubtypeAISupport)),
	findingCases("AI-C1c", "ai", nil),
	findingCases("AI-C1d", "ai", nil),
	findingCases("AI-C2", "ai", nil),
	findingCases("II-2c", "industrial-internet", nil),
	findingCases("II-3b", "industrial-internet", subtype(category.SubtypeIntranet)),
	findingCases("II-6", "industrial-internet", nil),
	findingCases("II-7", "industrial-internet", nil),
	findingCases("II-8", "industrial-internet", nil),
	findingCases("II-9", "industrial-internet", nil),
	findingCases("II-10a", "industrial-internet", nil),
)

func concat(parts ...[]fixCase) []fixCase {
	var out []fixCase
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func base(t *testing.T, name string) *eligibility.Project {
	t.Helper()
	data, err := os.ReadFile("../testdata/base/" + name + ".json")
	require.NoError(t, err)
	p, err := eligibility.DecodeProject(data)
	require.NoError(t, err)
	return p
}

func TestFixPerCriterion(t *testing.T) {
	e := eligibility.Default()
	pl, err := remedy.New(e)
	require.NoError(t, err)
	asOf := criteria.NewDate(2020, 7, 20)
	for _, tc := range fixCases {
		t.Run(tc.id+"/"+string(tc.want)+"/"+tc.path, func(t *testing.T) {
			p := base(t, tc.base)
			tc.edit(p)
			r, err := pl.Remedies(context.Background(), p, asOf)
			require.NoError(t, err)
			var fx *remedy.Fix
			for i := range r.Fixes {
				if r.Fixes[i].ID == tc.id {
					fx = &r.Fixes[i]
				}
			}
			require.NotNil(t, fx, "no fix for %s: %+v", tc.id, r.Fixes)
			require.Equal(t, tc.want, fx.Outcome)
			if tc.none != "" {
				require.Empty(t, fx.Options)
				require.Equal(t, tc.none, fx.None)
				assert.Contains(t, fx.NoneText.Zh, tc.zh)
				assert.Contains(t, fx.NoneText.En, tc.en)
				require.Equal(t, remedy.PlanNone, r.Plan.Status)
				require.Contains(t, r.Plan.Blocked, tc.id)
				return
			}
			require.NotEmpty(t, fx.Options, fx.NoneText.En)
			o := fx.Options[0]
			require.Equal(t, tc.kind, o.Changes[0].Kind, o.Text.En)
			require.Equal(t, tc.path, o.Changes[0].Path, o.Text.En)
			assert.Contains(t, o.Text.Zh, tc.zh)
			assert.Contains(t, o.Text.En, tc.en)
			// The remedied record, re-evaluated, passes the criterion; the plan
			// makes the project eligible.
			q, at := remedy.Plan{Changes: o.Changes, AsOf: asOf}.Apply(p)
			v, err := e.Evaluate(q, at)
			require.NoError(t, err)
			res, _ := v.Result(tc.id)
			require.Contains(t, []eligibility.Outcome{eligibility.Pass, eligibility.NotApplicable}, res.Outcome)
			require.NotEqual(t, remedy.PlanNone, r.Plan.Status, r.Plan.Text.En)
			q, at = r.Plan.Apply(p)
			v, err = e.Evaluate(q, at)
			require.NoError(t, err)
			require.Equal(t, eligibility.Eligible, v.Decision, r.Plan.Text.En)
		})
	}
}

// TestEveryMandatoryCriterionIsCovered keeps the table whole: a failing and an
// undetermined row for every mandatory criterion of the default rule set.
func TestEveryMandatoryCriterionIsCovered(t *testing.T) {
	seen := map[string]map[eligibility.Outcome]bool{}
	for _, tc := range fixCases {
		if seen[tc.id] == nil {
			seen[tc.id] = map[eligibility.Outcome]bool{}
		}
		seen[tc.id][tc.want] = true
	}
	for _, c := range criteria.Default().Criteria {
		if c.Strength != criteria.Mandatory {
			continue
		}
		assert.True(t, seen[c.ID][eligibility.Fail], "%s has no failing row", c.ID)
		assert.True(t, seen[c.ID][eligibility.OutcomeUndetermined], "%s has no undetermined row", c.ID)
	}
}
