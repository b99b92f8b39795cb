package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// net/http answers a request whose header it cannot read itself, before any handler
// runs: it writes a fixed text/plain answer straight to the connection (431 for a header
// over MaxHeaderBytes, 400 for a malformed or slow request line, 501 for an unknown
// transfer coding), or, when the header stalls after its first line, closes the
// connection without a word. The http.Server has no hook for these answers, so the
// listener wraps each connection and puts the API's problem+json in their place.

// serverErrorHeaders is what net/http writes between the status line and the text of
// its own error answers (net/http/server.go, conn.serve). A handler's answer never has
// it: every handler's answer carries X-Content-Type-Options and Date.
const serverErrorHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

// problemListener wraps the connections of ln.
type problemListener struct {
	net.Listener
	headerTimeout  time.Duration
	maxHeaderBytes int
	log            *slog.Logger
}

func newProblemListener(ln net.Listener, srv *http.Server, log *slog.Logger) *problemListener {
	return &problemListener{Listener: ln, headerTimeout: srv.ReadHeaderTimeout, maxHeaderBytes: srv.MaxHeaderBytes, log: log}
}

func (l *problemListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &problemConn{Conn: c, l: l}, nil
}

// problemConn rewrites net/http's own error answers on one connection.
type problemConn struct {
	net.Conn
	l *problemListener

	mu sync.Mutex
	// unanswered counts the bytes read since the last answer was written: a request
	// begun and not answered.
	unanswered int
	// timedOut is set when a read timed out with a request begun and not answered.
	timedOut bool
}

func (c *problemConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.mu.Lock()
	c.unanswered += n
	if ne, ok := errors.AsType[net.Error](err); ok && ne.Timeout() && c.unanswered > 0 {
		c.timedOut = true
	}
	c.mu.Unlock()
	return n, err
}

func (c *problemConn) Write(b []byte) (int, error) {
	c.mu.Lock()
	timedOut := c.timedOut
	c.unanswered, c.timedOut = 0, false
	c.mu.Unlock()
	status, text, ok := parseServerError(b)
	if !ok {
		return c.Conn.Write(b)
	}
	if status == http.StatusBadRequest && timedOut {
		// The request line did not arrive in time; net/http calls that malformed.
		status = http.StatusRequestTimeout
	}
	if _, err := c.Conn.Write(c.answer(status, text)); err != nil {
		return 0, err
	}
	return len(b), nil
}

// Close answers a request whose header stalled, which net/http drops silently, with a
// 408: the client learns why rather than seeing the connection reset.
func (c *problemConn) Close() error {
	c.mu.Lock()
	timedOut := c.timedOut
	c.timedOut = false
	c.mu.Unlock()
	if timedOut {
		_ = c.Conn.SetWriteDeadline(time.Now().Add(time.Second))
		_, _ = c.Conn.Write(c.answer(http.StatusRequestTimeout, ""))
	}
	return c.Conn.Close()
}

// CloseWrite keeps net/http's graceful close (a FIN before the RST) after a 431.
func (c *problemConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}

// answer is the whole HTTP/1.1 answer for a request net/http refused before the API saw
// it, and logs it: the access log has one line per request, these included.
func (c *problemConn) answer(status int, text string) []byte {
	var detail string
	switch status {
	case http.StatusRequestHeaderFieldsTooLarge:
		detail = fmt.Sprintf("the request's header is larger than the server's limit of %d bytes", c.l.maxHeaderBytes)
	case http.StatusRequestTimeout:
		detail = fmt.Sprintf("the request's header was not received within %s", c.l.headerTimeout)
	case http.StatusNotImplemented:
		detail = "the request's Transfer-Encoding is not supported; send the body with Content-Length or chunked"
	default:
		detail = "the request's line or header is not valid HTTP/1.1"
		if text != "" {
			detail += ": " + text
		}
	}
	body := problemJSON(httpProblem(status, detail))
	c.l.log.LogAttrs(context.Background(), slog.LevelInfo, "request", slog.String("remote", c.RemoteAddr().String()),
		slog.Int("status", status), slog.String("refused", "before the handler: "+detail))
	var out bytes.Buffer
	fmt.Fprintf(&out, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n",
		status, http.StatusText(status), problemContentType, len(body))
	out.Write(body)
	return out.Bytes()
}

// parseServerError recognises one of net/http's own error answers, written in one
// Write: "HTTP/1.1 431 Request Header Fields Too Large" serverErrorHeaders text, where
// the text repeats the status line's and may add a reason after ": ". It returns the
// status and that reason.
func parseServerError(b []byte) (status int, text string, ok bool) {
	rest, found := bytes.CutPrefix(b, []byte("HTTP/1.1 "))
	if !found || len(rest) < 3 {
		return 0, "", false
	}
	status, err := strconv.Atoi(string(rest[:3]))
	if err != nil || status < 400 {
		return 0, "", false
	}
	_, after, found := bytes.Cut(rest, []byte(serverErrorHeaders))
	if !found {
		return 0, "", false
	}
	prefix := fmt.Sprintf("%d %s: ", status, http.StatusText(status))
	if reason, ok := bytes.CutPrefix(after, []byte(prefix)); ok {
		text = string(reason)
	}
	return status, text, true
}
