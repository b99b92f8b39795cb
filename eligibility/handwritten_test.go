package eligibility_test

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/creditcode"
)

// This file is a hand-written implementation of the 47 criteria of the default rule
// set in plain Go, with no CEL. It serves twice:
//
//   - as a differential oracle (differential_test.go): written from the catalogue and
//     the README's interpretation notes rather than from the engine's code, it must
//     give the engine's outcome and missing facts for every criterion of every record;
//   - as the speed floor (bench_test.go): it builds the same verdict the engine does
//     (decision, ID lists, one result per criterion with its message), so the ratio
//     Evaluate/HandWritten is the price of keeping the rules as data.
//
// Thresholds and lists come from the rule set's parameters, never literals, so the
// oracle follows the default rule set when a parameter changes. The semantics are
// those of the catalogue's note 8, spelled out once in the tri type below.

// truth is a three-valued truth value.
type truth uint8

const (
	isFalse truth = iota
	isTrue
	isUnknown
)

// tri is a truth value that, when unknown, names the facts whose absence made it
// unknown, as sorted fact keys (see the key constants below).
type tri struct {
	t    truth
	miss []int
}

var (
	triTrue  = tri{t: isTrue}
	triFalse = tri{t: isFalse}
)

func known(b bool) tri {
	if b {
		return triTrue
	}
	return triFalse
}

func unknownOf(key int) tri { return tri{t: isUnknown, miss: []int{key}} }

// all is "and" over three values: false if any term is false (an unknown beside it
// does not matter), otherwise unknown if any term is unknown, naming the facts of
// every unknown term, otherwise true.
func all(terms ...tri) tri {
	out := triTrue
	for _, x := range terms {
		switch x.t {
		case isFalse:
			return triFalse
		case isUnknown:
			out = tri{t: isUnknown, miss: union(out.miss, x.miss)}
		}
	}
	return out
}

// either is "or" over three values: true if any term is true, otherwise unknown if
// any term is unknown, naming the facts of every unknown term, otherwise false.
func either(terms ...tri) tri {
	out := triFalse
	for _, x := range terms {
		switch x.t {
		case isTrue:
			return triTrue
		case isUnknown:
			out = tri{t: isUnknown, miss: union(out.miss, x.miss)}
		}
	}
	return out
}

func not(x tri) tri {
	switch x.t {
	case isTrue:
		return triFalse
	case isFalse:
		return triTrue
	}
	return x
}

// union merges two sorted key lists without duplicates.
func union(a, b []int) []int {
	if len(a) == 0 {
		return b
	}
	out := slices.Clone(a)
	for _, k := range b {
		if i, found := slices.BinarySearch(out, k); !found {
			out = slices.Insert(out, i, k)
		}
	}
	return out
}

// gaps collects the absent facts among a comparison's operands: a comparison with
// an absent operand is unknown, naming every absent operand.
type gaps []int

func (g *gaps) need(present bool, key int) {
	if !present {
		*g = append(*g, key)
	}
}

func (g gaps) unknown() tri {
	slices.Sort(g)
	return tri{t: isUnknown, miss: g}
}

// Fact keys. A missing fact is reported by its JSON path(s), and the missing list of
// a result is in key order: the record's facts in the order of the Project type, then
// reviewers' findings in rule order, then each incident's date, kind and major.
const (
	kCategory = iota
	kSubtype
	kStage
	kReportingUnit
	kDivision
	kLegalForm
	kEnterpriseKind
	kSelfAssessment
	kCarrier
	kProvincialCompany
	kQualified
	kTotal
	kBigDataPortion
	kCompleted
	kCompletedVerified
	kBigDataContent
	kPreliminaryPlanning
	kContentDetermined
	kInvestorDetermined
	kProposalCompleted
	kFeasibilityStudy
	kFundingSecured
	kPlannedStart
	kFiveGTechnologies
	kFiveGScenarios
	kIntranetTechnologies
	kNodeKind
	kNodeInJilin
	kPlatformLevel
	kTopCloudPartner
	kWrittenCommitment
	kIncidents
	kConstructionScale
	kProgress
	kResponsiblePerson
	numFactKeys

	kFinding  = 1 << 16 // + the finding criterion's index in rule order
	kIncident = 1 << 20 // + 3n + field (date, kind, major)
)

var factPaths = [numFactKeys][]string{
	kCategory:             {"category"},
	kSubtype:              {"subtype"},
	kStage:                {"stage"},
	kReportingUnit:        {"reportingUnit"},
	kDivision:             {"applicant.registrationDivision", "applicant.creditCode"},
	kLegalForm:            {"applicant.legalForm"},
	kEnterpriseKind:       {"applicant.enterpriseKind"},
	kSelfAssessment:       {"applicant.selfAssessment.completed"},
	kCarrier:              {"applicant.carrier"},
	kProvincialCompany:    {"applicant.provincialCompany"},
	kQualified:            {"applicant.qualified"},
	kTotal:                {"investment.total"},
	kBigDataPortion:       {"investment.bigDataPortion"},
	kCompleted:            {"investment.completed"},
	kCompletedVerified:    {"investment.completedVerified"},
	kBigDataContent:       {"bigDataContent"},
	kPreliminaryPlanning:  {"preparation.preliminaryPlanning"},
	kContentDetermined:    {"preparation.constructionContentDetermined"},
	kInvestorDetermined:   {"preparation.investorDetermined"},
	kProposalCompleted:    {"preparation.proposalCompleted"},
	kFeasibilityStudy:     {"preparation.feasibilityStudyCompleted"},
	kFundingSecured:       {"preparation.fundingSecured"},
	kPlannedStart:         {"preparation.plannedStart"},
	kFiveGTechnologies:    {"fiveG.technologies"},
	kFiveGScenarios:       {"fiveG.scenarios"},
	kIntranetTechnologies: {"intranet.technologies"},
	kNodeKind:             {"identifierNode.kind"},
	kNodeInJilin:          {"identifierNode.inJilin"},
	kPlatformLevel:        {"platform.level"},
	kTopCloudPartner:      {"platform.topCloudPartner"},
	kWrittenCommitment:    {"writtenCommitment"},
	kIncidents:            {"incidents"},
	kConstructionScale:    {"form.constructionScale"},
	kProgress:             {"form.progress"},
	kResponsiblePerson:    {"form.responsiblePerson"},
}

