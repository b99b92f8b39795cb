package main

import (
	"bytes"
	"embed"
	"net/http"
	"strings"
	"time"
)

// openapi.json describes the whole HTTP API, pages included; its request and response
// bodies reference the published JSON Schemas, which the server serves beside it at
// /v1/schema/, so the relative references resolve both in the checked-in file and at
// /v1/openapi.json. schema/ is a copy of eligibility/schema, refreshed by go generate;
// TestSchemaCopiesAreCurrent fails when it is stale.
//
//go:generate cp ../../eligibility/schema/project.schema.json ../../eligibility/schema/verdict.schema.json ../../eligibility/schema/remedies.schema.json schema/
//go:embed openapi.json schema/*.schema.json
var apiFiles embed.FS

// openAPI answers GET /v1/openapi.json.
func (s *server) openAPI(w http.ResponseWriter, r *http.Request) {
	serveEmbedded(w, r, "openapi.json")
}

// jsonSchema answers GET /v1/schema/{project,verdict}.schema.json.
func (s *server) jsonSchema(w http.ResponseWriter, r *http.Request) {
	serveEmbedded(w, r, "schema/"+strings.TrimPrefix(r.URL.Path, "/v1/schema/"))
}

func serveEmbedded(w http.ResponseWriter, r *http.Request, name string) {
	data, err := apiFiles.ReadFile(name)
	if err != nil {
		httpProblem(http.StatusNotFound, "no document at "+r.URL.Path).write(w)
		return
	}
	w.Header().Set("Content-Type", jsonContentType)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}
