package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/jilin761/intake/eligibility"
)

// entry is one project record read from the input, or the reason it could not be.
type entry struct {
	// label names the record in messages: the file, or file[i] for the i-th record
	// of a file holding an array or several values.
	label   string
	project *eligibility.Project
	err     error
	// bare is set for a file holding a single JSON object, not an array.
	bare bool
}

// singleRecord reports whether the whole input was one bare project record.
func singleRecord(entries []entry) bool { return len(entries) == 1 && entries[0].bare }

const stdinName = "<stdin>"

func displayName(name string) string {
	if name == "-" {
		return stdinName
	}
	return name
}

// readInput reads and decodes one input: a file, or standard input for "-". A file
// that cannot be read or is not well-formed JSON is an error; a well-formed file gives
// one entry per record, each with its own decoding error if any.
func readInput(name string, stdin io.Reader) ([]entry, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, err
	}
	return decodeInput(displayName(name), data)
}

// decodeInput splits data into its project records and decodes each strictly.
func decodeInput(name string, data []byte) ([]entry, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var values []json.RawMessage
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, syntaxError(data, err)
		}
		values = append(values, raw)
	}
	if len(values) == 0 {
		return nil, errors.New("no input: want a project record (a JSON object) or an array of them")
	}

	var records []json.RawMessage
	for _, v := range values {
		if isArray(v) {
			var elems []json.RawMessage
			_ = json.Unmarshal(v, &elems) // well-formed: the decoder has checked it
			records = append(records, elems...)
		} else {
			records = append(records, v)
		}
	}
	bare := len(values) == 1 && !isArray(values[0])
	entries := make([]entry, len(records))
	for i, raw := range records {
		label := name
		if !bare {
			label = fmt.Sprintf("%s[%d]", name, i)
		}
		p, err := eligibility.Default().DecodeProject(raw) // shape and values, every problem at once
		entries[i] = entry{label: label, project: p, err: err, bare: bare}
	}
	return entries, nil
}

// syntaxError locates a JSON syntax error by line and column.
func syntaxError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := position(data, se.Offset)
		return fmt.Errorf("invalid JSON at line %d, column %d: %v", line, col, se)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("invalid JSON: unexpected end of input")
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// position turns a byte offset (the count of bytes read, as json.SyntaxError gives
// it) into a 1-based line and column, counting characters.
func position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:max(offset-1, 0)]
	line = bytes.Count(before, []byte("\n")) + 1
	col = len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:]))) + 1
	return line, col
}

// isArray reports whether a well-formed JSON value is an array.
func isArray(raw json.RawMessage) bool {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	return len(raw) > 0 && raw[0] == '['
}
