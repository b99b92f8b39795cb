package corpus

import (
	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/eligibility/creditcode"
)

// codeAlphabet is GB 32100's character set: what may follow the division code.
const codeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// creditCode makes a unified social credit code that passes both checks: the
// registration authority and entity type fit the legal form, positions 3–8 are the
// division, 9–17 an organisation code (GB 11714) with its own check character, and 18
// the check character of GB 32100 computed by creditcode.CheckCharacter.
func creditCode(r *rng, form category.LegalForm, division string) string {
	prefix := "91" // market regulation, enterprise; branches are registered the same way
	switch form {
	case category.LegalFormPublicInstitution:
		prefix = "12" // 机构编制, public institution
	case category.LegalFormSocialOrganization:
		prefix = "51" // 民政, social organisation
	case category.LegalFormIndividualBusiness:
		prefix = "92"
	case category.LegalFormGovernmentOrgan:
		prefix = "11" // 机构编制, government organ
	}
	var body [8]byte
	if prefix == "91" || prefix == "92" {
		// Codes issued since 2015 carry "MA" and seven more characters of the set.
		body[0], body[1] = 'M', 'A'
		for i := 2; i < 8; i++ {
			body[i] = codeAlphabet[r.intn(len(codeAlphabet))]
		}
	} else {
		for i := range body {
			body[i] = codeAlphabet[r.intn(10)]
		}
	}
	org, err := creditcode.OrganizationCheckCharacter(string(body[:]))
	if err != nil {
		panic("corpus: built an impossible organisation code " + string(body[:]) + ": " + err.Error())
	}
	first17 := prefix + division + string(body[:]) + string(org)
	check, err := creditcode.CheckCharacter(first17)
	if err != nil {
		panic("corpus: built an impossible credit code " + first17 + ": " + err.Error())
	}
	return first17 + string(check)
}
