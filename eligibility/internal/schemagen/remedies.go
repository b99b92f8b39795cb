package schemagen

import (
	"encoding/json"
	"reflect"

	"github.com/invopop/jsonschema"

	"github.com/jilin761/intake/eligibility/remedy"
)

// RemediesFile is the schema of what eligibility/remedy answers for one verdict.
const RemediesFile = "remedies.schema.json"

var rawMessageType = reflect.TypeFor[json.RawMessage]()

// rawValue is the schema of a change's value: any JSON value, the one to write at the
// change's path.
func rawValue() *jsonschema.Schema {
	return &jsonschema.Schema{Description: "The JSON value to write at the change's path, in the record's own form."}
}

// remedyEnums are the code types of package remedy.
func remedyEnums() []enum {
	return []enum{
		{typ: reflect.TypeFor[remedy.ChangeKind](), title: "整改类型", codes: []code{
			{string(remedy.Revise), "修改已填报的事实", "Revise a stated fact"},
			{string(remedy.Provide), "补充填报事实", "State a missing fact"},
			{string(remedy.ObtainFinding), "取得评审意见", "Obtain a reviewer's finding"},
			{string(remedy.Wait), "等待（时间届满）", "Wait (time alone cures it)"},
		}},
		{typ: reflect.TypeFor[remedy.PlanStatus](), title: "整改方案状态", codes: []code{
			{string(remedy.PlanNothing), "已符合，无需整改", "Already eligible"},
			{string(remedy.PlanFindingsOnly), "取得评审意见后即符合", "Eligible once the findings are given as met"},
			{string(remedy.PlanChanges), "完成所列整改后即符合", "Eligible after the changes"},
			{string(remedy.PlanNone), "无整改方案", "No plan"},
		}},
		{typ: reflect.TypeFor[remedy.NoneReason](), title: "无整改途径的原因", codes: []code{
			{string(remedy.NoneOutsideControl), "申请单位无法改变", "Outside the applicant's control"},
			{string(remedy.NoneNoAutomatic), "无自动整改建议", "No automatic remedy"},
		}},
		{typ: reflect.TypeFor[remedy.Rank](), title: "问题排序", codes: []code{
			{string(remedy.RankDecides), "可直接定论", "Decides the project"},
			{string(remedy.RankCouldFail), "可能导致不符合", "Could make it ineligible"},
			{string(remedy.RankOther), "其他", "Other"},
		}},
	}
}

func (g *generator) remediesTarget() target {
	return target{
		file:  RemediesFile,
		typ:   reflect.TypeFor[remedy.Remedies](),
		title: "整改事项与待补充事项 / Remedies",
		description: "一个项目在一个评估日的整改事项（问题清单）：每项不符合或无法判定的强制性条款的整改途径，使项目符合入库标准的最小整改方案（经重新评估验证），以及无法判定时按先后排列的待补充事项。\n\n" +
			"What one project must do after its verdict: the fixes of every failing or undetermined mandatory " +
			"criterion, the smallest set of changes that makes it eligible (verified by re-evaluation), and for " +
			"an undetermined project the missing facts and findings, most decisive first. " +
			"Field names and codes are stable within a major version; wording may change.",
		decimal: &jsonschema.Schema{Type: "string", Pattern: signedDecimal},
		titles:  map[string]string{},
		refine:  func(*jsonschema.Schema) error { return nil },
	}
}
