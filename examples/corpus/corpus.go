package corpus

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// AsOf returns the evaluation date the corpus is designed around: 2020-07-20, the
// submission date the letter sets. Planned starts straddle 31 December of its year
// and incidents straddle the start of 近三年 counted back from it.
func AsOf() eligibility.Date { return criteria.NewDate(2020, 7, 20) }

// Generate returns n projects made from seed. The same seed and n always give the
// same projects, and project i is the same whatever n. IDs are "JL761-00001" on.
//
// About half the projects are drawn complete; the rest carry one to three defects,
// each a fact or finding that is missing (undetermined) or against the letter
// (ineligible). Amounts are drawn around the thresholds, some exactly at them, so
// that a changed threshold moves some projects and not others.
func Generate(seed int64, n int) []*eligibility.Project {
	projects := make([]*eligibility.Project, n)
	for i := range projects {
		projects[i] = generate(newRNG(seed, i), i)
	}
	return projects
}

// generator builds one project.
type generator struct {
	r     *rng
	p     *eligibility.Project
	place place
}

func generate(r *rng, i int) *eligibility.Project {
	g := &generator{r: r, p: &eligibility.Project{ID: fmt.Sprintf("JL761-%05d", i+1)}}
	g.p.Category = choose(r,
		weighted[category.Category]{30, category.CategoryBigData},
		weighted[category.Category]{25, category.CategoryAI},
		weighted[category.Category]{30, category.CategoryIndustrialInternet},
		weighted[category.Category]{15, category.CategoryTelecom})
	g.p.Subtype = pick(r, g.p.Category.Subtypes())
	g.p.Stage = choose(r,
		weighted[category.Stage]{30, category.StagePlanning},
		weighted[category.Stage]{42, category.StageNewStart},
		weighted[category.Stage]{28, category.StageContinuing})
	g.place = g.choosePlace()
	if g.p.Category != category.CategoryTelecom {
		g.p.ReportingUnit = g.place.unit
	}

	switch g.p.Category {
	case category.CategoryBigData:
		g.bigData()
	case category.CategoryAI:
		g.ai()
	case category.CategoryIndustrialInternet:
		g.industrialInternet()
	case category.CategoryTelecom:
		g.telecom()
	}
	g.preparation()
	g.completed()
	g.form()
	g.p.Name = g.projectName()

	// Half the projects are complete; the others have one to three defects.
	k := choose(r, weighted[int]{50, 0}, weighted[int]{30, 1}, weighted[int]{14, 2}, weighted[int]{6, 3})
	applicable := slices.DeleteFunc(slices.Clone(defects), func(d defect) bool { return !d.appliesTo(g.p) })
	for range k {
		if len(applicable) == 0 {
			break
		}
		choices := make([]weighted[int], len(applicable))
		for j, d := range applicable {
			choices[j] = weighted[int]{max(d.weight, 1), j}
		}
		j := choose(r, choices...)
		applicable[j].apply(g)
		applicable = slices.Delete(applicable, j, j+1)
	}
	return g.p
}

func (g *generator) choosePlace() place {
	choices := make([]weighted[place], len(places))
	for i, pl := range places {
		choices[i] = weighted[place]{pl.weight, pl}
	}
	return choose(g.r, choices...)
}

func (g *generator) projectName() string {
	topic := pick(g.r, topics[g.p.Subtype])
	prefix := g.place.long
	if g.p.Category == category.CategoryTelecom {
		prefix = g.p.Applicant.Name
		if g.r.chance(40) {
			prefix += g.place.long
		}
		return fmt.Sprintf("%s 2020 年%s", prefix, topic)
	}
	if g.p.Category != category.CategoryBigData {
		prefix = g.p.Applicant.Name
	}
	suffix := choose(g.r, weighted[string]{6, "项目"}, weighted[string]{2, "（一期）"}, weighted[string]{2, "（二期）"}, weighted[string]{1, "工程"})
	return prefix + topic + suffix
}

