package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"log/slog"
	"maps"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// formValues turns a record into what a person types into the check page: each fact at
// its JSON path, yes-or-no as true/false, a list one item a line (a list of codes: the
// boxes ticked, postForm sends one part a box), an empty list as its "none" box, a 三.2
// form field stated "" as its "left blank" box, a finding's four parts, the incidents
// as rows.
func formValues(t testing.TB, record []byte) map[string]string {
	t.Helper()
	var rec map[string]any
	require.NoError(t, json.Unmarshal(record, &rec))
	out := map[string]string{}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				p := k
				if prefix != "" {
					p = prefix + "." + k
				}
				walk(p, e)
			}
		case []any:
			if prefix == "incidents" {
				out["incidents"] = "none"
				if len(x) > 0 {
					out["incidents"] = "listed"
				}
				for i, e := range x {
					walk(fmt.Sprintf("incidents[%d]", i), e)
				}
				return
			}
			if len(x) == 0 {
				out[nonePrefix+prefix] = "yes"
				return
			}
			var items []string
			for _, e := range x {
				items = append(items, fmt.Sprint(e))
			}
			out[prefix] = strings.Join(items, "\n")
		case string:
			if x == "" && slices.Contains(formBlanks, prefix) {
				out[blankPrefix+prefix] = "yes"
				return
			}
			out[prefix] = x
		case bool:
			out[prefix] = fmt.Sprint(x)
		case nil:
		default:
			out[prefix] = fmt.Sprint(x)
		}
	}
	walk("", rec)
	return out
}

// startWeb serves the handler in-process for the page tests.
func startWeb(t testing.TB, e engine, cfg config) *httptest.Server {
	t.Helper()
	return start(t, e, cfg)
}

// postForm posts vals as multipart/form-data, with file as the uploaded record when
// not nil.
func postForm(t testing.TB, ts *httptest.Server, path string, vals map[string]string, file []byte) (*http.Response, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	keys := make([]string, 0, len(vals))
	for k := range vals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if _, ok := codeLists[k]; ok {
			for _, code := range strings.Split(vals[k], "\n") { // one box, one part
				require.NoError(t, mw.WriteField(k, code))
			}
			continue
		}
		require.NoError(t, mw.WriteField(k, vals[k]))
	}
	if file != nil {
		w, err := mw.CreateFormFile("file", "record.json")
		require.NoError(t, err)
		_, _ = w.Write(file)
	}
	require.NoError(t, mw.Close())
	resp, body := do(t, ts, http.MethodPost, path, mw.FormDataContentType(), b.Bytes())
	return resp, string(body)
}

func readSample(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "projects", name))
	require.NoError(t, err)
	return b
}

