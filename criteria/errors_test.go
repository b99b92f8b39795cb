package criteria_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
)

// An input with a hundred thousand problems gives an error listing a bounded number,
// then the count of the rest.
func TestProblemsAreBounded(t *testing.T) {
	sentinel := errors.New("bad input")
	var p criteria.Problems
	const n = 131_066
	for i := range n {
		p.Add(fmt.Sprintf("k%d", i), "duplicate key")
	}
	assert.Equal(t, n, p.Len(), "Len counts every problem, listed or not")
	err := p.Err("test: invalid input", sentinel)
	var ve *criteria.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.ErrorIs(t, err, sentinel)
	assert.Len(t, ve.Problems, criteria.MaxListedProblems)
	assert.Equal(t, n-criteria.MaxListedProblems, ve.Omitted)
	assert.Equal(t, "k0", ve.Problems[0].Path, "the first problems found are listed")
	assert.Contains(t, err.Error(), "test: invalid input (131,066 problems):\n\tk0: duplicate key")
	assert.Contains(t, err.Error(), "\n\t… and 130,966 more problems")
	assert.Less(t, len(err.Error()), 4<<10)
}

func TestProblemsUnderTheBoundListEveryOne(t *testing.T) {
	var p criteria.Problems
	p.Add("a", "one")
	p.AddErr("b", errors.New("two"))
	err := p.Err("test", errors.ErrUnsupported)
	assert.EqualError(t, err, "test (2 problems):\n\ta: one\n\tb: two")
	var none criteria.Problems
	assert.NoError(t, none.Err("test", errors.ErrUnsupported))
}

// Shadow keeps a second pass from reporting again what the first refused.
func TestProblemsShadow(t *testing.T) {
	var p criteria.Problems
	p.Add("category", "want a string, got a number")
	p.Add("findings.BD-2", "want an object")
	p.Shadow()
	p.Add("category", "required")
	p.Add("findings.BD-2.met", "required")
	p.Add("findings.BD-20", "unknown criterion")
	p.Add("stage", "unknown code")
	var ve *criteria.ValidationError
	require.ErrorAs(t, p.Err("test", errors.ErrUnsupported), &ve)
	assert.Equal(t, []string{"category", "findings.BD-2", "findings.BD-20", "stage"}, ve.Paths())
}

func TestProblemsInBothLanguages(t *testing.T) {
	var p criteria.Problems
	p.AddText("investment.total", "不是金额", "is not an amount")
	p.Add("subtype", "unknown code %q", "x")
	cause := errors.New("bad check character")
	p.AddErrText("applicant.creditCode", "校验码不符", cause)
	err := p.Err("eligibility: invalid project", criteria.ErrInvalidRuleSet)
	var ve *criteria.ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 3)
	assert.Equal(t, "不是金额", ve.Problems[0].Text(true))
	assert.Equal(t, "is not an amount", ve.Problems[0].Text(false))
	assert.Equal(t, `unknown code "x"`, ve.Problems[1].Text(true), "no Chinese given: the English stands")
	assert.Empty(t, ve.Problems[1].Zh)
	assert.ErrorIs(t, err, cause)
	assert.Equal(t, "校验码不符", ve.Problems[2].Zh)
	assert.Equal(t, "eligibility: invalid project (3 problems):\n\tinvestment.total: is not an amount\n\tsubtype: unknown code \"x\"\n\tapplicant.creditCode: bad check character", err.Error())
}
