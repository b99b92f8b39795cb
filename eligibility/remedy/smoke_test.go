package remedy

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
)

func TestSmoke(t *testing.T) {
	pl, err := New(eligibility.Default())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../examples/projects/*.json")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		p, err := eligibility.DecodeProject(data)
		if err != nil {
			t.Fatal(err)
		}
		r, err := pl.Remedies(context.Background(), p, criteria.NewDate(2020, 7, 20))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("==", filepath.Base(f), r.Decision)
		for _, fx := range r.Fixes {
			fmt.Println(" fix", fx.ID, fx.Outcome, fx.None, fx.NoneText.Zh)
			for _, o := range fx.Options {
				fmt.Println("   -", o.Text.Zh, "|", o.Text.En)
			}
		}
		fmt.Println(" plan", r.Plan.Status, r.Plan.Blocked, "\n", r.Plan.Text.Zh)
		for _, q := range r.Questions {
			fmt.Println(" Q", q.Rank, q.Text.Zh)
		}
		_ = json.Marshal
	}
}

func TestSmokeForm(t *testing.T) {
	pl, _ := New(eligibility.Default())
	f, err := pl.Form("industrial-internet", "intranet", "", criteria.NewDate(2020, 7, 20))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.MarshalIndent(f, "", " ")
	fmt.Println(string(b))
}
