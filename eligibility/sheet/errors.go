package sheet

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalidWorkbook is matched (errors.Is) by every *Error: a workbook with bad
// cells or a shape this package refuses (merged cells, hidden sheets, formulas).
var ErrInvalidWorkbook = errors.New("sheet: invalid workbook")

// ErrTooLarge is matched by the error for a workbook over a reading limit.
var ErrTooLarge = errors.New("sheet: workbook too large")

// Limits on reading a workbook. An office's monthly round is a few hundred
// projects; the limits leave room for a province's year while keeping memory
// bounded (excelize holds the unzipped parts in memory, never in a file).
const (
	// MaxWorkbookBytes bounds the bytes read from the reader.
	MaxWorkbookBytes = 64 << 20
	// MaxUnzippedBytes bounds the unzipped size of the workbook and of each part:
	// a zip bomb stops here.
	MaxUnzippedBytes = 128 << 20
	// MaxRows bounds the data rows of a sheet.
	MaxRows = 20_000
	// MaxColumns bounds the columns of a row.
	MaxColumns = 1024
	// MaxProblems bounds the problems listed; the rest are counted.
	MaxProblems = 1000
)

// Problem is one bad cell, or a bad shape of the workbook.
type Problem struct {
	// Sheet and Cell locate it ("项目表单", "F7"); Cell is a range for merged
	// cells and empty for a whole sheet.
	Sheet, Cell string
	// Value is the cell's text.
	Value string
	// Path is the record's JSON path the cell gives, if any.
	Path string
	// Zh and En say what is wrong.
	Zh, En string
}

func (p *Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.Sheet)
	if p.Cell != "" {
		b.WriteString("!" + p.Cell)
	}
	b.WriteString(": ")
	if p.Value != "" {
		fmt.Fprintf(&b, "%q ", p.Value)
	}
	b.WriteString(p.Zh + " / " + p.En)
	return b.String()
}

// Error lists every problem of a workbook, so an office can fix them all at once.
type Error struct {
	Problems []*Problem
	// Omitted counts the problems beyond MaxProblems.
	Omitted int
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "sheet: invalid workbook (%d problems)", len(e.Problems)+e.Omitted)
	for _, p := range e.Problems {
		b.WriteString("\n\t" + p.Error())
	}
	if e.Omitted > 0 {
		fmt.Fprintf(&b, "\n\t… 另有 %d 处 / %d more", e.Omitted, e.Omitted)
	}
	return b.String()
}

// Is reports ErrInvalidWorkbook.
func (e *Error) Is(target error) bool { return target == ErrInvalidWorkbook }

func (e *Error) add(p *Problem) {
	if len(e.Problems) >= MaxProblems {
		e.Omitted++
		return
	}
	e.Problems = append(e.Problems, p)
}
