package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/report"
)

var update = flag.Bool("update", false, "rewrite the golden files and the sample reports from the current output")

// asOf is the fixed evaluation date of every test verdict: the letter's submission
// date, 2020-07-20.
var asOf = criteria.MustParseDate("2020-07-20")

// sampleProject is the project of the checked-in sample reports: an ineligible
// bigdata datacenter failing BD-4 (4.8 million yuan, under the 5 million floor) with
// no advisories and one reviewer's finding (BD-3b) not yet given.
const sampleProject = "bigdata-ineligible"

// verdictOf evaluates a test project under the default rule set on asOf.
func verdictOf(t *testing.T, name string) *eligibility.Verdict {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "projects", name+".json"))
	require.NoError(t, err)
	p, err := eligibility.DecodeProject(data)
	require.NoError(t, err)
	v, err := eligibility.Default().Evaluate(p, asOf)
	require.NoError(t, err)
	return v
}

type format struct {
	ext    string
	render func(*bytes.Buffer, *eligibility.Verdict, report.Options) error
}

var formats = []format{
	{"md", func(b *bytes.Buffer, v *eligibility.Verdict, o report.Options) error { return report.Markdown(b, v, o) }},
	{"html", func(b *bytes.Buffer, v *eligibility.Verdict, o report.Options) error { return report.HTML(b, v, o) }},
}

// goldenPath is where the expected output of a project, language and format is
// kept. The sample project in Chinese is the checked-in sample report itself, so
// the sample is always what the code produces.
func goldenPath(project string, lang report.Lang, ext string) string {
	if project == sampleProject && lang == report.Chinese {
		return filepath.Join("testdata", "sample-report."+ext)
	}
	return filepath.Join("testdata", "golden", fmt.Sprintf("%s.%s.%s", project, lang, ext))
}

// TestGolden renders every test project in both languages and both formats and
// compares the bytes with the golden files; run `go test -update` after an
// intended change and review the diff.
func TestGolden(t *testing.T) {
	projects := []string{sampleProject, "industrial-internet-eligible-advisory", "telecom-undetermined", "ai-ineligible-finding"}
	for _, project := range projects {
		v := verdictOf(t, project)
		for _, lang := range []report.Lang{report.Chinese, report.English} {
			for _, f := range formats {
				path := goldenPath(project, lang, f.ext)
				t.Run(filepath.Base(path), func(t *testing.T) {
					var got bytes.Buffer
					require.NoError(t, f.render(&got, v, report.Options{Lang: lang}))
					if *update {
						require.NoError(t, os.WriteFile(path, got.Bytes(), 0o644))
						return
					}
					want, err := os.ReadFile(path)
					require.NoError(t, err, "missing golden file: run go test ./eligibility/report -update")
					assert.Equal(t, string(want), got.String(), "output changed: if intended, run go test ./eligibility/report -update and review the diff")
				})
			}
		}
	}
}

// TestSampleIsWhatItClaims keeps the sample report an example of what the README
// says it is.
func TestSampleIsWhatItClaims(t *testing.T) {
	v := verdictOf(t, sampleProject)
	assert.Equal(t, eligibility.Ineligible, v.Decision)
	assert.Equal(t, []string{"BD-4"}, v.Failing, "fails BD-4 alone")
	assert.Empty(t, v.Advisories, "no advisories")
	assert.Equal(t, []string{"BD-3b"}, v.Undetermined, "one reviewer's finding missing")
}

func render(t *testing.T, ext string, v *eligibility.Verdict, opts report.Options) string {
	t.Helper()
	var b bytes.Buffer
	for _, f := range formats {
		if f.ext == ext {
			require.NoError(t, f.render(&b, v, opts))
			return b.String()
		}
	}
	t.Fatalf("no format %q", ext)
	return ""
}

// assertContains is assert.Contains without printing the whole report on failure.
func assertContains(t *testing.T, doc, want, reason string) {
	t.Helper()
	assert.True(t, strings.Contains(doc, want), "missing %q: %s", want, reason)
}

