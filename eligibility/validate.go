package eligibility

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility/creditcode"
)

// Validate checks a project record against the engine's schema and rule set without
// evaluating it. It returns nil, or a *ValidationError matching ErrInvalidProject that
// names every offending field by JSON path. Evaluate runs the same checks.
//
// Bad input is a code that does not exist (in a list of codes, the error names the
// closest code, so that a typo is fixed rather than silently change a decision), a
// subtype of another category, a malformed credit code or division, a negative amount,
// a big-data portion above the total, or a finding for a criterion that takes none. A
// missing fact is not bad input: it leaves the criteria that need it undetermined. Nor
// is a defective 三.2 form: a completed investment left blank, negative or above the
// total fails GEN-3.
func (e *Engine) Validate(p *Project) error {
	if p == nil {
		return errNilProject
	}
	var problems criteria.Problems
	e.check(p, &problems)
	return problems.Err(invalidProject, ErrInvalidProject)
}

var errNilProject = fmt.Errorf("eligibility: %w: nil project", ErrInvalidProject)

const invalidProject = "eligibility: invalid project"

// check records every problem of p and returns what it derived. A nil e checks
// everything but what depends on a rule set (which findings it takes), for the
// package-level DecodeProject.
func (e *Engine) check(p *Project, problems *criteria.Problems) input {
	in := input{p: p}
	code := func(path string, valid bool, value string) { checkCode(problems, path, valid, value) }
	switch {
	case p.Category == "":
		problems.AddText("category", "必填", "required")
	case !p.Category.IsValid():
		_, err := category.ParseCategory(string(p.Category))
		problems.AddText("category", unknownCodeZh(string(p.Category), err, closestCategory), fmt.Sprintf("unknown code %q", string(p.Category)))
	}
	switch {
	case p.Subtype == "":
	case !p.Subtype.IsValid():
		_, err := category.ParseSubtype(string(p.Subtype))
		problems.AddText("subtype", unknownCodeZh(string(p.Subtype), err, closestSubtype), fmt.Sprintf("unknown code %q", string(p.Subtype)))
	case p.Category.IsValid() && !p.Subtype.BelongsTo(p.Category):
		problems.AddText("subtype", fmt.Sprintf("%q（%s）属于类别 %s（%s），不属于 %s（%s）", string(p.Subtype), p.Subtype.Chinese(), p.Subtype.Category(), p.Subtype.Category().Chinese(), p.Category, p.Category.Chinese()),
			fmt.Sprintf("%q is a subtype of %s, not of %s", string(p.Subtype), p.Subtype.Category(), p.Category))
	}
	code("stage", p.Stage.IsValid(), string(p.Stage))
	code("reportingUnit", p.ReportingUnit.IsValid(), string(p.ReportingUnit))

	a := &p.Applicant
	if a.CreditCode != "" {
		cc, err := creditcode.Parse(a.CreditCode)
		if len(a.CreditCode) > maxQuoted && err != nil {
			// creditcode's error quotes the input; a megabyte of it helps nobody.
			problems.AddText("applicant.creditCode", fmt.Sprintf("%d 字节的文本不是 18 位统一社会信用代码", len(a.CreditCode)), fmt.Sprintf("%d bytes is not an 18-character credit code", len(a.CreditCode)))
		} else if err != nil {
			problems.AddErrText("applicant.creditCode", creditCodeZh(a.CreditCode, err), err)
		} else if string(cc) != a.CreditCode {
			// Parse reads lower case and separators; the record holds the code as
			// issued, so that one applicant has one projectHash.
			problems.AddText("applicant.creditCode", fmt.Sprintf("%s 不是规范写法 %q：应为大写，不带分隔符", quote(a.CreditCode), string(cc)),
				fmt.Sprintf("%s is not in the canonical form %q: upper case, without separators", quote(a.CreditCode), string(cc)))
		} else {
			in.division = cc.Division()
		}
	}
	if a.RegistrationDivision != "" {
		if !isDivisionCode(a.RegistrationDivision) {
			problems.AddText("applicant.registrationDivision", quote(a.RegistrationDivision)+" 不是六位 GB/T 2260 行政区划代码", quote(a.RegistrationDivision)+" is not a six-digit GB/T 2260 division code")
		}
		in.division = a.RegistrationDivision
	}
	code("applicant.legalForm", a.LegalForm.IsValid(), string(a.LegalForm))
	code("applicant.enterpriseKind", a.EnterpriseKind.IsValid(), string(a.EnterpriseKind))
	code("applicant.carrier", a.Carrier.IsValid(), string(a.Carrier))

	if sa := a.SelfAssessment; sa != nil {
		checkAmount(problems, "applicant.selfAssessment.score", sa.Score)
	}

	inv := &p.Investment
	for _, amount := range []struct {
		path string
		d    *decimal.Decimal
	}{
		{"investment.total", inv.Total},
		{"investment.bigDataPortion", inv.BigDataPortion},
	} {
		checkAmount(problems, amount.path, amount.d)
	}
	if c := inv.Completed; c != nil && !c.blank {
		// A form amount may be negative: that is GEN-3's to fail. The limits still
		// hold, because they bound the cost of every rule reading the amount.
		abs := c.amount.Abs()
		checkAmount(problems, "investment.completed", &abs)
	}
	if inv.Total != nil && !inv.Total.IsNegative() && inv.BigDataPortion != nil && inv.BigDataPortion.GreaterThan(*inv.Total) {
		problems.AddText("investment.bigDataPortion", fmt.Sprintf("大数据部分投资 %s 元超过总投资 %s 元", inv.BigDataPortion, inv.Total), fmt.Sprintf("%s exceeds the total investment %s", inv.BigDataPortion, inv.Total))
	}

	for i, inc := range p.Incidents {
		if inc.Kind != "" && !inc.Kind.IsValid() { // the path is built only for a problem
			code(fmt.Sprintf("incidents[%d].kind", i), false, string(inc.Kind))
		}
	}

	checkSizes(p, problems)
	checkDates(p, problems)

	for id, f := range p.Findings {
		if !e.takesFinding(id) || f.Met == nil {
			e.checkFindings(p, problems) // sorts, which only a problem pays for
			break
		}
	}
	return in
}

