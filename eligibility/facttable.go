package eligibility

import (
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"github.com/jilin761/intake/category"
	"github.com/shopspring/decimal"
)

// fact is one leaf of the CEL schema that expressions read as project.<path>. The
// schema is the one place that ties a CEL name to the JSON field it comes from, so
// that a missing fact can be named in both.
type fact struct {
	// path is the CEL path under project, e.g. "investment.total".
	path string
	// typ is the CEL type the expressions see.
	typ *types.Type
	// json lists the record's JSON fields the fact is read from; a missing fact is
	// reported by these paths.
	json []string
	// name is the fact in domain words, for messages.
	name words
	// get returns the fact's CEL value, or nil when the record does not state it.
	get func(in *input) ref.Val
}

// input is a validated project plus what validation derived from it.
type input struct {
	p *Project
	// division is the registration division: stated, or read from the credit code.
	division string
}

// words names a fact in Chinese and English.
type words struct{ zh, en string }

// schema lists every fact a rule can read, in the order of the Project type.
// Adding a fact is one entry here plus the field on Project.
var schema = []fact{
	{"category", types.StringType, []string{"category"}, words{"项目类别", "category"},
		func(in *input) ref.Val { return code(string(in.p.Category)) }},
	{"subtype", types.StringType, []string{"subtype"}, words{"项目子类", "subtype"},
		func(in *input) ref.Val { return code(string(in.p.Subtype)) }},
	{"stage", types.StringType, []string{"stage"}, words{"项目阶段", "stage"},
		func(in *input) ref.Val { return code(string(in.p.Stage)) }},
	{"reportingUnit", types.StringType, []string{"reportingUnit"}, words{"报送单位", "reporting unit"},
		func(in *input) ref.Val { return code(string(in.p.ReportingUnit)) }},

	{"applicant.division", types.StringType, []string{"applicant.registrationDivision", "applicant.creditCode"},
		words{"申报单位注册地行政区划", "applicant's registration division"},
		func(in *input) ref.Val { return str(in.division) }},
	{"applicant.legalForm", types.StringType, []string{"applicant.legalForm"}, words{"申报单位法律形式", "applicant's legal form"},
		func(in *input) ref.Val { return code(string(in.p.Applicant.LegalForm)) }},
	{"applicant.enterpriseKind", types.StringType, []string{"applicant.enterpriseKind"}, words{"企业类型", "enterprise kind"},
		func(in *input) ref.Val { return code(string(in.p.Applicant.EnterpriseKind)) }},
	{"applicant.selfAssessment.completed", types.BoolType, []string{"applicant.selfAssessment.completed"},
		words{"两化融合自评估完成情况", "两化融合 self-assessment"},
		func(in *input) ref.Val {
			if in.p.Applicant.SelfAssessment == nil {
				return nil
			}
			return boolean(in.p.Applicant.SelfAssessment.Completed)
		}},
	{"applicant.carrier", types.StringType, []string{"applicant.carrier"}, words{"所属运营商", "carrier"},
		func(in *input) ref.Val { return code(string(in.p.Applicant.Carrier)) }},
	{"applicant.provincialCompany", types.BoolType, []string{"applicant.provincialCompany"}, words{"是否运营商省级公司报送", "submitted by the provincial company"},
		func(in *input) ref.Val { return boolean(in.p.Applicant.ProvincialCompany) }},
	{"applicant.qualified", types.BoolType, []string{"applicant.qualified"}, words{"建设资质", "qualification"},
		func(in *input) ref.Val { return boolean(in.p.Applicant.Qualified) }},

	{"investment.total", celDecimalType, []string{"investment.total"}, words{"项目总投资", "total investment"},
		func(in *input) ref.Val { return dec(in.p.Investment.Total) }},
	{"investment.bigDataPortion", celDecimalType, []string{"investment.bigDataPortion"}, words{"大数据建设内容投资", "big-data portion of the investment"},
		func(in *input) ref.Val { return dec(in.p.Investment.BigDataPortion) }},
	{"investment.completed", celDecimalType, []string{"investment.completed"}, words{"完成投资", "completed investment"},
		func(in *input) ref.Val {
			if a := in.p.Investment.Completed; a != nil && !a.blank {
				return newCELDecimal(a.amount)
			}
			return nil // not stated, or left blank: either way no amount
		}},
	// A 三.2 form field left blank fails GEN-3 like the other three form fields, which
	// read isBlank() on their text; an amount has no text, so its blankness is a fact.
	{"investment.completedBlank", types.BoolType, []string{"investment.completed"}, words{"完成投资栏是否空白", "completed investment left blank"},
		func(in *input) ref.Val {
			if a := in.p.Investment.Completed; a != nil {
				return types.Bool(a.blank)
			}
			return nil
		}},
	{"investment.completedVerified", types.BoolType, []string{"investment.completedVerified"}, words{"完成投资核实情况", "verification of completed investment"},
		func(in *input) ref.Val { return boolean(in.p.Investment.CompletedVerified) }},

	{"bigDataContent", types.NewListType(types.StringType), []string{"bigDataContent"}, words{"大数据建设内容", "big-data content"},
		func(in *input) ref.Val { return codeList(in.p.BigDataContent) }},

	{"preparation.preliminaryPlanning", types.BoolType, []string{"preparation.preliminaryPlanning"}, words{"项目前期规划", "preliminary planning"},
		func(in *input) ref.Val { return boolean(in.p.Preparation.PreliminaryPlanning) }},
	{"preparation.constructionContentDetermined", types.BoolType, []string{"preparation.constructionContentDetermined"}, words{"项目建设内容确定情况", "construction content determined"},
		func(in *input) ref.Val { return boolean(in.p.Preparation.ConstructionContentDetermined) }},
	{"preparation.investorDetermined", types.BoolType, []string{"preparation.investorDetermined"}, words{"投资主体确定情况", "investing entity determined"},
		func(in *input) ref.Val { return boolean(in.p.Preparation.InvestorDetermined) }},
	{"preparation.proposalCompleted", types.BoolType, []string{"preparation.proposalCompleted"}, words{"项目建议书", "project proposal"},
		func(in *input) ref.Val { return boolean(in.p.Preparation.ProposalCompleted) }},
	{"preparation.feasibilityStudyCompleted", types.BoolType, []string{"preparation.feasibilityStudyCompleted"}, words{"可研报告", "feasibility study report"},
		func(in *input) ref.Val { return boolean(in.p.Preparation.FeasibilityStudyCompleted) }},
	{"preparation.fundingSecured", types.BoolType, []string{"preparation.fundingSecured"}, words{"建设资金落实情况", "construction funds secured"},
		func(in *input) ref.Val { return boolean(in.p.Preparation.FundingSecured) }},
	{"preparation.plannedStart", types.TimestampType, []string{"preparation.plannedStart"}, words{"计划开工日期", "planned start date"},
		func(in *input) ref.Val { return date(in.p.Preparation.PlannedStart) }},

	{"fiveG.technologies", types.NewListType(types.StringType), []string{"fiveG.technologies"}, words{"5G技术", "5G technologies"},
		func(in *input) ref.Val { return codeList(in.p.FiveG.Technologies) }},
	{"fiveG.scenarios", types.NewListType(types.StringType), []string{"fiveG.scenarios"}, words{"典型工业应用场景", "industrial application scenarios"},
		func(in *input) ref.Val { return strList(in.p.FiveG.Scenarios) }},
	{"intranet.technologies", types.NewListType(types.StringType), []string{"intranet.technologies"}, words{"内网组网技术", "intranet technologies"},
		func(in *input) ref.Val { return codeList(in.p.Intranet.Technologies) }},
	{"identifierNode.kind", types.StringType, []string{"identifierNode.kind"}, words{"标识解析节点类型", "identifier node kind"},
		func(in *input) ref.Val { return code(string(in.p.IdentifierNode.Kind)) }},
	{"identifierNode.inJilin", types.BoolType, []string{"identifierNode.inJilin"}, words{"节点是否建在我省", "node in Jilin"},
		func(in *input) ref.Val { return boolean(in.p.IdentifierNode.InJilin) }},
	{"platform.level", types.StringType, []string{"platform.level"}, words{"平台层级", "platform level"},
		func(in *input) ref.Val { return str(in.p.Platform.Level) }},
	{"platform.topCloudPartner", types.BoolType, []string{"platform.topCloudPartner"}, words{"是否与国内顶级云服务商合作", "top cloud provider partnership"},
		func(in *input) ref.Val { return boolean(in.p.Platform.TopCloudPartner) }},

	{"writtenCommitment", types.BoolType, []string{"writtenCommitment"}, words{"申报材料真实性承诺", "written commitment"},
		func(in *input) ref.Val { return boolean(in.p.WrittenCommitment) }},
	{"incidents", types.NewListType(celIncidentType), []string{"incidents"}, words{"事故及违法违规情况", "incident history"},
		nil}, // built by the record, which gives each incident its own unknowns

	{"form.constructionScale", types.StringType, []string{"form.constructionScale"}, words{"建设规模", "construction scale"},
		func(in *input) ref.Val { return strPtr(in.p.Form.ConstructionScale) }},
	{"form.progress", types.StringType, []string{"form.progress"}, words{"进展情况", "progress"},
		func(in *input) ref.Val { return strPtr(in.p.Form.Progress) }},
	{"form.responsiblePerson", types.StringType, []string{"form.responsiblePerson"}, words{"项目责任人", "responsible person"},
		func(in *input) ref.Val { return strPtr(in.p.Form.ResponsiblePerson) }},
}

