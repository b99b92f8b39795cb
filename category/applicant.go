package category

// LegalForm is the legal form of an applicant, used to decide whether it is
// an independent legal person (独立法人单位, 一(二)申报条件1 and 一(三)1). The
// zero value means unset.
type LegalForm string

const (
	// LegalFormEnterprise is 企业法人.
	LegalFormEnterprise LegalForm = "enterprise"
	// LegalFormPublicInstitution is 事业单位法人.
	LegalFormPublicInstitution LegalForm = "public-institution"
	// LegalFormSocialOrganization is 社会团体法人.
	LegalFormSocialOrganization LegalForm = "social-organization"
	// LegalFormFoundation is 基金会法人, a 捐助法人 (民法典 第九十二条).
	LegalFormFoundation LegalForm = "foundation"
	// LegalFormSocialServiceAgency is 社会服务机构法人 (formerly 民办非企业单位),
	// a 捐助法人 (民法典 第九十二条).
	LegalFormSocialServiceAgency LegalForm = "social-service-agency"
	// LegalFormGovernmentOrgan is 机关法人, a 特别法人 (民法典 第九十七条): a
	// state organ, or a public institution performing administrative
	// functions, with independent funding.
	LegalFormGovernmentOrgan LegalForm = "government-organ"
	// LegalFormRuralCollective is 农村集体经济组织法人, a 特别法人 (民法典
	// 第九十九条).
	LegalFormRuralCollective LegalForm = "rural-collective-economic-organization"
	// LegalFormCooperative is 城镇农村的合作经济组织法人, a 特别法人 (民法典
	// 第一百条), e.g. a 农民专业合作社 or 供销合作社.
	LegalFormCooperative LegalForm = "cooperative-economic-organization"
	// LegalFormGrassrootsAutonomous is 基层群众性自治组织法人, a 特别法人 (民法典
	// 第一百零一条): a 居民委员会 or 村民委员会.
	LegalFormGrassrootsAutonomous LegalForm = "grassroots-autonomous-organization"
	// LegalFormBranch is 分支机构, a branch of a legal person; it acts in the
	// name of the legal person it belongs to and is not independent.
	LegalFormBranch LegalForm = "branch"
	// LegalFormIndividualBusiness is 个体工商户, a natural person trading.
	LegalFormIndividualBusiness LegalForm = "individual-business"
	// LegalFormUnincorporated is 非法人组织, e.g. a partnership or sole
	// proprietorship enterprise.
	LegalFormUnincorporated LegalForm = "unincorporated"
)

// legalForms keeps, as extra data, whether the form is an independent legal
// person.
var legalForms = newTable("LegalForm", []row[LegalForm, bool]{
	{code: LegalFormEnterprise, zh: "企业法人", en: "Enterprise legal person", x: true},
	{code: LegalFormPublicInstitution, zh: "事业单位法人", en: "Public-institution legal person", x: true},
	{code: LegalFormSocialOrganization, zh: "社会团体法人", en: "Social-organisation legal person", x: true},
	{code: LegalFormFoundation, zh: "基金会法人", en: "Foundation legal person", x: true},
	{code: LegalFormSocialServiceAgency, zh: "社会服务机构法人", en: "Social-service-agency legal person", x: true},
	{code: LegalFormGovernmentOrgan, zh: "机关法人", en: "Government-organ legal person", x: true},
	{code: LegalFormRuralCollective, zh: "农村集体经济组织法人", en: "Rural collective economic organisation legal person", x: true},
	{code: LegalFormCooperative, zh: "城镇农村的合作经济组织法人", en: "Urban or rural cooperative economic organisation legal person", x: true},
	{code: LegalFormGrassrootsAutonomous, zh: "基层群众性自治组织法人", en: "Grassroots self-governing organisation legal person", x: true},
	{code: LegalFormBranch, zh: "分支机构", en: "Branch"},
	{code: LegalFormIndividualBusiness, zh: "个体工商户", en: "Individual business"},
	{code: LegalFormUnincorporated, zh: "非法人组织", en: "Unincorporated organisation"},
})

// LegalForms returns the legal forms, the legal-person forms first, in the
// order of the Civil Code (营利法人; 非营利法人; 特别法人): enterprise,
// public-institution, social-organization, foundation, social-service-agency,
// government-organ, rural-collective-economic-organization,
// cooperative-economic-organization, grassroots-autonomous-organization; then
// branch, individual-business, unincorporated. The slice is new on every call.
func LegalForms() []LegalForm { return legalForms.list() }

// ParseLegalForm returns the LegalForm with code s (exact, case-sensitive), or
// a *[ParseError] listing the valid codes.
func ParseLegalForm(s string) (LegalForm, error) { return legalForms.parse(s) }

// IsValid reports whether f is one of the twelve legal forms.
func (f LegalForm) IsValid() bool { return legalForms.valid(f) }

// String returns the code, or "%!LegalForm(raw)" for an invalid value.
func (f LegalForm) String() string { return legalForms.str(f) }

// Chinese returns the Chinese name, or "" for an invalid value.
func (f LegalForm) Chinese() string { return legalForms.zh(f) }

// English returns an English name, or "" for an invalid value.
func (f LegalForm) English() string { return legalForms.en(f) }

