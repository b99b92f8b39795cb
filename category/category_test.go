package category_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
)

// enum is the method set every type of the package shares.
type enum interface {
	~string
	IsValid() bool
	String() string
	Chinese() string
	English() string
	MarshalText() ([]byte, error)
}

// enumSpec pins one type: its name and codes are the JSON contract, so any
// change to them must show up as a diff here.
type enumSpec[T enum] struct {
	typ      string
	list     func() []T
	parse    func(string) (T, error)
	listed   []string // codes the list function returns, in order
	unlisted []string // codes that are valid but not listed
}

var codeRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// invalidInputs are codes no type accepts, each with the reason it must fail.
var invalidInputs = []struct{ in, reason string }{
	{"", "the zero value means unset and is never a valid code"},
	{"no-such-code", "unknown code"},
	{"BIGDATA", "codes are case-sensitive"},
	{" china-mobile", "no trimming: Parse is strict"},
	{"大数据中心", "a display name is not a code"},
}

func testEnum[T enum, PT interface {
	*T
	UnmarshalText([]byte) error
}](t *testing.T, s enumSpec[T]) {
	t.Helper()
	all := slices.Concat(s.listed, s.unlisted)

	t.Run("list", func(t *testing.T) {
		got := s.list()
		codes := make([]string, len(got))
		for i, v := range got {
			codes[i] = string(v)
		}
		require.Equal(t, s.listed, codes, "list order is documented and stable")
		if len(got) > 0 {
			got[0] = "mutated"
			assert.Equal(t, T(s.listed[0]), s.list()[0], "list must return a fresh slice")
		}
	})

	t.Run("valid", func(t *testing.T) {
		zh, en := map[string]string{}, map[string]string{}
		for _, code := range all {
			v := T(code)
			assert.Truef(t, codeRE.MatchString(code), "%s code %q is not lower-case ASCII", s.typ, code)
			assert.Truef(t, v.IsValid(), "%s %q", s.typ, code)
			assert.Equal(t, code, v.String())
			assert.Equal(t, code, fmt.Sprint(v), "fmt uses String")
			require.NotEmptyf(t, v.Chinese(), "%s %q Chinese", s.typ, code)
			require.NotEmptyf(t, v.English(), "%s %q English", s.typ, code)
			assert.Truef(t, strings.ContainsFunc(v.Chinese(), isHan), "%s %q Chinese name %q has no Han", s.typ, code, v.Chinese())
			assert.NotContainsf(t, zh, v.Chinese(), "%s Chinese name %q repeated", s.typ, v.Chinese())
			assert.NotContainsf(t, en, v.English(), "%s English name %q repeated", s.typ, v.English())
			zh[v.Chinese()], en[v.English()] = code, code

			text, err := v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, code, string(text))
			var back T
			require.NoError(t, PT(&back).UnmarshalText(text))
			assert.Equal(t, v, back)

			parsed, err := s.parse(code)
			require.NoError(t, err)
			assert.Equal(t, v, parsed)
		}
	})

	t.Run("invalid", func(t *testing.T) {
		for _, c := range invalidInputs {
			_, err := s.parse(c.in)
			require.Errorf(t, err, "Parse%s(%q): %s", s.typ, c.in, c.reason)
			assert.ErrorIsf(t, err, category.ErrUnknownCode, "%s: %s", c.in, c.reason)
			var pe *category.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, s.typ, pe.Type)
			assert.Equal(t, c.in, pe.Value)
			assert.Equal(t, all, pe.Valid, "the error lists every valid code")
			assert.True(t, strings.HasPrefix(err.Error(), "category: "), err.Error())
			for _, code := range all {
				assert.Contains(t, err.Error(), code)
			}

			v := T(c.in)
			assert.False(t, v.IsValid(), c.reason)
			assert.Equal(t, "%!"+s.typ+"("+c.in+")", v.String(), c.reason)
			assert.Empty(t, v.Chinese())
			assert.Empty(t, v.English())

			// Lenient decoding keeps the bad value for validation to report.
			var dec T
			require.NoError(t, PT(&dec).UnmarshalText([]byte(c.in)), c.reason)
			assert.Equal(t, v, dec)
		}
	})

	t.Run("marshal", func(t *testing.T) {
		var zero T
		text, err := zero.MarshalText()
		require.NoError(t, err, "the zero value marshals as unset")
		assert.Empty(t, text)

		_, err = T("bogus").MarshalText()
		require.ErrorIs(t, err, category.ErrUnknownCode)
		assert.Contains(t, err.Error(), s.typ)
		assert.Contains(t, err.Error(), `"bogus"`)
		assert.True(t, strings.HasPrefix(err.Error(), "category: "), err.Error())
	})
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func TestEnums(t *testing.T) {
	t.Run("Category", func(t *testing.T) {
		testEnum(t, enumSpec[category.Category]{typ: "Category", list: category.Categories, parse: category.ParseCategory,
			listed: []string{"bigdata", "ai", "industrial-internet", "telecom"}})
	})
	t.Run("Subtype", func(t *testing.T) {
		testEnum(t, enumSpec[category.Subtype]{typ: "Subtype", list: category.Subtypes, parse: category.ParseSubtype,
			listed: []string{"datacenter", "govinfra", "product", "manufacturing", "application", "support",
				"5g-infrastructure", "intranet", "identifier-node", "platform", "other", "5g", "telecom"}})
	})
	t.Run("Stage", func(t *testing.T) {
		testEnum(t, enumSpec[category.Stage]{typ: "Stage", list: category.Stages, parse: category.ParseStage,
			listed: []string{"planning", "new-start", "continuing"}})
	})
	t.Run("Authority", func(t *testing.T) {
		testEnum(t, enumSpec[category.Authority]{typ: "Authority", list: category.Authorities, parse: category.ParseAuthority,
			listed: []string{"government-services", "industry-it", "communications", "development-reform"}})
	})
	t.Run("Channel", func(t *testing.T) {
		testEnum(t, enumSpec[category.Channel]{typ: "Channel", list: category.Channels, parse: category.ParseChannel,
			listed: []string{"reporting-unit", "carrier-provincial-company"}})
	})
	t.Run("ReportingUnit", func(t *testing.T) {
		testEnum(t, enumSpec[category.ReportingUnit]{typ: "ReportingUnit", list: category.ReportingUnits, parse: category.ParseReportingUnit,
			listed: []string{"changchun", "jilin-city", "siping", "liaoyuan", "tonghua", "baishan", "songyuan",
				"baicheng", "yanbian", "changbaishan", "changchun-new-area", "meihekou"},
			unlisted: []string{"other"}})
	})
	t.Run("Carrier", func(t *testing.T) {
		testEnum(t, enumSpec[category.Carrier]{typ: "Carrier", list: category.Carriers, parse: category.ParseCarrier,
			listed:   []string{"china-mobile", "china-unicom", "china-telecom", "china-broadnet", "china-tower"},
			unlisted: []string{"none"}})
	})
	t.Run("LegalForm", func(t *testing.T) {
		testEnum(t, enumSpec[category.LegalForm]{typ: "LegalForm", list: category.LegalForms, parse: category.ParseLegalForm,
			listed: []string{"enterprise", "public-institution", "social-organization", "foundation", "social-service-agency",
				"government-organ", "rural-collective-economic-organization", "cooperative-economic-organization",
				"grassroots-autonomous-organization", "branch", "individual-business", "unincorporated"}})
	})
	t.Run("BigDataContent", func(t *testing.T) {
		testEnum(t, enumSpec[category.BigDataContent]{typ: "BigDataContent", list: category.BigDataContents, parse: category.ParseBigDataContent,
			listed: []string{"storage", "analysis", "application", "collection", "governance", "sharing", "security",
				"computing", "facilities", "other"}})
	})
	t.Run("FiveGTechnology", func(t *testing.T) {
		testEnum(t, enumSpec[category.FiveGTechnology]{typ: "FiveGTechnology", list: category.FiveGTechnologies, parse: category.ParseFiveGTechnology,
			listed: []string{"network-slicing", "edge-computing", "urllc", "5g-lan", "tsn", "private-network", "positioning",
				"uplink-enhancement", "redcap", "public-macro-coverage", "other"}})
	})
	t.Run("IntranetTechnology", func(t *testing.T) {
		testEnum(t, enumSpec[category.IntranetTechnology]{typ: "IntranetTechnology", list: category.IntranetTechnologies, parse: category.ParseIntranetTechnology,
			listed: []string{"5g", "ipv6", "industrial-pon", "tsn", "fieldbus", "other"}})
	})
	t.Run("IdentifierNodeKind", func(t *testing.T) {
		testEnum(t, enumSpec[category.IdentifierNodeKind]{typ: "IdentifierNodeKind", list: category.IdentifierNodeKinds, parse: category.ParseIdentifierNodeKind,
			listed:   []string{"provincial-secondary-node", "industry-secondary-node", "enterprise-node", "recursive-node", "other"},
			unlisted: []string{"secondary-node"}})
	})
	t.Run("EnterpriseKind", func(t *testing.T) {
		testEnum(t, enumSpec[category.EnterpriseKind]{typ: "EnterpriseKind", list: category.EnterpriseKinds, parse: category.ParseEnterpriseKind,
			listed: []string{"manufacturing", "new-generation-it", "other"}})
	})
	t.Run("IncidentKind", func(t *testing.T) {
		testEnum(t, enumSpec[category.IncidentKind]{typ: "IncidentKind", list: category.IncidentKinds, parse: category.ParseIncidentKind,
			listed: []string{"safety-accident", "environmental-accident", "other-accident", "violation"}})
	})
}

