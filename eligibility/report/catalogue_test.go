package report_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/report"
)

// TestCatalogueUpToDate keeps the checked-in CATALOGUE.md equal to what the default
// rule set generates: an auditor reading it must read the rules the engine runs.
func TestCatalogueUpToDate(t *testing.T) {
	got, err := os.ReadFile(filepath.Join("..", "..", "criteria", "CATALOGUE.md"))
	require.NoError(t, err, "criteria/CATALOGUE.md is missing: generate it with `go generate ./criteria`")
	want := catalogue(t, criteria.Default())
	if !bytes.Equal(got, want) {
		line, g, w := firstDifference(string(got), string(want))
		t.Fatalf("criteria/CATALOGUE.md is stale (default.yaml or the catalogue layout changed): "+
			"regenerate it with `go generate ./criteria` and commit it.\nfirst difference at line %d:\n  file:      %q\n  generated: %q",
			line, g, w)
	}
}

// firstDifference returns the first line (1-based) where a and b differ, and that
// line of each ("" past the end).
func firstDifference(a, b string) (int, string, string) {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y || i >= len(al) || i >= len(bl) {
			return i + 1, x, y
		}
	}
	return 0, "", ""
}

func TestCatalogueOfTheDefault(t *testing.T) {
	rs := criteria.Default()
	doc := string(catalogue(t, rs))

	t.Run("header", func(t *testing.T) {
		for _, want := range []string{
			"# 规则目录 · Criteria catalogue: jilin-761-intake-2020\n",
			"- 文件 Document: 吉政数办函〔2020〕579号《关于进一步做好“761”工程智能信息网项目推动工作的函》\n",
			"- 生效日 Effective: 2020-07-10\n",
			"- 条款 Criteria: 47（mandatory 45, encouraged 2; data 30, finding 17）\n",
			"- 参数 Parameters: 14\n",
		} {
			assert.Contains(t, doc, want, "the header names the rule set, its document, date and size")
		}
	})

	t.Run("hash is the verdicts' ruleSetHash", func(t *testing.T) {
		// An auditor matches a stored verdict to the catalogue by this hash, so it must
		// be computed exactly as the engine computes Provenance.RuleSetHash.
		v, err := eligibility.Default().Evaluate(&eligibility.Project{Category: "telecom"}, criteria.MustParseDate("2020-07-20"))
		require.NoError(t, err)
		assert.Contains(t, doc, "- 规则集哈希 Rule-set hash: `"+v.Provenance.RuleSetHash+"`\n")

		variant := criteria.Default()
		require.NoError(t, variant.SetParameter("minTotalInvestment", criteria.DecimalValue(decimal.NewFromInt(10_000_000))))
		engine, err := eligibility.New(variant)
		require.NoError(t, err)
		v, err = engine.Evaluate(&eligibility.Project{Category: "telecom"}, criteria.MustParseDate("2020-07-20"))
		require.NoError(t, err)
		assert.Contains(t, string(catalogue(t, variant)), "`"+v.Provenance.RuleSetHash+"`", "a variant's catalogue carries the variant's hash")
		assert.NotContains(t, doc, v.Provenance.RuleSetHash, "a parameter change changes the hash")
	})

	t.Run("sections in the letter's order", func(t *testing.T) {
		headings := []string{
			"## <a id=\"parameters\"></a>参数 · Parameters\n",
			"## <a id=\"category-bigdata\"></a>一(一) 大数据中心和数字政务基础设施 · ",
			"## <a id=\"category-ai\"></a>一(二) 人工智能 · Artificial intelligence\n",
			"## <a id=\"category-industrial-internet\"></a>一(三) 工业互联网 · Industrial internet\n",
			"## <a id=\"category-telecom\"></a>二.2 5G和通信基础设施 · 5G and communications infrastructure\n",
			"## <a id=\"category-all\"></a>各类项目 · Every category\n",
		}
		last := -1
		for _, h := range headings {
			i := strings.Index(doc, h)
			require.GreaterOrEqual(t, i, 0, "missing heading %q", h)
			assert.Greater(t, i, last, "%q comes after the previous section", h)
			last = i
		}
	})

	t.Run("every criterion", func(t *testing.T) {
		last := -1
		for _, c := range rs.Criteria {
			anchor := strings.ToLower(c.ID)
			heading := fmt.Sprintf("### <a id=%q></a>%s · %s\n", anchor, c.ID, c.Ref)
			i := strings.Index(doc, heading)
			require.GreaterOrEqual(t, i, 0, "%s has a section headed by its ID and ref", c.ID)
			assert.Greater(t, i, last, "%s: sections keep rule order within the categories' order", c.ID)
			last = i
			section := doc[i:]
			if next := strings.Index(section[1:], "\n### "); next >= 0 {
				section = section[:next+1]
			}
			assert.Contains(t, doc, fmt.Sprintf("| [%s](#%s) | %s | ", c.ID, anchor, c.Ref), "%s is in the index, linked", c.ID)
			assert.Contains(t, section, "\n> "+c.Source+"\n", "%s quotes the letter as a blockquote", c.ID)
			summary, err := rs.Render(c.Summary, rs.Effective)
			require.NoError(t, err)
			message, err := rs.Render(c.Message, rs.Effective)
			require.NoError(t, err)
			assert.Contains(t, section, "- "+summary.Zh+"\n- "+summary.En+"\n", "%s states the requirement in both languages", c.ID)
			assert.Contains(t, section, "- "+message.Zh+"\n- "+message.En+"\n", "%s gives the failure message in both languages", c.ID)
			assert.Contains(t, section, "```cel\n"+c.Require+"\n```\n", "%s shows its requirement expression verbatim", c.ID)
			if c.AppliesWhen != "" {
				assert.Contains(t, section, "适用条件 Applies when:\n\n```cel\n"+c.AppliesWhen+"\n```\n", "%s shows when it applies", c.ID)
			} else {
				assert.Contains(t, section, "适用条件 Applies when: 始终", "%s says it always applies", c.ID)
			}
			assert.Contains(t, section, "强度 Strength: **"+string(c.Strength), c.ID)
			assert.Contains(t, section, "依据 Basis: **"+string(c.Basis), c.ID)
		}
	})

	t.Run("every parameter", func(t *testing.T) {
		for _, p := range rs.Parameters {
			assert.Contains(t, doc, fmt.Sprintf("| <a id=\"param-%s\"></a>`%s` | %s<br>%s | %s | ", p.Name, p.Name, p.Label.Zh, p.Label.En, p.Type),
				"%s is a row of the parameters table", p.Name)
			assert.Contains(t, doc, p.Description.Zh+"<br>"+p.Description.En, "%s is described in both languages", p.Name)
		}
		assert.Contains(t, doc, "| 500万元 · 5,000,000 yuan `5000000`<br>函件 letter: 同 · the same | [BD-4](#bd-4) |",
			"a value in force on every date is shown alone, in words and exactly, beside the letter's, with the criteria that read it")
		assert.Contains(t, doc, "长春市 · Changchun `changchun`；吉林市 · Jilin City `jilin-city`", "codes are shown by their names, then themselves")
		assert.Contains(t, doc, "| `\"22\"` | [AI-C1a](#ai-c1a), [II-1a](#ii-1a) |", "a string is quoted; every reader is listed")
		assert.Contains(t, doc, "参数 Parameters: [`minTotalInvestment`](#param-minTotalInvestment)\n", "a criterion links the parameters it reads")
	})
}

