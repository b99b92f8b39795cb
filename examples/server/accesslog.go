package main

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/jilin761/intake/eligibility"
)

// requestStats is what a request did, for its access-log line. A request's handler
// runs on one goroutine (a batch evaluates its records in turn), so it needs no lock.
type requestStats struct {
	records   int // records read: one for evaluate and validate, one per slot of a batch
	problems  int // records answered with a problem instead of a verdict
	decisions map[eligibility.Decision]int
}

type statsKey struct{}

func withStats(ctx context.Context, st *requestStats) context.Context {
	st.decisions = make(map[eligibility.Decision]int, 3)
	return context.WithValue(ctx, statsKey{}, st)
}

// stats returns the request's stats; a context without them (a test calling a handler
// directly) gets a throwaway value.
func stats(ctx context.Context) *requestStats {
	if st, ok := ctx.Value(statsKey{}).(*requestStats); ok {
		return st
	}
	return &requestStats{decisions: map[eligibility.Decision]int{}}
}

// logWriter records the status and size of the answer. Unwrap lets
// http.ResponseController reach the connection's Flush and EnableFullDuplex.
type logWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *logWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *logWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *logWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// logRequest writes the request's one access-log line. It says what was asked and what
// came of it, never what the record holds: no body, no field value, no problem detail
// (which can quote a value), and the path without its query.
func (s *server) logRequest(r *http.Request, w *logWriter, st *requestStats, d time.Duration) {
	status := w.status
	if status == 0 { // nothing written: the client went away first (nginx logs it as 499 too)
		status = 499
	}
	attrs := []slog.Attr{
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.Int("status", status),
		slog.Duration("duration", d),
		slog.Int64("bytesOut", w.bytes),
	}
	if st.records > 0 {
		attrs = append(attrs,
			slog.Int("records", st.records),
			slog.Int("eligible", st.decisions[eligibility.Eligible]),
			slog.Int("ineligible", st.decisions[eligibility.Ineligible]),
			slog.Int("undetermined", st.decisions[eligibility.Undetermined]),
			slog.Int("problems", st.problems))
	}
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
}
