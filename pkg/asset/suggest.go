package asset

import "strings"

// Closest returns the candidate nearest to s by edit distance, when it is
// near enough to be what the person meant.
func Closest(s string, candidates []string) (string, bool) {
	best, bestDist := "", len(s)/3+2
	ls := strings.ToLower(s)
	for _, c := range candidates {
		if d := editDistance(ls, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// editDistance is the Levenshtein distance between a and b, by bytes.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// didYouMean ends a message with a suggestion when one is near enough.
func didYouMean(s string, candidates []string) string {
	if c, ok := Closest(s, candidates); ok {
		return "; did you mean " + c + "?"
	}
	return ""
}
