// Command workbook carries the monthly intake round of 二.1 in spreadsheets
// (package eligibility/sheet): it writes the 项目表单 template for the offices to
// fill, and evaluates a filled workbook into a result workbook of verdicts,
// remedies, 问题清单, 汇总 and 出处.
//
// Usage:
//
//	go run ./examples/workbook template [-out FILE.xlsx] [project.json ...]
//	go run ./examples/workbook evaluate -asof YYYY-MM-DD [-out RESULT.xlsx] FILLED.xlsx
//
// template writes the template, empty or holding the projects given as JSON
// records (one record or an array per file). evaluate reads a filled workbook;
// when a cell is bad it prints every bad cell, by sheet and cell, in Chinese and
// English (项目表单!F7: "5百万" 不是金额：请写成数字字符串… / …) and exits 1 without
// writing. Without -out the workbook goes to standard output. On a terminal, evaluate shows its
// progress on standard error; piped, it prints nothing there but errors.
//
// Exit status: 0 on success, 1 when the input cannot be read or has bad cells,
// 2 for a usage error.
//
// Examples:
//
//	go run ./examples/workbook template -out 项目表单.xlsx
//	go run ./examples/workbook template -out examples/workbook/sample.xlsx examples/projects/*.json
//	go run ./examples/workbook evaluate -asof 2020-07-20 -out result.xlsx examples/workbook/sample.xlsx
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/sheet"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr, isTerminal(os.Stderr)))
}

// isTerminal reports whether f is a character device: a terminal, not a pipe
// or a file.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

const usage = `usage:
  workbook template [-out FILE.xlsx] [project.json ...]
  workbook evaluate -asof YYYY-MM-DD [-out RESULT.xlsx] FILLED.xlsx`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, tty bool) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	w, err := sheet.New(eligibility.Default())
	if err != nil {
		fmt.Fprintln(stderr, "workbook:", err)
		return 1
	}
	switch args[0] {
	case "template":
		return template(w, args[1:], stdout, stderr)
	case "evaluate":
		return evaluate(ctx, w, args[1:], stdin, stdout, stderr, tty)
	}
	fmt.Fprintln(stderr, usage)
	return 2
}

func template(w *sheet.Workbook, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("template", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the template to this file (default: standard output)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var projects []*eligibility.Project
	for _, name := range fs.Args() {
		ps, err := readJSON(w.Engine(), name)
		if err != nil {
			fmt.Fprintf(stderr, "workbook: %s: %v\n", name, err)
			return 1
		}
		projects = append(projects, ps...)
	}
	var buf bytes.Buffer
	if err := w.WriteTemplate(&buf, projects); err != nil {
		fmt.Fprintln(stderr, "workbook:", err)
		return 1
	}
	return write(*out, buf.Bytes(), stdout, stderr)
}

// readJSON decodes one project record, or an array of them, strictly.
func readJSON(e *eligibility.Engine, name string) ([]*eligibility.Project, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '[' {
		var raws []json.RawMessage
		if err := json.Unmarshal(t, &raws); err != nil {
			return nil, err
		}
		out := make([]*eligibility.Project, 0, len(raws))
		for i, r := range raws {
			p, err := e.DecodeProject(r)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			out = append(out, p)
		}
		return out, nil
	}
	p, err := e.DecodeProject(data)
	if err != nil {
		return nil, err
	}
	return []*eligibility.Project{p}, nil
}

func evaluate(ctx context.Context, w *sheet.Workbook, args []string, stdin io.Reader, stdout, stderr io.Writer, tty bool) int {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the result workbook to this file (default: standard output)")
	asOfText := fs.String("asof", "", "the evaluation date, YYYY-MM-DD (required)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	asOf, err := criteria.ParseDate(*asOfText)
	if err != nil || fs.NArg() != 1 {
		fmt.Fprintln(stderr, "workbook: evaluate needs -asof YYYY-MM-DD and one workbook")
		fmt.Fprintln(stderr, usage)
		return 2
	}
	var in io.Reader = stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(stderr, "workbook:", err)
			return 1
		}
		defer f.Close()
		in = f
	}
	rows, err := w.Read(ctx, in)
	if err != nil {
		var we *sheet.Error
		if errors.As(err, &we) {
			for _, p := range we.Problems {
				fmt.Fprintln(stderr, p)
			}
			if we.Omitted > 0 {
				fmt.Fprintf(stderr, "… 另有 %d 处 / %d more\n", we.Omitted, we.Omitted)
			}
			fmt.Fprintf(stderr, "workbook: %d 处问题，未评估 / %d problems, nothing evaluated\n", len(we.Problems)+we.Omitted, len(we.Problems)+we.Omitted)
			return 1
		}
		fmt.Fprintln(stderr, "workbook:", err)
		return 1
	}
	var progress func(done, total int)
	if tty {
		progress = func(done, total int) {
			if done%50 == 0 || done == total {
				fmt.Fprintf(stderr, "\r评估 / evaluating %d/%d", done, total)
				if done == total {
					fmt.Fprintln(stderr)
				}
			}
		}
	}
	outs, err := w.Evaluate(ctx, rows, asOf, progress)
	if err != nil {
		fmt.Fprintln(stderr, "workbook:", err)
		return 1
	}
	var buf bytes.Buffer
	if err := w.WriteResults(&buf, asOf, outs); err != nil {
		fmt.Fprintln(stderr, "workbook:", err)
		return 1
	}
	return write(*out, buf.Bytes(), stdout, stderr)
}

func write(name string, data []byte, stdout, stderr io.Writer) int {
	if name == "" {
		if _, err := stdout.Write(data); err != nil {
			fmt.Fprintln(stderr, "workbook:", err)
			return 1
		}
		return 0
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		fmt.Fprintln(stderr, "workbook:", err)
		return 1
	}
	return 0
}