func TestContent(t *testing.T) {
	for _, tc := range []struct {
		project string
		lang    report.Lang
		want    []string
		reason  string
	}{
		{
			project: sampleProject, lang: report.Chinese,
			want: []string{
				"入库审查结论", "JL761-BD-2020-0417", "辽源市城市运行大数据中心建设项目", "不符合入库标准",
				"大数据中心和数字政务基础设施（一(一)）", "大数据中心",
				"吉林省政务服务和数字化建设管理局（省政务服务和数字化局）", "按属地经各市（州）归口管理部门上报", "2020-07-20",
				"不符合项（1）", "原文（吉政数办函〔2020〕579号 一(一)4）：", "项目总投资额度不小于500万元。",
				"项目总投资额度小于500万元，不符合一(一)4", "依据：项目总投资 4,800,000 元；总投资下限 5,000,000 元。结论：不符合。",
				"无法判定项（须补充）（1）", "评审意见（BD-3b）", "findings.BD-3b",
				"建议（0）", "全部适用条款（10）", "不适用（37）：",
				"minTotalInvestment", "500万元", "自始有效",
				"sha256:", eligibility.Version, "github.com/jilin761/intake", "jilin-761-intake-2020",
			},
			reason: "the header, the failing clause quoted from the letter with its explanation, the missing finding, every result, the parameters and the provenance",
		},
		{
			project: sampleProject, lang: report.English,
			want: []string{
				"Intake verdict", "ineligible", "Big data centres and digital government infrastructure (一(一))",
				"Jilin Provincial Administration of Government Services and Digital Construction (省政务服务和数字化局)",
				"Failing clauses (1)", "Letter (吉政数办函〔2020〕579号 一(一)4):", "项目总投资额度不小于500万元。",
				"total investment is below the 5,000,000 yuan", "reviewer&#39;s finding on BD-3b",
				"5,000,000 yuan", "always",
			},
			reason: "English wording; the letter is quoted in Chinese, its only authoritative text",
		},
		{
			project: "industrial-internet-eligible-advisory", lang: report.Chinese,
			want:   []string{"符合入库标准", "吉林省工业和信息化厅（省工信厅）", "建议（1）", "已知未达到的鼓励性条款，不影响审查结论。", "clause-ii-4", "不符合项（0）", "无。"},
			reason: "an eligible project still shows its advisory, and says plainly there is nothing failing",
		},
		{
			project: "telecom-undetermined", lang: report.English,
			want:   []string{"undetermined", "Jilin Communications Administration (省通信管理局)", "Through the carrier&#39;s provincial company (二.2)", "applicant.qualified"},
			reason: "telecom goes to the Communications Administration through the provincial company; the missing fact is named by path",
		},
		{
			project: "ai-ineligible-finding", lang: report.Chinese,
			want:   []string{"clause-ai-3", "评审意见", "省工信厅 评审组 2020-07-17 建设内容为农资电商和信息发布，未体现人工智能技术应用"},
			reason: "a failing reviewer's finding shows who found it, when and why",
		},
	} {
		v := verdictOf(t, tc.project)
		for _, ext := range []string{"md", "html"} {
			t.Run(fmt.Sprintf("%s/%s/%s", tc.project, tc.lang, ext), func(t *testing.T) {
				out := render(t, ext, v, report.Options{Lang: tc.lang})
				for _, w := range tc.want {
					if ext == "md" {
						w = strings.ReplaceAll(w, "&#39;", "'") // only HTML escapes the apostrophe
					}
					assertContains(t, out, w, tc.reason)
				}
				assert.Contains(t, out, v.Provenance.ProjectHash, "the project hash ties the report to the record")
				assert.Contains(t, out, v.Provenance.RuleSetHash, "the rule-set hash ties the report to the rules")
			})
		}
	}
}

func TestHTMLPage(t *testing.T) {
	v := verdictOf(t, sampleProject)
	for _, tc := range []struct {
		lang report.Lang
		want []string
	}{
		{report.Chinese, []string{`<html lang="zh-CN">`, "<title>入库审查结论 · JL761-BD-2020-0417</title>"}},
		{report.English, []string{`<html lang="en">`, "<title>Intake verdict · JL761-BD-2020-0417</title>"}},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			page := render(t, "html", v, report.Options{Lang: tc.lang})
			assert.True(t, strings.HasPrefix(page, "<!DOCTYPE html>\n"), "a standards-mode page")
			assert.Contains(t, page, `<meta charset="utf-8">`, "the encoding is declared, so the file opens right from disk")
			for _, w := range tc.want {
				assert.Contains(t, page, w, "the language is declared for fonts, hyphenation and screen readers")
			}
			assert.Contains(t, page, "@media print", "print styles")
			assert.Contains(t, page, `<style>`, "styles are inline")
			for _, external := range []string{"<script", "<link", "src=", "@import", "url(", "http://", "https://"} {
				assert.NotContains(t, page, external, "the page is self-contained: no scripts, no external assets")
			}
			assert.Contains(t, page, `<a href="#clause-bd-4">BD-4</a>`, "the results table links to the clause's details")
			assert.Contains(t, page, `<article class="clause fail" id="clause-bd-4">`)
		})
	}
}

