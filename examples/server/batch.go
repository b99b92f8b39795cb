package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/jilin761/intake/eligibility"
)

// batch answers POST /v1/evaluate:batch. The Content-Type chooses the format of both
// the body and the answer: a JSON array, or NDJSON streamed record by record.
func (s *server) batch(w http.ResponseWriter, r *http.Request) {
	asOf, prob := s.asOfParam(r, true)
	form, fprob := formParam(r)
	if prob == nil {
		prob = fprob
	}
	if prob != nil {
		prob.write(w)
		return
	}
	mt := ""
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, _ = mime.ParseMediaType(ct)
	}
	switch mt {
	case jsonContentType, "":
		s.batchArray(w, r, asOf, form)
	case ndjsonContentType:
		s.batchNDJSON(w, r, asOf, form)
	default:
		requireJSON(r, jsonContentType, ndjsonContentType).write(w)
	}
}

// batchArray evaluates a JSON array of records. The array is read whole first, so that
// a body that is not an array, or is too large, gets its own status before any verdict
// is written.
func (s *server) batchArray(w http.ResponseWriter, r *http.Request, asOf eligibility.Date, form eligibility.VerdictForm) {
	body, prob := readBody(w, r, s.cfg.maxBatchBody)
	if prob != nil {
		prob.write(w)
		return
	}
	var records []json.RawMessage
	if msg := bomError(body); msg != "" {
		invalidRequest("", msg).write(w)
		return
	}
	if trimmed := bytes.TrimSpace(body); len(trimmed) == 0 || trimmed[0] != '[' {
		invalidRequest("", "the body must be a JSON array of project records (or send application/x-ndjson)").write(w)
		return
	}
	if err := json.Unmarshal(body, &records); err != nil {
		invalidRequest("", "the body is not a JSON array of project records: "+err.Error()).write(w)
		return
	}
	if len(records) > s.cfg.maxBatchRecords {
		httpProblem(http.StatusRequestEntityTooLarge, fmt.Sprintf("%d records; a batch holds at most %d", len(records), s.cfg.maxBatchRecords)).write(w)
		return
	}
	out := newSlotWriter(w, false)
	out.form = form
	for i, rec := range records {
		if int64(len(rec)) > s.cfg.maxBody {
			// The same bound as one record of POST /v1/evaluate or one NDJSON line:
			// the batch's limit is for many records, not for one large one.
			stats(r.Context()).records++
			stats(r.Context()).problems++
			if out.problem(i, recordTooLarge(s.cfg.maxBody)) != nil {
				break
			}
			continue
		}
		if !s.slot(r.Context(), out, i, rec, asOf) {
			break
		}
	}
	out.end()
}

// batchNDJSON evaluates NDJSON records as they arrive and writes each verdict as soon as
// it is reached: reading and writing overlap (full duplex), so a long stream needs
// neither side to hold it whole.
func (s *server) batchNDJSON(w http.ResponseWriter, r *http.Request, asOf eligibility.Date, form eligibility.VerdictForm) {
	if r.ContentLength > s.cfg.maxBatchBody {
		tooLarge(s.cfg.maxBatchBody).write(w)
		return
	}
	// HTTP/2 is full duplex already; an HTTP/1 connection must be told.
	_ = http.NewResponseController(w).EnableFullDuplex()
	in := bufio.NewReaderSize(http.MaxBytesReader(w, r.Body, s.cfg.maxBatchBody), 64<<10)
	out := newSlotWriter(w, true)
	out.form = form
	// A verdict is flushed when no further record has arrived yet, before the
	// read that waits for one: a client streaming records still gets each verdict
	// before it sends the next, and a body sent whole is answered in large writes
	// rather than a flush (a chunk and a system call) per record.
	out.more = func() bool { return in.Buffered() > 0 }
	defer out.end()
	for index := 0; ; {
		line, tooLong, err := readLine(in, s.cfg.maxBody)
		if err != nil && !errors.Is(err, io.EOF) {
			// A line cut short by a failed read is not a record: only the end of
			// the body ends the last one.
			line, tooLong = nil, false
		}
		if tooLong || len(bytes.TrimSpace(line)) > 0 {
			switch {
			case index >= s.cfg.maxBatchRecords:
				out.stop(index, httpProblem(http.StatusRequestEntityTooLarge,
					fmt.Sprintf("a batch holds at most %d records; record %d and later were not evaluated", s.cfg.maxBatchRecords, index)))
				return
			case tooLong:
				stats(r.Context()).records++
				stats(r.Context()).problems++
				out.problem(index, recordTooLarge(s.cfg.maxBody))
			default:
				if !s.slot(r.Context(), out, index, line, asOf) {
					return
				}
			}
			index++
		}
		switch {
		case errors.Is(err, io.EOF):
			return
		case err != nil:
			prob := readProblem(err, s.cfg.maxBatchBody)
			if prob.Status == http.StatusBadRequest && r.Context().Err() != nil {
				return // the client went away
			}
			out.stop(index, prob)
			return
		}
	}
}

