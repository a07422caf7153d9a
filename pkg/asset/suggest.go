package asset

import "strings"

// Closest returns the candidate nearest to s by edit distance, when it is
// near enough to be what the person meant.
func Closest(s string, candidates []string) (string, bool) {
	best, bestDist := "", len(s)/3+1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		if d := editDistance(ls, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		// an unambiguous beginning: figma-pro for figma-professional
		for _, c := range candidates {
			if len(s) >= 3 && strings.HasPrefix(strings.ToLower(c), ls) {
				if best != "" {
					return "", false
				}
				best = c
			}
		}
	}
	return best, best != ""
}

// editDistance is the optimal string alignment distance between a and b,
// by bytes: insertions, deletions, substitutions and swaps of two
// neighbours (alcie → alice) each count one.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b))
	}
	rows := make([][]int, len(a)+1)
	for i := range rows {
		rows[i] = make([]int, len(b)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(a)][len(b)]
}

// didYouMean ends a message with a suggestion when one is near enough.
func didYouMean(s string, candidates []string) string {
	if c, ok := Closest(s, candidates); ok {
		return "; did you mean " + c + "?"
	}
	return ""
}