func TestParseErrorMessage(t *testing.T) {
	_, err := category.ParseStage("started")
	require.EqualError(t, err, `category: unknown Stage "started" (valid: planning, new-start, continuing)`)
	_, err = category.ParseStage("")
	require.EqualError(t, err, `category: empty Stage (valid: planning, new-start, continuing)`)
}

// TestParseErrorClosest: a near miss names the code that was meant, so the
// person who typed it can fix it; a value near no code names none.
func TestParseErrorClosest(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"storge", "storage"},
		{"Storage", "storage"},
		{"anlaysis", "analysis"},
		{"network slicing", "network-slicing"},
		{"network_slicing", "network-slicing"},
		{"URLLC", "urllc"},
		{"5G-LAN", "5g-lan"},
		{"redcap-module", ""},
		{"blockchain", ""},
		{"", ""},
		{"存储", ""},
	} {
		var closest string
		_, err := category.ParseBigDataContent(c.in)
		if pe, ok := errors.AsType[*category.ParseError](err); ok && pe.Closest != "" {
			closest = pe.Closest
		}
		_, err = category.ParseFiveGTechnology(c.in)
		if pe, ok := errors.AsType[*category.ParseError](err); ok && pe.Closest != "" {
			closest = pe.Closest
		}
		assert.Equal(t, c.want, closest, c.in)
	}
	_, err := category.ParseBigDataContent("storge")
	require.EqualError(t, err, `category: unknown BigDataContent "storge"; did you mean "storage"? (valid: storage, analysis, application, collection, governance, sharing, security, computing, facilities, other)`)
	_, err = category.ParseBigDataContent(strings.Repeat("x", 1<<16))
	pe, _ := errors.AsType[*category.ParseError](err)
	require.NotNil(t, pe)
	assert.Empty(t, pe.Closest, "a long value is no typo, and costs no quadratic search")
}