var incidentFields = [3]string{"date", "kind", "major"}

// oracleParams are the default rule set's parameters as Go values.
type oracleParams struct {
	minTotalInvestment          decimal.Decimal
	minBigDataShare             decimal.Decimal
	bigDataContentKinds         []string
	jilinDivisionPrefix         string
	independentLegalForms       []string
	eligibleEnterpriseKinds     []string
	industrialFiveGTechnologies []string
	intranetTechnologies        []string
	identifierNodeKinds         []string
	keyPlatformLevels           []string
	incidentLookbackYears       int
	disqualifyingAccidentKinds  []string
	carriers                    []string
	reportingUnits              []string
}

// oracleRule is one hand-written criterion. A nil applies means always (within its
// category; an empty category means every category).
type oracleRule struct {
	id      string
	cat     category.Category
	finding bool
	// takesFinding: a data criterion that reads its own finding, for an entry of an
	// open (等) list that the data alone cannot decide.
	takesFinding bool
	applies      func(*oracleEval) tri
	require      func(*oracleEval) tri
}

// oracleEval is one evaluation: the record, the date and what validation derived.
type oracleEval struct {
	o        *handWritten
	p        *eligibility.Project
	asOf     eligibility.Date
	division string
}

// handWritten evaluates projects against the default rule set in plain Go.
type handWritten struct {
	name, document string
	params         oracleParams
	used           []eligibility.ParameterValue
	// rules are in rule-set order, with the rule set's texts.
	rules        []compiledOracleRule
	byCategory   map[category.Category][]int
	findingIndex map[string]int
	findingIDs   []string
}

type compiledOracleRule struct {
	oracleRule
	c        criteria.Criterion
	pass, na criteria.Text
}

// newHandWritten pairs the hand-written criteria with the rule set's criteria by ID
// (for the texts and the report order) and reads the parameters. It refuses a rule
// set whose criteria are not exactly the hand-written ones, or whose parameters are
// dated: the oracle implements the default rule set, not rule sets in general.
func newHandWritten(rs *criteria.RuleSet) (*handWritten, error) {
	o := &handWritten{
		name:         rs.Name,
		document:     rs.Document,
		byCategory:   map[category.Category][]int{},
		findingIndex: map[string]int{},
	}
	if err := o.readParams(rs); err != nil {
		return nil, err
	}
	byID := map[string]oracleRule{}
	for _, r := range oracleRules() {
		byID[r.id] = r
	}
	if len(byID) != len(rs.Criteria) {
		return nil, fmt.Errorf("oracle: %d hand-written criteria, rule set has %d", len(byID), len(rs.Criteria))
	}
	for _, c := range rs.Criteria {
		r, ok := byID[c.ID]
		if !ok {
			return nil, fmt.Errorf("oracle: no hand-written criterion %s", c.ID)
		}
		if r.finding || r.takesFinding {
			o.findingIndex[c.ID] = len(o.findingIDs)
			o.findingIDs = append(o.findingIDs, c.ID)
		}
		o.rules = append(o.rules, compiledOracleRule{
			oracleRule: r,
			c:          c,
			pass:       criteria.Text{Zh: "符合：" + c.Summary.Zh, En: "met: " + c.Summary.En},
			na:         criteria.Text{Zh: "不适用：" + c.Summary.Zh, En: "not applicable: " + c.Summary.En},
		})
	}
	for _, cat := range category.Categories() {
		for i, r := range o.rules {
			if r.cat == "" || r.cat == cat {
				o.byCategory[cat] = append(o.byCategory[cat], i)
			}
		}
	}
	return o, nil
}

