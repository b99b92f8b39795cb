package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

// config holds the server's limits.
type config struct {
	// maxBody is the largest body of POST /v1/evaluate, in bytes.
	maxBody int64
	// maxBatchBody is the largest body of POST /v1/evaluate:batch, in bytes.
	maxBatchBody int64
	// maxBatchRecords is the most records one batch may hold.
	maxBatchRecords int
	// timeout is each request's deadline, from when its headers were read.
	timeout time.Duration
	// ruleSetDescription is what the -ruleset variant says it changes, shown on
	// every page; zero for the default rule set or a full rule set.
	ruleSetDescription criteria.Text
}

// defaultConfig is what the flags default to. A record at the engine's input limits
// (eligibility.MaxListLength incidents) fits in maxBody.
func defaultConfig() config {
	return config{maxBody: 1 << 20, maxBatchBody: 32 << 20, maxBatchRecords: 10_000, timeout: 30 * time.Second}
}

// engine is what the server needs of *eligibility.Engine; tests wrap it to slow it down.
type engine interface {
	DecodeProjectContext(ctx context.Context, data []byte) (*eligibility.Project, error)
	EvaluateContext(ctx context.Context, p *eligibility.Project, asOf eligibility.Date) (*eligibility.Verdict, error)
	AppendVerdict(dst []byte, v *eligibility.Verdict, form eligibility.VerdictForm) ([]byte, error)
	RuleSet() *criteria.RuleSet
}

// server is the API's http.Handler. It holds no mutable state but its pool of
// Batches: the engine is safe for concurrent use and the rest is computed once by
// newServer.
type server struct {
	engine engine
	// batches recycles the eligibility.Batch each verdict is reached with, when the
	// engine is an *eligibility.Engine (a test's wrapper evaluates by its own
	// EvaluateContext): a verdict is written out before its Batch goes back, and a
	// Batch reuses the memory of the verdicts before it, which halves the cost of an
	// evaluation.
	batches *sync.Pool
	// answers recycles the buffers single verdicts are written into (*[]byte): a
	// full verdict is some 53 KB, which a fresh buffer reached by doubling.
	answers sync.Pool
	cfg     config
	log     *slog.Logger
	// criteria is the body of GET /v1/criteria, and etag its entity tag: the rule set's
	// hash, as every verdict's provenance.ruleSetHash records it.
	criteria []byte
	etag     string
	// health is the body of GET /healthz.
	health []byte
	routes map[string]route
	// planner works out remedies (remedy.go), built on first use.
	planner func() (*remedy.Planner, error)
}

// newServer builds the handler. The rule set is encoded once: the engine is immutable,
// so GET /v1/criteria always answers the same bytes.
func newServer(e engine, cfg config, log *slog.Logger) (*server, error) {
	rs := e.RuleSet()
	body, err := criteriaBody(rs)
	if err != nil {
		return nil, err
	}
	health, err := json.Marshal(map[string]string{"status": "ok", "version": eligibility.Version, "ruleSet": rs.Name})
	if err != nil {
		return nil, fmt.Errorf("encoding the health answer: %w", err)
	}
	var batches *sync.Pool
	if real, ok := e.(*eligibility.Engine); ok {
		batches = &sync.Pool{New: func() any { return real.NewBatch() }}
	}
	return &server{
		engine:   e,
		batches:  batches,
		answers:  sync.Pool{New: func() any { return new([]byte) }},
		cfg:      cfg,
		log:      log,
		criteria: body,
		etag:     `"` + rs.Hash() + `"`,
		health:   append(health, '\n'),
		routes:   routes(),
		planner:  sync.OnceValues(func() (*remedy.Planner, error) { return newPlanner(e) }),
	}, nil
}

// criteriaBody is the JSON of GET /v1/criteria: the rule set with its hash first, as
// "ruleSetHash", the member name of a verdict's provenance, so that a client matches the
// two by comparing strings.
func criteriaBody(rs *criteria.RuleSet) ([]byte, error) {
	body, err := json.MarshalIndent(rs, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding the rule set: %w", err)
	}
	hash, err := json.Marshal(rs.Hash())
	if err != nil {
		return nil, fmt.Errorf("encoding the rule set's hash: %w", err)
	}
	if len(body) < 2 || body[0] != '{' {
		return nil, fmt.Errorf("encoding the rule set: not a JSON object")
	}
	out := append([]byte("{\n  \"ruleSetHash\": "), hash...)
	if rest := bytes.TrimSpace(body[1:]); !bytes.Equal(rest, []byte("}")) {
		out = append(out, ',')
	}
	out = append(out, body[1:]...)
	return append(out, '\n'), nil
}

