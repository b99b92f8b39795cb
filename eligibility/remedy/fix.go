package remedy

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// item is one thing a criterion reads that a change could touch.
type item struct {
	path    string
	label   criteria.Text
	kind    ChangeKind
	finding string // criterion ID, for ObtainFinding
	refused bool   // a finding given as not met
	t       reflect.Type
	cur     reflect.Value
	missing bool
	// value is the input's value as the verdict shows it (a division read from the
	// credit code has no field of its own to read it back from).
	value string
}

// items lists what a change could touch for result r, and the stated facts the
// applicant cannot change.
func (s *session) items(q *eligibility.Project, r *eligibility.Result) (items []item, fixedFacts []item) {
	seen := map[string]bool{}
	for _, in := range r.Inputs {
		switch {
		case strings.HasPrefix(in.Name, "findings."):
			id := strings.TrimPrefix(in.Name, "findings.")
			f, ok := q.Findings[id]
			if ok && f.Met != nil && *f.Met {
				continue
			}
			seen[in.Name] = true
			items = append(items, item{path: in.Name, label: in.Label, kind: ObtainFinding, finding: id, refused: ok && f.Met != nil})
		case strings.HasPrefix(in.Name, "params.") || in.Name == "asOf":
		default:
			f, ok := s.pl.facts[in.Name]
			if !ok || len(f.JSON) == 0 {
				continue
			}
			path := f.JSON[0]
			t, ok := typeAt(path)
			if !ok || seen[path] {
				// Two facts read from one field (investment.completed and
				// investment.completedBlank) are one thing to change.
				continue
			}
			if own, ok := s.pl.facts[path]; ok {
				f = own // the field's own fact names it: 完成投资, not 完成投资栏是否空白
			}
			cur, _ := get(q, path)
			it := item{path: path, label: f.Label, t: t, cur: cur, missing: in.Missing, value: in.Value}
			if kindOf(t) == kindDecimal {
				// What the field holds decides, not the fact read first: a form
				// amount left blank is one to state, like a missing one.
				_, stated := amountOf(cur)
				it.missing = !stated
			}
			seen[path] = true
			switch {
			case it.missing:
				it.kind = Provide
				items = append(items, it)
			case fixed(path):
				fixedFacts = append(fixedFacts, it)
			default:
				it.kind = Revise
				items = append(items, it)
			}
		}
	}
	for _, path := range r.Missing {
		if seen[path] || s.pl.secondary[path] || strings.Contains(path, "*") {
			continue
		}
		seen[path] = true
		if id, ok := strings.CutPrefix(path, "findings."); ok {
			// A finding asked for by what the record states (other, on an open 等
			// list; a secondary node of unstated level) is missing, not an input.
			items = append(items, item{path: path, label: findingLabel(id), kind: ObtainFinding, finding: id})
			continue
		}
		t, ok := typeAt(path)
		if !ok {
			continue
		}
		label := text(path, path)
		if f, ok := s.pl.facts[strings.SplitN(path, "[", 2)[0]]; ok {
			label = text(f.Label.Zh+"（"+path+"）", f.Label.En+" ("+path+")")
		}
		cur, _ := get(q, path)
		items = append(items, item{path: path, label: label, kind: Provide, t: t, cur: cur, missing: true})
	}
	return items, fixedFacts
}

// assign is one tried value of an item.
type assign struct {
	it  item
	val reflect.Value
}

func (a assign) apply(q *eligibility.Project) {
	if a.it.kind == ObtainFinding {
		setFinding(q, a.it.finding)
		return
	}
	// The path was found by typeAt and the value has its type: set cannot fail.
	_ = set(q, a.it.path, a.val)
}

func withAll(q *eligibility.Project, as []assign) *eligibility.Project {
	r := *q
	for _, a := range as {
		a.apply(&r)
	}
	return &r
}

// fix works out the options for one failing or undetermined criterion.
func (s *session) fix(q *eligibility.Project, v *eligibility.Verdict, r eligibility.Result) Fix {
	return s.fixAt(q, v.AsOf, r, v)
}

