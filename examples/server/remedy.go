package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
)

// newPlanner builds the remedy planner on the server's engine, or, for an engine
// that is not an *eligibility.Engine (a test's wrapper), on an engine compiled from
// the same rule set.
func newPlanner(e engine) (*remedy.Planner, error) {
	if eng, ok := e.(*eligibility.Engine); ok {
		return remedy.New(eng)
	}
	eng, err := eligibility.New(e.RuleSet())
	if err != nil {
		return nil, err
	}
	return remedy.New(eng)
}

// remedies answers POST /v1/remedies?asOf=YYYY-MM-DD: one record in, its verdict and
// what it must do out ({"verdict": …, "remedies": …}); a record that does not
// validate is the same 400 problem as POST /v1/evaluate.
func (s *server) remedies(w http.ResponseWriter, r *http.Request) {
	asOf, prob := s.asOfParam(r, true)
	if prob == nil {
		prob = requireJSON(r, jsonContentType)
	}
	var body []byte
	if prob == nil {
		body, prob = readBody(w, r, s.cfg.maxBody)
	}
	var out []byte
	if prob == nil {
		out, prob = s.remediesOf(r, body, asOf)
	}
	if prob != nil {
		if prob.Status >= 500 && prob.Status != http.StatusServiceUnavailable {
			s.log.Error("remedies", "status", prob.Status, "detail", prob.Detail)
		}
		prob.write(w)
		return
	}
	writeJSONBody(w, out)
}

func (s *server) remediesOf(r *http.Request, body []byte, asOf eligibility.Date) ([]byte, *problem) {
	ctx := r.Context()
	pl, err := s.planner()
	if err != nil {
		return nil, httpProblem(http.StatusInternalServerError, "building the remedy planner: "+err.Error())
	}
	p, prob := s.decodeRecord(ctx, body) // shape and values, every problem at once
	if prob != nil {
		return nil, prob
	}
	v, err := s.engine.EvaluateContext(ctx, p, asOf)
	if err == nil {
		var rem *remedy.Remedies
		if rem, err = pl.ForVerdict(ctx, p, v); err == nil {
			out, err := json.Marshal(struct {
				Verdict  *eligibility.Verdict `json:"verdict"`
				Remedies *remedy.Remedies     `json:"remedies"`
			}{v, rem})
			if err != nil {
				return nil, httpProblem(http.StatusInternalServerError, "encoding the remedies: "+err.Error())
			}
			return append(out, '\n'), nil
		}
	}
	switch {
	case errors.Is(err, eligibility.ErrInvalidProject):
		return nil, invalidProject(err)
	case errors.Is(err, eligibility.ErrNoParameterValue):
		return nil, invalidRequest("asOf", err.Error())
	case ctx.Err() != nil:
		return nil, deadlineProblem(err)
	}
	return nil, httpProblem(http.StatusInternalServerError, err.Error())
}

// form answers GET /v1/form?category=…&subtype=…&stage=…&asOf=…: every fact and
// finding a project of that kind must state (remedy.Form); subtype and stage may be
// left out for "any".
func (s *server) form(w http.ResponseWriter, r *http.Request) {
	asOf, prob := s.asOfParam(r, true)
	if prob != nil {
		prob.write(w)
		return
	}
	q := r.URL.Query()
	cat, err := category.ParseCategory(q.Get("category"))
	if err != nil {
		invalidRequest("category", err.Error()).write(w)
		return
	}
	pl, err := s.planner()
	if err != nil {
		httpProblem(http.StatusInternalServerError, "building the remedy planner: "+err.Error()).write(w)
		return
	}
	f, err := pl.Form(cat, category.Subtype(q.Get("subtype")), category.Stage(q.Get("stage")), asOf)
	if err != nil {
		invalidRequest("subtype", err.Error()).write(w)
		return
	}
	out, err := json.Marshal(f)
	if err != nil {
		httpProblem(http.StatusInternalServerError, "encoding the form: "+err.Error()).write(w)
		return
	}
	writeJSONBody(w, append(out, '\n'))
}

func writeJSONBody(w http.ResponseWriter, out []byte) {
	w.Header().Set("Content-Type", jsonContentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(out)))
	_, _ = w.Write(out)
}
