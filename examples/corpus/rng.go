package corpus

// rng is SplitMix64 (Steele, Lea and Flood 2014): tiny, fast and fully specified, so
// the corpus it drives stays the same across Go releases.
type rng struct{ state uint64 }

// newRNG returns the source for project i of a seed, independent of every other
// project's, so that a prefix of a corpus is a smaller corpus.
func newRNG(seed int64, i int) *rng {
	r := &rng{state: uint64(seed)*0x9e3779b97f4a7c15 ^ uint64(i+1)*0xd1b54a32d192ed03}
	r.next() // mix the start
	return r
}

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n). The modulo bias, under 2^-50 for the small n used
// here, is of no consequence for a test corpus.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance reports true with the given probability in percent.
func (r *rng) chance(percent int) bool { return r.intn(100) < percent }

// pick returns a random element of xs.
func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }

// weighted is a choice with a relative weight.
type weighted[T any] struct {
	w int
	v T
}

// choose returns one of the choices with probability proportional to its weight.
func choose[T any](r *rng, choices ...weighted[T]) T {
	total := 0
	for _, c := range choices {
		total += c.w
	}
	n := r.intn(total)
	for _, c := range choices {
		if n < c.w {
			return c.v
		}
		n -= c.w
	}
	panic("unreachable")
}
