// Command policydiff shows exactly which projects a change to a rule set moves: it
// evaluates every project of a directory under two rule sets and prints the decisions
// before and after, the criteria whose outcomes changed, and each project that moved.
//
// Usage:
//
//	go run ./examples/policydiff [-asof YYYY-MM-DD] [-json] [-all] base changed projects
//
// base and changed are rule-set files: a full rule set (YAML or JSON, as
// criteria/default.yaml) or a variant of one (a file with a top-level base key; see
// examples/rulesets). "default" names the embedded default rule set. A variant
// derives from the rule set it names: the base argument if that is its name, else
// the default. projects is a directory of project records, one JSON file each (a file
// may also hold an array of them), of which every *.json file is read in name order; or
// one such file.
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
// A project that cannot be read or is invalid does not stop the diff: it is named with
// its problem on standard error, skipped, and counted in the diff's first lines; the
// diff covers the others.
//
// Exit status: 0 when the diff of every project was printed, whatever it shows; 1 when
// a rule set could not be read, no project could be, or some projects were skipped (the
// diff of the others is still printed); 2 for a usage error.
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

const usageHead = `usage: policydiff [-asof YYYY-MM-DD] [-json] [-all] base changed projects

Evaluates every project in projects (a directory of *.json files, or one .json file)
under two rule sets and prints what the change moves. base and changed are rule-set or
variant files, or "default" for the embedded default rule set. An invalid project is
reported, skipped and counted; the diff covers the others.

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
	skipped       int // projects not read or invalid, set by run
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
	projects, skipped, errs := readProjects(opts.projects, base.engine)
	for _, err := range errs {
		fmt.Fprintf(stderr, "policydiff: %v\n", err)
	}
	if len(projects) == 0 {
		if len(errs) > 0 {
			fmt.Fprintf(stderr, "policydiff: no valid project in %s: nothing to compare\n", opts.projects)
		}
		return 1
	}
	opts.skipped = skipped
	status = 0
	if skipped > 0 {
		fmt.Fprintf(stderr, "policydiff: skipped %d of %d projects (each named above); the diff covers the other %d\n",
			skipped, skipped+len(projects), len(projects))
		status = 1
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
		return status
	}
	if err := writeText(stdout, im, base, changed, opts); err != nil {
		fmt.Fprintf(stderr, "policydiff: %v\n", err)
		return 1
	}
	return status
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
		return usageError("want three arguments, base changed projects; got %d", fs.NArg())
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

// readProjects reads every *.json file of dir, in name order, or the one file dir names:
// each a project record or an array of them, decoded strictly and validated by engine.
// It returns the valid projects, the count of those skipped (a file that cannot be read
// or parsed counts as one), and every problem, each naming its file and record.
func readProjects(dir string, engine *eligibility.Engine) (projects []*eligibility.Project, skipped int, errs []error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, 0, []error{err}
	}
	files := []string{dir}
	if info.IsDir() {
		if files, err = filepath.Glob(filepath.Join(dir, "*.json")); err != nil {
			return nil, 0, []error{err}
		}
		if len(files) == 0 {
			return nil, 0, []error{fmt.Errorf("%s: a directory with no *.json project files", dir)}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			errs = append(errs, err)
			skipped++
			continue
		}
		records := []json.RawMessage{data}
		if trimmed := strings.TrimSpace(string(data)); strings.HasPrefix(trimmed, "[") {
			if err := json.Unmarshal(data, &records); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", f, err))
				skipped++
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
				skipped++
				continue
			}
			projects = append(projects, p)
		}
	}
	return projects, skipped, errs
}

// writeText prints the impact for people: the rule sets, the decision totals, the
// moves and criterion changes, then every project that moved.
func writeText(w io.Writer, im *policytest.Impact, base, changed *ruleSet, opts options) error {
	ew := &errWriter{w: w}
	ew.printf("policy diff on %s, %d projects in %s\n", im.AsOf, im.Totals.Projects, opts.projects)
	if opts.skipped > 0 {
		ew.printf("  skipped: %d more, unreadable or invalid (each named on standard error)\n", opts.skipped)
	}
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
