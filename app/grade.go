package app

import (
	"fmt"
	"math"
	"strings"
)

// Rubric is how Grade scores a student's board, claim by claim. A claim is
// worth Status points for the right status; where verdicts are asked and
// the key gives the claim one, Verdict points more for the same label, or
// VerdictNear for a label one step away on the board's scale; where links
// are asked, Links points more, times the F1 score of the student's
// supporting and denying quotes against the key's (1 when neither the key
// nor the student links any). An undecided claim earns no points at all,
// for its verdict or links either. The score is the points earned out of the
// points possible, as a percentage.
type Rubric struct {
	Status, Verdict, VerdictNear, Links float64
}

// DefaultRubric is the rubric Grade uses.
var DefaultRubric = Rubric{Status: 2, Verdict: 1, VerdictNear: 0.5, Links: 2}

// Describe says the rubric in words, for the reports.
func (r Rubric) Describe() []string {
	return []string{
		fmt.Sprintf("Status: %s for each claim whose status is the key's.", pts(r.Status)),
		fmt.Sprintf("Verdict (where asked, and the key gives one): %s for the key's label, %s for a label one step away on the scale.", pts(r.Verdict), pts(r.VerdictNear)),
		fmt.Sprintf("Links (where asked): up to %s, times the F1 score (the balance of precision and recall) of the quotes the student has supporting and denying the claim; \"contradicts\" counts as denying; full points where neither the key nor the student links any.", pts(r.Links)),
		"An undecided claim earns nothing, for its verdict or links either.",
		"Score: the points earned out of the points possible, as a percentage.",
	}
}

func pts(f float64) string {
	if f == 1 {
		return "1 point"
	}
	return num(f) + " points"
}

func num(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}

// Overlap compares the quotes a student links to a claim one way with the
// key's: Expected are the key's, Given the student's, Both in the two.
type Overlap struct {
	Expected, Given, Both int
	// Missed are the key's quotes the student lacks; Extra the student's
	// that the key lacks (ids, in board order).
	Missed, Extra []string
}

// Precision is Both out of Given: 1 when the student gives none.
func (o Overlap) Precision() float64 {
	if o.Given == 0 {
		return 1
	}
	return float64(o.Both) / float64(o.Given)
}

// Recall is Both out of Expected: 1 when the key has none.
func (o Overlap) Recall() float64 {
	if o.Expected == 0 {
		return 1
	}
	return float64(o.Both) / float64(o.Expected)
}

// ClaimGrade is one claim of a student's board against the key.
type ClaimGrade struct {
	ClaimID, Statement string
	Expected, Given    Status // Given is "" if undecided
	Correct            bool   // the status is the key's
	// VerdictGraded is set where verdicts are asked and the key gives the
	// claim one.
	VerdictGraded                 bool
	ExpectedVerdict, GivenVerdict string
	VerdictCorrect                bool
	// LinksGraded is set where links are asked.
	LinksGraded        bool
	Supports, Denies   Overlap
	KeyNote, Reasoning string // the key's notes, and the student's
	Points, MaxPoints  float64
}

// Result is a student's board graded against the key.
type Result struct {
	Student    string // the name the student gave; "" if none
	ExerciseID string
	Asked      Asked
	Claims     []ClaimGrade
	// Correct counts the claims with the key's status, Decided those the
	// student decided.
	Correct, Decided  int
	Points, MaxPoints float64
	Score             float64 // percent, one decimal
}

