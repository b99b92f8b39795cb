// Command server puts the eligibility engine behind an HTTP API, for project-management
// systems that are not written in Go, and behind pages, for people who do not write
// code. It embeds one engine built from the default rule set (eligibility.Default), or
// from the -ruleset file, compiled once and shared by every request, and uses only the
// standard library's net/http and html/template.
//
// Usage:
//
//	go run ./examples/server -addr 127.0.0.1:8761
//
// or, to deploy it (go run does not pass a signal on to the server it started):
//
//	go build -o intake-server ./examples/server && ./intake-server -addr 127.0.0.1:8761
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
// SIGINT or SIGTERM (what systemd and container runtimes send) shuts the server down
// gracefully: it stops accepting connections and lets requests in flight finish, for at
// most the per-request timeout plus 5 seconds.
//
// It writes one access-log line per request to stderr (log/slog): method, path, status,
// duration, bytes sent, and the count of records, of each decision and of problems;
// never a record's content, a field value, the query or a problem's detail.
//
// # Endpoints
//
// POST /v1/evaluate?asOf=YYYY-MM-DD takes one project record (the JSON of
// eligibility.Project, as published in eligibility/schema/project.schema.json) with
// Content-Type application/json and answers 200 with the verdict (the JSON of
// eligibility.Verdict, eligibility/schema/verdict.schema.json). The record is decoded
// strictly and validated in one pass by the engine (Engine.DecodeProjectContext: an
// unknown field, a bad amount or an unknown code is an error); every problem is reported
// at once, the first criteria.MaxListedProblems of them listed and the rest counted in
// "omitted".
//
// asOf, the evaluation date, is required: a request without it is a 400. The server does
// not default it to today's date, because the library never reads the clock and a verdict
// must not depend on when it was asked for: the same record and date give the same
// verdict, byte for byte, on any day, which is what makes a stored verdict reproducible.
// A caller that means "today" says which day that is. A date before the rule set's
// effective date is a 400: its rules were not in force then.
//
// The query is strict: a parameter the endpoint does not take (?ruleSet=…) or one given
// twice is a 400 naming it. A body must be UTF-8 JSON without a byte-order mark (RFC 8259
// §8.1); a BOM, UTF-16 or GBK/GB 18030 is a 400 that names the encoding (the server does
// not guess and convert). A JSON syntax error's problem has line, column and offset
// members.
//
// POST /v1/validate takes one record as /v1/evaluate does and runs the same checks
// without evaluating: 200 {"valid":true}, or the 400 that /v1/evaluate would give. asOf is
// optional there, and checked when given.
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
// Each record, in either format, is held to -max-body. A bad record does not fail the
// batch: its slot holds a problem object (below) with an "index" member, the record's
// 0-based position among the records, instead of a verdict. A slot is a problem exactly
// when it has a "status" member (a verdict has none). A problem slot's status is 400 (a
// bad record), 413 (a record over -max-body), 500 (a bug), or, when the batch stops early
// after the first slot was written, 503 (the deadline passed), 408 (the body stopped
// arriving) or 413 (an NDJSON body outgrew -max-batch-body or -max-batch-records); a
// stopping slot is the last, its index the first record not evaluated, and the records
// from there on have no slot.
//
// GET /v1/criteria answers the rule set the engine runs, as JSON: its name, document and
// effective date, the parameters with their dated values, units, clause references and
// descriptions, and every criterion with its ID, ref, category, source (the letter's
// text), summary, strength, basis, appliesWhen, require and message. Its first member,
// ruleSetHash, is the provenance.ruleSetHash of every verdict under these rules, and its
// ETag is that hash; it honours If-None-Match.
//
// GET /healthz answers 200 {"status":"ok",...} with the library version and rule set.
//
// # Pages
//
// GET / is a page for people: a form generated from the rule set (eligibility/remedy's
// Form: the facts and findings the chosen category's criteria read), or a pasted or
// uploaded JSON record, and the required evaluation date. A list of codes is a box a
// code, named in the page's language ("none" states it empty, nothing ticked leaves it
// out), and each 三.2 form field has a box that records it left blank (""). POST
// /check answers the decision, the failing clauses with the letter's text, what to
// provide, the advisories and the remedy plan, or the form again with every problem
// next to its field. POST /check/report.html, /check/report.md and /check/verdict.json
// download the reports and the verdict of the record posted back from the answer's
// hidden field. GET /rules lists the rule set. The pages are in Chinese, in English with ?lang=en; they name the rule
// set and what it changes from the letter. They work with scripting off, load only
// /assets/style.css and /assets/app.js (embedded), and carry a Content-Security-Policy
// that forbids inline script and every other origin. Nothing is written to disk.
//
// GET /v1/openapi.json is the OpenAPI 3.1 description of every endpoint (openapi.json,
// embedded); /v1/schema/project.schema.json, verdict.schema.json and
// remedies.schema.json are the JSON Schemas it references.
//
// # Errors
//
// Every error is an RFC 9457 problem, Content-Type application/problem+json, including
// the answers net/http gives itself before any handler runs (a header over 64 KiB: 431;
// malformed: 400; not received in time: 408), which a connection wrapper rewrites:
//
//	{"type": "https://github.com/jilin761/intake/problems/invalid-project",
//	 "title": "The project record is invalid", "status": 400,
//	 "detail": "2 problems in the record",
//	 "errors": [{"path": "applicant.creditCode", "message": "…", "messageZh": "…"},
//	            {"path": "investment.total", "message": "…", "messageZh": "…"}]}
//
// The "errors" extension lists each problem at its path in the record (the library's
// dotted JSON paths, as eligibility.ValidationError and criteria.FieldError give them;
// "asOf" for the query parameter; "" for the body as a whole), with its message in
// English and, where the library gives one (criteria.FieldError.Zh), in Chinese. The types are identifiers,
// not pages to fetch:
//
//   - …/problems/invalid-project (400): the body is not valid JSON, or the record is not
//     a valid project (unknown field, wrong JSON type, unknown code, bad credit code …),
//     or not UTF-8;
//   - …/problems/invalid-request (400): asOf is missing, not a date, given twice or
//     before the rule set took effect, the rule set has no parameter value on asOf, a
//     query parameter is unknown, or a batch body is not a JSON array;
//   - about:blank with the status's own title for the rest: 404 (unknown path), 405
//     (wrong method; the Allow header lists the right ones), 408 (the header or body was
//     not received before its deadline), 413 (body over the limit, or too many
//     records), 415 (a Content-Type other than the ones above), 431 (header over 64 KiB),
//     501 (unknown Transfer-Encoding), 503 (the request's deadline passed before its
//     verdict was reached), 500 (a bug).
//
// Deadlines use the request's context with the -timeout deadline
// (decoding and evaluation stop at it) and the http.Server's ReadTimeout and
// WriteTimeout; http.TimeoutHandler is not used because it buffers the whole response,
// which would defeat streaming a batch.
//
// The server binds to loopback by default. It has no authentication and no TLS: put it
// behind the reverse proxy that provides them.
package main
