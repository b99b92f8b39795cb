package report

import (
	"errors"
	"fmt"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

// ErrRemediesMismatch is matched by the error for Options.Remedies worked out for
// another verdict (another project, date or rule set).
var ErrRemediesMismatch = errors.New("report: remedies are not the verdict's")

// remedyPage is the report's two sections on what to do: 整改事项 (What to fix), the
// plan and each failing criterion's fix, and 待补充 (What to provide), the questions of
// an undetermined project, most decisive first, or the undetermined criteria's fixes.
type remedyPage struct {
	Fix, Provide remedySection
}

// Sections lists both, for the HTML template.
func (p *remedyPage) Sections() []*remedySection { return []*remedySection{&p.Fix, &p.Provide} }

type remedySection struct {
	ID, Title, Note, None string
	Items                 []remedyItem
}

// NoteLines is the note line by line, for the HTML template.
func (s *remedySection) NoteLines() []string { return splitLines(s.Note) }

// remedyItem is one criterion or question: a heading and the lines under it.
type remedyItem struct {
	Head  string
	Lines []string
}

// remedyWords are the sections' words in one language.
type remedyWords struct {
	fix, fixNone, provide, provideNone, plan, planSep, option, rank string
	ranks                                                           map[remedy.Rank]string
}

func remedyWordsFor(l Lang) remedyWords {
	if l == English {
		return remedyWords{fix: "What to fix", fixNone: "Nothing to fix.", provide: "What to provide", provideNone: "Nothing to provide.",
			plan: "Plan", planSep: "; ", option: "Or", rank: "%s (%s)",
			ranks: map[remedy.Rank]string{remedy.RankDecides: "decides the project", remedy.RankCouldFail: "could make it ineligible", remedy.RankOther: "other"}}
	}
	return remedyWords{fix: "整改事项", fixNone: "无需整改。", provide: "待补充", provideNone: "无待补充事项。",
		plan: "整改方案", planSep: "；", option: "或", rank: "%s（%s）",
		ranks: map[remedy.Rank]string{remedy.RankDecides: "可直接定论", remedy.RankCouldFail: "可能导致不符合", remedy.RankOther: "其他"}}
}

// remedies builds the sections, or nil when the caller passed no remedies.
func remedies(v *eligibility.Verdict, r *remedy.Remedies, lang Lang, wd *words) (*remedyPage, error) {
	if r == nil {
		return nil, nil
	}
	if r.ProjectID != v.ProjectID || r.AsOf != v.AsOf || r.RuleSet != v.RuleSet || r.Decision != v.Decision {
		return nil, fmt.Errorf("%w: they are for project %q on %s under %q", ErrRemediesMismatch, r.ProjectID, r.AsOf, r.RuleSet)
	}
	rw := remedyWordsFor(lang)
	p := &remedyPage{
		Fix:     remedySection{ID: "fix", Title: rw.fix, None: rw.fixNone},
		Provide: remedySection{ID: "provide", Title: rw.provide, None: rw.provideNone},
	}
	if r.Plan.Status != remedy.PlanNothing {
		p.Fix.Note = wd.text(r.Plan.Text)
	}
	for _, f := range r.Fixes {
		it := remedyItem{Head: fmt.Sprintf(wd.paren, f.ID, f.Ref)}
		for i, o := range f.Options {
			line := wd.text(o.Text)
			if i > 0 {
				line = rw.option + wd.colon + line
			}
			it.Lines = append(it.Lines, line)
		}
		if len(f.Options) == 0 {
			it.Lines = append(it.Lines, wd.text(f.NoneText))
		}
		if f.Outcome == eligibility.Fail {
			p.Fix.Items = append(p.Fix.Items, it)
		} else if len(r.Questions) == 0 {
			p.Provide.Items = append(p.Provide.Items, it)
		}
	}
	for _, q := range r.Questions {
		p.Provide.Items = append(p.Provide.Items, remedyItem{
			Head:  fmt.Sprintf(rw.rank, wd.text(q.Label), rw.ranks[q.Rank]),
			Lines: []string{wd.text(q.Text)},
		})
	}
	return p, nil
}

// remedy writes the two sections as Markdown.
func (m *mdWriter) remedy(p *remedyPage) {
	if p == nil {
		return
	}
	for _, s := range p.Sections() {
		m.printf("## %s\n\n", mdText(s.Title))
		if s.Note != "" {
			m.printf("%s\n\n", mdLines(s.Note))
		}
		if len(s.Items) == 0 && s.Note == "" {
			m.printf("%s\n\n", mdText(s.None))
			continue
		}
		for _, it := range s.Items {
			m.printf("- **%s**\n", mdText(it.Head))
			for _, l := range it.Lines {
				m.printf("  - %s\n", mdText(l))
			}
		}
		if len(s.Items) > 0 {
			m.printf("\n")
		}
	}
}

// mdLines escapes each line of a note and keeps its line breaks.
func mdLines(s string) string {
	out := ""
	for i, l := range splitLines(s) {
		if i > 0 {
			out += "  \n"
		}
		out += mdText(l)
	}
	return out
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := range len(s) {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
