package report

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

// Lang is the language of a report. Chinese is the authoritative language of the
// letter and the default; English is a working translation.
type Lang string

const (
	// Chinese writes the report in Chinese (zh), the default.
	Chinese Lang = "zh"
	// English writes the report in English (en).
	English Lang = "en"
)

// ErrUnsupportedLang is matched by the error for a language other than zh and en.
var ErrUnsupportedLang = errors.New("report: unsupported language")

// ErrRuleSetMismatch is matched by the error for a rule set that is not the one
// the verdict was reached under: quoting its clauses could misstate the rules.
var ErrRuleSetMismatch = errors.New("report: rule set does not match the verdict")

// ParseLang returns the Lang for "zh" or "en", and an error matching
// [ErrUnsupportedLang] otherwise; "" is Chinese.
func ParseLang(s string) (Lang, error) {
	switch Lang(s) {
	case "", Chinese:
		return Chinese, nil
	case English:
		return English, nil
	}
	return "", fmt.Errorf("%w %q: want zh or en", ErrUnsupportedLang, s)
}

// Options say how to render a report. The zero Options give a Chinese report
// quoting the default rule set.
type Options struct {
	// Lang is the report's language: zh (the default when empty) or en.
	Lang Lang
	// RuleSet is the rule set the verdict was reached under, from which the report
	// quotes each clause's source text. Nil means criteria.Default(). It must be that
	// rule set: same name and, when the verdict records one, same hash.
	RuleSet *criteria.RuleSet
	// Remedies, when not nil, adds the sections 整改事项 (What to fix) and 待补充 (What
	// to provide); they must be remedy.Planner's answer for this verdict.
	Remedies *remedy.Remedies
}

// Markdown writes the verdict as a Markdown document (GitHub-flavoured: it uses
// tables). It returns an error, writing nothing, for a nil verdict, an unsupported
// language or a rule set that is not the verdict's; otherwise the first write error.
func Markdown(w io.Writer, v *eligibility.Verdict, opts Options) error {
	p, err := build(v, opts)
	if err != nil {
		return err
	}
	mw := &mdWriter{w: w}
	mw.page(p)
	return mw.err
}

// HTML writes the verdict as one self-contained HTML page: UTF-8, inline styles,
// no scripts or external assets, laid out for screen and for printing on A4. Its
// errors are Markdown's.
func HTML(w io.Writer, v *eligibility.Verdict, opts Options) error {
	p, err := build(v, opts)
	if err != nil {
		return err
	}
	return pageTemplate.Execute(w, p)
}

// page is everything a report shows, in the report's language, computed once so
// the Markdown and the HTML forms say exactly the same things.
type page struct {
	Lang          string // html lang attribute
	Generator     string // library and version, for the generator meta tag
	Title         string
	ProjectID     string
	DecisionClass string // eligible, ineligible or undetermined
	Decision      string
	Summary       string
	Key, Value    string // headings of the key–value tables
	Facts         []pair
	Sections      []clauseSection
	Remedy        *remedyPage // nil without Options.Remedies
	Results       resultsSection
	Parameters    paramsSection
	Provenance    provenanceSection
	Footer        string
	Print         printed // running header, page numbers and signature block (print.go)
}

type pair struct {
	Key, Value string
	Code       bool // shown in monospace: hashes, codes
}

// clauseSection is one of the lists of criteria a reader acts on: the failing,
// the undetermined and the advisories.
type clauseSection struct {
	ID, Title, Note, None string
	Clauses               []clause
	Words                 clauseWords
}

type clauseWords struct {
	Requirement, Message, Explanation, Reviewer, Missing, Adjustment string
	Colon                                                            string // after a field name: "：" or ": "
	ItemSep                                                          string // between missing facts
}

type clause struct {
	ID, Ref     string
	Anchor      string
	Class       string // fail, undetermined or advisory
	SourceHead  string // introduces the quote: 原文（吉政数办函〔2020〕579号 一(一)4）：
	Source      string // the letter's text
	Requirement string
	Message     string
	Explanation string
	Reviewer    []string // reviewers' notes on the findings the criterion read
	Missing     []missingFact
	Adjustments []string // how the rule set departs from the letter's values
}