// fixAt works out the options for result r of the record q on date asOf; v is the
// verdict r belongs to.
func (s *session) fixAt(q *eligibility.Project, asOf eligibility.Date, r eligibility.Result, v *eligibility.Verdict) Fix {
	cr := s.pl.crits[r.ID]
	items, fixedFacts := s.items(q, &r)
	e := s.env(cr, q, asOf)
	// An undetermined criterion waits for what is missing: revising what is stated is
	// tried only when stating the missing facts and findings cannot settle it.
	if r.Outcome == eligibility.OutcomeUndetermined {
		var pending []item
		for _, it := range items {
			if it.missing || it.kind == ObtainFinding {
				pending = append(pending, it)
			}
		}
		if len(pending) < len(items) {
			if fx := s.fixItems(q, asOf, r, v, e, cr, pending, fixedFacts); len(fx.Options) > 0 {
				return fx
			}
		}
	}
	return s.fixItems(q, asOf, r, v, e, cr, items, fixedFacts)
}

// fixItems tries the items' candidates for one criterion.
func (s *session) fixItems(q *eligibility.Project, asOf eligibility.Date, r eligibility.Result, v *eligibility.Verdict, e *env, cr *crit, items, fixedFacts []item) Fix {
	fx := Fix{ID: r.ID, Ref: r.Ref, Outcome: r.Outcome, Requirement: r.Requirement}
	var singles, sideEffects []Option
	firsts := make([]assign, 0, len(items))
	for _, it := range items {
		if it.kind == ObtainFinding {
			a := assign{it: it}
			firsts = append(firsts, a)
			if s.resolves(r.ID, withAll(q, []assign{a}), asOf) {
				singles = append(singles, s.option(q, asOf, r, v, e, []assign{a}))
			}
			continue
		}
		cands := e.candidates(it.path, it.t, it.cur, it.missing)
		if len(cands) > maxTries {
			cands = cands[:maxTries]
		}
		if len(cands) > 0 {
			firsts = append(firsts, assign{it: it, val: cands[0]})
		}
		for _, c := range cands {
			a := assign{it: it, val: c}
			if s.resolves(r.ID, withAll(q, []assign{a}), asOf) {
				o := s.option(q, asOf, r, v, e, []assign{a})
				// Stating a missing fact cannot move a criterion that passes or does
				// not apply without it: its outcome held whatever the fact. A form
				// amount left blank is stated, though, as blank: filling it is checked.
				if (!it.missing || blankAmount(it.cur)) && s.breaks(q, v, asOf, r.ID, []assign{a}) {
					sideEffects = append(sideEffects, o)
				} else {
					singles = append(singles, o)
				}
				break
			}
		}
	}
	// Of changes that disturb nothing else, those to facts fewer criteria read come
	// first: raising the big-data portion before cutting the total investment.
	if len(singles) > 1 {
		n := make(map[*Change]int, len(singles))
		for i := range singles {
			n[&singles[i].Changes[0]] = len(s.pl.readers(assignsOf(singles[i])))
		}
		order := make([]int, len(singles))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int {
			return n[&singles[a].Changes[0]] - n[&singles[b].Changes[0]]
		})
		sorted := make([]Option, len(singles))
		for i, j := range order {
			sorted[i] = singles[j]
		}
		singles = sorted
	}
	fx.Options = append(singles, sideEffects...)
	if len(fx.Options) == 0 && len(firsts) > 1 {
		if s.resolves(r.ID, withAll(q, firsts), asOf) {
			kept := firsts
			for i := len(kept) - 1; i >= 0 && len(kept) > 1; i-- {
				fewer := append(append([]assign{}, kept[:i]...), kept[i+1:]...)
				if s.resolves(r.ID, withAll(q, fewer), asOf) {
					kept = fewer
				}
			}
			fx.Options = append(fx.Options, s.option(q, asOf, r, v, e, kept))
		}
	}
	if r.Outcome == eligibility.Fail && cr.reads.AsOf {
		if d, ok := s.cureDate(q, asOf, r.ID, e); ok {
			ch := Change{Kind: Wait, Label: text("评估日", "evaluation date"), Date: d, Criteria: []string{r.ID},
				From: text(asOf.String(), asOf.String()), To: text(d.String(), d.String()),
				Text: text("若其他情况不变，自 "+d.String()+" 起符合 "+r.ID+"（"+r.Ref+"）",
					"if nothing else changes, "+r.ID+" ("+r.Ref+") is met from "+d.String())}
			ch.apply = func(_ *eligibility.Project, at *eligibility.Date) {
				if at.Before(d) {
					*at = d
				}
			}
			fx.Options = append(fx.Options, Option{Changes: []Change{ch}, Text: ch.Text})
		}
	}
	if len(fx.Options) == 0 {
		if len(items) == 0 && len(fixedFacts) > 0 {
			fx.None = NoneOutsideControl
			var zh, en []string
			for _, f := range fixedFacts {
				val := shown(f.t, f.cur, e.name)
				if f.value != "" && (kindOf(f.t) == kindString || kindOf(f.t) == kindCode) {
					val = codeName(f.t, f.value)
				}
				zh = append(zh, f.label.Zh+"为"+val.Zh)
				en = append(en, "the "+f.label.En+" is "+val.En)
			}
			fx.NoneText = text("无申请单位可控的整改途径："+strings.Join(zh, "，")+"，申请单位无法改变（"+r.ID+"，"+r.Ref+"）",
				"none within the applicant's control: "+strings.Join(en, ", ")+", which the applicant cannot change ("+r.ID+", "+r.Ref+")")
		} else {
			fx.None = NoneNoAutomatic
			fx.NoneText = text("无自动整改建议（"+r.ID+"，"+r.Ref+"）：要求"+r.Requirement.Zh,
				"no automatic remedy for "+r.ID+" ("+r.Ref+"): requirement: "+r.Requirement.En)
		}
	}
	return fx
}

