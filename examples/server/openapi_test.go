package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/eligibility"
)

// apiDoc loads openapi.json with the JSON Schemas it references, from the embedded
// files the server serves, once per test binary.
var apiDoc = sync.OnceValues(func() (*openapi3.T, error) {
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = true
	loader.ReadFromURIFunc = func(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
		return apiFiles.ReadFile(strings.TrimPrefix(u.Path, "/"))
	}
	doc, err := loader.LoadFromFile("openapi.json")
	if err != nil {
		return nil, err
	}
	return doc, doc.Validate(context.Background())
})

func init() {
	// The bodies kin-openapi has no decoder for are checked as text: their media
	// type and status are what the document says; their content the tests check.
	text := func(body io.Reader, _ http.Header, _ *openapi3.SchemaRef, _ openapi3filter.EncodingFn) (any, error) {
		b, err := io.ReadAll(body)
		return string(b), err
	}
	for _, ct := range []string{"text/html", "text/markdown", "text/css", "text/javascript", ndjsonContentType} {
		openapi3filter.RegisterBodyDecoder(ct, text)
	}
}

// TestOpenAPIDocument validates the document (OpenAPI 3.1, its references to the
// published schemas resolved) and checks it describes every route the server has,
// with its methods, and nothing else.
func TestOpenAPIDocument(t *testing.T) {
	doc, err := apiDoc()
	require.NoError(t, err)
	assert.True(t, doc.IsOpenAPI31OrLater(), "OpenAPI 3.1")
	assert.Equal(t, eligibility.Version, doc.Info.Version, "info.version is the library's version: update openapi.json when releasing")
	for path, rt := range routes() {
		item := doc.Paths.Find(path)
		if !assert.NotNil(t, item, "%s is documented", path) {
			continue
		}
		for _, m := range rt.methods {
			if m == http.MethodHead {
				continue
			}
			assert.NotNil(t, item.GetOperation(m), "%s %s is documented", m, path)
		}
	}
	for path := range doc.Paths.Map() {
		_, ok := routes()[path]
		assert.True(t, ok, "the document's %s is served", path)
	}
	ts := startWeb(t, eligibility.Default(), defaultConfig())
	resp, body := do(t, ts, http.MethodGet, "/v1/openapi.json", "", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	onDisk, err := os.ReadFile("openapi.json")
	require.NoError(t, err)
	assert.Equal(t, onDisk, body, "the server serves the checked-in document")
	for _, name := range []string{"project", "verdict"} {
		resp, body := do(t, ts, http.MethodGet, "/v1/schema/"+name+".schema.json", "", nil)
		require.Equal(t, http.StatusOK, resp.StatusCode)
		assert.True(t, json.Valid(body))
	}
}

// TestSchemaCopiesAreCurrent fails when schema/ differs from eligibility/schema: run
// go generate ./examples/server.
func TestSchemaCopiesAreCurrent(t *testing.T) {
	for _, name := range []string{"project.schema.json", "verdict.schema.json", "remedies.schema.json"} {
		published, err := os.ReadFile("../../eligibility/schema/" + name)
		require.NoError(t, err)
		copied, err := apiFiles.ReadFile("schema/" + name)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(published, copied), "schema/%s is stale: go generate ./examples/server", name)
	}
}

// conforming wraps the handler of the server tests: every response they receive is
// checked against openapi.json (status, content type and body) once the handler
// returns. It passes writes and flushes straight through, so streaming behaves as
// without it. A request to a path or method the API does not serve (the 404 and 405
// tests) has no operation to check against.
func conforming(t testing.TB, h http.Handler) http.Handler {
	doc, err := apiDoc()
	require.NoError(t, err)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &teeWriter{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		item := doc.Paths.Find(r.URL.Path)
		if item == nil {
			return
		}
		op := item.GetOperation(r.Method)
		if op == nil {
			return
		}
		status := rec.status
		if status == 0 {
			status = http.StatusOK
		}
		if r.Method == http.MethodHead || status == http.StatusNotModified || status == http.StatusPartialContent {
			return // no body to check
		}
		if strings.HasPrefix(r.Header.Get("Content-Type"), ndjsonContentType) && status == http.StatusOK {
			checkNDJSON(t, doc, rec.body.Bytes())
		}
		route := &routers.Route{Spec: doc, Path: r.URL.Path, PathItem: item, Method: r.Method, Operation: op}
		in := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: r, Route: route},
			Status:                 status,
			Header:                 w.Header(),
			Body:                   io.NopCloser(bytes.NewReader(rec.body.Bytes())),
			Options:                &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
		}
		if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
			t.Errorf("%s %s answered %d %s, which openapi.json does not allow: %v", r.Method, r.URL.Path, status,
				w.Header().Get("Content-Type"), err)
		}
	})
}

// checkNDJSON checks each line of an NDJSON batch answer against the Slot schema.
func checkNDJSON(t testing.TB, doc *openapi3.T, body []byte) {
	slot := doc.Components.Schemas["Slot"].Value
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var v any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Errorf("an NDJSON line is not JSON: %v", err)
			continue
		}
		if err := slot.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
			t.Errorf("an NDJSON slot does not match openapi.json's Slot: %v", err)
		}
	}
}

// teeWriter copies the body it writes, and keeps Flush and the ResponseController's
// methods working by unwrapping.
type teeWriter struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (w *teeWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *teeWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.body.Write(b)
	return w.ResponseWriter.Write(b)
}

func (w *teeWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *teeWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// TestConformingCatchesAWrongAnswer shows the check can fail: an answer the document
// does not describe is reported.
func TestConformingCatchesAWrongAnswer(t *testing.T) {
	doc, err := apiDoc()
	require.NoError(t, err)
	item := doc.Paths.Find("/healthz")
	require.NotNil(t, item)
	r := httptest.NewRequest(http.MethodGet, "/healthz", nil)
	for _, tt := range []struct {
		name   string
		status int
		ct     string
		body   string
	}{
		{"undocumented status", http.StatusTeapot, "application/json", `{"status":"ok","version":"x","ruleSet":"y"}`},
		{"wrong media type", http.StatusOK, "text/plain", `ok`},
		{"body off the schema", http.StatusOK, "application/json", `{"status":"down"}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			route := &routers.Route{Spec: doc, Path: "/healthz", PathItem: item, Method: http.MethodGet, Operation: item.Get}
			err := openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
				RequestValidationInput: &openapi3filter.RequestValidationInput{Request: r, Route: route},
				Status:                 tt.status,
				Header:                 http.Header{"Content-Type": {tt.ct}},
				Body:                   io.NopCloser(strings.NewReader(tt.body)),
				Options:                &openapi3filter.Options{IncludeResponseStatus: true},
			})
			assert.Error(t, err)
		})
	}
}
