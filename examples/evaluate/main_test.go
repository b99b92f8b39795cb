package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// projectsDir holds the sample projects, a test fixture beside this command.
const projectsDir = "../projects"

// submission is the date the letter set for submitting new projects (7月20日); the
// decisions encoded in the sample file names hold on it.
var submission = criteria.MustParseDate("2020-07-20")

// sample returns the path of a sample project file.
func sample(name string) string { return filepath.Join(projectsDir, name) }

// expectedDecision reads the decision encoded in a sample file name,
// <category>-<decision>-<description>.json.
func expectedDecision(t *testing.T, name string) (category.Category, eligibility.Decision) {
	t.Helper()
	for _, d := range []eligibility.Decision{eligibility.Eligible, eligibility.Ineligible, eligibility.Undetermined} {
		if before, _, ok := strings.Cut(name, "-"+string(d)+"-"); ok {
			return category.Category(before), d
		}
	}
	require.Failf(t, "sample file name encodes no decision", "%s: want <category>-<eligible|ineligible|undetermined>-<description>.json", name)
	return "", ""
}

// TestSampleProjects evaluates every sample project on the submission date and checks
// the decision its file name promises, and that the samples cover every category
// with every decision.
func TestSampleProjects(t *testing.T) {
	files, err := filepath.Glob(sample("*.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 12, "want at least one eligible, ineligible and undetermined sample per category")
	readme, err := os.ReadFile(sample("README.md"))
	require.NoError(t, err)

	engine := eligibility.Default()
	covered := map[category.Category]map[eligibility.Decision]bool{}
	for _, file := range files {
		name := filepath.Base(file)
		wantCategory, wantDecision := expectedDecision(t, name)
		if covered[wantCategory] == nil {
			covered[wantCategory] = map[eligibility.Decision]bool{}
		}
		covered[wantCategory][wantDecision] = true

		t.Run(strings.TrimSuffix(name, ".json"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			entries, err := decodeInput(name, data)
			require.NoError(t, err)
			require.Len(t, entries, 1, "a sample file holds one project")
			require.NoError(t, entries[0].err, "samples decode strictly")
			p := entries[0].project

			assert.NotEmpty(t, p.ID, "id")
			assert.NotEmpty(t, p.Name, "name")
			assert.Equal(t, wantCategory, p.Category, "the file name starts with the category")
			assert.Contains(t, string(readme), name, "README.md lists the file")

			v, err := engine.Evaluate(p, submission)
			require.NoError(t, err)
			assert.Equal(t, wantDecision, v.Decision, "failing %v, undetermined %v", v.Failing, v.Undetermined)
			switch wantDecision {
			case eligibility.Eligible:
				assert.Empty(t, v.Failing)
				assert.Empty(t, v.Undetermined, "an eligible sample states every fact and finding it needs")
			case eligibility.Ineligible:
				assert.NotEmpty(t, v.Failing)
			case eligibility.Undetermined:
				assert.Empty(t, v.Failing)
				assert.NotEmpty(t, v.Undetermined)
			}
		})
	}

	for _, c := range category.Categories() {
		for _, d := range []eligibility.Decision{eligibility.Eligible, eligibility.Ineligible, eligibility.Undetermined} {
			assert.True(t, covered[c][d], "no %s sample for category %s", d, c)
		}
	}
}

// runResult is what one run of the command produced.
type runResult struct {
	status         int
	stdout, stderr string
}

// fixedNow is the clock the tests give run: 2020-07-20 in Jilin's time zone.
func fixedNow() time.Time {
	return time.Date(2020, 7, 20, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))
}

func runCmd(t *testing.T, stdin string, args ...string) runResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	status := run(args, strings.NewReader(stdin), &stdout, &stderr, fixedNow)
	return runResult{status, stdout.String(), stderr.String()}
}

func readSample(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(sample(name))
	require.NoError(t, err)
	return string(data)
}

