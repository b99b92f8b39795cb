package eligibility

import (
	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
)

// Date is a civil date, YYYY-MM-DD in JSON; the zero value means "not stated".
type Date = criteria.Date

// Project is the record of one project as submitted for intake: every fact the
// criteria read. It is plain data with JSON tags in camelCase.
//
// Absent is not false. Every fact that may be unknown is a pointer, a nil slice, a
// zero Date or an empty code, and an absent fact makes the criteria that need it
// undetermined rather than failed. So "writtenCommitment": false fails II-10b, while
// a record without writtenCommitment leaves II-10b undetermined; "incidents": [] says
// there were none, while no incidents key says nothing. In Go 1.26, new(true) and
// new(decimal.RequireFromString("5000000")) make the pointers; NewFormAmount and
// BlankFormAmount make the completed investment, a 三.2 form field.
//
// The lists of codes (bigDataContent, fiveG.technologies, intranet.technologies) are
// the letter's open lists (等): "other" states an item a list does not name, and the
// criterion reading the list is then left to a reviewer's finding on its own ID.
//
// Facts irrelevant to a project's category are ignored (catalogue note 11).
type Project struct {
	// ID is the caller's identifier for the project, echoed in the verdict.
	ID string `json:"id,omitempty"`
	// Name is the project's name (项目名称), echoed in the verdict.
	Name string `json:"name,omitempty"`
	// Category is required: it decides which criteria apply and who confirms intake.
	Category category.Category `json:"category"`
	// Subtype is the declared subtype; it must belong to Category.
	Subtype category.Subtype `json:"subtype,omitempty"`
	// Stage is the project stage (谋划, 新开工, 续建).
	Stage category.Stage `json:"stage,omitempty"`
	// ReportingUnit is the unit that reported the project (二.1).
	ReportingUnit category.ReportingUnit `json:"reportingUnit,omitempty"`
	// Applicant is the applying or building unit.
	Applicant Applicant `json:"applicant,omitzero"`
	// Investment holds the amounts in yuan.
	Investment Investment `json:"investment,omitzero"`
	// BigDataContent lists the big-data content a big-data centre declares (一(一)1,
	// 大数据存储、分析和应用等相关内容). The list is open (等): "other" states content it
	// does not name, which BD-1a leaves to a reviewer's finding; any text that is not
	// a code is bad input, reported with the closest code.
	BigDataContent []category.BigDataContent `json:"bigDataContent,omitzero"`
	// Preparation holds the preparatory work of 一(一)5–6.
	Preparation Preparation `json:"preparation,omitzero"`
	// FiveG describes a 5G + industrial-internet infrastructure (一(三)2).
	FiveG FiveG `json:"fiveG,omitzero"`
	// Intranet describes an enterprise intranet upgrade (一(三)3).
	Intranet Intranet `json:"intranet,omitzero"`
	// IdentifierNode describes an identifier-resolution node (一(三)4).
	IdentifierNode IdentifierNode `json:"identifierNode,omitzero"`
	// Platform describes an industrial-internet platform (一(三)5).
	Platform Platform `json:"platform,omitzero"`
	// WrittenCommitment says whether the implementing unit committed in writing to the
	// truthfulness, validity and compliance of its materials (一(三)10).
	WrittenCommitment *bool `json:"writtenCommitment,omitempty"`
	// Incidents lists the enterprise's liability accidents and illegal or
	// non-compliant conduct (一(三)11). nil: not stated; empty: none.
	Incidents []Incident `json:"incidents,omitzero"`
	// Form holds the 三.2 form fields.
	Form Form `json:"form,omitzero"`
	// Findings are reviewers' findings on the qualitative criteria, keyed by
	// criterion ID ("BD-3a"). A criterion without a finding is undetermined.
	Findings map[string]Finding `json:"findings,omitempty"`
}

// Applicant is the applying unit (申报单位) or, for telecom, the building carrier.
type Applicant struct {
	// Name is the registered name.
	Name string `json:"name,omitempty"`
	// CreditCode is the 18-character unified social credit code (统一社会信用代码).
	// It is validated, and where RegistrationDivision is empty the registration
	// division is read from its characters 3–8.
	CreditCode string `json:"creditCode,omitempty"`
	// RegistrationDivision is the six-digit GB/T 2260 code of the division where
	// the applicant is registered. It takes precedence over the credit code, whose
	// division is where the code was issued and does not follow a later move.
	RegistrationDivision string `json:"registrationDivision,omitempty"`
	// LegalForm is the applicant's legal form (独立法人单位 or not).
	LegalForm category.LegalForm `json:"legalForm,omitempty"`
	// EnterpriseKind says whether the applicant is a manufacturing or a
	// new-generation IT enterprise (一(三)1).
	EnterpriseKind category.EnterpriseKind `json:"enterpriseKind,omitempty"`
	// SelfAssessment is the 两化融合 self-assessment on 中国两化融合服务平台.
	SelfAssessment *SelfAssessment `json:"selfAssessment,omitempty"`
	// Carrier is the carrier group a telecom builder belongs to, or "none".
	Carrier category.Carrier `json:"carrier,omitempty"`
	// ProvincialCompany says whether the submitting unit is the carrier's
	// provincial-level company rather than a city branch (二.2).
	ProvincialCompany *bool `json:"provincialCompany,omitempty"`
	// Qualified says whether the builder holds the relevant qualification (二.2).
	Qualified *bool `json:"qualified,omitempty"`
}

