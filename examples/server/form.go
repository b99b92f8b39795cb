package main

import (
	"net/http"

	"github.com/jilin761/intake/eligibility"
)

// formParam reads the optional form of the verdicts: ?form=full (the default) or
// ?form=compact, the verdict less what a reader can recompute (eligibility.Compact).
func formParam(r *http.Request) (eligibility.VerdictForm, *problem) {
	switch q := r.URL.Query(); q.Get("form") {
	case "", "full":
		return eligibility.Full, nil
	case "compact":
		return eligibility.Compact, nil
	default:
		return eligibility.Full, invalidRequest("form", "want full or compact, got "+q.Get("form"))
	}
}
