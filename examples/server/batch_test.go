package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// slotWant is what one slot of a batch answer must be: a verdict's exact bytes, or a
// problem of some status at an index.
type slotWant struct {
	verdict []byte
	status  int
	index   int
}

// batchInput interleaves every sample with bad records, and returns the records and
// what each slot must hold.
func batchInput(t *testing.T) ([][]byte, []slotWant) {
	var records [][]byte
	var want []slotWant
	bad := [][]byte{
		[]byte(`{"category":"big-data"}`),          // unknown code: the engine's validation
		[]byte(`{"category":"ai","unknown":true}`), // unknown field: the decoder
		[]byte(`{"category":`),                     // not JSON
	}
	for i, s := range samples(t) {
		records = append(records, s.record)
		want = append(want, slotWant{verdict: s.verdict})
		if i%5 == 0 {
			b := bad[(i/5)%len(bad)]
			records = append(records, b)
			want = append(want, slotWant{status: http.StatusBadRequest, index: len(want)})
		}
	}
	return records, want
}

// checkSlots compares the slots of an answer with what they must be.
func checkSlots(t *testing.T, slots []json.RawMessage, want []slotWant) {
	t.Helper()
	require.Len(t, slots, len(want), "one slot per record")
	for i, w := range want {
		if w.verdict != nil {
			assert.JSONEq(t, string(w.verdict), string(slots[i]), "slot %d: the record's verdict, in input order", i)
			continue
		}
		var p problem
		require.NoError(t, json.Unmarshal(slots[i], &p), "slot %d", i)
		assert.Equal(t, w.status, p.Status, "slot %d", i)
		require.NotNil(t, p.Index, "slot %d: a problem slot names its record", i)
		assert.Equal(t, w.index, *p.Index, "slot %d", i)
		assert.NotEmpty(t, p.Errors, "slot %d: a bad record's problems are listed", i)
	}
}

// TestBatchArray checks a JSON array batch: verdicts in input order, a problem in the
// slot of each bad record, the whole answer one JSON array.
func TestBatchArray(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	records, want := batchInput(t)
	body := []byte("[" + string(bytes.Join(records, []byte(","))) + "]")
	// The "not JSON" record breaks the array itself, so it is quoted here as a string:
	// a well-formed element that is not a record.
	body = bytes.ReplaceAll(body, []byte(`{"category":,`), []byte(`"{\"category\":",`))

	resp, out := do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, jsonContentType, body)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", out)
	assert.Equal(t, jsonContentType, resp.Header.Get("Content-Type"))
	var slots []json.RawMessage
	require.NoError(t, json.Unmarshal(out, &slots), "the answer is one JSON array")
	checkSlots(t, slots, want)
}

// TestBatchNDJSON checks an NDJSON batch: one line per record in input order, blank lines
// skipped, a record over -max-body given a 413 slot without stopping the stream.
func TestBatchNDJSON(t *testing.T) {
	cfg := defaultConfig()
	cfg.maxBody = 16 << 10
	ts := start(t, eligibility.Default(), cfg)
	records, want := batchInput(t)
	var body bytes.Buffer
	for i, r := range records {
		if bytes.Equal(r, []byte(`{"category":`)) {
			body.Write(r) // not JSON: it stays on its own line
		} else {
			require.NoError(t, json.Compact(&body, r))
		}
		body.WriteString("\n")
		if i == 3 {
			body.WriteString("\n   \n") // blank lines are not records
		}
	}
	body.WriteString(`{"category":"ai","name":"` + strings.Repeat("x", 20<<10) + `"}` + "\n")
	want = append(want, slotWant{status: http.StatusRequestEntityTooLarge, index: len(want)})
	body.WriteString(`{"category":"ai"}`) // no final newline: still a record
	v, err := eligibility.Default().Evaluate(&eligibility.Project{Category: "ai"}, criteria.MustParseDate(submission))
	require.NoError(t, err)
	last, err := json.Marshal(v)
	require.NoError(t, err)
	want = append(want, slotWant{verdict: last})

	resp, out := do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, ndjsonContentType, body.Bytes())
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", out)
	assert.Equal(t, ndjsonContentType, resp.Header.Get("Content-Type"))
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	slots := make([]json.RawMessage, len(lines))
	for i, l := range lines {
		slots[i] = json.RawMessage(l)
	}
	// The too-long record's problem has no field errors: it was never parsed.
	for i, w := range want {
		if w.status == http.StatusRequestEntityTooLarge {
			var p problem
			require.NoError(t, json.Unmarshal(slots[i], &p))
			assert.Equal(t, http.StatusRequestEntityTooLarge, p.Status)
			assert.Equal(t, w.index, *p.Index)
			slots = append(slots[:i], slots[i+1:]...)
			want = append(want[:i], want[i+1:]...)
			break
		}
	}
	checkSlots(t, slots, want)
}

