package eligibility

import (
	"crypto/sha256"
	"encoding/json"

	"github.com/jilin761/intake/criteria"
)

const modulePath = "github.com/jilin761/intake"

// ruleSetHash hashes the rule set's JSON form. encoding/json writes struct fields in
// declaration order and parameter values in one normal form, so the encoding is
// canonical for a given library version.
func ruleSetHash(rs *criteria.RuleSet) (string, error) {
	b, err := json.Marshal(rs)
	if err != nil {
		return "", err
	}
	return hashString(sha256.Sum256(b)), nil
}