func TestParseErrorValidIsACopy(t *testing.T) {
	_, err := category.ParseCategory("x")
	var pe *category.ParseError
	require.ErrorAs(t, err, &pe)
	pe.Valid[0] = "mutated"
	_, err = category.ParseCategory("x")
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "bigdata", pe.Valid[0], "a caller editing one error must not affect the next")
}

func TestSubtypesBelongToOneCategory(t *testing.T) {
	var fromCategories []category.Subtype
	for _, c := range category.Categories() {
		subs := c.Subtypes()
		require.NotEmpty(t, subs, c)
		for _, s := range subs {
			assert.Equal(t, c, s.Category(), s)
		}
		fromCategories = append(fromCategories, subs...)
	}
	assert.Equal(t, category.Subtypes(), fromCategories,
		"the categories' subtypes, concatenated in category order, are all subtypes in order")

	for _, s := range category.Subtypes() {
		n := 0
		for _, c := range category.Categories() {
			if s.BelongsTo(c) {
				n++
			}
		}
		assert.Equalf(t, 1, n, "subtype %s belongs to %d categories", s, n)
	}

	want := map[category.Category][]category.Subtype{
		category.CategoryBigData: {category.SubtypeDatacenter, category.SubtypeGovInfra},
		category.CategoryAI: {category.SubtypeAIProduct, category.SubtypeAIManufacturing,
			category.SubtypeAIApplication, category.SubtypeAISupport},
		category.CategoryIndustrialInternet: {category.Subtype5GInfrastructure, category.SubtypeIntranet,
			category.SubtypeIdentifierNode, category.SubtypePlatform, category.SubtypeIndustrialOther},
		category.CategoryTelecom: {category.Subtype5G, category.SubtypeTelecom},
	}
	for c, subs := range want {
		assert.Equal(t, subs, c.Subtypes(), c)
	}

	subs := category.CategoryAI.Subtypes()
	subs[0] = "mutated"
	assert.Equal(t, category.SubtypeAIProduct, category.CategoryAI.Subtypes()[0], "Subtypes returns a fresh slice")
}