func TestEscaping(t *testing.T) {
	v := verdictOf(t, sampleProject)
	v.ProjectName = "<script>alert(1)</script> *粗体* | 第二列\n第二行"
	v.ProjectID = `JL"761'<b>`

	t.Run("html", func(t *testing.T) {
		page := render(t, "html", v, report.Options{})
		assert.NotContains(t, page, "<script>", "a project name is text, never markup")
		assert.NotContains(t, page, `JL"761'<b>`)
		assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt; *粗体* | 第二列\n第二行")
		assert.Contains(t, page, "JL&#34;761&#39;&lt;b&gt;")
	})
	t.Run("markdown", func(t *testing.T) {
		doc := render(t, "md", v, report.Options{})
		assert.Contains(t, doc, "| 项目名称 | \\<script\\>alert(1)\\</script\\> \\*粗体\\* \\| 第二列<br>第二行 |",
			"in a table cell '|' is escaped, a line break is <br>, and markup characters are literal")
		assert.Contains(t, doc, "| 项目编号 | `JL\"761'<b>` |", "a code span shows its text as is")
	})
}

func TestOptions(t *testing.T) {
	v := verdictOf(t, sampleProject)

	variant := criteria.Default()
	require.NoError(t, variant.SetParameterFrom("minTotalInvestment", criteria.MustParseDate("2020-01-01"),
		criteria.DecimalValue(decimal.NewFromInt(3_000_000))))
	engine, err := eligibility.New(variant)
	require.NoError(t, err)
	data, err := os.ReadFile(filepath.Join("testdata", "projects", sampleProject+".json"))
	require.NoError(t, err)
	p, err := eligibility.DecodeProject(data)
	require.NoError(t, err)
	variantVerdict, err := engine.Evaluate(p, asOf)
	require.NoError(t, err)

	renamed := criteria.Default()
	renamed.Name = "another"

	for _, tc := range []struct {
		name    string
		verdict *eligibility.Verdict
		opts    report.Options
		wantErr error
		errText string
		want    []string
		reason  string
	}{
		{name: "zero options", verdict: v, opts: report.Options{}, want: []string{"入库审查结论"},
			reason: "Chinese and the default rule set by default"},
		{name: "zh explicitly", verdict: v, opts: report.Options{Lang: "zh", RuleSet: criteria.Default()}, want: []string{"入库审查结论"},
			reason: "the default rule set passed explicitly is the verdict's"},
		{name: "unsupported language", verdict: v, opts: report.Options{Lang: "fr"}, wantErr: report.ErrUnsupportedLang, errText: `"fr": want zh or en`,
			reason: "only zh and en exist; a typo must not silently give Chinese"},
		{name: "variant verdict, default rule set", verdict: variantVerdict, opts: report.Options{}, wantErr: report.ErrRuleSetMismatch, errText: "pass the verdict's in Options.RuleSet",
			reason: "the hash tells a variant from the default even under the same name"},
		{name: "variant verdict, variant rule set", verdict: variantVerdict, opts: report.Options{RuleSet: variant},
			want:   []string{"无法判定", "300万元", "2020-01-01"},
			reason: "with its own rule set a variant's verdict renders (under a 3 million floor BD-4 passes), showing the variant's parameter value and the date it took effect"},
		{name: "another rule set's name", verdict: v, opts: report.Options{RuleSet: renamed}, wantErr: report.ErrRuleSetMismatch, errText: `rule set "jilin-761-intake-2020", not "another"`,
			reason: "a rule set of another name is not the verdict's"},
		{name: "nil verdict", verdict: nil, opts: report.Options{}, errText: "nil verdict", reason: "nothing to report"},
	} {
		for _, f := range formats {
			t.Run(tc.name+"/"+f.ext, func(t *testing.T) {
				var b bytes.Buffer
				err := f.render(&b, tc.verdict, tc.opts)
				if tc.errText != "" {
					require.Error(t, err, tc.reason)
					if tc.wantErr != nil {
						assert.ErrorIs(t, err, tc.wantErr, tc.reason)
					}
					assert.Contains(t, err.Error(), tc.errText, tc.reason)
					assert.Zero(t, b.Len(), "nothing is written when the inputs are refused")
					return
				}
				require.NoError(t, err, tc.reason)
				for _, w := range tc.want {
					assertContains(t, b.String(), w, tc.reason)
				}
			})
		}
	}
}