// applicant fills an applicant of the given legal form, usually registered where the
// project is, sometimes elsewhere: then its code is issued outside Jilin, and a few
// of those state a Jilin registration division (a company that moved in).
func (g *generator) applicant(form category.LegalForm, industry string) {
	a := &g.p.Applicant
	a.LegalForm = form
	division := pick(g.r, g.place.divisions)
	short := g.place.short
	if g.r.chance(7) {
		e := pick(g.r, elsewhere)
		division, short = e.division, e.short
		if g.r.chance(35) {
			a.RegistrationDivision = pick(g.r, g.place.divisions)
		}
	}
	switch form {
	case category.LegalFormPublicInstitution:
		a.Name = short + pick(g.r, []string{"市大数据中心", "市信息中心", "市政务服务中心", "工业技术研究院", "大学科技园发展中心"})
	case category.LegalFormSocialOrganization:
		a.Name = short + pick(g.r, []string{"人工智能产业联盟", "软件行业协会", "工业互联网产业联盟"})
	case category.LegalFormGovernmentOrgan:
		a.Name = short + pick(g.r, []string{"市政务服务和数字化建设管理局", "市工业和信息化局", "市公安局"})
	case category.LegalFormIndividualBusiness:
		a.Name = short + "市" + pick(g.r, brands) + "电脑经营部"
	case category.LegalFormBranch:
		a.Name = pick(g.r, []string{"北京", "上海", "深圳", "沈阳"}) + pick(g.r, brands) + industry + "有限公司" + short + "分公司"
	default:
		a.Name = short + pick(g.r, brands) + industry + pick(g.r, companySuffixes)
	}
	a.CreditCode = creditCode(g.r, form, division)
}

// legalForm draws the legal form of a complete project's applicant; defects add
// the others.
func (g *generator) legalForm() category.LegalForm {
	return choose(g.r,
		weighted[category.LegalForm]{76, category.LegalFormEnterprise},
		weighted[category.LegalForm]{14, category.LegalFormPublicInstitution},
		weighted[category.LegalForm]{4, category.LegalFormGovernmentOrgan},
		weighted[category.LegalForm]{6, category.LegalFormSocialOrganization})
}

func (g *generator) bigData() {
	form := g.legalForm()
	g.applicant(form, pick(g.r, industries[category.CategoryBigData]))
	total := g.total(category.CategoryBigData)
	g.p.Investment.Total = total
	if g.p.Subtype == category.SubtypeDatacenter {
		g.p.Investment.BigDataPortion = g.portion(*total)
		content := []category.BigDataContent{}
		for _, c := range []category.BigDataContent{category.BigDataStorage, category.BigDataAnalysis, category.BigDataApplication} {
			if g.r.chance(75) {
				content = append(content, c)
			}
		}
		if len(content) == 0 {
			content = append(content, category.BigDataStorage)
		}
		if g.r.chance(20) {
			// Content of 等 beside the named kinds; facilities neither count nor hurt.
			content = append(content, pick(g.r, []category.BigDataContent{category.BigDataGovernance,
				category.BigDataSharing, category.BigDataSecurity, category.BigDataComputing, category.BigDataFacilities}))
		}
		g.p.BigDataContent = content
	}
	g.findings("省政务服务和数字化局 评审组", "BD-3a", "BD-3b")
	if g.p.Subtype == category.SubtypeGovInfra {
		g.findings("省政务服务和数字化局 评审组", "BD-2")
	}
}

func (g *generator) ai() {
	g.applicant(g.legalForm(), pick(g.r, industries[category.CategoryAI]))
	g.p.Investment.Total = g.total(category.CategoryAI)
	id := map[category.Subtype]string{
		category.SubtypeAIProduct: "AI-1", category.SubtypeAIManufacturing: "AI-2",
		category.SubtypeAIApplication: "AI-3", category.SubtypeAISupport: "AI-4",
	}[g.p.Subtype]
	g.findings("省工信厅 专家组", id, "AI-C1c", "AI-C1d", "AI-C2")
}