func TestSubtypeInvalid(t *testing.T) {
	cases := []struct {
		s      category.Subtype
		c      category.Category
		reason string
	}{
		{"", "", "unset subtype belongs to no category, not even the unset one"},
		{"bogus", "", "invalid subtype belongs to no category"},
		{"bogus", category.CategoryAI, "invalid subtype belongs to no category"},
		{category.SubtypeTelecom, "", "a valid subtype does not belong to the unset category"},
		{category.SubtypeTelecom, "bogus", "nor to an invalid one"},
		{category.Subtype5GInfrastructure, category.CategoryTelecom, "5G+industrial internet is industrial-internet, not telecom"},
	}
	for _, c := range cases {
		assert.False(t, c.s.BelongsTo(c.c), c.reason)
	}
	assert.Empty(t, category.Subtype("bogus").Category())
	assert.Nil(t, category.Category("bogus").Subtypes())
	assert.Nil(t, category.Category("").Subtypes())
}

func TestRouting(t *testing.T) {
	cases := []struct {
		c         category.Category
		confirmer category.Authority
		channel   category.Channel
		clause    string
		reason    string
	}{
		{category.CategoryBigData, category.AuthorityGovernmentServices, category.ChannelReportingUnit, "一(一)",
			"二.1: 省政务服务和数字化局负责大数据中心和数字政务基础设施项目入库确认"},
		{category.CategoryAI, category.AuthorityIndustryIT, category.ChannelReportingUnit, "一(二)",
			"二.1: 省工信厅负责人工智能…项目入库确认"},
		{category.CategoryIndustrialInternet, category.AuthorityIndustryIT, category.ChannelReportingUnit, "一(三)",
			"二.1: 省工信厅负责…工业互联网项目入库确认"},
		{category.CategoryTelecom, category.AuthorityCommunications, category.ChannelCarrierProvincialCompany, "二.2",
			"二.1 names 省通信管理局; 二.2 routes through the carriers' provincial companies"},
	}
	require.Len(t, cases, len(category.Categories()), "every category has a route")
	for _, c := range cases {
		assert.Equal(t, c.confirmer, c.c.ConfirmingAuthority(), c.reason)
		assert.Equal(t, c.channel, c.c.Channel(), c.reason)
		assert.Equal(t, c.clause, c.c.Clause(), c.reason)

		r, ok := category.RouteOf(c.c)
		require.True(t, ok)
		assert.Equal(t, category.Route{
			Category:   c.c,
			Confirmer:  c.confirmer,
			Channel:    c.channel,
			Aggregator: category.AuthorityGovernmentServices,
			Recipient:  category.AuthorityDevelopmentReform,
		}, r, c.reason)
	}

	assert.Equal(t, category.AuthorityGovernmentServices, category.Aggregator(), "省政务服务和数字化局负责汇总")
	assert.Equal(t, category.AuthorityDevelopmentReform, category.Recipient(), "报送省发改委")

	for _, bad := range []category.Category{"", "bogus"} {
		_, ok := category.RouteOf(bad)
		assert.False(t, ok)
		assert.Empty(t, bad.ConfirmingAuthority())
		assert.Empty(t, bad.Channel())
		assert.Empty(t, bad.Clause())
	}
}

