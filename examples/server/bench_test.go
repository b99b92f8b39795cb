package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

// The service's throughput against the same work done in-process (BENCHMARKS.md). Run
// with -cpu 1,2: the server is an httptest server on 127.0.0.1 with the production
// http.Server settings, the client a keep-alive http.Client, and under -cpu 1 both
// share the one core. Each op is one batch of the corpus (examples/corpus/projects,
// 240 records) or one record; ns/record is the figure to compare. The parallel ones
// run GOMAXPROCS clients (or in-process goroutines) at once.

// benchRecords are the corpus's records, one JSON object per line.
func benchRecords(b *testing.B) [][]byte {
	b.Helper()
	files, err := filepath.Glob("../corpus/projects/*.json")
	require.NoError(b, err)
	require.NotEmpty(b, files)
	records := make([][]byte, len(files))
	for i, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(b, err)
		records[i] = data
	}
	return records
}

var benchForms = []struct {
	name, query string
	form        eligibility.VerdictForm
}{{"full", "", eligibility.Full}, {"compact", "&form=compact", eligibility.Compact}}

// BenchmarkInProcess is the work of a batch without the server, done as the package
// documents for batch jobs and as the service does it: each record decoded and
// evaluated by Batch.EvaluateJSON and its verdict appended to a buffer by
// Engine.AppendVerdict, one goroutine per core.
func BenchmarkInProcess(b *testing.B) {
	records := benchRecords(b)
	engine := eligibility.Default()
	asOf := criteria.MustParseDate(submission)
	for _, f := range benchForms {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				var buf []byte
				batch := engine.NewBatch()
				for pb.Next() {
					for _, rec := range records {
						v, err := batch.EvaluateJSON(b.Context(), rec, asOf)
						if err != nil {
							b.Error(err)
							return
						}
						if buf, err = engine.AppendVerdict(buf[:0], v, f.form); err != nil {
							b.Error(err)
							return
						}
					}
				}
			})
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(records)), "ns/record")
		})
	}
}

// BenchmarkNDJSON is the same batch sent to POST /v1/evaluate:batch as NDJSON, the
// verdicts read back as they stream.
func BenchmarkNDJSON(b *testing.B) {
	records := benchRecords(b)
	ts := start(b, eligibility.Default(), defaultConfig())
	var body bytes.Buffer
	for _, rec := range records {
		require.NoError(b, compactLine(&body, rec))
	}
	for _, f := range benchForms {
		b.Run(f.name, func(b *testing.B) {
			url := ts.URL + "/v1/evaluate:batch?asOf=" + submission + f.query
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
			defer client.CloseIdleConnections()
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if n, err := post(client, url, ndjsonContentType, body.Bytes()); err != nil || n < int64(len(records)) {
						b.Errorf("%d bytes: %v", n, err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(records)), "ns/record")
		})
	}
}

// BenchmarkEvaluateEndpoint is one record per request to POST /v1/evaluate, against
// BenchmarkInProcess's per-record figure.
func BenchmarkEvaluateEndpoint(b *testing.B) {
	record := benchRecords(b)[0]
	ts := start(b, eligibility.Default(), defaultConfig())
	for _, f := range benchForms {
		b.Run(f.name, func(b *testing.B) {
			url := ts.URL + "/v1/evaluate?asOf=" + submission + f.query
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
			defer client.CloseIdleConnections()
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := post(client, url, jsonContentType, record); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
		})
	}
}

