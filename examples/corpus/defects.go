package corpus

import (
	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// defect is one way a project falls short: a fact or finding against the letter
// (the criterion fails) or missing (it is undetermined). Each is written for the
// criterion it aims at, and drawn only for projects it can apply to.
type defect struct {
	// target is the criterion aimed at, for reading; the corpus tests check every
	// criterion is reached by some project, not which defect reached it.
	target string
	// when restricts the defect to some projects; nil means every project.
	when  func(p *eligibility.Project) bool
	apply func(g *generator)
	// weight makes a defect more likely than others (0 counts as 1): those of
	// criteria that apply to one subtype only, which few projects can reach.
	weight int
}

func (d defect) appliesTo(p *eligibility.Project) bool { return d.when == nil || d.when(p) }

func isCategory(c category.Category) func(p *eligibility.Project) bool {
	return func(p *eligibility.Project) bool { return p.Category == c }
}

func isSubtype(s category.Subtype) func(p *eligibility.Project) bool {
	return func(p *eligibility.Project) bool { return p.Subtype == s }
}

func isStage(c category.Category, s category.Stage) func(p *eligibility.Project) bool {
	return func(p *eligibility.Project) bool { return p.Category == c && p.Stage == s }
}

// failOrUnknown sets *b to false (fail) or nil (undetermined), about evenly.
func (g *generator) failOrUnknown(b **bool) {
	if g.r.chance(55) {
		*b = new(false)
	} else {
		*b = nil
	}
}

// findingDefect makes a reviewer's finding not met, or leaves it to be made.
func findingDefect(id string, when func(p *eligibility.Project) bool, weight int) defect {
	d := defect{target: id, when: when, weight: weight}
	d.apply = func(g *generator) {
		f, ok := g.p.Findings[id]
		if !ok {
			return
		}
		if g.r.chance(50) {
			f.Met = new(false)
			f.Note = "经评审，未达到要求"
			g.p.Findings[id] = f
		} else {
			delete(g.p.Findings, id)
		}
	}
	return d
}

// blankOrMissing empties a form field (fail: white space is blank) or drops it.
func (g *generator) blankOrMissing(s **string) {
	switch g.r.intn(3) {
	case 0:
		*s = new("")
	case 1:
		*s = new("  ")
	default:
		*s = nil
	}
}

// registrationDefect puts the applicant outside Jilin (a code issued elsewhere and
// no Jilin division) or leaves its registration unknown (no code, no division).
func registrationDefect(id string, c category.Category) defect {
	return defect{target: id, when: isCategory(c), apply: func(g *generator) {
		a := &g.p.Applicant
		a.RegistrationDivision = ""
		if g.r.chance(60) {
			e := pick(g.r, elsewhere)
			a.CreditCode = creditCode(g.r, a.LegalForm, e.division)
		} else {
			a.CreditCode = ""
		}
	}}
}

func notTelecom(p *eligibility.Project) bool { return p.Category != category.CategoryTelecom }

func isNewStart(p *eligibility.Project) bool { return p.Stage == category.StageNewStart }

var defects = []defect{
	// ── 三.2 and 二.1, every category ──
	{target: "GEN-1", apply: func(g *generator) { g.blankOrMissing(&g.p.Form.ConstructionScale) }},
	{target: "GEN-2", apply: func(g *generator) { g.blankOrMissing(&g.p.Form.Progress) }},
	{target: "GEN-3", apply: func(g *generator) {
		inv := &g.p.Investment
		switch g.r.intn(6) {
		case 0:
			inv.CompletedVerified = new(false) // stated but not yet verified
		case 1:
			inv.CompletedVerified = nil
		case 2:
			inv.Completed = nil
		case 3:
			inv.Completed = eligibility.BlankFormAmount() // the form field left blank
		case 4: // a negative amount on the form
			inv.Completed = eligibility.NewFormAmount(decimal.New(-int64(g.r.between(1, 500))*10_000, 0))
		default:
			if inv.Total != nil { // more completed than the whole: a form error
				inv.Completed = eligibility.NewFormAmount(inv.Total.Add(decimal.New(int64(g.r.between(1, 500))*10_000, 0)))
			}
		}
	}},
	{target: "GEN-4", apply: func(g *generator) { g.blankOrMissing(&g.p.Form.ResponsiblePerson) }},
	{target: "GEN-5", when: notTelecom, apply: func(g *generator) {
		if g.r.chance(55) {
			g.p.ReportingUnit = category.ReportingUnitOther // a county reporting on its own
		} else {
			g.p.ReportingUnit = ""
		}
	}},

	// ── 一(一) bigdata ──
	{target: "BD-1a", when: isSubtype(category.SubtypeDatacenter), weight: 3, apply: func(g *generator) {
		g.p.BigDataContent = choose(g.r,
			weighted[[]category.BigDataContent]{3, []category.BigDataContent{category.BigDataFacilities}}, // known, does not count
			weighted[[]category.BigDataContent]{1, []category.BigDataContent{category.BigDataOther}},      // for a reviewer, who has not judged
			weighted[[]category.BigDataContent]{2, []category.BigDataContent{}},
			weighted[[]category.BigDataContent]{4, nil})
	}},
	{target: "BD-1b", when: isSubtype(category.SubtypeDatacenter), weight: 3, apply: func(g *generator) {
		inv := &g.p.Investment
		switch {
		case inv.Total == nil || g.r.chance(35):
			inv.BigDataPortion = nil
		case g.r.chance(30): // one fen under half
			inv.BigDataPortion = new(inv.Total.Div(decimal.NewFromInt(2)).RoundCeil(2).Sub(decimal.New(1, -2)))
		default:
			inv.BigDataPortion = new(inv.Total.Mul(decimal.New(int64(g.r.between(15, 49)), -2)).RoundFloor(-4))
		}
	}},
	findingDefect("BD-2", isSubtype(category.SubtypeGovInfra), 3),
	findingDefect("BD-3a", isCategory(category.CategoryBigData), 1),
	findingDefect("BD-3b", isCategory(category.CategoryBigData), 1),
	{target: "BD-4", when: isCategory(category.CategoryBigData), apply: func(g *generator) {
		inv := &g.p.Investment
		if g.r.chance(30) {
			inv.Total, inv.BigDataPortion = nil, nil
			return
		}
		total := choose(g.r,
			weighted[decimal.Decimal]{3, decimal.New(499_999_999, -2)}, // one fen under
			weighted[decimal.Decimal]{7, decimal.New(int64(g.r.between(80, 499))*10_000, 0)})
		inv.Total = &total
		if inv.BigDataPortion != nil {
			inv.BigDataPortion = new(total.Mul(decimal.New(int64(g.r.between(50, 90)), -2)).RoundCeil(2))
		}
		if d, ok := formAmount(inv.Completed); ok && d.GreaterThan(total) {
			inv.Completed = eligibility.NewFormAmount(total.Div(decimal.NewFromInt(3)).RoundFloor(-4))
		}
	}},
	{target: "BD-5a", when: isStage(category.CategoryBigData, category.StagePlanning), weight: 2,
		apply: func(g *generator) { g.failOrUnknown(&g.p.Preparation.PreliminaryPlanning) }},
	{target: "BD-5b", when: isStage(category.CategoryBigData, category.StagePlanning), weight: 2, apply: func(g *generator) {
		if g.r.chance(50) {
			g.failOrUnknown(&g.p.Preparation.ConstructionContentDetermined)
		} else {
			g.failOrUnknown(&g.p.Preparation.InvestorDetermined)
		}
	}},
	{target: "BD-5c", when: isStage(category.CategoryBigData, category.StagePlanning), weight: 2,
		apply: func(g *generator) { g.failOrUnknown(&g.p.Preparation.ProposalCompleted) }},
	{target: "BD-6a", when: isStage(category.CategoryBigData, category.StageNewStart), weight: 2,
		apply: func(g *generator) { g.failOrUnknown(&g.p.Preparation.FeasibilityStudyCompleted) }},
	{target: "BD-6b", when: isStage(category.CategoryBigData, category.StageNewStart), weight: 2,
		apply: func(g *generator) { g.failOrUnknown(&g.p.Preparation.FundingSecured) }},
	{target: "BD-6c", when: isNewStart, apply: func(g *generator) {
		g.p.Preparation.PlannedStart = choose(g.r,
			weighted[eligibility.Date]{3, criteria.NewDate(2021, 1, 1)}, // the day after 年内
			weighted[eligibility.Date]{4, criteria.NewDate(2021, month(g.r.between(2, 9)), g.r.between(1, 28))},
			weighted[eligibility.Date]{3, eligibility.Date{}})
	}},
	{target: "stage", when: func(p *eligibility.Project) bool { return p.Category == category.CategoryBigData && p.Stage != "" },
		apply: func(g *generator) { g.p.Stage = "" }}, // not stated: the stage clauses may or may not apply

	// ── 一(二) ai ──
	findingDefect("AI-1", isSubtype(category.SubtypeAIProduct), 3),
	findingDefect("AI-2", isSubtype(category.SubtypeAIManufacturing), 3),
	findingDefect("AI-3", isSubtype(category.SubtypeAIApplication), 3),
	findingDefect("AI-4", isSubtype(category.SubtypeAISupport), 3),
	registrationDefect("AI-C1a", category.CategoryAI),
	{target: "AI-C1b", when: isCategory(category.CategoryAI), apply: func(g *generator) {
		g.p.Applicant.LegalForm = choose(g.r,
			weighted[category.LegalForm]{4, category.LegalFormBranch}, weighted[category.LegalForm]{1, category.LegalFormUnincorporated},
			weighted[category.LegalForm]{4, ""})
		if g.p.Applicant.LegalForm == category.LegalFormBranch {
			g.p.Applicant.Name = pick(g.r, []string{"北京", "上海", "深圳"}) + pick(g.r, brands) + "智能科技有限公司" + g.place.short + "分公司"
		}
	}},
	findingDefect("AI-C1c", isCategory(category.CategoryAI), 1),
	findingDefect("AI-C1d", isCategory(category.CategoryAI), 1),
	findingDefect("AI-C2", isCategory(category.CategoryAI), 1),

	// ── 一(三) industrial-internet ──
	registrationDefect("II-1a", category.CategoryIndustrialInternet),
	{target: "II-1b", when: isCategory(category.CategoryIndustrialInternet), apply: func(g *generator) {
		if g.r.chance(55) {
			g.p.Applicant.EnterpriseKind = category.EnterpriseKindOther
		} else {
			g.p.Applicant.EnterpriseKind = ""
		}
	}},
	{target: "II-1c", when: isCategory(category.CategoryIndustrialInternet), apply: func(g *generator) {
		g.p.Applicant.LegalForm = choose(g.r,
			weighted[category.LegalForm]{4, category.LegalFormBranch}, weighted[category.LegalForm]{2, category.LegalFormIndividualBusiness},
			weighted[category.LegalForm]{4, ""})
		if g.p.Applicant.LegalForm == category.LegalFormIndividualBusiness {
			g.p.Applicant.Name = g.place.short + "市" + pick(g.r, brands) + "机电经营部"
			g.p.Applicant.CreditCode = creditCode(g.r, category.LegalFormIndividualBusiness, pick(g.r, g.place.divisions))
		}
	}},
	{target: "II-1d", weight: 2, when: func(p *eligibility.Project) bool {
		return p.Category == category.CategoryIndustrialInternet && p.Applicant.EnterpriseKind == category.EnterpriseKindManufacturing
	}, apply: func(g *generator) {
		switch g.r.intn(3) {
		case 0:
			g.p.Applicant.SelfAssessment = &eligibility.SelfAssessment{Completed: new(false)}
		case 1:
			g.p.Applicant.SelfAssessment = nil
		default:
			g.p.Applicant.SelfAssessment = &eligibility.SelfAssessment{Year: 2019} // a year, but not whether it was completed
		}
	}},
	{target: "II-2a", when: isSubtype(category.Subtype5GInfrastructure), weight: 3, apply: func(g *generator) {
		switch {
		case g.r.chance(50):
			g.p.FiveG.Technologies = []category.FiveGTechnology{category.FiveGPublicMacroCoverage} // known, does not count
		case g.r.chance(25):
			g.p.FiveG.Technologies = []category.FiveGTechnology{category.FiveGOther} // for a reviewer, who has not judged
		default:
			g.p.FiveG.Technologies = nil
		}
	}},
	{target: "II-2b", when: isSubtype(category.Subtype5GInfrastructure), weight: 3, apply: func(g *generator) {
		if g.r.chance(50) {
			g.p.FiveG.Scenarios = []string{}
		} else {
			g.p.FiveG.Scenarios = nil
		}
	}},
	findingDefect("II-2c", isSubtype(category.Subtype5GInfrastructure), 3),
	{target: "II-3a", when: isSubtype(category.SubtypeIntranet), weight: 3, apply: func(g *generator) {
		switch {
		case g.r.chance(50):
			g.p.Intranet.Technologies = []category.IntranetTechnology{category.IntranetFieldbus} // known, does not count
		case g.r.chance(25):
			g.p.Intranet.Technologies = []category.IntranetTechnology{category.IntranetOther, category.IntranetFieldbus}
		default:
			g.p.Intranet.Technologies = nil
		}
	}},
	findingDefect("II-3b", isSubtype(category.SubtypeIntranet), 3),
	findingDefect("II-6", isCategory(category.CategoryIndustrialInternet), 1),
	findingDefect("II-7", isCategory(category.CategoryIndustrialInternet), 1),
	findingDefect("II-8", isCategory(category.CategoryIndustrialInternet), 1),
	findingDefect("II-9", isCategory(category.CategoryIndustrialInternet), 1),
	findingDefect("II-10a", isCategory(category.CategoryIndustrialInternet), 1),
	{target: "II-10b", when: isCategory(category.CategoryIndustrialInternet),
		apply: func(g *generator) { g.failOrUnknown(&g.p.WrittenCommitment) }},
	{target: "II-11", when: isCategory(category.CategoryIndustrialInternet), apply: func(g *generator) {
		switch g.r.intn(5) {
		case 0:
			g.p.Incidents = nil // not stated: absent is not "none"
		case 1: // the first day of 近三年 counts
			g.p.Incidents = append(g.p.Incidents, eligibility.Incident{Date: criteria.NewDate(2017, 7, 20),
				Kind: category.IncidentKindViolation, Description: "未批先建被处以罚款"})
		case 2:
			g.p.Incidents = append(g.p.Incidents, eligibility.Incident{Date: criteria.NewDate(g.r.between(2018, 2020), month(g.r.between(1, 6)), g.r.between(1, 28)),
				Kind: category.IncidentKindEnvironmentalAccident, Major: new(true), Description: "废水超标排放，造成较大环境污染"})
		case 3: // a safety accident, its gravity not stated
			g.p.Incidents = append(g.p.Incidents, eligibility.Incident{Date: criteria.NewDate(2019, month(g.r.between(1, 12)), g.r.between(1, 28)),
				Kind: category.IncidentKindSafetyAccident, Description: "生产安全事故，等级待认定"})
		default:
			g.p.Incidents = append(g.p.Incidents, eligibility.Incident{Date: criteria.NewDate(2018, month(g.r.between(1, 12)), g.r.between(1, 28)),
				Kind: category.IncidentKindSafetyAccident, Major: new(true), Description: "较大生产安全事故，二人死亡"})
		}
	}},

	// ── 二.2 telecom ──
	{target: "TC-1a", when: isCategory(category.CategoryTelecom), apply: func(g *generator) {
		a := &g.p.Applicant
		if g.r.chance(60) {
			a.Carrier = category.CarrierNone
			a.Name = g.place.short + pick(g.r, brands) + "通信工程有限公司"
			a.CreditCode = creditCode(g.r, category.LegalFormEnterprise, pick(g.r, g.place.divisions))
			a.ProvincialCompany = new(false)
		} else {
			a.Carrier = ""
		}
	}},
	{target: "TC-1b", when: isCategory(category.CategoryTelecom), apply: func(g *generator) { g.failOrUnknown(&g.p.Applicant.Qualified) }},
	{target: "TC-2", when: isCategory(category.CategoryTelecom), apply: func(g *generator) {
		a := &g.p.Applicant
		if g.r.chance(60) && a.Carrier.Listed() {
			a.ProvincialCompany = new(false) // the city branch submitted it itself
			a.Name += g.place.short + "分公司"
			a.CreditCode = creditCode(g.r, category.LegalFormBranch, pick(g.r, g.place.divisions))
		} else {
			a.ProvincialCompany = nil
		}
	}},
	{target: "subtype", apply: func(g *generator) { g.p.Subtype = "" }}, // not declared
}

// formAmount returns a stated form amount, and false for none or a blank one.
func formAmount(a *eligibility.FormAmount) (decimal.Decimal, bool) {
	if a == nil {
		return decimal.Decimal{}, false
	}
	return a.Amount()
}