func (o *handWritten) readParams(rs *criteria.RuleSet) error {
	value := func(name string) (criteria.Value, error) {
		p, ok := rs.Parameter(name)
		if !ok {
			return criteria.Value{}, fmt.Errorf("oracle: rule set has no parameter %s", name)
		}
		if len(p.Values) != 1 || !p.Values[0].From.IsZero() {
			return criteria.Value{}, fmt.Errorf("oracle: parameter %s is dated; the oracle takes one value", name)
		}
		o.used = append(o.used, eligibility.ParameterValue{Name: p.Name, Type: p.Type, Value: p.Values[0].Value})
		return p.Values[0].Value, nil
	}
	var errs []error
	dec := func(name string, dst *decimal.Decimal) {
		v, err := value(name)
		errs = append(errs, err)
		*dst, _ = v.Decimal()
	}
	list := func(name string, dst *[]string) {
		v, err := value(name)
		errs = append(errs, err)
		*dst, _ = v.List()
	}
	p := &o.params
	dec("minTotalInvestment", &p.minTotalInvestment)
	dec("minBigDataShare", &p.minBigDataShare)
	list("bigDataContentKinds", &p.bigDataContentKinds)
	v, err := value("jilinDivisionPrefix")
	errs = append(errs, err)
	p.jilinDivisionPrefix, _ = v.Str()
	list("independentLegalForms", &p.independentLegalForms)
	list("eligibleEnterpriseKinds", &p.eligibleEnterpriseKinds)
	list("industrialFiveGTechnologies", &p.industrialFiveGTechnologies)
	list("intranetTechnologies", &p.intranetTechnologies)
	list("identifierNodeKinds", &p.identifierNodeKinds)
	list("keyPlatformLevels", &p.keyPlatformLevels)
	v, err = value("incidentLookbackYears")
	errs = append(errs, err)
	years, _ := v.Int()
	p.incidentLookbackYears = int(years)
	list("disqualifyingAccidentKinds", &p.disqualifyingAccidentKinds)
	list("carriers", &p.carriers)
	list("reportingUnits", &p.reportingUnits)
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	// The verdict lists parameters in rule-set order.
	slices.SortStableFunc(o.used, func(a, b eligibility.ParameterValue) int {
		return slices.IndexFunc(rs.Parameters, func(p criteria.Parameter) bool { return p.Name == a.Name }) -
			slices.IndexFunc(rs.Parameters, func(p criteria.Parameter) bool { return p.Name == b.Name })
	})
	if len(o.used) != len(rs.Parameters) {
		return fmt.Errorf("oracle: rule set has %d parameters, the oracle reads %d", len(rs.Parameters), len(o.used))
	}
	return nil
}

// Fact readers. An absent fact is unknown, named by its key.

func (e *oracleEval) flag(b *bool, key int) tri {
	if b == nil {
		return unknownOf(key)
	}
	return known(*b)
}

// oneOf is "code in list" for a code whose empty value means not stated.
func oneOf[S ~string](code S, key int, list []string) tri {
	if code == "" {
		return unknownOf(key)
	}
	return known(slices.Contains(list, string(code)))
}

// is is "code == want" for a code whose empty value means not stated.
func is[S ~string](code S, key int, want S) tri {
	if code == "" {
		return unknownOf(key)
	}
	return known(code == want)
}

// anyOf is "the list names at least one of these"; a nil list is not stated, an
// empty one names none.
func anyOf(l []string, key int, of []string) tri {
	if l == nil {
		return unknownOf(key)
	}
	return known(slices.ContainsFunc(l, func(s string) bool { return slices.Contains(of, s) }))
}

// openList is a criterion over a list that ends in 等: a counted code passes; else
// "other" (an item the list does not name) is the reviewer's finding on id; else it
// fails. A nil list is not stated.
func openList[S ~string](e *oracleEval, l []S, key int, counted []string, id string) tri {
	if l == nil {
		return unknownOf(key)
	}
	if slices.ContainsFunc(l, func(s S) bool { return slices.Contains(counted, string(s)) }) {
		return triTrue
	}
	if slices.Contains(l, "other") {
		return e.finding(id)
	}
	return triFalse
}

// filledIn is a 三.2 form field: absent is unknown, present but blank fails (note 7).
func filledIn(s *string, key int) tri {
	if s == nil {
		return unknownOf(key)
	}
	return known(strings.TrimSpace(*s) != "")
}

func (e *oracleEval) finding(id string) tri {
	if f, ok := e.p.Findings[id]; ok && f.Met != nil {
		return known(*f.Met)
	}
	return unknownOf(kFinding + e.o.findingIndex[id])
}

func subtypeIs(s category.Subtype) func(*oracleEval) tri {
	return func(e *oracleEval) tri { return is(e.p.Subtype, kSubtype, s) }
}

// Civil-date arithmetic, independent of time.Time.

