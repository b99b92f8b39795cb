package sheet_test

import (
	"bytes"
	"context"
	"os"
	"testing"
)

// Any bytes give rows or an error, never a panic.
func FuzzRead(f *testing.F) {
	w := workbook(f)
	sample, err := os.ReadFile("../../examples/workbook/sample.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add(sample[:len(sample)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := w.Read(context.Background(), bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.Project == nil || r.Row <= 2 {
				t.Fatalf("row %d read without a project, or from the header", r.Row)
			}
		}
	})
}