// pageFields are the inputs the check page offers for a category.
func pageFields(t testing.TB, ts *httptest.Server, cat string) map[string]bool {
	t.Helper()
	resp, body := do(t, ts, http.MethodGet, "/?category="+cat, "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	// the base fields, then the chosen category's; the others' come after
	page := string(body)
	first := strings.Index(page, `<fieldset class="category"`)
	i := strings.Index(page, `data-category="`+cat+`">`)
	require.Positive(t, first)
	require.Positive(t, i)
	end := strings.Index(page[i:], "</fieldset>\n<fieldset class=\"category\"")
	if end < 0 {
		end = strings.Index(page[i:], "<details")
	}
	page = page[:first] + page[i:i+end]
	names := map[string]bool{}
	for _, m := range regexp.MustCompile(`name="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		names[m[1]] = true
	}
	return names
}

// TestCheckFormRoundTrip fills the check page's form with every sample project, as a
// person would, and checks the record the form builds gets the sample's own verdict:
// the form states every fact the criteria read.
func TestCheckFormRoundTrip(t *testing.T) {
	ts := startWeb(t, eligibility.Default(), defaultConfig())
	for _, s := range samples(t) {
		t.Run(s.name, func(t *testing.T) {
			var want eligibility.Verdict
			require.NoError(t, json.Unmarshal(s.verdict, &want))
			vals := formValues(t, s.record)
			require.NotContains(t, slices.Collect(maps.Values(vals)), "", "the form states every blank with a box")
			names := pageFields(t, ts, string(want.Category))
			for k := range vals {
				if !names[k] && !strings.HasPrefix(k, "findings.") {
					delete(vals, k) // a fact no criterion reads (the self-assessment's score)
				}
			}
			vals["asOf"], vals["lang"] = submission, "en"
			resp, body := postForm(t, ts, "/check", vals, nil)
			require.Equal(t, http.StatusOK, resp.StatusCode, body)
			assert.Equal(t, want.Decision.Words().En, decisionOf(body))
			for _, id := range want.Failing {
				assert.True(t, strings.Contains(body, `id="fail-`+id+`"`), "the failing clause %s is shown", id)
			}
			for _, id := range want.Undetermined {
				assert.True(t, strings.Contains(body, `<span class="id">`+id+`</span>`), "the undetermined criterion %s is shown", id)
			}
		})
	}
}

// decisionOf reads the decision from an answer page.
func decisionOf(page string) string {
	m := regexp.MustCompile(`<span id="decision-text">([^<]*)</span>`).FindStringSubmatch(page)
	if m == nil {
		return "(no decision on the page)"
	}
	return m[1]
}

// TestCheckPage pins the page's safety headers, the required date and the hidden
// categories.
func TestCheckPage(t *testing.T) {
	ts := startWeb(t, eligibility.Default(), defaultConfig())
	resp, body := do(t, ts, http.MethodGet, "/?category=telecom&lang=en", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, pageCSP, resp.Header.Get("Content-Security-Policy"))
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
	page := string(body)
	assert.Contains(t, page, `<fieldset class="category" data-category="telecom">`, "the chosen category is shown")
	assert.Contains(t, page, `<fieldset class="category" data-category="bigdata" hidden disabled>`, "the others are hidden and not submitted")
	assert.Regexp(t, `id="f-asOf" name="asOf" value="" required`, page, "the evaluation date is required and not prefilled")
	assert.Contains(t, page, `href="/?category=telecom&amp;lang=zh"`, "the link to the other language keeps the category")
	assert.NotRegexp(t, `<script>|style="|https?://`, page, "no inline script or style, nothing from elsewhere")
	for _, m := range regexp.MustCompile(`(?:src|href|action)="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		assert.True(t, strings.HasPrefix(m[1], "/"), "every reference stays on this server: %s", m[1])
	}
	for _, asset := range []string{"/assets/style.css", "/assets/app.js"} {
		resp, body := do(t, ts, http.MethodGet, asset, "", nil)
		require.Equal(t, http.StatusOK, resp.StatusCode)
		assert.NotEmpty(t, body)
		assert.NotRegexp(t, `https?://|@import|url\(`, string(body), "%s loads nothing else", asset)
	}
}

// TestCheckErrors submits a form with several mistakes and checks each is shown next to
// its field, in Chinese and English, all at once, and that what was typed comes back
// escaped.
func TestCheckErrors(t *testing.T) {
	ts := startWeb(t, eligibility.Default(), defaultConfig())
	vals := map[string]string{
		"lang": "zh", "category": "bigdata", "asOf": "2020-07-20",
		"name":                 `<script>alert("x")</script>`,
		"investment.total":     "five million",
		"applicant.creditCode": "91220300MA0Y3N6G6X",
		"findings.BD-3a.by":    "评审组",
	}
	resp, body := postForm(t, ts, "/check", vals, nil)
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Equal(t, pageCSP, resp.Header.Get("Content-Security-Policy"))
	assert.NotContains(t, body, `<script>alert`, "what was typed is escaped")
	assert.Contains(t, body, `&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`)
	for _, input := range []string{"f-investment-total", "f-applicant-creditCode", "f-findings-BD-3a-met"} {
		i := strings.Index(body, `id="`+input+`"`)
		require.Positive(t, i, input)
		end := strings.Index(body[i:], "</div>")
		assert.Contains(t, body[i:i+end], `class="error"`, "the error of %s is next to it", input)
	}
	assert.Contains(t, body, "「项目总投资」填写有误（investment.total）", "the Chinese names the field")
	assert.Contains(t, body, `value="five million"`, "what was typed is kept")
	assert.Regexp(t, `请更正以下问题 \(3\)`, body, "every problem at once")

	t.Run("no date", func(t *testing.T) {
		resp, body := postForm(t, ts, "/check", map[string]string{"lang": "en", "category": "ai", "investment.total": "-1"}, nil)
		require.Equal(t, http.StatusBadRequest, resp.StatusCode)
		assert.Contains(t, body, "required: the evaluation date, YYYY-MM-DD")
		assert.Contains(t, body, "「Total investment」填写有误（investment.total）：&#34;-1&#34; 不得为负数", "the record's problems too, at once")
		assert.Contains(t, body, "「Evaluation date」填写有误（asOf）")
	})
	t.Run("pasted JSON that does not parse", func(t *testing.T) {
		resp, body := postForm(t, ts, "/check", map[string]string{"asOf": "2020-07-20", "record": `{"category": "bigdata",`}, nil)
		require.Equal(t, http.StatusBadRequest, resp.StatusCode)
		assert.Contains(t, body, `<details class="json" open>`, "the pasted record is shown with its problem")
		assert.Contains(t, body, `{&#34;category&#34;: &#34;bigdata&#34;,</textarea>`)
	})
}

// TestCheckUploadAndDownloads uploads a record, then downloads the three documents
// from the answer page's hidden fields.
func TestCheckUploadAndDownloads(t *testing.T) {
	ts := startWeb(t, eligibility.Default(), defaultConfig())
	record := readSample(t, "bigdata-ineligible-siping-small-datacenter.json")
	resp, body := postForm(t, ts, "/check", map[string]string{"asOf": submission}, record)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	assert.Equal(t, "不符合入库标准", decisionOf(body))
	assert.True(t, strings.Contains(body, `id="fail-BD-4"`))
	assert.Contains(t, body, "项目总投资额度不小于500万元", "the letter's text of the failing clause")
	assert.Contains(t, body, `<p id="plan">`, "the remedy plan")
	m := regexp.MustCompile(`name="record" value="([^"]*)"`).FindStringSubmatch(body)
	require.NotNil(t, m, "the answer page carries the record for the downloads")

	p, err := eligibility.DecodeProject(record)
	require.NoError(t, err)
	v, err := eligibility.Default().Evaluate(p, criteria.MustParseDate(submission))
	require.NoError(t, err)
	for _, tt := range []struct{ path, ct, want string }{
		{"/check/report.html", "text/html; charset=utf-8", "不符合入库标准"},
		{"/check/report.md", "text/markdown; charset=utf-8", "BD-4"},
		{"/check/verdict.json", "application/json", v.Provenance.ProjectHash},
	} {
		form := url.Values{"record": {string(record)}, "asOf": {submission}, "lang": {"zh"}}
		resp, body := do(t, ts, http.MethodPost, tt.path, "application/x-www-form-urlencoded", []byte(form.Encode()))
		require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
		assert.Equal(t, tt.ct, resp.Header.Get("Content-Type"))
		assert.True(t, strings.HasPrefix(resp.Header.Get("Content-Disposition"), "attachment; filename=intake-JL761-BD-2020-0312-2020-07-20."), resp.Header.Get("Content-Disposition"))
		assert.Contains(t, string(body), tt.want)
	}
}

// TestRulesPage lists every criterion and parameter of the rule set.
func TestRulesPage(t *testing.T) {
	ts := startWeb(t, eligibility.Default(), defaultConfig())
	resp, body := do(t, ts, http.MethodGet, "/rules", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, pageCSP, resp.Header.Get("Content-Security-Policy"))
	rs := criteria.Default()
	for _, c := range rs.Criteria {
		assert.Contains(t, string(body), `<tr id="rule-`+c.ID+`"><td>`+c.ID+`</td><td>`+c.Ref+`</td>`)
	}
	for _, p := range rs.Parameters {
		assert.Contains(t, string(body), `id="param-`+p.Name+`"`)
	}
	assert.Contains(t, string(body), "各项参数均为文件原文所定之值。")
	assert.NotRegexp(t, `\{[a-zA-Z]+\}`, string(body), "every placeholder is written with its value")
	assert.True(t, strings.Contains(string(body), "<td>项目总投资额度不小于500万元（含本数）</td>"), "BD-4's requirement with the floor in force")
	_, form := do(t, ts, http.MethodGet, "/?category=industrial-internet", "", nil)
	assert.NotRegexp(t, `\{[a-zA-Z]+\}`, string(form), "the form's labels too")
}

// TestRuleSetFlag runs a variant and checks every page names it and says what it
// changes from the letter, in the words of its parameters.
func TestRuleSetFlag(t *testing.T) {
	e, desc, err := loadEngine("../rulesets/floor-10m.yaml")
	require.NoError(t, err)
	require.Equal(t, "floor-10m", e.RuleSet().Name)
	cfg := defaultConfig()
	cfg.ruleSetDescription = desc
	ts := startWeb(t, e, cfg)
	floor, ok := e.RuleSet().Parameter("minTotalInvestment")
	require.True(t, ok)
	adj, ok := floor.Adjustment(floor.Values[len(floor.Values)-1].Value)
	require.True(t, ok, "the variant departs from the letter")
	for _, path := range []string{"/", "/rules", "/?lang=en"} {
		_, body := do(t, ts, http.MethodGet, path, "", nil)
		assert.Contains(t, string(body), `<strong id="ruleset-name">floor-10m</strong>`, path)
		lang := "zh"
		if strings.Contains(path, "en") {
			lang = "en"
		}
		assert.Contains(t, string(body), template_escape(words(lang, desc)), path)
		assert.Contains(t, string(body), template_escape(words(lang, adj)), path)
	}
	resp, body := postForm(t, ts, "/check", map[string]string{"asOf": submission}, readSample(t, "bigdata-eligible-baishan-threshold-datacenter.json"))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "不符合入库标准", decisionOf(body), "the variant's floor decides")
	assert.Contains(t, body, `<strong id="ruleset-name">floor-10m</strong>`)

	_, _, err = loadEngine("../rulesets/missing.yaml")
	assert.Error(t, err)
}

func template_escape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s)
}