func cmpDate(a, b eligibility.Date) int {
	if c := a.Year - b.Year; c != 0 {
		return c
	}
	if c := int(a.Month) - int(b.Month); c != 0 {
		return c
	}
	return a.Day - b.Day
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// yearsBack is the same month and day n years before d; 29 February falls on 1 March
// in a common year (note 4).
func yearsBack(d eligibility.Date, n int) eligibility.Date {
	y := d.Year - n
	if d.Month == time.February && d.Day == 29 && !isLeap(y) {
		return eligibility.Date{Year: y, Month: time.March, Day: 1}
	}
	return eligibility.Date{Year: y, Month: d.Month, Day: d.Day}
}

// barring is whether incident n bars intake under 一(三)11 on the evaluation date: it
// lies in the window [asOf − lookback years, asOf] and is a violation of any degree,
// a major accident of a disqualifying kind, or a major accident of another kind (the
// letter's 等) that the reviewer's finding on II-11 does not accept.
func (e *oracleEval) barring(n int, inc *eligibility.Incident, from eligibility.Date) tri {
	key := kIncident + 3*n
	inWindow := unknownOf(key)
	if !inc.Date.IsZero() {
		inWindow = known(cmpDate(inc.Date, from) >= 0 && cmpDate(inc.Date, e.asOf) <= 0)
	}
	major := unknownOf(key + 2)
	if inc.Major != nil {
		major = known(*inc.Major)
	}
	return all(inWindow, either(
		is(inc.Kind, key+1, category.IncidentKindViolation),
		all(oneOf(inc.Kind, key+1, e.o.params.disqualifyingAccidentKinds), major),
		all(is(inc.Kind, key+1, category.IncidentKindOtherAccident), major, not(e.finding("II-11"))),
	))
}

// oracleRules are the 47 criteria, in the order of the catalogue.
func oracleRules() []oracleRule {
	const (
		bd = category.CategoryBigData
		ai = category.CategoryAI
		ii = category.CategoryIndustrialInternet
		tc = category.CategoryTelecom
	)
	stage := func(s category.Stage) func(*oracleEval) tri {
		return func(e *oracleEval) tri { return is(e.p.Stage, kStage, s) }
	}
	flag := func(get func(*eligibility.Project) *bool, key int) func(*oracleEval) tri {
		return func(e *oracleEval) tri { return e.flag(get(e.p), key) }
	}
	finding := func(id string, cat category.Category, applies func(*oracleEval) tri) oracleRule {
		return oracleRule{id: id, cat: cat, finding: true, applies: applies,
			require: func(e *oracleEval) tri { return e.finding(id) }}
	}
	inJilin := func(e *oracleEval) tri {
		if e.division == "" {
			return unknownOf(kDivision)
		}
		return known(strings.HasPrefix(e.division, e.o.params.jilinDivisionPrefix))
	}
	independent := func(e *oracleEval) tri {
		return oneOf(e.p.Applicant.LegalForm, kLegalForm, e.o.params.independentLegalForms)
	}
	return []oracleRule{
		// 一(一) big data
		{id: "BD-1a", cat: bd, takesFinding: true, applies: subtypeIs(category.SubtypeDatacenter),
			require: func(e *oracleEval) tri {
				return openList(e, e.p.BigDataContent, kBigDataContent, e.o.params.bigDataContentKinds, "BD-1a")
			}},
		{id: "BD-1b", cat: bd, applies: subtypeIs(category.SubtypeDatacenter),
			require: func(e *oracleEval) tri {
				inv := &e.p.Investment
				var g gaps
				g.need(inv.Total != nil, kTotal)
				g.need(inv.BigDataPortion != nil, kBigDataPortion)
				if len(g) > 0 {
					return g.unknown()
				}
				return known(inv.BigDataPortion.Cmp(inv.Total.Mul(e.o.params.minBigDataShare)) >= 0)
			}},
		finding("BD-2", bd, subtypeIs(category.SubtypeGovInfra)),
		finding("BD-3a", bd, nil),
		finding("BD-3b", bd, nil),
		{id: "BD-4", cat: bd, require: func(e *oracleEval) tri {
			if e.p.Investment.Total == nil {
				return unknownOf(kTotal)
			}
			return known(e.p.Investment.Total.Cmp(e.o.params.minTotalInvestment) >= 0)
		}},
		{id: "BD-5a", cat: bd, applies: stage(category.StagePlanning),
			require: flag(func(p *eligibility.Project) *bool { return p.Preparation.PreliminaryPlanning }, kPreliminaryPlanning)},
		{id: "BD-5b", cat: bd, applies: stage(category.StagePlanning),
			require: func(e *oracleEval) tri {
				return all(e.flag(e.p.Preparation.ConstructionContentDetermined, kContentDetermined),
					e.flag(e.p.Preparation.InvestorDetermined, kInvestorDetermined))
			}},
		{id: "BD-5c", cat: bd, applies: stage(category.StagePlanning),
			require: flag(func(p *eligibility.Project) *bool { return p.Preparation.ProposalCompleted }, kProposalCompleted)},
		{id: "BD-6a", cat: bd, applies: stage(category.StageNewStart),
			require: flag(func(p *eligibility.Project) *bool { return p.Preparation.FeasibilityStudyCompleted }, kFeasibilityStudy)},
		{id: "BD-6b", cat: bd, applies: stage(category.StageNewStart),
			require: flag(func(p *eligibility.Project) *bool { return p.Preparation.FundingSecured }, kFundingSecured)},
		{id: "BD-6c", cat: bd, applies: stage(category.StageNewStart),
			require: func(e *oracleEval) tri {
				// 年内: on or before 31 December of the evaluation year (note 3).
				if e.p.Preparation.PlannedStart.IsZero() {
					return unknownOf(kPlannedStart)
				}
				return known(e.p.Preparation.PlannedStart.Year <= e.asOf.Year)
			}},

		// 一(二) AI
		finding("AI-1", ai, subtypeIs(category.SubtypeAIProduct)),
		finding("AI-2", ai, subtypeIs(category.SubtypeAIManufacturing)),
		finding("AI-3", ai, subtypeIs(category.SubtypeAIApplication)),
		finding("AI-4", ai, subtypeIs(category.SubtypeAISupport)),
		{id: "AI-C1a", cat: ai, require: inJilin},
		{id: "AI-C1b", cat: ai, require: independent},
		finding("AI-C1c", ai, nil),
		finding("AI-C1d", ai, nil),
		finding("AI-C2", ai, nil),

		// 一(三) industrial internet
		{id: "II-1a", cat: ii, require: inJilin},
		{id: "II-1b", cat: ii, require: func(e *oracleEval) tri {
			return oneOf(e.p.Applicant.EnterpriseKind, kEnterpriseKind, e.o.params.eligibleEnterpriseKinds)
		}},
		{id: "II-1c", cat: ii, require: independent},
		{id: "II-1d", cat: ii,
			applies: func(e *oracleEval) tri {
				return is(e.p.Applicant.EnterpriseKind, kEnterpriseKind, category.EnterpriseKindManufacturing)
			},
			require: func(e *oracleEval) tri {
				if sa := e.p.Applicant.SelfAssessment; sa != nil {
					return e.flag(sa.Completed, kSelfAssessment)
				}
				return unknownOf(kSelfAssessment)
			}},
		{id: "II-2a", cat: ii, takesFinding: true, applies: subtypeIs(category.Subtype5GInfrastructure),
			require: func(e *oracleEval) tri {
				return openList(e, e.p.FiveG.Technologies, kFiveGTechnologies, e.o.params.industrialFiveGTechnologies, "II-2a")
			}},
		{id: "II-2b", cat: ii, applies: subtypeIs(category.Subtype5GInfrastructure),
			require: func(e *oracleEval) tri {
				if e.p.FiveG.Scenarios == nil {
					return unknownOf(kFiveGScenarios)
				}
				return known(len(e.p.FiveG.Scenarios) > 0)
			}},
		finding("II-2c", ii, subtypeIs(category.Subtype5GInfrastructure)),
		{id: "II-3a", cat: ii, takesFinding: true, applies: subtypeIs(category.SubtypeIntranet),
			require: func(e *oracleEval) tri {
				return openList(e, e.p.Intranet.Technologies, kIntranetTechnologies, e.o.params.intranetTechnologies, "II-3a")
			}},
		finding("II-3b", ii, subtypeIs(category.SubtypeIntranet)),
		{id: "II-4", cat: ii, takesFinding: true, applies: subtypeIs(category.SubtypeIdentifierNode),
			require: func(e *oracleEval) tri {
				kind := oneOf(e.p.IdentifierNode.Kind, kNodeKind, e.o.params.identifierNodeKinds)
				if kind.t == isFalse && e.p.IdentifierNode.Kind == category.NodeSecondary {
					kind = e.finding("II-4") // level not stated: is it the provincial one?
				}
				return all(kind, e.flag(e.p.IdentifierNode.InJilin, kNodeInJilin))
			}},
		{id: "II-5", cat: ii, applies: subtypeIs(category.SubtypePlatform),
			require: func(e *oracleEval) tri {
				pl := &e.p.Platform
				return either(
					all(is(pl.Level, kPlatformLevel, "cross-industry"), e.flag(pl.TopCloudPartner, kTopCloudPartner)),
					oneOf(pl.Level, kPlatformLevel, e.o.params.keyPlatformLevels))
			}},
		finding("II-6", ii, nil),
		finding("II-7", ii, nil),
		finding("II-8", ii, nil),
		finding("II-9", ii, nil),
		finding("II-10a", ii, nil),
		{id: "II-10b", cat: ii, require: flag(func(p *eligibility.Project) *bool { return p.WrittenCommitment }, kWrittenCommitment)},
		{id: "II-11", cat: ii, takesFinding: true, require: func(e *oracleEval) tri {
			if e.p.Incidents == nil {
				return unknownOf(kIncidents)
			}
			// Not one incident bars intake: false if one does, unknown if none does
			// but some might, naming their missing facts.
			from := yearsBack(e.asOf, e.o.params.incidentLookbackYears)
			var miss []int
			for n := range e.p.Incidents {
				switch b := e.barring(n, &e.p.Incidents[n], from); b.t {
				case isTrue:
					return triFalse
				case isUnknown:
					miss = union(miss, b.miss) // incidents may share the finding's key
				}
			}
			if miss != nil {
				return tri{t: isUnknown, miss: miss}
			}
			return triTrue
		}},

		// 二.2 telecom
		{id: "TC-1a", cat: tc, require: func(e *oracleEval) tri {
			return oneOf(e.p.Applicant.Carrier, kCarrier, e.o.params.carriers)
		}},
		{id: "TC-1b", cat: tc, require: flag(func(p *eligibility.Project) *bool { return p.Applicant.Qualified }, kQualified)},
		{id: "TC-2", cat: tc, require: flag(func(p *eligibility.Project) *bool { return p.Applicant.ProvincialCompany }, kProvincialCompany)},

		// 三.2 and 二.1, every category
		{id: "GEN-1", require: func(e *oracleEval) tri { return filledIn(e.p.Form.ConstructionScale, kConstructionScale) }},
		{id: "GEN-2", require: func(e *oracleEval) tri { return filledIn(e.p.Form.Progress, kProgress) }},
		{id: "GEN-3", require: func(e *oracleEval) tri {
			inv := &e.p.Investment
			// A blank form field fails; a blank or absent one states no amount.
			filled, notNegative := unknownOf(kCompleted), unknownOf(kCompleted)
			completed, stated := decimal.Decimal{}, false
			if inv.Completed != nil {
				filled = known(!inv.Completed.IsBlank())
				if completed, stated = inv.Completed.Amount(); stated {
					notNegative = known(!completed.IsNegative())
				}
			}
			var g gaps
			g.need(inv.Total != nil, kTotal)
			g.need(stated, kCompleted)
			var withinTotal tri
			if len(g) > 0 {
				withinTotal = g.unknown()
			} else {
				withinTotal = known(completed.Cmp(*inv.Total) <= 0)
			}
			return all(filled, e.flag(inv.CompletedVerified, kCompletedVerified), notNegative, withinTotal)
		}},
		{id: "GEN-4", require: func(e *oracleEval) tri { return filledIn(e.p.Form.ResponsiblePerson, kResponsiblePerson) }},
		{id: "GEN-5",
			applies: func(e *oracleEval) tri { return known(e.p.Category != category.CategoryTelecom) },
			require: func(e *oracleEval) tri {
				return oneOf(e.p.ReportingUnit, kReportingUnit, e.o.params.reportingUnits)
			}},
	}
}

// validate checks what the README calls bad input and returns the registration
// division: stated, or read from characters 3–8 of a valid credit code.
func (o *handWritten) validate(p *eligibility.Project, problems *criteria.Problems) string {
	switch {
	case p.Category == "":
		problems.Add("category", "required")
	case !p.Category.IsValid():
		problems.Add("category", "unknown code %q", string(p.Category))
	}
	if p.Subtype != "" && (!p.Subtype.IsValid() || p.Category.IsValid() && p.Subtype.Category() != p.Category) {
		problems.Add("subtype", "%q is not a subtype of %s", string(p.Subtype), p.Category)
	}
	codes := []struct {
		path  string
		code  string
		valid bool
	}{
		{"stage", string(p.Stage), p.Stage.IsValid()},
		{"reportingUnit", string(p.ReportingUnit), p.ReportingUnit.IsValid()},
	}
	for _, c := range codes {
		if c.code != "" && !c.valid {
			problems.Add(c.path, "unknown code %q", c.code)
		}
	}
	a := &p.Applicant
	division := ""
	if a.CreditCode != "" {
		if cc, err := creditcode.Parse(a.CreditCode); err != nil {
			problems.AddErr("applicant.creditCode", err)
		} else {
			division = cc.Division()
		}
	}
	if d := a.RegistrationDivision; d != "" {
		if len(d) != 6 || strings.Trim(d, "0123456789") != "" {
			problems.Add("applicant.registrationDivision", "not a six-digit division code")
		}
		division = d
	}
	for _, c := range []struct {
		path  string
		code  string
		valid bool
	}{
		{"applicant.legalForm", string(a.LegalForm), a.LegalForm.IsValid()},
		{"applicant.enterpriseKind", string(a.EnterpriseKind), a.EnterpriseKind.IsValid()},
		{"applicant.carrier", string(a.Carrier), a.Carrier.IsValid()},
	} {
		if c.code != "" && !c.valid {
			problems.Add(c.path, "unknown code %q", c.code)
		}
	}
	// Amounts: not negative, at most 10^18, at most 30 decimal places.
	amountOK := func(d *decimal.Decimal) bool {
		return d == nil || (d.Sign() >= 0 && d.Cmp(decimal.New(1, 18)) <= 0 && d.Round(30).Cmp(*d) == 0)
	}
	if sa := a.SelfAssessment; sa != nil && !amountOK(sa.Score) {
		problems.Add("applicant.selfAssessment.score", "bad amount")
	}
	inv := &p.Investment
	for _, amount := range []struct {
		path string
		d    *decimal.Decimal
	}{{"investment.total", inv.Total}, {"investment.bigDataPortion", inv.BigDataPortion}} {
		if !amountOK(amount.d) {
			problems.Add(amount.path, "bad amount")
		}
	}
	// The completed investment is a form field: negative is GEN-3's to fail.
	if c := inv.Completed; c != nil {
		if d, ok := c.Amount(); ok && !amountOK(new(d.Abs())) {
			problems.Add("investment.completed", "bad amount")
		}
	}
	if inv.Total != nil && inv.BigDataPortion != nil && !inv.Total.IsNegative() && inv.BigDataPortion.Cmp(*inv.Total) > 0 {
		problems.Add("investment.bigDataPortion", "exceeds the total")
	}
	for i, inc := range p.Incidents {
		if inc.Kind != "" && !inc.Kind.IsValid() {
			problems.Add(fmt.Sprintf("incidents[%d].kind", i), "unknown code")
		}
	}
	o.checkLimits(p, problems)
	ids := make([]string, 0, len(p.Findings))
	for id := range p.Findings {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if _, ok := o.findingIndex[id]; !ok {
			problems.Add("findings."+id, "not a finding criterion")
		}
		if p.Findings[id].Met == nil {
			problems.Add("findings."+id+".met", "required")
		}
	}
	return division
}

// codeList checks a list of codes: within the length limit, every entry a code.
func codeList[S interface {
	~string
	IsValid() bool
}](problems *criteria.Problems, path string, l []S) {
	if len(l) > eligibility.MaxListLength {
		problems.Add(path, "too many")
		return
	}
	for i, c := range l {
		if !c.IsValid() {
			problems.Add(path+"["+strconv.Itoa(i)+"]", "unknown code")
		}
	}
}

// checkLimits enforces the input limits (eligibility.MaxListLength items a list,
// eligibility.MaxStringBytes a string) and UTF-8 on the record's free text.
func (o *handWritten) checkLimits(p *eligibility.Project, problems *criteria.Problems) {
	text := func(path, s string) {
		if len(s) > eligibility.MaxStringBytes {
			problems.Add(path, "too long")
		} else if !utf8.ValidString(s) {
			problems.Add(path, "not UTF-8")
		}
	}
	list := func(path string, l []string) {
		if len(l) > eligibility.MaxListLength {
			problems.Add(path, "too many")
			return
		}
		for i, s := range l {
			text(path+"["+strconv.Itoa(i)+"]", s)
		}
	}
	text("id", p.ID)
	text("name", p.Name)
	text("applicant.name", p.Applicant.Name)
	codeList(problems, "bigDataContent", p.BigDataContent)
	codeList(problems, "fiveG.technologies", p.FiveG.Technologies)
	list("fiveG.scenarios", p.FiveG.Scenarios)
	codeList(problems, "intranet.technologies", p.Intranet.Technologies)
	if k := p.IdentifierNode.Kind; k != "" && !k.IsValid() {
		problems.Add("identifierNode.kind", "unknown code")
	}
	text("platform.level", p.Platform.Level)
	for _, f := range [...]struct {
		path string
		s    *string
	}{{"form.constructionScale", p.Form.ConstructionScale}, {"form.progress", p.Form.Progress},
		{"form.responsiblePerson", p.Form.ResponsiblePerson}} {
		if f.s != nil {
			text(f.path, *f.s)
		}
	}
	if len(p.Incidents) > eligibility.MaxListLength {
		problems.Add("incidents", "too many")
	} else {
		for i, inc := range p.Incidents {
			text("incidents["+strconv.Itoa(i)+"].description", inc.Description)
		}
	}
	if len(p.Findings) > eligibility.MaxListLength {
		problems.Add("findings", "too many")
	}
	for id, f := range p.Findings {
		text("findings."+id+".by", f.By)
		text("findings."+id+".note", f.Note)
	}
	// The record's text in all, summed by reflection rather than field by field as
	// the engine does, so that the two cannot miss the same field.
	if n := textBytes(reflect.ValueOf(p).Elem()); n > eligibility.MaxRecordBytes {
		problems.Add("", "record too long")
	}
	date := func(path string, d eligibility.Date) {
		if !realDate(d) {
			problems.Add(path, "not a date")
		}
	}
	date("preparation.plannedStart", p.Preparation.PlannedStart)
	for i, inc := range p.Incidents {
		date("incidents["+strconv.Itoa(i)+"].date", inc.Date)
	}
	for id, f := range p.Findings {
		date("findings."+id+".on", f.On)
	}
}

// textBytes adds up the bytes of every string reachable from v.
func textBytes(v reflect.Value) int {
	switch v.Kind() {
	case reflect.String:
		return v.Len()
	case reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		return textBytes(v.Elem())
	case reflect.Struct:
		n := 0
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				n += textBytes(v.Field(i))
			}
		}
		return n
	case reflect.Slice:
		n := 0
		for i := range v.Len() {
			n += textBytes(v.Index(i))
		}
		return n
	case reflect.Map:
		n := 0
		for it := v.MapRange(); it.Next(); {
			n += textBytes(it.Key()) + textBytes(it.Value())
		}
		return n
	}
	return 0
}

