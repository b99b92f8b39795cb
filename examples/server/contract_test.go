package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

// TestArrayBatchBoundsEachRecord checks a JSON-array batch holds each record to the
// limit of one record, as NDJSON does: a record over -max-body gets a 413 slot and the
// batch goes on, rather than spending the CPU a 32 MiB record costs.
func TestArrayBatchBoundsEachRecord(t *testing.T) {
	cfg := defaultConfig()
	cfg.maxBody = 16 << 10
	ts := start(t, eligibility.Default(), cfg)
	s := samples(t)
	big := `{"category":"ai","name":"` + strings.Repeat("x", 20<<10) + `"}`
	body := "[" + string(s[0].record) + "," + big + "," + string(s[1].record) + "]"

	resp, out := do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, jsonContentType, []byte(body))
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", out)
	var slots []json.RawMessage
	require.NoError(t, json.Unmarshal(out, &slots))
	require.Len(t, slots, 3, "one slot per record")
	assert.JSONEq(t, string(s[0].verdict), string(slots[0]))
	assert.JSONEq(t, string(s[1].verdict), string(slots[2]), "the batch goes on after the large record")
	var p problem
	require.NoError(t, json.Unmarshal(slots[1], &p))
	assert.Equal(t, http.StatusRequestEntityTooLarge, p.Status)
	require.NotNil(t, p.Index)
	assert.Equal(t, 1, *p.Index)
	assert.Contains(t, p.Detail, strconv.Itoa(16<<10))
}

// slotStatuses are the statuses a batch's problem slot can have: a bad record (400), a
// stalled body (408), a record or batch over a limit (413), a bug (500) and the deadline
// (503). The README must list each of them.
var slotStatuses = []int{400, 408, 413, 500, 503}

// TestBatchStalledBody checks an NDJSON batch whose body stops arriving after its first
// record ends with a 408 slot naming the first record not read, and that the README's
// list of slot statuses is the one the server gives.
func TestBatchStalledBody(t *testing.T) {
	cfg := defaultConfig()
	cfg.timeout = 500 * time.Millisecond
	ts := start(t, eligibility.Default(), cfg)
	s := samples(t)
	pr, pw := io.Pipe()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, ts.URL+"/v1/evaluate:batch?asOf="+submission, pr)
	require.NoError(t, err)
	req.Header.Set("Content-Type", ndjsonContentType)
	go func() {
		_, _ = pw.Write(ndjson(t, s[0].record))
		_, _ = pw.Write([]byte(`{"category":`)) // and then nothing, until the test ends
		<-t.Context().Done()
		pw.Close()
	}()
	resp, err := ts.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var lines []string
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	require.Len(t, lines, 2, "%q", lines)
	assert.JSONEq(t, string(s[0].verdict), lines[0])
	var p problem
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &p))
	assert.Equal(t, http.StatusRequestTimeout, p.Status)
	require.NotNil(t, p.Index)
	assert.Equal(t, 1, *p.Index, "the first record not evaluated")
	require.Contains(t, slotStatuses, p.Status)

	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	m := regexp.MustCompile(`A problem slot's status is one of ([0-9, and]+)[.:]`).FindSubmatch(readme)
	require.NotNil(t, m, "the README lists the statuses of a problem slot")
	var listed []int
	for _, f := range regexp.MustCompile(`[0-9]{3}`).FindAll(m[1], -1) {
		n, _ := strconv.Atoi(string(f))
		listed = append(listed, n)
	}
	assert.Equal(t, slotStatuses, listed, "the README lists every status a slot can have, and no other")
}

// rawExchange sends raw bytes on a new connection and returns everything the server
// answers until it closes the connection.
func rawExchange(t *testing.T, ts *httptest.Server, request string, wait time.Duration) *http.Response {
	t.Helper()
	c, err := net.Dial("tcp", ts.Listener.Addr().String())
	require.NoError(t, err)
	defer c.Close()
	_, err = io.WriteString(c, request)
	require.NoError(t, err)
	require.NoError(t, c.SetReadDeadline(time.Now().Add(wait)))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	require.NoError(t, err, "the server answers")
	return resp
}

