package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// submission is the letter's submission date, on which the sample projects' file names
// promise their decisions.
const submission = "2020-07-20"

// sample is one sample project with the verdict the library gives it on submission.
type sample struct {
	name    string
	record  []byte
	verdict []byte // json.Marshal of the verdict, then a newline: what the API must answer
}

// samples loads examples/projects/*.json and evaluates each with the library directly,
// which is the reference the API must match byte for byte.
func samples(t testing.TB) []sample {
	t.Helper()
	files, err := filepath.Glob("../projects/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var out []sample
	for _, f := range files {
		record, err := os.ReadFile(f)
		require.NoError(t, err)
		p, err := eligibility.DecodeProject(record)
		require.NoError(t, err)
		v, err := eligibility.Default().Evaluate(p, criteria.MustParseDate(submission))
		require.NoError(t, err)
		verdict, err := json.Marshal(v)
		require.NoError(t, err)
		out = append(out, sample{name: filepath.Base(f), record: record, verdict: append(verdict, '\n')})
	}
	return out
}

// start serves the API on a loopback port with the production http.Server settings.
func start(t testing.TB, e engine, cfg config) *httptest.Server {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	h, err := newServer(e, cfg, log)
	require.NoError(t, err)
	var checked http.Handler = h
	if _, bench := t.(*testing.B); !bench {
		checked = conforming(t, h) // every answer a test receives is checked against openapi.json
	}
	ts := httptest.NewUnstartedServer(checked)
	ts.Config = httpServer(checked, cfg, log)
	ts.Listener = newProblemListener(ts.Listener, ts.Config, log)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

// slowEngine delays every evaluation, or every one after the first `after`, until its
// context is done: it stands in for a verdict that cannot be reached before the deadline.
type slowEngine struct {
	*eligibility.Engine
	after int
	calls chan struct{} // one token per call, so after counts across goroutines
}

func newSlowEngine(after int) *slowEngine {
	return &slowEngine{Engine: eligibility.Default(), after: after, calls: make(chan struct{}, 1<<16)}
}

func (e *slowEngine) EvaluateContext(ctx context.Context, p *eligibility.Project, asOf eligibility.Date) (*eligibility.Verdict, error) {
	e.calls <- struct{}{}
	if len(e.calls) > e.after {
		<-ctx.Done()
	}
	return e.Engine.EvaluateContext(ctx, p, asOf)
}

// do sends one request and returns the response with its body read.
func do(t testing.TB, ts *httptest.Server, method, path, contentType string, body []byte, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, ts.URL+path, bytes.NewReader(body))
	require.NoError(t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := ts.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

// ndjson writes records one per line.
func ndjson(t testing.TB, records ...[]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, r := range records {
		require.NoError(t, json.Compact(&b, r))
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// requireProblem checks an RFC 9457 answer: the media type, the members and their
// agreement with the status line, and returns it.
func requireProblem(t testing.TB, resp *http.Response, body []byte) problem {
	t.Helper()
	require.Equal(t, problemContentType, resp.Header.Get("Content-Type"), "%s", body)
	var members map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(body, &members), "%s", body)
	for name := range members {
		assert.Contains(t, []string{"type", "title", "status", "detail", "errors", "omitted", "index", "line", "column", "offset"}, name, "unexpected member %q", name)
	}
	var p problem
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&p))
	assert.Equal(t, resp.StatusCode, p.Status, "the status member repeats the status line")
	assert.NotEmpty(t, p.Type)
	assert.NotEmpty(t, p.Title)
	if p.Type == typeBlank {
		assert.Equal(t, http.StatusText(p.Status), p.Title, "RFC 9457 §4.2.1: about:blank takes the status's title")
	}
	for _, e := range p.Errors {
		assert.NotEmpty(t, e.Message, "every error says what is wrong")
		if p.Type == typeInvalidProject && e.Path != "" {
			assert.NotEmpty(t, e.MessageZh, "a record's problem at %s says it in Chinese too", e.Path)
		}
	}
	return p
}

// A record's problems come in Chinese beside the English: messageZh is the library's
// FieldError.Zh.
func TestProblemInChinese(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	resp, body := do(t, ts, "POST", "/v1/evaluate?asOf=2020-07-20", jsonContentType,
		[]byte(`{"category":"ai","applicant":{"creditCod":"x"},"investment":{"total":"5百万"}}`))
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s", body)
	p := requireProblem(t, resp, body)
	require.Len(t, p.Errors, 2, "%s", body)
	assert.Equal(t, "applicant.creditCod", p.Errors[0].Path)
	assert.Equal(t, `未知字段`, p.Errors[0].MessageZh)
	assert.Equal(t, "investment.total", p.Errors[1].Path)
	assert.Contains(t, p.Errors[1].MessageZh, `"5百万" 不是金额：请写成数字字符串，如 "5000000.00"`)
	assert.Contains(t, p.Errors[1].Message, `"5百万" is not a decimal amount`, "the English is as before")
}

// TestEvaluateMatchesLibrary checks every sample's verdict is exactly the library's.
func TestEvaluateMatchesLibrary(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	for _, s := range samples(t) {
		t.Run(s.name, func(t *testing.T) {
			resp, body := do(t, ts, http.MethodPost, "/v1/evaluate?asOf="+submission, jsonContentType, s.record)
			require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
			assert.Equal(t, jsonContentType, resp.Header.Get("Content-Type"))
			assert.Equal(t, string(s.verdict), string(body))
		})
	}
}

// TestStatusCodes pins the status, and for errors the problem, of each kind of request.
func TestStatusCodes(t *testing.T) {
	small := defaultConfig()
	small.maxBody = 2 << 10
	small.maxBatchBody = 8 << 10
	small.maxBatchRecords = 3
	ts := start(t, eligibility.Default(), small)
	record, err := os.ReadFile("../projects/ai-eligible-changchun-medical-imaging.json")
	require.NoError(t, err)
	big := []byte(`{"category":"ai","name":"` + strings.Repeat("项", 1000) + `"}`) // 3 kB > 2 KiB

	tests := []struct {
		name        string
		method      string
		path        string
		contentType string
		body        []byte
		header      []string
		wantStatus  int
		wantType    string   // for errors: the problem type
		wantPaths   []string // for errors: the paths of the errors extension
		wantAllow   string
		why         string
	}{
		{name: "evaluate", method: "POST", path: "/v1/evaluate?asOf=2020-07-20", contentType: jsonContentType, body: record,
			wantStatus: 200, why: "a valid record gets its verdict"},
		{name: "evaluate without Content-Type", method: "POST", path: "/v1/evaluate?asOf=2020-07-20", body: record,
			wantStatus: 200, why: "a body without a media type is taken as JSON"},
		{name: "evaluate with charset", method: "POST", path: "/v1/evaluate?asOf=2020-07-20", contentType: "application/json; charset=utf-8", body: record,
			wantStatus: 200, why: "media type parameters are allowed"},
		{name: "missing asOf", method: "POST", path: "/v1/evaluate", contentType: jsonContentType, body: record,
			wantStatus: 400, wantType: typeInvalidRequest, wantPaths: []string{"asOf"},
			why: "the evaluation date is required; the server never defaults it to today"},
		{name: "asOf not a date", method: "POST", path: "/v1/evaluate?asOf=2021-02-29", contentType: jsonContentType, body: record,
			wantStatus: 400, wantType: typeInvalidRequest, wantPaths: []string{"asOf"}, why: "2021 has no 29 February"},
		{name: "not JSON", method: "POST", path: "/v1/evaluate?asOf=2020-07-20", contentType: jsonContentType, body: []byte(`{"category":`),
			wantStatus: 400, wantType: typeInvalidProject, wantPaths: []string{""}, why: "the body as a whole is bad"},
		{name: "not an object", method: "POST", path: "/v1/evaluate?asOf=2020-07-20", contentType: jsonContentType, body: []byte(`[]`),
			wantStatus: 400, wantType: typeInvalidProject, wantPaths: []string{""}, why: "one record is one object"},
		{name: "every decoding problem", method: "POST", path: "/v1/evaluate?asOf=2020-07-20", contentType: jsonContentType,
			body:       []byte(`{"category":"ai","applicant":{"creditCod":"x"},"investment":{"total":true}}`),
			wantStatus: 400, wantType: typeInvalidProject, wantPaths: []string{"applicant.creditCod", "investment.total"},
			why: "DecodeProject reports every JSON problem with its path"},
		{name: "every validation problem", method: "POST", path: "/v1/evaluate?asOf=2020-07-20", contentType: jsonContentType,
			body:       []byte(`{"category":"ai","subtype":"datacenter","applicant":{"creditCode":"91220101MA1567AD5X"}}`),
			wantStatus: 400, wantType: typeInvalidProject, wantPaths: []string{"applicant.creditCode", "subtype"},
			why: "the engine's validation names every offending field"},
		{name: "body too large", method: "POST", path: "/v1/evaluate?asOf=2020-07-20", contentType: jsonContentType, body: big,
			wantStatus: 413, wantType: typeBlank, why: "-max-body bounds one record"},
		{name: "form post", method: "POST", path: "/v1/evaluate?asOf=2020-07-20", contentType: "application/x-www-form-urlencoded", body: record,
			wantStatus: 415, wantType: typeBlank, why: "curl -d without a JSON media type is a mistake worth naming"},
		{name: "GET evaluate", method: "GET", path: "/v1/evaluate?asOf=2020-07-20",
			wantStatus: 405, wantType: typeBlank, wantAllow: "POST", why: "the method is wrong, not the path"},
		{name: "DELETE criteria", method: "DELETE", path: "/v1/criteria",
			wantStatus: 405, wantType: typeBlank, wantAllow: "GET, HEAD", why: "criteria are read-only"},
		{name: "unknown path", method: "GET", path: "/v1/verdicts",
			wantStatus: 404, wantType: typeBlank, why: "no such resource"},
		{name: "trailing slash", method: "POST", path: "/v1/evaluate/?asOf=2020-07-20", body: record,
			wantStatus: 404, wantType: typeBlank, why: "paths match exactly"},
		{name: "criteria", method: "GET", path: "/v1/criteria", wantStatus: 200, why: "the rule set"},
		{name: "healthz", method: "GET", path: "/healthz", wantStatus: 200, why: "liveness"},
		{name: "HEAD healthz", method: "HEAD", path: "/healthz", wantStatus: 200, why: "HEAD goes with GET"},
		{name: "batch: not an array", method: "POST", path: "/v1/evaluate:batch?asOf=2020-07-20", contentType: jsonContentType, body: record,
			wantStatus: 400, wantType: typeInvalidRequest, wantPaths: []string{""}, why: "application/json batches are arrays"},
		{name: "batch: too many records", method: "POST", path: "/v1/evaluate:batch?asOf=2020-07-20", contentType: jsonContentType,
			body:       []byte(`[{"category":"ai"},{"category":"ai"},{"category":"ai"},{"category":"ai"}]`),
			wantStatus: 413, wantType: typeBlank, why: "-max-batch-records bounds a batch"},
		{name: "batch: body too large", method: "POST", path: "/v1/evaluate:batch?asOf=2020-07-20", contentType: ndjsonContentType,
			body: bytes.Repeat(append(big, '\n'), 3), wantStatus: 413, wantType: typeBlank, why: "-max-batch-body bounds a batch"},
		{name: "batch: missing asOf", method: "POST", path: "/v1/evaluate:batch", contentType: ndjsonContentType, body: record,
			wantStatus: 400, wantType: typeInvalidRequest, wantPaths: []string{"asOf"}, why: "batches need the date too"},
		{name: "batch: text/csv", method: "POST", path: "/v1/evaluate:batch?asOf=2020-07-20", contentType: "text/csv", body: []byte("a,b"),
			wantStatus: 415, wantType: typeBlank, why: "only JSON arrays and NDJSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := do(t, ts, tt.method, tt.path, tt.contentType, tt.body, tt.header...)
			require.Equal(t, tt.wantStatus, resp.StatusCode, "%s: %s", tt.why, body)
			assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
			if tt.wantAllow != "" {
				assert.Equal(t, tt.wantAllow, resp.Header.Get("Allow"), "a 405 names the methods that work")
			}
			if tt.wantStatus < 400 {
				assert.Equal(t, jsonContentType, resp.Header.Get("Content-Type"))
				return
			}
			p := requireProblem(t, resp, body)
			assert.Equal(t, tt.wantType, p.Type, tt.why)
			if tt.wantPaths != nil {
				var paths []string
				for _, e := range p.Errors {
					paths = append(paths, e.Path)
				}
				assert.Equal(t, tt.wantPaths, paths, tt.why)
			}
		})
	}
}

// TestCriteria checks GET /v1/criteria is the engine's rule set, with what an auditor
// needs of each criterion, and that its ETag revalidates.
func TestCriteria(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	resp, body := do(t, ts, http.MethodGet, "/v1/criteria", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)

	var got struct {
		Name       string `json:"name"`
		Document   string `json:"document"`
		Parameters []struct {
			Name   string            `json:"name"`
			Ref    string            `json:"ref"`
			Values []json.RawMessage `json:"values"`
		} `json:"parameters"`
		Criteria []map[string]json.RawMessage `json:"criteria"`
	}
	require.NoError(t, json.Unmarshal(body, &got))
	rs := eligibility.Default().RuleSet()
	assert.Equal(t, rs.Name, got.Name)
	assert.Equal(t, rs.Document, got.Document)
	require.Len(t, got.Criteria, len(rs.Criteria))
	require.Len(t, got.Parameters, len(rs.Parameters))
	for i, c := range got.Criteria {
		for _, key := range []string{"id", "ref", "source", "summary", "strength", "basis", "require", "message"} {
			assert.Contains(t, c, key, "criterion %d", i)
		}
		assert.JSONEq(t, `"`+rs.Criteria[i].ID+`"`, string(c["id"]), "in rule order")
	}
	for _, p := range got.Parameters {
		assert.NotEmpty(t, p.Ref, p.Name)
		assert.NotEmpty(t, p.Values, p.Name)
	}

	etag := resp.Header.Get("ETag")
	require.NotEmpty(t, etag)
	resp, body = do(t, ts, http.MethodGet, "/v1/criteria", "", nil, "If-None-Match", etag)
	assert.Equal(t, http.StatusNotModified, resp.StatusCode)
	assert.Empty(t, body)
}

// TestHealthz checks the health answer names the version and rule set.
func TestHealthz(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	resp, body := do(t, ts, http.MethodGet, "/healthz", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.JSONEq(t, `{"status":"ok","version":"`+eligibility.Version+`","ruleSet":"`+eligibility.Default().RuleSet().Name+`"}`, string(body))
}

// TestDeadline checks a verdict not reached before the per-request deadline is a 503
// problem, and that the handler stops rather than answering late.
func TestDeadline(t *testing.T) {
	cfg := defaultConfig()
	cfg.timeout = 200 * time.Millisecond
	ts := start(t, newSlowEngine(0), cfg)
	record, err := os.ReadFile("../projects/ai-eligible-changchun-medical-imaging.json")
	require.NoError(t, err)

	began := time.Now()
	resp, body := do(t, ts, http.MethodPost, "/v1/evaluate?asOf="+submission, jsonContentType, record)
	require.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, "%s", body)
	requireProblem(t, resp, body)
	assert.Less(t, time.Since(began), 5*time.Second, "answered at the deadline, not after the engine")

	resp, body = do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, ndjsonContentType, ndjson(t, record))
	require.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, "no slot was written yet, so the batch has its own status: %s", body)
	requireProblem(t, resp, body)
}