// slot evaluates one record of a batch and writes its slot: the verdict, or the problem
// that stopped the record. It returns false when the batch must stop: the deadline
// passed (the slot then says so) or the client went away.
func (s *server) slot(ctx context.Context, out *slotWriter, index int, record []byte, asOf eligibility.Date) bool {
	verdict, prob := s.evaluateRecord(ctx, record, asOf, out.form, out.buf[:0])
	switch {
	case prob == nil:
		out.buf = verdict // the next record's verdict is written into the same memory
		return out.write(verdict) == nil
	case prob.Status == http.StatusServiceUnavailable && ctx.Err() != nil:
		// Only the context stops a batch; a record's own problem, even one found
		// just as the deadline passed, takes its slot like any other.
		if errors.Is(context.Cause(ctx), context.Canceled) {
			return false // the client went away: nobody reads the rest
		}
		out.stop(index, prob)
		return false
	default:
		if prob.Status >= 500 {
			s.log.Error("evaluate batch record", "index", index, "status", prob.Status, "detail", prob.Detail)
		}
		return out.problem(index, prob) == nil
	}
}

// readLine reads one line of at most limit bytes, without its newline. A longer line is
// read to its end and dropped: tooLong reports it and line is nil.
func readLine(r *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(bytes.TrimSuffix(chunk, []byte("\n")))) > limit {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimSuffix(line, []byte("\n")), tooLong, err
	}
}

// slotWriter writes a batch's answer: one slot per record, as a JSON array or as NDJSON.
// The status line goes out with the first slot; until then a failure of the whole
// request can still have its own status.
type slotWriter struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	ndjson  bool
	started bool
	n       int // slots written
	// form is the verdicts' form, and buf the memory each is written into.
	form eligibility.VerdictForm
	buf  []byte
	// more reports whether the next NDJSON record is already at hand; nil, never.
	more func() bool
}

func newSlotWriter(w http.ResponseWriter, ndjson bool) *slotWriter {
	return &slotWriter{w: w, rc: http.NewResponseController(w), ndjson: ndjson}
}

// write writes one slot, a JSON value ending in a newline. NDJSON slots are flushed one
// by one, so that a client streaming records gets verdicts as they are reached.
func (o *slotWriter) write(slot []byte) error {
	var err error
	switch {
	case o.ndjson:
		o.begin(ndjsonContentType, "")
		_, err = o.w.Write(slot)
		if err == nil && (o.more == nil || !o.more()) {
			err = o.rc.Flush()
		}
	case o.n == 0:
		o.begin(jsonContentType, "[\n")
		_, err = o.w.Write(bytes.TrimSuffix(slot, []byte("\n")))
	default:
		_, err = io.WriteString(o.w, ",\n")
		if err == nil {
			_, err = o.w.Write(bytes.TrimSuffix(slot, []byte("\n")))
		}
	}
	o.n++
	return err
}

func (o *slotWriter) begin(contentType, prefix string) {
	if o.started {
		return
	}
	o.started = true
	o.w.Header().Set("Content-Type", contentType)
	o.w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(o.w, prefix)
}

// problem writes the slot of a record that has no verdict.
func (o *slotWriter) problem(index int, p *problem) error {
	p.Index = &index
	body, err := json.Marshal(p)
	if err != nil {
		panic("server: encoding a problem: " + err.Error())
	}
	return o.write(append(body, '\n'))
}

// stop ends the batch early at record index: before the first slot, p is the whole
// answer with its own status; after it, p is the last slot.
func (o *slotWriter) stop(index int, p *problem) {
	if !o.started {
		p.write(o.w)
		o.started, o.n = true, -1 // the answer is written; end adds nothing
		return
	}
	_ = o.problem(index, p)
}

// end closes the answer: the array's bracket, or for an empty NDJSON answer the header.
func (o *slotWriter) end() {
	switch {
	case o.n < 0:
	case o.ndjson:
		o.begin(ndjsonContentType, "")
	case o.n == 0:
		o.begin(jsonContentType, "[]\n")
	default:
		_, _ = io.WriteString(o.w, "\n]\n")
	}
}

// recordTooLarge is the slot of a batch's record over the limit for one record.
func recordTooLarge(limit int64) *problem {
	p := tooLarge(limit)
	p.Detail = fmt.Sprintf("the record is longer than the limit of %d bytes for one record (-max-body)", limit)
	return p
}