func TestRouteJSON(t *testing.T) {
	r, ok := category.RouteOf(category.CategoryTelecom)
	require.True(t, ok)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"category":"telecom","confirmer":"communications","channel":"carrier-provincial-company",
		"aggregator":"government-services","recipient":"development-reform"}`, string(b))
}

func TestAuthorityNames(t *testing.T) {
	cases := []struct {
		a               category.Authority
		full, short, en string
	}{
		{category.AuthorityGovernmentServices, "吉林省政务服务和数字化建设管理局", "省政务服务和数字化局",
			"Jilin Provincial Administration of Government Services and Digital Construction"},
		{category.AuthorityIndustryIT, "吉林省工业和信息化厅", "省工信厅",
			"Department of Industry and Information Technology of Jilin Province"},
		{category.AuthorityCommunications, "吉林省通信管理局", "省通信管理局", "Jilin Communications Administration"},
		{category.AuthorityDevelopmentReform, "吉林省发展和改革委员会", "省发改委",
			"Jilin Provincial Development and Reform Commission"},
	}
	for _, c := range cases {
		assert.Equal(t, c.full, c.a.Chinese())
		assert.Equal(t, c.short, c.a.ShortChinese())
		assert.Equal(t, c.en, c.a.English())
	}
	assert.Empty(t, category.Authority("bogus").ShortChinese())
}

func TestReportingUnits(t *testing.T) {
	cases := []struct {
		u       category.ReportingUnit
		zh, div string
		reason  string
	}{
		{category.ReportingUnitChangchun, "长春市", "220100", "city"},
		{category.ReportingUnitJilinCity, "吉林市", "220200", "city"},
		{category.ReportingUnitSiping, "四平市", "220300", "city"},
		{category.ReportingUnitLiaoyuan, "辽源市", "220400", "city"},
		{category.ReportingUnitTonghua, "通化市", "220500", "city"},
		{category.ReportingUnitBaishan, "白山市", "220600", "city"},
		{category.ReportingUnitSongyuan, "松原市", "220700", "city"},
		{category.ReportingUnitBaicheng, "白城市", "220800", "city"},
		{category.ReportingUnitYanbian, "延边朝鲜族自治州", "222400", "autonomous prefecture"},
		{category.ReportingUnitChangbaishan, "长白山管委会", "", "functional zone: no GB/T 2260 code (222200 is a retired 通化地区 code)"},
		{category.ReportingUnitChangchunNewArea, "长春新区管委会", "", "functional zone: no GB/T 2260 code (220184 is 公主岭市)"},
		{category.ReportingUnitMeihekou, "梅河口市", "220581", "county-level city administered directly by the province"},
	}
	require.Equal(t, len(cases), len(category.ReportingUnits()))
	for i, c := range cases {
		assert.Equal(t, c.u, category.ReportingUnits()[i], "order")
		assert.True(t, c.u.Listed(), c.reason)
		assert.Equal(t, c.zh, c.u.Chinese())
		assert.Equal(t, c.div, c.u.Division(), c.reason)
		if c.div != "" {
			got, ok := category.ReportingUnitForDivision(c.div)
			assert.True(t, ok, c.reason)
			assert.Equal(t, c.u, got, c.reason)
		}
	}

	other := category.ReportingUnitOther
	assert.True(t, other.IsValid())
	assert.False(t, other.Listed(), "other is valid but not one of the letter's units")
	assert.NotContains(t, category.ReportingUnits(), other)
	assert.Empty(t, other.Division())
	assert.False(t, category.ReportingUnit("bogus").Listed())
	assert.Empty(t, category.ReportingUnit("bogus").Division())

	misses := []struct{ code, reason string }{
		{"", "empty code must not match the units without one"},
		{"220000", "the province is not a reporting unit"},
		{"220184", "公主岭市, wrongly used for 长春新区; it is part of 长春市 but only exact codes match"},
		{"222200", "retired code of 通化地区, wrongly used for 长白山"},
		{"220102", "a district does not map to its city"},
		{"2201", "prefixes do not match"},
		{"220100 ", "no trimming"},
	}
	for _, m := range misses {
		u, ok := category.ReportingUnitForDivision(m.code)
		assert.False(t, ok, m.reason)
		assert.Empty(t, u, m.reason)
	}
}

func TestCarriers(t *testing.T) {
	cases := []struct {
		c         category.Carrier
		zh, brand string
	}{
		{category.CarrierChinaMobile, "中国移动通信集团有限公司", "中国移动"},
		{category.CarrierChinaUnicom, "中国联合网络通信集团有限公司", "中国联通"},
		{category.CarrierChinaTelecom, "中国电信集团有限公司", "中国电信"},
		{category.CarrierChinaBroadnet, "中国广播电视网络集团有限公司", "中国广电"},
		{category.CarrierChinaTower, "中国铁塔股份有限公司", "中国铁塔"},
	}
	require.Len(t, category.Carriers(), len(cases))
	for i, c := range cases {
		assert.Equal(t, c.c, category.Carriers()[i], "order")
		assert.True(t, c.c.Listed())
		assert.Equal(t, c.zh, c.c.Chinese())
		assert.Equal(t, c.brand, c.c.Brand())
	}
	assert.True(t, category.CarrierNone.IsValid())
	assert.False(t, category.CarrierNone.Listed(), "none is valid but not a carrier")
	assert.NotContains(t, category.Carriers(), category.CarrierNone)
	assert.Empty(t, category.CarrierNone.Brand())
	assert.False(t, category.Carrier("bogus").Listed())
}

func TestIndependentLegalPerson(t *testing.T) {
	cases := []struct {
		f      category.LegalForm
		want   bool
		reason string
	}{
		{category.LegalFormEnterprise, true, "营利法人"},
		{category.LegalFormPublicInstitution, true, "事业单位法人 is a 非营利法人"},
		{category.LegalFormSocialOrganization, true, "社会团体法人 is a 非营利法人"},
		{category.LegalFormFoundation, true, "基金会 is a 捐助法人, a 非营利法人"},
		{category.LegalFormSocialServiceAgency, true, "社会服务机构 is a 捐助法人, a 非营利法人"},
		{category.LegalFormGovernmentOrgan, true, "机关法人 is a 特别法人 (art. 97)"},
		{category.LegalFormRuralCollective, true, "特别法人 (art. 99)"},
		{category.LegalFormCooperative, true, "特别法人 (art. 100)"},
		{category.LegalFormGrassrootsAutonomous, true, "特别法人 (art. 101)"},
		{category.LegalFormBranch, false, "a branch is part of its legal person"},
		{category.LegalFormIndividualBusiness, false, "not a legal person"},
		{category.LegalFormUnincorporated, false, "非法人组织"},
		{"", false, "unset"},
		{"bogus", false, "invalid"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, c.f.IndependentLegalPerson(), c.reason)
	}
}

// record is the shape other packages embed these types in.
type record struct {
	Category  category.Category         `json:"category"`
	Subtype   category.Subtype          `json:"subtype"`
	Stage     category.Stage            `json:"stage,omitempty"`
	Unit      category.ReportingUnit    `json:"unit"`
	Carrier   category.Carrier          `json:"carrier,omitempty"`
	Form      category.LegalForm        `json:"legalForm"`
	Kind      category.EnterpriseKind   `json:"enterpriseKind"`
	Incidents []category.IncidentKind   `json:"incidents"`
	ByChannel map[category.Channel]bool `json:"byChannel"`
	Confirmer category.Authority        `json:"confirmer"`
}

func TestJSONRoundTrip(t *testing.T) {
	in := record{
		Category:  category.CategoryIndustrialInternet,
		Subtype:   category.Subtype5GInfrastructure,
		Unit:      category.ReportingUnitMeihekou,
		Form:      category.LegalFormEnterprise,
		Kind:      category.EnterpriseKindManufacturing,
		Incidents: []category.IncidentKind{category.IncidentKindViolation},
		ByChannel: map[category.Channel]bool{category.ChannelReportingUnit: true},
		Confirmer: category.AuthorityIndustryIT,
	}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"category":"industrial-internet","subtype":"5g-infrastructure","unit":"meihekou",
		"legalForm":"enterprise","enterpriseKind":"manufacturing","incidents":["violation"],
		"byChannel":{"reporting-unit":true},"confirmer":"industry-it"}`, string(b),
		"codes are the JSON form; unset omitempty fields are dropped")

	var out record
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)
}

