package criteria

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jilin761/intake/category"
)

// A code list names the codes a list or string parameter (and the record fact it is
// compared with) holds, so that words a person reads show 长春市, not changchun.
// A parameter names its code list in Parameter.Codes.
//
// The lists of the category package are its enum types, the open 等 lists of
// category/lists.go included. The platform levels, which the record documents but
// the category package does not type, are named here.
//
// A list's names are written out when the package is initialised, for the codes its
// type lists (those it leaves out, such as "other", are named on each call), so
// that naming a code, which every explanation does several times, is one lookup.
var codeLists = func() map[string]codeList {
	lists := map[string]codeList{
		"category":           enumList(category.Categories(), false),
		"subtype":            enumList(category.Subtypes(), false),
		"stage":              enumList(category.Stages(), false),
		"reportingUnit":      enumList(category.ReportingUnits(), false),
		"legalForm":          enumList(category.LegalForms(), true),
		"enterpriseKind":     enumList(category.EnterpriseKinds(), true),
		"incidentKind":       enumList(category.IncidentKinds(), true),
		"carrier":            listOf(category.Carriers(), carrierName),
		"bigDataContent":     enumList(category.BigDataContents(), true),
		"fiveGTechnology":    enumList(category.FiveGTechnologies(), true),
		"intranetTechnology": enumList(category.IntranetTechnologies(), true),
		"identifierNode":     enumList(category.IdentifierNodeKinds(), true),
	}
	platforms := map[string]Text{
		"cross-industry": {Zh: "跨行业跨领域平台", En: "cross-industry platform"},
		"industry":       {Zh: "重点行业级平台", En: "key industry-level platform"},
		"enterprise":     {Zh: "企业级平台", En: "enterprise-level platform"},
	}
	lists["platformLevel"] = codeList{names: platforms, codes: []string{"cross-industry", "industry", "enterprise"},
		name: tableName(platforms)}
	return lists
}()

// codeList names the codes of one list: names holds those written out in advance,
// codes, in the list's order, and name names any code.
type codeList struct {
	names map[string]Text
	codes []string
	name  func(code string) (Text, bool)
}

func enumList[T interface {
	~string
	IsValid() bool
	Chinese() string
	English() string
}](codes []T, lowerEn bool) codeList {
	return listOf(codes, enumName[T](lowerEn))
}

func listOf[T ~string](codes []T, name func(string) (Text, bool)) codeList {
	l := codeList{names: make(map[string]Text, len(codes)), name: name}
	for _, c := range codes {
		if t, ok := name(string(c)); ok {
			l.names[string(c)] = t
			l.codes = append(l.codes, string(c))
		}
	}
	return l
}

// Codes returns the codes of the code list codes that its type lists, in their
// order (a list's "other" and the like are valid but not listed), or nil for an
// unknown list; [CodeName] names each.
func Codes(codes string) []string {
	return slices.Clone(codeLists[codes].codes)
}

// CodeLists returns the names of the code lists a parameter may name in Codes, in
// sorted order.
func CodeLists() []string {
	names := make([]string, 0, len(codeLists))
	for n := range codeLists {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// CodeName returns the Chinese and English names of code in the code list codes
// ("reportingUnit", "carrier", "fiveGTechnology" …; see [CodeLists]), and false
// when the list is unknown or does not hold the code.
func CodeName(codes, code string) (Text, bool) {
	l, ok := codeLists[codes]
	if !ok {
		return Text{}, false
	}
	if t, ok := l.names[code]; ok {
		return t, true
	}
	return l.name(code)
}

func enumName[T interface {
	~string
	IsValid() bool
	Chinese() string
	English() string
}](lowerEn bool) func(string) (Text, bool) {
	return func(code string) (Text, bool) {
		v := T(code)
		if !v.IsValid() {
			return Text{}, false
		}
		en := v.English()
		if lowerEn {
			en = lowerFirst(en)
		}
		return Text{Zh: v.Chinese(), En: en}, true
	}
}

// carrierName names a carrier as a sentence does: by its brand (中国移动), not its
// registered name, whose "Co., Ltd." would break a list apart.
func carrierName(code string) (Text, bool) {
	c := category.Carrier(code)
	if !c.IsValid() {
		return Text{}, false
	}
	brand := c.Brand()
	if brand == "" {
		return Text{Zh: c.Chinese(), En: lowerFirst(c.English())}, true
	}
	en := map[string]string{"中国移动": "China Mobile", "中国联通": "China Unicom", "中国电信": "China Telecom",
		"中国广电": "China Broadnet", "中国铁塔": "China Tower"}[brand]
	if en == "" {
		en = c.English()
	}
	return Text{Zh: brand, En: en}, true
}

func tableName(names map[string]Text) func(string) (Text, bool) {
	return func(code string) (Text, bool) {
		t, ok := names[code]
		return t, ok
	}
}

// lowerFirst lower-cases a name's first letter for use inside a sentence
// ("Enterprise legal person" → "enterprise legal person").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsUpper(r) {
		return s
	}
	word, _, _ := strings.Cut(s, " ")
	if strings.IndexFunc(word[n:], unicode.IsUpper) >= 0 {
		return s // an acronym or a name written with capitals inside (URLLC, RedCap)
	}
	return strings.ToLower(s[:n]) + s[n:]
}