// BenchmarkNDJSONOverInProcess measures the goal directly: the time per record of an
// NDJSON batch through the server over that of the same batch in-process (as
// BenchmarkInProcess does it), in adjacent slices (32 triples per op, the order
// rotating) so that the load of a shared machine falls on all alike. GOMAXPROCS streams
// (or goroutines) run at once: run with -cpu 1,2. It reports the median, lowest and
// highest ratio, and floor-ratio: the median of the same in-process batch with each
// verdict also written to a bare TCP connection on 127.0.0.1 (no HTTP), drained by a
// goroutine of this process as the client drains the server's answer. No server on
// this machine can come nearer the in-process figure than floor-ratio.
func BenchmarkNDJSONOverInProcess(b *testing.B) {
	records := benchRecords(b)
	engine := eligibility.Default()
	asOf := criteria.MustParseDate(submission)
	ts := start(b, engine, defaultConfig())
	var body bytes.Buffer
	for _, rec := range records {
		require.NoError(b, compactLine(&body, rec))
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	defer client.CloseIdleConnections()
	streams := runtime.GOMAXPROCS(0)
	sockets := drainedSockets(b, streams)
	for _, f := range benchForms {
		url := ts.URL + "/v1/evaluate:batch?asOf=" + submission + f.query
		// work is the in-process batch; each verdict is handed to emit.
		work := func(emit func([]byte) error) error {
			var buf []byte
			batch := engine.NewBatch()
			for _, rec := range records {
				v, err := batch.EvaluateJSON(b.Context(), rec, asOf)
				if err != nil {
					return err
				}
				if buf, err = engine.AppendVerdict(buf[:0], v, f.form); err != nil {
					return err
				}
				if err := emit(buf); err != nil {
					return err
				}
			}
			return nil
		}
		inProcess := func() error { return work(func([]byte) error { return nil }) }
		bare := func() error {
			c := <-sockets
			defer func() { sockets <- c }()
			return work(func(verdict []byte) error { _, err := c.Write(verdict); return err })
		}
		served := func() error {
			_, err := post(client, url, ndjsonContentType, body.Bytes())
			return err
		}
		b.Run(f.name, func(b *testing.B) {
			timed(b, streams, served) // warm the connections
			var ratios, floors []float64
			for b.Loop() {
				for triple := range 32 {
					// The three in turn, each triple starting one further on.
					var local, remote, floor time.Duration
					for k := range 3 {
						switch (triple + k) % 3 {
						case 0:
							local = timed(b, streams, inProcess)
						case 1:
							remote = timed(b, streams, served)
						default:
							floor = timed(b, streams, bare)
						}
					}
					ratios = append(ratios, remote.Seconds()/local.Seconds())
					floors = append(floors, floor.Seconds()/local.Seconds())
				}
			}
			slices.Sort(ratios)
			slices.Sort(floors)
			b.ReportMetric(ratios[len(ratios)/2], "median-ratio")
			b.ReportMetric(ratios[0], "min-ratio")
			b.ReportMetric(ratios[len(ratios)-1], "max-ratio")
			b.ReportMetric(floors[len(floors)/2], "floor-ratio")
		})
	}
}

// drainedSockets returns n client ends of TCP connections on 127.0.0.1 whose server
// ends are read and discarded, 256 KiB at a time, by goroutines of this process.
func drainedSockets(b *testing.B, n int) chan net.Conn {
	b.Helper()
	sockets := make(chan net.Conn, n)
	for range n {
		c, drained := loopbackPair(b)
		go func() {
			buf := make([]byte, 256<<10)
			for {
				if _, err := drained.Read(buf); err != nil {
					return
				}
			}
		}()
		sockets <- c
	}
	return sockets
}

// loopbackPair returns the two ends of a TCP connection on 127.0.0.1, both closed when
// the benchmark ends.
func loopbackPair(b *testing.B) (dialed, accepted net.Conn) {
	b.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(b, err)
	defer ln.Close()
	dialed, err = net.Dial("tcp", ln.Addr().String())
	require.NoError(b, err)
	b.Cleanup(func() { _ = dialed.Close() })
	accepted, err = ln.Accept()
	require.NoError(b, err)
	b.Cleanup(func() { _ = accepted.Close() })
	return dialed, accepted
}

// timed runs n copies of batch at once and returns the wall time.
func timed(b *testing.B, n int, batch func() error) time.Duration {
	runtime.GC()
	began := time.Now()
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			if err := batch(); err != nil {
				b.Error(err)
			}
		})
	}
	wg.Wait()
	return time.Since(began)
}

func compactLine(dst *bytes.Buffer, record []byte) error {
	if err := json.Compact(dst, record); err != nil {
		return err
	}
	return dst.WriteByte('\n')
}

// BenchmarkLoopbackFloor is what moving one full verdict's bytes through the loopback
// device costs without HTTP: a connection on 127.0.0.1, one goroutine writing 128 KiB
// at a time and the benchmark reading 256 KiB at a time, one op a verdict's worth
// (the sample's full form, 53,541 bytes). NDJSON's full form cannot be cheaper than
// InProcess plus this.
func BenchmarkLoopbackFloor(b *testing.B) {
	const verdict = 53541
	c, writer := loopbackPair(b)
	go func() {
		buf := make([]byte, 128<<10)
		for {
			if _, err := writer.Write(buf); err != nil {
				return
			}
		}
	}()
	buf := make([]byte, 256<<10)
	b.SetBytes(verdict)
	pending := 0
	for b.Loop() {
		pending += verdict
		for pending > 0 {
			n, err := c.Read(buf[:min(len(buf), pending)])
			if err != nil {
				b.Fatal(err)
			}
			pending -= n
		}
	}
}

// post sends body and reads the answer to its end, returning its length; an answer
// other than 200 is an error.
func post(client *http.Client, url, contentType string, body []byte) (int64, error) {
	resp, err := client.Post(url, contentType, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	// io.Copy to io.Discard would read 8 KiB at a time: seven system calls a full
	// verdict where a client reading a stream makes one or two.
	buf := readBuffers.Get().(*[]byte)
	defer readBuffers.Put(buf)
	n, err := io.CopyBuffer(writerOnly{io.Discard}, resp.Body, *buf)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %d", resp.StatusCode)
	}
	return n, err
}

// readBuffers are post's buffers, 256 KiB each, kept for the next request.
var readBuffers = sync.Pool{New: func() any { buf := make([]byte, 256<<10); return &buf }}

// writerOnly hides its writer's ReadFrom, so that io.CopyBuffer uses the buffer given.
type writerOnly struct{ io.Writer }