func TestRunText(t *testing.T) {
	const file = "bigdata-ineligible-siping-small-datacenter.json"
	for _, tc := range []struct {
		name   string
		args   []string
		want   []string
		reason string
	}{
		{
			name: "zh",
			args: []string{"-asof", "2020-07-20", sample(file)},
			want: []string{
				"项目      JL761-BD-2020-0312  四平市农业农村数据资源中心建设项目",
				"文件      " + sample(file),
				"结论      不符合入库标准",
				"入库确认  吉林省政务服务和数字化建设管理局",
				"报送渠道  按属地经各市（州）归口管理部门上报",
				"jilin-761-intake-2020 · 吉政数办函〔2020〕579号（2020-07-10） · 评估日 2020-07-20",
				"不符合项（2）",
				"  BD-1b  一(一)1  大数据相关建设内容投资不足项目总投资的50%",
				"  BD-4   一(一)4  项目总投资额度小于500万元",
				"符合（8）：BD-1a BD-3a BD-3b GEN-1 GEN-2 GEN-3 GEN-4 GEN-5；不适用 37 项",
			},
			reason: "Chinese is the default; IDs and refs are aligned in columns",
		},
		{
			name: "en",
			args: []string{"-asof", "2020-07-20", "-lang", "en", sample(file)},
			want: []string{
				"Decision      ineligible",
				"Confirmed by  Jilin Provincial Administration of Government Services and Digital Construction",
				"Failing (2)",
				"  BD-1b  一(一)1  big-data content is less than 50% of total investment",
				"  BD-4   一(一)4  total investment is below the 5,000,000 yuan",
				"Met (8): BD-1a BD-3a BD-3b GEN-1 GEN-2 GEN-3 GEN-4 GEN-5; not applicable: 37",
			},
			reason: "-lang en prints English",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, "", tc.args...)
			require.Equal(t, 0, r.status, "an ineligible verdict is not an error; stderr: %s", r.stderr)
			assert.Empty(t, r.stderr)
			for _, w := range tc.want {
				assert.Contains(t, r.stdout, w, tc.reason)
			}
		})
	}
}

func TestRunTextSections(t *testing.T) {
	for _, tc := range []struct {
		file   string
		want   []string
		reason string
	}{
		{
			file:   "bigdata-undetermined-meihekou-govinfra.json",
			want:   []string{"结论      无法判定", "无法判定项（2，须补充）", "  BD-2   一(一)2  缺少：评审意见（BD-2）（findings.BD-2）", "  GEN-3  三.2     缺少：完成投资核实情况（investment.completedVerified）"},
			reason: "undetermined criteria list the record paths they lack",
		},
		{
			file:   "industrial-internet-eligible-changchun-identifier-node-advisory.json",
			want:   []string{"结论      符合入库标准", "建议（1，鼓励性条款，不影响结论）", "  II-4  一(三)4  建议："},
			reason: "an unmet encouraged clause is an advisory on an eligible project",
		},
		{
			file:   "ai-ineligible-baicheng-not-ai-application.json",
			want:   []string{"  AI-3  一(二)3  经评审", "评审意见：省工信厅 评审组 2020-07-17 建设内容为农资电商和信息发布"},
			reason: "a failing reviewer finding shows who found it, when and why",
		},
		{
			file:   "telecom-ineligible-unicom-jilin-city-branch.json",
			want:   []string{"入库确认  吉林省通信管理局", "报送渠道  由运营商省级公司统一汇总上报", "  TC-2  二.2  "},
			reason: "telecom goes to the Communications Administration through the provincial company",
		},
	} {
		t.Run(strings.TrimSuffix(tc.file, ".json"), func(t *testing.T) {
			r := runCmd(t, "", "-asof", "2020-07-20", sample(tc.file))
			require.Equal(t, 0, r.status, r.stderr)
			for _, w := range tc.want {
				assert.Contains(t, r.stdout, w, tc.reason)
			}
		})
	}
}