// missingFact is a fact or finding whose absence left a criterion undetermined:
// its name in domain words, when known, and its JSON path in the record.
type missingFact struct{ Label, Path string }

type resultsSection struct {
	Title, Note                        string
	ColID, ColRef, ColOutcome, ColExpl string
	Rows                               []resultRow
	NotApplicable                      string
}

type resultRow struct{ ID, Ref, Outcome, Class, Explanation, Anchor string }

type paramsSection struct {
	Title                                 string
	ColName, ColLabel, ColValue, ColSince string
	Rows                                  []paramRow
	// Adjustments say how the values in force differ from the letter's.
	Adjustments []string
}

// paramRow is a parameter as people read it: its value in words (500万元, 长春市、
// 吉林市), and for a list of codes the codes themselves, shown in a quieter style.
type paramRow struct{ Name, Label, Value, Codes, Since string }

type provenanceSection struct {
	Title     string
	Rows      []pair
	Reproduce string
}

// build checks the inputs and computes the page.
func build(v *eligibility.Verdict, opts Options) (*page, error) {
	if v == nil {
		return nil, errors.New("report: nil verdict")
	}
	lang, err := ParseLang(string(opts.Lang))
	if err != nil {
		return nil, err
	}
	rs := opts.RuleSet
	if rs == nil {
		rs = criteria.Default()
	}
	if err := checkRuleSet(v, rs); err != nil {
		return nil, err
	}
	wd := wordsFor(lang)
	p := &page{
		Lang:          wd.htmlLang,
		Generator:     v.Provenance.Library + " " + v.Provenance.Version,
		Title:         wd.title,
		ProjectID:     cmp.Or(v.ProjectID, wd.noID),
		Key:           wd.key,
		Value:         wd.value,
		DecisionClass: string(v.Decision),
		Decision:      wd.text(v.Decision.Words()),
		Summary:       summary(v, wd),
	}
	p.Facts = facts(v, rs, wd)

	cw := clauseWords{Requirement: wd.requirement, Message: wd.message, Explanation: wd.explanation,
		Reviewer: wd.reviewer, Missing: wd.missing, Adjustment: wd.adjustment, Colon: wd.colon, ItemSep: wd.listSep}
	sections := []struct {
		id, title, note, class string
		results                []eligibility.Result
	}{
		{"failing", wd.failing, "", "fail", v.FailingResults()},
		{"undetermined", wd.undetermined, wd.undeterminedNote, "undetermined", v.UndeterminedResults()},
		{"advisories", wd.advisories, wd.advisoriesNote, "advisory", v.AdvisoryResults()},
	}
	for _, s := range sections {
		cs := clauseSection{ID: s.id, Title: fmt.Sprintf(wd.count, s.title, len(s.results)), Note: s.note, None: wd.none, Words: cw}
		for _, r := range s.results {
			cs.Clauses = append(cs.Clauses, clauseOf(r, s.class, v, rs, wd))
		}
		p.Sections = append(p.Sections, cs)
	}

	if p.Remedy, err = remedies(v, opts.Remedies, lang, wd); err != nil {
		return nil, err
	}
	p.Results = results(v, wd)
	p.Parameters = parameters(v, rs, wd)
	p.Provenance = provenanceSection{
		Title: wd.provenance,
		Rows: []pair{
			{Key: wd.library, Value: v.Provenance.Library, Code: true},
			{Key: wd.version, Value: v.Provenance.Version, Code: true},
			{Key: wd.ruleSet, Value: v.RuleSet, Code: true},
			{Key: wd.document, Value: documentTitle(v, rs)},
			{Key: wd.ruleSetHash, Value: v.Provenance.RuleSetHash, Code: true},
			{Key: wd.projectHash, Value: v.Provenance.ProjectHash, Code: true},
			{Key: wd.asOf, Value: v.AsOf.String()},
		},
		Reproduce: fmt.Sprintf(wd.reproduce, v.Provenance.Version),
	}
	p.Footer = fmt.Sprintf(wd.generator, v.Provenance.Library, v.Provenance.Version)
	p.Print = printedFor(lang, p.Title, p.ProjectID)
	return p, nil
}

