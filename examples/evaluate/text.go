package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// named is a code with names in both languages: a category, subtype, authority or
// channel.
type named interface {
	Chinese() string
	English() string
}

// language holds the words of the text output in one language. The format strings
// are for fmt.
type language struct {
	// header keys
	project, file, category, decision, authority, channel, basis string

	noID      string // stands for a missing project ID
	basisLine string // rule set, document, its date, evaluation date

	// section titles, each with a count
	failing, undetermined, advisories string

	missing       string // introduces the missing fields
	adjusted      string // introduces a rule set's departure from the letter
	listSep       string // separates the items of a list
	reviewer      string // introduces a reviewer's note
	passing       string // count and IDs of the criteria met
	noneMet       string // stands for an empty list of criteria met
	notApplicable string // count of the criteria not applicable
	summary       string // counts of the projects and of each decision
	badInput      string // count of the inputs not evaluated

	text func(criteria.Text) string // picks the message in this language
	name func(named) string         // picks the name in this language
}

var languages = map[string]*language{
	"zh": {
		project: "项目", file: "文件", category: "类别", decision: "结论",
		authority: "入库确认", channel: "报送渠道", basis: "依据",
		noID:          "（无编号）",
		basisLine:     "%s · %s（%s） · 评估日 %s",
		failing:       "不符合项（%d）",
		undetermined:  "无法判定项（%d，须补充）",
		advisories:    "建议（%d，鼓励性条款，不影响结论）",
		missing:       "缺少：",
		adjusted:      "注：",
		listSep:       "、",
		reviewer:      "评审意见：",
		passing:       "符合（%d）：%s",
		noneMet:       "无",
		notApplicable: "；不适用 %d 项",
		summary:       "共评估 %d 个项目：符合入库标准 %d 个，不符合入库标准 %d 个，无法判定 %d 个",
		badInput:      "；另有 %d 处输入有误，未予评估（见标准错误输出）",
		text:          func(t criteria.Text) string { return t.Zh },
		name:          func(n named) string { return n.Chinese() },
	},
	"en": {
		project: "Project", file: "File", category: "Category", decision: "Decision",
		authority: "Confirmed by", channel: "Channel", basis: "Rule set",
		noID:          "(no id)",
		basisLine:     "%s · %s (%s) · as of %s",
		failing:       "Failing (%d)",
		undetermined:  "Undetermined (%d, information needed)",
		advisories:    "Advisories (%d, encouraged clauses; the decision is not affected)",
		missing:       "missing: ",
		adjusted:      "note: ",
		listSep:       ", ",
		reviewer:      "reviewer: ",
		passing:       "Met (%d): %s",
		noneMet:       "none",
		notApplicable: "; not applicable: %d",
		summary:       "%d projects evaluated: %d eligible, %d ineligible, %d undetermined",
		badInput:      "; %d bad inputs not evaluated (see standard error)",
		text:          func(t criteria.Text) string { return t.En },
		name:          func(n named) string { return n.English() },
	},
}

// printer writes the text output and keeps the first write error.
type printer struct {
	w         io.Writer
	l         *language
	effective criteria.Date
	err       error
}

func (p *printer) line(format string, a ...any) {
	if p.err != nil {
		return
	}
	_, p.err = fmt.Fprintf(p.w, format+"\n", a...)
}