// TestHeaderErrorsAreProblems checks that the requests net/http refuses before the API
// sees them (a header too large, malformed, or too slow) are answered with the API's
// problem+json, not net/http's text/plain or a silent close.
func TestHeaderErrorsAreProblems(t *testing.T) {
	cfg := defaultConfig()
	cfg.timeout = 300 * time.Millisecond // the header deadline follows it
	ts := start(t, eligibility.Default(), cfg)
	tests := []struct {
		name       string
		request    string
		wantStatus int
		wantDetail string
	}{
		{"huge header", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 80<<10) + "\r\n\r\n",
			http.StatusRequestHeaderFieldsTooLarge, "limit of 65536 bytes"},
		{"malformed header", "GET /healthz HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n", http.StatusBadRequest, "not valid HTTP/1.1"},
		{"no Host", "GET /healthz HTTP/1.1\r\n\r\n", http.StatusBadRequest, "missing required Host header"},
		{"slow header", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ", http.StatusRequestTimeout, "not received within 300ms"},
		{"slow request line", "GET /heal", http.StatusRequestTimeout, "not received within 300ms"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := rawExchange(t, ts, tt.request, 5*time.Second)
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			require.Equal(t, tt.wantStatus, resp.StatusCode, "%s", body)
			p := requireProblem(t, resp, body)
			assert.Contains(t, p.Detail, tt.wantDetail)
			assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
		})
	}
	// The connection wrapper leaves ordinary answers alone, on a kept-alive connection too.
	resp, body := do(t, ts, http.MethodGet, "/healthz", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
}

// TestParseServerError pins what counts as net/http's own error answer.
func TestParseServerError(t *testing.T) {
	tests := []struct {
		in         string
		wantStatus int
		wantText   string
		wantOK     bool
	}{
		{"HTTP/1.1 431 Request Header Fields Too Large" + serverErrorHeaders + "431 Request Header Fields Too Large", 431, "", true},
		{"HTTP/1.1 400 Bad Request: missing required Host header" + serverErrorHeaders + "400 Bad Request: missing required Host header", 400, "missing required Host header", true},
		{"HTTP/1.1 501 Not Implemented" + serverErrorHeaders + "Unsupported transfer encoding", 501, "", true},
		{"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{}", 0, "", false},
		{"HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nDate: x\r\n\r\n{}", 0, "", false},
		{`{"status":400}`, 0, "", false},
	}
	for _, tt := range tests {
		status, text, ok := parseServerError([]byte(tt.in))
		assert.Equal(t, tt.wantOK, ok, tt.in)
		assert.Equal(t, tt.wantStatus, status, tt.in)
		assert.Equal(t, tt.wantText, text, tt.in)
	}
}

// TestQueryParameters checks the query is read strictly: a parameter given twice or
// unknown to the endpoint, and an asOf before the rule set took effect, are 400s naming
// the parameter, all at once.
func TestQueryParameters(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	record := samples(t)[0].record
	tests := []struct {
		name      string
		method    string
		path      string
		wantPaths []string
		wantText  string
	}{
		{"asOf twice", "POST", "/v1/evaluate?asOf=2020-07-20&asOf=2021-01-01", []string{"asOf"}, "given 2 times"},
		{"unknown parameter", "POST", "/v1/evaluate?asOf=2020-07-20&ruleSet=floor-10m", []string{"ruleSet"}, "takes only asOf"},
		{"every problem at once", "POST", "/v1/evaluate:batch?asOf=2020-07-20&asOf=2020-07-21&lang=en&ruleSet=x",
			[]string{"asOf", "lang", "ruleSet"}, "3 problems"},
		{"before the rule set took effect", "POST", "/v1/evaluate?asOf=2020-07-09", []string{"asOf"}, "before 2020-07-10"},
		{"batch before the rule set took effect", "POST", "/v1/evaluate:batch?asOf=2019-01-01", []string{"asOf"}, "before 2020-07-10"},
		{"criteria takes none", "GET", "/v1/criteria?version=2", []string{"version"}, "takes no query parameters"},
		{"query does not parse", "POST", "/v1/evaluate?asOf=%zz", []string{""}, "does not parse"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body []byte
			if tt.method == "POST" {
				body = record
			}
			resp, out := do(t, ts, tt.method, tt.path, jsonContentType, body)
			require.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s", out)
			p := requireProblem(t, resp, out)
			assert.Equal(t, typeInvalidRequest, p.Type)
			var paths []string
			for _, e := range p.Errors {
				paths = append(paths, e.Path)
			}
			assert.Equal(t, tt.wantPaths, paths)
			assert.Contains(t, string(out), tt.wantText)
		})
	}
	resp, out := do(t, ts, http.MethodPost, "/v1/evaluate?asOf=2020-07-10", jsonContentType, record)
	assert.Equal(t, http.StatusOK, resp.StatusCode, "the effective date itself is in force: %s", out)
}