func TestRunJSON(t *testing.T) {
	t.Run("one file gives one object", func(t *testing.T) {
		r := runCmd(t, "", "-json", "-asof", "2020-07-20", sample("telecom-ineligible-unicom-jilin-city-branch.json"))
		require.Equal(t, 0, r.status, r.stderr)
		var v eligibility.Verdict
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &v), r.stdout)
		assert.Equal(t, eligibility.Ineligible, v.Decision)
		assert.Equal(t, []string{"TC-2"}, v.Failing)
		assert.Equal(t, "JL761-TC-2020-0214", v.ProjectID)
		assert.Equal(t, category.AuthorityCommunications, v.ConfirmingAuthority)
		assert.Equal(t, submission, v.AsOf)
		assert.True(t, strings.HasPrefix(r.stdout, "{\n  \""), "indented")
	})
	t.Run("several files give an array", func(t *testing.T) {
		r := runCmd(t, "", "-json", "-asof", "2020-07-20",
			sample("ai-eligible-changchun-medical-imaging.json"),
			sample("ai-undetermined-jilin-city-computing-platform.json"))
		require.Equal(t, 0, r.status, r.stderr)
		var vs []eligibility.Verdict
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &vs), r.stdout)
		require.Len(t, vs, 2)
		assert.Equal(t, eligibility.Eligible, vs[0].Decision)
		assert.Equal(t, eligibility.Undetermined, vs[1].Decision)
		assert.Equal(t, []string{"AI-C1c", "AI-C1d"}, vs[1].Undetermined)
	})
}

func TestRunStdin(t *testing.T) {
	input := readSample(t, "industrial-internet-ineligible-siping-no-self-assessment.json")
	for _, args := range [][]string{
		{"-asof", "2020-07-20"},
		{"-asof", "2020-07-20", "-"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			r := runCmd(t, input, args...)
			require.Equal(t, 0, r.status, r.stderr)
			assert.Contains(t, r.stdout, "文件      <stdin>\n")
			assert.Contains(t, r.stdout, "结论      不符合入库标准")
			assert.Contains(t, r.stdout, "  II-1d  一(三)1  制造业企业未在中国两化融合服务平台完成两化融合自评估")
		})
	}
}

func TestRunArray(t *testing.T) {
	input := "[" + readSample(t, "telecom-eligible-mobile-provincial-5g.json") + "," +
		readSample(t, "telecom-undetermined-tower-provincial.json") + "]"

	t.Run("text", func(t *testing.T) {
		r := runCmd(t, input, "-asof", "2020-07-20", "-lang", "en")
		require.Equal(t, 0, r.status, r.stderr)
		assert.Contains(t, r.stdout, "File          <stdin>[0]\n")
		assert.Contains(t, r.stdout, "File          <stdin>[1]\n")
		assert.Contains(t, r.stdout, "  TC-1b  二.2  missing: qualification (applicant.qualified)")
		assert.Contains(t, r.stdout, "2 projects evaluated: 1 eligible, 0 ineligible, 1 undetermined")
	})
	t.Run("json", func(t *testing.T) {
		r := runCmd(t, input, "-asof", "2020-07-20", "-json")
		require.Equal(t, 0, r.status, r.stderr)
		var vs []eligibility.Verdict
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &vs), r.stdout)
		require.Len(t, vs, 2)
		assert.Equal(t, eligibility.Eligible, vs[0].Decision)
		assert.Equal(t, eligibility.Undetermined, vs[1].Decision)
	})
	t.Run("array of one is still an array", func(t *testing.T) {
		r := runCmd(t, "["+readSample(t, "telecom-eligible-mobile-provincial-5g.json")+"]", "-asof", "2020-07-20", "-json")
		require.Equal(t, 0, r.status, r.stderr)
		var vs []eligibility.Verdict
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &vs), r.stdout)
		assert.Len(t, vs, 1)
	})
}

// With -lang zh (the default) a bad record's problems are said in Chinese, each at
// its path.
func TestRunBadInputInChinese(t *testing.T) {
	r := runCmd(t, `{"category":"ai","applicant":{"nmae":"x"},"investment":{"total":"五百万"}}`, "-asof", "2020-07-20")
	assert.Equal(t, 1, r.status)
	assert.Contains(t, r.stderr, "evaluate: <stdin>: 项目记录有误（共 2 处）：")
	assert.Contains(t, r.stderr, "\tapplicant.nmae：未知字段\n")
	assert.Contains(t, r.stderr, "\tinvestment.total：\"五百万\" 不是金额：请写成数字字符串")
	assert.NotContains(t, r.stderr, "unknown field")

	r = runCmd(t, `{"category":"ai","Category":"ai"}`, "-asof", "2020-07-20")
	assert.Contains(t, r.stderr, `evaluate: <stdin>: 项目记录有误：Category：未知字段：字段名区分大小写，应为 "category"`)
}

