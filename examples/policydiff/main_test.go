package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility/policytest"
)

var update = flag.Bool("update", false, "rewrite the golden outputs under testdata")

// corpus is the checked-in project corpus, as the README's commands name it from the
// repository root.
const corpus = "examples/corpus/projects"

// fromRoot runs the test from the repository root, so that the commands and their
// output are exactly those the README shows.
func fromRoot(t *testing.T) {
	t.Chdir("../..")
}

func runCommand(t *testing.T, args ...string) (status int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	status = run(args, &out, &errOut)
	return status, out.String(), errOut.String()
}

// The README's three worked examples, run on the checked-in corpus: their output is
// kept in golden files (go test ./examples/policydiff -update rewrites them after a
// deliberate change), and the README quotes them.
func TestWorkedExamples(t *testing.T) {
	tests := []struct {
		reason  string
		variant string
		golden  string
	}{
		{"raising BD-4's floor to 10,000,000 yuan", "examples/rulesets/floor-10m.yaml", "floor-10m.txt"},
		{"applying the stage clauses to every category", "examples/rulesets/stages-everywhere.yaml", "stages-everywhere.txt"},
		{"dropping the 三.2 verification requirement", "examples/rulesets/no-verification.yaml", "no-verification.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			fromRoot(t)
			status, stdout, stderr := runCommand(t, "default", tt.variant, corpus)
			require.Equal(t, 0, status, stderr)
			assert.Empty(t, stderr)
			golden := filepath.Join("examples", "policydiff", "testdata", tt.golden)
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(stdout), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), stdout, "run `go test ./examples/policydiff -update` after a deliberate change, and update the README's figures")
		})
	}
}

// The JSON report is the Impact itself, and agrees with the text.
func TestJSONReport(t *testing.T) {
	fromRoot(t)
	status, stdout, stderr := runCommand(t, "-json", "default", "examples/rulesets/floor-10m.yaml", corpus)
	require.Equal(t, 0, status, stderr)
	var im policytest.Impact
	require.NoError(t, json.Unmarshal([]byte(stdout), &im))
	assert.Equal(t, "jilin-761-intake-2020", im.Base)
	assert.Equal(t, "floor-10m", im.Changed)
	assert.Equal(t, criteria.MustParseDate("2020-07-20"), im.AsOf)
	assert.Len(t, im.Projects, 240)
	assert.Equal(t, 240, im.Totals.Projects)
	assert.Len(t, im.MovedProjects(), im.Totals.Moved)
	require.Len(t, im.Totals.Criteria, 1, "only BD-4 changes")
	bd4 := im.Totals.Criteria[0]
	assert.Equal(t, policytest.CriterionTotal{ID: "BD-4", Before: "pass", After: "fail", Count: bd4.Count}, bd4)
	assert.Equal(t, im.Totals.Moved+im.Totals.Changed, bd4.Count, "every project that changed, changed on BD-4")

	golden, err := os.ReadFile("examples/policydiff/testdata/floor-10m.txt")
	require.NoError(t, err)
	assert.Contains(t, string(golden), fmt.Sprintf("moved: %d, changed without moving: %d, unchanged: %d",
		im.Totals.Moved, im.Totals.Changed, im.Totals.Unchanged), "the text says what the JSON says")
}

func TestAllListsProjectsThatChangedWithoutMoving(t *testing.T) {
	fromRoot(t)
	status, stdout, stderr := runCommand(t, "-all", "default", "examples/rulesets/floor-10m.yaml", corpus)
	require.Equal(t, 0, status, stderr)
	_, rest, ok := strings.Cut(stdout, "\nchanged without moving\n")
	require.True(t, ok, "a section for them")
	var im policytest.Impact
	_, out, _ := runCommand(t, "-json", "default", "examples/rulesets/floor-10m.yaml", corpus)
	require.NoError(t, json.Unmarshal([]byte(out), &im))
	assert.Equal(t, im.Totals.Changed, strings.Count(rest, "ineligible → ineligible"),
		"the projects already ineligible that now also fail BD-4")
}

func TestNoChangeMovesNothing(t *testing.T) {
	fromRoot(t)
	status, stdout, stderr := runCommand(t, "default", "default", corpus)
	require.Equal(t, 0, status, stderr)
	assert.Contains(t, stdout, "moved: 0, changed without moving: 0, unchanged: 240")
	assert.NotContains(t, stdout, "moved projects")
	assert.NotContains(t, stdout, "criterion outcomes changed")
}

