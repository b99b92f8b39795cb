package report

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// The catalogue is the rule set as a document for people who do not read YAML or
// CEL: an auditor checking a clause, a reviewer citing one, an official signing off
// a policy change. It is generated, never written by hand, so it cannot drift from
// the rules the engine runs; criteria/CATALOGUE.md is the default rule set's, kept
// current by `go generate ./criteria` and a test that fails when it is stale.
//
// The output is a pure function of the rule set: the same rule set gives the same
// bytes on every machine and every run, so the file diffs cleanly in review.

// Catalogue writes rs to w as a Markdown document: the rule set's name,
// document, title, effective date and hash; an index of the criteria; the
// parameters with their dated values; then, category by category in the letter's
// order (and last the criteria of every category), each criterion with its ID,
// reference, strength and basis, the letter's text as a blockquote, the requirement
// and failure message in Chinese and English, and its CEL expressions.
//
// The hash is the one verdicts record as Provenance.RuleSetHash, so a reader can
// tell whether a verdict was reached under exactly the rules the document shows.
// Which criteria read each parameter comes from the compiled rules
// (eligibility.Engine.Reads), so rs must compile; an error from eligibility.New is
// returned as it is. Catalogue does no I/O beyond writing to w and returns the
// first write error.
func Catalogue(w io.Writer, rs *criteria.RuleSet) error {
	engine, err := eligibility.New(rs)
	if err != nil {
		return fmt.Errorf("report: catalogue: %w", err)
	}
	cw := &catalogueWriter{w: w, reads: map[string][]string{}}
	for _, c := range rs.Criteria {
		r, _ := engine.Reads(c.ID)
		cw.reads[c.ID] = r.Params
	}
	cw.write(rs, paramUses(cw.reads, rs))
	return cw.err
}

// catalogueWriter writes Markdown and keeps the first error, so the layout code
// reads top to bottom without an error check per line.
type catalogueWriter struct {
	w   io.Writer
	err error
	// reads maps a criterion's ID to the parameters its expressions read.
	reads map[string][]string
}

func (cw *catalogueWriter) printf(format string, a ...any) {
	if cw.err == nil {
		_, cw.err = fmt.Fprintf(cw.w, format, a...)
	}
}

func (cw *catalogueWriter) line(s string) { cw.printf("%s\n", s) }

// section is the criteria of one category (or, with the zero Category, of every
// category), in rule order.
type section struct {
	cat      category.Category
	criteria []*criteria.Criterion
}

func (s section) anchor() string {
	if s.cat == "" {
		return "category-all"
	}
	return "category-" + string(s.cat)
}

func (s section) title() string {
	switch {
	case s.cat == "":
		return "各类项目 · Every category"
	case s.cat.IsValid():
		return s.cat.Clause() + " " + s.cat.Chinese() + " · " + s.cat.English()
	}
	return string(s.cat) // a rule set not validated; still shown, under its code
}

// sections groups the criteria by category: the letter's categories in its order,
// then any other category code in order of first appearance, then the criteria of
// every category. Empty sections are left out.
func sections(rs *criteria.RuleSet) []section {
	order := category.Categories()
	for _, c := range rs.Criteria {
		if c.Category != "" && !slices.Contains(order, c.Category) {
			order = append(order, c.Category)
		}
	}
	order = append(order, "")
	var out []section
	for _, cat := range order {
		s := section{cat: cat}
		for i := range rs.Criteria {
			if rs.Criteria[i].Category == cat {
				s.criteria = append(s.criteria, &rs.Criteria[i])
			}
		}
		if len(s.criteria) > 0 {
			out = append(out, s)
		}
	}
	return out
}

