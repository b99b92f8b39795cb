package category

// Category is one of the four project categories of the "智能信息网"
// (intelligent information network) that the letter sets intake standards for.
// The zero value means unset.
type Category string

// The categories, in the order the letter lists them.
const (
	// CategoryBigData is 大数据中心和数字政务基础设施, standard 一(一).
	CategoryBigData Category = "bigdata"
	// CategoryAI is 人工智能, standard 一(二).
	CategoryAI Category = "ai"
	// CategoryIndustrialInternet is 工业互联网, standard 一(三).
	CategoryIndustrialInternet Category = "industrial-internet"
	// CategoryTelecom is 5G和通信基础设施. The letter gives it no numbered
	// standard; its rules are the special provision 二.2.
	CategoryTelecom Category = "telecom"
)

type categoryInfo struct {
	clause    string
	confirmer Authority
	channel   Channel
}

// categories also encodes the routing of 二.1/二.2: who confirms intake and
// through which channel the project is reported.
var categories = newTable("Category", []row[Category, categoryInfo]{
	{code: CategoryBigData, zh: "大数据中心和数字政务基础设施", en: "Big data centres and digital government infrastructure",
		x: categoryInfo{clause: "一(一)", confirmer: AuthorityGovernmentServices, channel: ChannelReportingUnit}},
	{code: CategoryAI, zh: "人工智能", en: "Artificial intelligence",
		x: categoryInfo{clause: "一(二)", confirmer: AuthorityIndustryIT, channel: ChannelReportingUnit}},
	{code: CategoryIndustrialInternet, zh: "工业互联网", en: "Industrial internet",
		x: categoryInfo{clause: "一(三)", confirmer: AuthorityIndustryIT, channel: ChannelReportingUnit}},
	{code: CategoryTelecom, zh: "5G和通信基础设施", en: "5G and communications infrastructure",
		x: categoryInfo{clause: "二.2", confirmer: AuthorityCommunications, channel: ChannelCarrierProvincialCompany}},
})

// Categories returns the four categories in the letter's order: bigdata, ai,
// industrial-internet, telecom. The slice is new on every call.
func Categories() []Category { return categories.list() }

// ParseCategory returns the Category with code s (exact, case-sensitive), or
// a *[ParseError] listing the valid codes.
func ParseCategory(s string) (Category, error) { return categories.parse(s) }

// IsValid reports whether c is one of the four categories.
func (c Category) IsValid() bool { return categories.valid(c) }

// String returns the code, or "%!Category(raw)" for an invalid value.
func (c Category) String() string { return categories.str(c) }

// Chinese returns the letter's name, or "" for an invalid value.
func (c Category) Chinese() string { return categories.zh(c) }