// TestBatchNDJSONStreams checks the answer streams: the verdict of the first record
// arrives while the client has not yet sent the second.
func TestBatchNDJSONStreams(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	s := samples(t)
	pr, pw := io.Pipe()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, ts.URL+"/v1/evaluate:batch?asOf="+submission, pr)
	require.NoError(t, err)
	req.Header.Set("Content-Type", ndjsonContentType)
	respc := make(chan *http.Response, 1)
	errc := make(chan error, 1)
	go func() {
		resp, err := ts.Client().Do(req)
		errc <- err
		respc <- resp
	}()
	var in *bufio.Reader
	var resp *http.Response
	for i := range 3 {
		_, err := pw.Write(ndjson(t, s[i].record))
		require.NoError(t, err)
		if resp == nil {
			select {
			case err := <-errc:
				require.NoError(t, err)
				resp = <-respc
				defer resp.Body.Close()
				require.Equal(t, http.StatusOK, resp.StatusCode)
				in = bufio.NewReader(resp.Body)
			case <-time.After(10 * time.Second):
				require.FailNow(t, "no response while the request body is still open: the answer does not stream")
			}
		}
		line, err := in.ReadBytes('\n')
		require.NoError(t, err, "verdict %d arrives before record %d is sent", i, i+1)
		assert.JSONEq(t, string(s[i].verdict), string(line))
	}
	require.NoError(t, pw.Close())
	rest, err := io.ReadAll(in)
	require.NoError(t, err)
	assert.Empty(t, rest, "one line per record")
}

// TestBatchStopsEarly checks how a batch ends when it cannot go on after its first slot:
// the last slot is a problem naming the first record not evaluated.
func TestBatchStopsEarly(t *testing.T) {
	s := samples(t)
	three := ndjson(t, s[0].record, s[1].record, s[2].record)
	array := []byte("[" + string(s[0].record) + "," + string(s[1].record) + "," + string(s[2].record) + "]")

	tests := []struct {
		name        string
		engine      engine
		cfg         func(*config)
		contentType string
		body        []byte
		wantStatus  int // of the last slot
		wantIndex   int
		why         string
	}{
		{"deadline, NDJSON", newSlowEngine(1), func(c *config) { c.timeout = 300 * time.Millisecond },
			ndjsonContentType, three, http.StatusServiceUnavailable, 1,
			"the second record's verdict is not reached before the deadline"},
		{"deadline, array", newSlowEngine(1), func(c *config) { c.timeout = 300 * time.Millisecond },
			jsonContentType, array, http.StatusServiceUnavailable, 1,
			"the array is closed after the stopping slot"},
		{"too many records, NDJSON", eligibility.Default(), func(c *config) { c.maxBatchRecords = 2 },
			ndjsonContentType, three, http.StatusRequestEntityTooLarge, 2,
			"an NDJSON stream's count is known only as it goes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaultConfig()
			tt.cfg(&cfg)
			ts := start(t, tt.engine, cfg)
			resp, out := do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, tt.contentType, tt.body)
			require.Equal(t, http.StatusOK, resp.StatusCode, "the first slot was written: %s", out)
			var slots []json.RawMessage
			if tt.contentType == jsonContentType {
				require.NoError(t, json.Unmarshal(out, &slots), "still one JSON array: %s", out)
			} else {
				for l := range strings.Lines(string(out)) {
					slots = append(slots, json.RawMessage(l))
				}
			}
			require.Len(t, slots, tt.wantIndex+1, tt.why)
			assert.JSONEq(t, string(s[0].verdict), string(slots[0]))
			var p problem
			require.NoError(t, json.Unmarshal(slots[len(slots)-1], &p))
			assert.Equal(t, tt.wantStatus, p.Status, tt.why)
			require.NotNil(t, p.Index)
			assert.Equal(t, tt.wantIndex, *p.Index, "the first record not evaluated")
		})
	}
}

// TestBatchEmpty checks an empty batch is an empty answer in its format.
func TestBatchEmpty(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	resp, out := do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, jsonContentType, []byte(" [ ] "))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.JSONEq(t, `[]`, string(out))
	resp, out = do(t, ts, http.MethodPost, "/v1/evaluate:batch?asOf="+submission, ndjsonContentType, []byte("\n\n"))
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, ndjsonContentType, resp.Header.Get("Content-Type"))
	assert.Empty(t, out)
}

// TestReadLine pins the NDJSON line reader at its limit.
func TestReadLine(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		limit   int64
		want    []string // lines; "!" marks one too long
		wantEOF bool
	}{
		{"at the limit", "abcd\nef", 4, []string{"abcd", "ef"}, true},
		{"over the limit, then on", "abcde\nef\n", 4, []string{"!", "ef", ""}, true},
		{"longer than the buffer", strings.Repeat("x", 100) + "\nok", 10, []string{"!", "ok"}, true},
		{"CRLF stays for the decoder", "{}\r\n", 4, []string{"{}\r", ""}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := bufio.NewReaderSize(strings.NewReader(tt.input), 16)
			var got []string
			for {
				line, tooLong, err := readLine(r, tt.limit)
				if tooLong {
					got = append(got, "!")
				} else {
					got = append(got, string(line))
				}
				if err != nil {
					require.ErrorIs(t, err, io.EOF)
					break
				}
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