// TestEncodingErrors checks a body that is not UTF-8 JSON text is refused with a message
// naming what it is instead, in a record's answer and in a batch's slot.
func TestEncodingErrors(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	record := samples(t)[0].record
	// 人工智能 in GBK: what a Chinese Windows editor saves by default.
	gbk := []byte("{\"category\":\"ai\",\"name\":\"\xc8\xcb\xb9\xa4\xd6\xc7\xc4\xdc\"}")
	utf16 := []byte{0xFF, 0xFE, '{', 0, '}', 0}
	latin := []byte("{\"category\":\"ai\",\"name\":\"caf\xe9\xff\"}")
	tests := []struct {
		name     string
		body     []byte
		wantText string
	}{
		{"UTF-8 BOM", append([]byte("\xEF\xBB\xBF"), record...), "byte-order mark (bytes EF BB BF)"},
		{"UTF-16", utf16, "UTF-16"},
		{"GBK", gbk, "GBK/GB 18030"},
		{"GB 18030 four-byte", []byte("{\"category\":\"ai\",\"name\":\"\x81\x30\x81\x30\xc8\xcb\"}"), "GBK/GB 18030"},
		{"neither", latin, "byte 28 (E9) does not begin a UTF-8 character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, out := do(t, ts, http.MethodPost, "/v1/evaluate?asOf="+submission, jsonContentType, tt.body)
			require.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s", out)
			p := requireProblem(t, resp, out)
			assert.Equal(t, typeInvalidProject, p.Type)
			require.Len(t, p.Errors, 1)
			assert.Contains(t, p.Errors[0].Message, tt.wantText)
		})
	}
	t.Run("array batch with a BOM", func(t *testing.T) {
		resp, out := do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, jsonContentType,
			append([]byte("\xEF\xBB\xBF["), append(record, ']')...))
		require.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s", out)
		assert.Contains(t, requireProblem(t, resp, out).Detail, "byte-order mark")
	})
	t.Run("NDJSON batch with a GBK record", func(t *testing.T) {
		body := append(ndjson(t, record), append(gbk, '\n')...)
		resp, out := do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, ndjsonContentType, body)
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s", out)
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		require.Len(t, lines, 2)
		assert.Contains(t, lines[1], "GBK/GB 18030")
	})
}

// TestSyntaxErrorLocation checks a JSON syntax error's problem carries its line, column
// and offset, computed from the *json.SyntaxError whatever the decoder's message says.
func TestSyntaxErrorLocation(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	body := []byte("{\n  \"category\": ,\n}")
	resp, out := do(t, ts, http.MethodPost, "/v1/evaluate?asOf="+submission, jsonContentType, body)
	require.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s", out)
	p := requireProblem(t, resp, out)
	require.NotNil(t, p.Line, "%s", out)
	require.NotNil(t, p.Column)
	require.NotNil(t, p.Offset)
	assert.Equal(t, 2, *p.Line)
	assert.Equal(t, 15, *p.Column, "the comma is the 15th character of line 2")
	assert.Equal(t, int64(17), *p.Offset, "17 bytes read, the comma the last")

	// In a batch the position is within the record of the slot; columns count characters.
	resp, out = do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, ndjsonContentType,
		[]byte("{\"category\":\"ai\"}\n{\"name\":\"项目\" x}\n"))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	require.Len(t, lines, 2)
	var slot problem
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &slot))
	require.NotNil(t, slot.Line, "%s", lines[1])
	assert.Equal(t, 1, *slot.Line)
	assert.Equal(t, 14, *slot.Column)
	assert.Equal(t, int64(len(`{"name":"项目" x`)), *slot.Offset)

	// A problem that is not a syntax error has no position.
	resp, out = do(t, ts, http.MethodPost, "/v1/evaluate?asOf="+submission, jsonContentType, []byte(`{"category":"x"}`))
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Nil(t, requireProblem(t, resp, out).Line)
}

// TestValidateEndpoint checks POST /v1/validate runs evaluate's checks and nothing else.
func TestValidateEndpoint(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	for _, s := range samples(t) {
		resp, out := do(t, ts, http.MethodPost, "/v1/validate", jsonContentType, s.record)
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s: %s", s.name, out)
		assert.JSONEq(t, `{"valid":true}`, string(out))
	}
	bad := []byte(`{"category":"ai","subtype":"datacenter","applicant":{"creditCode":"91220101MA1567AD5X"}}`)
	for _, path := range []string{"/v1/validate", "/v1/validate?asOf=2020-07-20"} {
		resp, out := do(t, ts, http.MethodPost, path, jsonContentType, bad)
		require.Equal(t, http.StatusBadRequest, resp.StatusCode, "%s", out)
		p := requireProblem(t, resp, out)
		assert.Equal(t, typeInvalidProject, p.Type)
		assert.Len(t, p.Errors, 2, "the same problems evaluate reports")
	}
	resp, out := do(t, ts, http.MethodPost, "/v1/validate?asOf=2019-01-01", jsonContentType, samples(t)[0].record)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "an asOf, when given, is checked: %s", out)
	resp, _ = do(t, ts, http.MethodGet, "/v1/validate", "", nil)
	assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
}