// TestSlowBody checks a body that does not arrive before the deadline is a 408.
func TestSlowBody(t *testing.T) {
	cfg := defaultConfig()
	cfg.timeout = 300 * time.Millisecond
	ts := start(t, eligibility.Default(), cfg)
	pr, pw := io.Pipe()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, ts.URL+"/v1/evaluate?asOf="+submission, pr)
	require.NoError(t, err)
	req.ContentLength = 1000
	go func() {
		_, _ = pw.Write([]byte(`{"category":`)) // and then nothing, until the test ends
		<-t.Context().Done()
		pw.Close()
	}()
	resp, err := ts.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusRequestTimeout, resp.StatusCode, "%s", body)
	requireProblem(t, resp, body)
}

// A body of one key repeated a hundred thousand times gave an 11.8 MB answer listing
// every duplicate; the answer lists the first problems and counts the rest.
func TestProblemsAreBounded(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	var b strings.Builder
	b.WriteString(`{"category":"bigdata"`)
	for range 100_000 {
		b.WriteString(`,"x":1`)
	}
	b.WriteString("}")
	resp, body := do(t, ts, http.MethodPost, "/v1/evaluate?asOf=2020-07-20", jsonContentType, []byte(b.String()))
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	p := requireProblem(t, resp, body)
	assert.Len(t, p.Errors, criteria.MaxListedProblems)
	assert.Equal(t, 100_000-criteria.MaxListedProblems, p.Omitted)
	assert.Equal(t, "100000 problems in the record; the first 100 are listed", p.Detail)
	assert.Less(t, len(body), 64<<10, "a bounded answer")
}