// A variant derives from the rule set it names: here the base argument, a full rule
// set of another name, and the evaluation date is the one given.
func TestVariantOfTheBaseArgument(t *testing.T) {
	dir := t.TempDir()
	source := strings.Replace(string(criteria.DefaultSource()), "name: jilin-761-intake-2020", "name: my-rules", 1)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "base.yaml"), []byte(source), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "change.yaml"),
		[]byte("base: my-rules\nname: my-rules-floor-40m\nparameters:\n  minTotalInvestment: {value: \"40000000\"}\n"), 0o644))
	projects := filepath.Join(dir, "projects")
	require.NoError(t, os.Mkdir(projects, 0o755))
	project, err := os.ReadFile("testdata/projects/bigdata.json")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(projects, "bd.json"), project, 0o644))

	status, stdout, stderr := runCommand(t, "-asof", "2021-03-01",
		filepath.Join(dir, "base.yaml"), filepath.Join(dir, "change.yaml"), projects)
	require.Equal(t, 0, status, stderr)
	assert.Contains(t, stdout, "policy diff on 2021-03-01, 1 projects")
	assert.Contains(t, stdout, "a variant of my-rules")
	assert.Contains(t, stdout, "eligible → ineligible: 1")
	assert.Contains(t, stdout, "TEST-BD  eligible → ineligible  BD-4: pass→fail")
}

func TestErrors(t *testing.T) {
	tests := []struct {
		reason string
		args   []string
		status int
		stderr []string
	}{
		{"too few arguments", []string{"default", "default"}, 2, []string{"want three arguments", "usage: policydiff"}},
		{"an impossible date", []string{"-asof", "2020-02-30", "default", "default", corpus}, 2, []string{`invalid -asof "2020-02-30"`}},
		{"an unknown flag", []string{"-since", "2020", "default", "default", corpus}, 2, []string{"flag provided but not defined"}},
		{"a rule set that is not there", []string{"default", "examples/rulesets/floor-20m.yaml", corpus}, 1,
			[]string{"examples/rulesets/floor-20m.yaml", "no such file"}},
		{"a broken variant names every problem", []string{"default", "examples/policydiff/testdata/type-mismatch.yaml", corpus}, 1,
			[]string{`invalid variant "type-mismatch" (4 problems)`, "parameters.minTotalInvestment.value"}},
		{"a variant whose expressions do not compile", []string{"default", "examples/policydiff/testdata/compile-error.yaml", corpus}, 1,
			[]string{"criteria[5] (BD-4).require", "undeclared reference to 'projet'"}},
		{"a directory that is not there", []string{"default", "default", "examples/no-such-dir"}, 1, []string{"no-such-dir"}},
		{"a directory without projects", []string{"default", "default", "examples/rulesets"}, 1, []string{"a directory with no *.json project files"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			fromRoot(t)
			status, stdout, stderr := runCommand(t, tt.args...)
			assert.Equal(t, tt.status, status)
			assert.Empty(t, stdout, "no partial diff")
			for _, s := range tt.stderr {
				assert.Contains(t, stderr, s)
			}
		})
	}
}

// Every bad project is named and counted, and the diff covers the others: one bad
// record does not cost the analyst the whole diff.
func TestBadProjectsAreReportedAndSkipped(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile("testdata/projects/ai.json")
	require.NoError(t, err)
	files := map[string]string{
		"a.json": string(good),
		"b.json": `{"category": "ai", "investmnt": {}}`,
		"c.json": `[` + string(good) + `, {"category": "roads"}]`,
		"d.json": `{"category": "ai",`,
	}
	for name, data := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
	}
	status, stdout, stderr := runCommand(t, "default", "default", dir)
	assert.Equal(t, 1, status, "an incomplete diff is not a clean run")
	assert.Contains(t, stdout, "2 projects in "+dir, "a.json and c.json[0] are compared")
	assert.Contains(t, stdout, "skipped: 3 more")
	assert.Contains(t, stderr, "b.json: eligibility: invalid project: investmnt: unknown field")
	assert.Contains(t, stderr, `c.json[1]: eligibility: invalid project: category: unknown code "roads"`)
	assert.Contains(t, stderr, "d.json")
	assert.Contains(t, stderr, "skipped 3 of 5 projects")
	assert.NotContains(t, stderr, "a.json")

	status, stdout, _ = runCommand(t, "-json", "default", "default", dir)
	assert.Equal(t, 1, status)
	var im policytest.Impact
	require.NoError(t, json.Unmarshal([]byte(stdout), &im), "the JSON diff of the others")
	assert.Equal(t, 2, im.Totals.Projects)

	for _, name := range []string{"a.json", "c.json"} {
		require.NoError(t, os.Remove(filepath.Join(dir, name)))
	}
	status, stdout, stderr = runCommand(t, "default", "default", dir)
	assert.Equal(t, 1, status)
	assert.Empty(t, stdout, "nothing to compare")
	assert.Contains(t, stderr, "no valid project in")
}

// A single project file is a set of one: the command names what it reads.
func TestSingleProjectFile(t *testing.T) {
	status, stdout, stderr := runCommand(t, "default", "default", "testdata/projects/ai.json")
	assert.Equal(t, 0, status, "%s", stderr)
	assert.Contains(t, stdout, "1 projects in testdata/projects/ai.json")
	assert.NotContains(t, stderr, "no *.json project files")
}

func TestHelp(t *testing.T) {
	status, stdout, stderr := runCommand(t, "-h")
	assert.Equal(t, 0, status)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "usage: policydiff")
}
