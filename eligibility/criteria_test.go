package eligibility_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// criterionCase is one row of the per-criterion table: start from an eligible base
// project of a category, edit it, evaluate, and check one criterion's outcome.
type criterionCase struct {
	id      string
	reason  string // why this case exists; required, as in go-cmp's tables
	base    string
	edit    func(p *eligibility.Project)
	asOf    string // evaluation date; the submission date when empty
	want    Outcome
	missing []string // the exact missing paths, when want is undetermined
}

var criterionCases = []criterionCase{
	// ── BD-1a ──
	{id: "BD-1a", reason: "storage, analysis and application declared", base: "bigdata", want: Pass},
	{id: "BD-1a", reason: "one counted item is enough beside one that does not count", base: "bigdata",
		edit: func(p *Project) { p.BigDataContent = []category.BigDataContent{"facilities", "analysis"} }, want: Pass},
	{id: "BD-1a", reason: "data governance is big-data content of the letter's 等", base: "bigdata",
		edit: func(p *Project) { p.BigDataContent = []category.BigDataContent{"governance"} }, want: Pass},
	{id: "BD-1a", reason: "machine rooms and facilities alone are no big-data content", base: "bigdata",
		edit: func(p *Project) { p.BigDataContent = []category.BigDataContent{"facilities"} }, want: Fail},
	{id: "BD-1a", reason: "an empty list is a known absence", base: "bigdata",
		edit: func(p *Project) { p.BigDataContent = []category.BigDataContent{} }, want: Fail},
	{id: "BD-1a", reason: "content the list does not name is for a reviewer, never failed by the data alone", base: "bigdata",
		edit: func(p *Project) { p.BigDataContent = []category.BigDataContent{"other", "facilities"} },
		want: OutcomeUndetermined, missing: []string{"findings.BD-1a"}},
	{id: "BD-1a", reason: "the reviewer found the other content to be big-data content", base: "bigdata",
		edit: func(p *Project) { p.BigDataContent = []category.BigDataContent{"other"}; setFinding(p, "BD-1a", true) }, want: Pass},
	{id: "BD-1a", reason: "the reviewer found the other content not to be big-data content", base: "bigdata",
		edit: func(p *Project) { p.BigDataContent = []category.BigDataContent{"other"}; setFinding(p, "BD-1a", false) }, want: Fail},
	{id: "BD-1a", reason: "a finding does not overturn content the list counts", base: "bigdata",
		edit: func(p *Project) { setFinding(p, "BD-1a", false) }, want: Pass},
	{id: "BD-1a", reason: "content not stated", base: "bigdata",
		edit: func(p *Project) { p.BigDataContent = nil }, want: OutcomeUndetermined, missing: []string{"bigDataContent"}},
	{id: "BD-1a", reason: "a govinfra project is not a big-data centre", base: "bigdata",
		edit: func(p *Project) { p.Subtype = category.SubtypeGovInfra }, want: NotApplicable},
	{id: "BD-1a", reason: "subtype unknown but the requirement holds anyway (note 8)", base: "bigdata",
		edit: func(p *Project) { p.Subtype = "" }, want: Pass},
	{id: "BD-1a", reason: "subtype unknown and the requirement fails: undetermined, naming the subtype", base: "bigdata",
		edit: func(p *Project) { p.Subtype = ""; p.BigDataContent = []category.BigDataContent{"facilities"} },
		want: OutcomeUndetermined, missing: []string{"subtype"}},

	// ── BD-1b ──
	{id: "BD-1b", reason: "18M of 30M is 60%", base: "bigdata", want: Pass},
	{id: "BD-1b", reason: "14,999,999.99 of 30M is under half", base: "bigdata",
		edit: func(p *Project) { p.Investment.BigDataPortion = yuan("14999999.99") }, want: Fail},
	{id: "BD-1b", reason: "portion not stated", base: "bigdata",
		edit: func(p *Project) { p.Investment.BigDataPortion = nil },
		want: OutcomeUndetermined, missing: []string{"investment.bigDataPortion"}},
	{id: "BD-1b", reason: "total not stated", base: "bigdata",
		edit: func(p *Project) { p.Investment.Total = nil },
		want: OutcomeUndetermined, missing: []string{"investment.total"}},
	{id: "BD-1b", reason: "only big-data centres carry the share requirement", base: "bigdata",
		edit: func(p *Project) { p.Subtype = category.SubtypeGovInfra }, want: NotApplicable},

	// ── BD-2 ──
	{id: "BD-2", reason: "reviewer found a government information system", base: "bigdata",
		edit: func(p *Project) { p.Subtype = category.SubtypeGovInfra }, want: Pass},
	{id: "BD-2", reason: "reviewer found otherwise", base: "bigdata",
		edit: func(p *Project) { p.Subtype = category.SubtypeGovInfra; setFinding(p, "BD-2", false) }, want: Fail},
	{id: "BD-2", reason: "no finding yet", base: "bigdata",
		edit: func(p *Project) { p.Subtype = category.SubtypeGovInfra; delete(p.Findings, "BD-2") },
		want: OutcomeUndetermined, missing: []string{"findings.BD-2"}},
	{id: "BD-2", reason: "a datacenter is not judged under 一(一)2", base: "bigdata", want: NotApplicable},

	// ── BD-3a, BD-3b ──
	{id: "BD-3a", reason: "finding met", base: "bigdata", want: Pass},
	{id: "BD-3a", reason: "finding not met", base: "bigdata", edit: func(p *Project) { setFinding(p, "BD-3a", false) }, want: Fail},
	{id: "BD-3a", reason: "finding missing", base: "bigdata", edit: func(p *Project) { delete(p.Findings, "BD-3a") },
		want: OutcomeUndetermined, missing: []string{"findings.BD-3a"}},
	{id: "BD-3a", reason: "other categories", base: "ai", want: NotApplicable},
	{id: "BD-3b", reason: "finding met", base: "bigdata", want: Pass},
	{id: "BD-3b", reason: "finding not met", base: "bigdata", edit: func(p *Project) { setFinding(p, "BD-3b", false) }, want: Fail},
	{id: "BD-3b", reason: "finding missing", base: "bigdata", edit: func(p *Project) { delete(p.Findings, "BD-3b") },
		want: OutcomeUndetermined, missing: []string{"findings.BD-3b"}},
	{id: "BD-3b", reason: "other categories", base: "telecom", want: NotApplicable},

	// ── BD-4 ──
	{id: "BD-4", reason: "30M", base: "bigdata", want: Pass},
	{id: "BD-4", reason: "under the floor", base: "bigdata",
		edit: func(p *Project) {
			p.Investment.Total = yuan("4999999.99")
			p.Investment.BigDataPortion = yuan("3000000")
		}, want: Fail},
	{id: "BD-4", reason: "total not stated", base: "bigdata",
		edit: func(p *Project) { p.Investment.Total = nil }, want: OutcomeUndetermined, missing: []string{"investment.total"}},
	{id: "BD-4", reason: "the floor is a 一(一) criterion only", base: "ai",
		edit: func(p *Project) { p.Investment.Total = yuan("1000000"); p.Investment.Completed = formYuan("0") }, want: NotApplicable},

	// ── BD-5a–c: planning stage ──
	{id: "BD-5a", reason: "planning done", base: "bigdata", edit: planning, want: Pass},
	{id: "BD-5a", reason: "planning not done", base: "bigdata",
		edit: func(p *Project) { planning(p); p.Preparation.PreliminaryPlanning = new(false) }, want: Fail},
	{id: "BD-5a", reason: "planning not stated", base: "bigdata",
		edit: func(p *Project) { planning(p); p.Preparation.PreliminaryPlanning = nil },
		want: OutcomeUndetermined, missing: []string{"preparation.preliminaryPlanning"}},
	{id: "BD-5a", reason: "new-start projects are judged by 一(一)6", base: "bigdata", want: NotApplicable},
	{id: "BD-5a", reason: "stage unknown, requirement holds anyway", base: "bigdata",
		edit: func(p *Project) { p.Stage = "" }, want: Pass},
	{id: "BD-5a", reason: "stage unknown, requirement fails", base: "bigdata",
		edit: func(p *Project) { p.Stage = ""; p.Preparation.PreliminaryPlanning = new(false) },
		want: OutcomeUndetermined, missing: []string{"stage"}},
	{id: "BD-5a", reason: "stage clauses are written under 一(一) only (note 5)", base: "ai", edit: planning, want: NotApplicable},
	{id: "BD-5b", reason: "content and investor determined", base: "bigdata", edit: planning, want: Pass},
	{id: "BD-5b", reason: "investor not determined", base: "bigdata",
		edit: func(p *Project) { planning(p); p.Preparation.InvestorDetermined = new(false) }, want: Fail},
	{id: "BD-5b", reason: "content not determined, investor unknown: the known false decides", base: "bigdata",
		edit: func(p *Project) {
			planning(p)
			p.Preparation.ConstructionContentDetermined = new(false)
			p.Preparation.InvestorDetermined = nil
		}, want: Fail},
	{id: "BD-5b", reason: "content unknown, investor determined", base: "bigdata",
		edit: func(p *Project) { planning(p); p.Preparation.ConstructionContentDetermined = nil },
		want: OutcomeUndetermined, missing: []string{"preparation.constructionContentDetermined"}},
	{id: "BD-5b", reason: "continuing projects", base: "bigdata",
		edit: func(p *Project) { p.Stage = category.StageContinuing }, want: NotApplicable},
	{id: "BD-5c", reason: "proposal completed", base: "bigdata", edit: planning, want: Pass},
	{id: "BD-5c", reason: "proposal not completed", base: "bigdata",
		edit: func(p *Project) { planning(p); p.Preparation.ProposalCompleted = new(false) }, want: Fail},
	{id: "BD-5c", reason: "proposal not stated", base: "bigdata",
		edit: func(p *Project) { planning(p); p.Preparation.ProposalCompleted = nil },
		want: OutcomeUndetermined, missing: []string{"preparation.proposalCompleted"}},
	{id: "BD-5c", reason: "new-start projects", base: "bigdata", want: NotApplicable},

	// ── BD-6a–c: new-start stage ──
	{id: "BD-6a", reason: "feasibility study completed", base: "bigdata", want: Pass},
	{id: "BD-6a", reason: "feasibility study not completed", base: "bigdata",
		edit: func(p *Project) { p.Preparation.FeasibilityStudyCompleted = new(false) }, want: Fail},
	{id: "BD-6a", reason: "feasibility study not stated", base: "bigdata",
		edit: func(p *Project) { p.Preparation.FeasibilityStudyCompleted = nil },
		want: OutcomeUndetermined, missing: []string{"preparation.feasibilityStudyCompleted"}},
	{id: "BD-6a", reason: "planning projects", base: "bigdata", edit: planning, want: NotApplicable},
	{id: "BD-6b", reason: "funds secured", base: "bigdata", want: Pass},
	{id: "BD-6b", reason: "funds not secured", base: "bigdata",
		edit: func(p *Project) { p.Preparation.FundingSecured = new(false) }, want: Fail},
	{id: "BD-6b", reason: "funding not stated", base: "bigdata",
		edit: func(p *Project) { p.Preparation.FundingSecured = nil },
		want: OutcomeUndetermined, missing: []string{"preparation.fundingSecured"}},
	{id: "BD-6b", reason: "continuing projects", base: "bigdata",
		edit: func(p *Project) { p.Stage = category.StageContinuing }, want: NotApplicable},
	{id: "BD-6c", reason: "31 December of the evaluation year is within the year", base: "bigdata",
		edit: func(p *Project) { p.Preparation.PlannedStart = date("2020-12-31") }, want: Pass},
	{id: "BD-6c", reason: "1 January of the next year is not", base: "bigdata",
		edit: func(p *Project) { p.Preparation.PlannedStart = date("2021-01-01") }, want: Fail},
	{id: "BD-6c", reason: "a start already past still passes", base: "bigdata",
		edit: func(p *Project) { p.Preparation.PlannedStart = date("2019-05-01") }, want: Pass},
	{id: "BD-6c", reason: "the year is the evaluation date's, not the letter's", base: "bigdata", asOf: "2021-03-01",
		edit: func(p *Project) { p.Preparation.PlannedStart = date("2021-12-31") }, want: Pass},
	{id: "BD-6c", reason: "planned start not stated", base: "bigdata",
		edit: func(p *Project) { p.Preparation.PlannedStart = eligibility.Date{} },
		want: OutcomeUndetermined, missing: []string{"preparation.plannedStart"}},
	{id: "BD-6c", reason: "planning projects", base: "bigdata", edit: planning, want: NotApplicable},

	// ── AI-1…AI-4: the declared subtype, confirmed by a reviewer ──
	{id: "AI-1", reason: "product finding met", base: "ai", want: Pass},
	{id: "AI-1", reason: "product finding not met", base: "ai", edit: func(p *Project) { setFinding(p, "AI-1", false) }, want: Fail},
	{id: "AI-1", reason: "no finding", base: "ai", edit: func(p *Project) { delete(p.Findings, "AI-1") },
		want: OutcomeUndetermined, missing: []string{"findings.AI-1"}},
	{id: "AI-1", reason: "declared as manufacturing", base: "ai", edit: aiSubtype(category.SubtypeAIManufacturing), want: NotApplicable},
	{id: "AI-2", reason: "manufacturing finding met", base: "ai", edit: aiSubtype(category.SubtypeAIManufacturing), want: Pass},
	{id: "AI-2", reason: "manufacturing finding not met", base: "ai",
		edit: func(p *Project) { aiSubtype(category.SubtypeAIManufacturing)(p); setFinding(p, "AI-2", false) }, want: Fail},
	{id: "AI-2", reason: "no finding", base: "ai",
		edit: func(p *Project) { aiSubtype(category.SubtypeAIManufacturing)(p); delete(p.Findings, "AI-2") },
		want: OutcomeUndetermined, missing: []string{"findings.AI-2"}},
	{id: "AI-2", reason: "declared as product", base: "ai", want: NotApplicable},
	{id: "AI-3", reason: "application finding met", base: "ai", edit: aiSubtype(category.SubtypeAIApplication), want: Pass},
	{id: "AI-3", reason: "application finding not met", base: "ai",
		edit: func(p *Project) { aiSubtype(category.SubtypeAIApplication)(p); setFinding(p, "AI-3", false) }, want: Fail},
	{id: "AI-3", reason: "no finding", base: "ai",
		edit: func(p *Project) { aiSubtype(category.SubtypeAIApplication)(p); delete(p.Findings, "AI-3") },
		want: OutcomeUndetermined, missing: []string{"findings.AI-3"}},
	{id: "AI-3", reason: "declared as product", base: "ai", want: NotApplicable},
	{id: "AI-4", reason: "support finding met", base: "ai", edit: aiSubtype(category.SubtypeAISupport), want: Pass},
	{id: "AI-4", reason: "support finding not met", base: "ai",
		edit: func(p *Project) { aiSubtype(category.SubtypeAISupport)(p); setFinding(p, "AI-4", false) }, want: Fail},
	{id: "AI-4", reason: "no finding", base: "ai",
		edit: func(p *Project) { aiSubtype(category.SubtypeAISupport)(p); delete(p.Findings, "AI-4") },
		want: OutcomeUndetermined, missing: []string{"findings.AI-4"}},
	{id: "AI-4", reason: "declared as product", base: "ai", want: NotApplicable},
	{id: "AI-1", reason: "subtype not declared and no product finding: undetermined on both", base: "ai",
		edit: func(p *Project) { p.Subtype = ""; delete(p.Findings, "AI-1") },
		want: OutcomeUndetermined, missing: []string{"subtype", "findings.AI-1"}},

	// ── AI-C1a: registered in Jilin ──
	{id: "AI-C1a", reason: "credit code issued in 吉林市 (220200)", base: "ai", want: Pass},
	{id: "AI-C1a", reason: "credit code issued in Beijing, no division stated", base: "ai",
		edit: func(p *Project) { p.Applicant.CreditCode = "91110000600037341L" }, want: Fail},
	{id: "AI-C1a", reason: "a stated registration division wins over the code's issuing division", base: "ai",
		edit: func(p *Project) {
			p.Applicant.CreditCode = "91110000600037341L"
			p.Applicant.RegistrationDivision = "220102"
		}, want: Pass},
	{id: "AI-C1a", reason: "registered in Beijing although the code was issued in Jilin", base: "ai",
		edit: func(p *Project) { p.Applicant.RegistrationDivision = "110105" }, want: Fail},
	{id: "AI-C1a", reason: "neither division nor credit code", base: "ai",
		edit: func(p *Project) { p.Applicant.CreditCode = "" }, want: OutcomeUndetermined,
		missing: []string{"applicant.registrationDivision", "applicant.creditCode"}},
	{id: "AI-C1a", reason: "bigdata projects carry no registration requirement", base: "bigdata",
		edit: func(p *Project) { p.Applicant.CreditCode = "91110000600037341L" }, want: NotApplicable},

	// ── AI-C1b: independent legal person ──
	{id: "AI-C1b", reason: "an enterprise legal person", base: "ai", want: Pass},
	{id: "AI-C1b", reason: "a public-institution legal person qualifies", base: "ai",
		edit: func(p *Project) { p.Applicant.LegalForm = category.LegalFormPublicInstitution }, want: Pass},
	{id: "AI-C1b", reason: "a government organ is a 机关法人 (民法典 第九十七条)", base: "ai",
		edit: func(p *Project) { p.Applicant.LegalForm = category.LegalFormGovernmentOrgan }, want: Pass},
	{id: "AI-C1b", reason: "a foundation is a 捐助法人", base: "ai",
		edit: func(p *Project) { p.Applicant.LegalForm = category.LegalFormFoundation }, want: Pass},
	{id: "AI-C1b", reason: "a social-service agency is a 捐助法人", base: "ai",
		edit: func(p *Project) { p.Applicant.LegalForm = category.LegalFormSocialServiceAgency }, want: Pass},
	{id: "AI-C1b", reason: "a villagers' committee is a 特别法人 (民法典 第一百零一条)", base: "ai",
		edit: func(p *Project) { p.Applicant.LegalForm = category.LegalFormGrassrootsAutonomous }, want: Pass},
	{id: "AI-C1b", reason: "an unincorporated organisation is no legal person", base: "ai",
		edit: func(p *Project) { p.Applicant.LegalForm = category.LegalFormUnincorporated }, want: Fail},
	{id: "AI-C1b", reason: "a branch does not", base: "ai",
		edit: func(p *Project) { p.Applicant.LegalForm = category.LegalFormBranch }, want: Fail},
	{id: "AI-C1b", reason: "legal form not stated", base: "ai",
		edit: func(p *Project) { p.Applicant.LegalForm = "" }, want: OutcomeUndetermined, missing: []string{"applicant.legalForm"}},
	{id: "AI-C1b", reason: "telecom builders are judged by 二.2", base: "telecom", want: NotApplicable},

	// ── AI-C1c, AI-C1d, AI-C2: findings ──
	{id: "AI-C1c", reason: "finding met", base: "ai", want: Pass},
	{id: "AI-C1c", reason: "finding not met", base: "ai", edit: func(p *Project) { setFinding(p, "AI-C1c", false) }, want: Fail},
	{id: "AI-C1c", reason: "finding missing", base: "ai", edit: func(p *Project) { delete(p.Findings, "AI-C1c") },
		want: OutcomeUndetermined, missing: []string{"findings.AI-C1c"}},
	{id: "AI-C1c", reason: "other categories", base: "industrial-internet", want: NotApplicable},
	{id: "AI-C1d", reason: "finding met", base: "ai", want: Pass},
	{id: "AI-C1d", reason: "finding not met", base: "ai", edit: func(p *Project) { setFinding(p, "AI-C1d", false) }, want: Fail},
	{id: "AI-C1d", reason: "finding missing", base: "ai", edit: func(p *Project) { delete(p.Findings, "AI-C1d") },
		want: OutcomeUndetermined, missing: []string{"findings.AI-C1d"}},
	{id: "AI-C1d", reason: "other categories", base: "bigdata", want: NotApplicable},
	{id: "AI-C2", reason: "finding met", base: "ai", want: Pass},
	{id: "AI-C2", reason: "finding not met", base: "ai", edit: func(p *Project) { setFinding(p, "AI-C2", false) }, want: Fail},
	{id: "AI-C2", reason: "finding missing", base: "ai", edit: func(p *Project) { delete(p.Findings, "AI-C2") },
		want: OutcomeUndetermined, missing: []string{"findings.AI-C2"}},
	{id: "AI-C2", reason: "other categories", base: "telecom", want: NotApplicable},

	// ── II-1a–d: the applicant ──
	{id: "II-1a", reason: "credit code issued in 长春 (220101)", base: "industrial-internet", want: Pass},
	{id: "II-1a", reason: "registered in Fuzhou", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.CreditCode = "91350100M000100Y43" }, want: Fail},
	{id: "II-1a", reason: "no division, no code", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.CreditCode = "" }, want: OutcomeUndetermined,
		missing: []string{"applicant.registrationDivision", "applicant.creditCode"}},
	{id: "II-1a", reason: "other categories", base: "telecom", want: NotApplicable},
	{id: "II-1b", reason: "a manufacturing enterprise", base: "industrial-internet", want: Pass},
	{id: "II-1b", reason: "a new-generation IT enterprise", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.EnterpriseKind = category.EnterpriseKindNewGenerationIT }, want: Pass},
	{id: "II-1b", reason: "any other enterprise", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.EnterpriseKind = category.EnterpriseKindOther }, want: Fail},
	{id: "II-1b", reason: "kind not stated", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.EnterpriseKind = "" }, want: OutcomeUndetermined, missing: []string{"applicant.enterpriseKind"}},
	{id: "II-1b", reason: "other categories", base: "ai", want: NotApplicable},
	{id: "II-1c", reason: "an enterprise legal person", base: "industrial-internet", want: Pass},
	{id: "II-1c", reason: "a rural collective economic organisation is a 特别法人 (民法典 第九十九条)", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.LegalForm = category.LegalFormRuralCollective }, want: Pass},
	{id: "II-1c", reason: "a cooperative is a 特别法人 (民法典 第一百条)", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.LegalForm = category.LegalFormCooperative }, want: Pass},
	{id: "II-1c", reason: "an individual business is not a legal person", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.LegalForm = category.LegalFormIndividualBusiness }, want: Fail},
	{id: "II-1c", reason: "legal form not stated", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.LegalForm = "" }, want: OutcomeUndetermined, missing: []string{"applicant.legalForm"}},
	{id: "II-1c", reason: "other categories", base: "bigdata", want: NotApplicable},
	{id: "II-1d", reason: "self-assessment completed", base: "industrial-internet", want: Pass},
	{id: "II-1d", reason: "self-assessment not completed", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.SelfAssessment.Completed = new(false) }, want: Fail},
	{id: "II-1d", reason: "self-assessment not stated", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.SelfAssessment = nil },
		want: OutcomeUndetermined, missing: []string{"applicant.selfAssessment.completed"}},
	{id: "II-1d", reason: "only manufacturing enterprises must self-assess", base: "industrial-internet",
		edit: func(p *Project) {
			p.Applicant.EnterpriseKind = category.EnterpriseKindNewGenerationIT
			p.Applicant.SelfAssessment = nil
		}, want: NotApplicable},
	{id: "II-1d", reason: "kind unknown, but the self-assessment is done anyway (note 8)", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.EnterpriseKind = "" }, want: Pass},
	{id: "II-1d", reason: "kind unknown and not self-assessed", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.EnterpriseKind = ""; p.Applicant.SelfAssessment.Completed = new(false) },
		want: OutcomeUndetermined, missing: []string{"applicant.enterpriseKind"}},

	// ── II-2a–c: 5G + industrial internet infrastructure ──
	{id: "II-2a", reason: "edge computing and slicing", base: "industrial-internet", want: Pass},
	{id: "II-2a", reason: "public macro coverage alone does not count", base: "industrial-internet",
		edit: func(p *Project) { p.FiveG.Technologies = []category.FiveGTechnology{"public-macro-coverage"} }, want: Fail},
	{id: "II-2a", reason: "5G–TSN integration is built for industrial needs", base: "industrial-internet",
		edit: func(p *Project) { p.FiveG.Technologies = []category.FiveGTechnology{"tsn"} }, want: Pass},
	{id: "II-2a", reason: "a 5G private network with RedCap modules", base: "industrial-internet",
		edit: func(p *Project) {
			p.FiveG.Technologies = []category.FiveGTechnology{"public-macro-coverage", "private-network", "redcap"}
		}, want: Pass},
	{id: "II-2a", reason: "high-precision positioning and uplink enhancement", base: "industrial-internet",
		edit: func(p *Project) {
			p.FiveG.Technologies = []category.FiveGTechnology{"positioning", "uplink-enhancement"}
		}, want: Pass},
	{id: "II-2a", reason: "a technology the list does not name waits for a reviewer", base: "industrial-internet",
		edit: func(p *Project) { p.FiveG.Technologies = []category.FiveGTechnology{"public-macro-coverage", "other"} },
		want: OutcomeUndetermined, missing: []string{"findings.II-2a"}},
	{id: "II-2a", reason: "the reviewer found the other technology aimed at industrial needs", base: "industrial-internet",
		edit: func(p *Project) {
			p.FiveG.Technologies = []category.FiveGTechnology{"other"}
			setFinding(p, "II-2a", true)
		}, want: Pass},
	{id: "II-2a", reason: "the reviewer found it is not", base: "industrial-internet",
		edit: func(p *Project) {
			p.FiveG.Technologies = []category.FiveGTechnology{"other"}
			setFinding(p, "II-2a", false)
		}, want: Fail},
	{id: "II-2a", reason: "technologies not stated", base: "industrial-internet",
		edit: func(p *Project) { p.FiveG.Technologies = nil }, want: OutcomeUndetermined, missing: []string{"fiveG.technologies"}},
	{id: "II-2a", reason: "an intranet project", base: "industrial-internet", edit: iiSubtype(category.SubtypeIntranet), want: NotApplicable},
	{id: "II-2b", reason: "two scenarios", base: "industrial-internet", want: Pass},
	{id: "II-2b", reason: "no scenario", base: "industrial-internet",
		edit: func(p *Project) { p.FiveG.Scenarios = []string{} }, want: Fail},
	{id: "II-2b", reason: "scenarios not stated", base: "industrial-internet",
		edit: func(p *Project) { p.FiveG.Scenarios = nil }, want: OutcomeUndetermined, missing: []string{"fiveG.scenarios"}},
	{id: "II-2b", reason: "a platform project", base: "industrial-internet", edit: iiSubtype(category.SubtypePlatform), want: NotApplicable},
	{id: "II-2c", reason: "finding met", base: "industrial-internet", want: Pass},
	{id: "II-2c", reason: "finding not met", base: "industrial-internet", edit: func(p *Project) { setFinding(p, "II-2c", false) }, want: Fail},
	{id: "II-2c", reason: "finding missing", base: "industrial-internet", edit: func(p *Project) { delete(p.Findings, "II-2c") },
		want: OutcomeUndetermined, missing: []string{"findings.II-2c"}},
	{id: "II-2c", reason: "an identifier-node project", base: "industrial-internet", edit: iiSubtype(category.SubtypeIdentifierNode), want: NotApplicable},

	// ── II-3a–b: enterprise intranet ──
	{id: "II-3a", reason: "IPv6 and industrial PON", base: "industrial-internet", edit: iiSubtype(category.SubtypeIntranet), want: Pass},
	{id: "II-3a", reason: "time-sensitive networking is of the letter's 等", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypeIntranet)(p)
			p.Intranet.Technologies = []category.IntranetTechnology{"tsn"}
		}, want: Pass},
	{id: "II-3a", reason: "a fieldbus is not the communication technology the letter means", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypeIntranet)(p)
			p.Intranet.Technologies = []category.IntranetTechnology{"fieldbus"}
		}, want: Fail},
	{id: "II-3a", reason: "a technology the list does not name waits for a reviewer", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypeIntranet)(p)
			p.Intranet.Technologies = []category.IntranetTechnology{"other"}
		}, want: OutcomeUndetermined, missing: []string{"findings.II-3a"}},
	{id: "II-3a", reason: "the reviewer found it is not", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypeIntranet)(p)
			p.Intranet.Technologies = []category.IntranetTechnology{"other"}
			setFinding(p, "II-3a", false)
		}, want: Fail},
	{id: "II-3a", reason: "technologies not stated", base: "industrial-internet",
		edit: func(p *Project) { iiSubtype(category.SubtypeIntranet)(p); p.Intranet.Technologies = nil },
		want: OutcomeUndetermined, missing: []string{"intranet.technologies"}},
	{id: "II-3a", reason: "a 5G infrastructure project", base: "industrial-internet", want: NotApplicable},
	{id: "II-3b", reason: "finding met", base: "industrial-internet", edit: iiSubtype(category.SubtypeIntranet), want: Pass},
	{id: "II-3b", reason: "finding not met", base: "industrial-internet",
		edit: func(p *Project) { iiSubtype(category.SubtypeIntranet)(p); setFinding(p, "II-3b", false) }, want: Fail},
	{id: "II-3b", reason: "finding missing", base: "industrial-internet",
		edit: func(p *Project) { iiSubtype(category.SubtypeIntranet)(p); delete(p.Findings, "II-3b") },
		want: OutcomeUndetermined, missing: []string{"findings.II-3b"}},
	{id: "II-3b", reason: "a 5G infrastructure project", base: "industrial-internet", want: NotApplicable},

	// ── II-4, II-5: encouraged ──
	{id: "II-4", reason: "a provincial secondary node in Jilin", base: "industrial-internet", edit: iiSubtype(category.SubtypeIdentifierNode), want: Pass},
	{id: "II-4", reason: "a public recursive node in Jilin", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypeIdentifierNode)(p)
			p.IdentifierNode.Kind = category.NodePublicRecursive
		}, want: Pass},
	{id: "II-4", reason: "an industry secondary node is not the provincial one 一(三)4 encourages", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypeIdentifierNode)(p)
			p.IdentifierNode.Kind = category.NodeIndustrySecondary
		}, want: Fail},
	{id: "II-4", reason: "a secondary node of unstated level is for a reviewer", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypeIdentifierNode)(p)
			p.IdentifierNode.Kind = category.NodeSecondary
		}, want: OutcomeUndetermined, missing: []string{"findings.II-4"}},
	{id: "II-4", reason: "the reviewer found the secondary node is the provincial one", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypeIdentifierNode)(p)
			p.IdentifierNode.Kind = category.NodeSecondary
			setFinding(p, "II-4", true)
		}, want: Pass},
	{id: "II-4", reason: "an enterprise node is not what 一(三)4 encourages", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypeIdentifierNode)(p)
			p.IdentifierNode.Kind = "enterprise-node"
		}, want: Fail},
	{id: "II-4", reason: "a node outside Jilin", base: "industrial-internet",
		edit: func(p *Project) { iiSubtype(category.SubtypeIdentifierNode)(p); p.IdentifierNode.InJilin = new(false) }, want: Fail},
	{id: "II-4", reason: "location not stated", base: "industrial-internet",
		edit: func(p *Project) { iiSubtype(category.SubtypeIdentifierNode)(p); p.IdentifierNode.InJilin = nil },
		want: OutcomeUndetermined, missing: []string{"identifierNode.inJilin"}},
	{id: "II-4", reason: "a platform project", base: "industrial-internet", edit: iiSubtype(category.SubtypePlatform), want: NotApplicable},
	{id: "II-5", reason: "an enterprise-level platform", base: "industrial-internet", edit: iiSubtype(category.SubtypePlatform), want: Pass},
	{id: "II-5", reason: "a cross-industry platform with a top cloud provider", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypePlatform)(p)
			p.Platform = eligibility.Platform{Level: "cross-industry", TopCloudPartner: new(true)}
		}, want: Pass},
	{id: "II-5", reason: "a cross-industry platform built alone", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypePlatform)(p)
			p.Platform = eligibility.Platform{Level: "cross-industry", TopCloudPartner: new(false)}
		}, want: Fail},
	{id: "II-5", reason: "cross-industry, partnership not stated", base: "industrial-internet",
		edit: func(p *Project) {
			iiSubtype(category.SubtypePlatform)(p)
			p.Platform = eligibility.Platform{Level: "cross-industry"}
		}, want: OutcomeUndetermined, missing: []string{"platform.topCloudPartner"}},
	{id: "II-5", reason: "an identifier-node project", base: "industrial-internet", edit: iiSubtype(category.SubtypeIdentifierNode), want: NotApplicable},

	// ── II-6 … II-10a: findings ──
	{id: "II-6", reason: "finding met", base: "industrial-internet", want: Pass},
	{id: "II-6", reason: "finding not met", base: "industrial-internet", edit: func(p *Project) { setFinding(p, "II-6", false) }, want: Fail},
	{id: "II-6", reason: "finding missing", base: "industrial-internet", edit: func(p *Project) { delete(p.Findings, "II-6") },
		want: OutcomeUndetermined, missing: []string{"findings.II-6"}},
	{id: "II-6", reason: "other categories", base: "ai", want: NotApplicable},
	{id: "II-7", reason: "finding met", base: "industrial-internet", want: Pass},
	{id: "II-7", reason: "finding not met", base: "industrial-internet", edit: func(p *Project) { setFinding(p, "II-7", false) }, want: Fail},
	{id: "II-7", reason: "finding missing", base: "industrial-internet", edit: func(p *Project) { delete(p.Findings, "II-7") },
		want: OutcomeUndetermined, missing: []string{"findings.II-7"}},
	{id: "II-7", reason: "other categories", base: "bigdata", want: NotApplicable},
	{id: "II-8", reason: "finding met", base: "industrial-internet", want: Pass},
	{id: "II-8", reason: "finding not met", base: "industrial-internet", edit: func(p *Project) { setFinding(p, "II-8", false) }, want: Fail},
	{id: "II-8", reason: "finding missing", base: "industrial-internet", edit: func(p *Project) { delete(p.Findings, "II-8") },
		want: OutcomeUndetermined, missing: []string{"findings.II-8"}},
	{id: "II-8", reason: "other categories", base: "telecom", want: NotApplicable},
	{id: "II-9", reason: "finding met", base: "industrial-internet", want: Pass},
	{id: "II-9", reason: "finding not met", base: "industrial-internet", edit: func(p *Project) { setFinding(p, "II-9", false) }, want: Fail},
	{id: "II-9", reason: "finding missing", base: "industrial-internet", edit: func(p *Project) { delete(p.Findings, "II-9") },
		want: OutcomeUndetermined, missing: []string{"findings.II-9"}},
	{id: "II-9", reason: "other categories", base: "ai", want: NotApplicable},
	{id: "II-10a", reason: "finding met", base: "industrial-internet", want: Pass},
	{id: "II-10a", reason: "finding not met", base: "industrial-internet", edit: func(p *Project) { setFinding(p, "II-10a", false) }, want: Fail},
	{id: "II-10a", reason: "finding missing", base: "industrial-internet", edit: func(p *Project) { delete(p.Findings, "II-10a") },
		want: OutcomeUndetermined, missing: []string{"findings.II-10a"}},
	{id: "II-10a", reason: "other categories", base: "bigdata", want: NotApplicable},

	// ── II-10b: written commitment ──
	{id: "II-10b", reason: "committed", base: "industrial-internet", want: Pass},
	{id: "II-10b", reason: "declined to commit", base: "industrial-internet",
		edit: func(p *Project) { p.WrittenCommitment = new(false) }, want: Fail},
	{id: "II-10b", reason: "not stated", base: "industrial-internet",
		edit: func(p *Project) { p.WrittenCommitment = nil }, want: OutcomeUndetermined, missing: []string{"writtenCommitment"}},
	{id: "II-10b", reason: "other categories", base: "ai", edit: func(p *Project) { p.WrittenCommitment = new(false) }, want: NotApplicable},

	// ── II-11: 近三年 ──
	{id: "II-11", reason: "no incidents", base: "industrial-internet", want: Pass},
	{id: "II-11", reason: "a major safety accident exactly three years before counts", base: "industrial-internet",
		edit: incident("2017-07-20", category.IncidentKindSafetyAccident, new(true)), want: Fail},
	{id: "II-11", reason: "one day earlier it is outside the window", base: "industrial-internet",
		edit: incident("2017-07-19", category.IncidentKindSafetyAccident, new(true)), want: Pass},
	{id: "II-11", reason: "a major environmental accident", base: "industrial-internet",
		edit: incident("2019-03-02", category.IncidentKindEnvironmentalAccident, new(true)), want: Fail},
	{id: "II-11", reason: "a minor accident does not bar intake", base: "industrial-internet",
		edit: incident("2019-03-02", category.IncidentKindSafetyAccident, new(false)), want: Pass},
	{id: "II-11", reason: "illegal conduct of any degree does", base: "industrial-internet",
		edit: incident("2020-01-15", category.IncidentKindViolation, new(false)), want: Fail},
	{id: "II-11", reason: "a major accident of another kind (等) is for a reviewer, never decided by the data alone", base: "industrial-internet",
		edit: incident("2020-01-15", category.IncidentKindOtherAccident, new(true)),
		want: OutcomeUndetermined, missing: []string{"findings.II-11"}},
	{id: "II-11", reason: "the reviewer found the other accident not one the letter means", base: "industrial-internet",
		edit: func(p *Project) {
			incident("2020-01-15", category.IncidentKindOtherAccident, new(true))(p)
			setFinding(p, "II-11", true)
		}, want: Pass},
	{id: "II-11", reason: "the reviewer found the other accident one the letter means", base: "industrial-internet",
		edit: func(p *Project) {
			incident("2020-01-15", category.IncidentKindOtherAccident, new(true))(p)
			setFinding(p, "II-11", false)
		}, want: Fail},
	{id: "II-11", reason: "a minor accident of another kind needs no finding", base: "industrial-internet",
		edit: incident("2020-01-15", category.IncidentKindOtherAccident, new(false)), want: Pass},
	{id: "II-11", reason: "a major accident of another kind outside the window needs no finding", base: "industrial-internet",
		edit: incident("2017-07-19", category.IncidentKindOtherAccident, new(true)), want: Pass},
	{id: "II-11", reason: "another accident of unknown severity", base: "industrial-internet",
		edit: incident("2020-01-15", category.IncidentKindOtherAccident, nil),
		want: OutcomeUndetermined, missing: []string{"findings.II-11", "incidents[0].major"}},
	{id: "II-11", reason: "a finding does not overturn a listed major accident", base: "industrial-internet",
		edit: func(p *Project) {
			incident("2019-03-02", category.IncidentKindSafetyAccident, new(true))(p)
			setFinding(p, "II-11", true)
		}, want: Fail},
	{id: "II-11", reason: "nor a violation", base: "industrial-internet",
		edit: func(p *Project) {
			incident("2020-01-15", category.IncidentKindViolation, new(false))(p)
			setFinding(p, "II-11", true)
		}, want: Fail},
	{id: "II-11", reason: "a violation decides beside an accident of another kind awaiting a finding", base: "industrial-internet",
		edit: func(p *Project) {
			incident("2020-01-15", category.IncidentKindOtherAccident, new(true))(p)
			p.Incidents = append(p.Incidents, eligibility.Incident{Date: date("2019-04-01"), Kind: category.IncidentKindViolation})
		}, want: Fail},
	{id: "II-11", reason: "incidents after the evaluation date are ignored", base: "industrial-internet",
		edit: incident("2020-07-21", category.IncidentKindViolation, nil), want: Pass},
	{id: "II-11", reason: "the evaluation day itself is inside the window", base: "industrial-internet",
		edit: incident("2020-07-20", category.IncidentKindViolation, nil), want: Fail},
	{id: "II-11", reason: "incident history not stated", base: "industrial-internet",
		edit: func(p *Project) { p.Incidents = nil }, want: OutcomeUndetermined, missing: []string{"incidents"}},
	{id: "II-11", reason: "an accident in the window whose severity is unknown", base: "industrial-internet",
		edit: incident("2019-03-02", category.IncidentKindSafetyAccident, nil),
		want: OutcomeUndetermined, missing: []string{"incidents[0].major"}},
	{id: "II-11", reason: "an incident of unknown date and kind", base: "industrial-internet",
		edit: incident("", "", new(true)), want: OutcomeUndetermined,
		// It may be a major accident of another kind, which the finding would decide.
		missing: []string{"findings.II-11", "incidents[0].date", "incidents[0].kind"}},
	{id: "II-11", reason: "a known violation decides even beside an unknown", base: "industrial-internet",
		edit: func(p *Project) {
			incident("2019-03-02", category.IncidentKindSafetyAccident, nil)(p)
			p.Incidents = append(p.Incidents, eligibility.Incident{Date: date("2019-04-01"), Kind: category.IncidentKindViolation})
		}, want: Fail},
	{id: "II-11", reason: "29 February: the window starts on 1 March three years before (note 4)", base: "industrial-internet",
		asOf: "2024-02-29", edit: incident("2021-03-01", category.IncidentKindViolation, nil), want: Fail},
	{id: "II-11", reason: "29 February: 28 February three years before is outside", base: "industrial-internet",
		asOf: "2024-02-29", edit: incident("2021-02-28", category.IncidentKindViolation, nil), want: Pass},
	{id: "II-11", reason: "other categories", base: "ai",
		edit: incident("2020-01-15", category.IncidentKindViolation, nil), want: NotApplicable},

	// ── TC-1a, TC-1b, TC-2 ──
	{id: "TC-1a", reason: "China Mobile", base: "telecom", want: Pass},
	{id: "TC-1a", reason: "China Broadnet is among the five", base: "telecom",
		edit: func(p *Project) { p.Applicant.Carrier = category.CarrierChinaBroadnet }, want: Pass},
	{id: "TC-1a", reason: "not a carrier", base: "telecom",
		edit: func(p *Project) { p.Applicant.Carrier = category.CarrierNone }, want: Fail},
	{id: "TC-1a", reason: "carrier not stated", base: "telecom",
		edit: func(p *Project) { p.Applicant.Carrier = "" }, want: OutcomeUndetermined, missing: []string{"applicant.carrier"}},
	{id: "TC-1a", reason: "an industrial 5G project need not be built by a carrier (note 10)", base: "industrial-internet",
		edit: func(p *Project) { p.Applicant.Carrier = category.CarrierNone }, want: NotApplicable},
	{id: "TC-1b", reason: "qualified", base: "telecom", want: Pass},
	{id: "TC-1b", reason: "not qualified", base: "telecom",
		edit: func(p *Project) { p.Applicant.Qualified = new(false) }, want: Fail},
	{id: "TC-1b", reason: "qualification not stated", base: "telecom",
		edit: func(p *Project) { p.Applicant.Qualified = nil }, want: OutcomeUndetermined, missing: []string{"applicant.qualified"}},
	{id: "TC-1b", reason: "other categories", base: "bigdata", want: NotApplicable},
	{id: "TC-2", reason: "submitted by the provincial company", base: "telecom", want: Pass},
	{id: "TC-2", reason: "submitted by a city branch", base: "telecom",
		edit: func(p *Project) { p.Applicant.ProvincialCompany = new(false) }, want: Fail},
	{id: "TC-2", reason: "submitter not stated", base: "telecom",
		edit: func(p *Project) { p.Applicant.ProvincialCompany = nil },
		want: OutcomeUndetermined, missing: []string{"applicant.provincialCompany"}},
	{id: "TC-2", reason: "other categories", base: "ai", want: NotApplicable},

	// ── GEN-1 … GEN-5: the 三.2 form and the 二.1 route, every category ──
	{id: "GEN-1", reason: "scale stated", base: "ai", want: Pass},
	{id: "GEN-1", reason: "present but blank fails (note 7)", base: "bigdata",
		edit: func(p *Project) { p.Form.ConstructionScale = new(" \t") }, want: Fail},
	{id: "GEN-1", reason: "present but empty fails", base: "telecom",
		edit: func(p *Project) { p.Form.ConstructionScale = new("") }, want: Fail},
	{id: "GEN-1", reason: "absent is unknown", base: "industrial-internet",
		edit: func(p *Project) { p.Form.ConstructionScale = nil }, want: OutcomeUndetermined, missing: []string{"form.constructionScale"}},
	{id: "GEN-2", reason: "progress stated", base: "bigdata", want: Pass},
	{id: "GEN-2", reason: "progress blank", base: "ai", edit: func(p *Project) { p.Form.Progress = new("　") }, want: Fail},
	{id: "GEN-2", reason: "progress absent", base: "telecom",
		edit: func(p *Project) { p.Form.Progress = nil }, want: OutcomeUndetermined, missing: []string{"form.progress"}},
	{id: "GEN-3", reason: "verified, within total", base: "bigdata", want: Pass},
	{id: "GEN-3", reason: "completed equal to total", base: "telecom",
		edit: func(p *Project) { p.Investment.Completed = formYuan("860000000") }, want: Pass},
	{id: "GEN-3", reason: "nothing completed yet", base: "telecom",
		edit: func(p *Project) { p.Investment.Completed = formYuan("0") }, want: Pass},
	{id: "GEN-3", reason: "the form field left blank is a defective form (note 7)", base: "bigdata",
		edit: func(p *Project) { p.Investment.Completed = eligibility.BlankFormAmount() }, want: Fail},
	{id: "GEN-3", reason: "blank fails even with its verification unknown", base: "ai",
		edit: func(p *Project) {
			p.Investment.Completed = eligibility.BlankFormAmount()
			p.Investment.CompletedVerified = nil
		}, want: Fail},
	{id: "GEN-3", reason: "a negative completed investment is a defective form, not bad input", base: "industrial-internet",
		edit: func(p *Project) { p.Investment.Completed = formYuan("-0.01") }, want: Fail},
	{id: "GEN-3", reason: "negative fails even with the total unknown", base: "telecom",
		edit: func(p *Project) { p.Investment.Completed = formYuan("-100"); p.Investment.Total = nil }, want: Fail},
	{id: "GEN-3", reason: "not verified", base: "ai",
		edit: func(p *Project) { p.Investment.CompletedVerified = new(false) }, want: Fail},
	{id: "GEN-3", reason: "completed exceeds total", base: "industrial-internet",
		edit: func(p *Project) { p.Investment.Completed = formYuan("45000000.01") }, want: Fail},
	{id: "GEN-3", reason: "verification not stated", base: "bigdata",
		edit: func(p *Project) { p.Investment.CompletedVerified = nil },
		want: OutcomeUndetermined, missing: []string{"investment.completedVerified"}},
	{id: "GEN-3", reason: "completed not stated", base: "bigdata",
		edit: func(p *Project) { p.Investment.Completed = nil },
		want: OutcomeUndetermined, missing: []string{"investment.completed"}},
	{id: "GEN-3", reason: "not verified decides even with the total unknown", base: "ai",
		edit: func(p *Project) { p.Investment.CompletedVerified = new(false); p.Investment.Total = nil }, want: Fail},
	{id: "GEN-4", reason: "responsible person named", base: "telecom", want: Pass},
	{id: "GEN-4", reason: "blank", base: "bigdata", edit: func(p *Project) { p.Form.ResponsiblePerson = new("  ") }, want: Fail},
	{id: "GEN-4", reason: "absent", base: "ai",
		edit: func(p *Project) { p.Form.ResponsiblePerson = nil }, want: OutcomeUndetermined, missing: []string{"form.responsiblePerson"}},
	{id: "GEN-5", reason: "reported by 长春市", base: "bigdata", want: Pass},
	{id: "GEN-5", reason: "长白山管委会 reports on its own", base: "ai",
		edit: func(p *Project) { p.ReportingUnit = category.ReportingUnitChangbaishan }, want: Pass},
	{id: "GEN-5", reason: "a county reporting directly is not a reporting unit", base: "industrial-internet",
		edit: func(p *Project) { p.ReportingUnit = category.ReportingUnitOther }, want: Fail},
	{id: "GEN-5", reason: "reporting unit not stated", base: "bigdata",
		edit: func(p *Project) { p.ReportingUnit = "" }, want: OutcomeUndetermined, missing: []string{"reportingUnit"}},
	{id: "GEN-5", reason: "telecom goes through the carrier's provincial company (二.2)", base: "telecom", want: NotApplicable},
}