// IndependentLegalPerson reports whether f is an independent legal person
// (独立法人): true for every 法人 form of the Civil Code, which by its 第五十七条
// 依法独立享有民事权利和承担民事义务 — 营利法人 (enterprise), 非营利法人
// (public-institution, social-organization, foundation, social-service-agency)
// and 特别法人 (government-organ, rural-collective-economic-organization,
// cooperative-economic-organization, grassroots-autonomous-organization); false
// for a branch, which is part of its legal person, for individual businesses
// and unincorporated organisations, which are not legal persons, and for
// invalid values.
func (f LegalForm) IndependentLegalPerson() bool { return legalForms.extra(f) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (f LegalForm) MarshalText() ([]byte, error) { return legalForms.marshal(f) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (f *LegalForm) UnmarshalText(text []byte) error { return unmarshal(f, text) }

// EnterpriseKind is the kind of enterprise an industrial-internet applicant
// is (一(三)1: 制造业企业或新一代信息技术类企业). The zero value means unset.
type EnterpriseKind string

const (
	// EnterpriseKindManufacturing is 制造业企业. Such an applicant must also
	// have completed the 两化融合 self-assessment (一(三)1).
	EnterpriseKindManufacturing EnterpriseKind = "manufacturing"
	// EnterpriseKindNewGenerationIT is 新一代信息技术类企业.
	EnterpriseKindNewGenerationIT EnterpriseKind = "new-generation-it"
	// EnterpriseKindOther is any other kind; it does not qualify under 一(三)1
	// but lets a record state the fact.
	EnterpriseKindOther EnterpriseKind = "other"
)

var enterpriseKinds = newTable("EnterpriseKind", []row[EnterpriseKind, struct{}]{
	{code: EnterpriseKindManufacturing, zh: "制造业企业", en: "Manufacturing enterprise"},
	{code: EnterpriseKindNewGenerationIT, zh: "新一代信息技术类企业", en: "New-generation information-technology enterprise"},
	{code: EnterpriseKindOther, zh: "其他", en: "Other"},
})

// EnterpriseKinds returns the enterprise kinds in the letter's order:
// manufacturing, new-generation-it, other. The slice is new on every call.
func EnterpriseKinds() []EnterpriseKind { return enterpriseKinds.list() }

// ParseEnterpriseKind returns the EnterpriseKind with code s (exact,
// case-sensitive), or a *[ParseError] listing the valid codes.
func ParseEnterpriseKind(s string) (EnterpriseKind, error) { return enterpriseKinds.parse(s) }

// IsValid reports whether k is one of the three enterprise kinds.
func (k EnterpriseKind) IsValid() bool { return enterpriseKinds.valid(k) }

// String returns the code, or "%!EnterpriseKind(raw)" for an invalid value.
func (k EnterpriseKind) String() string { return enterpriseKinds.str(k) }

// Chinese returns the Chinese name, or "" for an invalid value.
func (k EnterpriseKind) Chinese() string { return enterpriseKinds.zh(k) }

// English returns an English name, or "" for an invalid value.
func (k EnterpriseKind) English() string { return enterpriseKinds.en(k) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (k EnterpriseKind) MarshalText() ([]byte, error) { return enterpriseKinds.marshal(k) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (k *EnterpriseKind) UnmarshalText(text []byte) error { return unmarshal(k, text) }

// IncidentKind classifies an incident in an applicant's record for 一(三)11
// (近三年来没有重大安全、环保等责任事故，无违法违规行为). Whether an accident
// was 重大 (major) is a separate fact; the kind says only what it was. The
// zero value means unset.
type IncidentKind string

const (
	// IncidentKindSafetyAccident is 安全责任事故.
	IncidentKindSafetyAccident IncidentKind = "safety-accident"
	// IncidentKindEnvironmentalAccident is 环保责任事故.
	IncidentKindEnvironmentalAccident IncidentKind = "environmental-accident"
	// IncidentKindOtherAccident is any other liability accident, covering the
	// letter's 等. It plays the part of an open list's "other" (see lists.go):
	// whether a major one bars intake is for a reviewer to judge.
	IncidentKindOtherAccident IncidentKind = "other-accident"
	// IncidentKindViolation is 违法违规行为; the letter bars it at any degree.
	IncidentKindViolation IncidentKind = "violation"
)

var incidentKinds = newTable("IncidentKind", []row[IncidentKind, struct{}]{
	{code: IncidentKindSafetyAccident, zh: "安全责任事故", en: "Safety liability accident"},
	{code: IncidentKindEnvironmentalAccident, zh: "环保责任事故", en: "Environmental liability accident"},
	{code: IncidentKindOtherAccident, zh: "其他责任事故", en: "Other liability accident"},
	{code: IncidentKindViolation, zh: "违法违规行为", en: "Illegal or non-compliant conduct"},
})

// IncidentKinds returns the incident kinds in the letter's order:
// safety-accident, environmental-accident, other-accident, violation. The
// slice is new on every call.
func IncidentKinds() []IncidentKind { return incidentKinds.list() }

// ParseIncidentKind returns the IncidentKind with code s (exact,
// case-sensitive), or a *[ParseError] listing the valid codes.
func ParseIncidentKind(s string) (IncidentKind, error) { return incidentKinds.parse(s) }

// IsValid reports whether k is one of the four incident kinds.
func (k IncidentKind) IsValid() bool { return incidentKinds.valid(k) }

// String returns the code, or "%!IncidentKind(raw)" for an invalid value.
func (k IncidentKind) String() string { return incidentKinds.str(k) }

// Chinese returns the Chinese name, or "" for an invalid value.
func (k IncidentKind) Chinese() string { return incidentKinds.zh(k) }

// English returns an English name, or "" for an invalid value.
func (k IncidentKind) English() string { return incidentKinds.en(k) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (k IncidentKind) MarshalText() ([]byte, error) { return incidentKinds.marshal(k) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (k *IncidentKind) UnmarshalText(text []byte) error { return unmarshal(k, text) }
