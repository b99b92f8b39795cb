package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/jilin761/intake/eligibility"
)

// decodeRecord decodes one project record. When the decoder refuses it, a body that
// is not UTF-8 JSON text at all (a byte-order mark, UTF-16, GBK or GB 18030), which
// the decoder could only call an invalid character, is named for what it is, and a
// JSON syntax error gets its line, column and offset. (The decoder refuses every
// body that is not UTF-8, so a valid record is not read a second time for it.)
func (s *server) decodeRecord(ctx context.Context, body []byte) (*eligibility.Project, *problem) {
	p, err := s.engine.DecodeProjectContext(ctx, body)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return nil, deadlineProblem(err)
	}
	if err != nil {
		return nil, recordProblem(body, err)
	}
	return p, nil
}

// recordProblem is the problem of a record the library refused (err matches
// eligibility.ErrInvalidProject).
func recordProblem(body []byte, err error) *problem {
	if msg := encodingError(body); msg != "" {
		return invalidProject(errors.New(msg))
	}
	prob := invalidProject(err)
	locateSyntaxError(prob, body, err)
	return prob
}

// encodingError says why body is not UTF-8 text, or "" when it is. JSON exchanged
// between systems must be UTF-8 without a byte-order mark (RFC 8259 §8.1). The server
// refuses other encodings rather than guessing: a record converted by guesswork could
// be stored with a hash the sender never computed.
func encodingError(body []byte) string {
	if msg := bomError(body); msg != "" {
		return msg
	}
	if utf8.Valid(body) {
		return ""
	}
	at := invalidUTF8At(body)
	if looksGB18030(body) {
		return fmt.Sprintf("the body is not UTF-8: at byte %d it has % X, which reads as GBK/GB 18030 (the Windows code page 936 "+
			"of Chinese editors); JSON text must be UTF-8 (RFC 8259 §8.1): convert it, e.g. iconv -f GB18030 -t UTF-8",
			at, body[at:min(at+2, len(body))])
	}
	return fmt.Sprintf("the body is not UTF-8: byte %d (%02X) does not begin a UTF-8 character; JSON text must be UTF-8 (RFC 8259 §8.1)", at, body[at])
}

// bomError says what byte-order mark body starts with, or "" when it has none.
func bomError(body []byte) string {
	switch {
	case bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")):
		return "the body starts with a UTF-8 byte-order mark (bytes EF BB BF), which JSON text must not have (RFC 8259 §8.1): " +
			"save the file as UTF-8 without BOM (in Notepad: \"UTF-8\", not \"UTF-8 with BOM\")"
	case bytes.HasPrefix(body, []byte("\xFF\xFE")), bytes.HasPrefix(body, []byte("\xFE\xFF")):
		return fmt.Sprintf("the body is UTF-16 (byte-order mark %X); JSON text must be UTF-8 (RFC 8259 §8.1): re-encode it as UTF-8", body[:2])
	}
	return ""
}

// invalidUTF8At returns the offset of the first byte that is not valid UTF-8.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// looksGB18030 reports whether b is well-formed GB 18030 (of which GBK is the two-byte
// part): ASCII, lead byte 81–FE with a trail byte 40–7E or 80–FE, or four bytes
// 81–FE 30–39 81–FE 30–39.
func looksGB18030(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c < 0x80:
			i++
		case c >= 0x81 && c <= 0xFE && i+1 < len(b) && (b[i+1] >= 0x40 && b[i+1] <= 0x7E || b[i+1] >= 0x80 && b[i+1] <= 0xFE):
			i += 2
		case c >= 0x81 && c <= 0xFE && i+3 < len(b) && isDigit(b[i+1]) && b[i+2] >= 0x81 && b[i+2] <= 0xFE && isDigit(b[i+3]):
			i += 4
		default:
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// locateSyntaxError adds the line, column and offset of a JSON syntax error in body to
// prob. It reads the offset from the *json.SyntaxError in err's chain, so it works
// whatever the decoder's message says.
func locateSyntaxError(prob *problem, body []byte, err error) {
	se, ok := errors.AsType[*json.SyntaxError](err)
	if !ok {
		return
	}
	offset := min(max(se.Offset, 0), int64(len(body)))
	line, column := position(body, offset)
	prob.Line, prob.Column, prob.Offset = &line, &column, &offset
}

// position turns a byte offset (the count of bytes read, as json.SyntaxError gives it)
// into the 1-based line and column, counting characters, of the last byte read: the
// same position examples/evaluate prints.
func position(data []byte, offset int64) (line, col int) {
	before := data[:max(offset-1, 0)]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}