// checkCodes reports every entry of a list of codes that is not a code, naming the
// closest code where one is near, and a list over the length limit.
func checkCodes[T interface {
	~string
	IsValid() bool
	Chinese() string
}](problems *criteria.Problems, path string, l []T, parse func(string) (T, error)) {
	if len(l) > MaxListLength {
		problems.AddText(path, fmt.Sprintf("%d 项超过上限 %d 项", len(l), MaxListLength), fmt.Sprintf("%d items exceed the limit of %d", len(l), MaxListLength))
		return
	}
	for i, c := range l {
		if !c.IsValid() { // the path is built only for a problem
			_, err := parse(string(c))
			problems.AddText(fmt.Sprintf("%s[%d]", path, i), unknownCodeZh(string(c), err, func(s string) string { return T(s).Chinese() }), unknownCode(string(c), err))
		}
	}
}

// unknownCode writes the problem of a code that parse refused with err.
func unknownCode(value string, err error) string {
	msg := "unknown code " + quote(value)
	if pe, ok := errors.AsType[*category.ParseError](err); ok && pe.Closest != "" {
		msg += fmt.Sprintf("; did you mean %q?", pe.Closest)
	}
	return msg
}

// unknownCodeZh writes unknownCode's problem in Chinese, naming the closest code by
// its Chinese name, which zhName gives.
func unknownCodeZh(value string, err error, zhName func(string) string) string {
	msg := "未知代码 " + quote(value)
	if pe, ok := errors.AsType[*category.ParseError](err); ok && pe.Closest != "" {
		if name := zhName(pe.Closest); name != "" {
			return msg + fmt.Sprintf("，是否应为 %q（%s）？", pe.Closest, name)
		}
		return msg + fmt.Sprintf("，是否应为 %q？", pe.Closest)
	}
	return msg
}

func closestCategory(s string) string { return category.Category(s).Chinese() }
func closestSubtype(s string) string  { return category.Subtype(s).Chinese() }