func TestJSONLenientDecode(t *testing.T) {
	// Several bad fields: decoding must not stop at the first, so validation
	// can report them all.
	var r record
	err := json.Unmarshal([]byte(`{"category":"Bigdata","subtype":"cloud","unit":"jilin","carrier":"",
		"legalForm":"enterprise"}`), &r)
	require.NoError(t, err)
	assert.Equal(t, category.Category("Bigdata"), r.Category)
	assert.Equal(t, category.Subtype("cloud"), r.Subtype)
	assert.Equal(t, category.ReportingUnit("jilin"), r.Unit)
	assert.Equal(t, category.Carrier(""), r.Carrier)
	assert.False(t, r.Category.IsValid())
	assert.False(t, r.Subtype.IsValid())
	assert.False(t, r.Unit.IsValid())
	assert.True(t, r.Form.IsValid())

	_, err = json.Marshal(r)
	require.ErrorIs(t, err, category.ErrUnknownCode, "invalid values are never written out")
	assert.Contains(t, err.Error(), `Category "Bigdata"`)
}

func TestStringInFormatting(t *testing.T) {
	cases := []struct {
		v      fmt.Stringer
		want   string
		reason string
	}{
		{category.CategoryAI, "ai", "valid value prints its code"},
		{category.Category("x"), "%!Category(x)", "invalid value is flagged, like time.Weekday"},
		{category.Category(""), "%!Category()", "the zero value is unset, not valid"},
		{category.Subtype("x"), "%!Subtype(x)", ""},
		{category.Stage("x"), "%!Stage(x)", ""},
		{category.Authority("x"), "%!Authority(x)", ""},
		{category.Channel("x"), "%!Channel(x)", ""},
		{category.ReportingUnit("x"), "%!ReportingUnit(x)", ""},
		{category.Carrier("x"), "%!Carrier(x)", ""},
		{category.LegalForm("x"), "%!LegalForm(x)", ""},
		{category.EnterpriseKind("x"), "%!EnterpriseKind(x)", ""},
		{category.IncidentKind("x"), "%!IncidentKind(x)", ""},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, c.v.String(), c.reason)
		assert.Equal(t, c.want, fmt.Sprintf("%v", c.v), c.reason)
	}
}

func TestErrorsAreDistinguishable(t *testing.T) {
	_, err := category.ParseCarrier("移动")
	var pe *category.ParseError
	require.True(t, errors.As(err, &pe))
	assert.Equal(t, "Carrier", pe.Type)
	assert.Contains(t, pe.Valid, "none", "unlisted codes still parse, so they are listed as valid")
}
