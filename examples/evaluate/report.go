package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility/report"
)

// reportSeparator goes between the Markdown reports of several projects on standard
// output: a thematic break, so the concatenation is itself one Markdown document.
const reportSeparator = "\n---\n\n"

// writeReports writes the Markdown or HTML report of each verdict: to stdout, one
// after another, or with -out one file per project in that directory, printing
// each path written. rs is the rule set the verdicts were reached under, from which
// the reports quote the letter's clauses.
func writeReports(stdout io.Writer, verdicts []evaluated, opts options, rs *criteria.RuleSet) error {
	lang, err := report.ParseLang(opts.lang)
	if err != nil {
		return err // parseArgs has checked it; kept for safety
	}
	ro := report.Options{Lang: lang, RuleSet: rs}
	render, ext := report.Markdown, ".md"
	if opts.format == formatHTML {
		render, ext = report.HTML, ".html"
	}

	if opts.outDir == "" {
		for i, v := range verdicts {
			if i > 0 {
				if _, err := io.WriteString(stdout, reportSeparator); err != nil {
					return err
				}
			}
			ro.Remedies = v.remedies
			if err := render(stdout, v.verdict, ro); err != nil {
				return err
			}
		}
		return nil
	}

	if err := os.MkdirAll(opts.outDir, 0o755); err != nil {
		return err
	}
	names := reportNames(verdicts, ext)
	for i, v := range verdicts {
		var buf bytes.Buffer
		ro.Remedies = v.remedies
		if err := render(&buf, v.verdict, ro); err != nil {
			return err
		}
		path := filepath.Join(opts.outDir, names[i])
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return err
		}
		if _, err := fmt.Fprintln(stdout, path); err != nil {
			return err
		}
	}
	return nil
}

// reportNames returns a file name per verdict: the project ID made safe for any
// file system (letters, digits, '.', '-' and '_' kept, anything else '_', no
// leading dot, so an ID can neither leave the directory nor hide the file),
// project-<n> for a project without an ID, and a -2, -3 … suffix for a name
// already taken (compared without case, for case-insensitive file systems).
func reportNames(verdicts []evaluated, ext string) []string {
	names := make([]string, len(verdicts))
	taken := map[string]bool{}
	for i, v := range verdicts {
		base := strings.TrimLeft(safeName(v.verdict.ProjectID), ".")
		if base == "" {
			base = fmt.Sprintf("project-%d", i+1)
		}
		name := base
		for n := 2; taken[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s-%d", base, n)
		}
		taken[strings.ToLower(name)] = true
		names[i] = name + ext
	}
	return names
}

func safeName(id string) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '.' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, id)
}

// tooManyPages reports the usage error of -format html without -out for several
// projects: an HTML page holds one report, and pages concatenated on standard
// output would not be one valid page.
func tooManyPages(opts options, entries []entry) bool {
	return opts.format == formatHTML && opts.outDir == "" && len(entries) > 1
}
