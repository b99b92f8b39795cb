package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/report"
)

// wantReport renders the report of a sample project as the report package does,
// which is what the command must print.
func wantReport(t *testing.T, name string, format string, lang report.Lang) string {
	t.Helper()
	p, err := eligibility.DecodeProject([]byte(readSample(t, name)))
	require.NoError(t, err)
	v, err := eligibility.Default().Evaluate(p, submission)
	require.NoError(t, err)
	var b bytes.Buffer
	render := report.Markdown
	if format == formatHTML {
		render = report.HTML
	}
	require.NoError(t, render(&b, v, report.Options{Lang: lang}))
	return b.String()
}

const (
	bigdataSample = "bigdata-ineligible-siping-small-datacenter.json"
	telecomSample = "telecom-ineligible-unicom-jilin-city-branch.json"
)

func TestRunReports(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		want   func(t *testing.T) string
		reason string
	}{
		{
			name:   "markdown",
			args:   []string{"-asof", "2020-07-20", "-format", "md", sample(bigdataSample)},
			want:   func(t *testing.T) string { return wantReport(t, bigdataSample, formatMarkdown, report.Chinese) },
			reason: "one project gives its Markdown report, in Chinese by default",
		},
		{
			name:   "markdown in English",
			args:   []string{"-asof", "2020-07-20", "-format", "md", "-lang", "en", sample(bigdataSample)},
			want:   func(t *testing.T) string { return wantReport(t, bigdataSample, formatMarkdown, report.English) },
			reason: "-lang chooses the report's language",
		},
		{
			name: "markdown of several projects",
			args: []string{"-asof", "2020-07-20", "-format", "md", sample(bigdataSample), sample(telecomSample)},
			want: func(t *testing.T) string {
				return wantReport(t, bigdataSample, formatMarkdown, report.Chinese) + reportSeparator +
					wantReport(t, telecomSample, formatMarkdown, report.Chinese)
			},
			reason: "several reports are one Markdown document, separated by a thematic break",
		},
		{
			name:   "html",
			args:   []string{"-asof", "2020-07-20", "-format", "html", sample(telecomSample)},
			want:   func(t *testing.T) string { return wantReport(t, telecomSample, formatHTML, report.Chinese) },
			reason: "one project gives one HTML page on standard output",
		},
		{
			name:   "html in English",
			args:   []string{"-asof", "2020-07-20", "-format", "html", "-lang", "en", sample(telecomSample)},
			want:   func(t *testing.T) string { return wantReport(t, telecomSample, formatHTML, report.English) },
			reason: "-lang chooses the page's language",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, "", tc.args...)
			require.Equal(t, 0, r.status, r.stderr)
			assert.Empty(t, r.stderr)
			assert.Equal(t, tc.want(t), r.stdout, tc.reason)
		})
	}
}

func TestRunFormatAliases(t *testing.T) {
	file := sample(telecomSample)
	text := runCmd(t, "", "-asof", "2020-07-20", file)
	asJSON := runCmd(t, "", "-asof", "2020-07-20", "-json", file)
	for _, tc := range []struct {
		args   []string
		want   runResult
		reason string
	}{
		{[]string{"-format", "text"}, text, "text is the default format"},
		{[]string{"-format", "json"}, asJSON, "-format json is what -json always printed"},
		{[]string{"-json", "-format", "json"}, asJSON, "-json agrees with -format json"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := runCmd(t, "", append(append([]string{"-asof", "2020-07-20"}, tc.args...), file)...)
			assert.Equal(t, tc.want, r, tc.reason)
		})
	}
}

