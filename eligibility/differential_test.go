package eligibility_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/policytest"
	"github.com/jilin761/intake/examples/corpus"
)

// The differential tests run the engine and the hand-written oracle
// (handwritten_test.go) over the same records and require the same answer: the same
// outcome and the same missing facts for every criterion, the same decision and ID
// lists, and, for bad input, an error from both naming the same fields.
//
// Messages are not compared: their wording is not part of the contract (README,
// Guarantees), and the oracle names missing facts by path where the engine uses words.
// Everything else a verdict says about a criterion is compared, missing lists
// included, for every criterion: the oracle names every missing fact itself.

// differentialDates are evaluation dates with something to say: the submission date,
// a 31 December (年内 ends that day), and a 29 February (近三年 starts on 1 March).
var differentialDates = []eligibility.Date{date("2020-07-20"), date("2021-12-31"), date("2024-02-29")}

// verdictLines is everything the differential tests compare, one line per item, so a
// disagreement shows as a readable diff.
func verdictLines(v *eligibility.Verdict, err error) []string {
	if err != nil {
		var ve *eligibility.ValidationError
		if !errors.As(err, &ve) {
			return []string{"error: " + err.Error()}
		}
		paths := ve.Paths()
		slices.Sort(paths)
		return []string{"invalid: " + strings.Join(paths, " ")}
	}
	lines := []string{
		fmt.Sprintf("verdict: %s %s/%s %s via %s, %s (%s) on %s, %d parameters",
			v.Decision, v.Category, v.Subtype, v.ConfirmingAuthority, v.Channel, v.RuleSet, v.Document, v.AsOf, len(v.Parameters)),
		fmt.Sprintf("failing %v undetermined %v advisories %v", v.Failing, v.Undetermined, v.Advisories),
	}
	for _, r := range v.Results {
		lines = append(lines, fmt.Sprintf("%s %s %s/%s: %s %v", r.ID, r.Ref, r.Strength, r.Basis, r.Outcome, r.Missing))
	}
	return lines
}

// differ evaluates p on asOf with the default engine and the oracle and returns the
// two answers if they differ.
func differ(p *eligibility.Project, asOf eligibility.Date) (engine, hand []string, differs bool) {
	return differWith(eligibility.Default(), p, asOf)
}

func differWith(e *eligibility.Engine, p *eligibility.Project, asOf eligibility.Date) (engine, hand []string, differs bool) {
	ev, eerr := e.Evaluate(p, asOf)
	ov, oerr := oracle.Evaluate(p, asOf)
	if eerr == nil && oerr == nil && sameVerdict(ev, ov) {
		return nil, nil, false // the fast path; verdictLines says the same, slowly
	}
	engine, hand = verdictLines(ev, eerr), verdictLines(ov, oerr)
	return engine, hand, !slices.Equal(engine, hand)
}

// sameVerdict compares what verdictLines shows, without formatting it.
func sameVerdict(a, b *eligibility.Verdict) bool {
	if a.Decision != b.Decision || a.Category != b.Category || a.Subtype != b.Subtype ||
		a.ConfirmingAuthority != b.ConfirmingAuthority || a.Channel != b.Channel ||
		a.RuleSet != b.RuleSet || a.Document != b.Document || a.AsOf != b.AsOf ||
		len(a.Parameters) != len(b.Parameters) || len(a.Results) != len(b.Results) ||
		!slices.Equal(a.Failing, b.Failing) || !slices.Equal(a.Undetermined, b.Undetermined) ||
		!slices.Equal(a.Advisories, b.Advisories) {
		return false
	}
	for i := range a.Results {
		ra, rb := &a.Results[i], &b.Results[i]
		if ra.ID != rb.ID || ra.Ref != rb.Ref || ra.Strength != rb.Strength || ra.Basis != rb.Basis ||
			ra.Outcome != rb.Outcome || !slices.Equal(ra.Missing, rb.Missing) {
			return false
		}
	}
	return true
}