// realDate reports whether d is not stated, or a day of the years 1 to 9999 that
// time.Date gives back unchanged.
func realDate(d eligibility.Date) bool {
	if d.IsZero() {
		return true
	}
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	return d.Year >= 1 && d.Year <= 9999 && t.Year() == d.Year && t.Month() == d.Month && t.Day() == d.Day
}

// Evaluate builds the verdict the engine builds, with the engine's return contract
// for valid input and for bad input (a *ValidationError naming the same fields).
func (o *handWritten) Evaluate(p *eligibility.Project, asOf eligibility.Date) (*eligibility.Verdict, error) {
	var problems criteria.Problems
	division := o.validate(p, &problems)
	if asOf.IsZero() || !realDate(asOf) {
		problems.Add("asOf", "required")
	}
	if err := problems.Err("oracle: invalid project", eligibility.ErrInvalidProject); err != nil {
		return nil, err
	}
	e := &oracleEval{o: o, p: p, asOf: asOf, division: division}
	v := &eligibility.Verdict{
		ProjectID:           p.ID,
		ProjectName:         p.Name,
		Category:            p.Category,
		Subtype:             p.Subtype,
		ConfirmingAuthority: p.Category.ConfirmingAuthority(),
		Channel:             p.Category.Channel(),
		RuleSet:             o.name,
		Document:            o.document,
		AsOf:                asOf,
		Parameters:          slices.Clone(o.used),
		Results:             make([]eligibility.Result, len(o.rules)),
	}
	for i := range o.rules {
		r := &o.rules[i]
		v.Results[i] = eligibility.Result{ID: r.c.ID, Ref: r.c.Ref, Strength: r.c.Strength, Basis: r.c.Basis, Requirement: r.c.Summary,
			Outcome: eligibility.NotApplicable, Message: r.na}
	}
	for _, i := range o.byCategory[p.Category] {
		r := &o.rules[i]
		res := &v.Results[i]
		outcome, miss := e.decide(r)
		res.Outcome = outcome
		mandatory := r.c.Strength == criteria.Mandatory
		switch outcome {
		case eligibility.Pass:
			res.Message = r.pass
		case eligibility.Fail:
			res.Message = r.c.Message
			if mandatory {
				v.Failing = append(v.Failing, r.c.ID)
			} else {
				v.Advisories = append(v.Advisories, r.c.ID)
			}
		case eligibility.OutcomeUndetermined:
			res.Missing = o.paths(p, miss)
			res.Message = criteria.Text{
				Zh: "无法判定（缺少：" + strings.Join(res.Missing, "、") + "）：" + r.c.Summary.Zh,
				En: "undetermined (missing " + strings.Join(res.Missing, ", ") + "): " + r.c.Summary.En,
			}
			if mandatory {
				v.Undetermined = append(v.Undetermined, r.c.ID)
			}
		}
	}
	switch {
	case len(v.Failing) > 0:
		v.Decision = eligibility.Ineligible
	case len(v.Undetermined) > 0:
		v.Decision = eligibility.Undetermined
	default:
		v.Decision = eligibility.Eligible
	}
	return v, nil
}