type (
	Project = eligibility.Project
	Outcome = eligibility.Outcome
)

// The outcomes, short, so the table reads as words.
const (
	Pass                = eligibility.Pass
	Fail                = eligibility.Fail
	OutcomeUndetermined = eligibility.OutcomeUndetermined
	NotApplicable       = eligibility.NotApplicable
	Eligible            = eligibility.Eligible
)

func setFinding(p *Project, id string, met bool) {
	f := p.Findings[id]
	f.Met = new(met)
	p.Findings[id] = f
}

func planning(p *Project) { p.Stage = category.StagePlanning }

func aiSubtype(s category.Subtype) func(*Project) { return func(p *Project) { p.Subtype = s } }

func iiSubtype(s category.Subtype) func(*Project) { return func(p *Project) { p.Subtype = s } }

func incident(on string, kind category.IncidentKind, major *bool) func(*Project) {
	return func(p *Project) {
		inc := eligibility.Incident{Kind: kind, Major: major, Description: "test incident"}
		if on != "" {
			inc.Date = date(on)
		}
		p.Incidents = []eligibility.Incident{inc}
	}
}

func TestCriteria(t *testing.T) {
	for _, tc := range criterionCases {
		t.Run(tc.id+"/"+tc.reason, func(t *testing.T) {
			require.NotEmpty(t, tc.reason)
			p := base(t, tc.base)
			if tc.edit != nil {
				tc.edit(p)
			}
			asOf := submissionDate
			if tc.asOf != "" {
				asOf = date(tc.asOf)
			}
			r := result(t, evaluate(t, p, asOf), tc.id)
			assert.Equal(t, tc.want, r.Outcome, "message: %s", r.Message.En)
			if tc.want == OutcomeUndetermined {
				assert.Equal(t, tc.missing, r.Missing)
				assert.Contains(t, r.Message.Zh, "无法判定")
			} else {
				assert.Empty(t, r.Missing)
			}
			rs := criteria.Default()
			rule, _ := rs.Criterion(tc.id)
			assert.Equal(t, rule.Ref, r.Ref)
			if tc.want == Fail {
				want, err := rs.Render(rule.Message, asOf)
				require.NoError(t, err)
				assert.Equal(t, want, r.Message)
				assert.NotContains(t, r.Message.Zh+r.Message.En, "{", "every placeholder is rendered")
			}
		})
	}
}