// Grade compares student, a board handed in for an exercise, with key, the
// board the exercise was made from, by DefaultRubric.
//
// Returns EINVALID, in words, for a board that is not an answer to this
// key: the key itself, a board that is no exercise, an exercise made from
// another board, one whose exercise record was changed, or one whose claims
// or quotes are not the key's (a claim missing, added or reworded, a
// quote's words changed). A student may add quotes, and remove some.
func Grade(key, student *Document) (*Result, error) {
	if key.Exercise != nil {
		return nil, Errorf(EINVALID, "the key is itself an exercise (%s), not the board with the answers", key.Exercise.ID)
	}
	ex := student.Exercise
	if ex == nil {
		if sameAnswers(key, student) {
			return nil, Errorf(EINVALID, "this is the answer key itself, not a board handed in for the exercise")
		}
		return nil, Errorf(EINVALID, "this is an ordinary board, not a handed-in exercise: it has no exercise record")
	}
	salt, ok := exerciseSalt(ex.ID)
	if !ok {
		return nil, Errorf(EINVALID, "its exercise id %q is not one Evidence Board makes: the file was changed", clip(ex.ID))
	}
	if ExerciseID(salt, ex.Asked, key) != ex.ID {
		return nil, Errorf(EINVALID, "it belongs to another exercise (its exercise id %s does not come from this key's claims), or what its exercise asks was changed", ex.ID)
	}
	if err := sameBoard(key, student); err != nil {
		return nil, err
	}
	res := &Result{Student: ex.Student, ExerciseID: ex.ID, Asked: ex.Asked}
	given := make(map[string]*Claim, len(student.Claims))
	for i := range student.Claims {
		given[student.Claims[i].ID] = &student.Claims[i]
	}
	keyLinks, studentLinks := answerLinks(key), answerLinks(student)
	quoteOrder := map[string]int{}
	for i, q := range student.Quotes {
		quoteOrder[q.ID] = i
	}
	for i, q := range key.Quotes {
		if _, ok := quoteOrder[q.ID]; !ok {
			quoteOrder[q.ID] = len(student.Quotes) + i
		}
	}
	scale := key.Board.RatingScale()
	r := DefaultRubric
	for i := range key.Claims {
		k := &key.Claims[i]
		s := given[k.ID]
		g := ClaimGrade{ClaimID: k.ID, Statement: k.Statement, Expected: k.Status, Given: s.Status,
			KeyNote: claimNote(k), Reasoning: claimNote(s)}
		g.Correct = s.Status == k.Status
		g.MaxPoints += r.Status
		if g.Correct {
			g.Points += r.Status
			res.Correct++
		}
		if !s.Undecided() {
			res.Decided++
		}
		if ex.Asked.Verdict && k.Verdict != nil {
			g.VerdictGraded = true
			g.ExpectedVerdict = k.Verdict.Label
			if s.Verdict != nil {
				g.GivenVerdict = s.Verdict.Label
			}
			g.MaxPoints += r.Verdict
			g.VerdictCorrect = g.GivenVerdict == g.ExpectedVerdict
			switch {
			case g.VerdictCorrect:
				g.Points += r.Verdict
			case g.GivenVerdict != "" && stepsApart(scale, g.GivenVerdict, g.ExpectedVerdict) == 1:
				g.Points += r.VerdictNear
			}
		}
		if ex.Asked.Links {
			g.LinksGraded = true
			g.Supports = overlap(keyLinks[linkSide{k.ID, true}], studentLinks[linkSide{k.ID, true}], quoteOrder)
			g.Denies = overlap(keyLinks[linkSide{k.ID, false}], studentLinks[linkSide{k.ID, false}], quoteOrder)
			g.MaxPoints += r.Links
			if !s.Undecided() {
				g.Points += r.Links * f1(g.Supports, g.Denies)
			}
		}
		res.Points += g.Points
		res.MaxPoints += g.MaxPoints
		res.Claims = append(res.Claims, g)
	}
	if res.MaxPoints > 0 {
		res.Score = math.Round(1000*res.Points/res.MaxPoints) / 10
	}
	return res, nil
}

// sameAnswers reports whether student holds key's answers: the same claims
// with the same statuses and notes.
func sameAnswers(key, student *Document) bool {
	if len(key.Claims) != len(student.Claims) {
		return false
	}
	for i, k := range key.Claims {
		s := student.Claims[i]
		if k.ID != s.ID || k.Status != s.Status || k.Notes != s.Notes || len(k.History) != len(s.History) {
			return false
		}
	}
	return true
}