// decide is note 8: a criterion whose applicability is unknown passes if its
// requirement holds anyway and is undetermined otherwise, naming what is missing.
func (e *oracleEval) decide(r *compiledOracleRule) (eligibility.Outcome, []int) {
	applies := triTrue
	if r.applies != nil {
		applies = r.applies(e)
	}
	if applies.t == isFalse {
		return eligibility.NotApplicable, nil
	}
	req := r.require(e)
	switch {
	case req.t == isTrue:
		return eligibility.Pass, nil
	case req.t == isFalse && applies.t == isTrue:
		return eligibility.Fail, nil
	case req.t == isFalse:
		return eligibility.OutcomeUndetermined, applies.miss
	}
	return eligibility.OutcomeUndetermined, union(applies.miss, req.miss)
}

// paths turns fact keys into the record's JSON paths.
func (o *handWritten) paths(p *eligibility.Project, keys []int) []string {
	var out []string
	// The engine names the first 16 incidents' missing fields one by one and those of
	// later incidents together, as incidents[*].<field>, after them, in field order.
	var later [3]bool
	for _, k := range keys {
		switch {
		case k >= kIncident:
			n, f := (k-kIncident)/3, (k-kIncident)%3
			if n >= 16 {
				later[f] = true
				continue
			}
			out = append(out, "incidents["+strconv.Itoa(n)+"]."+incidentFields[f])
		case k >= kFinding:
			out = append(out, "findings."+o.findingIDs[k-kFinding])
		default:
			out = append(out, factPaths[k]...)
		}
	}
	for f, missing := range later {
		if missing {
			out = append(out, "incidents[*]."+incidentFields[f])
		}
	}
	return out
}

