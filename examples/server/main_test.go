package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

// TestParseFlags pins the command line: defaults, each flag, and the usage errors.
func TestParseFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    options
		wantErr string
	}{
		{name: "defaults", args: nil, want: options{addr: "127.0.0.1:8761", cfg: defaultConfig()}},
		{name: "every flag",
			args: []string{"-addr", "127.0.0.1:0", "-max-body", "2048", "-max-batch-body", "4096", "-max-batch-records", "7", "-timeout", "2s"},
			want: options{addr: "127.0.0.1:0", cfg: config{maxBody: 2048, maxBatchBody: 4096, maxBatchRecords: 7, timeout: 2 * time.Second}}},
		{name: "zero limit", args: []string{"-max-body", "0"}, wantErr: "must be positive"},
		{name: "zero timeout", args: []string{"-timeout", "0s"}, wantErr: "-timeout must be positive"},
		{name: "stray argument", args: []string{"serve"}, wantErr: "unexpected arguments"},
		{name: "unknown flag", args: []string{"-port", "80"}, wantErr: "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			got, err := parseFlags(tt.args, &stderr)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.Contains(t, stderr.String(), "Usage", "a usage error shows the usage")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestRunExitStatus checks run's exit status for a usage error and an address it cannot
// listen on.
func TestRunExitStatus(t *testing.T) {
	var stderr bytes.Buffer
	assert.Equal(t, 2, run(t.Context(), []string{"-timeout", "-1s"}, &stderr))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	stderr.Reset()
	assert.Equal(t, 1, run(t.Context(), []string{"-addr", ln.Addr().String()}, &stderr), "the port is taken")
	assert.Contains(t, stderr.String(), "listen")
}

// TestGracefulShutdown checks that cancelling serve's context (what SIGINT does) lets a
// request in flight finish with its verdict, then refuses new connections and returns
// cleanly.
func TestGracefulShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	url := "http://" + ln.Addr().String()
	cfg := defaultConfig()
	cfg.timeout = 5 * time.Second
	e := &gateEngine{Engine: eligibility.Default(), entered: make(chan struct{}), release: make(chan struct{})}

	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error, 1)
	var logs bytes.Buffer
	go func() { served <- serve(ctx, ln, e, cfg, slog.New(slog.NewTextHandler(&logs, nil))) }()

	s := samples(t)[0]
	type answer struct {
		status int
		body   []byte
		err    error
	}
	answered := make(chan answer, 1)
	go func() {
		resp, err := http.Post(url+"/v1/evaluate?asOf="+submission, jsonContentType, bytes.NewReader(s.record))
		if err != nil {
			answered <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		answered <- answer{resp.StatusCode, body, err}
	}()

	<-e.entered // the request is being evaluated
	cancel()    // SIGINT
	require.Eventually(t, func() bool {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), 100*time.Millisecond)
		if err == nil {
			c.Close()
		}
		return err != nil
	}, 5*time.Second, 10*time.Millisecond, "a shutting-down server accepts no new connections")
	close(e.release)

	a := <-answered
	require.NoError(t, a.err)
	assert.Equal(t, http.StatusOK, a.status, "the request in flight finished")
	assert.Equal(t, string(s.verdict), string(a.body))
	require.NoError(t, <-served, "serve returns cleanly after a graceful shutdown")
	assert.True(t, strings.Contains(logs.String(), "stopped"), "%s", logs.String())
}

// gateEngine holds each evaluation until released, to keep a request in flight.
type gateEngine struct {
	*eligibility.Engine
	entered chan struct{}
	release chan struct{}
}

func (e *gateEngine) EvaluateContext(ctx context.Context, p *eligibility.Project, asOf eligibility.Date) (*eligibility.Verdict, error) {
	close(e.entered)
	<-e.release
	return e.Engine.EvaluateContext(ctx, p, asOf)
}