func TestParseLang(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want report.Lang
		ok   bool
	}{
		{"", report.Chinese, true},
		{"zh", report.Chinese, true},
		{"en", report.English, true},
		{"EN", "", false},
		{"zh-CN", "", false},
	} {
		got, err := report.ParseLang(tc.in)
		if tc.ok {
			assert.NoError(t, err, tc.in)
			assert.Equal(t, tc.want, got, tc.in)
		} else {
			assert.ErrorIs(t, err, report.ErrUnsupportedLang, "%q: codes are exact", tc.in)
		}
	}
}

// TestStoredVerdict renders a verdict read back from its JSON, as an auditor would
// from the case file years later: the report is the same as from the live verdict.
func TestStoredVerdict(t *testing.T) {
	v := verdictOf(t, sampleProject)
	data, err := json.Marshal(v)
	require.NoError(t, err)
	var stored eligibility.Verdict
	require.NoError(t, json.Unmarshal(data, &stored))
	for _, f := range formats {
		assert.Equal(t, render(t, f.ext, v, report.Options{}), render(t, f.ext, &stored, report.Options{}), f.ext)
	}
}

// TestConcurrentRendering renders one verdict from many goroutines (run with
// -race): the package has no shared mutable state, and the output is the same.
func TestConcurrentRendering(t *testing.T) {
	v := verdictOf(t, sampleProject)
	want := map[string]string{}
	for _, f := range formats {
		want[f.ext] = render(t, f.ext, v, report.Options{})
	}
	var wg sync.WaitGroup
	for i := range 8 {
		f := formats[i%len(formats)]
		wg.Go(func() {
			var b bytes.Buffer
			assert.NoError(t, f.render(&b, v, report.Options{}))
			assert.Equal(t, want[f.ext], b.String())
		})
	}
	wg.Wait()
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteErrors(t *testing.T) {
	v := verdictOf(t, sampleProject)
	assert.ErrorIs(t, report.Markdown(failingWriter{}, v, report.Options{}), os.ErrClosed)
	assert.ErrorIs(t, report.HTML(failingWriter{}, v, report.Options{}), os.ErrClosed)
}

// Under a variant the reports state the values in force, in both languages and both
// formats, and say where the rule set departs from the letter: in the failing
// clause and under the parameters table. Codes are shown by their names.
func TestReportsFollowTheParameters(t *testing.T) {
	rs, err := criteria.LoadFS(os.DirFS(filepath.Join("..", "..", "criteria", "testdata", "rulesets", "variants")), "floor-10m.yaml")
	require.NoError(t, err)
	engine, err := eligibility.New(rs)
	require.NoError(t, err)
	data, err := os.ReadFile(filepath.Join("testdata", "projects", sampleProject+".json"))
	require.NoError(t, err)
	p, err := eligibility.DecodeProject(data)
	require.NoError(t, err)
	v, err := engine.Evaluate(p, asOf)
	require.NoError(t, err)

	want := map[report.Lang][]string{
		report.Chinese: {"项目总投资额度小于1000万元，不符合一(一)4", "项目总投资额度不小于1000万元（含本数）",
			"规则集调整", "本规则集将总投资下限由500万元调整为1000万元。", "| 1000万元 |", "长春市、吉林市、四平市",
			"| 企业法人、事业单位法人、社会团体法人、" /* the parameters table: names, then codes */},
		report.English: {"total investment is below the 10,000,000 yuan required by 一(一)4", "Rule-set change",
			"This rule set raises the floor on total investment from 5,000,000 to 10,000,000 yuan.",
			"| 10,000,000 yuan |", "Changchun, Jilin City, Siping"},
	}
	for lang, wants := range want {
		for _, f := range formats {
			t.Run(string(lang)+"/"+f.ext, func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, f.render(&b, v, report.Options{Lang: lang, RuleSet: rs}))
				doc := b.String()
				if f.ext == "html" {
					doc = strings.NewReplacer("<td>", "| ", "</td>", " |").Replace(doc)
				}
				for _, w := range wants {
					assertContains(t, doc, w, "the report states the variant's values and its departure from the letter")
				}
				assert.NotContains(t, doc, "项目总投资额度小于500万元", "the letter's floor is no longer stated as the one in force")
				assert.NotContains(t, doc, "below the 5,000,000", "the letter's floor is no longer stated as the one in force")
			})
		}
	}
}