func (g *generator) industrialInternet() {
	a := &g.p.Applicant
	a.EnterpriseKind = choose(g.r,
		weighted[category.EnterpriseKind]{65, category.EnterpriseKindManufacturing},
		weighted[category.EnterpriseKind]{35, category.EnterpriseKindNewGenerationIT})
	industry := pick(g.r, industries[category.CategoryIndustrialInternet])
	if a.EnterpriseKind == category.EnterpriseKindNewGenerationIT {
		industry = pick(g.r, itIndustries)
	}
	g.applicant(category.LegalFormEnterprise, industry)
	if a.EnterpriseKind == category.EnterpriseKindManufacturing || g.r.chance(30) {
		a.SelfAssessment = &eligibility.SelfAssessment{
			Completed: new(true),
			Year:      g.r.between(2017, 2020),
			Score:     new(decimal.New(int64(g.r.between(380, 720)), -1)),
		}
	}
	g.p.Investment.Total = g.total(category.CategoryIndustrialInternet)

	switch g.p.Subtype {
	case category.Subtype5GInfrastructure:
		tech := some(g, category.FiveGTechnologies()[:9]) // the industrial key technologies
		if g.r.chance(30) {
			tech = append(tech, category.FiveGPublicMacroCoverage) // listed beside them; neither counts nor hurts
		}
		g.p.FiveG = eligibility.FiveG{Technologies: tech, Scenarios: some(g, scenarios)}
		g.findings("省工信厅 专家组", "II-2c")
	case category.SubtypeIntranet:
		g.p.Intranet = eligibility.Intranet{Technologies: some(g, []category.IntranetTechnology{
			category.Intranet5G, category.IntranetIPv6, category.IntranetIndustrialPON, category.IntranetTSN})}
		g.findings("省工信厅 专家组", "II-3b")
	case category.SubtypeIdentifierNode:
		// An encouraged clause: whatever the node, the project stays eligible.
		g.p.IdentifierNode = eligibility.IdentifierNode{
			Kind: choose(g.r, weighted[category.IdentifierNodeKind]{25, category.NodeProvincialSecondary},
				weighted[category.IdentifierNodeKind]{12, category.NodeIndustrySecondary},
				weighted[category.IdentifierNodeKind]{8, category.NodeSecondary}, // level not stated: for a reviewer
				weighted[category.IdentifierNodeKind]{20, category.NodePublicRecursive},
				weighted[category.IdentifierNodeKind]{25, category.NodeEnterprise}, weighted[category.IdentifierNodeKind]{10, ""}),
			InJilin: g.maybeBool(80, 8),
		}
	case category.SubtypePlatform:
		g.p.Platform = eligibility.Platform{
			Level: choose(g.r, weighted[string]{30, "cross-industry"}, weighted[string]{30, "industry"},
				weighted[string]{25, "enterprise"}, weighted[string]{8, "park"}, weighted[string]{7, ""}),
			TopCloudPartner: g.maybeBool(50, 15),
		}
	}
	g.p.WrittenCommitment = new(true)
	g.p.Incidents = g.harmlessIncidents()
	g.findings("省工信厅 专家组", "II-6", "II-7", "II-8", "II-9", "II-10a")
	// A major accident of another kind (the letter's 等) is for a reviewer to judge;
	// these reviewers found it not one 一(三)11 means. No draw: the rest of the
	// project stays as it was.
	if slices.ContainsFunc(g.p.Incidents, func(i eligibility.Incident) bool {
		return i.Kind == category.IncidentKindOtherAccident && i.Major != nil && *i.Major
	}) {
		g.p.Findings["II-11"] = eligibility.Finding{Met: new(true), By: "省工信厅 专家组", On: g.p.Findings["II-10a"].On}
	}
}

func (g *generator) telecom() {
	carriers := category.Carriers()
	carrier := choose(g.r,
		weighted[category.Carrier]{30, carriers[0]}, weighted[category.Carrier]{25, carriers[1]},
		weighted[category.Carrier]{25, carriers[2]}, weighted[category.Carrier]{5, carriers[3]},
		weighted[category.Carrier]{15, carriers[4]})
	a := &g.p.Applicant
	a.Name = carrierCompanies[carrier]
	a.CreditCode = creditCode(newRNG(int64(slices.Index(carriers, carrier)), -1), category.LegalFormEnterprise, "220000")
	a.LegalForm = category.LegalFormEnterprise
	a.Carrier = carrier
	a.ProvincialCompany = new(true)
	a.Qualified = new(true)
	g.p.Investment.Total = g.total(category.CategoryTelecom)
	if g.r.chance(15) {
		// Some telecom records name the city anyway; GEN-5 does not apply to them.
		g.p.ReportingUnit = g.place.unit
	}
}

// total draws a total investment: for bigdata around the 5,000,000 floor (some
// exactly at it, at 4,999,999.99 or 5,000,000.01, many between 5 and 10 million, so
// that a higher floor moves them); for the others the letter sets no floor.
func (g *generator) total(cat category.Category) *decimal.Decimal {
	wan := func(lo, hi int) *decimal.Decimal { return new(decimal.New(int64(g.r.between(lo, hi))*10_000, 0)) }
	fen := func(lo, hi int64) *decimal.Decimal {
		return new(decimal.New(lo+int64(g.r.intn(int(hi-lo+1))), -2))
	}
	switch cat {
	case category.CategoryBigData:
		return choose(g.r,
			weighted[*decimal.Decimal]{6, new(decimal.New(500_000_000, -2))}, // 5,000,000.00 exactly
			weighted[*decimal.Decimal]{2, new(decimal.New(500_000_001, -2))}, // one fen over
			weighted[*decimal.Decimal]{34, wan(500, 999)},
			weighted[*decimal.Decimal]{8, fen(500_000_000, 999_999_999)},
			weighted[*decimal.Decimal]{38, wan(1_000, 8_000)},
			weighted[*decimal.Decimal]{12, wan(8_000, 60_000)})
	case category.CategoryTelecom:
		return wan(3_000, 120_000)
	}
	return choose(g.r,
		weighted[*decimal.Decimal]{25, wan(200, 999)},
		weighted[*decimal.Decimal]{50, wan(1_000, 20_000)},
		weighted[*decimal.Decimal]{10, fen(100_000_000, 3_000_000_000)},
		weighted[*decimal.Decimal]{15, wan(20_000, 150_000)})
}