// verdict prints one verdict: a header of aligned key–value lines, then the failing,
// undetermined and advisory criteria in aligned columns, then one line for the rest.
func (p *printer) verdict(e evaluated) {
	l, v := p.l, e.verdict

	id := v.ProjectID
	if id == "" {
		id = l.noID
	}
	cat := l.name(v.Category)
	if v.Subtype != "" {
		cat += " / " + l.name(v.Subtype)
	}
	header := [][2]string{
		{l.project, strings.TrimSpace(id + "  " + v.ProjectName)},
		{l.file, e.label},
		{l.category, cat},
		{l.decision, l.text(v.Decision.Words())},
		{l.authority, l.name(v.ConfirmingAuthority)},
		{l.channel, l.name(v.Channel)},
		{l.basis, fmt.Sprintf(l.basisLine, v.RuleSet, v.Document, p.effective, v.AsOf)},
	}
	keyWidth := 0
	for _, h := range header {
		keyWidth = max(keyWidth, width(h[0]))
	}
	for _, h := range header {
		p.line("%s  %s", pad(h[0], keyWidth), h[1])
	}

	failing, undetermined, advisories := v.FailingResults(), v.UndeterminedResults(), v.AdvisoryResults()
	idWidth, refWidth := 0, 0
	for _, list := range [][]eligibility.Result{failing, undetermined, advisories} {
		for _, r := range list {
			idWidth = max(idWidth, width(r.ID))
			refWidth = max(refWidth, width(r.Ref))
		}
	}
	row := func(r eligibility.Result, text string) {
		p.line("  %s  %s  %s", pad(r.ID, idWidth), pad(r.Ref, refWidth), text)
	}
	indent := strings.Repeat(" ", 2+idWidth+2+refWidth+2)

	if len(failing) > 0 {
		p.line("")
		p.line(l.failing, len(failing))
		for _, r := range failing {
			row(r, l.text(r.Message))
			for _, a := range r.Adjustments {
				p.line("%s%s%s", indent, l.adjusted, l.text(a))
			}
			if r.Basis == criteria.Finding {
				if note := reviewerNote(e.project, r.ID); note != "" {
					p.line("%s%s%s", indent, l.reviewer, note)
				}
			}
		}
	}
	if len(undetermined) > 0 {
		p.line("")
		p.line(l.undetermined, len(undetermined))
		for _, r := range undetermined {
			named := make([]string, len(r.Missing))
			for i, path := range r.Missing {
				named[i] = l.missingName(r, path)
			}
			row(r, l.missing+strings.Join(named, l.listSep))
		}
	}
	if len(advisories) > 0 {
		p.line("")
		p.line(l.advisories, len(advisories))
		for _, r := range advisories {
			row(r, l.text(r.Message))
			for _, a := range r.Adjustments {
				p.line("%s%s%s", indent, l.adjusted, l.text(a))
			}
		}
	}

	var passing []string
	notApplicable := 0
	for _, r := range v.Results {
		switch r.Outcome {
		case eligibility.Pass:
			passing = append(passing, r.ID)
		case eligibility.NotApplicable:
			notApplicable++
		}
	}
	met := l.noneMet
	if len(passing) > 0 {
		met = strings.Join(passing, " ")
	}
	p.line("")
	p.line(l.passing+l.notApplicable, len(passing), met, notApplicable)
}

// missingName names a missing fact or finding as a person reads it, by its label in
// this language, with the JSON path to fill after it: 项目总投资（investment.total）.
// A path no input of the result labels (an incident's field) is shown as it is.
func (l *language) missingName(r eligibility.Result, path string) string {
	for _, in := range r.Inputs {
		if in.Missing && in.Name == path {
			if l == languages["zh"] {
				return in.Label.Zh + "（" + path + "）"
			}
			return in.Label.En + " (" + path + ")"
		}
	}
	return path
}

// reviewerNote returns who found a finding-basis criterion unmet, when and why, as
// far as the record says.
func reviewerNote(p *eligibility.Project, id string) string {
	f, ok := p.Findings[id]
	if !ok {
		return ""
	}
	var parts []string
	if f.By != "" {
		parts = append(parts, f.By)
	}
	if !f.On.IsZero() {
		parts = append(parts, f.On.String())
	}
	if f.Note != "" {
		parts = append(parts, f.Note)
	}
	return strings.Join(parts, " ")
}

// summary prints the count of each decision, and of the inputs (files or records)
// that could not be evaluated.
func (p *printer) summary(verdicts []evaluated, bad int) {
	count := map[eligibility.Decision]int{}
	for _, v := range verdicts {
		count[v.verdict.Decision]++
	}
	format := p.l.summary
	args := []any{len(verdicts), count[eligibility.Eligible], count[eligibility.Ineligible], count[eligibility.Undetermined]}
	if bad > 0 {
		format += p.l.badInput
		args = append(args, bad)
	}
	p.line(format, args...)
}

// width is the number of terminal columns s takes: two for East Asian wide and
// full-width characters (CJK ideographs and punctuation such as （〔），one for the
// rest. It is enough for the text this command prints.
func width(s string) int {
	n := 0
	for _, r := range s {
		n++
		if wide(r) {
			n++
		}
	}
	return n
}

func wide(r rune) bool {
	return r >= 0x1100 && r <= 0x115F || // Hangul Jamo
		r >= 0x2E80 && r <= 0xA4CF && r != 0x303F || // CJK radicals … Yi, incl. CJK punctuation
		r >= 0xAC00 && r <= 0xD7A3 || // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF || // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F || // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60 || // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6 ||
		r >= 0x20000 && r <= 0x3FFFD // CJK extensions
}

// pad appends spaces to s up to n columns.
func pad(s string, n int) string {
	if w := width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}