func TestRunBadInput(t *testing.T) {
	good := readSample(t, "telecom-eligible-mobile-provincial-5g.json")
	for _, tc := range []struct {
		name   string
		input  string
		want   []string
		reason string
	}{
		{
			name:   "misspelt fields",
			input:  `{"category":"ai","applicant":{"nmae":"x"},"findngs":{}}`,
			want:   []string{"evaluate: <stdin>: eligibility: invalid project (2 problems):", "\tapplicant.nmae: unknown field", "\tfindngs: unknown field"},
			reason: "strict decoding names every unknown field by its path",
		},
		{
			name:   "wrong value types",
			input:  `{"category":"ai","investment":{"total":"五百万"},"writtenCommitment":"yes","findings":{"AI-C2":{"met":1}},"incidents":[{"date":"2020-02-30"}]}`,
			want:   []string{"\tinvestment.total: \"五百万\" is not a decimal amount", "\twrittenCommitment: want true or false, got a string", "\tfindings.AI-C2.met: want true or false, got a number", "\tincidents[0].date: "},
			reason: "values of the wrong type are reported at their paths",
		},
		{
			name:   "validation errors",
			input:  `{"category":"bigdata","subtype":"product","applicant":{"creditCode":"91220101MA14XJ7T60"},"investment":{"total":"-1"},"findings":{"BD-4":{"met":true}}}`,
			want:   []string{"evaluate: <stdin>: eligibility: invalid project (4 problems):", "\tsubtype: ", "\tapplicant.creditCode: ", "\tinvestment.total: ", "\tfindings.BD-4: "},
			reason: "the engine's validation error lists every offending field",
		},
		{
			name:   "syntax error",
			input:  "{\n  \"category\": \"ai\",,\n}",
			want:   []string{"evaluate: <stdin>: invalid JSON at line 2, column 20: "},
			reason: "a syntax error is located by line and column",
		},
		{
			name:   "not an object",
			input:  `[` + good + `, "JL761-TC-2020-0001"]`,
			want:   []string{"evaluate: <stdin>[1]: eligibility: invalid project: want a project record (a JSON object), got a string"},
			reason: "each element of an array is a project record",
		},
		{
			name:   "empty",
			input:  " \n",
			want:   []string{"evaluate: <stdin>: no input"},
			reason: "empty input is an error, not zero projects",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, tc.input, "-asof", "2020-07-20", "-lang", "en")
			assert.Equal(t, 1, r.status, tc.reason)
			for _, w := range tc.want {
				assert.Contains(t, r.stderr, w, tc.reason)
			}
		})
	}

	t.Run("other inputs are still evaluated", func(t *testing.T) {
		dir := t.TempDir()
		bad := filepath.Join(dir, "bad.json")
		require.NoError(t, os.WriteFile(bad, []byte(`{"category":"telecom","subtyp":"5g"}`), 0o644))
		missing := filepath.Join(dir, "missing.json")
		goodFile := sample("telecom-eligible-mobile-provincial-5g.json")

		r := runCmd(t, "", "-asof", "2020-07-20", bad, missing, goodFile)
		assert.Equal(t, 1, r.status)
		assert.Contains(t, r.stderr, "evaluate: "+bad+": 项目记录有误：subtyp：未知字段\n", "-lang zh says the problem in Chinese")
		assert.Contains(t, r.stderr, "evaluate: "+missing+": ")
		assert.Contains(t, r.stdout, "结论      符合入库标准")
		assert.Contains(t, r.stdout, "共评估 1 个项目：符合入库标准 1 个，不符合入库标准 0 个，无法判定 0 个；另有 2 处输入有误")

		r = runCmd(t, "", "-json", "-asof", "2020-07-20", bad, goodFile)
		assert.Equal(t, 1, r.status)
		var vs []eligibility.Verdict
		require.NoError(t, json.Unmarshal([]byte(r.stdout), &vs), r.stdout)
		assert.Len(t, vs, 1)
	})
}