// portion draws a big-data centre's big-data investment at half the total or more:
// exactly half (of an even total, or the fen above half of an odd one) in one case in
// eight, otherwise 50–90%.
func (g *generator) portion(total decimal.Decimal) *decimal.Decimal {
	if g.r.chance(12) {
		return new(total.Div(decimal.NewFromInt(2)).RoundCeil(2))
	}
	pct := g.r.between(50, 90)
	return new(total.Mul(decimal.New(int64(pct), -2)).RoundCeil(2))
}

// completed states the completed investment: none yet for a planning project, part
// of the total for the others. Its verification (核实) is often still pending when a
// project under way is submitted: then the form says not yet, or nothing.
func (g *generator) completed() {
	inv := &g.p.Investment
	inv.CompletedVerified = new(true)
	if g.p.Stage == category.StagePlanning || inv.Total == nil {
		inv.Completed = eligibility.NewFormAmount(decimal.Zero)
		return
	}
	inv.CompletedVerified = g.maybeBool(84, 10)
	pct := g.r.between(0, 85)
	if g.p.Stage == category.StageNewStart {
		pct = g.r.between(0, 15)
	}
	inv.Completed = eligibility.NewFormAmount(inv.Total.Mul(decimal.New(int64(pct), -2)).RoundFloor(-4)) // whole 万元
}

// preparation states the preparatory work of 一(一)5–6: always for bigdata, where
// the letter asks for it, and for two projects in three of the other categories,
// whose forms carry it too (so a rule set applying the stage clauses everywhere has
// facts to judge).
func (g *generator) preparation() {
	if g.p.Category != category.CategoryBigData && !g.r.chance(65) {
		return
	}
	prep := &g.p.Preparation
	switch g.p.Stage {
	case category.StagePlanning:
		prep.PreliminaryPlanning = new(true)
		prep.ConstructionContentDetermined = new(true)
		prep.InvestorDetermined = new(true)
		prep.ProposalCompleted = new(true)
		if g.p.Category != category.CategoryBigData {
			// Forms of other categories are less thorough about the 谋划 steps.
			prep.ProposalCompleted = g.maybeBool(75, 10)
		}
	case category.StageNewStart:
		prep.PreliminaryPlanning = new(true)
		prep.ConstructionContentDetermined = new(true)
		prep.InvestorDetermined = new(true)
		prep.ProposalCompleted = new(true)
		prep.FeasibilityStudyCompleted = new(true)
		prep.FundingSecured = new(true)
		if g.p.Category != category.CategoryBigData {
			prep.FundingSecured = g.maybeBool(80, 10)
		}
		prep.PlannedStart = choose(g.r,
			weighted[eligibility.Date]{70, criteria.NewDate(2020, month(g.r.between(8, 12)), g.r.between(1, 28))},
			weighted[eligibility.Date]{12, criteria.NewDate(2020, 12, 31)},
			weighted[eligibility.Date]{18, criteria.NewDate(2020, month(g.r.between(3, 7)), g.r.between(1, 28))}) // already started
	case category.StageContinuing:
		prep.FeasibilityStudyCompleted = new(true)
		prep.FundingSecured = new(true)
	}
}

