package category

// The letter's open lists. Three clauses list examples and end in 等 ("and so
// on"): 一(一)1 大数据存储、分析和应用等相关内容, 一(三)2 面向工业互联网特定需求的5G关键技术
// (the letter names none; the catalogue's examples), 一(三)3 5G、IPv6、工业无源光网络等
// 信息通信技术. Each has a code type whose codes are of three kinds:
//
//   - codes the rule set's parameter lists count (the parameter, not this
//     package, decides which);
//   - known codes the parameter leaves out do not count: a record that states
//     only those fails the criterion (公网宏覆盖 alone is not a 5G key
//     technology aimed at industrial needs);
//   - the code "other" says the record has an item the list does not name. It
//     is never failed by data alone: the criterion is left to a reviewer's
//     finding, undetermined until one is given.
//
// Any other text is not a code: validation rejects it and names the closest
// code ([ParseError.Closest]), so that a typo can never change a decision.
//
// A fourth 等, 一(三)11 重大安全、环保等责任事故, lists what bars intake rather than
// what qualifies, and follows the same rule with [IncidentKind]: the kinds the
// parameter lists count against the project, and [IncidentKindOtherAccident]
// leaves a major accident of another kind to a reviewer's finding.

// BigDataContent is a kind of big-data content a big-data centre declares (一(一)1:
// 大数据存储、分析和应用等相关内容). The zero value means unset.
type BigDataContent string

const (
	// BigDataStorage is 大数据存储, named by the letter.
	BigDataStorage BigDataContent = "storage"
	// BigDataAnalysis is 大数据分析, named by the letter.
	BigDataAnalysis BigDataContent = "analysis"
	// BigDataApplication is 大数据应用, named by the letter.
	BigDataApplication BigDataContent = "application"
	// BigDataCollection is 数据采集汇聚: gathering data into the centre.
	BigDataCollection BigDataContent = "collection"
	// BigDataGovernance is 数据治理: cleansing, cataloguing, quality and
	// standards of the data held.
	BigDataGovernance BigDataContent = "governance"
	// BigDataSharing is 数据共享交换: sharing and exchanging data between
	// departments and systems.
	BigDataSharing BigDataContent = "sharing"
	// BigDataSecurity is 数据安全: protecting the data held (classification,
	// encryption, access control, backup).
	BigDataSecurity BigDataContent = "security"
	// BigDataComputing is 算力: the computing capacity that processes the data.
	BigDataComputing BigDataContent = "computing"
	// BigDataFacilities is 机房及配套设施: the building, power, cooling and
	// cabling that house the centre, with no data function of their own.
	BigDataFacilities BigDataContent = "facilities"
	// BigDataOther is content the list does not name; see the note above.
	BigDataOther BigDataContent = "other"
)

var bigDataContents = newTable("BigDataContent", []row[BigDataContent, struct{}]{
	{code: BigDataStorage, zh: "大数据存储", en: "Big-data storage"},
	{code: BigDataAnalysis, zh: "大数据分析", en: "Big-data analysis"},
	{code: BigDataApplication, zh: "大数据应用", en: "Big-data application"},
	{code: BigDataCollection, zh: "数据采集汇聚", en: "Data collection and aggregation"},
	{code: BigDataGovernance, zh: "数据治理", en: "Data governance"},
	{code: BigDataSharing, zh: "数据共享交换", en: "Data sharing and exchange"},
	{code: BigDataSecurity, zh: "数据安全", en: "Data security"},
	{code: BigDataComputing, zh: "算力", en: "Computing capacity"},
	{code: BigDataFacilities, zh: "机房及配套设施", en: "Machine rooms and supporting facilities"},
	{code: BigDataOther, zh: "其他（由评审认定）", en: "Other (for a reviewer to judge)"},
})

// BigDataContents returns the content kinds: the three the letter names, the
// other data functions, facilities, then other. The slice is new on every call.
func BigDataContents() []BigDataContent { return bigDataContents.list() }

// ParseBigDataContent returns the BigDataContent with code s (exact,
// case-sensitive), or a *[ParseError] listing the valid codes.
func ParseBigDataContent(s string) (BigDataContent, error) { return bigDataContents.parse(s) }