// httpServer returns the http.Server for h. ReadTimeout bounds reading a request's
// headers and body, WriteTimeout the whole exchange; both follow the per-request
// timeout, WriteTimeout with room to write the 503 of a request that ran out of time.
func httpServer(h http.Handler, cfg config, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: min(cfg.timeout, 10*time.Second),
		ReadTimeout:       cfg.timeout,
		WriteTimeout:      cfg.timeout + 5*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// route is one path of the API: the methods it answers and the handler.
type route struct {
	methods []string
	handle  func(s *server, w http.ResponseWriter, r *http.Request)
}

// routes maps each path to its route. The paths are matched exactly: the API has no
// path parameters, and "/v1/evaluate:batch" reads as one segment.
func routes() map[string]route {
	post := []string{http.MethodPost}
	get := []string{http.MethodGet, http.MethodHead}
	return map[string]route{
		"/v1/evaluate":       {post, (*server).evaluate},
		"/v1/evaluate:batch": {post, (*server).batch},
		"/v1/validate":       {post, (*server).validate},
		"/v1/criteria":       {get, (*server).listCriteria},
		"/healthz":           {get, (*server).healthz},
		"/v1/remedies":       {post, (*server).remedies},
		"/v1/form":           {get, (*server).form},
		// The pages and their assets (web.go), the OpenAPI document and the
		// JSON Schemas it references (openapi.go).
		"/":                               {append(get, http.MethodPost), (*server).checkPage},
		"/check":                          {post, (*server).checkSubmit},
		"/check/report.html":              {post, (*server).download},
		"/check/report.md":                {post, (*server).download},
		"/check/verdict.json":             {post, (*server).download},
		"/rules":                          {get, (*server).rulesPage},
		"/assets/style.css":               {get, (*server).asset},
		"/assets/app.js":                  {get, (*server).asset},
		"/v1/openapi.json":                {get, (*server).openAPI},
		"/v1/schema/project.schema.json":  {get, (*server).jsonSchema},
		"/v1/schema/verdict.schema.json":  {get, (*server).jsonSchema},
		"/v1/schema/remedies.schema.json": {get, (*server).jsonSchema},
	}
}

// queryParams lists the query parameters each path takes; a path not listed takes asOf
// only. Any other parameter is a 400 naming it, rather than silently ignored: a client
// that sends ?ruleSet=… believes it chose a rule set, and must learn that it did not.
var queryParams = map[string][]string{
	"/v1/evaluate":       {"asOf", "form"},
	"/v1/evaluate:batch": {"asOf", "form"},
	"/v1/criteria":       {},
	"/healthz":           {},
	"/v1/form":           {"category", "subtype", "stage", "asOf"},
	// The pages (web.go): a form's fields come in its body, never in the query.
	"/":                               {"lang", "category", "asOf"},
	"/rules":                          {"lang", "asOf"},
	"/check":                          {},
	"/check/report.html":              {},
	"/check/report.md":                {},
	"/check/verdict.json":             {},
	"/assets/style.css":               {},
	"/assets/app.js":                  {},
	"/v1/openapi.json":                {},
	"/v1/schema/project.schema.json":  {},
	"/v1/schema/verdict.schema.json":  {},
	"/v1/schema/remedies.schema.json": {},
}

// ServeHTTP routes the request, checks its query, puts it under the per-request
// deadline and writes its access-log line.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	began := time.Now()
	lw := &logWriter{ResponseWriter: w}
	st := &requestStats{}
	defer func() { s.logRequest(r, lw, st, time.Since(began)) }()
	w = lw
	w.Header().Set("X-Content-Type-Options", "nosniff")
	rt, ok := s.routes[r.URL.Path]
	if !ok {
		httpProblem(http.StatusNotFound, fmt.Sprintf("no resource at %s; the API serves POST /v1/evaluate, "+
			"POST /v1/evaluate:batch, POST /v1/validate, GET /v1/criteria and GET /healthz", r.URL.Path)).write(w)
		return
	}
	if !slices.Contains(rt.methods, r.Method) {
		allow := strings.Join(rt.methods, ", ")
		w.Header().Set("Allow", allow)
		httpProblem(http.StatusMethodNotAllowed, fmt.Sprintf("%s answers %s, not %s", r.URL.Path, allow, r.Method)).write(w)
		return
	}
	if prob := checkQuery(r); prob != nil {
		prob.write(w)
		return
	}
	ctx, cancel := context.WithTimeout(withStats(r.Context(), st), s.cfg.timeout)
	defer cancel()
	rt.handle(s, w, r.WithContext(ctx))
}