// checkAgreement compares engine and oracle on every record and date, and reports the
// first few disagreements in full.
func checkAgreement(t *testing.T, label func(i int) string, projects []*eligibility.Project, dates []eligibility.Date) {
	t.Helper()
	const shown = 5
	failures := 0
	for i, p := range projects {
		for _, asOf := range dates {
			engine, hand, differs := differ(p, asOf)
			if !differs {
				continue
			}
			failures++
			if failures <= shown {
				assert.Equal(t, hand, engine, "%s on %s: engine (actual) disagrees with the hand-written oracle (expected)\nrecord: %s",
					label(i), asOf, mustJSON(t, p))
			}
		}
	}
	assert.Zero(t, failures, "records on which engine and oracle disagree (first %d shown)", shown)
}

func TestDifferentialSampleProjects(t *testing.T) {
	names, projects := sampleFiles(t)
	checkAgreement(t, func(i int) string { return names[i] }, projects, differentialDates)
}

func TestDifferentialBaseFixtures(t *testing.T) {
	var projects []*eligibility.Project
	for _, name := range categories {
		projects = append(projects, base(t, name))
	}
	checkAgreement(t, func(i int) string { return "base " + categories[i] }, projects, differentialDates)
}

// The analysts' fixture suite of the default rule set (eligibility/policytest), each
// fixture on its own date and on the differential dates. Fixtures that override a
// parameter are left out: the oracle follows the default values.
func TestDifferentialPolicyFixtures(t *testing.T) {
	suite, err := policytest.LoadSuite(os.DirFS(filepath.Join("policytest", "testdata")), "default.yaml")
	require.NoError(t, err)
	var projects []*eligibility.Project
	var names []string
	for _, fx := range suite.Fixtures {
		if len(fx.Parameters) > 0 {
			continue
		}
		engine, hand, differs := differ(fx.Project, fx.AsOf)
		assert.False(t, differs, "%s: engine %v, oracle %v", fx.Name, engine, hand)
		projects = append(projects, fx.Project)
		names = append(names, fx.Name)
	}
	require.Greater(t, len(projects), 100, "the suite has over a hundred fixtures")
	checkAgreement(t, func(i int) string { return "fixture " + names[i] }, projects, differentialDates)
}

// Every per-criterion case, on its own date and on the differential dates.
func TestDifferentialCriterionCases(t *testing.T) {
	var projects []*eligibility.Project
	for _, tc := range criterionCases {
		p := base(t, tc.base)
		if tc.edit != nil {
			tc.edit(p)
		}
		projects = append(projects, p)
	}
	label := func(i int) string { return criterionCases[i].id + "/" + criterionCases[i].reason }
	checkAgreement(t, label, projects, differentialDates)
	for i, tc := range criterionCases {
		if tc.asOf != "" {
			checkAgreement(t, func(int) string { return label(i) }, projects[i:i+1], []eligibility.Date{date(tc.asOf)})
		}
	}
}

// corpusSize is the size of the generated corpus the differential test runs over on
// each of the three dates.
const corpusSize = 10_000

// The shared corpus of examples/corpus: realistic records, half of them complete,
// the rest with one to three defects, amounts around the thresholds.
func TestDifferentialCorpus(t *testing.T) {
	projects := corpus.Generate(1, corpusSize)
	dates := append([]eligibility.Date{corpus.AsOf()}, differentialDates...)
	checkAgreement(t, func(i int) string { return projects[i].ID }, projects, dates)
}