func TestCatalogueDatedValues(t *testing.T) {
	rs := criteria.Default()
	require.NoError(t, rs.SetParameterFrom("minTotalInvestment", criteria.NewDate(2022, 1, 1),
		criteria.DecimalValue(decimal.NewFromInt(10_000_000))))
	doc := string(catalogue(t, rs))
	assert.Contains(t, doc, "| 起始 initially → 500万元 · 5,000,000 yuan `5000000`<br>2022-01-01 起 from → 1000万元 · 10,000,000 yuan `10000000`<br>函件 letter: 500万元 · 5,000,000 yuan `5000000` | [BD-4](#bd-4) |",
		"each dated value is listed with the date it takes effect")
}

// tinyRuleSet is a one-criterion rule set whose texts hold what Markdown would
// otherwise read as syntax.
func tinyRuleSet(t *testing.T, mutate func(*criteria.RuleSet)) *criteria.RuleSet {
	t.Helper()
	rs, err := criteria.Parse([]byte(`
name: tiny
document: 测试文件
effective: "2020-07-10"
parameters:
  - {name: floor, type: decimal, ref: 一(一)4, value: "5000000", description: {zh: 下限, en: floor}}
criteria:
  - id: T-1
    category: bigdata
    ref: 一(一)4
    source: 项目总投资额度不小于500万元。
    summary: {zh: 总投资不小于下限, en: total investment is at least the floor}
    strength: mandatory
    basis: data
    require: project.investment.total >= params.floor
    message: {zh: 总投资不足, en: total investment is below the floor}
`))
	require.NoError(t, err)
	mutate(rs)
	return rs
}