// IsValid reports whether c is one of the ten content kinds.
func (c BigDataContent) IsValid() bool { return bigDataContents.valid(c) }

// String returns the code, or "%!BigDataContent(raw)" for an invalid value.
func (c BigDataContent) String() string { return bigDataContents.str(c) }

// Chinese returns the Chinese name, or "" for an invalid value.
func (c BigDataContent) Chinese() string { return bigDataContents.zh(c) }

// English returns an English name, or "" for an invalid value.
func (c BigDataContent) English() string { return bigDataContents.en(c) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (c BigDataContent) MarshalText() ([]byte, error) { return bigDataContents.marshal(c) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (c *BigDataContent) UnmarshalText(text []byte) error { return unmarshal(c, text) }

// FiveGTechnology is a 5G technology a 5G + industrial-internet infrastructure
// uses (一(三)2: 面向工业互联网特定需求的5G关键技术). The zero value means unset.
type FiveGTechnology string

const (
	// FiveGNetworkSlicing is 网络切片.
	FiveGNetworkSlicing FiveGTechnology = "network-slicing"
	// FiveGEdgeComputing is 边缘计算 (MEC).
	FiveGEdgeComputing FiveGTechnology = "edge-computing"
	// FiveGURLLC is 低时延高可靠 (uRLLC).
	FiveGURLLC FiveGTechnology = "urllc"
	// FiveGLAN is 5G局域网 (5G LAN).
	FiveGLAN FiveGTechnology = "5g-lan"
	// FiveGTSN is 5G与时间敏感网络融合 (5G–TSN, 3GPP Release 16).
	FiveGTSN FiveGTechnology = "tsn"
	// FiveGPrivateNetwork is 5G专网 (a non-public network, 3GPP NPN), whether
	// standalone or sharing the public network's infrastructure.
	FiveGPrivateNetwork FiveGTechnology = "private-network"
	// FiveGPositioning is 5G高精度定位.
	FiveGPositioning FiveGTechnology = "positioning"
	// FiveGUplinkEnhancement is 上行增强 (uplink-heavy frame structures,
	// supplementary uplink), for machine vision and data collection.
	FiveGUplinkEnhancement FiveGTechnology = "uplink-enhancement"
	// FiveGRedCap is RedCap (轻量化5G) industrial modules (3GPP Release 17).
	FiveGRedCap FiveGTechnology = "redcap"
	// FiveGPublicMacroCoverage is 公网宏覆盖: the public network's ordinary
	// coverage, which is not a technology aimed at industrial needs.
	FiveGPublicMacroCoverage FiveGTechnology = "public-macro-coverage"
	// FiveGOther is a technology the list does not name; see the note above.
	FiveGOther FiveGTechnology = "other"
)

var fiveGTechnologies = newTable("FiveGTechnology", []row[FiveGTechnology, struct{}]{
	{code: FiveGNetworkSlicing, zh: "网络切片", en: "Network slicing"},
	{code: FiveGEdgeComputing, zh: "边缘计算", en: "Edge computing"},
	{code: FiveGURLLC, zh: "低时延高可靠", en: "Ultra-reliable low-latency communication (URLLC)"},
	{code: FiveGLAN, zh: "5G局域网", en: "5G LAN"},
	{code: FiveGTSN, zh: "5G与时间敏感网络融合", en: "5G–TSN integration"},
	{code: FiveGPrivateNetwork, zh: "5G专网", en: "5G private (non-public) network"},
	{code: FiveGPositioning, zh: "5G高精度定位", en: "5G high-precision positioning"},
	{code: FiveGUplinkEnhancement, zh: "上行增强", en: "Uplink enhancement"},
	{code: FiveGRedCap, zh: "RedCap轻量化工业模组", en: "RedCap industrial modules"},
	{code: FiveGPublicMacroCoverage, zh: "公网宏覆盖", en: "Public macro coverage"},
	{code: FiveGOther, zh: "其他5G技术（由评审认定）", en: "Other 5G technology (for a reviewer to judge)"},
})

// FiveGTechnologies returns the technologies: the industrial key technologies,
// then public-macro-coverage, then other. The slice is new on every call.
func FiveGTechnologies() []FiveGTechnology { return fiveGTechnologies.list() }

// ParseFiveGTechnology returns the FiveGTechnology with code s (exact,
// case-sensitive), or a *[ParseError] listing the valid codes.
func ParseFiveGTechnology(s string) (FiveGTechnology, error) { return fiveGTechnologies.parse(s) }

// IsValid reports whether t is one of the eleven technologies.
func (t FiveGTechnology) IsValid() bool { return fiveGTechnologies.valid(t) }

// String returns the code, or "%!FiveGTechnology(raw)" for an invalid value.
func (t FiveGTechnology) String() string { return fiveGTechnologies.str(t) }

// Chinese returns the Chinese name, or "" for an invalid value.
func (t FiveGTechnology) Chinese() string { return fiveGTechnologies.zh(t) }

// English returns an English name, or "" for an invalid value.
func (t FiveGTechnology) English() string { return fiveGTechnologies.en(t) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (t FiveGTechnology) MarshalText() ([]byte, error) { return fiveGTechnologies.marshal(t) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (t *FiveGTechnology) UnmarshalText(text []byte) error { return unmarshal(t, text) }

// IntranetTechnology is an information and communication technology an
// enterprise intranet upgrade is built with (一(三)3: 利用5G、IPv6、工业无源光网络等
// 信息通信技术组建网络). The zero value means unset.
type IntranetTechnology string

const (
	// Intranet5G is 5G, named by the letter.
	Intranet5G IntranetTechnology = "5g"
	// IntranetIPv6 is IPv6, named by the letter.
	IntranetIPv6 IntranetTechnology = "ipv6"
	// IntranetIndustrialPON is 工业无源光网络 (industrial PON), named by the letter.
	IntranetIndustrialPON IntranetTechnology = "industrial-pon"
	// IntranetTSN is 时间敏感网络 (TSN, IEEE 802.1), the deterministic
	// Ethernet of industrial intranets.
	IntranetTSN IntranetTechnology = "tsn"
	// IntranetFieldbus is 现场总线 (PROFIBUS, Modbus and the like): the field
	// networks an upgrade replaces, not an information and communication
	// technology of the kind the letter names.
	IntranetFieldbus IntranetTechnology = "fieldbus"
	// IntranetOther is a technology the list does not name; see the note above.
	IntranetOther IntranetTechnology = "other"
)

var intranetTechnologies = newTable("IntranetTechnology", []row[IntranetTechnology, struct{}]{
	{code: Intranet5G, zh: "5G网络", en: "5G"},
	{code: IntranetIPv6, zh: "IPv6网络", en: "IPv6"},
	{code: IntranetIndustrialPON, zh: "工业无源光网络", en: "Industrial passive optical network (PON)"},
	{code: IntranetTSN, zh: "时间敏感网络", en: "Time-sensitive networking (TSN)"},
	{code: IntranetFieldbus, zh: "现场总线", en: "Fieldbus"},
	{code: IntranetOther, zh: "其他信息通信技术（由评审认定）", en: "Other communication technology (for a reviewer to judge)"},
})

// IntranetTechnologies returns the technologies: the three the letter names,
// tsn, fieldbus, then other. The slice is new on every call.
func IntranetTechnologies() []IntranetTechnology { return intranetTechnologies.list() }

// ParseIntranetTechnology returns the IntranetTechnology with code s (exact,
// case-sensitive), or a *[ParseError] listing the valid codes.
func ParseIntranetTechnology(s string) (IntranetTechnology, error) {
	return intranetTechnologies.parse(s)
}

// IsValid reports whether t is one of the six technologies.
func (t IntranetTechnology) IsValid() bool { return intranetTechnologies.valid(t) }

// String returns the code, or "%!IntranetTechnology(raw)" for an invalid value.
func (t IntranetTechnology) String() string { return intranetTechnologies.str(t) }

// Chinese returns the Chinese name, or "" for an invalid value.
func (t IntranetTechnology) Chinese() string { return intranetTechnologies.zh(t) }

// English returns an English name, or "" for an invalid value.
func (t IntranetTechnology) English() string { return intranetTechnologies.en(t) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (t IntranetTechnology) MarshalText() ([]byte, error) { return intranetTechnologies.marshal(t) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (t *IntranetTechnology) UnmarshalText(text []byte) error { return unmarshal(t, text) }

// IdentifierNodeKind is the kind of an industrial-internet identifier-resolution
// node (一(三)4: 鼓励在我省建立省级工业互联网标识解析二级节点或公共递归解析节点). The
// zero value means unset.
//
// Secondary nodes (二级节点) come in two levels that 一(三)4 tells apart: a
// provincial one (省级, serving a province's industries) is encouraged, an
// industry one (行业级, serving one industry) is not named. The code
// secondary-node, from before the two were told apart, says "a secondary node,
// level not stated": it is valid, not listed, and leaves 一(三)4 to a
// reviewer's finding.
type IdentifierNodeKind string

const (
	// NodeProvincialSecondary is 省级二级节点, encouraged by 一(三)4.
	NodeProvincialSecondary IdentifierNodeKind = "provincial-secondary-node"
	// NodeIndustrySecondary is 行业二级节点.
	NodeIndustrySecondary IdentifierNodeKind = "industry-secondary-node"
	// NodeEnterprise is 企业节点, below the secondary nodes.
	NodeEnterprise IdentifierNodeKind = "enterprise-node"
	// NodePublicRecursive is 公共递归解析节点, encouraged by 一(三)4.
	NodePublicRecursive IdentifierNodeKind = "recursive-node"
	// NodeOther is any other kind of node.
	NodeOther IdentifierNodeKind = "other"
	// NodeSecondary is 二级节点 of unstated level; see the type doc.
	NodeSecondary IdentifierNodeKind = "secondary-node"
)

var identifierNodeKinds = newTable("IdentifierNodeKind", []row[IdentifierNodeKind, struct{}]{
	{code: NodeProvincialSecondary, zh: "省级二级节点", en: "Provincial secondary node"},
	{code: NodeIndustrySecondary, zh: "行业二级节点", en: "Industry secondary node"},
	{code: NodeEnterprise, zh: "企业节点", en: "Enterprise node"},
	{code: NodePublicRecursive, zh: "公共递归解析节点", en: "Public recursive resolution node"},
	{code: NodeOther, zh: "其他节点", en: "Other node"},
	{code: NodeSecondary, zh: "二级节点（未说明级别）", en: "Secondary node, level not stated", unlisted: true},
})

// IdentifierNodeKinds returns the node kinds: provincial-secondary-node,
// industry-secondary-node, enterprise-node, recursive-node, other. The unlisted
// secondary-node is not included. The slice is new on every call.
func IdentifierNodeKinds() []IdentifierNodeKind { return identifierNodeKinds.list() }

// ParseIdentifierNodeKind returns the IdentifierNodeKind with code s (exact,
// case-sensitive; "secondary-node" is accepted), or a *[ParseError] listing the
// valid codes.
func ParseIdentifierNodeKind(s string) (IdentifierNodeKind, error) {
	return identifierNodeKinds.parse(s)
}

// IsValid reports whether k is one of the five listed kinds or secondary-node.
func (k IdentifierNodeKind) IsValid() bool { return identifierNodeKinds.valid(k) }

// Listed reports whether k is one of the listed kinds (false for
// secondary-node and invalid values).
func (k IdentifierNodeKind) Listed() bool { return identifierNodeKinds.listed(k) }

// String returns the code, or "%!IdentifierNodeKind(raw)" for an invalid value.
func (k IdentifierNodeKind) String() string { return identifierNodeKinds.str(k) }

// Chinese returns the Chinese name, or "" for an invalid value.
func (k IdentifierNodeKind) Chinese() string { return identifierNodeKinds.zh(k) }

// English returns an English name, or "" for an invalid value.
func (k IdentifierNodeKind) English() string { return identifierNodeKinds.en(k) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (k IdentifierNodeKind) MarshalText() ([]byte, error) { return identifierNodeKinds.marshal(k) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (k *IdentifierNodeKind) UnmarshalText(text []byte) error { return unmarshal(k, text) }
