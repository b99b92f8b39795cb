package category

// Carrier is one of the five companies that 二.2 allows to build 5G and
// communications infrastructure (移动公司、联通公司、电信公司、广电公司、铁塔公司).
// A Carrier names the group; the letter requires the project to come through
// that group's provincial company, which is a separate fact. The zero value
// means unset.
//
// The extra code [CarrierNone] is valid but not listed, so a record can state
// that its builder is not a carrier and validation can report that.
type Carrier string

// The carriers, in the letter's order, then the unlisted "none".
const (
	// CarrierChinaMobile is 中国移动通信集团有限公司 (中国移动).
	CarrierChinaMobile Carrier = "china-mobile"
	// CarrierChinaUnicom is 中国联合网络通信集团有限公司 (中国联通).
	CarrierChinaUnicom Carrier = "china-unicom"
	// CarrierChinaTelecom is 中国电信集团有限公司 (中国电信).
	CarrierChinaTelecom Carrier = "china-telecom"
	// CarrierChinaBroadnet is 中国广播电视网络集团有限公司 (中国广电), the
	// letter's 广电公司. Its English name here is the brand, China Broadnet.
	CarrierChinaBroadnet Carrier = "china-broadnet"
	// CarrierChinaTower is 中国铁塔股份有限公司 (中国铁塔).
	CarrierChinaTower Carrier = "china-tower"
	// CarrierNone means the builder is not one of the five carriers. It is
	// valid but not [Carrier.Listed].
	CarrierNone Carrier = "none"
)

// carriers keeps each carrier's brand as extra data.
var carriers = newTable("Carrier", []row[Carrier, string]{
	{code: CarrierChinaMobile, zh: "中国移动通信集团有限公司", en: "China Mobile Communications Group Co., Ltd.", x: "中国移动"},
	{code: CarrierChinaUnicom, zh: "中国联合网络通信集团有限公司", en: "China United Network Communications Group Co., Ltd.", x: "中国联通"},
	{code: CarrierChinaTelecom, zh: "中国电信集团有限公司", en: "China Telecommunications Corporation", x: "中国电信"},
	{code: CarrierChinaBroadnet, zh: "中国广播电视网络集团有限公司", en: "China Broadnet", x: "中国广电"},
	{code: CarrierChinaTower, zh: "中国铁塔股份有限公司", en: "China Tower Corporation Limited", x: "中国铁塔"},
	{code: CarrierNone, zh: "非运营商", en: "Not a carrier", unlisted: true},
})

// Carriers returns the five carriers of 二.2 in the letter's order:
// china-mobile, china-unicom, china-telecom, china-broadnet, china-tower.
// [CarrierNone] is not included. The slice is new on every call.
func Carriers() []Carrier { return carriers.list() }

// ParseCarrier returns the Carrier with code s (exact, case-sensitive; "none"
// is accepted), or a *[ParseError] listing the valid codes.
func ParseCarrier(s string) (Carrier, error) { return carriers.parse(s) }

// IsValid reports whether c is one of the five carriers or [CarrierNone].
func (c Carrier) IsValid() bool { return carriers.valid(c) }

// Listed reports whether c is one of the five carriers of 二.2 (false for
// [CarrierNone] and invalid values).
func (c Carrier) Listed() bool { return carriers.listed(c) }

// String returns the code, or "%!Carrier(raw)" for an invalid value.
func (c Carrier) String() string { return carriers.str(c) }

// Chinese returns the group's registered name, or "" for an invalid value.
func (c Carrier) Chinese() string { return carriers.zh(c) }

// English returns an English name, or "" for an invalid value.
func (c Carrier) English() string { return carriers.en(c) }

// Brand returns the short brand for display (中国移动, 中国联通, 中国电信,
// 中国广电, 中国铁塔); "" for [CarrierNone], which has no brand, and for
// invalid values.
func (c Carrier) Brand() string { return carriers.extra(c) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (c Carrier) MarshalText() ([]byte, error) { return carriers.marshal(c) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (c *Carrier) UnmarshalText(text []byte) error { return unmarshal(c, text) }