func TestRunUsage(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		status int
		want   string
		reason string
	}{
		{"unknown flag", []string{"-asof", "2020-07-20", "-xml"}, 2, "flag provided but not defined: -xml", "the flag package reports it"},
		{"invalid date", []string{"-asof", "2020-02-30"}, 2, `evaluate: invalid -asof "2020-02-30": want a date YYYY-MM-DD`, "a date that does not exist is refused"},
		{"malformed date", []string{"-asof", "20/07/2020"}, 2, `evaluate: invalid -asof "20/07/2020"`, "only YYYY-MM-DD is accepted"},
		{"invalid language", []string{"-lang", "fr"}, 2, `evaluate: invalid -lang "fr": want zh or en`, "only zh and en exist"},
		{"help", []string{"-h"}, 0, "", "asking for help is not an error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runCmd(t, readSample(t, "ai-eligible-changchun-medical-imaging.json"), tc.args...)
			assert.Equal(t, tc.status, r.status, tc.reason)
			assert.Contains(t, r.stderr, tc.want, tc.reason)
			assert.Contains(t, r.stderr, "usage: evaluate [-asof YYYY-MM-DD]", "usage is printed")
			assert.Contains(t, r.stderr, "-asof date", "flags are listed")
			assert.Empty(t, r.stdout, "nothing is evaluated")
		})
	}
}

func TestRunDefaultDate(t *testing.T) {
	input := readSample(t, "bigdata-ineligible-jilin-city-start-next-year.json")
	decide := func(now time.Time) eligibility.Verdict {
		var stdout, stderr bytes.Buffer
		status := run([]string{"-json"}, strings.NewReader(input), &stdout, &stderr, func() time.Time { return now })
		require.Equal(t, 0, status, stderr.String())
		var v eligibility.Verdict
		require.NoError(t, json.Unmarshal(stdout.Bytes(), &v))
		return v
	}

	v := decide(fixedNow())
	assert.Equal(t, submission, v.AsOf, "without -asof the date is today's")
	assert.Equal(t, eligibility.Ineligible, v.Decision, "a start in April 2021 is not 年内 in 2020")

	v = decide(time.Date(2021, 3, 1, 8, 0, 0, 0, time.UTC))
	assert.Equal(t, criteria.MustParseDate("2021-03-01"), v.AsOf)
	assert.Equal(t, eligibility.Eligible, v.Decision, "evaluated in 2021, the same start is within the year")
}

func TestWidth(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"BD-4", 4},
		{"一(一)4", 7},
		{"一(二)申报条件1", 15},
		{"入库确认", 8},
		{"（2020）", 8},
		{"〔2020〕", 8},
	} {
		assert.Equal(t, tc.want, width(tc.s), tc.s)
	}
	assert.Equal(t, "三.2  ", pad("三.2", 6))
	assert.Equal(t, "Confirmed by", pad("Confirmed by", 4), "never truncates")
}

func TestLanguagesComplete(t *testing.T) {
	keys := make([]string, 0, len(languages))
	for k, l := range languages {
		keys = append(keys, k)
		for _, d := range []eligibility.Decision{eligibility.Eligible, eligibility.Ineligible, eligibility.Undetermined} {
			assert.NotEmpty(t, l.text(d.Words()), "%s: %s", k, d)
		}
	}
	slices.Sort(keys)
	assert.Equal(t, []string{"en", "zh"}, keys)
}

// Under a variant the text output says, under each failing clause, where the rule set
// departs from the letter.
func TestRunTextNamesTheRuleSetsDeparture(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-asof", "2020-07-20", "-ruleset", "../rulesets/floor-10m.yaml",
		"../projects/bigdata-ineligible-siping-small-datacenter.json"}, nil, &stdout, &stderr,
		func() time.Time { panic("the clock is not read when -asof is given") })
	require.Equal(t, 0, code, stderr.String())
	assert.Contains(t, stdout.String(), "项目总投资额度小于1000万元，不符合一(一)4\n")
	assert.Contains(t, stdout.String(), "注：本规则集将总投资下限由500万元调整为1000万元\n")
	assert.NotContains(t, stdout.String(), "500万元，不符合")
}
