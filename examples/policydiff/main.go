// Command policydiff shows exactly which projects a change to a rule set moves: it
// evaluates every project of a directory under two rule sets and prints the decisions
// before and after, the criteria whose outcomes changed, and each project that moved.
//
// Usage:
//
//	go run ./examples/policydiff [-asof YYYY-MM-DD] [-json] [-all] base changed projects-dir
//
// base and changed are rule-set files: a full rule set (YAML or JSON, as
// criteria/default.yaml) or a variant of one (a file with a top-level base key; see
// examples/rulesets). "default" names the embedded default rule set. A variant
// derives from the rule set it names: the base argument if that is its name, else
// the default. projects-dir holds project records, one JSON file each (a file may
// also hold an array of them); every *.json file in it is read, in name order.
//
// Flags:
//
//	-asof YYYY-MM-DD  the evaluation date; default 2020-07-20, the submission date the
//	                  letter sets, so that a diff run twice gives the same answer
//	-json             print the impact as JSON (policytest.Impact)
//	-all              list the projects whose criteria changed without their decision
//	                  changing, too, not only those that moved
//
// Example, from the repository root:
//
//	go run ./examples/policydiff default examples/rulesets/floor-10m.yaml examples/corpus/projects
//
// Exit status: 0 when the diff was printed, whatever it shows; 1 when a rule set or a
// project could not be read, or a project is invalid (every such problem is reported
// on standard error, and no partial diff is printed); 2 for a usage error.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/policytest"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usageHead = `usage: policydiff [-asof YYYY-MM-DD] [-json] [-all] base changed projects-dir

Evaluates every project in projects-dir (*.json) under two rule sets and prints what
the change moves. base and changed are rule-set or variant files, or "default" for the
embedded default rule set.