// TestErrorsByInput files problems under their inputs: exact, list items, nested parts.
func TestErrorsByInput(t *testing.T) {
	names := map[string]bool{"investment.total": true, "bigDataContent": true, "incidents": true, "incidents[0].kind": true}
	got, rest := errorsByInput([]fieldError{
		{Path: "investment.total", Message: "a"},
		{Path: "bigDataContent[1]", Message: "b"},
		{Path: "incidents[0].kind", Message: "c"},
		{Path: "incidents[5].kind", Message: "d"},
		{Path: "unknownField", Message: "e"},
		{Path: "", Message: "f"},
	}, names, map[string]string{"investment.total": "项目总投资"})
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range got {
			if !yield(k) {
				return
			}
		}
	})
	assert.Equal(t, []string{"bigDataContent", "incidents", "incidents[0].kind", "investment.total"}, keys)
	assert.Equal(t, "「项目总投资」填写有误（investment.total）", got["investment.total"][0].Zh)
	assert.Equal(t, "a", got["investment.total"][0].En)
	assert.Len(t, rest, 2)
}

// TestCheckBodyLimit reads a form, upload included, into memory only up to -max-body:
// a larger one is a 413, never spilled to a temporary file.
func TestCheckBodyLimit(t *testing.T) {
	cfg := defaultConfig()
	cfg.maxBody = 2048
	ts := startWeb(t, eligibility.Default(), cfg)
	resp, body := postForm(t, ts, "/check", map[string]string{"asOf": submission}, bytes.Repeat([]byte(" "), 4096))
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, body)
	assert.Equal(t, problemContentType, resp.Header.Get("Content-Type"))
	resp, _ = do(t, ts, http.MethodPost, "/check", "text/plain", []byte("x"))
	assert.Equal(t, http.StatusUnsupportedMediaType, resp.StatusCode)
}

