package eligibility

// modulePath is recorded in every verdict's provenance.
const modulePath = "github.com/jilin761/intake"
