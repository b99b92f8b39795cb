package remedy

import (
	"reflect"
	"slices"
	"strings"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// maxAnswers bounds the hypothetical answers tried per question.
const maxAnswers = 12

// questions ranks the missing facts and findings of an undetermined verdict. Each
// hypothetical answer re-evaluates the criteria waiting for it, alone; the others keep
// their outcomes, since a criterion's outcome depends on nothing but what it reads.
func (s *session) questions(p *eligibility.Project, v *eligibility.Verdict) []Question {
	type pending struct {
		it   item
		crit []string
	}
	var qs []pending
	index := map[string]int{}
	for _, r := range v.Results {
		if r.Strength != criteria.Mandatory || r.Outcome != eligibility.OutcomeUndetermined {
			continue
		}
		items, _ := s.items(p, &r)
		for _, it := range items {
			if !it.missing && it.kind != ObtainFinding {
				continue
			}
			if it.kind == ObtainFinding && it.refused {
				continue
			}
			if i, ok := index[it.path]; ok {
				qs[i].crit = appendNew(qs[i].crit, []string{r.ID})
				continue
			}
			index[it.path] = len(qs)
			qs = append(qs, pending{it: it, crit: []string{r.ID}})
		}
	}
	base := map[string]eligibility.Outcome{}
	for _, r := range v.Results {
		base[r.ID] = r.Outcome
	}
	out := make([]Question, 0, len(qs))
	for _, pq := range qs {
		it := pq.it
		q := Question{Path: it.path, Label: it.label, Criteria: pq.crit}
		var tries []reflect.Value
		// Answers are tried on both sides of every boundary of every criterion
		// waiting for the item: the parameters and facts of all of them.
		e := s.env(s.pl.crits[pq.crit[0]], p, v.AsOf)
		for _, id := range pq.crit[1:] {
			e.merge(s.env(s.pl.crits[id], p, v.AsOf))
		}
		if it.kind == ObtainFinding {
			q.Finding, q.Authority = true, v.ConfirmingAuthority
			tries = []reflect.Value{reflect.ValueOf(true), reflect.ValueOf(false)}
		} else {
			tries = e.candidates(it.path, it.t, it.cur, true)
			if kindOf(it.t) == kindList && len(tries) > 4 {
				// One list holding each listed code answers alike: a few of them
				// and the empty list stand for all.
				tries = append(tries[:3:3], tries[len(tries)-1])
			}
			if len(tries) > maxAnswers {
				tries = tries[:maxAnswers]
			}
		}
		for _, val := range tries {
			r := clone(p)
			var shownVal criteria.Text
			if it.kind == ObtainFinding {
				m := make(map[string]eligibility.Finding, len(p.Findings)+1)
				for k, f := range p.Findings {
					m[k] = f
				}
				m[it.finding] = eligibility.Finding{Met: ptr(val.Bool())}
				r.Findings = m
				shownVal = metWords(val.Bool())
			} else {
				if set(r, it.path, val) != nil {
					continue
				}
				shownVal = answerWords(it.t, val, e.name)
			}
			outcomes := map[string]eligibility.Outcome{}
			valid := true
			for _, id := range pq.crit {
				o, _, ok := s.outcome(id, r, v.AsOf)
				if !ok {
					valid = false
					break
				}
				outcomes[id] = o
			}
			if !valid {
				continue
			}
			d, failing := decideWith(v, base, outcomes)
			i := slices.IndexFunc(q.Answers, func(a Answer) bool { return a.Decision == d && slices.Equal(a.Failing, failing) })
			if i < 0 {
				q.Answers = append(q.Answers, Answer{Decision: d, Failing: failing})
				i = len(q.Answers) - 1
			}
			if !slices.Contains(q.Answers[i].Values, shownVal) {
				q.Answers[i].Values = append(q.Answers[i].Values, shownVal)
			}
		}
		if len(q.Answers) == 0 {
			continue
		}
		q.Rank = RankOther
		switch {
		case !slices.ContainsFunc(q.Answers, func(a Answer) bool { return a.Decision == eligibility.Undetermined }):
			q.Rank = RankDecides
		case slices.ContainsFunc(q.Answers, func(a Answer) bool { return a.Decision == eligibility.Ineligible }):
			q.Rank = RankCouldFail
		}
		q.Text = questionText(q)
		out = append(out, q)
	}
	order := map[Rank]int{RankDecides: 0, RankCouldFail: 1, RankOther: 2}
	slices.SortStableFunc(out, func(a, b Question) int {
		if d := order[a.Rank] - order[b.Rank]; d != 0 {
			return d
		}
		return len(b.Criteria) - len(a.Criteria)
	})
	return out
}

// decideWith is the decision with some criteria's outcomes replaced.
func decideWith(v *eligibility.Verdict, base, with map[string]eligibility.Outcome) (eligibility.Decision, []string) {
	var failing []string
	undetermined := false
	for _, r := range v.Results {
		if r.Strength != criteria.Mandatory {
			continue
		}
		o := base[r.ID]
		if w, ok := with[r.ID]; ok {
			o = w
		}
		switch o {
		case eligibility.Fail:
			failing = append(failing, r.ID)
		case eligibility.OutcomeUndetermined:
			undetermined = true
		}
	}
	switch {
	case len(failing) > 0:
		return eligibility.Ineligible, failing
	case undetermined:
		return eligibility.Undetermined, nil
	}
	return eligibility.Eligible, nil
}

// answerWords names a hypothetical answer.
func answerWords(t reflect.Type, v reflect.Value, name func(string) criteria.Text) criteria.Text {
	switch kindOf(t) {
	case kindText:
		if strings.TrimSpace(*v.Interface().(*string)) == "" {
			return text("空白", "blank")
		}
		return text("已填写", "filled in")
	case kindIncidents:
		l := v.Interface().([]eligibility.Incident)
		if len(l) == 0 {
			return text("无", "none")
		}
		k := category.IncidentKind(l[0].Kind)
		return text("评估日当天有一项重大"+k.Chinese(), "a major "+k.English()+" on the evaluation date")
	case kindList:
		if v.Len() > 0 && v.Index(v.Len()-1).String() == "…" {
			return text("至少一项", "at least one entry")
		}
	}
	return shown(t, v, name)
}

func questionText(q Question) criteria.Text {
	var zh, en []string
	for _, a := range q.Answers {
		values := a.Values
		etc := text("", "")
		if len(values) > 3 {
			values, etc = values[:3], text("等", " etc.")
		}
		vz, ve := joinNames(values).Zh+etc.Zh, joinNames(values).En+etc.En
		dz, de := a.Decision.Words().Zh, a.Decision.Words().En
		if len(a.Failing) > 0 {
			dz += "（" + strings.Join(a.Failing, "、") + " 不符合）"
			de += " (" + strings.Join(a.Failing, ", ") + " not met)"
		}
		zh = append(zh, "为 "+vz+" 时："+dz)
		en = append(en, ve+": "+de)
	}
	who := text("", "")
	if q.Finding {
		who = text("（由"+q.Authority.Chinese()+"认定）", " (from the "+q.Authority.English()+")")
	}
	return text(q.Label.Zh+"（"+q.Path+"）"+who.Zh+"："+strings.Join(zh, "；"),
		"the "+q.Label.En+" ("+q.Path+")"+who.En+": "+strings.Join(en, "; "))
}