// The comparison is not vacuous: an engine whose rules differ from the oracle's in a
// single boundary (以上 read as "more than" in BD-1b, and the look-back of II-11 two
// years instead of three) disagrees with it on part of the corpus, and only on the
// criteria changed.
func TestDifferentialDetectsARuleChange(t *testing.T) {
	rs := criteria.Default()
	for i := range rs.Criteria {
		if c := &rs.Criteria[i]; c.ID == "BD-1b" {
			c.Require = strings.Replace(c.Require, ">=", ">", 1)
		}
	}
	require.NoError(t, rs.SetParameter("incidentLookbackYears", criteria.IntValue(2)))
	changed, err := eligibility.New(rs)
	require.NoError(t, err)
	differs := map[string]int{}
	for _, p := range corpus.Generate(1, 2000) {
		engine, hand, d := differWith(changed, p, corpus.AsOf())
		if !d {
			continue
		}
		const results = 2 // verdictLines: the verdict, the ID lists, then one line per result
		for i := results; i < len(engine) && i < len(hand); i++ {
			if engine[i] != hand[i] {
				differs[strings.Fields(engine[i])[0]]++
			}
		}
	}
	t.Logf("criteria whose outcome differs, by count of projects: %v", differs)
	assert.Positive(t, differs["BD-1b"], "the corpus has big-data shares of exactly 50%%")
	assert.Positive(t, differs["II-11"], "the corpus has incidents two to three years back")
	for id := range differs {
		assert.Contains(t, []string{"BD-1b", "II-11"}, id)
	}
}

// variedProjects (below) is this file's own generator: harsher than the shared
// corpus, it edits the base fixtures at random, with bad input among the records.
func TestDifferentialGeneratedCorpus(t *testing.T) {
	projects := variedProjects(1, corpusSize)
	checkAgreement(t, func(i int) string { return fmt.Sprintf("generated project %d", i) }, projects, differentialDates)

	// The corpus is varied: every decision, every outcome of every criterion that can
	// have it, and some bad input.
	decisions := map[string]int{}
	outcomes := map[string]map[eligibility.Outcome]int{}
	for _, p := range projects {
		v, err := oracle.Evaluate(p, differentialDates[0])
		if err != nil {
			decisions["invalid"]++
			continue
		}
		decisions[string(v.Decision)]++
		for _, r := range v.Results {
			if outcomes[r.ID] == nil {
				outcomes[r.ID] = map[eligibility.Outcome]int{}
			}
			outcomes[r.ID][r.Outcome]++
		}
	}
	t.Logf("decisions over %d generated projects: %v", len(projects), decisions)
	for _, d := range []string{"eligible", "ineligible", "undetermined", "invalid"} {
		assert.Greater(t, decisions[d], len(projects)/100, "at least 1%% %s", d)
	}
	for _, c := range criteria.Default().Criteria {
		for _, o := range []eligibility.Outcome{Pass, Fail, OutcomeUndetermined, NotApplicable} {
			if o == NotApplicable && c.Category == "" && c.AppliesWhen == "" {
				continue
			}
			assert.Positive(t, outcomes[c.ID][o], "%s has no %s in the generated corpus", c.ID, o)
		}
	}
}

// The generated corpus evaluated from many goroutines at once gives, byte for byte,
// the verdicts of a serial run. Run it with -race.
func TestConcurrentCorpusMatchesSerial(t *testing.T) {
	// 300 records × 6 goroutines keeps this to a few seconds under -race, where
	// each evaluation and its JSON cost about 2 ms.
	projects := append(corpus.Generate(7, 150), variedProjects(7, 150)...)
	engine := eligibility.Default()
	type answer struct {
		verdict []byte
		err     string
	}
	answerOf := func(p *eligibility.Project, asOf eligibility.Date) answer {
		v, err := engine.Evaluate(p, asOf)
		if err != nil {
			return answer{err: err.Error()}
		}
		b, err := json.Marshal(v)
		if err != nil {
			return answer{err: "marshal: " + err.Error()}
		}
		return answer{verdict: b}
	}
	asOf := func(i int) eligibility.Date { return differentialDates[i%len(differentialDates)] }
	want := make([]answer, len(projects))
	for i, p := range projects {
		want[i] = answerOf(p, asOf(i))
	}
	const goroutines = 6
	var wg sync.WaitGroup
	mismatches := make([]int, goroutines)
	for g := range goroutines {
		wg.Go(func() {
			// Each goroutine walks the corpus from its own starting point, so the
			// same record is evaluated by several goroutines at the same time.
			for k := range projects {
				i := (k + g*len(projects)/goroutines) % len(projects)
				got := answerOf(projects[i], asOf(i))
				if got.err != want[i].err || string(got.verdict) != string(want[i].verdict) {
					mismatches[g]++
				}
			}
		})
	}
	wg.Wait()
	for g, m := range mismatches {
		assert.Zero(t, m, "goroutine %d: verdicts that differ from the serial run", g)
	}
}