// oracle is the hand-written evaluator of the default rule set, built once.
var oracle = func() *handWritten {
	o, err := newHandWritten(criteria.Default())
	if err != nil {
		panic(err)
	}
	return o
}()

// The oracle implements exactly the default rule set's criteria, with the rule set's
// categories.
func TestHandWrittenCoversTheDefaultRuleSet(t *testing.T) {
	rs := criteria.Default()
	require.Len(t, oracle.rules, len(rs.Criteria))
	for i, c := range rs.Criteria {
		r := oracle.rules[i]
		assert.Equal(t, c.ID, r.id)
		assert.Equal(t, c.Category, r.cat, "%s: hand-written category", c.ID)
		assert.Equal(t, c.Basis == criteria.Finding, r.finding, "%s: hand-written basis", c.ID)
		assert.Equal(t, strings.Contains(c.Require, "findings['"+c.ID+"']") && c.Basis == criteria.Data, r.takesFinding,
			"%s: a data criterion reading its own finding in both or neither", c.ID)
		assert.Equal(t, c.AppliesWhen == "", r.applies == nil, "%s: an applies-when condition in both or neither", c.ID)
	}
}

// The oracle on its own agrees with the per-criterion table: it is checked against
// the expected outcomes, not only against the engine.
func TestHandWrittenCriterionCases(t *testing.T) {
	for _, tc := range criterionCases {
		t.Run(tc.id+"/"+tc.reason, func(t *testing.T) {
			p := base(t, tc.base)
			if tc.edit != nil {
				tc.edit(p)
			}
			asOf := submissionDate
			if tc.asOf != "" {
				asOf = date(tc.asOf)
			}
			v, err := oracle.Evaluate(p, asOf)
			require.NoError(t, err)
			r := result(t, v, tc.id)
			assert.Equal(t, tc.want, r.Outcome)
			if tc.want == OutcomeUndetermined {
				assert.Equal(t, tc.missing, r.Missing)
			}
		})
	}
}

