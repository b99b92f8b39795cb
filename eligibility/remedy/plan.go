package remedy

import (
	"maps"
	"slices"
	"strings"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// maxRounds bounds how often the plan re-evaluates and fixes what its own changes
// moved (raising the total investment moves the big-data share).
const maxRounds = 6

// plan builds the smallest verified set of changes that makes the project eligible.
func (s *session) plan(p *eligibility.Project, v *eligibility.Verdict, fixes []Fix) (Plan, error) {
	pl := Plan{AsOf: v.AsOf}
	if v.Decision == eligibility.Eligible {
		pl.Status = PlanNothing
		pl.Text = text("项目已符合入库标准，无需整改", "the project is eligible; nothing to change")
		return pl, nil
	}
	for _, f := range fixes {
		if len(f.Options) == 0 {
			pl.Blocked = append(pl.Blocked, f.ID)
		}
	}
	if len(pl.Blocked) > 0 {
		return blocked(pl), nil
	}
	var changes []Change
	q, at := clone(p), v.AsOf
	cur := v
	for round := 0; ; round++ {
		if err := s.ctx.Err(); err != nil {
			return Plan{}, err
		}
		if decisive(cur) {
			break
		}
		if round == maxRounds {
			return noPlan(pl, cur), nil
		}
		for _, r := range cur.Results {
			if r.Strength != criteria.Mandatory || (r.Outcome != eligibility.Fail && r.Outcome != eligibility.OutcomeUndetermined) {
				continue
			}
			var f Fix
			if round == 0 {
				f = fixes[slices.IndexFunc(fixes, func(f Fix) bool { return f.ID == r.ID })]
			} else {
				f = s.fixAt(q, at, r, cur)
			}
			if len(f.Options) == 0 {
				pl.Blocked = append(pl.Blocked, r.ID)
				continue
			}
			for _, ch := range f.Options[0].Changes {
				ch.round = round
				changes = merge(changes, ch)
				ch.apply(q, &at)
			}
		}
		if len(pl.Blocked) > 0 {
			return blocked(pl), nil
		}
		next, err := s.evaluate(q, at)
		if err != nil {
			return noPlan(pl, cur), nil
		}
		cur = next
	}
	// Drop every change the others do without. Without one change only the criteria
	// that read what it touches can move, so they alone are re-evaluated and the rest
	// keep their outcomes on the full plan (cur); the plan left is then verified whole.
	outcomes := map[string]eligibility.Outcome{}
	for _, r := range cur.Results {
		outcomes[r.ID] = r.Outcome
	}
	for i := len(changes) - 1; i >= 0; i-- {
		fewer := slices.Delete(slices.Clone(changes), i, i+1)
		if changes[i].Kind == Wait {
			if ok, _ := s.works(p, v.AsOf, fewer); ok {
				changes = fewer
			}
			continue
		}
		q, at := clone(p), v.AsOf
		for _, ch := range fewer {
			ch.apply(q, &at)
		}
		with := map[string]eligibility.Outcome{}
		valid := true
		for _, id := range s.pl.readers([]assign{{it: item{path: changes[i].Path}}}) {
			o, _, ok := s.outcome(id, q, at)
			if !ok {
				valid = false
				break
			}
			with[id] = o
		}
		if !valid {
			continue
		}
		if d, _ := decideWith(cur, outcomes, with); d == eligibility.Eligible {
			changes = fewer
			maps.Copy(outcomes, with)
		}
	}
	ok, at := s.works(p, v.AsOf, changes)
	if !ok {
		return noPlan(pl, cur), nil
	}
	// Word each change against the original record with the plan's other changes
	// made: a change taken in a later round was worded against the plan so far.
	for i, ch := range changes {
		if ch.as == nil || ch.res == nil || ch.Kind == ObtainFinding || ch.Kind == Wait {
			continue
		}
		others := slices.Delete(slices.Clone(changes), i, i+1)
		if ch.round == 0 && !slices.ContainsFunc(others, func(o Change) bool {
			return o.Kind == Wait || s.pl.reads(s.pl.crits[ch.res.ID], o.Path)
		}) {
			continue // worded against the original record, which its criterion still sees
		}
		q, at := clone(p), v.AsOf
		for _, o := range others {
			o.apply(q, &at)
		}
		as := *ch.as
		cur, ok := get(q, as.it.path)
		as.it.cur, as.it.missing = cur, !ok || cur.IsZero()
		if as.it.missing {
			as.it.kind = Provide
		} else if as.it.kind == Provide {
			as.it.kind = Revise
		}
		again := s.change(q, at, *ch.res, v, s.env(s.pl.crits[ch.res.ID], q, at), as)
		again.Criteria = ch.Criteria
		changes[i] = again
	}
	pl.Changes, pl.AsOf = changes, at
	pl.Status = PlanChanges
	if !slices.ContainsFunc(changes, func(c Change) bool { return c.Kind != ObtainFinding }) {
		pl.Status = PlanFindingsOnly
	}
	pl.Text = planText(pl)
	return pl, nil
}

// works applies the changes to p and re-evaluates with the full engine.
func (s *session) works(p *eligibility.Project, asOf eligibility.Date, changes []Change) (bool, eligibility.Date) {
	q, at := clone(p), asOf
	for _, ch := range changes {
		ch.apply(q, &at)
	}
	v, err := s.evaluate(q, at)
	return err == nil && decisive(v), at
}

// Apply returns a copy of p with the plan's changes applied, and the date to
// evaluate it on; p is not modified. A plan read back from JSON has lost what applies
// it, so Apply works only on a plan this package built.
func (pl Plan) Apply(p *eligibility.Project) (*eligibility.Project, eligibility.Date) {
	q, at := clone(p), pl.AsOf
	for _, ch := range pl.Changes {
		if ch.apply != nil {
			ch.apply(q, &at)
		}
	}
	return q, at
}

func clone(p *eligibility.Project) *eligibility.Project {
	q := *p
	return &q
}

// merge adds ch to changes; a later change to the same path replaces the earlier
// one, keeping the criteria both served.
func merge(changes []Change, ch Change) []Change {
	for i, c := range changes {
		if c.Kind == ch.Kind && c.Path == ch.Path {
			ch.Criteria = appendNew(c.Criteria, ch.Criteria)
			if ch.Kind == Wait && ch.Date.Before(c.Date) {
				ch = c
			}
			changes[i] = ch
			return changes
		}
	}
	return append(changes, ch)
}

func appendNew(dst, add []string) []string {
	dst = slices.Clone(dst)
	for _, a := range add {
		if !slices.Contains(dst, a) {
			dst = append(dst, a)
		}
	}
	return dst
}

func blocked(pl Plan) Plan {
	pl.Status = PlanNone
	ids := strings.Join(pl.Blocked, "、")
	pl.Text = text("无可使项目符合入库标准的整改方案："+ids+" 无申请单位可采取的整改措施",
		"no plan makes the project eligible: nothing the applicant can do meets "+strings.Join(pl.Blocked, ", "))
	return pl
}

func noPlan(pl Plan, v *eligibility.Verdict) Plan {
	pl.Status = PlanNone
	pl.Blocked = append(slices.Clone(v.Failing), v.Undetermined...)
	pl.Text = text("未找到经复核可使项目符合入库标准的整改方案", "no change found that re-evaluation confirms makes the project eligible")
	return pl
}

func planText(pl Plan) criteria.Text {
	var zh, en []string
	for i, c := range pl.Changes {
		n := itoa(i + 1)
		zh = append(zh, n+". "+c.Text.Zh)
		en = append(en, n+". "+c.Text.En)
	}
	if pl.Status == PlanFindingsOnly {
		return text("取得以下评审意见（认定符合）后，项目即符合入库标准：\n"+strings.Join(zh, "\n"),
			"eligible once these findings are given as met:\n"+strings.Join(en, "\n"))
	}
	these := "these " + itoa(len(pl.Changes)) + " changes"
	if len(pl.Changes) == 1 {
		these = "this change"
	}
	return text("完成以下 "+itoa(len(pl.Changes))+" 项后，项目即符合入库标准（已复核）：\n"+strings.Join(zh, "\n"),
		"eligible after "+these+" (verified by re-evaluation):\n"+strings.Join(en, "\n"))
}
