package remedy

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/eligibility"
)

// Form lists every fact and finding a project of the category, subtype and stage
// must state under the rule set in force on asOf: what its applicable criteria read,
// in rule order. An empty subtype or stage stands for any. A criterion whose
// applicability turns on another fact (a manufacturing enterprise's self-assessment)
// is included and marked conditional.
func (pl *Planner) Form(cat category.Category, sub category.Subtype, stage category.Stage, asOf eligibility.Date) (*Form, error) {
	p := &eligibility.Project{Category: cat, Subtype: sub, Stage: stage}
	v, err := pl.eng.EvaluateContext(context.Background(), p, asOf)
	if err != nil {
		return nil, err
	}
	f := &Form{RuleSet: v.RuleSet, AsOf: asOf, Category: cat, Subtype: sub, Stage: stage}
	s := pl.session(context.Background())
	index := map[string]int{}
	for _, r := range v.Results {
		if r.Outcome == eligibility.NotApplicable || len(r.Inputs) == 0 && r.Outcome != eligibility.OutcomeUndetermined {
			continue
		}
		c := pl.crits[r.ID].c
		use := Use{ID: r.ID, Ref: r.Ref, Strength: r.Strength, Summary: r.Requirement}
		e := (&session{pl: pl}).env(pl.crits[r.ID], p, asOf)
		for _, in := range r.Inputs {
			var fd Field
			switch {
			case strings.HasPrefix(in.Name, "params.") || in.Name == "asOf":
				continue
			case strings.HasPrefix(in.Name, "findings."):
				fd = Field{Path: in.Name, Label: in.Label, Type: "finding", Authority: v.ConfirmingAuthority}
			default:
				fact, ok := pl.facts[in.Name]
				if !ok {
					continue
				}
				if given := map[string]bool{"category": true, "subtype": sub != "", "stage": stage != ""}; given[fact.Path] {
					continue
				}
				fd = pl.field(fact, e)
				for i, c := range fd.Codes {
					fd.Codes[i].Finding = s.askedFinding(r.ID, p, fd.Path, c.Code, asOf)
				}
			}
			if c.AppliesWhen != "" && r.Outcome == eligibility.OutcomeUndetermined && appliesOnFacts(pl, r.ID, sub, stage) {
				use.Conditional = true
			}
			i, ok := index[fd.Path]
			if !ok {
				i = len(f.Fields)
				index[fd.Path] = i
				f.Fields = append(f.Fields, fd)
			}
			if !slices.ContainsFunc(f.Fields[i].Uses, func(u Use) bool { return u.ID == use.ID }) {
				f.Fields[i].Uses = append(f.Fields[i].Uses, use)
			}
			f.Fields[i].Codes = mergeCodes(f.Fields[i].Codes, fd.Codes)
		}
	}
	return f, nil
}

// appliesOnFacts reports whether the criterion's applicability reads a fact beyond
// those the form is keyed by.
func appliesOnFacts(pl *Planner, id string, sub category.Subtype, stage category.Stage) bool {
	cr := pl.crits[id]
	for _, f := range cr.reads.Facts {
		if f == "category" || (f == "subtype" && sub != "") || (f == "stage" && stage != "") {
			continue
		}
		if strings.Contains(cr.c.AppliesWhen, "project."+f) {
			return true
		}
	}
	return false
}

// field describes a fact for a form: its type and, where it holds codes, the codes it
// may hold (every code of its type or, for a list, of its element type; for a plain
// string or list of strings, the codes of the list parameters it is compared with).
func (pl *Planner) field(fact eligibility.Fact, e *env) Field {
	fd := Field{Path: fact.JSON[0], Label: fact.Label}
	if len(fact.JSON) > 1 {
		fd.Also = slices.Clone(fact.JSON[1:])
	}
	t, ok := typeAt(fd.Path)
	if !ok {
		fd.Type = fact.Type
		return fd
	}
	switch kindOf(t) {
	case kindBool:
		fd.Type = "bool"
	case kindDecimal:
		fd.Type = "decimal"
	case kindDate:
		fd.Type = "date"
	case kindText:
		fd.Type = "text"
	case kindIncidents:
		fd.Type = "incidents"
		for _, c := range codeLists[t.Elem().Field(1).Type]() {
			fd.Codes = append(fd.Codes, Code{Code: c, Name: codeName(t.Elem().Field(1).Type, c)})
		}
	case kindCode:
		fd.Type = "code"
		for _, c := range codeLists[t]() {
			fd.Codes = append(fd.Codes, Code{Code: c, Name: codeName(t, c)})
		}
	case kindList:
		fd.Type = "list"
		if all, ok := codeLists[t.Elem()]; ok {
			// A list of a code type takes any of its codes: those the parameters
			// count, those that do not, and other, which a reviewer judges.
			for _, c := range all() {
				fd.Codes = append(fd.Codes, Code{Code: c, Name: codeName(t.Elem(), c)})
			}
			break
		}
		for _, l := range e.lists {
			for _, c := range l {
				fd.Codes = append(fd.Codes, Code{Code: c, Name: e.name(c)})
			}
		}
	case kindString:
		fd.Type = "string"
		for _, l := range e.lists {
			for _, c := range l {
				fd.Codes = append(fd.Codes, Code{Code: c, Name: e.name(c)})
			}
		}
	default:
		fd.Type = fmt.Sprint(fact.Type)
	}
	return fd
}

func mergeCodes(dst, add []Code) []Code {
	for _, c := range add {
		i := slices.IndexFunc(dst, func(d Code) bool { return d.Code == c.Code })
		switch {
		case i < 0:
			dst = append(dst, c)
		case dst[i].Finding == "":
			dst[i].Finding = c.Finding
		}
	}
	return dst
}

// askedFinding returns the criterion ID whose finding criterion id asks for when the
// field at path holds code (alone, for a list) and not when it is unset: found by
// evaluating, so it follows the rule set's expressions, not a table here.
func (s *session) askedFinding(id string, p *eligibility.Project, path, code string, asOf eligibility.Date) string {
	t, ok := typeAt(path)
	if !ok {
		return ""
	}
	var val reflect.Value
	switch kindOf(t) {
	case kindList:
		val = newList(t, []string{code})
	case kindCode, kindString:
		val = reflect.ValueOf(code).Convert(t)
	default:
		return ""
	}
	q := *p
	if set(&q, path, val) != nil {
		return ""
	}
	_, before, ok := s.outcome(id, p, asOf)
	if !ok {
		return ""
	}
	o, after, ok := s.outcome(id, &q, asOf)
	if !ok || o != eligibility.OutcomeUndetermined {
		return ""
	}
	for _, m := range after {
		if f, ok := strings.CutPrefix(m, "findings."); ok && !slices.Contains(before, m) {
			return f
		}
	}
	return ""
}