// variedProjects generates n valid-looking records from the base fixtures with a
// fixed seed: facts missing, amounts on and around their thresholds, dates around
// 年内 and 近三年 for each differential date, incidents of every kind, blank form
// fields, findings met, not met and missing, and a few per cent of bad input (an
// unknown code, a bad credit code, a finding without its value) so that both answers
// to bad input are compared too.
func variedProjects(seed uint64, n int) []*eligibility.Project {
	r := rand.New(rand.NewPCG(seed, 0x761))
	bases := make([][]byte, len(categories))
	for i, name := range categories {
		b, err := os.ReadFile(filepath.Join("testdata", "base", name+".json"))
		if err != nil {
			panic(err)
		}
		bases[i] = b
	}
	g := generator{r: r}
	out := make([]*eligibility.Project, n)
	for i := range out {
		var p eligibility.Project
		if err := json.Unmarshal(bases[r.IntN(len(bases))], &p); err != nil {
			panic(err)
		}
		p.ID = fmt.Sprintf("GEN-%05d", i)
		g.vary(&p)
		out[i] = &p
	}
	return out
}

type generator struct{ r *rand.Rand }

// chance reports true with probability 1/n.
func (g generator) chance(n int) bool { return g.r.IntN(n) == 0 }

func pick[T any](g generator, from ...T) T { return from[g.r.IntN(len(from))] }

// flag is a stated true, a stated false or not stated.
func (g generator) flag(p **bool) {
	switch g.r.IntN(6) {
	case 0:
		*p = nil
	case 1:
		*p = new(false)
	case 2, 3, 4, 5:
		*p = new(true)
	}
}

func (g generator) maybe(p **bool) {
	if g.chance(3) {
		g.flag(p)
	}
}

func (g generator) amount(around string, deltas ...string) *decimal.Decimal {
	d := decimal.RequireFromString(around)
	return new(d.Add(decimal.RequireFromString(pick(g, deltas...))))
}

func codes[T ~string](g generator, known []T, extra ...T) []T {
	switch g.r.IntN(5) {
	case 0:
		return nil
	case 1:
		return []T{}
	}
	var out []T
	for _, c := range append(slices.Clone(known), extra...) {
		if g.chance(2) {
			out = append(out, c)
		}
	}
	if out == nil {
		out = []T{pick(g, extra...)}
	}
	return out
}

// dateNear returns a date around the thresholds of one of the differential dates.
func (g generator) dateNear() eligibility.Date {
	asOf := pick(g, differentialDates...)
	switch g.r.IntN(8) {
	case 0:
		return eligibility.Date{}
	case 1: // first day of 近三年 (note 4)
		return yearsBack(asOf, 3)
	case 2: // the day before it
		return criteria.DateOf(yearsBack(asOf, 3).Time().AddDate(0, 0, -1))
	case 3:
		return asOf
	case 4:
		return criteria.DateOf(asOf.Time().AddDate(0, 0, 1))
	case 5: // last day of 年内
		return eligibility.Date{Year: asOf.Year, Month: 12, Day: 31}
	case 6:
		return eligibility.Date{Year: asOf.Year + 1, Month: 1, Day: 1}
	}
	return criteria.DateOf(asOf.Time().AddDate(0, 0, -g.r.IntN(2000)))
}

