// Command evaluate decides whether "761" intelligent-information-network projects may
// enter the Jilin provincial project library under 吉政数办函〔2020〕579号, using the
// library's default rule set, and prints one verdict per project: as text, as JSON,
// or as a report for the case file in Markdown or HTML (package eligibility/report).
//
// Usage:
//
//	go run ./examples/evaluate [-asof YYYY-MM-DD] [-lang zh|en] [-format text|md|html|json] [-ruleset FILE] [-out DIR] [file.json ...]
//
// Each file holds one project record (the JSON form of eligibility.Project) or a JSON
// array of them; several JSON values one after another are read in turn. With no file,
// or with "-", the records are read from standard input. Flags come before the files.
//
// Flags:
//
//	-asof YYYY-MM-DD  the evaluation date (年内 and 近三年 are measured from it);
//	                  default: today's date on this machine's clock
//	-lang zh|en       the language of the text output, the reports and a bad record's problems (default zh)
//	-format FORMAT    what to print (default text):
//	                  text  a summary per project, for the terminal (described below);
//	                  json  the verdicts as JSON (eligibility.Verdict): one indented
//	                        object when the input is a single project record, otherwise
//	                        an array in input order;
//	                  md    a Markdown report per project, quoting the letter's clauses,
//	                        with the results, parameters and provenance; several
//	                        reports are separated by a "---" line;
//	                  html  the same report as a self-contained HTML page (inline
//	                        styles, no scripts, prints on A4). One page per project,
//	                        so several projects need -out.
//	-json             the same as -format json (kept for existing scripts)
//	-remedies         also say what each project must do (package eligibility/remedy):
//	                  the fixes of each failing or undetermined criterion, the
//	                  smallest verified plan that makes it eligible and, for an
//	                  undetermined project, the questions to ask first. The text
//	                  output gains a section, the reports the sections 整改事项 /
//	                  What to fix and 待补充 / What to provide, and the JSON output
//	                  becomes {"verdict": …, "remedies": …} per project
//	-compact          with -format json, each verdict in its compact form
//	                  (eligibility.Compact): what a reader can recompute left out
//	-ruleset FILE     evaluate under the rule set in FILE instead of the letter's: a
//	                  full rule set, or a variant of the default (a "base:" key and
//	                  only what changes, as examples/rulesets/*.yaml); the verdicts,
//	                  reports and text name it and say where it departs from the letter
//	-out DIR          with -format md or html, write each report to DIR/<id>.md or
//	                  DIR/<id>.html instead of standard output (DIR is created if
//	                  needed; the project ID is the file name, characters other than
//	                  letters, digits, '.', '-' and '_' replaced by '_', a project
//	                  without an ID named project-<n> after its position, a repeated
//	                  name given a -2, -3 … suffix) and print the paths written
//
// Records are decoded strictly: a field the record type does not have (a misspelt
// name, say) is an error, reported with its path, like every other problem in the
// record. The text output shows, per project, the decision (符合入库标准 / 不符合入库标准
// / 无法判定), the confirming authority and reporting channel, the rule set, then the
// failing criteria with their messages, the undetermined ones with the facts or
// findings they lack, the advisories of the encouraged clauses, and a line listing the
// criteria met.
//
// Exit status: 0 when every record was evaluated, whatever the decisions (ineligible
// and undetermined are verdicts, not errors); 1 when some input could not be read,
// decoded or validated (each is reported on standard error as
// "evaluate: <file>: <error>" and the other records are still evaluated); 2 for a
// usage error, including -format html for several records without -out (checked
// before anything is written).
//
// Examples:
//
//	go run ./examples/evaluate -asof 2020-07-20 examples/projects/*.json
//	go run ./examples/evaluate -asof 2020-07-20 -lang en examples/projects/telecom-*.json
//	cat project.json | go run ./examples/evaluate -json -asof 2020-07-20
//	go run ./examples/evaluate -asof 2020-07-20 -format html examples/projects/bigdata-ineligible-siping-small-datacenter.json > report.html
//	go run ./examples/evaluate -asof 2020-07-20 -format html -out reports examples/projects/*.json
//	go run ./examples/evaluate -asof 2020-07-20 -format md -lang en examples/projects/ai-*.json
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

func main() {
	// This is the one place in the repository that reads the clock: the library takes
	// the evaluation date as an input (catalogue note 3), and only this command, run by
	// a person, defaults it to today.
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, time.Now))
}

const usageHead = `usage: evaluate [-asof YYYY-MM-DD] [-lang zh|en] [-format text|md|html|json] [-ruleset FILE] [-out DIR] [file.json ...]

Evaluates "761" project records (JSON, one object or an array per file; standard
input when no file or "-" is given) against 吉政数办函〔2020〕579号 and prints the verdicts,
or writes a Markdown or HTML report per project.

Flags:
`

