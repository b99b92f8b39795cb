// Package textdist measures how far a mistyped word is from the one meant, for the
// "did you mean …?" of a rejected code (package category) or key (package criteria).
package textdist

// Distance is the Levenshtein distance between a and b, in runes. It runs only for a
// value already known to be wrong, against short candidates; a far longer a cannot be
// a typo of b, so its length is returned without the quadratic work, which keeps the
// cost bounded for hostile input (a megabyte-long key).
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 4*len(rb)+8 {
		return len(ra)
	}
	prev, cur := make([]int, len(rb)+1), make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
