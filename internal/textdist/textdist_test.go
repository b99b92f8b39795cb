package textdist_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/jilin761/intake/internal/textdist"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"storge", "storage", 1},
		{"parametres", "parameters", 2},
		{"storage", "storage", 0},
		{"长春", "长春市", 1}, // runes, not bytes
		{"kitten", "sitting", 3},
		{"", "abc", 3},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, textdist.Distance(tt.a, tt.b), "%q ~ %q", tt.a, tt.b)
	}
	long := strings.Repeat("x", 1<<20)
	assert.Equal(t, 1<<20, textdist.Distance(long, "parameters"), "far too long to be a typo: its length, at once")
}