// The output formats of -format.
const (
	formatText     = "text"
	formatJSON     = "json"
	formatMarkdown = "md"
	formatHTML     = "html"
)

// options are the parsed command line.
type options struct {
	asOf   eligibility.Date
	lang   string
	format string // one of the format constants
	outDir string // -out: write reports there, one file per project
	// remedies: work out what each project must do (-remedies)
	remedies bool
	// compact: -format json writes the verdicts' compact form.
	compact bool
	// ruleSet is the -ruleset file: a rule set or a variant; empty for the default.
	ruleSet string
	files   []string
}

// run is the whole command: it parses args, evaluates every project it reads and
// writes the verdicts to stdout and problems to stderr, and returns the exit status.
// now supplies the default evaluation date.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, now func() time.Time) int {
	opts, status, ok := parseArgs(args, stderr, now)
	if !ok {
		return status
	}

	var entries []entry
	for _, name := range opts.files {
		es, err := readInput(name, stdin)
		if err != nil {
			entries = append(entries, entry{label: displayName(name), err: err})
			continue
		}
		entries = append(entries, es...)
	}

	if tooManyPages(opts, entries) {
		fmt.Fprintf(stderr, "evaluate: -format html writes one page per project: give -out DIR for the %d records read\n", len(entries))
		return 2
	}

	engine, err := loadEngine(opts.ruleSet)
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 1
	}
	rules := engine.RuleSet()
	status = 0
	var verdicts []evaluated
	for _, e := range entries {
		if e.err != nil {
			fmt.Fprintf(stderr, "evaluate: %s: %s\n", e.label, badInput(e.err, opts.lang))
			status = 1
			continue
		}
		v, err := engine.Evaluate(e.project, opts.asOf)
		if err != nil {
			fmt.Fprintf(stderr, "evaluate: %s: %s\n", e.label, badInput(err, opts.lang))
			status = 1
			continue
		}
		verdicts = append(verdicts, evaluated{label: e.label, project: e.project, verdict: v})
	}
	if opts.remedies {
		if err := addRemedies(engine, verdicts); err != nil {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
			return 1
		}
	}

	switch opts.format {
	case formatJSON:
		if err := writeJSON(stdout, engine, verdicts, singleRecord(entries), opts.compact); err != nil {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
			return 1
		}
		return status
	case formatMarkdown, formatHTML:
		if err := writeReports(stdout, verdicts, opts, rules); err != nil {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
			return 1
		}
		return status
	}
	p := &printer{w: stdout, l: languages[opts.lang], effective: rules.Effective}
	for i, v := range verdicts {
		if i > 0 {
			p.line("")
		}
		p.verdict(v)
		p.remedies(v)
	}
	if len(entries) > 1 {
		p.line("")
		p.summary(verdicts, len(entries)-len(verdicts))
	}
	if p.err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", p.err)
		return 1
	}
	return status
}

// parseArgs parses the command line. When ok is false the command must stop with
// the returned status: 0 after -h, 2 after a usage error, which it has reported.
// badInput writes the error of a record that is bad input: in Chinese for -lang zh,
// each problem in the library's Chinese (its English where it gave none), and as the
// error's own English text otherwise.
func badInput(err error, lang string) string {
	ve, ok := errors.AsType[*eligibility.ValidationError](err)
	if !ok || lang != "zh" || !errors.Is(err, eligibility.ErrInvalidProject) {
		return err.Error()
	}
	var b strings.Builder
	b.WriteString("项目记录有误")
	if len(ve.Problems) == 1 && ve.Omitted == 0 {
		b.WriteString("：" + ve.Problems[0].Path + "：" + ve.Problems[0].Text(true))
		return b.String()
	}
	fmt.Fprintf(&b, "（共 %d 处）：", len(ve.Problems)+ve.Omitted)
	for _, p := range ve.Problems {
		b.WriteString("\n\t" + p.Path + "：" + p.Text(true))
	}
	if ve.Omitted > 0 {
		fmt.Fprintf(&b, "\n\t……另有 %d 处", ve.Omitted)
	}
	return b.String()
}