func (g *generator) form() {
	scale := map[category.Category]func() string{
		category.CategoryBigData: func() string {
			return fmt.Sprintf("机房面积 %d 平方米，机柜 %d 个，存储容量 %d PB", g.r.between(3, 60)*100, g.r.between(4, 80)*10, g.r.between(1, 50))
		},
		category.CategoryAI: func() string {
			return pick(g.r, []string{
				fmt.Sprintf("年产智能产品 %d 台（套）", g.r.between(5, 200)*100),
				fmt.Sprintf("建设算力 %d PFlops，训练数据集 %d 个", g.r.between(1, 40)*5, g.r.between(5, 60)),
				fmt.Sprintf("覆盖医疗机构 %d 家，服务人口 %d 万", g.r.between(5, 120), g.r.between(10, 300)),
			})
		},
		category.CategoryIndustrialInternet: func() string {
			switch g.p.Subtype {
			case category.Subtype5GInfrastructure:
				return fmt.Sprintf("建设 5G 专网基站 %d 个，边缘计算节点 %d 个", g.r.between(3, 80), g.r.between(1, 6))
			case category.SubtypeIntranet:
				return fmt.Sprintf("改造车间网络 %d 个，IPv6 终端 %d 台", g.r.between(2, 30), g.r.between(100, 5000))
			case category.SubtypeIdentifierNode:
				return fmt.Sprintf("标识注册量 %d 万个，日解析量 %d 万次", g.r.between(50, 5000), g.r.between(10, 800))
			case category.SubtypePlatform:
				return fmt.Sprintf("接入工业设备 %d 台，服务企业 %d 家，工业 APP %d 个", g.r.between(500, 50000), g.r.between(20, 2000), g.r.between(10, 400))
			}
			return fmt.Sprintf("接入设备 %d 台，连接企业 %d 家", g.r.between(50, 3000), g.r.between(1, 400))
		},
		category.CategoryTelecom: func() string {
			return fmt.Sprintf("新建 5G 基站 %d 个，光缆 %d 皮长公里", g.r.between(50, 4000), g.r.between(100, 9000))
		},
	}[g.p.Category]()
	progress := pick(g.r, progressTexts[g.p.Stage])
	if strings.Contains(progress, "%d") {
		progress = fmt.Sprintf(progress, g.r.between(10, 95))
	}
	person := pick(g.r, surnames) + pick(g.r, givenNames)
	g.p.Form = eligibility.Form{ConstructionScale: &scale, Progress: &progress, ResponsiblePerson: &person}
}

// findings records a reviewer's finding, met, on each criterion.
func (g *generator) findings(by string, ids ...string) {
	if g.p.Findings == nil {
		g.p.Findings = map[string]eligibility.Finding{}
	}
	for _, id := range ids {
		g.p.Findings[id] = eligibility.Finding{Met: new(true), By: by, On: criteria.NewDate(2020, 7, g.r.between(13, 17))}
	}
}

// harmlessIncidents draws an enterprise's record of incidents that do not bar it:
// none, or ones outside 近三年 (before 2017-07-20, or after the evaluation date), or
// minor ones inside it, or a major accident of another kind inside it, which the
// caller's reviewer finding on II-11 accepts.
func (g *generator) harmlessIncidents() []eligibility.Incident {
	incidents := []eligibility.Incident{}
	if g.r.chance(60) {
		return incidents
	}
	for range g.r.between(1, 2) {
		incidents = append(incidents, choose(g.r,
			weighted[eligibility.Incident]{3, eligibility.Incident{Date: criteria.NewDate(2017, 7, 19), Kind: category.IncidentKindViolation,
				Description: "环评手续不全被责令整改（近三年之外一日）"}},
			weighted[eligibility.Incident]{5, eligibility.Incident{Date: criteria.NewDate(g.r.between(2012, 2016), month(g.r.between(1, 12)), g.r.between(1, 28)),
				Kind: category.IncidentKindSafetyAccident, Major: new(true), Description: "车间火灾，一人重伤"}},
			weighted[eligibility.Incident]{5, eligibility.Incident{Date: criteria.NewDate(g.r.between(2018, 2020), month(g.r.between(1, 6)), g.r.between(1, 28)),
				Kind: category.IncidentKindSafetyAccident, Major: new(false), Description: "叉车碰撞，无人员伤亡"}},
			weighted[eligibility.Incident]{3, eligibility.Incident{Date: criteria.NewDate(2019, month(g.r.between(1, 12)), g.r.between(1, 28)),
				Kind: category.IncidentKindOtherAccident, Major: new(true), Description: "运输途中货物损毁"}},
			weighted[eligibility.Incident]{2, eligibility.Incident{Date: criteria.NewDate(2020, 8, g.r.between(1, 28)),
				Kind: category.IncidentKindViolation, Description: "评估日之后的行政处罚"}},
		))
	}
	return incidents
}

func month(n int) time.Month { return time.Month(n) }

// some returns a non-empty random subset of xs, in their order.
func some[T any](g *generator, xs []T) []T {
	var out []T
	for _, x := range xs {
		if g.r.chance(45) {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		out = append(out, pick(g.r, xs))
	}
	return out
}

// maybeBool returns true, false or nil (not stated) with the given chances of true
// and of nil, in percent.
func (g *generator) maybeBool(truePercent, nilPercent int) *bool {
	n := g.r.intn(100)
	switch {
	case n < truePercent:
		return new(true)
	case n < truePercent+nilPercent:
		return nil
	}
	return new(false)
}
