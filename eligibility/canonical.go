package eligibility

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"

	"github.com/shopspring/decimal"
)

// The canonical project encoding behind Provenance.ProjectHash.
//
// It is a tagged binary encoding of every field of Project in declaration order:
// each field is written as its JSON name, then a type byte and the value, with
// strings length-prefixed, so no two different records share an encoding. Absent
// and present-but-zero values encode differently (absent is not false). Amounts
// are written in decimal's normal form (5000000.00 and 5000000 are one amount);
// findings are written in key order. The encoding is versioned by canonicalVersion:
// a change of layout is a new version, and the library version in the provenance
// says which applied.
//
// It is written by hand rather than taken from encoding/json because hashing is on
// every evaluation's path and reflection-based JSON encoding cost more than the
// evaluation itself. A test checks that every field of Project reaches the encoding.
const canonicalVersion = 1

type canonical struct{ b []byte }

const (
	tagAbsent byte = iota
	tagFalse
	tagTrue
	tagString
	tagDecimal
	tagDate
	tagInt
	tagList
	tagObject
)

func (c *canonical) name(n string)    { c.str(n) }
func (c *canonical) absent()          { c.b = append(c.b, tagAbsent) }
func (c *canonical) tag(t byte)       { c.b = append(c.b, t) }
func (c *canonical) uvarint(n uint64) { c.b = binary.AppendUvarint(c.b, n) }

func (c *canonical) str(s string) {
	c.uvarint(uint64(len(s)))
	c.b = append(c.b, s...)
}

func (c *canonical) field(name string, s string) {
	c.name(name)
	c.tag(tagString)
	c.str(s)
}

func (c *canonical) boolPtr(name string, b *bool) {
	c.name(name)
	switch {
	case b == nil:
		c.absent()
	case *b:
		c.tag(tagTrue)
	default:
		c.tag(tagFalse)
	}
}

func (c *canonical) strPtr(name string, s *string) {
	if s == nil {
		c.name(name)
		c.absent()
		return
	}
	c.field(name, *s)
}

func (c *canonical) dec(name string, d *decimal.Decimal) {
	c.name(name)
	if d == nil {
		c.absent()
		return
	}
	c.tag(tagDecimal)
	var buf [64]byte
	text := appendDecimal(buf[:0], *d)
	c.uvarint(uint64(len(text)))
	c.b = append(c.b, text...)
}

// formAmount writes an amount as dec does, so a stated amount hashes as it did
// when it was a decimal, and a blank one as the empty string it was written as.
func (c *canonical) formAmount(name string, a *FormAmount) {
	if a != nil && a.blank {
		c.field(name, "")
		return
	}
	var d *decimal.Decimal
	if a != nil {
		d = &a.amount
	}
	c.dec(name, d)
}

func (c *canonical) date(name string, d Date) {
	c.name(name)
	if d.IsZero() {
		c.absent()
		return
	}
	c.tag(tagDate)
	c.uvarint(uint64(d.Year))
	c.uvarint(uint64(d.Month))
	c.uvarint(uint64(d.Day))
}

// codes writes a list of codes as strs writes a list of strings.
func codes[T ~string](c *canonical, name string, l []T) {
	c.name(name)
	if l == nil {
		c.absent()
		return
	}
	c.tag(tagList)
	c.uvarint(uint64(len(l)))
	for _, s := range l {
		c.str(string(s))
	}
}

func (c *canonical) strs(name string, l []string) {
	c.name(name)
	if l == nil {
		c.absent()
		return
	}
	c.tag(tagList)
	c.uvarint(uint64(len(l)))
	for _, s := range l {
		c.str(s)
	}
}