// TestRuleSetChanges lists what a variant changes in its criteria: rewritten ones by
// ID and clause; the letter's own rule set changes nothing.
func TestRuleSetChanges(t *testing.T) {
	for _, tt := range []struct {
		file string
		want []string
	}{
		{"", nil},
		{"../rulesets/stages-everywhere.yaml", []string{"改写准则 BD-5a (一(一)5)", "改写准则 BD-6c (一(一)6)"}},
		{"../rulesets/no-verification.yaml", []string{"改写准则 GEN-3 (三.2)"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			e, desc, err := loadEngine(tt.file)
			require.NoError(t, err)
			cfg := defaultConfig()
			cfg.ruleSetDescription = desc
			s, err := newServer(e, cfg, slog.New(slog.DiscardHandler))
			require.NoError(t, err)
			v := s.ruleSetView("zh")
			for _, w := range tt.want {
				assert.Contains(t, v.Changes, w)
			}
			if tt.want == nil {
				assert.Empty(t, v.Changes)
				assert.Empty(t, v.Description)
			} else {
				assert.Equal(t, desc.Zh, v.Description)
			}
		})
	}
}

// answerRecord reads the record an answer page carries for its downloads: the record
// the form built.
func answerRecord(t testing.TB, page string) map[string]any {
	t.Helper()
	m := regexp.MustCompile(`name="record" value="([^"]*)"`).FindStringSubmatch(page)
	require.NotNil(t, m, "the answer page carries the record")
	var rec map[string]any
	require.NoError(t, json.Unmarshal([]byte(html.UnescapeString(m[1])), &rec))
	return rec
}