// English returns an English name, or "" for an invalid value.
func (c Category) English() string { return categories.en(c) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (c Category) MarshalText() ([]byte, error) { return categories.marshal(c) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (c *Category) UnmarshalText(text []byte) error { return unmarshal(c, text) }

// Clause returns the letter's clause holding the category's intake standard:
// "一(一)", "一(二)", "一(三)" or "二.2"; "" for an invalid value.
func (c Category) Clause() string { return categories.extra(c).clause }

// ConfirmingAuthority returns the provincial body that confirms intake
// (入库确认) of the category's projects under 二.1; "" for an invalid value.
func (c Category) ConfirmingAuthority() Authority { return categories.extra(c).confirmer }

// Channel returns how the category's projects are reported: telecom through
// the carrier's provincial company (二.2), the others through the reporting
// units (二.1); "" for an invalid value.
func (c Category) Channel() Channel { return categories.extra(c).channel }

// Subtypes returns the category's subtypes in the letter's order, in a new
// slice; nil for an invalid value.
func (c Category) Subtypes() []Subtype {
	var out []Subtype
	for _, r := range subtypes.rows {
		if r.x == c && c != "" {
			out = append(out, r.code)
		}
	}
	return out
}

// Subtype is a project type within a [Category]; each subtype belongs to
// exactly one category. Codes are unique among subtypes but may repeat codes
// of other types (the subtype "telecom" is not the category "telecom").
// The zero value means unset.
type Subtype string

// The subtypes, grouped by category in the letter's order.
const (
	// SubtypeDatacenter is 大数据中心 (bigdata, 一(一)1).
	SubtypeDatacenter Subtype = "datacenter"
	// SubtypeGovInfra is 数字政务基础设施 (bigdata, 一(一)2).
	SubtypeGovInfra Subtype = "govinfra"

	// SubtypeAIProduct is 产品产业化 (ai, 一(二)1).
	SubtypeAIProduct Subtype = "product"
	// SubtypeAIManufacturing is 智能制造 (ai, 一(二)2).
	SubtypeAIManufacturing Subtype = "manufacturing"
	// SubtypeAIApplication is 融合应用 (ai, 一(二)3).
	SubtypeAIApplication Subtype = "application"
	// SubtypeAISupport is 产业支撑体系 (ai, 一(二)4).
	SubtypeAISupport Subtype = "support"

	// Subtype5GInfrastructure is 5G+工业互联网基础设施 (industrial-internet,
	// 一(三)2). It is judged under 一(三), not 二.2: no carrier is needed.
	Subtype5GInfrastructure Subtype = "5g-infrastructure"
	// SubtypeIntranet is 企业内网升级改造 (industrial-internet, 一(三)3).
	SubtypeIntranet Subtype = "intranet"
	// SubtypeIdentifierNode is 标识解析节点 (industrial-internet, 一(三)4).
	SubtypeIdentifierNode Subtype = "identifier-node"
	// SubtypePlatform is 工业互联网平台 (industrial-internet, 一(三)5).
	SubtypePlatform Subtype = "platform"
	// SubtypeIndustrialOther is any other industrial-internet project; the
	// general clauses of 一(三) still apply to it.
	SubtypeIndustrialOther Subtype = "other"

	// Subtype5G is 5G基础设施 (telecom, 二.2).
	Subtype5G Subtype = "5g"
	// SubtypeTelecom is 通信基础设施 (telecom, 二.2).
	SubtypeTelecom Subtype = "telecom"
)

// subtypes keeps each subtype's owning category as its extra data.
var subtypes = newTable("Subtype", []row[Subtype, Category]{
	{code: SubtypeDatacenter, zh: "大数据中心", en: "Big data centre", x: CategoryBigData},
	{code: SubtypeGovInfra, zh: "数字政务基础设施", en: "Digital government infrastructure", x: CategoryBigData},
	{code: SubtypeAIProduct, zh: "产品产业化", en: "Product industrialisation", x: CategoryAI},
	{code: SubtypeAIManufacturing, zh: "智能制造", en: "Intelligent manufacturing", x: CategoryAI},
	{code: SubtypeAIApplication, zh: "融合应用", en: "Fusion application", x: CategoryAI},
	{code: SubtypeAISupport, zh: "产业支撑体系", en: "Industry support system", x: CategoryAI},
	{code: Subtype5GInfrastructure, zh: "5G+工业互联网基础设施", en: "5G + industrial internet infrastructure", x: CategoryIndustrialInternet},
	{code: SubtypeIntranet, zh: "企业内网升级改造", en: "Enterprise intranet upgrade", x: CategoryIndustrialInternet},
	{code: SubtypeIdentifierNode, zh: "标识解析节点", en: "Identifier resolution node", x: CategoryIndustrialInternet},
	{code: SubtypePlatform, zh: "工业互联网平台", en: "Industrial internet platform", x: CategoryIndustrialInternet},
	{code: SubtypeIndustrialOther, zh: "其他工业互联网项目", en: "Other industrial internet project", x: CategoryIndustrialInternet},
	{code: Subtype5G, zh: "5G基础设施", en: "5G infrastructure", x: CategoryTelecom},
	{code: SubtypeTelecom, zh: "通信基础设施", en: "Communications infrastructure", x: CategoryTelecom},
})

// Subtypes returns all thirteen subtypes, grouped by category in the order
// of [Categories] and, within a category, in the letter's order. The slice
// is new on every call.
func Subtypes() []Subtype { return subtypes.list() }

// ParseSubtype returns the Subtype with code s (exact, case-sensitive), or a
// *[ParseError] listing the valid codes.
func ParseSubtype(s string) (Subtype, error) { return subtypes.parse(s) }

// IsValid reports whether s is one of the thirteen subtypes.
func (s Subtype) IsValid() bool { return subtypes.valid(s) }

// String returns the code, or "%!Subtype(raw)" for an invalid value.
func (s Subtype) String() string { return subtypes.str(s) }

// Chinese returns the letter's name, or "" for an invalid value.
func (s Subtype) Chinese() string { return subtypes.zh(s) }

// English returns an English name, or "" for an invalid value.
func (s Subtype) English() string { return subtypes.en(s) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (s Subtype) MarshalText() ([]byte, error) { return subtypes.marshal(s) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (s *Subtype) UnmarshalText(text []byte) error { return unmarshal(s, text) }

// Category returns the category the subtype belongs to, or "" for an
// invalid value.
func (s Subtype) Category() Category { return subtypes.extra(s) }

// BelongsTo reports whether s is a valid subtype of the valid category c.
func (s Subtype) BelongsTo(c Category) bool { return c.IsValid() && s.Category() == c }

// Stage is the stage a project is entered under (一(一)5–6, 三.1). The zero
// value means unset.
type Stage string

// The stages, in the order a project passes through them.
const (
	// StagePlanning is 谋划项目, a project still being planned (一(一)5).
	StagePlanning Stage = "planning"
	// StageNewStart is 新开工项目, a project starting construction (一(一)6).
	StageNewStart Stage = "new-start"
	// StageContinuing is 续建项目, a project already under construction.
	StageContinuing Stage = "continuing"
)

var stages = newTable("Stage", []row[Stage, struct{}]{
	{code: StagePlanning, zh: "谋划项目", en: "Planning project"},
	{code: StageNewStart, zh: "新开工项目", en: "New-start project"},
	{code: StageContinuing, zh: "续建项目", en: "Continuing project"},
})

// Stages returns the stages in order: planning, new-start, continuing. The
// slice is new on every call.
func Stages() []Stage { return stages.list() }

// ParseStage returns the Stage with code s (exact, case-sensitive), or a
// *[ParseError] listing the valid codes.
func ParseStage(s string) (Stage, error) { return stages.parse(s) }

// IsValid reports whether s is one of the three stages.
func (s Stage) IsValid() bool { return stages.valid(s) }

// String returns the code, or "%!Stage(raw)" for an invalid value.
func (s Stage) String() string { return stages.str(s) }

// Chinese returns the letter's name, or "" for an invalid value.
func (s Stage) Chinese() string { return stages.zh(s) }

// English returns an English name, or "" for an invalid value.
func (s Stage) English() string { return stages.en(s) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (s Stage) MarshalText() ([]byte, error) { return stages.marshal(s) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (s *Stage) UnmarshalText(text []byte) error { return unmarshal(s, text) }