// checkRuleSet refuses a rule set other than the verdict's. The hash is the one
// the engine records, "sha256:" and the hex SHA-256 of the rule set's JSON form
// (documented on eligibility.Provenance); a verdict without one (stored before
// provenance existed) is matched by name and by each result's ID and reference.
func checkRuleSet(v *eligibility.Verdict, rs *criteria.RuleSet) error {
	if rs.Name != v.RuleSet {
		return fmt.Errorf("%w: the verdict was reached under rule set %q, not %q; pass it in Options.RuleSet",
			ErrRuleSetMismatch, v.RuleSet, rs.Name)
	}
	if want := v.Provenance.RuleSetHash; want != "" {
		if got := rs.Hash(); got != want {
			return fmt.Errorf("%w: rule set %q has hash %s, the verdict's has %s (a variant or another version); pass the verdict's in Options.RuleSet",
				ErrRuleSetMismatch, rs.Name, got, want)
		}
	}
	for _, r := range v.Results {
		c, ok := rs.Criterion(r.ID)
		if !ok || c.Ref != r.Ref {
			return fmt.Errorf("%w: rule set %q has no criterion %s at %s", ErrRuleSetMismatch, rs.Name, r.ID, r.Ref)
		}
	}
	return nil
}

// summary says in a sentence why the decision is what it is.
func summary(v *eligibility.Verdict, wd *words) string {
	var parts []string
	if n := len(v.Failing); n > 0 {
		parts = append(parts, fmt.Sprintf(wd.summaryFailing, n))
	}
	if n := len(v.Undetermined); n > 0 {
		parts = append(parts, fmt.Sprintf(wd.summaryUndetermined, n))
	}
	if len(parts) == 0 {
		parts = append(parts, wd.summaryAllMet)
	}
	if n := len(v.Advisories); n > 0 {
		parts = append(parts, fmt.Sprintf(wd.summaryAdvisories, n))
	}
	return wd.sentence(strings.Join(parts, wd.listSep))
}