Flags:
`

// defaultAsOf is the letter's submission date: a fixed default keeps diffs
// reproducible, where today's date would change them from one day to the next.
const defaultAsOf = "2020-07-20"

type options struct {
	asOf          eligibility.Date
	asJSON, all   bool
	base, changed string
	projects      string
}

// run is the whole command: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	opts, status, ok := parseArgs(args, stderr)
	if !ok {
		return status
	}
	base, changed, err := loadRuleSets(opts.base, opts.changed)
	if err != nil {
		fmt.Fprintf(stderr, "policydiff: %v\n", err)
		return 1
	}
	projects, errs := readProjects(opts.projects, base.engine)
	for _, err := range errs {
		fmt.Fprintf(stderr, "policydiff: %v\n", err)
	}
	if len(errs) > 0 {
		return 1
	}
	im, err := policytest.Compare(base.engine, changed.engine, projects, opts.asOf)
	if err != nil {
		fmt.Fprintf(stderr, "policydiff: %v\n", err)
		return 1
	}
	if opts.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(im); err != nil {
			fmt.Fprintf(stderr, "policydiff: %v\n", err)
			return 1
		}
		return 0
	}
	if err := writeText(stdout, im, base, changed, opts); err != nil {
		fmt.Fprintf(stderr, "policydiff: %v\n", err)
		return 1
	}
	return 0
}

func parseArgs(args []string, stderr io.Writer) (opts options, status int, ok bool) {
	fs := flag.NewFlagSet("policydiff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asOf := fs.String("asof", defaultAsOf, "evaluation `date`, YYYY-MM-DD")
	fs.BoolVar(&opts.asJSON, "json", false, "print the impact as JSON")
	fs.BoolVar(&opts.all, "all", false, "also list projects whose criteria changed but not their decision")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usageHead)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return opts, 0, false
		}
		return opts, 2, false
	}
	usageError := func(format string, a ...any) (options, int, bool) {
		fmt.Fprintf(stderr, "policydiff: "+format+"\n", a...)
		fs.Usage()
		return opts, 2, false
	}
	d, err := criteria.ParseDate(*asOf)
	if err != nil {
		return usageError("invalid -asof %q: want a date YYYY-MM-DD", *asOf)
	}
	opts.asOf = d
	if fs.NArg() != 3 {
		return usageError("want three arguments, base changed projects-dir; got %d", fs.NArg())
	}
	opts.base, opts.changed, opts.projects = fs.Arg(0), fs.Arg(1), fs.Arg(2)
	return opts, 0, true
}

// ruleSet is a loaded rule set, its engine, and what the file said about it.
type ruleSet struct {
	arg         string // as given on the command line
	rules       *criteria.RuleSet
	engine      *eligibility.Engine
	description criteria.Text // a variant's description
	variantOf   string        // a variant's base
}

// loadRuleSets loads both rule sets; the changed one, if a variant, may derive from
// the base one.
func loadRuleSets(baseArg, changedArg string) (base, changed *ruleSet, err error) {
	if base, err = loadRuleSet(baseArg); err != nil {
		return nil, nil, err
	}
	if changed, err = loadRuleSet(changedArg, base.rules); err != nil {
		return nil, nil, err
	}
	return base, changed, nil
}

func loadRuleSet(arg string, bases ...*criteria.RuleSet) (*ruleSet, error) {
	rs := &ruleSet{arg: arg}
	if arg == "default" {
		rs.rules = criteria.Default()
		rs.engine = eligibility.Default()
		return rs, nil
	}
	// A command may read files; the library reads only the fs.FS it is given.
	dir, name := filepath.Split(arg)
	if dir == "" {
		dir = "."
	}
	rules, err := criteria.LoadFS(os.DirFS(dir), name, bases...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", arg, unprefix(err, name))
	}
	rs.rules = rules
	if data, err := os.ReadFile(arg); err == nil && criteria.IsVariant(data) {
		if v, err := criteria.ParseVariant(data); err == nil {
			rs.description, rs.variantOf = v.Description, v.Base
		}
	}
	if rs.engine, err = eligibility.New(rules); err != nil {
		return nil, fmt.Errorf("%s: %w", arg, err)
	}
	return rs, nil
}

// unprefix drops the file name LoadFS puts before a parse error, since the command
// names the file as the user wrote it.
func unprefix(err error, name string) error {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, name+": "); ok {
		return prefixed{msg: rest, err: err}
	}
	return err
}

// prefixed is err with another message, still matching what err matches.
type prefixed struct {
	msg string
	err error
}

func (p prefixed) Error() string { return p.msg }
func (p prefixed) Unwrap() error { return p.err }

// readProjects reads every *.json file of dir, in name order: each a project record
// or an array of them, decoded strictly and validated by engine. It returns every
// problem, each naming its file.
func readProjects(dir string, engine *eligibility.Engine) ([]*eligibility.Project, []error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err == nil && len(files) == 0 {
		if _, statErr := os.Stat(dir); statErr != nil {
			err = statErr
		} else {
			err = fmt.Errorf("%s: no *.json project files", dir)
		}
	}
	if err != nil {
		return nil, []error{err}
	}
	var projects []*eligibility.Project
	var errs []error
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		records := []json.RawMessage{data}
		if trimmed := strings.TrimSpace(string(data)); strings.HasPrefix(trimmed, "[") {
			if err := json.Unmarshal(data, &records); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", f, err))
				continue
			}
		}
		for i, raw := range records {
			p, err := eligibility.DecodeProject(raw)
			if err == nil {
				err = engine.Validate(p)
			}
			if err != nil {
				label := f
				if len(records) > 1 {
					label = fmt.Sprintf("%s[%d]", f, i)
				}
				errs = append(errs, fmt.Errorf("%s: %w", label, err))
				continue
			}
			projects = append(projects, p)
		}
	}
	return projects, errs
}

// writeText prints the impact for people: the rule sets, the decision totals, the
// moves and criterion changes, then every project that moved.
func writeText(w io.Writer, im *policytest.Impact, base, changed *ruleSet, opts options) error {
	ew := &errWriter{w: w}
	ew.printf("policy diff on %s, %d projects in %s\n", im.AsOf, im.Totals.Projects, opts.projects)
	for _, rs := range []struct {
		label string
		r     *ruleSet
	}{{"base:   ", base}, {"changed:", changed}} {
		ew.printf("  %s %s", rs.label, rs.r.rules.Name)
		if rs.r.arg != "default" {
			ew.printf(" (%s", rs.r.arg)
			if rs.r.variantOf != "" {
				ew.printf(", a variant of %s", rs.r.variantOf)
			}
			ew.printf(")")
		}
		ew.printf("\n")
		if en := rs.r.description.En; en != "" {
			ew.printf("           %s\n", en)
		}
	}

	t := im.Totals
	ew.printf("\n  %-13s %6s %6s %7s\n", "decision", "before", "after", "change")
	for _, d := range []eligibility.Decision{eligibility.Eligible, eligibility.Ineligible, eligibility.Undetermined} {
		b, a := t.Before.Of(d), t.After.Of(d)
		ew.printf("  %-13s %6d %6d %+7d\n", d, b, a, a-b)
	}

	ew.printf("\nmoved: %d, changed without moving: %d, unchanged: %d\n", t.Moved, t.Changed, t.Unchanged)
	for _, m := range t.Moves {
		ew.printf("  %s → %s: %d\n", m.From, m.To, m.Count)
	}
	if len(t.Criteria) > 0 {
		ew.printf("\ncriterion outcomes changed (projects)\n")
		for _, c := range t.Criteria {
			ew.printf("  %-7s %s → %s: %d\n", c.ID, c.Before, c.After, c.Count)
		}
	}
	list := func(title string, keep func(policytest.ProjectImpact) bool) {
		var rows []policytest.ProjectImpact
		for _, p := range im.Projects {
			if keep(p) {
				rows = append(rows, p)
			}
		}
		if len(rows) == 0 {
			return
		}
		ew.printf("\n%s\n", title)
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		for _, p := range rows {
			// The name comes last: tabwriter counts a Chinese character as one
			// column where terminals show two, so nothing aligns after one.
			fmt.Fprintf(tw, "  %s\t%s → %s\t%s\t%s\n", p.ID, p.Before, p.After, changeList(p.Changes), p.Name)
		}
		tw.Flush()
	}
	list("moved projects", policytest.ProjectImpact.Moved)
	if opts.all {
		list("changed without moving", func(p policytest.ProjectImpact) bool { return !p.Moved() && len(p.Changes) > 0 })
	}
	return ew.err
}

// changeList writes a project's criterion changes, those with the same before and
// after together: "BD-6a, BD-6b: not-applicable→undetermined; BD-6c: not-applicable→fail".
func changeList(changes []policytest.CriterionChange) string {
	type move struct{ before, after eligibility.Outcome }
	var order []move
	ids := map[move][]string{}
	for _, c := range changes {
		m := move{c.Before, c.After}
		if _, seen := ids[m]; !seen {
			order = append(order, m)
		}
		ids[m] = append(ids[m], c.ID)
	}
	parts := make([]string, len(order))
	for i, m := range order {
		parts[i] = fmt.Sprintf("%s: %s→%s", strings.Join(ids[m], ", "), m.before, m.after)
	}
	return strings.Join(parts, "; ")
}

// errWriter keeps the first write error, so printing code stays readable.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, a ...any) { fmt.Fprintf(e, format, a...) }
