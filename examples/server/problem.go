package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/jilin761/intake/criteria"
)

// Problem types of this API. They are identifiers in the module's namespace (RFC 9457
// §3.1.1 allows a type that cannot be dereferenced); everything else is about:blank.
const (
	problemBase         = "https://github.com/jilin761/intake/problems/"
	typeInvalidProject  = problemBase + "invalid-project"
	typeInvalidRequest  = problemBase + "invalid-request"
	typeBlank           = "about:blank"
	problemContentType  = "application/problem+json"
	jsonContentType     = "application/json"
	ndjsonContentType   = "application/x-ndjson"
	titleInvalidProject = "The project record is invalid"
	titleInvalidRequest = "The request is invalid"
)

// problem is an RFC 9457 problem details object, with two extensions: errors, each
// problem at its path, and index, a record's slot in a batch.
type problem struct {
	Type   string       `json:"type"`
	Title  string       `json:"title"`
	Status int          `json:"status"`
	Detail string       `json:"detail,omitempty"`
	Errors []fieldError `json:"errors,omitempty"`
	// Omitted counts the problems of the record beyond those listed in Errors: the
	// library lists at most criteria.MaxListedProblems, so that one megabyte of a
	// repeated key is an answer of a few kilobytes.
	Omitted int `json:"omitted,omitempty"`
	// Index is the record's 0-based position in a batch; nil outside batches.
	Index *int `json:"index,omitempty"`
	// Line, Column and Offset locate a JSON syntax error in the record (in a batch, in
	// the record of the slot): Offset is the count of bytes read when the error was
	// found (encoding/json's SyntaxError.Offset), Line and Column, 1-based and counting
	// characters, the position of the last byte read. Nil for any other problem.
	Line   *int   `json:"line,omitempty"`
	Column *int   `json:"column,omitempty"`
	Offset *int64 `json:"offset,omitempty"`
}

// fieldError is one problem at one path.
type fieldError struct {
	// Path is the library's dotted JSON path ("applicant.creditCode"), "asOf" for the
	// query parameter, or "" for the body as a whole.
	Path    string `json:"path"`
	Message string `json:"message"`
	// MessageZh is the message in Chinese, when the library gave one.
	MessageZh string `json:"messageZh,omitempty"`
}

// httpProblem is a problem with no more to say than its status.
func httpProblem(status int, detail string) *problem {
	return &problem{Type: typeBlank, Title: http.StatusText(status), Status: status, Detail: detail}
}

// invalidRequest is a 400 about the request rather than the record, at path.
func invalidRequest(path, message string) *problem {
	return &problem{Type: typeInvalidRequest, Title: titleInvalidRequest, Status: http.StatusBadRequest,
		Detail: message, Errors: []fieldError{{Path: path, Message: message}}}
}

// requestProblem is the 400 listing every problem of the request (not the record), or
// nil when there are none.
func requestProblem(errs []fieldError) *problem {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return invalidRequest(errs[0].Path, errs[0].Message)
	}
	p := invalidRequest("", "")
	p.Errors = errs
	p.Detail = strconv.Itoa(len(errs)) + " problems in the request"
	return p
}

// invalidProject turns an error of DecodeProject or the engine's validation into a 400
// listing every problem. A *criteria.ValidationError gives one entry per field; any other
// error (the body is not JSON at all) one entry for the body as a whole.
func invalidProject(err error) *problem {
	p := &problem{Type: typeInvalidProject, Title: titleInvalidProject, Status: http.StatusBadRequest}
	if ve, ok := errors.AsType[*criteria.ValidationError](err); ok {
		for _, fe := range ve.Problems {
			p.Errors = append(p.Errors, fieldError{Path: fe.Path, Message: fe.Message, MessageZh: fe.Zh})
		}
		p.Omitted = ve.Omitted
	}
	switch n := len(p.Errors) + p.Omitted; {
	case len(p.Errors) == 0:
		p.Detail = err.Error()
		p.Errors = []fieldError{{Path: "", Message: err.Error()}}
	case n == 1:
		p.Detail = "1 problem in the record: " + p.Errors[0].Path + ": " + p.Errors[0].Message
	case p.Omitted > 0:
		p.Detail = fmt.Sprintf("%d problems in the record; the first %d are listed", n, len(p.Errors))
	default:
		p.Detail = strconv.Itoa(n) + " problems in the record"
	}
	return p
}

// problemJSON is p's JSON and a newline.
func problemJSON(p *problem) []byte {
	body, err := json.Marshal(p)
	if err != nil { // a problem holds only strings and ints
		panic("server: encoding a problem: " + err.Error())
	}
	return append(body, '\n')
}

// write sends p as the whole response.
func (p *problem) write(w http.ResponseWriter) {
	body := problemJSON(p)
	h := w.Header()
	h.Set("Content-Type", problemContentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(p.Status)
	_, _ = w.Write(body)
}