// SelfAssessment is evidence of the 两化融合 self-assessment (GB/T 23020). It is a
// questionnaire result, not a certificate (not 两化融合管理体系评定).
type SelfAssessment struct {
	// Completed says whether the self-assessment was completed.
	Completed *bool `json:"completed,omitempty"`
	// Year is the year it was completed, if known.
	Year int `json:"year,omitempty"`
	// Score is the development-level score, if known.
	Score *decimal.Decimal `json:"score,omitempty"`
}

// Investment holds a project's amounts in yuan, exactly. Amounts stated in 万元
// convert with d.Shift(4).
type Investment struct {
	// Total is the total investment (项目总投资).
	Total *decimal.Decimal `json:"total,omitempty"`
	// BigDataPortion is the investment in big-data storage, analysis and application
	// (一(一)1); it may not exceed Total.
	BigDataPortion *decimal.Decimal `json:"bigDataPortion,omitempty"`
	// Completed is the investment completed so far as the 三.2 form states it (完成投资):
	// an amount, which may be negative or above the total (GEN-3 fails it), or "" for
	// a field left blank (GEN-3 fails it too). Only text that is no number is bad input.
	Completed *FormAmount `json:"completed,omitempty"`
	// CompletedVerified says whether the completed investment was verified (核实).
	CompletedVerified *bool `json:"completedVerified,omitempty"`
}

// Preparation holds the preparatory work the stage clauses 一(一)5–6 ask for.
type Preparation struct {
	// PreliminaryPlanning: 完成项目前期规划.
	PreliminaryPlanning *bool `json:"preliminaryPlanning,omitempty"`
	// ConstructionContentDetermined: 确定项目建设内容.
	ConstructionContentDetermined *bool `json:"constructionContentDetermined,omitempty"`
	// InvestorDetermined: 确定投资主体.
	InvestorDetermined *bool `json:"investorDetermined,omitempty"`
	// ProposalCompleted: 编制完成项目建议书.
	ProposalCompleted *bool `json:"proposalCompleted,omitempty"`
	// FeasibilityStudyCompleted: 完成可研报告编制.
	FeasibilityStudyCompleted *bool `json:"feasibilityStudyCompleted,omitempty"`
	// FundingSecured: 落实建设资金.
	FundingSecured *bool `json:"fundingSecured,omitempty"`
	// PlannedStart is the planned construction start date (计划开工日期).
	PlannedStart Date `json:"plannedStart,omitzero"`
}

// FiveG describes a 5G + industrial-internet infrastructure (一(三)2).
type FiveG struct {
	// Technologies lists the 5G technologies used. The list is open (等): "other"
	// states a technology it does not name, which II-2a leaves to a reviewer's
	// finding; public-macro-coverage alone does not count.
	Technologies []category.FiveGTechnology `json:"technologies,omitzero"`
	// Scenarios lists the typical industrial application scenarios, in words.
	Scenarios []string `json:"scenarios,omitzero"`
}

// Intranet describes an enterprise intranet upgrade (一(三)3).
type Intranet struct {
	// Technologies lists the network technologies used (5G、IPv6、工业无源光网络等). The
	// list is open (等): "other" states a technology it does not name, which II-3a
	// leaves to a reviewer's finding.
	Technologies []category.IntranetTechnology `json:"technologies,omitzero"`
}

// IdentifierNode describes an industrial-internet identifier-resolution node (一(三)4).
type IdentifierNode struct {
	// Kind is the node's kind: a provincial or industry secondary node (省级、行业二级节点),
	// an enterprise node, a public recursive node (公共递归解析节点) or another node.
	// secondary-node, from before the two levels of secondary node had codes of their
	// own, says the level is not stated: II-4 is then left to a reviewer's finding.
	Kind category.IdentifierNodeKind `json:"kind,omitempty"`
	// InJilin says whether the node is established in Jilin Province.
	InJilin *bool `json:"inJilin,omitempty"`
}

// Platform describes an industrial-internet platform (一(三)5).
type Platform struct {
	// Level is cross-industry (跨行业跨领域), industry (行业级), enterprise (企业级)
	// or another code.
	Level string `json:"level,omitempty"`
	// TopCloudPartner says whether it is built with a top domestic cloud provider.
	TopCloudPartner *bool `json:"topCloudPartner,omitempty"`
}

// Incident is a liability accident or an act of illegal or non-compliant conduct.
type Incident struct {
	// Date is when it happened. Incidents after the evaluation date are ignored.
	Date Date `json:"date,omitzero"`
	// Kind classifies it.
	Kind category.IncidentKind `json:"kind,omitempty"`
	// Major says whether an accident was major (重大).
	Major *bool `json:"major,omitempty"`
	// Description says what happened, for people.
	Description string `json:"description,omitempty"`
}

// Form holds the 三.2 form fields. A field present but blank fails its criterion; a
// field absent leaves it undetermined. The fourth, the completed investment, is
// Investment.Completed.
type Form struct {
	// ConstructionScale is the construction scale (建设规模).
	ConstructionScale *string `json:"constructionScale,omitempty"`
	// Progress is the progress (进展情况).
	Progress *string `json:"progress,omitempty"`
	// ResponsiblePerson names the person responsible (项目责任人).
	ResponsiblePerson *string `json:"responsiblePerson,omitempty"`
}

// Finding is a reviewer's finding on one qualitative criterion.
type Finding struct {
	// Met is the finding: true if the reviewer found the requirement met. Required.
	Met *bool `json:"met"`
	// By names the reviewer or body that made the finding.
	By string `json:"by,omitempty"`
	// On is the date of the finding.
	On Date `json:"on,omitzero"`
	// Note records the reviewer's reasons.
	Note string `json:"note,omitempty"`
}
