package category

// Authority is a provincial body in the letter's reporting flow (二.1): one
// that confirms intake, or one that receives the aggregated list. The zero
// value means unset.
//
// 吉林省政务服务和数字化建设管理局 has no official English name; the English
// given for it is a translation. Compare codes, never names.
type Authority string

// The authorities, in the order the letter names them in 二.1.
const (
	// AuthorityGovernmentServices is 吉林省政务服务和数字化建设管理局
	// (省政务服务和数字化局). It confirms bigdata projects
	// and aggregates all categories.
	AuthorityGovernmentServices Authority = "government-services"
	// AuthorityIndustryIT is 吉林省工业和信息化厅 (省工信厅). It confirms ai
	// and industrial-internet projects.
	AuthorityIndustryIT Authority = "industry-it"
	// AuthorityCommunications is 吉林省通信管理局 (省通信管理局). It confirms
	// telecom projects. It is led by the Ministry of Industry and Information
	// Technology (MIIT), not a department of the provincial government.
	AuthorityCommunications Authority = "communications"
	// AuthorityDevelopmentReform is 吉林省发展和改革委员会 (省发改委), which
	// receives the aggregated list.
	AuthorityDevelopmentReform Authority = "development-reform"
)

var authorities = newTable("Authority", []row[Authority, string]{
	{code: AuthorityGovernmentServices, zh: "吉林省政务服务和数字化建设管理局",
		en: "Jilin Provincial Administration of Government Services and Digital Construction", x: "省政务服务和数字化局"},
	{code: AuthorityIndustryIT, zh: "吉林省工业和信息化厅",
		en: "Department of Industry and Information Technology of Jilin Province", x: "省工信厅"},
	{code: AuthorityCommunications, zh: "吉林省通信管理局",
		en: "Jilin Communications Administration", x: "省通信管理局"},
	{code: AuthorityDevelopmentReform, zh: "吉林省发展和改革委员会",
		en: "Jilin Provincial Development and Reform Commission", x: "省发改委"},
})

// Authorities returns the authorities in the order of 二.1:
// government-services, industry-it, communications, development-reform. The
// slice is new on every call.
func Authorities() []Authority { return authorities.list() }

// ParseAuthority returns the Authority with code s (exact, case-sensitive), or
// a *[ParseError] listing the valid codes.
func ParseAuthority(s string) (Authority, error) { return authorities.parse(s) }

// IsValid reports whether a is one of the four authorities.
func (a Authority) IsValid() bool { return authorities.valid(a) }

// String returns the code, or "%!Authority(raw)" for an invalid value.
func (a Authority) String() string { return authorities.str(a) }

// Chinese returns the body's full name, or "" for an invalid value.
func (a Authority) Chinese() string { return authorities.zh(a) }

// ShortChinese returns the short name the letter uses (e.g. 省工信厅), or ""
// for an invalid value.
func (a Authority) ShortChinese() string { return authorities.extra(a) }

// English returns an English name, or "" for an invalid value; see the type
// doc on which names are official.
func (a Authority) English() string { return authorities.en(a) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (a Authority) MarshalText() ([]byte, error) { return authorities.marshal(a) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (a *Authority) UnmarshalText(text []byte) error { return unmarshal(a, text) }

// Aggregator returns the body that gathers the confirmed projects of every
// category (省政务服务和数字化局负责汇总, 二.1).
func Aggregator() Authority { return AuthorityGovernmentServices }

// Recipient returns the body the aggregated list is sent to (报送省发改委, 二.1).
func Recipient() Authority { return AuthorityDevelopmentReform }

// Channel is the route by which a project reaches its confirming authority.
// The zero value means unset.
type Channel string

const (
	// ChannelReportingUnit is the general route of 二.1: each city or
	// prefecture's competent department (or another reporting unit named by the
	// letter) collects its area's projects and reports them.
	ChannelReportingUnit Channel = "reporting-unit"
	// ChannelCarrierProvincialCompany is the special route of 二.2 for telecom:
	// a carrier's city branches pass projects to its provincial company, which
	// reports them, because 省通信管理局 deals only with provincial companies.
	ChannelCarrierProvincialCompany Channel = "carrier-provincial-company"
)

var channels = newTable("Channel", []row[Channel, struct{}]{
	{code: ChannelReportingUnit, zh: "按属地经各市（州）归口管理部门上报",
		en: "Through the city or prefecture competent department (二.1)"},
	{code: ChannelCarrierProvincialCompany, zh: "由运营商省级公司统一汇总上报",
		en: "Through the carrier's provincial company (二.2)"},
})

// Channels returns the channels in clause order: reporting-unit (二.1),
// carrier-provincial-company (二.2). The slice is new on every call.
func Channels() []Channel { return channels.list() }

// ParseChannel returns the Channel with code s (exact, case-sensitive), or a
// *[ParseError] listing the valid codes.
func ParseChannel(s string) (Channel, error) { return channels.parse(s) }

// IsValid reports whether c is one of the two channels.
func (c Channel) IsValid() bool { return channels.valid(c) }

// String returns the code, or "%!Channel(raw)" for an invalid value.
func (c Channel) String() string { return channels.str(c) }

// Chinese returns a Chinese description, or "" for an invalid value.
func (c Channel) Chinese() string { return channels.zh(c) }

// English returns an English description, or "" for an invalid value.
func (c Channel) English() string { return channels.en(c) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (c Channel) MarshalText() ([]byte, error) { return channels.marshal(c) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (c *Channel) UnmarshalText(text []byte) error { return unmarshal(c, text) }

// Route is the whole reporting path of one category under 二.1/二.2, for
// display and for embedding in reports.
type Route struct {
	Category   Category  `json:"category"`
	Confirmer  Authority `json:"confirmer"`  // confirms intake (入库确认)
	Channel    Channel   `json:"channel"`    // how the project reaches the confirmer
	Aggregator Authority `json:"aggregator"` // gathers all categories
	Recipient  Authority `json:"recipient"`  // receives the aggregated list
}

// RouteOf returns the route of category c, and false if c is invalid.
func RouteOf(c Category) (Route, bool) {
	if !c.IsValid() {
		return Route{}, false
	}
	return Route{
		Category:   c,
		Confirmer:  c.ConfirmingAuthority(),
		Channel:    c.Channel(),
		Aggregator: Aggregator(),
		Recipient:  Recipient(),
	}, true
}