// creditCodeZh says in Chinese why creditcode refused code.
func creditCodeZh(code string, err error) string {
	ce, ok := errors.AsType[*creditcode.Error](err)
	if !ok {
		return quote(code) + " 不是有效的统一社会信用代码"
	}
	switch ce.Reason {
	case creditcode.ReasonLength:
		return fmt.Sprintf("%s 位数不对：应为 %s 位，实为 %s 位", quote(code), ce.Want, ce.Got)
	case creditcode.ReasonCharacter:
		return fmt.Sprintf("%s 第 %d 位 %q 不是统一社会信用代码可用的字符", quote(code), ce.Pos, ce.Got)
	case creditcode.ReasonDivision:
		return fmt.Sprintf("%s 第 %d 位 %q 不是数字：第 3 至 8 位为行政区划代码", quote(code), ce.Pos, ce.Got)
	case creditcode.ReasonOrganizationCheck:
		return fmt.Sprintf("%s 第 %d 位组织机构代码校验码不符：应为 %s，实为 %s", quote(code), ce.Pos, ce.Want, ce.Got)
	case creditcode.ReasonCheckCharacter:
		return fmt.Sprintf("%s 第 %d 位校验码不符：应为 %s，实为 %s", quote(code), ce.Pos, ce.Want, ce.Got)
	}
	return quote(code) + " 不是有效的统一社会信用代码"
}

func checkCode(problems *criteria.Problems, path string, valid bool, value string) {
	if value != "" && !valid {
		problems.AddText(path, "未知代码 "+quote(value), "unknown code "+quote(value))
	}
}

// maxAmount bounds every amount: a billion billion yuan is beyond any project, and
// the bound keeps exact arithmetic on amounts cheap (see MaxAmountScale).
var maxAmount = decimal.New(1, 18)

// checkAmount refuses negative amounts and amounts beyond the limits.
func checkAmount(problems *criteria.Problems, path string, d *decimal.Decimal) {
	switch {
	case d == nil:
	case d.IsNegative():
		problems.AddText(path, "不得为负数，实为 "+quote(d.String()), "must not be negative, got "+quote(d.String()))
	case d.NumDigits()+int(d.Exponent()) > 18 && d.GreaterThan(maxAmount): // a value of n digits is below 10^n: skip the allocating compare
		problems.AddText(path, "超过上限 10^18", "exceeds the limit of 10^18")
	case -d.Exponent() > MaxAmountScale && !d.Equal(d.Truncate(MaxAmountScale)):
		problems.AddText(path, fmt.Sprintf("小数位超过 %d 位", MaxAmountScale), fmt.Sprintf("has more than %d decimal places", MaxAmountScale))
	}
}

// maxQuoted bounds how much of a bad value an error message repeats.
const maxQuoted = 64

// quote writes s for an error message, quoted and cut to maxQuoted bytes: a
// megabyte-long code should not make a megabyte-long error.
func quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return fmt.Sprintf("%s… (%d bytes)", strconv.Quote(s[:cut]), len(s))
}

// checkFindings reports findings for criteria that take none and findings without
// their value, in a stable order whatever the map's. A nil e checks only the value.
func (e *Engine) checkFindings(p *Project, problems *criteria.Problems) {
	ids := make([]string, 0, len(p.Findings))
	for id := range p.Findings {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		path := "findings." + quoteKey(id)
		if !e.takesFinding(id) {
			problems.AddText(path, fmt.Sprintf("规则集 %q 没有需评审认定的条件 %s", e.rules.Name, quote(id)), fmt.Sprintf("rule set %q has no reviewer-finding criterion %s", e.rules.Name, quote(id)))
		}
		if p.Findings[id].Met == nil { // reported for any key, as the schema does
			problems.AddText(path+".met", "必填：评审认定符合要求的写 true，不符合的写 false", "required: true if the reviewer found the requirement met, false if not")
		}
	}
}

// takesFinding reports whether the rule set has a reviewer-finding criterion id; with
// no engine (nil), every ID is taken.
func (e *Engine) takesFinding(id string) bool {
	if e == nil {
		return true
	}
	_, ok := e.findingIndex[id]
	return ok
}