// sentence ends s as a sentence, capitalised where the language does.
func (wd *words) sentence(s string) string {
	s += wd.sentenceEnd
	if wd.capitalize && s != "" {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

func facts(v *eligibility.Verdict, rs *criteria.RuleSet, wd *words) []pair {
	id, name := v.ProjectID, v.ProjectName
	if id == "" {
		id = wd.noID
	}
	if name == "" {
		name = wd.noName
	}
	cat := wd.name(v.Category)
	if clause := v.Category.Clause(); clause != "" {
		cat = fmt.Sprintf(wd.paren, cat, clause)
	}
	authority := wd.name(v.ConfirmingAuthority)
	if short := v.ConfirmingAuthority.ShortChinese(); short != "" {
		authority = fmt.Sprintf(wd.paren, authority, short)
	}
	fs := []pair{
		{Key: wd.projectID, Value: id, Code: v.ProjectID != ""},
		{Key: wd.projectName, Value: name},
		{Key: wd.decision, Value: wd.text(v.Decision.Words())},
		{Key: wd.category, Value: cat},
	}
	if v.Subtype != "" {
		fs = append(fs, pair{Key: wd.subtype, Value: wd.name(v.Subtype)})
	}
	return append(fs,
		pair{Key: wd.authority, Value: authority},
		pair{Key: wd.channel, Value: wd.name(v.Channel)},
		pair{Key: wd.asOf, Value: v.AsOf.String()},
		pair{Key: wd.rules, Value: documentTitle(v, rs)},
	)
}

// documentTitle is the document and its title: 吉政数办函〔2020〕579号《…的函》.
func documentTitle(v *eligibility.Verdict, rs *criteria.RuleSet) string {
	if rs.Title == "" {
		return v.Document
	}
	return v.Document + "《" + rs.Title + "》"
}

func clauseOf(r eligibility.Result, class string, v *eligibility.Verdict, rs *criteria.RuleSet, wd *words) clause {
	c, _ := rs.Criterion(r.ID) // checkRuleSet has made sure it is there
	cl := clause{
		ID:          r.ID,
		Ref:         r.Ref,
		Anchor:      anchor(r.ID),
		Class:       class,
		SourceHead:  fmt.Sprintf(wd.paren, wd.source, v.Document+" "+r.Ref) + strings.TrimSpace(wd.colon),
		Source:      c.Source,
		Requirement: wd.text(r.Requirement),
		Message:     wd.text(r.Message),
		Explanation: wd.text(r.Explanation()),
	}
	for _, in := range r.Inputs {
		if strings.HasPrefix(in.Name, "findings.") && in.Note != "" {
			cl.Reviewer = append(cl.Reviewer, strings.TrimSpace(strings.Join([]string{in.By, in.On.String(), in.Note}, " ")))
		}
	}
	for _, a := range r.Adjustments {
		cl.Adjustments = append(cl.Adjustments, wd.sentence(wd.text(a)))
	}
	for _, path := range r.Missing {
		m := missingFact{Path: path}
		for _, in := range r.Inputs {
			if in.Name == path {
				m.Label = wd.text(in.Label)
				break
			}
		}
		cl.Missing = append(cl.Missing, m)
	}
	return cl
}

// anchor is the HTML id of a clause's section.
func anchor(id string) string {
	return "clause-" + strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, strings.ToLower(id))
}

func results(v *eligibility.Verdict, wd *words) resultsSection {
	s := resultsSection{ColID: wd.colID, ColRef: wd.colRef, ColOutcome: wd.colOutcome, ColExpl: wd.colExplanation, Note: wd.resultsNote}
	detailed := map[string]bool{}
	for _, ids := range [][]string{v.Failing, v.Undetermined, v.Advisories} {
		for _, id := range ids {
			detailed[id] = true
		}
	}
	var na []string
	for _, r := range v.Results {
		if r.Outcome == eligibility.NotApplicable {
			na = append(na, r.ID)
			continue
		}
		row := resultRow{ID: r.ID, Ref: r.Ref, Outcome: wd.text(r.Outcome.Words()), Class: string(r.Outcome), Explanation: wd.text(r.Explanation())}
		if r.Strength == criteria.Encouraged {
			switch r.Outcome {
			case eligibility.Fail:
				row.Outcome, row.Class = wd.advisory, "advisory"
			case eligibility.OutcomeUndetermined:
				row.Outcome = wd.undeterminedEncouraged
			}
		}
		if detailed[r.ID] {
			row.Anchor = anchor(r.ID)
		}
		s.Rows = append(s.Rows, row)
	}
	s.Title = fmt.Sprintf(wd.count, wd.results, len(s.Rows))
	if len(na) > 0 {
		s.NotApplicable = fmt.Sprintf(wd.notApplicable, len(na), strings.Join(na, wd.itemSep))
	}
	return s
}

func parameters(v *eligibility.Verdict, rs *criteria.RuleSet, wd *words) paramsSection {
	s := paramsSection{Title: wd.parameters, ColName: wd.colName, ColLabel: wd.colLabel, ColValue: wd.colValue, ColSince: wd.colSince}
	for _, pv := range v.Parameters {
		row := paramRow{Name: pv.Name, Value: valueText(pv.Value), Since: wd.fromStart}
		if !pv.From.IsZero() {
			row.Since = pv.From.String()
		}
		if p, ok := rs.Parameter(pv.Name); ok {
			row.Label = wd.text(p.Label)
			row.Value = wd.text(p.Format(pv.Value))
			if p.Codes != "" {
				row.Codes = valueText(pv.Value)
			}
			if a, ok := p.Adjustment(pv.Value); ok {
				s.Adjustments = append(s.Adjustments, wd.sentence(wd.text(a)))
			}
		}
		s.Rows = append(s.Rows, row)
	}
	return s
}

// valueText writes a parameter value exactly, for a parameter the rule set does not
// describe: decimals with every digit, lists joined by ", ", strings as they are.
func valueText(v criteria.Value) string {
	if l, ok := v.List(); ok {
		return strings.Join(l, ", ")
	}
	if s, ok := v.Str(); ok {
		return s
	}
	return v.String()
}
