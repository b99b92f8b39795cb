package remedy

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/criteria"
)

// This file holds every formatting choice of the package's sentences, so that it can
// switch in one place to a shared parameter-value formatter.

// amount writes an amount in yuan with two decimals and thousands separators:
// 4999999.99 → "4,999,999.99".
func amount(d decimal.Decimal) string { return groupDigits(d.StringFixed(2)) }

func groupDigits(s string) string {
	sign, whole, frac := "", s, ""
	if strings.HasPrefix(whole, "-") {
		sign, whole = "-", whole[1:]
	}
	if i := strings.IndexByte(whole, '.'); i >= 0 {
		whole, frac = whole[:i], whole[i:]
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String() + frac
}

// listCodes names plain-string codes that have no type of their own in the category
// package (the contents of list facts and of list parameters). A code not here is
// shown as written.
var listCodes = map[string]criteria.Text{
	"storage":               {Zh: "大数据存储", En: "big-data storage"},
	"analysis":              {Zh: "大数据分析", En: "big-data analysis"},
	"application":           {Zh: "大数据应用", En: "big-data application"},
	"network-slicing":       {Zh: "网络切片", En: "network slicing"},
	"edge-computing":        {Zh: "边缘计算", En: "edge computing"},
	"urllc":                 {Zh: "低时延高可靠", En: "URLLC"},
	"5g-lan":                {Zh: "5G局域网", En: "5G LAN"},
	"public-macro-coverage": {Zh: "公网宏覆盖", En: "public macro coverage"},
	"5g":                    {Zh: "5G", En: "5G"},
	"ipv6":                  {Zh: "IPv6", En: "IPv6"},
	"industrial-pon":        {Zh: "工业无源光网络", En: "industrial PON"},
	"secondary-node":        {Zh: "标识解析二级节点", En: "secondary node"},
	"recursive-node":        {Zh: "公共递归解析节点", En: "public recursive node"},
	"cross-industry":        {Zh: "跨行业跨领域平台", En: "cross-industry platform"},
	"industry":              {Zh: "重点行业级平台", En: "industry-level platform"},
	"enterprise":            {Zh: "企业级平台", En: "enterprise-level platform"},
}

// joinNames joins names with the enumeration comma in Chinese and ", " in English.
func joinNames(names []criteria.Text) criteria.Text {
	zh := make([]string, len(names))
	en := make([]string, len(names))
	for i, n := range names {
		zh[i], en[i] = n.Zh, n.En
	}
	return criteria.Text{Zh: strings.Join(zh, "、"), En: strings.Join(en, ", ")}
}

// yesNo names a boolean answer.
func yesNo(b bool) criteria.Text {
	if b {
		return criteria.Text{Zh: "是", En: "yes"}
	}
	return criteria.Text{Zh: "否", En: "no"}
}

// metWords names a finding.
func metWords(b bool) criteria.Text {
	if b {
		return criteria.Text{Zh: "认定符合", En: "met"}
	}
	return criteria.Text{Zh: "认定不符合", En: "not met"}
}

func text(zh, en string) criteria.Text { return criteria.Text{Zh: zh, En: en} }

func itoa(n int) string { return strconv.Itoa(n) }