// TestCriteriaCarriesRuleSetHash checks GET /v1/criteria names the rule-set hash, in
// its body and as its ETag, equal to the provenance.ruleSetHash of a verdict.
func TestCriteriaCarriesRuleSetHash(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	s := samples(t)[0]
	var v struct {
		Provenance struct {
			RuleSetHash string `json:"ruleSetHash"`
		} `json:"provenance"`
	}
	require.NoError(t, json.Unmarshal(s.verdict, &v))
	require.NotEmpty(t, v.Provenance.RuleSetHash)

	resp, body := do(t, ts, http.MethodGet, "/v1/criteria", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var got struct {
		RuleSetHash string `json:"ruleSetHash"`
		Name        string `json:"name"`
	}
	require.NoError(t, json.Unmarshal(body, &got))
	assert.Equal(t, v.Provenance.RuleSetHash, got.RuleSetHash)
	assert.Equal(t, `"`+v.Provenance.RuleSetHash+`"`, resp.Header.Get("ETag"))
	assert.NotEmpty(t, got.Name, "the rule set follows the hash")
	assert.True(t, json.Valid(body))
}

// TestAccessLog checks each request writes one structured line with what was asked and
// what came of it, and nothing of what the record holds.
func TestAccessLog(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logs, nil))
	cfg := defaultConfig()
	h, err := newServer(eligibility.Default(), cfg, log)
	require.NoError(t, err)
	ts := httptest.NewUnstartedServer(h)
	ts.Config = httpServer(h, cfg, log)
	ts.Listener = newProblemListener(ts.Listener, ts.Config, log)
	ts.Start()
	defer ts.Close()

	s := samples(t)
	var decisions []string
	for _, x := range s[:4] {
		var v struct{ Decision string }
		require.NoError(t, json.Unmarshal(x.verdict, &v))
		decisions = append(decisions, v.Decision)
	}
	do(t, ts, http.MethodPost, "/v1/evaluate?asOf="+submission, jsonContentType, s[0].record)
	do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, ndjsonContentType,
		append(ndjson(t, s[1].record, s[2].record, s[3].record), []byte("{\"category\":\"x\"}\n")...))
	do(t, ts, http.MethodGet, "/v1/nowhere", "", nil)

	var lines []map[string]any
	for l := range strings.Lines(logs.String()) {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m), l)
		if m["msg"] == "request" {
			lines = append(lines, m)
		}
	}
	require.Len(t, lines, 3, "one line per request: %s", logs.String())
	count := func(ds []string, d string) float64 {
		return float64(len(slices.DeleteFunc(slices.Clone(ds), func(x string) bool { return x != d })))
	}
	want := []map[string]any{
		{"method": "POST", "path": "/v1/evaluate", "status": 200.0, "records": 1.0, "problems": 0.0,
			"eligible": count(decisions[:1], "eligible"), "ineligible": count(decisions[:1], "ineligible"), "undetermined": count(decisions[:1], "undetermined")},
		{"method": "POST", "path": "/v1/evaluate:batch", "status": 200.0, "records": 4.0, "problems": 1.0,
			"eligible": count(decisions[1:], "eligible"), "ineligible": count(decisions[1:], "ineligible"), "undetermined": count(decisions[1:], "undetermined")},
		{"method": "GET", "path": "/v1/nowhere", "status": 404.0},
	}
	for i, w := range want {
		for k, v := range w {
			assert.Equal(t, v, lines[i][k], "line %d, %s", i, k)
		}
		assert.Contains(t, lines[i], "duration")
		if w["records"] == nil {
			assert.NotContains(t, lines[i], "records", "a request without records counts none")
		}
	}
	for _, x := range s[:4] {
		var p eligibility.Project
		require.NoError(t, json.Unmarshal(x.record, &p))
		assert.NotContains(t, logs.String(), p.Name, "the log never holds a record's content")
		if p.Applicant.CreditCode != "" {
			assert.NotContains(t, logs.String(), p.Applicant.CreditCode)
		}
	}
	assert.NotContains(t, logs.String(), "asOf=", "nor the query")
}
