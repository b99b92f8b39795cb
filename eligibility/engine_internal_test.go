package eligibility

import (
	"slices"
	"testing"

	"cel.dev/cel-go/common/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/jilin761/intake/criteria"
)

// appendUnknownIDs reads an unknown the engine made from its own table and one cel-go
// merged through Unknown.IDs; either way a result must name the same facts, in the
// same order, as the merge of the two unknowns decide used to return.
func TestExplainingUnknownsAgreesWithMergingThem(t *testing.T) {
	e := Default()
	i := slices.IndexFunc(e.criteria, func(c compiled) bool { return c.ID == "II-4" })
	require.GreaterOrEqual(t, i, 0)
	c := &e.criteria[i]
	tx := &e.phrased[0].texts[i]
	require.GreaterOrEqual(t, len(c.reads.facts), 2, "II-4 reads several facts")
	first := e.unknowns[c.reads.facts[1]].(*types.Unknown)
	second := e.unknowns[c.reads.facts[0]].(*types.Unknown) // the higher ID first, to test the order
	incident := e.incidentUnknowns[len(incidentFacts)+1].(*types.Unknown)

	for name, tc := range map[string]struct {
		unks unknowns
		want *types.Unknown // what merging used to give
	}{
		"one in appliesWhen":        {unknowns{first, nil}, first},
		"one in require":            {unknowns{nil, first}, first},
		"the same in both":          {unknowns{first, first}, first},
		"one in each":               {unknowns{first, second}, types.MergeUnknowns(first, second)},
		"merged by cel-go":          {unknowns{nil, types.MergeUnknowns(first, incident)}, types.MergeUnknowns(first, incident)},
		"merged and made, overlaps": {unknowns{types.MergeUnknowns(first, incident), second}, types.MergeUnknowns(types.MergeUnknowns(first, incident), second)},
	} {
		t.Run(name, func(t *testing.T) {
			var want []string
			var named []words
			for _, id := range tc.want.IDs() {
				want = append(want, e.absent[id].paths...)
				named = append(named, e.absent[id].words)
			}
			ids := e.appendUnknownIDs([]int64{42}, tc.unks)
			assert.Equal(t, append([]int64{42}, tc.want.IDs()...), ids, "appends, leaving what was there")
			missing, msg := e.explain(tx, ids[1:], nil)
			assert.Equal(t, want, missing)
			if len(named) == 1 {
				assert.Equal(t, tx.undetermined[tc.want.IDs()[0]], msg)
			} else {
				assert.Equal(t, undeterminedMessage(tx, named), msg)
			}
		})
	}
}

// The common undetermined result, one fact missing, is explained from tables built
// at New: no allocation.
func TestExplainingOneMissingFactDoesNotAllocate(t *testing.T) {
	e := Default()
	c := &e.criteria[0]
	unk := e.unknowns[c.reads.facts[0]].(*types.Unknown)
	ids, missing := make([]int64, 0, 8), make([]string, 0, 8)
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		ids = e.appendUnknownIDs(ids[:0], unknowns{unk, unk})
		_, _ = e.explain(&e.phrased[0].texts[0], ids, missing[:0])
	}))
}

// A message naming several missing facts is built on every evaluation, both
// languages in one allocation.
func TestUndeterminedMessageIsOneAllocation(t *testing.T) {
	e := Default()
	tx := &e.phrased[0].texts[0]
	named := []words{{"项目子类", "subtype"}, {"标识解析节点类型", "identifier node kind"}}
	var msg criteria.Text
	assert.Equal(t, 1.0, testing.AllocsPerRun(100, func() { msg = undeterminedMessage(tx, named) }))
	assert.Equal(t, "无法判定（缺少：项目子类、标识解析节点类型）："+tx.summary.Zh, msg.Zh)
	assert.Equal(t, "undetermined (missing subtype, identifier node kind): "+tx.summary.En, msg.En)
}
