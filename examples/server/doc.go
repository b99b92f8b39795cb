// Command server puts the eligibility engine behind an HTTP API, for project-management
// systems that are not written in Go. It embeds one engine built from the default rule
// set (eligibility.Default, compiled once and shared by every request) and uses only the
// standard library's net/http.
//
// Usage:
//
//	go run ./examples/server -addr 127.0.0.1:8761
//
// Flags:
//
//	-addr HOST:PORT         where to listen (default 127.0.0.1:8761)
//	-max-body BYTES         largest body of POST /v1/evaluate (default 1 MiB)
//	-max-batch-body BYTES   largest body of POST /v1/evaluate:batch (default 32 MiB)
//	-max-batch-records N    most records in one batch (default 10000)
//	-timeout DURATION       per-request deadline, reading the body included (default 30s)
//	-ruleset FILE           run this rule set, or variant of the default, instead of the
//	                        letter's (YAML or JSON, read by criteria.LoadFS)
//
// SIGINT or SIGTERM shuts the server down gracefully: it stops accepting connections and
// lets requests in flight finish, for at most the per-request timeout.
//
// # Endpoints
//
// POST /v1/evaluate?asOf=YYYY-MM-DD takes one project record (the JSON of
// eligibility.Project, as published in eligibility/schema/project.schema.json) with
// Content-Type application/json and answers 200 with the verdict (the JSON of
// eligibility.Verdict, eligibility/schema/verdict.schema.json). The record is decoded
// strictly (eligibility.DecodeProject: an unknown field is an error) and validated by the
// engine; every problem is reported at once.
//
// asOf, the evaluation date, is required: a request without it is a 400. The server does
// not default it to today's date, because the library never reads the clock and a verdict
// must not depend on when it was asked for: the same record and date give the same
// verdict, byte for byte, on any day, which is what makes a stored verdict reproducible.
// A caller that means "today" says which day that is.
//
// POST /v1/evaluate:batch?asOf=YYYY-MM-DD evaluates many records on one date. The
// Content-Type chooses the format, and the answer comes back in the same one, in input
// order, one slot per record:
//
//   - application/json: a JSON array of records; the answer is a JSON array. The whole
//     array is read before the first verdict is written; a body that is not a JSON array
//     is a 400 for the whole request.
//   - application/x-ndjson: one record per line (blank lines are skipped); the answer is
//     NDJSON, one line per record, streamed: each verdict is written as soon as its record
//     is evaluated, while the rest of the body is still being read.
//
// A bad record does not fail the batch: its slot holds a problem object (below) with an
// "index" member, the record's 0-based position among the records, instead of a verdict.
// A slot is a problem exactly when it has a "status" member (a verdict has none). If the
// batch stops early after the first slot was written (the deadline passed, or an NDJSON
// body outgrew -max-batch-body or -max-batch-records), the last slot is a problem with
// status 503 or 413 and the index of the first record not evaluated; the records from
// there on have no slot.
//
// GET /v1/criteria answers the rule set the engine runs, as JSON: its name, document and
// effective date, the parameters with their dated values, units, clause references and
// descriptions, and every criterion with its ID, ref, category, source (the letter's
// text), summary, strength, basis, appliesWhen, require and message. It carries an ETag
// and honours If-None-Match.
//
// GET /healthz answers 200 {"status":"ok",...} with the library version and rule set.
//
// # Pages
//
// GET / is a page for people: a form generated from the rule set (eligibility/remedy's
// Form: the facts and findings the chosen category's criteria read), or a pasted or
// uploaded JSON record, and the required evaluation date. POST /check answers the
// decision, the failing clauses with the letter's text, what to provide, the advisories
// and the remedy plan, or the form again with every problem next to its field. POST
// /check/report.html, /check/report.md and /check/verdict.json download the reports and
// the verdict of the record posted back from the answer's hidden field. GET /rules lists
// the rule set. The pages are in Chinese, in English with ?lang=en; they name the rule
// set and what it changes from the letter. They work with scripting off, load only
// /assets/style.css and /assets/app.js (embedded), and carry a Content-Security-Policy
// that forbids inline script and every other origin. Nothing is written to disk.
//
// GET /v1/openapi.json is the OpenAPI 3.1 description of every endpoint (openapi.json,
// embedded); /v1/schema/project.schema.json and /v1/schema/verdict.schema.json are the
// JSON Schemas it references.
//
// # Errors
//
// Every error is an RFC 9457 problem, Content-Type application/problem+json:
//
//	{"type": "https://github.com/jilin761/intake/problems/invalid-project",
//	 "title": "The project record is invalid", "status": 400,
//	 "detail": "2 problems in the record",
//	 "errors": [{"path": "applicant.creditCode", "message": "…"},
//	            {"path": "investment.total", "message": "…"}]}
//
// The "errors" extension lists each problem at its path in the record (the library's
// dotted JSON paths, as eligibility.ValidationError and criteria.FieldError give them;
// "asOf" for the query parameter; "" for the body as a whole). The types are identifiers,
// not pages to fetch:
//
//   - …/problems/invalid-project (400): the body is not valid JSON, or the record is not
//     a valid project (unknown field, wrong JSON type, unknown code, bad credit code …);
//   - …/problems/invalid-request (400): asOf is missing or not a date, the rule set has
//     no parameter value on asOf, or a batch body is not a JSON array;
//   - about:blank with the status's own title for the rest: 404 (unknown path), 405
//     (wrong method; the Allow header lists the right ones), 408 (the body was not
//     received before the deadline), 413 (body over the limit, or too many records),
//     415 (a Content-Type other than the ones above), 503 (the request's deadline passed
//     before its verdict was reached), 500 (a bug).
//
// Deadlines use the request's context with the -timeout deadline
// (Engine.EvaluateContext stops at it) and the http.Server's ReadTimeout and
// WriteTimeout; http.TimeoutHandler is not used because it buffers the whole response,
// which would defeat streaming a batch.
//
// The server binds to loopback by default. It has no authentication and no TLS: put it
// behind the reverse proxy that provides them.
package main
