package eligibility

import (
	"fmt"
	"slices"
	"time"

	"github.com/jilin761/intake/criteria"
)

// MaxRecordBytes bounds the text of a record as a whole: the bytes of every string
// it holds (names, codes, list items, descriptions, findings' keys, reviewers and
// notes) added up. The per-list and per-string limits alone admitted 10,000 items
// of 64 KiB in each of four lists, 2.5 GB, which no evaluation could finish with;
// 4 MiB is some 4,000 times a typical record and four times the HTTP service's
// body limit.
const MaxRecordBytes = 4 << 20

// checkRecordSize refuses a record whose text adds up to more than MaxRecordBytes.
func checkRecordSize(p *Project, problems *criteria.Problems) {
	if n := recordBytes(p); n > MaxRecordBytes {
		problems.AddText("", fmt.Sprintf("记录的文本共 %d 字节，超过上限 %d 字节（MaxRecordBytes）", n, MaxRecordBytes),
			fmt.Sprintf("the record's text is %d bytes in all, beyond the limit of %d (MaxRecordBytes)", n, MaxRecordBytes))
	}
}

// recordBytes adds up the bytes of every string in p. It is on every evaluation's
// path, so it is written out rather than reflected; TestRecordBytesCountsEveryString
// fails when a string field is added to the record and not here.
func recordBytes(p *Project) int {
	n := len(p.ID) + len(p.Name) + len(p.Category) + len(p.Subtype) + len(p.Stage) + len(p.ReportingUnit)
	a := &p.Applicant
	n += len(a.Name) + len(a.CreditCode) + len(a.RegistrationDivision) + len(a.LegalForm) + len(a.EnterpriseKind) + len(a.Carrier)
	n += textBytes(p.BigDataContent) + textBytes(p.FiveG.Technologies) + textBytes(p.FiveG.Scenarios) +
		textBytes(p.Intranet.Technologies)
	n += len(p.IdentifierNode.Kind) + len(p.Platform.Level)
	for i := range p.Incidents {
		n += len(p.Incidents[i].Kind) + len(p.Incidents[i].Description)
	}
	for _, s := range []*string{p.Form.ConstructionScale, p.Form.Progress, p.Form.ResponsiblePerson} {
		if s != nil {
			n += len(*s)
		}
	}
	for id, f := range p.Findings {
		n += len(id) + len(f.By) + len(f.Note)
	}
	return n
}

// textBytes adds up the bytes of a list of strings or codes.
func textBytes[T ~string](list []T) int {
	n := 0
	for _, s := range list {
		n += len(s)
	}
	return n
}

// checkDates refuses a date a Go caller built that does not exist or lies outside
// the years 1 to 9999 (a JSON record cannot hold one: ParseDate refuses it), such
// as month 13, which time.Date would silently turn into January of the next year.
func checkDates(p *Project, problems *criteria.Problems) {
	date := func(path string, d Date) {
		if err := d.Check(); err != nil {
			problems.AddErrText(path, dateZh(d), err)
		}
	}
	date("preparation.plannedStart", p.Preparation.PlannedStart)
	for i := range p.Incidents {
		if d := p.Incidents[i].Date; d.Check() != nil { // the path is built only for a problem
			date(fmt.Sprintf("incidents[%d].date", i), d)
		}
	}
	var bad []string
	for id, f := range p.Findings {
		if f.On.Check() != nil {
			bad = append(bad, id)
		}
	}
	slices.Sort(bad) // a stable order, whatever the map's
	for _, id := range bad {
		date("findings."+quoteKey(id)+".on", p.Findings[id].On)
	}
}

// checkAsOf refuses an evaluation date that is not stated or not a valid date: one
// before year 1 once panicked (it precedes every span of parameter values).
func checkAsOf(asOf Date, problems *criteria.Problems) {
	switch err := asOf.Check(); {
	case asOf.IsZero():
		problems.AddText("asOf", "必须给出评估日期", "the evaluation date is required")
	case err != nil:
		problems.AddErrText("asOf", dateZh(asOf), err)
	}
}

// dateZh says in Chinese why d, which Check refused, is no date.
func dateZh(d Date) string {
	switch {
	case d.Year < criteria.MinYear || d.Year > criteria.MaxYear:
		return fmt.Sprintf("年份 %d 不在 %d 至 %d 之间", d.Year, criteria.MinYear, criteria.MaxYear)
	case d.Month < time.January || d.Month > time.December:
		return fmt.Sprintf("月份 %d 不在 1 至 12 之间", int(d.Month))
	}
	return fmt.Sprintf("%d 年 %d 月没有 %d 日", d.Year, int(d.Month), d.Day)
}
