package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

// The load of TestConcurrentLoad is bounded both ways: 8 clients each send up to 2,000
// requests one after another (16,000 in all), and stop sending after 8 s, whichever
// comes first. On an idle 2-core machine the count is reached in about 10 s without
// -race; under -race (or on a busy machine) the time bound ends it with a few thousand
// requests sent, so the test takes about 10 s either way. INTAKE_LOAD_REQUESTS and
// INTAKE_LOAD_SECONDS override the two bounds for a longer soak; -short cuts the time to
// 2 s.
const (
	loadClients  = 8
	loadRequests = 2_000
	loadTime     = 8 * time.Second
	// loadMinimum is the fewest requests each client must complete: fewer means a
	// client was starved or stuck, not that the machine is slow.
	loadMinimum = 5
)

// TestConcurrentLoad sends a bounded load over loopback from concurrent clients, each
// cycling through the sample projects, and checks every answer byte for byte against the
// library's own verdict: the shared engine must give each request its own verdict under
// concurrency. The server is an httptest server on 127.0.0.1.
func TestConcurrentLoad(t *testing.T) {
	perClient, bound := loadRequests, loadTime
	if testing.Short() {
		bound = 2 * time.Second
	}
	if v := os.Getenv("INTAKE_LOAD_REQUESTS"); v != "" {
		n, err := strconv.Atoi(v)
		require.NoError(t, err, "INTAKE_LOAD_REQUESTS")
		perClient = n
	}
	if v := os.Getenv("INTAKE_LOAD_SECONDS"); v != "" {
		n, err := strconv.Atoi(v)
		require.NoError(t, err, "INTAKE_LOAD_SECONDS")
		bound = time.Duration(n) * time.Second
	}
	ts := start(t, eligibility.Default(), defaultConfig())
	s := samples(t)
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: loadClients}, // keep-alive: one connection per client
		Timeout:   30 * time.Second,
	}
	defer client.CloseIdleConnections()

	var ok, wrong atomic.Int64
	var perClientOK [loadClients]atomic.Int64
	var firstWrong sync.Once
	began := time.Now()
	deadline := began.Add(bound)
	var wg sync.WaitGroup
	for c := range loadClients {
		wg.Go(func() {
			for i := range perClient {
				if time.Now().After(deadline) {
					return
				}
				want := s[(c*perClient+i)%len(s)]
				resp, err := client.Post(ts.URL+"/v1/evaluate?asOf="+submission, jsonContentType, bytes.NewReader(want.record))
				if err != nil {
					wrong.Add(1)
					firstWrong.Do(func() { t.Errorf("client %d request %d: %v", c, i, err) })
					continue
				}
				body, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK || !bytes.Equal(body, want.verdict) {
					wrong.Add(1)
					firstWrong.Do(func() {
						t.Errorf("client %d request %d (%s): status %d, err %v, body %.200s", c, i, want.name, resp.StatusCode, err, body)
					})
					continue
				}
				ok.Add(1)
				perClientOK[c].Add(1)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(began)
	total := ok.Load() + wrong.Load()
	t.Logf("%d clients, up to %d requests each or %v: %d correct, %d wrong, in %v (%.0f requests/s)",
		loadClients, perClient, bound, ok.Load(), wrong.Load(), elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds())
	assert.Zero(t, wrong.Load(), "every answer is the library's verdict")
	for c := range perClientOK {
		assert.GreaterOrEqual(t, perClientOK[c].Load(), int64(min(loadMinimum, perClient)), "client %d made progress", c)
	}
}

// Concurrent NDJSON batches, each evaluated with a Batch from the server's pool while
// single records are evaluated beside them, answer every record with its own verdict,
// byte for byte: a Batch's memory is never shared by two requests.
func TestConcurrentBatches(t *testing.T) {
	ts := start(t, eligibility.Default(), defaultConfig())
	s := samples(t)
	var wg sync.WaitGroup
	for c := range 4 {
		wg.Go(func() {
			for round := range 5 {
				var body, want bytes.Buffer
				for i := range s {
					x := s[(i*(c+1)+round)%len(s)]
					if !assert.NoError(t, json.Compact(&body, x.record)) {
						return
					}
					body.WriteByte('\n')
					want.Write(x.verdict)
				}
				resp, err := ts.Client().Post(ts.URL+"/v1/evaluate:batch?asOf="+submission, ndjsonContentType, &body)
				if !assert.NoError(t, err) {
					return
				}
				got, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				assert.NoError(t, err)
				assert.Equal(t, http.StatusOK, resp.StatusCode)
				assert.Equal(t, want.String(), string(got), "client %d round %d", c, round)
			}
		})
		wg.Go(func() {
			for i := range 20 {
				x := s[(i+c)%len(s)]
				resp, err := ts.Client().Post(ts.URL+"/v1/evaluate?asOf="+submission, jsonContentType, bytes.NewReader(x.record))
				if !assert.NoError(t, err) {
					return
				}
				got, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				assert.NoError(t, err)
				assert.Equal(t, string(x.verdict), string(got), x.name)
			}
		})
	}
	wg.Wait()
}