func (cw *catalogueWriter) write(rs *criteria.RuleSet, uses map[string][]string) {
	secs := sections(rs)

	cw.printf("# 规则目录 · Criteria catalogue: %s\n\n", mdText(rs.Name))
	cw.line("<!-- Generated from the rule set by report.Catalogue; do not edit by hand. -->")
	cw.line("")
	cw.printf("- 规则集 Rule set: %s\n", code(rs.Name))
	doc := mdText(rs.Document)
	if rs.Title != "" {
		doc += "《" + mdText(rs.Title) + "》"
	}
	cw.printf("- 文件 Document: %s\n", doc)
	cw.printf("- 生效日 Effective: %s\n", rs.Effective)
	cw.printf("- 规则集哈希 Rule-set hash: %s\n", code(rs.Hash()))
	cw.printf("- 条款 Criteria: %d（%s）\n", len(rs.Criteria), countCriteria(rs))
	cw.printf("- 参数 Parameters: %d\n", len(rs.Parameters))
	cw.line("")
	cw.line("中文为准，英文为工作译文。强制性（mandatory）条款决定能否入库；鼓励性（encouraged）条款从不导致不符合，" +
		"已知未达到时作为建议列出。数据（data）条款依据项目记录判定，评审认定（finding）条款依据评审意见 `findings['<ID>']` 判定。" +
		"表达式为 CEL，可读取 `project`（项目记录，字段名同其 JSON）、`findings`、`params`（下列参数在评估日有效的值）和 `asOf`（评估日）。" +
		"要求和不符合时的说明中的阈值、日期和列表取自参数（规则集中写作 `{参数名}`），此处按生效日有效的参数值写出；审查结论按评估日有效的值写出。" +
		"规则集哈希与审查结论中的 `provenance.ruleSetHash` 相同时，该结论即依据本文所列规则作出。")
	cw.line("")
	cw.line("The Chinese is authoritative; the English is a working translation. Mandatory criteria decide eligibility; " +
		"encouraged ones never fail a project and are listed as advisories when known to be unmet. Data criteria are decided " +
		"from the project record, finding criteria from a reviewer's finding, `findings['<ID>']`. Expressions are CEL over " +
		"`project` (the record, fields named as in its JSON), `findings`, `params` (the parameters below, with the value in " +
		"force on the evaluation date) and `asOf` (the evaluation date). The thresholds, dates and lists in requirements and " +
		"failure messages come from the parameters (written `{name}` in the rule set); they are shown here with the values in " +
		"force on the effective date, and a verdict states those in force on its evaluation date. A verdict whose `provenance.ruleSetHash` equals the " +
		"hash above was reached under exactly the rules listed here.")
	cw.line("")

	cw.line("## 目录 · Contents")
	cw.line("")
	cw.line("- [参数 · Parameters](#parameters)")
	for _, s := range secs {
		cw.printf("- [%s](#%s) (%d)\n", mdText(s.title()), s.anchor(), len(s.criteria))
	}
	cw.line("")

	cw.line("## 条款一览 · Index")
	cw.line("")
	cw.line("| ID | 条款 ref | 类别 category | 强度 strength | 依据 basis | 要求 requirement |")
	cw.line("|---|---|---|---|---|---|")
	for _, s := range secs {
		for _, c := range s.criteria {
			cat := string(c.Category)
			if cat == "" {
				cat = "every category"
			}
			cw.printf("| [%s](#%s) | %s | %s | %s | %s | %s |\n", c.ID, anchorOf(c.ID), cell(c.Ref), cell(cat),
				cell(string(c.Strength)), cell(string(c.Basis)), cell(cw.render(rs, c.Summary).Zh))
		}
	}
	cw.line("")

	cw.writeParameters(rs, uses)
	for _, s := range secs {
		cw.printf("## <a id=\"%s\"></a>%s\n\n", s.anchor(), mdText(s.title()))
		if s.cat.IsValid() {
			a := s.cat.ConfirmingAuthority()
			cw.printf("类别代码 Category code: %s · 入库确认 Confirmed by: %s（%s）· %s\n\n",
				code(string(s.cat)), mdText(a.Chinese()), mdText(a.ShortChinese()), mdText(a.English()))
		} else if s.cat == "" {
			cw.line("这些条款适用于各类项目（除非其适用条件另有限定）。These criteria are considered for every category, " +
				"unless their applies-when condition says otherwise.")
			cw.line("")
		}
		for _, c := range s.criteria {
			cw.writeCriterion(rs, c)
		}
	}
}