func isDivisionCode(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// checkSizes enforces the input limits that bound every rule's cost, and rejects
// text that is not UTF-8 (JSON input never is; a Go caller's may be). It is on every
// evaluation's path, so it builds a path string only for a problem.
func checkSizes(p *Project, problems *criteria.Problems) {
	text := func(path string, index int, s string) {
		if len(s) <= MaxStringBytes && utf8.ValidString(s) {
			return
		}
		if index >= 0 {
			path = fmt.Sprintf("%s[%d]", path, index)
		}
		if len(s) > MaxStringBytes {
			problems.AddText(path, fmt.Sprintf("%d 字节超过上限 %d 字节", len(s), MaxStringBytes), fmt.Sprintf("%d bytes exceeds the limit of %d", len(s), MaxStringBytes))
		} else {
			problems.AddText(path, "不是有效的 UTF-8 编码", "is not valid UTF-8")
		}
	}
	list := func(path string, l []string) {
		if len(l) > MaxListLength {
			problems.AddText(path, fmt.Sprintf("%d 项超过上限 %d 项", len(l), MaxListLength), fmt.Sprintf("%d items exceed the limit of %d", len(l), MaxListLength))
			return
		}
		for i, s := range l {
			text(path, i, s)
		}
	}
	optional := func(path string, s *string) {
		if s != nil {
			text(path, -1, *s)
		}
	}
	text("id", -1, p.ID)
	text("name", -1, p.Name)
	text("applicant.name", -1, p.Applicant.Name)
	// A list of codes is checked here, where its size is, so that a code that is no
	// code (a typo, or a megabyte of text) is reported in the record's order.
	checkCodes(problems, "bigDataContent", p.BigDataContent, category.ParseBigDataContent)
	checkCodes(problems, "fiveG.technologies", p.FiveG.Technologies, category.ParseFiveGTechnology)
	list("fiveG.scenarios", p.FiveG.Scenarios)
	checkCodes(problems, "intranet.technologies", p.Intranet.Technologies, category.ParseIntranetTechnology)
	if k := p.IdentifierNode.Kind; k != "" && !k.IsValid() {
		_, err := category.ParseIdentifierNodeKind(string(k))
		problems.AddText("identifierNode.kind", unknownCodeZh(string(k), err, func(s string) string { return category.IdentifierNodeKind(s).Chinese() }), unknownCode(string(k), err))
	}
	text("platform.level", -1, p.Platform.Level)
	optional("form.constructionScale", p.Form.ConstructionScale)
	optional("form.progress", p.Form.Progress)
	optional("form.responsiblePerson", p.Form.ResponsiblePerson)
	if len(p.Incidents) > MaxListLength {
		problems.AddText("incidents", fmt.Sprintf("%d 项超过上限 %d 项", len(p.Incidents), MaxListLength), fmt.Sprintf("%d items exceed the limit of %d", len(p.Incidents), MaxListLength))
	} else {
		for i := range p.Incidents {
			if d := p.Incidents[i].Description; len(d) > MaxStringBytes || !utf8.ValidString(d) {
				text(fmt.Sprintf("incidents[%d].description", i), -1, d)
			}
		}
	}
	if len(p.Findings) > MaxListLength {
		problems.AddText("findings", fmt.Sprintf("%d 项评审认定超过上限 %d 项", len(p.Findings), MaxListLength), fmt.Sprintf("%d findings exceed the limit of %d", len(p.Findings), MaxListLength))
	}
	checkRecordSize(p, problems)
	var bad []string
	for id, f := range p.Findings {
		if len(f.By) > MaxStringBytes || len(f.Note) > MaxStringBytes || !utf8.ValidString(f.By) || !utf8.ValidString(f.Note) {
			bad = append(bad, id)
		}
	}
	slices.Sort(bad) // a stable order, whatever the map's
	for _, id := range bad {
		f := p.Findings[id]
		text("findings."+quoteKey(id)+".by", -1, f.By)
		text("findings."+quoteKey(id)+".note", -1, f.Note)
	}
}

// quoteKey cuts an over-long map key for use in a path.
func quoteKey(id string) string {
	if len(id) <= maxQuoted {
		return id
	}
	return quote(id)
}