func assignsOf(o Option) []assign {
	as := make([]assign, len(o.Changes))
	for i, c := range o.Changes {
		as[i] = assign{it: item{path: c.Path}}
	}
	return as
}

// maxTries bounds the candidates tried per fact.
const maxTries = 32

// breaks reports whether the changes make another criterion that reads what they
// touch stop passing.
// v is the verdict on q at asOf; criteria of another category than q's never apply.
func (s *session) breaks(q *eligibility.Project, v *eligibility.Verdict, asOf eligibility.Date, id string, as []assign) bool {
	after := withAll(q, as)
	for _, other := range s.pl.readers(as) {
		if other == id {
			continue
		}
		if c := s.pl.crits[other].c.Category; c != "" && c != q.Category {
			continue
		}
		before, ok := v.Result(other)
		if ok && (before.Outcome == eligibility.Pass || before.Outcome == eligibility.NotApplicable) && !s.resolves(other, after, asOf) {
			return true
		}
	}
	return false
}

// readers lists the criteria that read any path the assignments touch.
func (pl *Planner) readers(as []assign) []string {
	var out []string
	for _, a := range as {
		for _, c := range pl.rules.Criteria {
			cr := pl.crits[c.ID]
			if pl.reads(cr, a.it.path) {
				out = append(out, c.ID)
			}
		}
	}
	return out
}

func (pl *Planner) reads(cr *crit, path string) bool {
	if id, ok := strings.CutPrefix(path, "findings."); ok {
		for _, f := range cr.reads.Findings {
			if f == id {
				return true
			}
		}
		return false
	}
	for _, f := range cr.reads.Facts {
		for _, j := range pl.facts[f].JSON {
			if j == path || strings.HasPrefix(path, j+"[") {
				return true
			}
		}
	}
	return false
}

// cureDate finds the first date after asOf from which the criterion passes with the
// record unchanged: candidates from the dates it reads and the year counts it
// compares them with, then a doubling search. The date is verified: the criterion
// passes on it and not on the day before.
func (s *session) cureDate(q *eligibility.Project, asOf eligibility.Date, id string, e *env) (eligibility.Date, bool) {
	ok := func(d eligibility.Date) bool { return s.resolves(id, q, d) }
	verified := func(d eligibility.Date) bool { return d.After(asOf) && ok(d) && !ok(addDays(d, -1)) }
	var cands []eligibility.Date
	for _, d := range e.dates {
		cands = append(cands, addDays(d, 1), criteria.NewDate(d.Year, 1, 1))
		for _, n := range e.ints {
			y := criteria.NewDate(d.Year+int(n), d.Month, d.Day)
			cands = append(cands, y, addDays(y, 1))
		}
	}
	cands = append(cands, criteria.NewDate(asOf.Year+1, 1, 1))
	best := eligibility.Date{}
	for _, d := range cands {
		if (best.IsZero() || d.Before(best)) && verified(d) {
			best = d
		}
	}
	if !best.IsZero() {
		return best, true
	}
	lo, step := asOf, 1
	for step <= 1<<16 {
		hi := addDays(asOf, step)
		if ok(hi) {
			for addDays(lo, 1).Before(hi) {
				mid := addDays(lo, int(hi.Time().Sub(lo.Time()).Hours()/24)/2)
				if ok(mid) {
					hi = mid
				} else {
					lo = mid
				}
			}
			if verified(hi) {
				return hi, true
			}
			return eligibility.Date{}, false
		}
		lo, step = hi, step*2
	}
	return eligibility.Date{}, false
}