func TestRunReportUsage(t *testing.T) {
	several := []string{sample(bigdataSample), sample(telecomSample)}
	for _, tc := range []struct {
		name   string
		args   []string
		want   string
		reason string
	}{
		{"unknown format", []string{"-format", "pdf"}, `evaluate: invalid -format "pdf": want text, md, html or json`, "only the four formats exist"},
		{"-json and another format", []string{"-json", "-format", "md"}, "evaluate: -json means -format json; it conflicts with -format md", "contradictory flags are refused, not resolved silently"},
		{"-out with text", []string{"-out", t.TempDir()}, "evaluate: -out writes report files: use it with -format md or html", "-out has no meaning for text"},
		{"-out with json", []string{"-format", "json", "-out", t.TempDir()}, "evaluate: -out writes report files", "-out has no meaning for JSON"},
		{"html of several projects", append([]string{"-format", "html"}, several...),
			"evaluate: -format html writes one page per project: give -out DIR for the 2 records read",
			"pages concatenated would not be one valid page"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"-asof", "2020-07-20"}, tc.args...)
			if !strings.Contains(tc.name, "several") {
				args = append(args, sample(telecomSample))
			}
			r := runCmd(t, "", args...)
			assert.Equal(t, 2, r.status, tc.reason)
			assert.Contains(t, r.stderr, tc.want, tc.reason)
			assert.Empty(t, r.stdout, "nothing is printed")
		})
	}
}

func TestRunReportsToDirectory(t *testing.T) {
	// Three records with one ID and one without: the names must stay distinct.
	dup := readSample(t, telecomSample)
	noID := strings.Replace(readSample(t, "telecom-eligible-mobile-provincial-5g.json"), `"id": "JL761-TC-2020-0001",`, "", 1)
	require.NotEqual(t, readSample(t, "telecom-eligible-mobile-provincial-5g.json"), noID, "the sample's ID was removed")
	input := "[" + dup + "," + dup + "," + noID + "]"

	for _, format := range []string{formatHTML, formatMarkdown} {
		t.Run(format, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "reports") // created by the command
			r := runCmd(t, input, "-asof", "2020-07-20", "-format", format, "-out", dir)
			require.Equal(t, 0, r.status, r.stderr)
			ext := "." + format
			wantFiles := []string{
				filepath.Join(dir, "JL761-TC-2020-0214"+ext),
				filepath.Join(dir, "JL761-TC-2020-0214-2"+ext),
				filepath.Join(dir, "project-3"+ext),
			}
			assert.Equal(t, strings.Join(wantFiles, "\n")+"\n", r.stdout, "the paths written are printed, one per line")
			got, err := os.ReadFile(wantFiles[0])
			require.NoError(t, err)
			assert.Equal(t, wantReport(t, telecomSample, format, report.Chinese), string(got), "each file holds the project's report")
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Len(t, entries, 3, "one file per project")
		})
	}
}

func TestReportNames(t *testing.T) {
	verdicts := func(ids ...string) []evaluated {
		out := make([]evaluated, len(ids))
		for i, id := range ids {
			out[i] = evaluated{verdict: &eligibility.Verdict{ProjectID: id}}
		}
		return out
	}
	for _, tc := range []struct {
		ids    []string
		want   []string
		reason string
	}{
		{[]string{"JL761-BD-2020-0312"}, []string{"JL761-BD-2020-0312.html"}, "an ordinary ID is the name"},
		{[]string{"../../etc/passwd"}, []string{"_.._etc_passwd.html"}, "a path cannot leave the directory"},
		{[]string{".hidden"}, []string{"hidden.html"}, "no hidden files"},
		{[]string{"吉林-001", "项目 2"}, []string{"__-001.html", "___2.html"}, "only portable characters"},
		{[]string{"", ""}, []string{"project-1.html", "project-2.html"}, "a project without an ID is named by its position"},
		{[]string{"A-1", "a-1", "A-1"}, []string{"A-1.html", "a-1-2.html", "A-1-3.html"}, "repeats get a suffix, ignoring case"},
		{[]string{"x", "x-2", "x"}, []string{"x.html", "x-2.html", "x-3.html"}, "a suffix never collides with another ID"},
	} {
		assert.Equal(t, tc.want, reportNames(verdicts(tc.ids...), ".html"), tc.reason)
	}
}