func (cw *catalogueWriter) writeParameters(rs *criteria.RuleSet, uses map[string][]string) {
	cw.line("## <a id=\"parameters\"></a>参数 · Parameters")
	cw.line("")
	if len(rs.Parameters) == 0 {
		cw.line("无 · None.")
		cw.line("")
		return
	}
	cw.line("阈值和列表从不写进表达式，而是规则集的参数，表达式以 `params.<name>` 读取；评估时取评估日有效的值。" +
		"Thresholds and lists are never written into an expression: they are parameters, read as `params.<name>`, " +
		"and an evaluation uses the value in force on its evaluation date.")
	cw.line("")
	cw.line("| 名称 name | 标签 label | 类型 type | 单位 unit | 条款 ref | 说明 description | 取值 values | 使用者 used by |")
	cw.line("|---|---|---|---|---|---|---|---|")
	for _, p := range rs.Parameters {
		label := "—"
		if !p.Label.IsZero() {
			label = cell(p.Label.Zh) + "<br>" + cell(p.Label.En)
		}
		unit := "—"
		if p.Unit != "" {
			unit = cell(p.Unit)
		}
		var used []string
		for _, id := range uses[p.Name] {
			used = append(used, fmt.Sprintf("[%s](#%s)", id, anchorOf(id)))
		}
		usedBy := "—"
		if len(used) > 0 {
			usedBy = strings.Join(used, ", ")
		}
		cw.printf("| <a id=\"param-%s\"></a>%s | %s | %s | %s | %s | %s<br>%s | %s | %s |\n",
			htmlID(p.Name), codeCell(p.Name), label, cell(string(p.Type)), unit, cell(p.Ref),
			cell(p.Description.Zh), cell(p.Description.En), datedValues(&p), usedBy)
	}
	cw.line("")
}

func (cw *catalogueWriter) writeCriterion(rs *criteria.RuleSet, c *criteria.Criterion) {
	cw.printf("### <a id=\"%s\"></a>%s · %s\n\n", anchorOf(c.ID), mdText(c.ID), mdText(c.Ref))
	cw.printf("强度 Strength: **%s** · 依据 Basis: **%s**\n\n", strengthWords(c.Strength), basisWords(c.Basis))

	cw.printf("原文 Source（%s %s）：\n\n", mdText(rs.Document), mdText(c.Ref))
	cw.line(blockquote(c.Source))
	cw.line("")

	summary, message := cw.render(rs, c.Summary), cw.render(rs, c.Message)
	cw.line("要求 Requirement:")
	cw.line("")
	cw.printf("- %s\n- %s\n\n", listItem(summary.Zh), listItem(summary.En))

	switch {
	case c.AppliesWhen == "" && c.Category == "":
		cw.line("适用条件 Applies when: 始终 · always")
		cw.line("")
	case c.AppliesWhen == "":
		cw.line("适用条件 Applies when: 始终（本类别内）· always (within its category)")
		cw.line("")
	default:
		cw.line("适用条件 Applies when:")
		cw.line("")
		cw.line(fenced("cel", c.AppliesWhen))
		cw.line("")
	}
	cw.line("判定 Requires:")
	cw.line("")
	cw.line(fenced("cel", c.Require))
	cw.line("")

	if names := cw.reads[c.ID]; len(names) > 0 {
		links := make([]string, 0, len(names))
		for _, n := range names {
			links = append(links, fmt.Sprintf("[%s](#param-%s)", code(n), htmlID(n)))
		}
		cw.printf("参数 Parameters: %s\n\n", strings.Join(links, ", "))
	}

	cw.line("不符合时 Failure message:")
	cw.line("")
	cw.printf("- %s\n- %s\n\n", listItem(message.Zh), listItem(message.En))
}

// render writes a requirement or message with the parameters in force on the rule
// set's effective date, as a verdict on that date would state it.
func (cw *catalogueWriter) render(rs *criteria.RuleSet, t criteria.Text) criteria.Text {
	out, err := rs.Render(t, rs.Effective)
	if err != nil {
		return t // New has accepted the rule set, so every placeholder renders
	}
	return out
}

// countCriteria summarises the criteria by strength and basis.
func countCriteria(rs *criteria.RuleSet) string {
	n := map[string]int{}
	for _, c := range rs.Criteria {
		n[string(c.Strength)]++
		n[string(c.Basis)]++
	}
	return fmt.Sprintf("mandatory %d, encouraged %d; data %d, finding %d",
		n[string(criteria.Mandatory)], n[string(criteria.Encouraged)], n[string(criteria.Data)], n[string(criteria.Finding)])
}