// checkQuery refuses a query that does not parse, a parameter the path does not take
// and a parameter given twice (which value was meant cannot be known), all at once.
func checkQuery(r *http.Request) *problem {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return invalidRequest("", "the query string does not parse: "+err.Error())
	}
	allowed, listed := queryParams[r.URL.Path]
	if !listed {
		allowed = []string{"asOf"}
	}
	var errs []fieldError
	for _, name := range slices.Sorted(maps.Keys(q)) {
		switch {
		case !slices.Contains(allowed, name):
			takes := "takes no query parameters"
			if len(allowed) > 0 {
				takes = "takes only " + strings.Join(allowed, ", ")
			}
			errs = append(errs, fieldError{Path: name, Message: fmt.Sprintf("unknown query parameter: %s %s", r.URL.Path, takes)})
		case len(q[name]) > 1:
			errs = append(errs, fieldError{Path: name, Message: fmt.Sprintf("given %d times (%s); give it once", len(q[name]), strings.Join(q[name], ", "))})
		}
	}
	return requestProblem(errs)
}

// maxPooledAnswer bounds the buffers answers keeps: a verdict of a record at the
// input limits is larger than any other, and not worth holding on to.
const maxPooledAnswer = 256 << 10

// evaluate answers POST /v1/evaluate: one record in, one verdict out.
func (s *server) evaluate(w http.ResponseWriter, r *http.Request) {
	asOf, prob := s.asOfParam(r, true)
	form, fprob := formParam(r)
	if prob == nil {
		prob = fprob
	}
	if prob == nil {
		prob = requireJSON(r, jsonContentType)
	}
	if prob != nil {
		prob.write(w)
		return
	}
	body, prob := readBody(w, r, s.cfg.maxBody)
	if prob != nil {
		prob.write(w)
		return
	}
	buf := s.answers.Get().(*[]byte)
	defer func() {
		if cap(*buf) <= maxPooledAnswer {
			s.answers.Put(buf)
		}
	}()
	out, prob := s.evaluateRecord(r.Context(), body, asOf, form, (*buf)[:0])
	if out != nil {
		*buf = out
	}
	if prob != nil {
		if prob.Status >= 500 && prob.Status != http.StatusServiceUnavailable {
			s.log.Error("evaluate", "status", prob.Status, "detail", prob.Detail)
		}
		if r.Context().Err() != nil && errors.Is(context.Cause(r.Context()), context.Canceled) {
			return // the client went away: nobody reads an answer
		}
		prob.write(w)
		return
	}
	w.Header().Set("Content-Type", jsonContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(out)))
	_, _ = w.Write(out)
}

// validate answers POST /v1/validate: the checks of POST /v1/evaluate without the
// evaluation, for a form that wants to say what is wrong before the record is filed.
// asOf is optional; when given it is checked as evaluate checks it.
func (s *server) validate(w http.ResponseWriter, r *http.Request) {
	_, prob := s.asOfParam(r, false)
	if prob == nil {
		prob = requireJSON(r, jsonContentType)
	}
	if prob != nil {
		prob.write(w)
		return
	}
	body, prob := readBody(w, r, s.cfg.maxBody)
	if prob != nil {
		prob.write(w)
		return
	}
	stats(r.Context()).records++
	_, prob = s.decodeRecord(r.Context(), body) // shape and values, every problem at once
	if prob != nil {
		stats(r.Context()).problems++
		prob.write(w)
		return
	}
	w.Header().Set("Content-Type", jsonContentType)
	_, _ = io.WriteString(w, `{"valid":true}`+"\n")
}

// evaluateRecord decodes, validates and evaluates one record and returns the verdict's
// JSON in the given form followed by a newline, appended to dst, or the problem that
// stopped it. It counts the record and its outcome in the request's access-log line.
func (s *server) evaluateRecord(ctx context.Context, body []byte, asOf eligibility.Date,
	form eligibility.VerdictForm, dst []byte) ([]byte, *problem) {
	st := stats(ctx)
	st.records++
	out, decision, prob := s.evaluateOne(ctx, body, asOf, form, dst)
	if prob != nil {
		st.problems++
		return nil, prob
	}
	st.decisions[decision]++
	return out, nil
}

