// Command evaluate decides whether "761" intelligent-information-network projects may
// enter the Jilin provincial project library under 吉政数办函〔2020〕579号, using the
// library's default rule set, and prints one verdict per project.
//
// Usage:
//
//	go run ./examples/evaluate [-asof YYYY-MM-DD] [-lang zh|en] [-json] [file.json ...]
//
// Each file holds one project record (the JSON form of eligibility.Project) or a JSON
// array of them; several JSON values one after another are read in turn. With no file,
// or with "-", the records are read from standard input. Flags come before the files.
//
// Flags:
//
//	-asof YYYY-MM-DD  the evaluation date (年内 and 近三年 are measured from it);
//	                  default: today's date on this machine's clock
//	-lang zh|en       the language of the text output (default zh)
//	-json             print the verdicts as JSON (eligibility.Verdict): one indented
//	                  object when the input is a single project record, otherwise an
//	                  array in input order
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
// usage error.
//
// Examples:
//
//	go run ./examples/evaluate -asof 2020-07-20 examples/projects/*.json
//	go run ./examples/evaluate -asof 2020-07-20 -lang en examples/projects/telecom-*.json
//	cat project.json | go run ./examples/evaluate -json -asof 2020-07-20
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

func main() {
	// This is the one place in the repository that reads the clock: the library takes
	// the evaluation date as an input (catalogue note 3), and only this command, run by
	// a person, defaults it to today.
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, time.Now))
}

const usageHead = `usage: evaluate [-asof YYYY-MM-DD] [-lang zh|en] [-json] [file.json ...]

Evaluates "761" project records (JSON, one object or an array per file; standard
input when no file or "-" is given) against 吉政数办函〔2020〕579号 and prints the verdicts.

Flags:
`

// options are the parsed command line.
type options struct {
	asOf   eligibility.Date
	lang   string
	asJSON bool
	files  []string
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

	engine := eligibility.Default()
	rules := engine.RuleSet()
	status = 0
	var verdicts []evaluated
	for _, e := range entries {
		if e.err != nil {
			fmt.Fprintf(stderr, "evaluate: %s: %v\n", e.label, e.err)
			status = 1
			continue
		}
		v, err := engine.Evaluate(e.project, opts.asOf)
		if err != nil {
			fmt.Fprintf(stderr, "evaluate: %s: %v\n", e.label, err)
			status = 1
			continue
		}
		verdicts = append(verdicts, evaluated{label: e.label, project: e.project, verdict: v})
	}

	if opts.asJSON {
		if err := writeJSON(stdout, verdicts, singleRecord(entries)); err != nil {
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
func parseArgs(args []string, stderr io.Writer, now func() time.Time) (opts options, status int, ok bool) {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asOf := fs.String("asof", "", "evaluation `date`, YYYY-MM-DD (default today)")
	lang := fs.String("lang", "zh", "`language` of the text output: zh or en")
	asJSON := fs.Bool("json", false, "print the verdicts as JSON")
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
	opts.asJSON = *asJSON
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
}

// writeJSON prints the verdicts as one indented object when the input was a single
// project record, and as an array otherwise.
func writeJSON(w io.Writer, verdicts []evaluated, single bool) error {
	var doc any
	switch {
	case single && len(verdicts) == 1:
		doc = verdicts[0].verdict
	case single:
		return nil // the one record was bad input, already reported
	default:
		list := make([]*eligibility.Verdict, len(verdicts))
		for i, v := range verdicts {
			list[i] = v.verdict
		}
		doc = list
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