func strengthWords(s criteria.Strength) string {
	switch s {
	case criteria.Mandatory:
		return "mandatory 强制性"
	case criteria.Encouraged:
		return "encouraged 鼓励性（不影响结论 · never fails a project）"
	}
	return mdText(string(s))
}

func basisWords(b criteria.Basis) string {
	switch b {
	case criteria.Data:
		return "data 依据项目数据"
	case criteria.Finding:
		return "finding 评审认定"
	}
	return mdText(string(b))
}

// datedValues writes a parameter's values for a table cell: the value alone when
// it has always been in force, otherwise one "from date: value" line per value;
// then the letter's own value, when the parameter records one.
func datedValues(p *criteria.Parameter) string {
	var lines []string
	if len(p.Values) == 1 && p.Values[0].From.IsZero() {
		lines = append(lines, valueCell(p, p.Values[0].Value))
	} else {
		for _, dv := range p.Values {
			from := "起始 initially"
			if !dv.From.IsZero() {
				from = dv.From.String() + " 起 from"
			}
			lines = append(lines, from+" → "+valueCell(p, dv.Value))
		}
	}
	if p.Letter.Type() != "" {
		same := true
		for _, dv := range p.Values {
			if _, differs := p.Adjustment(dv.Value); differs {
				same = false
			}
		}
		if same {
			lines = append(lines, "函件 letter: 同 · the same")
		} else {
			lines = append(lines, "函件 letter: "+valueCell(p, p.Letter))
		}
	}
	return strings.Join(lines, "<br>")
}

// valueCell writes a value as people read it, in Chinese and English (500万元 ·
// 5,000,000 yuan; 长春市 Changchun), then exactly, in code spans: numbers as their
// digits, a string quoted (so "22" is visibly text), a list code by code.
func valueCell(p *criteria.Parameter, v criteria.Value) string {
	var exact string
	switch v.Type() {
	case criteria.ListParameter:
		list, _ := v.List()
		if len(list) == 0 {
			return "（空 · empty）"
		}
		if p.Codes == "" {
			items := make([]string, len(list))
			for i, s := range list {
				items[i] = codeCell(s)
			}
			return strings.Join(items, ", ")
		}
		items := make([]string, len(list))
		for i, s := range list {
			t := criteria.FormatCode(p.Codes, s)
			items[i] = bilingual(t) + " " + codeCell(s)
		}
		return strings.Join(items, "；")
	case criteria.StringParameter:
		s, _ := v.Str()
		exact = codeCell(strconv.Quote(s))
		if p.Codes == "" {
			return exact
		}
	default:
		exact = codeCell(v.String())
	}
	return bilingual(p.Format(v)) + " " + exact
}

// bilingual writes a text once when both languages agree (50%), else both.
func bilingual(t criteria.Text) string {
	if t.Zh == t.En {
		return cell(t.Zh)
	}
	return cell(t.Zh) + " · " + cell(t.En)
}

// paramUses maps each parameter name to the IDs of the criteria that read it, in
// rule order: what a change of the parameter affects.
func paramUses(reads map[string][]string, rs *criteria.RuleSet) map[string][]string {
	uses := map[string][]string{}
	for _, c := range rs.Criteria {
		for _, n := range reads[c.ID] {
			uses[n] = append(uses[n], c.ID)
		}
	}
	return uses
}

// anchorOf is the HTML id of a criterion's section: the ID in lower case, which
// reads better in a URL. Valid IDs are letters, digits and '-'; anything else (in a
// rule set never validated) becomes '-', so the id attribute stays well-formed.
func anchorOf(id string) string { return htmlID(strings.ToLower(id)) }

// htmlID keeps the characters that are safe in an id attribute and a URL fragment
// as they are and replaces the rest with '-'.
func htmlID(s string) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' || r == '-' {
			return r
		}
		return '-'
	}, s)
}

// longestRun returns the length of the longest run of r in s.
func longestRun(s string, r rune) int {
	longest, run := 0, 0
	for _, c := range s {
		if c == r {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

// fenced writes code as a fenced block with a fence longer than any run of
// backticks in it.
func fenced(lang, text string) string {
	fence := strings.Repeat("`", max(3, longestRun(text, '`')+1))
	return fence + lang + "\n" + strings.Join(lines(text), "\n") + "\n" + fence
}