func parseArgs(args []string, stderr io.Writer, now func() time.Time) (opts options, status int, ok bool) {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asOf := fs.String("asof", "", "evaluation `date`, YYYY-MM-DD (default today)")
	lang := fs.String("lang", "zh", "`language` of the text output and the reports: zh or en")
	format := fs.String("format", formatText, "output `format`: text, md (Markdown report), html (HTML report) or json")
	asJSON := fs.Bool("json", false, "the same as -format json")
	withRemedies := fs.Bool("remedies", false, "also print what each project must do: fixes, the plan and the questions to ask")
	ruleSet := fs.String("ruleset", "", "evaluate under the rule set or variant in `file` (YAML or JSON) instead of the letter's")
	outDir := fs.String("out", "", "with -format md or html, write one report per project into `dir`, named <id>.md or <id>.html")
	compact := fs.Bool("compact", false, "with -format json, write each verdict in its compact form")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usageHead)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return opts, 0, false
		}
		return opts, 2, false // the flag package has printed the error and the usage
	}
	usageError := func(format string, a ...any) (options, int, bool) {
		fmt.Fprintf(stderr, "evaluate: "+format+"\n", a...)
		fs.Usage()
		return opts, 2, false
	}

	if *asOf == "" {
		opts.asOf = criteria.DateOf(now())
	} else {
		d, err := criteria.ParseDate(*asOf)
		if err != nil {
			return usageError("invalid -asof %q: want a date YYYY-MM-DD", *asOf)
		}
		opts.asOf = d
	}
	if _, ok := languages[*lang]; !ok {
		return usageError("invalid -lang %q: want zh or en", *lang)
	}
	opts.lang = *lang

	formatGiven := false
	fs.Visit(func(f *flag.Flag) { formatGiven = formatGiven || f.Name == "format" })
	switch *format {
	case formatText, formatJSON, formatMarkdown, formatHTML:
	default:
		return usageError("invalid -format %q: want text, md, html or json", *format)
	}
	if *asJSON {
		if formatGiven && *format != formatJSON {
			return usageError("-json means -format json; it conflicts with -format %s", *format)
		}
		*format = formatJSON
	}
	opts.format = *format
	if *outDir != "" && opts.format != formatMarkdown && opts.format != formatHTML {
		return usageError("-out writes report files: use it with -format md or html")
	}
	opts.outDir = *outDir
	opts.remedies = *withRemedies
	if *compact && opts.format != formatJSON {
		return usageError("-compact is a form of the JSON output: use it with -format json")
	}
	opts.compact = *compact
	opts.ruleSet = *ruleSet

	opts.files = fs.Args()
	if len(opts.files) == 0 {
		opts.files = []string{"-"}
	}
	return opts, 0, true
}

// evaluated is one project with its verdict.
type evaluated struct {
	label   string
	project *eligibility.Project
	verdict *eligibility.Verdict
	// remedies is set with -remedies.
	remedies *remedy.Remedies
}

// compactVerdict writes a verdict in its compact form.
type compactVerdict struct{ v *eligibility.Verdict }

func (c compactVerdict) MarshalJSON() ([]byte, error) {
	return c.v.AppendJSON(nil, eligibility.Compact)
}

// writeJSON prints the verdicts as one indented object when the input was a single
// project record, and as an array otherwise. Verdicts alone are written by the
// engine (Engine.AppendVerdict) and indented by jsontext.Value.Indent, of the
// library's strict decoder: encodeJSON's bytes in a fifth of its time (encoding/json
// checks and compacts every MarshalJSON's output before it indents it, and
// json.Indent alone took twice as long as jsontext). With remedies, encodeJSON
// writes them.
func writeJSON(w io.Writer, engine *eligibility.Engine, verdicts []evaluated, single, compact bool) error {
	if single && len(verdicts) != 1 {
		return nil // the one record was bad input, already reported
	}
	for _, v := range verdicts {
		if v.remedies != nil {
			return encodeJSON(w, verdicts, single, compact)
		}
	}
	form := eligibility.Full
	if compact {
		form = eligibility.Compact
	}
	out := bufio.NewWriterSize(w, 64<<10)
	var raw []byte
	put := func(v *eligibility.Verdict, prefix string) error {
		var err error
		if raw, err = engine.AppendVerdict(raw[:0], v, form); err != nil {
			return err
		}
		value := jsontext.Value(raw)
		if err := value.Indent(jsontext.WithIndentPrefix(prefix), jsontext.WithIndent("  ")); err != nil {
			return err
		}
		raw = value
		_, err = out.Write(raw)
		return err
	}
	switch {
	case single:
		if err := put(verdicts[0].verdict, ""); err != nil {
			return err
		}
	case len(verdicts) == 0:
		_, _ = out.WriteString("[]")
	default:
		_, _ = out.WriteString("[")
		for i, v := range verdicts {
			if i > 0 {
				_, _ = out.WriteString(",")
			}
			_, _ = out.WriteString("\n  ")
			if err := put(v.verdict, "  "); err != nil {
				return err
			}
		}
		_, _ = out.WriteString("\n]")
	}
	_, _ = out.WriteString("\n")
	return out.Flush()
}

// encodeJSON is writeJSON by encoding/json.
func encodeJSON(w io.Writer, verdicts []evaluated, single, compact bool) error {
	list := make([]any, len(verdicts))
	for i, v := range verdicts {
		list[i] = jsonDoc(v, compact)
	}
	var doc any = list
	switch {
	case single && len(verdicts) == 1:
		doc = list[0]
	case single:
		return nil // the one record was bad input, already reported
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
