package report

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// mdWriter writes a page as Markdown and keeps the first write error, so the layout
// reads top to bottom.
type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) printf(format string, a ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, a...)
	}
}

func (m *mdWriter) page(p *page) {
	m.printf("# %s\n\n", mdText(p.Title))
	m.printf("**%s** — %s\n\n", mdText(p.Decision), mdText(p.Summary))
	m.pairs(p, p.Facts)

	for _, s := range p.Sections {
		m.printf("## %s\n\n", mdText(s.Title))
		if len(s.Clauses) == 0 {
			m.printf("%s\n\n", mdText(s.None))
			continue
		}
		if s.Note != "" {
			m.printf("%s\n\n", mdText(s.Note))
		}
		for _, c := range s.Clauses {
			m.clause(&c, &s.Words)
		}
	}

	m.remedy(p.Remedy)

	r := &p.Results
	m.printf("## %s\n\n%s\n\n", mdText(r.Title), mdText(r.Note))
	if len(r.Rows) > 0 {
		m.printf("| %s | %s | %s | %s |\n|---|---|---|---|\n", cell(r.ColID), cell(r.ColRef), cell(r.ColOutcome), cell(r.ColExpl))
		for _, row := range r.Rows {
			id := cell(row.ID)
			if row.Anchor != "" {
				id = "[" + id + "](#" + row.Anchor + ")"
			}
			m.printf("| %s | %s | %s | %s |\n", id, cell(row.Ref), cell(row.Outcome), cell(row.Explanation))
		}
		m.printf("\n")
	}
	if r.NotApplicable != "" {
		m.printf("%s\n\n", mdText(r.NotApplicable))
	}

	ps := &p.Parameters
	m.printf("## %s\n\n", mdText(ps.Title))
	m.printf("| %s | %s | %s | %s |\n|---|---|---|---|\n", cell(ps.ColName), cell(ps.ColLabel), cell(ps.ColValue), cell(ps.ColSince))
	for _, row := range ps.Rows {
		value := cell(row.Value)
		if row.Codes != "" {
			value += "<br>" + codeCell(row.Codes)
		}
		m.printf("| %s | %s | %s | %s |\n", codeCell(row.Name), cell(row.Label), value, cell(row.Since))
	}
	m.printf("\n")
	for _, a := range ps.Adjustments {
		m.printf("- %s\n", mdText(a))
	}
	if len(ps.Adjustments) > 0 {
		m.printf("\n")
	}

	m.printf("## %s\n\n", mdText(p.Provenance.Title))
	m.pairs(p, p.Provenance.Rows)
	m.printf("%s\n\n", mdText(p.Provenance.Reproduce))
	m.printf("---\n\n%s\n", mdText(p.Footer))
}

// pairs writes key–value rows as a two-column table (GFM tables need a header).
func (m *mdWriter) pairs(pg *page, ps []pair) {
	m.printf("| %s | %s |\n|---|---|\n", cell(pg.Key), cell(pg.Value))
	for _, p := range ps {
		v := cell(p.Value)
		if p.Code {
			v = codeCell(p.Value)
		}
		m.printf("| %s | %s |\n", cell(p.Key), v)
	}
	m.printf("\n")
}

func (m *mdWriter) clause(c *clause, w *clauseWords) {
	m.printf("### <a id=\"%s\"></a>%s · %s\n\n", c.Anchor, mdText(c.ID), mdText(c.Ref))
	m.printf("> %s\n>\n%s\n\n", mdText(c.SourceHead), blockquote(c.Source))
	m.field(w, w.Requirement, listItem(c.Requirement))
	m.field(w, w.Message, listItem(c.Message))
	if len(c.Missing) > 0 {
		items := make([]string, len(c.Missing))
		for i, f := range c.Missing {
			items[i] = code(f.Path)
			if f.Label != "" {
				items[i] = mdText(f.Label) + " " + items[i]
			}
		}
		m.field(w, w.Missing, strings.Join(items, w.ItemSep))
	}
	for _, r := range c.Reviewer {
		m.field(w, w.Reviewer, listItem(r))
	}
	for _, a := range c.Adjustments {
		m.field(w, w.Adjustment, listItem(a))
	}
	m.field(w, w.Explanation, listItem(c.Explanation))
	m.printf("\n")
}

// field writes one field of a clause as a list item; value is already Markdown.
// The colon stays outside the bold: CommonMark does not close "**" after
// punctuation such as "：" when a letter follows, so "**要求：**项目" would show its
// asterisks.
func (m *mdWriter) field(w *clauseWords, name, value string) {
	m.printf("- **%s**%s%s\n", mdText(name), w.Colon, value)
}

// Markdown escaping. Verdict texts are plain prose, but project names, reviewers'
// notes and custom rule sets come from people, so every text is escaped where it
// lands: a '*' or '<' must not turn into emphasis or HTML, and a '|' or a line
// break in a table cell must not end the cell or the row. (report.Catalogue
// escapes the same way; the helpers are small enough to keep a copy rather than
// export them.)

// mdSpecial are the ASCII punctuation characters that can start inline Markdown
// or HTML anywhere in a line; CommonMark lets each be written with a backslash.
const mdSpecial = "\\`*_[]<>|~&"

// mdText escapes one line of text for inline Markdown; line breaks become spaces.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte(' ')
			continue
		case r == '\r':
			continue
		case r < 0x80 && strings.ContainsRune(mdSpecial, r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// blockMarker matches what would make a line start a list, heading, quote,
// thematic break or setext underline.
var blockMarker = regexp.MustCompile(`^(\s*)([-+=#>]|\d+[.)])`)

// mdLine escapes a line of text that starts a block (a quoted line, a list item's
// continuation): inline specials and any block marker at its start.
func mdLine(s string) string {
	s = mdText(s)
	if m := blockMarker.FindStringSubmatchIndex(s); m != nil {
		end := m[5] // escape the marker's last character: "-" → "\-", "1." → "1\."
		s = s[:end-1] + "\\" + s[end-1:]
	}
	return s
}

func lines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

// blockquote writes text as quoted lines.
func blockquote(s string) string {
	ls := lines(s)
	for i, l := range ls {
		if strings.TrimSpace(l) == "" {
			ls[i] = ">"
		} else {
			ls[i] = "> " + mdLine(l)
		}
	}
	return strings.Join(ls, "\n")
}

// listItem writes text as the rest of a list item's line; later lines are
// indented to stay in the item.
func listItem(s string) string {
	ls := lines(s)
	for i, l := range ls {
		if i == 0 {
			ls[i] = mdText(l)
		} else {
			ls[i] = "  " + mdLine(l)
		}
	}
	return strings.Join(ls, "\n")
}

// cell escapes text for a table cell: inline specials (the '|' among them) and
// line breaks, written as <br> since a row is one line.
func cell(s string) string {
	ls := lines(s)
	for i, l := range ls {
		ls[i] = mdText(l)
	}
	return strings.Join(ls, "<br>")
}

// code writes text as a code span. A span cannot be escaped, so its delimiter is a
// run of backticks longer than any in the text, padded with a space when the text
// starts or ends with one.
func code(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// codeCell writes a code span in a table cell, where GFM also needs '|' escaped.
func codeCell(s string) string { return strings.ReplaceAll(code(s), "|", `\|`) }