var (
	jilinCodes = []string{"91220101MA14XJ7T68", "91220200MA0QK3R853", "91220000MA0Y8C5U1R", "12220500MB1A0W6T41", "11222400MB1795PW2U"}
	otherCodes = []string{"91210100MA0UL2K79B", "91350100M000100Y43", "91110000600037341L"}
	badCodes   = []string{"91220101MA14XJ7T60", "9122010", "91220101MA14XJ7T6I"}
)

func (g generator) vary(p *eligibility.Project) {
	cat := p.Category
	// Subtype and stage decide applicability; unknown ones exercise note 8.
	if g.chance(2) {
		subs := append(cat.Subtypes(), "")
		p.Subtype = pick(g, subs...)
	}
	if g.chance(2) {
		p.Stage = pick(g, category.StagePlanning, category.StageNewStart, category.StageContinuing, "")
	}
	if g.chance(4) {
		p.ReportingUnit = pick(g, category.ReportingUnitSiping, category.ReportingUnitMeihekou, category.ReportingUnitOther, "")
	}

	a := &p.Applicant
	if g.chance(3) {
		a.CreditCode = pick(g, append(append(slices.Clone(jilinCodes), otherCodes...), "")...)
	}
	if g.chance(5) {
		a.RegistrationDivision = pick(g, "220101", "210100", "220581", "")
	}
	if g.chance(4) {
		a.LegalForm = pick(g, append(category.LegalForms(), "")...)
	}
	if g.chance(4) {
		a.EnterpriseKind = pick(g, append(category.EnterpriseKinds(), "")...)
	}
	if g.chance(4) {
		if g.chance(4) {
			a.SelfAssessment = nil
		} else {
			a.SelfAssessment = &eligibility.SelfAssessment{}
			g.flag(&a.SelfAssessment.Completed)
		}
	}
	if g.chance(4) {
		a.Carrier = pick(g, append(category.Carriers(), category.CarrierNone, "")...)
	}
	g.maybe(&a.ProvincialCompany)
	g.maybe(&a.Qualified)

	inv := &p.Investment
	if g.chance(2) {
		switch g.r.IntN(6) {
		case 0:
			inv.Total = nil
		case 1:
			inv.Total = g.amount("5000000", "0", "-0.01", "0.01", "0.000", "0.0000000001")
		case 2:
			inv.Total = g.amount("0", "0", "1", "999999999999999999.99")
		default:
			inv.Total = g.amount("30000000", "0", "123.45", "-25000000.01")
		}
	}
	if g.chance(2) {
		if inv.Total == nil || g.chance(6) {
			inv.BigDataPortion = pick(g, nil, yuan("2500000"), yuan("18000000"))
		} else {
			half := inv.Total.Mul(decimal.RequireFromString("0.5"))
			inv.BigDataPortion = g.amount(half.String(), "0", "-0.01", "0.01", "-0.001")
			if inv.BigDataPortion.IsNegative() {
				inv.BigDataPortion = yuan("0")
			}
		}
	}
	if g.chance(2) {
		switch {
		case g.chance(4):
			inv.Completed = nil
		case inv.Total != nil && g.chance(2):
			inv.Completed = eligibility.NewFormAmount(*g.amount(inv.Total.String(), "0", "0.01", "-0.01"))
		default: // a defective form: blank, or negative
			inv.Completed = pick(g, formYuan("0"), formYuan("1000000"), eligibility.BlankFormAmount(), formYuan("-0.01"))
		}
	}
	g.maybe(&inv.CompletedVerified)

	if g.chance(3) {
		p.BigDataContent = codes(g, []category.BigDataContent{"storage", "analysis", "application", "governance", "computing"}, "facilities", "other")
	}
	prep := &p.Preparation
	for _, f := range []**bool{&prep.PreliminaryPlanning, &prep.ConstructionContentDetermined, &prep.InvestorDetermined,
		&prep.ProposalCompleted, &prep.FeasibilityStudyCompleted, &prep.FundingSecured} {
		g.maybe(f)
	}
	if g.chance(2) {
		prep.PlannedStart = g.dateNear()
	}
	if g.chance(3) {
		p.FiveG.Technologies = codes(g, []category.FiveGTechnology{"network-slicing", "edge-computing", "urllc", "5g-lan", "tsn", "redcap"},
			"public-macro-coverage", "other")
	}
	if g.chance(4) {
		p.FiveG.Scenarios = codes(g, nil, "机器视觉质检")
	}
	if g.chance(3) {
		p.Intranet.Technologies = codes(g, []category.IntranetTechnology{"5g", "ipv6", "industrial-pon", "tsn"}, "fieldbus", "other")
	}
	if g.chance(3) {
		p.IdentifierNode.Kind = pick[category.IdentifierNodeKind](g, "provincial-secondary-node", "industry-secondary-node",
			"secondary-node", "recursive-node", "enterprise-node", "other", "")
	}
	g.maybe(&p.IdentifierNode.InJilin)
	if g.chance(3) {
		p.Platform.Level = pick(g, "cross-industry", "industry", "enterprise", "other", "")
	}
	g.maybe(&p.Platform.TopCloudPartner)
	g.maybe(&p.WrittenCommitment)

	if g.chance(2) {
		switch g.r.IntN(4) {
		case 0:
			p.Incidents = nil
		case 1:
			p.Incidents = []eligibility.Incident{}
		default:
			p.Incidents = make([]eligibility.Incident, 1+g.r.IntN(4))
			for i := range p.Incidents {
				inc := &p.Incidents[i]
				inc.Date = g.dateNear()
				inc.Kind = pick(g, append(category.IncidentKinds(), "")...)
				g.flag(&inc.Major)
			}
		}
	}

	for _, f := range []**string{&p.Form.ConstructionScale, &p.Form.Progress, &p.Form.ResponsiblePerson} {
		if g.chance(4) {
			*f = pick(g, nil, new(""), new(" \t"), new("\u3000"), new("填写完整"))
		}
	}

	// Findings on the category's finding criteria: met, not met or missing.
	for _, c := range criteria.Default().Criteria {
		// A data criterion over an open (等) list takes a finding too, on its own ID.
		takes := c.Basis == criteria.Finding || strings.Contains(c.Require, "findings['"+c.ID+"']")
		if !takes || c.Category != cat {
			continue
		}
		if g.chance(3) {
			if p.Findings == nil {
				p.Findings = map[string]eligibility.Finding{}
			}
			switch g.r.IntN(5) {
			case 0:
				delete(p.Findings, c.ID)
			case 1:
				p.Findings[c.ID] = eligibility.Finding{Met: new(false), By: "评审组"}
			default:
				p.Findings[c.ID] = eligibility.Finding{Met: new(true), By: "评审组"}
			}
		}
	}

	// A few per cent of bad input.
	if g.chance(30) {
		switch g.r.IntN(6) {
		case 0:
			a.CreditCode = pick(g, badCodes...)
		case 1:
			p.Stage = "dreaming"
		case 2:
			if p.Findings == nil {
				p.Findings = map[string]eligibility.Finding{}
			}
			p.Findings["GEN-1"] = eligibility.Finding{Met: new(true)}
		case 3:
			if p.Findings == nil {
				p.Findings = map[string]eligibility.Finding{}
			}
			p.Findings["BD-3a"] = eligibility.Finding{By: "no value"}
		case 4: // a typo in an open list
			p.BigDataContent = []category.BigDataContent{"storge"}
		case 5:
			p.Subtype = pick(g, category.SubtypeDatacenter, category.SubtypePlatform, category.Subtype5G)
			p.Applicant.RegistrationDivision = "22010X"
		}
	}
}
