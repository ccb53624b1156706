package app

import "fmt"

// Grades in the Admiralty (NATO STANAG 2511) manner: how reliable a party
// or a source has been, a letter from A to F, and how credible a quote's
// information is, a number from 1 to 6. The two are judged apart: a
// reliable source can pass on an improbable report.

// Reliability is a party's or a source's grade, "" when not graded.
type Reliability string

// Reliabilities lists the grades, best first, with their meanings.
var Reliabilities = []struct {
	Grade   Reliability
	Meaning string
}{
	{"A", "completely reliable: no doubt of authenticity, trustworthiness or competence; a history of complete reliability"},
	{"B", "usually reliable: minor doubt; a history of valid information most of the time"},
	{"C", "fairly reliable: doubt; has given valid information in the past"},
	{"D", "not usually reliable: significant doubt; has given valid information in the past"},
	{"E", "unreliable: lacking in authenticity, trustworthiness and competency; a history of invalid information"},
	{"F", "reliability cannot be judged: no basis for evaluating it"},
}

// Valid reports whether r is a grade (or "", no grade).
func (r Reliability) Valid() bool {
	if r == "" {
		return true
	}
	for _, g := range Reliabilities {
		if g.Grade == r {
			return true
		}
	}
	return false
}

// Meaning returns the grade in words, "" for no grade.
func (r Reliability) Meaning() string {
	for _, g := range Reliabilities {
		if g.Grade == r {
			return g.Meaning
		}
	}
	return ""
}

// Credibilities lists the grades of a quote's information, 1 best, with
// their meanings; a quote's Credibility is 0 when not graded.
var Credibilities = []string{
	1: "confirmed by other sources: independent sources confirm it; logical in itself; consistent with other information",
	2: "probably true: not confirmed; logical in itself; consistent with other information",
	3: "possibly true: not confirmed; reasonably logical in itself; agrees with some other information",
	4: "doubtful: not confirmed; possible but not logical; no other information on the subject",
	5: "improbable: not confirmed; not logical in itself; contradicted by other information",
	6: "truth cannot be judged: no basis for evaluating it",
}

// CredibilityMeaning returns a credibility grade in words, "" for 0.
func CredibilityMeaning(c int) string {
	if c < 1 || c >= len(Credibilities) {
		return ""
	}
	return Credibilities[c]
}

// CredibilityWeight is how much a quote of that credibility weighs as
// evidence: 1 for confirmed, falling by a fifth a step to 0.2 for
// improbable. A quote that cannot be judged (6) or is not graded (0)
// weighs 0.5, as much as one between possibly true and doubtful: it
// counts, but less than a quote someone has vouched for.
func CredibilityWeight(c int) float64 {
	switch {
	case c >= 1 && c <= 5:
		return 1 - 0.2*float64(c-1)
	default:
		return 0.5
	}
}

func checkReliability(ps *problems, path string, r Reliability) {
	if !r.Valid() {
		ps.add(path, "%q is not a reliability grade (use a letter from A to F)", clip(string(r)))
	}
}

func checkCredibility(ps *problems, path string, c int) {
	if c != 0 && (c < 1 || c > 6) {
		ps.add(path, "is %d: credibility is a number from 1 (confirmed) to 6 (cannot be judged)", c)
	}
}

// GradeLabel is a party's or source's grade and a quote's as one Admiralty
// code, such as "B2"; "" when neither is set, "B" or "2" when one is.
func GradeLabel(r Reliability, credibility int) string {
	s := string(r)
	if credibility > 0 {
		s += fmt.Sprint(credibility)
	}
	return s
}
