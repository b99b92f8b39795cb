package main

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

// addRemedies works out what each evaluated project must do, with -remedies.
func addRemedies(engine *eligibility.Engine, verdicts []evaluated) error {
	pl, err := remedy.New(engine)
	if err != nil {
		return err
	}
	for i := range verdicts {
		r, err := pl.ForVerdict(context.Background(), verdicts[i].project, verdicts[i].verdict)
		if err != nil {
			return err
		}
		verdicts[i].remedies = r
	}
	return nil
}

// jsonDoc is what -format json prints for one project: the verdict, or with
// -remedies the verdict and the remedies.
func jsonDoc(e evaluated, compact bool) any {
	var verdict json.Marshaler = e.verdict
	if compact {
		verdict = compactVerdict{e.verdict}
	}
	if e.remedies == nil {
		return verdict
	}
	return struct {
		Verdict  json.Marshaler   `json:"verdict"`
		Remedies *remedy.Remedies `json:"remedies"`
	}{verdict, e.remedies}
}

// remedyWords are the text output's words for the remedies section.
var remedyWords = map[string]struct{ plan, questions string }{
	"zh": {plan: "整改方案", questions: "待补充（按先后排列）"},
	"en": {plan: "What to do", questions: "What to provide (most decisive first)"},
}

// remedies prints the plan, each criterion with no remedy, and the questions.
func (p *printer) remedies(e evaluated) {
	r := e.remedies
	if r == nil || r.Plan.Status == remedy.PlanNothing {
		return
	}
	w := remedyWords["zh"]
	if p.l == languages["en"] {
		w = remedyWords["en"]
	}
	p.line("")
	p.line("%s", w.plan)
	for _, l := range strings.Split(p.l.text(r.Plan.Text), "\n") {
		p.line("  %s", l)
	}
	for _, f := range r.Fixes {
		if len(f.Options) == 0 {
			p.line("  %s", p.l.text(f.NoneText))
		}
	}
	if len(r.Questions) > 0 {
		p.line("")
		p.line("%s", w.questions)
		for i, q := range r.Questions {
			p.line("  %d. %s", i+1, p.l.text(q.Text))
		}
	}
}