// outcomeOf evaluates a record the page built and returns one criterion's outcome.
func outcomeOf(t testing.TB, rec map[string]any, id string) eligibility.Outcome {
	t.Helper()
	data, err := json.Marshal(rec)
	require.NoError(t, err)
	p, err := eligibility.DecodeProject(data)
	require.NoError(t, err)
	v, err := eligibility.Default().Evaluate(p, criteria.MustParseDate(submission))
	require.NoError(t, err)
	for _, r := range v.Results {
		if r.ID == id {
			return r.Outcome
		}
	}
	t.Fatalf("no result for %s", id)
	return ""
}

// TestCheckFormBoxes posts the boxes of the check page: a list of codes ticked box by
// box, its "none" box, and a 三.2 form field's "left blank" box, and checks the record
// the form builds and what the criteria that read it make of it.
func TestCheckFormBoxes(t *testing.T) {
	ts := startWeb(t, eligibility.Default(), defaultConfig())
	base := map[string]string{"lang": "en", "asOf": submission, "category": "bigdata", "subtype": "datacenter"}
	for _, tt := range []struct {
		name    string
		vals    map[string]string
		path    []string // where in the record
		want    any      // what it holds there; nil: the key is left out
		id      string
		outcome eligibility.Outcome
	}{
		{"ticked codes make the list", map[string]string{"bigDataContent": "storage\nanalysis"},
			[]string{"bigDataContent"}, []any{"storage", "analysis"}, "BD-1a", eligibility.Pass},
		{"only codes that do not count", map[string]string{"bigDataContent": "facilities"},
			[]string{"bigDataContent"}, []any{"facilities"}, "BD-1a", eligibility.Fail},
		{"nothing ticked leaves the list out", map[string]string{},
			[]string{"bigDataContent"}, nil, "BD-1a", eligibility.OutcomeUndetermined},
		{"none states the list empty", map[string]string{nonePrefix + "bigDataContent": "yes"},
			[]string{"bigDataContent"}, []any{}, "BD-1a", eligibility.Fail},
		{"none states 5G technologies empty", map[string]string{"category": "industrial-internet", "subtype": "5g-infrastructure", nonePrefix + "fiveG.technologies": "yes"},
			[]string{"fiveG", "technologies"}, []any{}, "II-2a", eligibility.Fail},
		{"5G technologies not stated", map[string]string{"category": "industrial-internet", "subtype": "5g-infrastructure"},
			[]string{"fiveG", "technologies"}, nil, "II-2a", eligibility.OutcomeUndetermined},
		{"the progress left blank", map[string]string{blankPrefix + "form.progress": "yes"},
			[]string{"form", "progress"}, "", "GEN-2", eligibility.Fail},
		{"the responsible person left blank", map[string]string{blankPrefix + "form.responsiblePerson": "yes"},
			[]string{"form", "responsiblePerson"}, "", "GEN-4", eligibility.Fail},
		{"the blank box states the field blank", map[string]string{blankPrefix + "form.constructionScale": "yes"},
			[]string{"form", "constructionScale"}, "", "GEN-1", eligibility.Fail},
		{"a blank input without the box states nothing", map[string]string{"form.constructionScale": ""},
			[]string{"form", "constructionScale"}, nil, "GEN-1", eligibility.OutcomeUndetermined},
		{"a typed value", map[string]string{"form.constructionScale": "机柜200个"},
			[]string{"form", "constructionScale"}, "机柜200个", "GEN-1", eligibility.Pass},
		{"the completed investment left blank", map[string]string{blankPrefix + "investment.completed": "yes", "investment.completedVerified": "true", "investment.total": "6000000"},
			[]string{"investment", "completed"}, "", "GEN-3", eligibility.Fail},
	} {
		t.Run(tt.name, func(t *testing.T) {
			vals := maps.Clone(base)
			maps.Copy(vals, tt.vals)
			resp, body := postForm(t, ts, "/check", vals, nil)
			require.Equal(t, http.StatusOK, resp.StatusCode, body)
			rec := answerRecord(t, body)
			var got any = rec
			for _, k := range tt.path {
				m, _ := got.(map[string]any)
				got = m[k]
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.outcome, outcomeOf(t, rec, tt.id))
			assert.Equal(t, tt.outcome == eligibility.Fail, strings.Contains(body, `id="fail-`+tt.id+`"`), "the page shows %s failing", tt.id)
		})
	}

	t.Run("urlencoded, a name once a box", func(t *testing.T) {
		form := url.Values{"asOf": {submission}, "category": {"industrial-internet"}, "subtype": {"5g-infrastructure"},
			"fiveG.technologies": {"network-slicing", "public-macro-coverage"}, "lang": {"en"}}
		resp, body := do(t, ts, http.MethodPost, "/check", "application/x-www-form-urlencoded", []byte(form.Encode()))
		require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
		rec := answerRecord(t, string(body))
		assert.Equal(t, map[string]any{"technologies": []any{"network-slicing", "public-macro-coverage"}}, rec["fiveG"])
	})

	t.Run("a box beside what it contradicts", func(t *testing.T) {
		vals := maps.Clone(base)
		maps.Copy(vals, map[string]string{
			"bigDataContent": "storage", nonePrefix + "bigDataContent": "yes",
			"form.progress": "已开工", blankPrefix + "form.progress": "yes",
			"investment.total": "-1",
		})
		resp, body := postForm(t, ts, "/check", vals, nil)
		require.Equal(t, http.StatusBadRequest, resp.StatusCode, body)
		assert.Regexp(t, `Please correct these problems \(3\)`, body, "the boxes' problems and the record's, at once")
		for _, tt := range []struct{ id, zh string }{
			{"f-bigDataContent", "勾选了“无”，又勾选了其中的项目"},
			{"f-form-progress", "勾选了“表单中此栏留空”，又填写了内容"},
		} {
			i := strings.Index(body, `id="`+tt.id+`"`)
			require.Positive(t, i, tt.id)
			end := strings.Index(body[i:], `<div class="field`) // the next field
			require.Positive(t, end)
			assert.Contains(t, body[i:i+end], tt.zh, "the problem is next to %s", tt.id)
		}
		assert.Contains(t, body, `id="f-bigDataContent-storage" name="bigDataContent" value="storage" checked`, "what was ticked is kept")
		assert.Contains(t, body, `name="none:bigDataContent" value="yes" checked`)
		assert.Contains(t, body, `name="blank:form.progress" value="yes" checked`)
	})
}