// sameBoard checks that student's claims are key's, worded alike, and that
// its quotes with the key's ids have the key's words.
func sameBoard(key, student *Document) error {
	claims := make(map[string]*Claim, len(student.Claims))
	for i := range student.Claims {
		claims[student.Claims[i].ID] = &student.Claims[i]
	}
	inKey := make(map[string]bool, len(key.Claims))
	for _, k := range key.Claims {
		inKey[k.ID] = true
		s, ok := claims[k.ID]
		switch {
		case !ok:
			return Errorf(EINVALID, "the key's claim %s (%q) is missing from it: the file was changed", k.ID, clip(k.Statement))
		case s.Statement != k.Statement:
			return Errorf(EINVALID, "the statement of claim %s was changed from the key's %q to %q", k.ID, clip(k.Statement), clip(s.Statement))
		}
	}
	for _, s := range student.Claims {
		if !inKey[s.ID] {
			return Errorf(EINVALID, "it has a claim the key lacks, %s (%q): the file was changed", s.ID, clip(s.Statement))
		}
	}
	words := make(map[string]string, len(key.Quotes))
	for _, q := range key.Quotes {
		words[q.ID] = q.Text
	}
	for _, q := range student.Quotes {
		if w, ok := words[q.ID]; ok && w != q.Text {
			return Errorf(EINVALID, "the words of quote %s were changed from the key's %q to %q", q.ID, clip(w), clip(q.Text))
		}
	}
	return nil
}

// claimNote gathers a claim's reasoning: its notes, the note of its last
// status change and its verdict's note, one a line.
func claimNote(c *Claim) string {
	var parts []string
	if c.Notes != "" {
		parts = append(parts, c.Notes)
	}
	if n := len(c.History); n > 0 && c.History[n-1].Note != "" {
		parts = append(parts, c.History[n-1].Note)
	}
	if c.Verdict != nil && c.Verdict.Note != "" {
		parts = append(parts, c.Verdict.Note)
	}
	return strings.Join(parts, "\n")
}

type linkSide struct {
	claim    string
	supports bool
}

// answerLinks returns the quotes linked to each claim, supporting or
// against (denies and contradicts).
func answerLinks(doc *Document) map[linkSide]map[string]bool {
	kinds := itemKinds(doc)
	out := map[linkSide]map[string]bool{}
	for _, l := range doc.Links {
		if !IsAnswerLink(l, kinds) {
			continue
		}
		side := linkSide{l.To, l.Relation == RelSupports}
		if out[side] == nil {
			out[side] = map[string]bool{}
		}
		out[side][l.From] = true
	}
	return out
}

func overlap(want, got map[string]bool, order map[string]int) Overlap {
	o := Overlap{Expected: len(want), Given: len(got)}
	for q := range want {
		if got[q] {
			o.Both++
		} else {
			o.Missed = append(o.Missed, q)
		}
	}
	for q := range got {
		if !want[q] {
			o.Extra = append(o.Extra, q)
		}
	}
	byOrder := func(ids []string) {
		for i := 1; i < len(ids); i++ {
			for j := i; j > 0 && order[ids[j]] < order[ids[j-1]]; j-- {
				ids[j], ids[j-1] = ids[j-1], ids[j]
			}
		}
	}
	byOrder(o.Missed)
	byOrder(o.Extra)
	return o
}

// f1 is the F1 score of the supporting and denying links together.
func f1(a, b Overlap) float64 {
	both, sum := a.Both+b.Both, a.Expected+a.Given+b.Expected+b.Given
	if sum == 0 {
		return 1
	}
	return 2 * float64(both) / float64(sum)
}

func stepsApart(scale []ScaleStep, a, b string) int {
	ia, ib := -1, -1
	for i, s := range scale {
		if s.Label == a {
			ia = i
		}
		if s.Label == b {
			ib = i
		}
	}
	if ia < 0 || ib < 0 {
		return -1
	}
	if ia > ib {
		return ia - ib
	}
	return ib - ia
}