// incidentFacts are the fields of an intake.Incident, in the order of Incident.
var incidentFacts = []struct {
	name string
	typ  *types.Type
	text words
	get  func(*Incident) ref.Val
}{
	{"date", types.TimestampType, words{"日期", "date"}, func(i *Incident) ref.Val { return date(i.Date) }},
	{"kind", types.StringType, words{"类别", "kind"}, func(i *Incident) ref.Val { return code(string(i.Kind)) }},
	{"major", types.BoolType, words{"是否重大", "whether major"}, func(i *Incident) ref.Val { return boolean(i.Major) }},
}

// celIncidentType is the CEL type of an element of project.incidents.
var celIncidentType = types.NewObjectType("intake.Incident")

// The adapters below return nil for "not stated"; the record turns nil into the
// fact's unknown.

func str(s string) ref.Val {
	if s == "" {
		return nil
	}
	return types.String(s)
}

// code returns an enum code as a CEL string. Codes come from small fixed sets, so
// they are boxed once, here, instead of on every read: a string in an interface
// costs an allocation.
func code(s string) ref.Val {
	if v, ok := boxedCodes[s]; ok {
		return v
	}
	return str(s)
}

// boxedCodes is written once, at package initialisation, and only read after.
var boxedCodes = func() map[string]ref.Val {
	m := map[string]ref.Val{}
	add := func(codes ...string) {
		for _, c := range codes {
			m[c] = types.String(c)
		}
	}
	for _, c := range category.Categories() {
		add(string(c))
	}
	for _, c := range category.Subtypes() {
		add(string(c))
	}
	for _, c := range category.Stages() {
		add(string(c))
	}
	for _, c := range category.ReportingUnits() {
		add(string(c))
	}
	for _, c := range category.LegalForms() {
		add(string(c))
	}
	for _, c := range category.EnterpriseKinds() {
		add(string(c))
	}
	for _, c := range category.Carriers() {
		add(string(c))
	}
	for _, c := range category.IncidentKinds() {
		add(string(c))
	}
	for _, c := range category.BigDataContents() {
		add(string(c))
	}
	for _, c := range category.FiveGTechnologies() {
		add(string(c))
	}
	for _, c := range category.IntranetTechnologies() {
		add(string(c))
	}
	for _, c := range category.IdentifierNodeKinds() {
		add(string(c))
	}
	add(string(category.ReportingUnitOther), string(category.CarrierNone), string(category.NodeSecondary))
	return m
}()

func strPtr(s *string) ref.Val {
	if s == nil {
		return nil
	}
	return types.String(*s)
}

func boolean(b *bool) ref.Val {
	if b == nil {
		return nil
	}
	return types.Bool(*b)
}

func dec(d *decimal.Decimal) ref.Val {
	if d == nil {
		return nil
	}
	return newCELDecimal(*d)
}

func date(d Date) ref.Val {
	if d.IsZero() {
		return nil
	}
	return types.Timestamp{Time: d.Time()}
}

// codeList returns a list of codes as a CEL list of strings, each element boxed
// once, at package initialisation (see code).
func codeList[T ~string](l []T) ref.Val {
	if l == nil {
		return nil
	}
	elems := make([]ref.Val, len(l))
	for i, c := range l {
		if elems[i] = code(string(c)); elems[i] == nil {
			elems[i] = types.String("") // validation refuses it; Checks may not
		}
	}
	return types.NewRefValList(types.DefaultTypeAdapter, elems)
}

func strList(l []string) ref.Val {
	if l == nil {
		return nil
	}
	return types.NewStringList(types.DefaultTypeAdapter, l)
}