func (c *canonical) project(p *Project) {
	c.uvarint(canonicalVersion)
	c.field("id", p.ID)
	c.field("name", p.Name)
	c.field("category", string(p.Category))
	c.field("subtype", string(p.Subtype))
	c.field("stage", string(p.Stage))
	c.field("reportingUnit", string(p.ReportingUnit))

	a := &p.Applicant
	c.field("applicant.name", a.Name)
	c.field("applicant.creditCode", a.CreditCode)
	c.field("applicant.registrationDivision", a.RegistrationDivision)
	c.field("applicant.legalForm", string(a.LegalForm))
	c.field("applicant.enterpriseKind", string(a.EnterpriseKind))
	c.name("applicant.selfAssessment")
	if sa := a.SelfAssessment; sa == nil {
		c.absent()
	} else {
		c.tag(tagObject)
		c.boolPtr("completed", sa.Completed)
		c.name("year")
		c.tag(tagInt)
		c.uvarint(uint64(int64(sa.Year)))
		c.dec("score", sa.Score)
	}
	c.field("applicant.carrier", string(a.Carrier))
	c.boolPtr("applicant.provincialCompany", a.ProvincialCompany)
	c.boolPtr("applicant.qualified", a.Qualified)

	inv := &p.Investment
	c.dec("investment.total", inv.Total)
	c.dec("investment.bigDataPortion", inv.BigDataPortion)
	c.formAmount("investment.completed", inv.Completed)
	c.boolPtr("investment.completedVerified", inv.CompletedVerified)

	codes(c, "bigDataContent", p.BigDataContent)

	pr := &p.Preparation
	c.boolPtr("preparation.preliminaryPlanning", pr.PreliminaryPlanning)
	c.boolPtr("preparation.constructionContentDetermined", pr.ConstructionContentDetermined)
	c.boolPtr("preparation.investorDetermined", pr.InvestorDetermined)
	c.boolPtr("preparation.proposalCompleted", pr.ProposalCompleted)
	c.boolPtr("preparation.feasibilityStudyCompleted", pr.FeasibilityStudyCompleted)
	c.boolPtr("preparation.fundingSecured", pr.FundingSecured)
	c.date("preparation.plannedStart", pr.PlannedStart)

	codes(c, "fiveG.technologies", p.FiveG.Technologies)
	c.strs("fiveG.scenarios", p.FiveG.Scenarios)
	codes(c, "intranet.technologies", p.Intranet.Technologies)
	c.field("identifierNode.kind", string(p.IdentifierNode.Kind))
	c.boolPtr("identifierNode.inJilin", p.IdentifierNode.InJilin)
	c.field("platform.level", p.Platform.Level)
	c.boolPtr("platform.topCloudPartner", p.Platform.TopCloudPartner)
	c.boolPtr("writtenCommitment", p.WrittenCommitment)

	c.name("incidents")
	if p.Incidents == nil {
		c.absent()
	} else {
		c.tag(tagList)
		c.uvarint(uint64(len(p.Incidents)))
		for i := range p.Incidents {
			inc := &p.Incidents[i]
			c.date("date", inc.Date)
			c.field("kind", string(inc.Kind))
			c.boolPtr("major", inc.Major)
			c.field("description", inc.Description)
		}
	}

	c.strPtr("form.constructionScale", p.Form.ConstructionScale)
	c.strPtr("form.progress", p.Form.Progress)
	c.strPtr("form.responsiblePerson", p.Form.ResponsiblePerson)

	c.name("findings")
	c.tag(tagObject)
	ids := make([]string, 0, len(p.Findings))
	for id := range p.Findings {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	c.uvarint(uint64(len(ids)))
	for _, id := range ids {
		f := p.Findings[id]
		c.str(id)
		c.boolPtr("met", f.Met)
		c.field("by", f.By)
		c.date("on", f.On)
		c.field("note", f.Note)
	}
}

// hash returns "sha256:" and the hex SHA-256 of p's canonical encoding, reusing
// c's buffer (an evaluation's scratch keeps one, so hashing does not allocate it).
func (c *canonical) hash(p *Project) string {
	c.b = c.b[:0]
	c.project(p)
	return hashString(sha256.Sum256(c.b))
}

func hashString(sum [sha256.Size]byte) string {
	var out [len("sha256:") + 2*sha256.Size]byte
	copy(out[:], "sha256:")
	hex.Encode(out[len("sha256:"):], sum[:])
	return string(out[:])
}

// ProjectHash returns the hash a verdict's provenance records for p, so a stored
// project can be matched to its stored verdicts.
func ProjectHash(p *Project) string {
	var c canonical
	return c.hash(p)
}