// option turns verified assignments into an Option with its words.
func (s *session) option(q *eligibility.Project, asOf eligibility.Date, r eligibility.Result, v *eligibility.Verdict, e *env, as []assign) Option {
	var o Option
	var zh, en []string
	for _, a := range as {
		ch := s.change(q, asOf, r, v, e, a)
		o.Changes = append(o.Changes, ch)
		zh, en = append(zh, ch.Text.Zh), append(en, ch.Text.En)
	}
	o.Text = text(strings.Join(zh, "；"), strings.Join(en, "; "))
	return o
}

func (s *session) change(q *eligibility.Project, asOf eligibility.Date, r eligibility.Result, v *eligibility.Verdict, e *env, a assign) Change {
	it := a.it
	ch := Change{Kind: it.kind, Path: it.path, Label: it.label, Criteria: []string{r.ID}, as: &a, res: &r}
	ch.apply = func(p *eligibility.Project, _ *eligibility.Date) { a.apply(p) }
	if it.kind == ObtainFinding {
		auth := v.ConfirmingAuthority
		ch.Authority = auth
		ch.Value = json.RawMessage(`{"met":true}`)
		ch.To = metWords(true)
		summary := r.Requirement
		if it.refused {
			ch.From = metWords(false)
			ch.Text = text("评审认定不符合 "+r.ID+"（"+r.Ref+"）；须整改后由"+auth.Chinese()+"重新评审，认定"+summary.Zh,
				"the reviewer found "+r.ID+" ("+r.Ref+") not met; after revising the project, obtain a new finding from the "+auth.English()+" that "+summary.En)
		} else {
			ch.Text = text("取得"+auth.Chinese()+"的评审意见，认定"+summary.Zh+"（"+r.ID+"，"+r.Ref+"）",
				"obtain a finding from the "+auth.English()+" that "+summary.En+" ("+r.ID+", "+r.Ref+")")
		}
		return ch
	}
	if !it.missing || blankAmount(it.cur) {
		ch.From = shown(it.t, it.cur, e.name)
	}
	ch.To = shown(it.t, a.val, e.name)
	ch.Value = jsonValue(a.val)
	L, P := it.label, it.path
	provide := it.kind == Provide
	lead := text("", "")
	if provide {
		lead = text("如实填报", "state truly ")
	}
	passes := func(val reflect.Value) bool {
		return s.resolves(r.ID, withAll(q, []assign{{it: it, val: val}}), asOf)
	}
	switch kindOf(it.t) {
	case kindDecimal:
		b, _ := amountOf(a.val)
		ba := amount(b)
		// near tries the amount one cent away: the words say "at least" or "at most"
		// only when the boundary is where the remedy sits.
		near := func(d decimal.Decimal) bool {
			v, ok := newAmount(it.t, d)
			return ok && passes(v)
		}
		cur, _ := amountOf(it.cur)
		// A form amount left blank is to be filled in; a missing one, stated.
		subj, verb := text(lead.Zh+L.Zh+"（"+P+"）", lead.En+"the "+L.En+" ("+P+")"), text("如实填报"+L.Zh+"（"+P+"）", "state the "+L.En+" ("+P+")")
		if blankAmount(it.cur) {
			blank := text(L.Zh+"（"+P+"）为空白；", "the "+L.En+" ("+P+") is blank; ")
			subj, verb = text(blank.Zh+"填写", blank.En+"fill in"), text(blank.Zh+"须填写", blank.En+"fill it in")
		}
		switch {
		case !provide && b.GreaterThan(cur) && !near(b.Sub(cent)):
			d := amount(b.Sub(cur))
			ch.Text = text(L.Zh+"（"+P+"）"+amount(cur)+" 元，须不少于 "+ba+" 元（差 "+d+" 元）",
				"the "+L.En+" ("+P+") is "+amount(cur)+" yuan; it must be at least "+ba+" yuan ("+d+" yuan short)")
		case !provide && b.LessThan(cur) && !near(b.Add(cent)):
			d := amount(cur.Sub(b))
			ch.Text = text(L.Zh+"（"+P+"）"+amount(cur)+" 元，须不超过 "+ba+" 元（超出 "+d+" 元）",
				"the "+L.En+" ("+P+") is "+amount(cur)+" yuan; it must be at most "+ba+" yuan ("+d+" yuan over)")
		case provide && b.IsPositive() && !near(b.Sub(cent)):
			ch.Text = text(verb.Zh+"，须不少于 "+ba+" 元", verb.En+"; it must be at least "+ba+" yuan")
		case provide:
			// The lowest amount that meets it is the one tried first; where a highest
			// is verified too (0 ≤ completed ≤ total), the words give the range.
			if hi, ok := e.highest(P, it.t, passes, near); ok && hi.GreaterThan(b) && !near(b.Sub(cent)) && near(b.Add(hi).Div(decimal.NewFromInt(2)).RoundFloor(2)) {
				ch.Text = text(verb.Zh+"，须在 "+ba+" 元至 "+amount(hi)+" 元之间（含本数）",
					verb.En+"; it must be from "+ba+" to "+amount(hi)+" yuan inclusive")
				break
			}
			fallthrough
		default:
			ch.Text = text(subj.Zh+"为 "+ba+" 元即可满足", subj.En+": "+ba+" yuan would meet it")
		}
	case kindDate:
		b := a.val.Interface().(criteria.Date)
		cur := it.cur.Interface().(criteria.Date)
		switch {
		case (provide || b.Before(cur)) && !passes(reflect.ValueOf(addDays(b, 1))):
			ch.Text = text(lead.Zh+L.Zh+"（"+P+"）"+fromDate(cur, provide, "")+"须不晚于 "+b.String(),
				lead.En+"the "+L.En+" ("+P+")"+fromDate(cur, provide, "en")+" must be no later than "+b.String())
		case (provide || b.After(cur)) && !passes(reflect.ValueOf(addDays(b, -1))):
			ch.Text = text(lead.Zh+L.Zh+"（"+P+"）"+fromDate(cur, provide, "")+"须不早于 "+b.String(),
				lead.En+"the "+L.En+" ("+P+")"+fromDate(cur, provide, "en")+" must be no earlier than "+b.String())
		default:
			ch.Text = text(lead.Zh+L.Zh+"（"+P+"）为 "+b.String()+" 即可满足", lead.En+"the "+L.En+" ("+P+"): "+b.String()+" would meet it")
		}
	case kindBool:
		val := a.val.Elem().Bool()
		act, ok := actions[P]
		switch {
		case ok && val && provide:
			ch.Text = text("填报"+L.Zh+"（"+P+"），须为“是”："+act.Zh, "state the "+L.En+" ("+P+"); it must be yes: "+act.En)
		case ok && val:
			ch.Text = text(act.Zh+"（"+P+"：是）", act.En+" ("+P+": yes)")
		default:
			yn := yesNo(val)
			ch.Text = text(lead.Zh+L.Zh+"（"+P+"）须为“"+yn.Zh+"”", lead.En+"the "+L.En+" ("+P+") must be "+yn.En)
		}
	case kindText:
		ch.Value = nil
		ch.To = text("已填写", "filled in")
		ch.Text = text("填写"+L.Zh+"（"+P+"）", "fill in the "+L.En+" ("+P+")")
	case kindCode, kindString:
		var names []criteria.Text
		var all []reflect.Value
		// The codes the parameters list are tried, or every code when the chosen
		// one is not among them: the words say "any of these", not "only these".
		inLists := e.inLists(a.val.String())
		for _, c := range e.candidates(P, it.t, it.cur, it.missing) {
			if (!inLists || e.inLists(c.String())) && passes(c) {
				all = append(all, c)
			}
		}
		for _, c := range all {
			names = append(names, codeName(it.t, c.String()))
		}
		if kindOf(it.t) == kindString && fixed(P) {
			ch.Text = text("如实填报"+L.Zh+"（"+P+"）；须满足："+r.Requirement.Zh, "state the "+L.En+" ("+P+") truly; it must meet: "+r.Requirement.En)
		} else {
			if provide {
				ch.Text = text("如实填报"+L.Zh+"（"+P+"）；以下任一可满足："+joinNames(names).Zh,
					"state the "+L.En+" ("+P+") truly; any of these would meet it: "+joinNames(names).En)
			} else {
				ch.Text = text(L.Zh+"（"+P+"）现为"+ch.From.Zh+"；改为以下任一即可满足："+joinNames(names).Zh,
					"the "+L.En+" ("+P+") is "+ch.From.En+"; any of these would meet it: "+joinNames(names).En)
			}
		}
	case kindList:
		if len(e.listCodesFor(it.t)) == 0 {
			ch.Value = nil
			ch.To = text("至少一项", "at least one entry")
			ch.Text = text("在"+L.Zh+"（"+P+"）中至少填写一项", "declare at least one entry in the "+L.En+" ("+P+")")
			if !it.missing && it.cur.Len() > 0 {
				ch.To = text("再增加一项", "one more entry")
				ch.Text = text("在"+L.Zh+"（"+P+"）中再增加一项", "add one more entry to the "+L.En+" ("+P+")")
			}
			break
		}
		var names []criteria.Text
		for _, c := range e.candidates(P, it.t, it.cur, it.missing) {
			if c.Len() > 0 && passes(c) {
				names = append(names, e.nameOf(it.t.Elem(), c.Index(c.Len()-1).String()))
			}
		}
		ch.Text = text("在"+L.Zh+"（"+P+"）中增加以下至少一项："+joinNames(names).Zh,
			"add at least one of these to the "+L.En+" ("+P+"): "+joinNames(names).En)
	default:
		ch.Text = text("如实填报"+L.Zh+"（"+P+"）；须满足："+r.Requirement.Zh, "state the "+L.En+" ("+P+") truly; it must meet: "+r.Requirement.En)
	}
	return ch
}