// Every criterion of the default rule set has a passing, a failing and an
// undetermined case above, and a not-applicable one unless it applies always.
func TestCriteriaCoverage(t *testing.T) {
	seen := map[string]map[Outcome]bool{}
	for _, tc := range criterionCases {
		if seen[tc.id] == nil {
			seen[tc.id] = map[Outcome]bool{}
		}
		seen[tc.id][tc.want] = true
	}
	for _, c := range criteria.Default().Criteria {
		for _, o := range []Outcome{Pass, Fail, OutcomeUndetermined} {
			assert.True(t, seen[c.ID][o], "%s has no %s case", c.ID, o)
		}
		appliesAlways := c.Category == "" && c.AppliesWhen == ""
		assert.Equal(t, !appliesAlways, seen[c.ID][NotApplicable], "%s: a not-applicable case exactly when it can be", c.ID)
	}
}

// The base projects are what their names say: eligible, with nothing undetermined.
func TestBasesAreEligible(t *testing.T) {
	for _, name := range []string{"bigdata", "ai", "industrial-internet", "telecom"} {
		v := evaluate(t, base(t, name), submissionDate)
		assert.Equal(t, Eligible, v.Decision, "%s: failing %v, undetermined %v", name, v.Failing, v.Undetermined)
		assert.Empty(t, v.Advisories, name)
	}
}