func TestCatalogueEscapesMarkdown(t *testing.T) {
	for _, tc := range []struct {
		name    string
		mutate  func(*criteria.RuleSet)
		want    []string
		notWant []string
		reason  string
	}{
		{
			name: "pipe and line break in a table cell",
			mutate: func(rs *criteria.RuleSet) {
				rs.Parameters[0].Description = criteria.Text{Zh: "甲|乙\n丙", En: "a | b"}
			},
			want:    []string{"| 甲\\|乙<br>丙<br>a \\| b |"},
			notWant: []string{"甲|乙", "\n丙"},
			reason:  "a '|' would end the cell and a line break the row",
		},
		{
			name: "pipe in a code span in a table cell",
			mutate: func(rs *criteria.RuleSet) {
				rs.Parameters[0].Type = criteria.ListParameter
				rs.Parameters[0].Values[0].Value = criteria.ListValue("a|b", "c`d")
				rs.Criteria[0].Require = "'a' in params.floor"
			},
			want:    []string{"| `a\\|b`, ``c`d`` |"},
			reason:  "GFM needs '|' escaped even in a code span; a backtick needs a longer delimiter",
			notWant: []string{"`a|b`"},
		},
		{
			name:    "emphasis and HTML in prose",
			mutate:  func(rs *criteria.RuleSet) { rs.Criteria[0].Message.En = "*not* <b>met</b> [x](y) a_b" },
			want:    []string{"- \\*not\\* \\<b\\>met\\</b\\> \\[x\\](y) a\\_b\n"},
			notWant: []string{"<b>met"},
			reason:  "a message is shown as written, never as markup",
		},
		{
			name: "multi-line source stays inside the quote",
			mutate: func(rs *criteria.RuleSet) {
				rs.Criteria[0].Source = "第一行\n\n- 第二行\n# 第三行\n1. 第四行"
			},
			want:   []string{"> 第一行\n>\n> \\- 第二行\n> \\# 第三行\n> 1\\. 第四行\n"},
			reason: "every line is quoted, and a line that looks like a list or heading stays text",
		},
		{
			name:   "multi-line summary stays inside the list item",
			mutate: func(rs *criteria.RuleSet) { rs.Criteria[0].Summary.En = "first\nsecond" },
			want:   []string{"- first\n  second\n"},
			reason: "later lines are indented under the item",
		},
		{
			name: "backticks in an expression",
			mutate: func(rs *criteria.RuleSet) {
				rs.Criteria[0].Require = "'```' != '' && project.investment.total >= params.floor"
			},
			want:   []string{"````cel\n'```' != '' && project.investment.total >= params.floor\n````\n"},
			reason: "the fence is longer than any backtick run in the code",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := string(catalogue(t, tinyRuleSet(t, tc.mutate)))
			for _, w := range tc.want {
				assert.Contains(t, doc, w, tc.reason)
			}
			for _, w := range tc.notWant {
				assert.NotContains(t, doc, w, tc.reason)
			}
		})
	}
}

