package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"github.com/jilin761/intake/eligibility"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stderr))
}

// options are the parsed command line.
type options struct {
	addr string
	cfg  config
	// ruleSet is the -ruleset file; empty for the default rule set.
	ruleSet string
}

// parseFlags reads the command line; the error is already reported on stderr.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	o := options{cfg: defaultConfig()}
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8761", "`host:port` to listen on")
	fs.Int64Var(&o.cfg.maxBody, "max-body", o.cfg.maxBody, "largest body of POST /v1/evaluate, in `bytes`")
	fs.Int64Var(&o.cfg.maxBatchBody, "max-batch-body", o.cfg.maxBatchBody, "largest body of POST /v1/evaluate:batch, in `bytes`")
	fs.IntVar(&o.cfg.maxBatchRecords, "max-batch-records", o.cfg.maxBatchRecords, "most `records` in one batch")
	fs.StringVar(&o.ruleSet, "ruleset", "", "a rule set or a variant of the default, YAML or JSON, to run instead of the letter's (`FILE`)")
	fs.DurationVar(&o.cfg.timeout, "timeout", o.cfg.timeout, "per-request deadline, reading the body included")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	var problems []error
	if fs.NArg() > 0 {
		problems = append(problems, fmt.Errorf("unexpected arguments %q", fs.Args()))
	}
	if o.cfg.maxBody <= 0 || o.cfg.maxBatchBody <= 0 || o.cfg.maxBatchRecords <= 0 {
		problems = append(problems, errors.New("-max-body, -max-batch-body and -max-batch-records must be positive"))
	}
	if o.cfg.timeout <= 0 {
		problems = append(problems, errors.New("-timeout must be positive"))
	}
	if err := errors.Join(problems...); err != nil {
		fmt.Fprintln(stderr, "server:", err)
		fs.Usage()
		return o, err
	}
	return o, nil
}

// run is the whole command: it serves until ctx is done, then shuts down gracefully.
// It returns the exit status: 0 after a clean shutdown, 1 when the server could not
// start or stop cleanly, 2 for a usage error.
func run(ctx context.Context, args []string, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	e, desc, err := loadEngine(o.ruleSet)
	if err != nil {
		log.Error("rule set", "err", err)
		return 1
	}
	o.cfg.ruleSetDescription = desc
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		log.Error("listen", "err", err)
		return 1
	}
	if err := serve(ctx, ln, e, o.cfg, log); err != nil {
		log.Error("serve", "err", err)
		return 1
	}
	return 0
}

// serve runs the API on ln until ctx is done, then stops accepting connections and waits
// for the requests in flight, at most one request timeout plus the time to write.
func serve(ctx context.Context, ln net.Listener, e engine, cfg config, log *slog.Logger) error {
	h, err := newServer(e, cfg, log)
	if err != nil {
		return err
	}
	srv := httpServer(h, cfg, log)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(newProblemListener(ln, srv, log)) }()
	log.Info("listening", "url", "http://"+ln.Addr().String(), "ruleSet", h.engine.RuleSet().Name,
		"version", eligibility.Version, "timeout", cfg.timeout)

	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing the requests in flight")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), srv.WriteTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	log.Info("stopped")
	return nil
}