// TestCheckPageBoxes checks each list of codes is offered as one box a code, named in
// the page's language with the code beside, and each 三.2 form field with its blank
// box; and that every list of codes the record schema has is offered so.
func TestCheckPageBoxes(t *testing.T) {
	ts := startWeb(t, eligibility.Default(), defaultConfig())
	for _, lang := range []string{"zh", "en"} {
		check := func(cat, path string, codes []string, name func(string) criteria.Text) {
			_, body := do(t, ts, http.MethodGet, "/?category="+cat+"&lang="+lang, "", nil)
			for _, c := range codes {
				assert.Contains(t, string(body), `<input type="checkbox" id="`+inputID(path)+"-"+c+`" name="`+path+`" value="`+c+`"> <span>`+
					template_escape(words(lang, name(c)))+` <code>`+c+`</code></span>`, "%s %s", path, c)
			}
			assert.Contains(t, string(body), `name="`+nonePrefix+path+`" value="yes">`)
			assert.NotContains(t, string(body), `<textarea id="`+inputID(path)+`"`)
			for _, p := range formBlanks {
				assert.Contains(t, string(body), `name="`+blankPrefix+p+`" value="yes">`, p)
			}
			assert.Contains(t, string(body), tr(lang, "表单中此栏留空", "Left blank on the form"))
		}
		check("bigdata", "bigDataContent", strs(category.BigDataContents()), func(c string) criteria.Text { return nameOf(category.BigDataContent(c)) })
		check("industrial-internet", "fiveG.technologies", strs(category.FiveGTechnologies()), func(c string) criteria.Text { return nameOf(category.FiveGTechnology(c)) })
		check("industrial-internet", "intranet.technologies", strs(category.IntranetTechnologies()), func(c string) criteria.Text { return nameOf(category.IntranetTechnology(c)) })
	}
	_, body := do(t, ts, http.MethodGet, "/?category=industrial-internet", "", nil)
	assert.Contains(t, string(body), `<textarea id="f-fiveG-scenarios" name="fiveG.scenarios"`, "a list of free text stays a textarea")

	// Every list of codes in the record schema has its boxes.
	data, err := os.ReadFile("schema/project.schema.json")
	require.NoError(t, err)
	var schema map[string]any
	require.NoError(t, json.Unmarshal(data, &schema))
	defs := schema["$defs"].(map[string]any)
	resolve := func(n map[string]any) map[string]any {
		for {
			ref, ok := n["$ref"].(string)
			if !ok {
				return n
			}
			n = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
	}
	var lists []string
	var walk func(path string, n map[string]any)
	walk = func(path string, n map[string]any) {
		n = resolve(n)
		if items, ok := n["items"].(map[string]any); ok && resolve(items)["enum"] != nil {
			lists = append(lists, path)
		}
		props, _ := n["properties"].(map[string]any)
		for k, v := range props {
			p := k
			if path != "" {
				p = path + "." + k
			}
			walk(p, v.(map[string]any))
		}
	}
	walk("", schema)
	assert.ElementsMatch(t, slices.Collect(maps.Keys(codeLists)), lists)
}

func strs[T ~string](l []T) []string {
	out := make([]string, len(l))
	for i, c := range l {
		out[i] = string(c)
	}
	return out
}
