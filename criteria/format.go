package criteria

import (
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// This file formats parameter values as people write them, in Chinese and English:
// the words of requirements, messages, explanations, reports and remedies take every
// threshold, date and list from here, so that a value reads the same wherever it is
// printed.

// FormatAmount writes an amount in yuan: 5000000 is 500万元 and 5,000,000 yuan;
// an amount of whole 亿 is 1亿元, one under 10,000 yuan 5000元. Every digit is kept.
func FormatAmount(d decimal.Decimal) Text {
	return Text{Zh: amountZh(d), En: GroupDigits(d.String()) + " yuan"}
}

func amountZh(d decimal.Decimal) string {
	abs := d.Abs()
	switch {
	case abs.GreaterThanOrEqual(decimal.New(1, 8)) && abs.Mod(decimal.New(1, 8)).IsZero():
		return d.Shift(-8).String() + "亿元"
	case abs.GreaterThanOrEqual(decimal.New(1, 4)):
		return d.Shift(-4).String() + "万元"
	}
	return d.String() + "元"
}

// FormatRatio writes a share as a percentage in both languages: 0.5 is 50%,
// 0.555 is 55.5%.
func FormatRatio(d decimal.Decimal) Text {
	s := d.Shift(2).String() + "%"
	return Text{Zh: s, En: s}
}

// FormatYears writes a number of years: 3年 and 3 years (1 year).
func FormatYears(n int64) Text {
	en := strconv.FormatInt(n, 10) + " years"
	if n == 1 {
		en = "1 year"
	}
	return Text{Zh: strconv.FormatInt(n, 10) + "年", En: en}
}

// FormatDate writes a date as each language writes it: 2020年12月31日 and
// 31 December 2020.
func FormatDate(d Date) Text {
	return Text{
		Zh: strconv.Itoa(d.Year) + "年" + strconv.Itoa(int(d.Month)) + "月" + strconv.Itoa(d.Day) + "日",
		En: strconv.Itoa(d.Day) + " " + time.Month(d.Month).String() + " " + strconv.Itoa(d.Year),
	}
}

// Conjunction joins the last two items of a list: and (和) or or (或).
type Conjunction int

const (
	// And joins a list as "A、B和C" / "A, B and C".
	And Conjunction = iota
	// Or joins a list as "A、B或C" / "A, B or C".
	Or
)

// FormatList joins texts as each language writes a list: A、B和C and A, B and C
// (或 and or with [Or]); an empty list is 无 / none.
func FormatList(items []Text, conj Conjunction) Text {
	if len(items) == 0 {
		return Text{Zh: "无", En: "none"}
	}
	zhConj, enConj := "和", " and "
	if conj == Or {
		zhConj, enConj = "或", " or "
	}
	var zh, en strings.Builder
	for i, it := range items {
		switch {
		case i == 0:
		case i == len(items)-1:
			zh.WriteString(zhConj)
			en.WriteString(enConj)
		default:
			zh.WriteString("、")
			en.WriteString(", ")
		}
		zh.WriteString(it.Zh)
		en.WriteString(it.En)
	}
	return Text{Zh: zh.String(), En: en.String()}
}

// Quote writes a free text (a scenario, a code no list knows) in quotation marks,
// “a, b”, so that a list of texts shows where each item begins and ends.
func Quote(s string) Text {
	q := "“" + s + "”"
	return Text{Zh: q, En: q}
}

// FormatCodes names each code of a list by its name in the code list codes (see
// [CodeName]); a code the list does not know, or any item when codes is empty, is
// quoted.
func FormatCodes(codes string, items []string, conj Conjunction) Text {
	texts := make([]Text, len(items))
	for i, it := range items {
		texts[i] = FormatCode(codes, it)
	}
	return FormatList(texts, conj)
}

// FormatCode names one code by its name in the code list codes, or quotes it.
func FormatCode(codes, code string) Text {
	if t, ok := CodeName(codes, code); ok {
		return t
	}
	return Quote(code)
}

// Format writes a value of parameter p as people write it, in both languages: an
// amount in yuan (unit "yuan") as [FormatAmount], a ratio as [FormatRatio], a number
// of years as [FormatYears], a list by its code names joined with and, a string in
// quotation marks. The value is p's own or any other of its type (a letter's value,
// an older one).
func (p *Parameter) Format(v Value) Text {
	return p.FormatAs(v, And)
}

// FormatAs is Format with a list joined by conj.
func (p *Parameter) FormatAs(v Value, conj Conjunction) Text {
	switch v.Type() {
	case DecimalParameter:
		d, _ := v.Decimal()
		switch p.Unit {
		case "yuan":
			return FormatAmount(d)
		case "ratio":
			return FormatRatio(d)
		}
		s := d.String()
		return withUnit(s, p.Unit)
	case IntParameter:
		n, _ := v.Int()
		if p.Unit == "years" {
			return FormatYears(n)
		}
		return withUnit(strconv.FormatInt(n, 10), p.Unit)
	case StringParameter:
		s, _ := v.Str()
		if p.Codes != "" {
			return FormatCode(p.Codes, s)
		}
		return Quote(s)
	case ListParameter:
		l, _ := v.List()
		return FormatCodes(p.Codes, l, conj)
	}
	return Text{}
}

func withUnit(s, unit string) Text {
	if unit == "" {
		return Text{Zh: s, En: s}
	}
	return Text{Zh: s + " " + unit, En: s + " " + unit}
}

// GroupDigits writes a decimal numeral with thousands separators:
// 4999999.99 is 4,999,999.99. Text that is not a decimal numeral is returned as is.
func GroupDigits(s string) string {
	if _, err := decimal.NewFromString(s); err != nil {
		return s
	}
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

// Adjustment says how value differs from the value the letter states for parameter
// p, in both languages — 本规则集将总投资下限由500万元调整为1000万元 / this rule
// set raises the floor on total investment from 5,000,000 to 10,000,000 yuan — and
// reports false when p states no letter value or value is the letter's (a list in
// another order is the same list).
func (p *Parameter) Adjustment(value Value) (Text, bool) {
	letter := p.Letter
	if letter.Type() == "" || letter.Type() != value.Type() || sameValue(letter, value) {
		return Text{}, false
	}
	label := p.Label
	if label.IsZero() {
		label = Text{Zh: p.Name, En: p.Name}
	}
	was, now := p.Format(letter), p.Format(value)
	if value.Type() == ListParameter {
		old, _ := letter.List()
		cur, _ := value.List()
		added, removed := difference(cur, old), difference(old, cur)
		var zh, en []string
		if len(added) > 0 {
			t := FormatCodes(p.Codes, added, And)
			zh, en = append(zh, "增加"+t.Zh), append(en, "adds "+t.En)
		}
		if len(removed) > 0 {
			t := FormatCodes(p.Codes, removed, And)
			zh, en = append(zh, "删去"+t.Zh), append(en, "removes "+t.En)
		}
		return Text{
			Zh: "本规则集调整了" + label.Zh + "（函件：" + was.Zh + "）：" + strings.Join(zh, "，"),
			En: "this rule set changes the " + label.En + " (the letter's: " + was.En + "): it " + strings.Join(en, " and "),
		}, true
	}
	verb := "changes"
	if c, ok := compareValues(letter, value); ok {
		verb = map[int]string{-1: "raises", 1: "lowers"}[c]
	}
	wasEn := was.En
	if p.Type == DecimalParameter && p.Unit == "yuan" {
		// "from 5,000,000 to 10,000,000 yuan": the unit once, at the end.
		wasEn = strings.TrimSuffix(wasEn, " yuan")
	}
	return Text{
		Zh: "本规则集将" + label.Zh + "由" + was.Zh + "调整为" + now.Zh,
		En: "this rule set " + verb + " the " + label.En + " from " + wasEn + " to " + now.En,
	}, true
}

// compareValues compares two numbers: -1 when a < b.
func compareValues(a, b Value) (int, bool) {
	if x, ok := a.Decimal(); ok {
		y, _ := b.Decimal()
		return x.Cmp(y), true
	}
	if x, ok := a.Int(); ok {
		y, _ := b.Int()
		switch {
		case x < y:
			return -1, true
		case x > y:
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// sameValue is Equal, except that lists compare as sets.
func sameValue(a, b Value) bool {
	if a.Type() == ListParameter && b.Type() == ListParameter {
		x, _ := a.List()
		y, _ := b.List()
		return len(difference(x, y)) == 0 && len(difference(y, x)) == 0
	}
	return a.Equal(b)
}

// difference lists the items of a not in b, in a's order.
func difference(a, b []string) []string {
	var out []string
	for _, s := range a {
		found := false
		for _, t := range b {
			if s == t {
				found = true
				break
			}
		}
		if !found {
			out = append(out, s)
		}
	}
	return out
}