// The oracle follows the rule set's parameters rather than literals.
func TestHandWrittenFollowsParameters(t *testing.T) {
	rs := criteria.Default()
	require.NoError(t, rs.SetParameter("minTotalInvestment", criteria.DecimalValue(decimal.NewFromInt(40_000_000))))
	require.NoError(t, rs.SetParameter("incidentLookbackYears", criteria.IntValue(5)))
	o, err := newHandWritten(rs)
	require.NoError(t, err)

	p := base(t, "bigdata")
	v, err := o.Evaluate(p, submissionDate)
	require.NoError(t, err)
	assert.Equal(t, []string{"BD-4"}, v.Failing, "30M is under a 40M floor")

	p = base(t, "industrial-internet")
	incident("2016-01-01", category.IncidentKindViolation, nil)(p)
	v, err = o.Evaluate(p, submissionDate)
	require.NoError(t, err)
	assert.Equal(t, []string{"II-11"}, v.Failing, "a 2016 violation is within five years")

	dated := criteria.Default()
	require.NoError(t, dated.SetParameterFrom("minTotalInvestment", date("2022-01-01"), criteria.DecimalValue(decimal.NewFromInt(1))))
	_, err = newHandWritten(dated)
	assert.ErrorContains(t, err, "dated", "the oracle implements one value per parameter and says so")
}

func TestHandWrittenThreeValuedLogic(t *testing.T) {
	u := func(keys ...int) tri { return tri{t: isUnknown, miss: keys} }
	tests := []struct {
		reason string
		got    tri
		want   tri
	}{
		{"false and unknown is false", all(u(1), triFalse), triFalse},
		{"true and unknown is unknown", all(triTrue, u(1)), u(1)},
		{"unknowns merge, sorted, once each", all(u(3), u(1), u(2, 3)), u(1, 2, 3)},
		{"true or unknown is true", either(u(1), triTrue), triTrue},
		{"false or unknown is unknown", either(triFalse, u(2)), u(2)},
		{"not unknown is unknown", not(u(4)), u(4)},
		{"and of nothing is true", all(), triTrue},
		{"or of nothing is false", either(), triFalse},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			assert.Equal(t, tt.want.t, tt.got.t)
			assert.Equal(t, tt.want.miss, tt.got.miss)
		})
	}
}

func TestYearsBack(t *testing.T) {
	tests := []struct{ reason, from, want string }{
		{"same month and day", "2020-07-20", "2017-07-20"},
		{"29 February to 1 March in a common year", "2024-02-29", "2021-03-01"},
		{"28 February stays", "2021-02-28", "2018-02-28"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			assert.Equal(t, date(tt.want), yearsBack(date(tt.from), 3))
		})
	}
	assert.Equal(t, date("2016-02-29"), yearsBack(date("2020-02-29"), 4), "four years back from a leap day is a leap day")
}
