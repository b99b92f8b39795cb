package category

// ReportingUnit is a body that reports projects under 二.1
// (以各市（州）为单位进行上报): the nine cities and prefecture, and the three
// units the letter addresses on their own. The zero value means unset.
//
// The extra code [ReportingUnitOther] is valid but not listed: it lets a
// record say "some other body reported this" (a county reporting on its own,
// say) so validation can report that rather than reject the record as
// malformed.
type ReportingUnit string

// The reporting units, in the order of the letter's addressees, then the
// unlisted "other".
const (
	// ReportingUnitChangchun is 长春市 (220100; since 2020 it includes 公主岭市 220184).
	ReportingUnitChangchun ReportingUnit = "changchun"
	// ReportingUnitJilinCity is 吉林市 (220200), the city, not the province.
	ReportingUnitJilinCity ReportingUnit = "jilin-city"
	// ReportingUnitSiping is 四平市 (220300).
	ReportingUnitSiping ReportingUnit = "siping"
	// ReportingUnitLiaoyuan is 辽源市 (220400).
	ReportingUnitLiaoyuan ReportingUnit = "liaoyuan"
	// ReportingUnitTonghua is 通化市 (220500).
	ReportingUnitTonghua ReportingUnit = "tonghua"
	// ReportingUnitBaishan is 白山市 (220600).
	ReportingUnitBaishan ReportingUnit = "baishan"
	// ReportingUnitSongyuan is 松原市 (220700).
	ReportingUnitSongyuan ReportingUnit = "songyuan"
	// ReportingUnitBaicheng is 白城市 (220800).
	ReportingUnitBaicheng ReportingUnit = "baicheng"
	// ReportingUnitYanbian is 延边朝鲜族自治州 (222400).
	ReportingUnitYanbian ReportingUnit = "yanbian"
	// ReportingUnitChangbaishan is 长白山管委会, in full
	// 吉林省长白山保护开发区管理委员会. It has no division code.
	ReportingUnitChangbaishan ReportingUnit = "changbaishan"
	// ReportingUnitChangchunNewArea is 长春新区管委会. It has no division code.
	ReportingUnitChangchunNewArea ReportingUnit = "changchun-new-area"
	// ReportingUnitMeihekou is 梅河口市 (220581): county-level and under 通化市
	// in GB/T 2260, but administered directly by the province, so the letter
	// addresses it on its own.
	ReportingUnitMeihekou ReportingUnit = "meihekou"
	// ReportingUnitOther is any body not among the letter's reporting units.
	// It is valid but not [ReportingUnit.Listed].
	ReportingUnitOther ReportingUnit = "other"
)

// reportingUnits keeps each unit's GB/T 2260 division code as extra data.
//
// 长白山管委会 and 长春新区管委会 are functional zones, not administrative
// divisions, so GB/T 2260 gives them no code. Codes seen in the wild for them
// are wrong: 220184 is 公主岭市 and 222200 is a retired code of 通化地区.
// Giving them none keeps [ReportingUnitForDivision] from mapping a real
// division to the wrong unit.
var reportingUnits = newTable("ReportingUnit", []row[ReportingUnit, string]{
	{code: ReportingUnitChangchun, zh: "长春市", en: "Changchun", x: "220100"},
	{code: ReportingUnitJilinCity, zh: "吉林市", en: "Jilin City", x: "220200"},
	{code: ReportingUnitSiping, zh: "四平市", en: "Siping", x: "220300"},
	{code: ReportingUnitLiaoyuan, zh: "辽源市", en: "Liaoyuan", x: "220400"},
	{code: ReportingUnitTonghua, zh: "通化市", en: "Tonghua", x: "220500"},
	{code: ReportingUnitBaishan, zh: "白山市", en: "Baishan", x: "220600"},
	{code: ReportingUnitSongyuan, zh: "松原市", en: "Songyuan", x: "220700"},
	{code: ReportingUnitBaicheng, zh: "白城市", en: "Baicheng", x: "220800"},
	{code: ReportingUnitYanbian, zh: "延边朝鲜族自治州", en: "Yanbian Korean Autonomous Prefecture", x: "222400"},
	{code: ReportingUnitChangbaishan, zh: "长白山管委会", en: "Changbai Mountain Administrative Committee"},
	{code: ReportingUnitChangchunNewArea, zh: "长春新区管委会", en: "Changchun New Area Administrative Committee"},
	{code: ReportingUnitMeihekou, zh: "梅河口市", en: "Meihekou", x: "220581"},
	{code: ReportingUnitOther, zh: "其他单位", en: "Other body", unlisted: true},
})

// ReportingUnits returns the twelve reporting units the letter names, in the
// order of its addressees (the nine cities and prefecture by division code,
// then changbaishan, changchun-new-area, meihekou). [ReportingUnitOther] is
// not included. The slice is new on every call.
func ReportingUnits() []ReportingUnit { return reportingUnits.list() }

// ParseReportingUnit returns the ReportingUnit with code s (exact,
// case-sensitive; "other" is accepted), or a *[ParseError] listing the valid
// codes.
func ParseReportingUnit(s string) (ReportingUnit, error) { return reportingUnits.parse(s) }

// ReportingUnitForDivision returns the listed reporting unit whose division
// code is exactly code (e.g. "220581" → meihekou), and false if there is
// none. Only exact matches count: a district or county code such as 220102
// gives false rather than its city, because mapping by prefix would put
// 梅河口市 (220581) under 通化市 (220500), whereas the letter has it report on
// its own. A caller that wants a county's city must decide that itself.
func ReportingUnitForDivision(code string) (ReportingUnit, bool) {
	if code == "" {
		return "", false
	}
	for _, r := range reportingUnits.rows {
		if !r.unlisted && r.x == code {
			return r.code, true
		}
	}
	return "", false
}

// IsValid reports whether u is one of the twelve reporting units or
// [ReportingUnitOther].
func (u ReportingUnit) IsValid() bool { return reportingUnits.valid(u) }

// Listed reports whether u is one of the twelve reporting units the letter
// names (false for [ReportingUnitOther] and invalid values).
func (u ReportingUnit) Listed() bool { return reportingUnits.listed(u) }

// String returns the code, or "%!ReportingUnit(raw)" for an invalid value.
func (u ReportingUnit) String() string { return reportingUnits.str(u) }

// Chinese returns the name the letter uses, or "" for an invalid value.
func (u ReportingUnit) Chinese() string { return reportingUnits.zh(u) }

// English returns an English name, or "" for an invalid value.
func (u ReportingUnit) English() string { return reportingUnits.en(u) }

// Division returns the six-digit GB/T 2260 code of the unit, or "" where
// there is none (changbaishan, changchun-new-area, other) or u is invalid.
func (u ReportingUnit) Division() string { return reportingUnits.extra(u) }

// MarshalText returns the code; empty text for the zero value; an error
// matching [ErrUnknownCode] for any other invalid value.
func (u ReportingUnit) MarshalText() ([]byte, error) { return reportingUnits.marshal(u) }

// UnmarshalText stores text as is, without validation; see the package doc.
func (u *ReportingUnit) UnmarshalText(text []byte) error { return unmarshal(u, text) }