func TestCatalogueIsDeterministic(t *testing.T) {
	a := catalogue(t, criteria.Default())
	b := catalogue(t, criteria.Default())
	assert.Equal(t, a, b, "the same rule set gives the same bytes")

	var buf bytes.Buffer
	require.NoError(t, report.Catalogue(&buf, criteria.Default()))
	assert.Equal(t, a, buf.Bytes())
}

// failAfter accepts n bytes, then fails.
type failAfter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		n := w.n
		w.n = 0
		return n, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestCatalogueReportsWriteErrors(t *testing.T) {
	err := report.Catalogue(&failAfter{n: 100}, criteria.Default())
	assert.ErrorIs(t, err, errDiskFull, "the first write error is returned, not swallowed")
}

func ExampleCatalogue() {
	rs, err := criteria.Parse([]byte(`
name: example
document: 吉政数办函〔2020〕579号
effective: "2020-07-10"
parameters:
  - name: minTotalInvestment
    type: decimal
    unit: yuan
    ref: 一(一)4
    value: "5000000"
    description: {zh: 总投资下限, en: floor on total investment}
criteria:
  - id: BD-4
    category: bigdata
    ref: 一(一)4
    source: 项目总投资额度不小于500万元（含500万元）。
    summary:
      zh: 项目总投资额度不小于{minTotalInvestment}
      en: total investment is at least {minTotalInvestment}
    strength: mandatory
    basis: data
    require: project.investment.total >= params.minTotalInvestment
    message:
      zh: 项目总投资额度小于{minTotalInvestment}
      en: total investment is below {minTotalInvestment}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := report.Catalogue(&b, rs); err != nil {
		fmt.Println(err)
		return
	}
	doc := b.String()
	// Print the criterion's section, the part an auditor cites.
	fmt.Print(doc[strings.Index(doc, "### "):])
	// Output:
	// ### <a id="bd-4"></a>BD-4 · 一(一)4
	//
	// 强度 Strength: **mandatory 强制性** · 依据 Basis: **data 依据项目数据**
	//
	// 原文 Source（吉政数办函〔2020〕579号 一(一)4）：
	//
	// > 项目总投资额度不小于500万元（含500万元）。
	//
	// 要求 Requirement:
	//
	// - 项目总投资额度不小于500万元
	// - total investment is at least 5,000,000 yuan
	//
	// 适用条件 Applies when: 始终（本类别内）· always (within its category)
	//
	// 判定 Requires:
	//
	// ```cel
	// project.investment.total >= params.minTotalInvestment
	// ```
	//
	// 参数 Parameters: [`minTotalInvestment`](#param-minTotalInvestment)
	//
	// 不符合时 Failure message:
	//
	// - 项目总投资额度小于500万元
	// - total investment is below 5,000,000 yuan
}

// catalogue renders rs's catalogue, failing the test on an error.
func catalogue(t *testing.T, rs *criteria.RuleSet) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, report.Catalogue(&b, rs))
	return b.Bytes()
}

// A rule set that does not compile has no catalogue: which criteria read which
// parameter comes from the compiled rules.
func TestCatalogueNeedsACompilingRuleSet(t *testing.T) {
	rs := criteria.Default()
	rs.Criteria[0].Require = "nonsense("
	err := report.Catalogue(&bytes.Buffer{}, rs)
	assert.ErrorIs(t, err, eligibility.ErrInvalidRuleSet)
}