func (s *server) evaluateOne(ctx context.Context, body []byte, asOf eligibility.Date,
	form eligibility.VerdictForm, dst []byte) ([]byte, eligibility.Decision, *problem) {
	if err := ctx.Err(); err != nil {
		return nil, "", deadlineProblem(err)
	}
	v, release, err := s.decodeEvaluate(ctx, body, asOf) // shape and values, every problem at once
	defer release()
	switch {
	case err == nil:
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return nil, "", deadlineProblem(err)
	case errors.Is(err, eligibility.ErrInvalidProject):
		return nil, "", recordProblem(body, err)
	case errors.Is(err, eligibility.ErrNoParameterValue):
		return nil, "", invalidRequest("asOf", err.Error())
	default:
		return nil, "", httpProblem(http.StatusInternalServerError, err.Error())
	}
	out, err := s.engine.AppendVerdict(dst, v, form)
	if err != nil {
		return nil, "", httpProblem(http.StatusInternalServerError, "encoding the verdict: "+err.Error())
	}
	return append(out, '\n'), v.Decision, nil
}

// decodeEvaluate decodes and evaluates a record with a Batch from the pool, in one
// step (Batch.EvaluateJSON), or by the engine's DecodeProjectContext and
// EvaluateContext when there is none. The verdict is valid until release is called.
func (s *server) decodeEvaluate(ctx context.Context, body []byte, asOf eligibility.Date) (
	v *eligibility.Verdict, release func(), err error) {
	if s.batches == nil {
		p, err := s.engine.DecodeProjectContext(ctx, body)
		if err != nil {
			return nil, func() {}, err
		}
		v, err = s.engine.EvaluateContext(ctx, p, asOf)
		return v, func() {}, err
	}
	b := s.batches.Get().(*eligibility.Batch)
	v, err = b.EvaluateJSON(ctx, body, asOf)
	return v, func() { s.batches.Put(b) }, err
}

// deadlineProblem is the 503 of a request whose deadline passed before its verdict.
func deadlineProblem(err error) *problem {
	return httpProblem(http.StatusServiceUnavailable, "the request's deadline passed before the verdict was reached: "+err.Error())
}

// asOfParam reads the evaluation date, required or not. A date before the rule set took
// effect is refused: the rules were not in force then, and an ordinary verdict would
// read as if they had been.
func (s *server) asOfParam(r *http.Request, required bool) (eligibility.Date, *problem) {
	q := r.URL.Query()
	if !q.Has("asOf") {
		if !required {
			return eligibility.Date{}, nil
		}
		return eligibility.Date{}, invalidRequest("asOf", "required: the evaluation date, YYYY-MM-DD, as ?asOf=2020-07-20; "+
			"the server never defaults it to today, so that a verdict does not depend on when it was asked for")
	}
	d, err := criteria.ParseDate(q.Get("asOf"))
	if err != nil {
		return eligibility.Date{}, invalidRequest("asOf", err.Error())
	}
	rs := s.engine.RuleSet()
	if !rs.Effective.IsZero() && d.Before(rs.Effective) {
		return eligibility.Date{}, invalidRequest("asOf", fmt.Sprintf("%s is before %s, the day the rule set %s (%s) took effect: "+
			"its rules were not in force on that date, so there is no verdict under them", d, rs.Effective, rs.Name, rs.Document))
	}
	return d, nil
}

// requireJSON accepts a request without a Content-Type, taken as JSON, or with one of
// want; anything else is a 415.
func requireJSON(r *http.Request, want ...string) *problem {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err == nil {
		for _, w := range want {
			if mt == w {
				return nil
			}
		}
	}
	return httpProblem(http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type %q is not accepted here; send %s", ct, strings.Join(want, " or ")))
}

// readBody reads the whole body up to limit bytes.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, *problem) {
	if r.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		return nil, readProblem(err, limit)
	}
	return body, nil
}

// readProblem says why reading the body failed.
func readProblem(err error, limit int64) *problem {
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return tooLarge(limit)
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return httpProblem(http.StatusRequestTimeout, "the body was not received before the request's deadline")
	}
	return httpProblem(http.StatusBadRequest, "reading the body: "+err.Error())
}

func tooLarge(limit int64) *problem {
	return httpProblem(http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than this endpoint's limit of %d bytes", limit))
}

// listCriteria answers GET /v1/criteria. http.ServeContent handles HEAD, If-None-Match
// and ranges.
func (s *server) listCriteria(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", jsonContentType)
	w.Header().Set("ETag", s.etag)
	w.Header().Set("Cache-Control", "no-cache") // revalidate: cheap with the ETag
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(s.criteria))
}

// healthz answers GET /healthz: the process is up and its engine compiled.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", jsonContentType)
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(s.health))
}