func fromDate(cur eligibility.Date, provide bool, lang string) string {
	if provide || cur.IsZero() {
		if lang == "en" {
			return ""
		}
		return "，"
	}
	if lang == "en" {
		return " is " + cur.String() + "; it"
	}
	return cur.String() + "，"
}

// actions words the act that makes a yes-or-no fact true: the document to complete,
// the commitment to sign. It is about the record's facts, so it holds under any rule
// set; a fact not here is worded from its label.
var actions = map[string]criteria.Text{
	"preparation.preliminaryPlanning":           {Zh: "完成项目前期规划", En: "complete the preliminary planning"},
	"preparation.constructionContentDetermined": {Zh: "确定项目建设内容", En: "determine the construction content"},
	"preparation.investorDetermined":            {Zh: "确定投资主体", En: "determine the investing entity"},
	"preparation.proposalCompleted":             {Zh: "编制完成项目建议书", En: "complete the project proposal (项目建议书)"},
	"preparation.feasibilityStudyCompleted":     {Zh: "完成可研报告编制", En: "complete the feasibility study report (可研报告)"},
	"preparation.fundingSecured":                {Zh: "落实建设资金", En: "secure the construction funds"},
	"writtenCommitment":                         {Zh: "签署对申报材料真实性、有效性、合规性的书面承诺", En: "sign the written commitment to the truthfulness, validity and compliance of the materials"},
	"applicant.selfAssessment.completed":        {Zh: "在中国两化融合服务平台完成两化融合自评估", En: "complete the 两化融合 self-assessment on the national platform"},
	"investment.completedVerified":              {Zh: "核实项目完成投资", En: "have the completed investment verified"},
	"applicant.provincialCompany":               {Zh: "改由运营商省级公司报送", En: "submit through the carrier's provincial company"},
	"applicant.qualified":                       {Zh: "取得相关建设资质", En: "obtain the relevant qualification"},
	"identifierNode.inJilin":                    {Zh: "在我省建设节点", En: "establish the node in Jilin"},
	"platform.topCloudPartner":                  {Zh: "与国内顶级云服务商合作建设", En: "build with a top domestic cloud provider"},
}

// findingLabel names a finding as the verdict's inputs do.
func findingLabel(id string) criteria.Text {
	return text("评审意见（"+id+"）", "reviewer's finding on "+id)
}

// highest returns the largest candidate amount at path that meets the criterion,
// when the amount a cent above it does not.
func (e *env) highest(path string, t reflect.Type, passes func(reflect.Value) bool, near func(decimal.Decimal) bool) (decimal.Decimal, bool) {
	var hi decimal.Decimal
	found := false
	for _, c := range e.candidates(path, t, reflect.Value{}, true) {
		if d, ok := amountOf(c); ok && (!found || d.GreaterThan(hi)) && passes(c) {
			hi, found = d, true
		}
	}
	return hi, found && !near(hi.Add(cent))
}
