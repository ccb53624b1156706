package app

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Rubric is how Grade scores a student's board, claim by claim. A claim is
// worth Status points for the right status; where verdicts are asked and
// the key gives the claim one, Verdict points more for the same label, or
// VerdictNear for a label one step away on the board's scale; where links
// are asked, Links points more, times the F1 score of the student's
// supporting and denying quotes against the key's, where there is
// something to find or to leave out (the key or the student links a quote
// to the claim; no link points are at stake otherwise). An undecided claim earns no points at all,
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
		fmt.Sprintf("Links (where asked): up to %s, times the F1 score (the balance of precision and recall) of the quotes the student has supporting and denying the claim; \"contradicts\" counts as denying; only where there was something to find or to leave out: where neither the key nor the student links a quote to the claim, no link points are at stake.", pts(r.Links)),
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
	// MissedNames and ExtraNames name them in words (see QuoteName).
	MissedNames, ExtraNames []string
}

// name fills in MissedNames and ExtraNames: a missed quote as the key has
// it, an extra one as the student's board has it.
func (o *Overlap) name(key, student func(string) string) {
	o.MissedNames, o.ExtraNames = nil, nil
	for _, id := range o.Missed {
		o.MissedNames = append(o.MissedNames, key(id))
	}
	for _, id := range o.Extra {
		n := student(id)
		if n == id {
			n = key(id)
		}
		o.ExtraNames = append(o.ExtraNames, n)
	}
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
	KeyNote, Reasoning string // the key's notes, and the student's, one a line
	// KeyNotes and StudentNotes are those notes each under its heading.
	KeyNotes, StudentNotes []HeadedNote
	Points, MaxPoints      float64
	// Reworded is the key's statement now, where it was reworded after the
	// exercise was made; Statement is the one handed out.
	Reworded string
	// Reasons gives the rubric's reason for each point, one a line.
	Reasons []string
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
	// Made is when the key made the exercise (zero for an exercise made
	// before keys kept a record).
	Made time.Time
	// Notes tells the teacher what the grades alone do not: claims
	// reworded or removed in the key since the exercise was made.
	Notes []string
}

// Grade compares student, a board handed in for an exercise, with key, the
// board the exercise was made from, by DefaultRubric.
//
// What is graded is what the key recorded when it made the exercise (see
// ExerciseKey): what it asked, and the claims it asked, as they were
// worded then. A claim added to the key since is not asked; a claim
// reworded since is graded by its id, against the key's status now, and
// the result says it changed (ClaimGrade.Reworded, Result.Notes). The
// statuses, verdicts and links graded against are the key's now, so a
// teacher can correct the key after the exercise went out.
//
// Returns EINVALID, in words, for a board that is not an answer to this
// key: the key itself, a board that is no exercise, an exercise the key
// has no record of (made from another board, or its id changed), one whose
// exercise record asks otherwise than the key's record says, or one whose
// claims or quotes are not the ones handed out (a claim missing, added or
// reworded, a quote's words changed). A student may add quotes, and
// remove some. An exercise made before keys kept a record (the key has
// none) is checked as then, by the unkeyed id, and graded on what it says
// it asks; Result.Notes says so.
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
	res := &Result{Student: ex.Student, ExerciseID: ex.ID}
	var asked []AskedClaim
	switch made := key.ExerciseKey.Find(ex.ID); {
	case made != nil:
		if !made.authentic(key.ExerciseKey.Secret) {
			return nil, Errorf(EINVALID, "the key's record of exercise %s does not match its id: the key's file was changed", ex.ID)
		}
		if ex.Asked != made.Asked {
			return nil, Errorf(EINVALID, "its exercise record says it asks for %s, but the key made exercise %s asking for %s: the file was changed", askedWords(ex.Asked), ex.ID, askedWords(made.Asked))
		}
		res.Asked, asked = made.Asked, made.Claims
		res.Made = made.Made
	case key.ExerciseKey == nil && ExerciseID(salt, ex.Asked, key) == ex.ID:
		res.Asked = ex.Asked
		for _, c := range key.Claims {
			asked = append(asked, AskedClaim{ID: c.ID, Statement: c.Statement})
		}
		res.Notes = append(res.Notes, "This exercise was made by an older Evidence Board, before keys kept a record of their exercises: what it asks is taken from the hand-in, which cannot be checked.")
	default:
		return nil, Errorf(EINVALID, "it belongs to another exercise: this key made no exercise with the id %s (it was made from another board, or its id was changed)", ex.ID)
	}
	if err := sameBoard(asked, key, student); err != nil {
		return nil, err
	}
	given := make(map[string]*Claim, len(student.Claims))
	for i := range student.Claims {
		given[student.Claims[i].ID] = &student.Claims[i]
	}
	inKey := make(map[string]*Claim, len(key.Claims))
	for i := range key.Claims {
		inKey[key.Claims[i].ID] = &key.Claims[i]
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
	keyNames, studentNames := ItemNames(key), ItemNames(student)
	for _, a := range asked {
		k, s := inKey[a.ID], given[a.ID]
		if k == nil {
			res.Notes = append(res.Notes, fmt.Sprintf("The claim %q was asked but is no longer in the key: it is not graded.", clip(a.Statement)))
			continue
		}
		g := ClaimGrade{ClaimID: k.ID, Statement: a.Statement, Expected: k.Status, Given: s.Status,
			KeyNote: claimNote(k), Reasoning: claimNote(s), KeyNotes: claimNotes(k), StudentNotes: claimNotes(s)}
		if k.Statement != a.Statement {
			g.Reworded = k.Statement
			res.Notes = append(res.Notes, fmt.Sprintf("The claim %q was reworded in the key after the exercise was made, to %q: it is graded by its id, against the key's status now.", clip(a.Statement), clip(k.Statement)))
		}
		g.Correct = s.Status == k.Status
		g.MaxPoints += r.Status
		switch {
		case g.Correct:
			g.Points += r.Status
			res.Correct++
			g.Reasons = append(g.Reasons, fmt.Sprintf("Status: %s of %s: %s, as the key says.", num(r.Status), pts(r.Status), s.Status))
		case s.Undecided():
			g.Reasons = append(g.Reasons, fmt.Sprintf("Status: 0 of %s: left undecided; the key says %s.", pts(r.Status), k.Status))
		default:
			g.Reasons = append(g.Reasons, fmt.Sprintf("Status: 0 of %s: %s, where the key says %s.", pts(r.Status), s.Status, k.Status))
		}
		if !s.Undecided() {
			res.Decided++
		}
		if res.Asked.Verdict && k.Verdict != nil {
			g.VerdictGraded = true
			g.ExpectedVerdict = k.Verdict.Label
			if s.Verdict != nil {
				g.GivenVerdict = s.Verdict.Label
			}
			g.MaxPoints += r.Verdict
			g.VerdictCorrect = g.GivenVerdict == g.ExpectedVerdict
			earned := 0.0
			why := ""
			switch {
			case s.Undecided():
				why = "the claim is undecided"
			case g.VerdictCorrect:
				earned, why = r.Verdict, fmt.Sprintf("%q, the key's verdict", g.ExpectedVerdict)
			case g.GivenVerdict == "":
				why = fmt.Sprintf("no verdict given; the key's is %q", g.ExpectedVerdict)
			case stepsApart(scale, g.GivenVerdict, g.ExpectedVerdict) == 1:
				earned, why = r.VerdictNear, fmt.Sprintf("%q is one step from the key's %q", g.GivenVerdict, g.ExpectedVerdict)
			default:
				why = fmt.Sprintf("%q, where the key's is %q", g.GivenVerdict, g.ExpectedVerdict)
			}
			if s.Undecided() {
				g.VerdictCorrect = false
			}
			g.Points += earned
			g.Reasons = append(g.Reasons, fmt.Sprintf("Verdict: %s of %s: %s.", num(earned), pts(r.Verdict), why))
		}
		if res.Asked.Links {
			g.LinksGraded = true
			g.Supports = overlap(keyLinks[linkSide{k.ID, true}], studentLinks[linkSide{k.ID, true}], quoteOrder)
			g.Denies = overlap(keyLinks[linkSide{k.ID, false}], studentLinks[linkSide{k.ID, false}], quoteOrder)
			g.Supports.name(keyNames, studentNames)
			g.Denies.name(keyNames, studentNames)
			// Points for links only where there was something to find
			// (the key links quotes to the claim) or to leave out (the
			// student linked quotes the key does not).
			if g.Supports.Expected+g.Supports.Given+g.Denies.Expected+g.Denies.Given == 0 {
				g.Reasons = append(g.Reasons, "Links: no points at stake: the key links no quote to this claim, and neither did the student.")
			} else {
				g.MaxPoints += r.Links
				f := f1(g.Supports, g.Denies)
				earned := 0.0
				if !s.Undecided() {
					earned = r.Links * f
				}
				g.Points += earned
				why := fmt.Sprintf("%d of the key's %s found, %d not in the key (F1 %.2f)",
					g.Supports.Both+g.Denies.Both, CountWords(g.Supports.Expected+g.Denies.Expected, "quote", "quotes"),
					g.Supports.Given-g.Supports.Both+g.Denies.Given-g.Denies.Both, f)
				if s.Undecided() {
					why += "; nothing for an undecided claim"
				}
				g.Reasons = append(g.Reasons, fmt.Sprintf("Links: %s of %s: %s.", num(earned), pts(r.Links), why))
			}
		}
		if s.Undecided() {
			g.Points = 0
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

// askedWords says what an exercise asks, in words.
func askedWords(a Asked) string {
	s := "each claim's status"
	if a.Verdict {
		s += ", its verdict"
	}
	if a.Links {
		s += ", the quotes that support or deny it"
	}
	return s
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

// sameBoard checks that student's claims are those asked, worded as they
// were handed out, and that its quotes with the key's ids have the key's
// words.
func sameBoard(asked []AskedClaim, key, student *Document) error {
	claims := make(map[string]*Claim, len(student.Claims))
	for i := range student.Claims {
		claims[student.Claims[i].ID] = &student.Claims[i]
	}
	inAsked := make(map[string]bool, len(asked))
	for _, k := range asked {
		inAsked[k.ID] = true
		s, ok := claims[k.ID]
		switch {
		case !ok:
			return Errorf(EINVALID, "the claim %s (%q) it was given is missing from it: the file was changed", k.ID, clip(k.Statement))
		case s.Statement != k.Statement:
			return Errorf(EINVALID, "the statement of claim %s was changed from the one handed out, %q, to %q", k.ID, clip(k.Statement), clip(s.Statement))
		}
	}
	for _, s := range student.Claims {
		if !inAsked[s.ID] {
			return Errorf(EINVALID, "it has a claim the exercise did not ask, %s (%q): the file was changed", s.ID, clip(s.Statement))
		}
	}
	words := make(map[string]string, len(key.Quotes))
	for _, q := range key.Quotes {
		words[q.ID] = q.Text
	}
	for _, q := range student.Quotes {
		if w, ok := words[q.ID]; ok && w != q.Text {
			return Errorf(EINVALID, "the words of quote %s were changed from the key's %q to %q", QuoteName(key, q.ID), clip(w), clip(q.Text))
		}
	}
	return nil
}

// HeadedNote is a note and the heading it stands under.
type HeadedNote struct{ Heading, Text string }

// claimNotes returns a claim's reasoning, each kind under its heading: its
// notes, the note of its last status change, its verdict's note.
func claimNotes(c *Claim) []HeadedNote {
	var out []HeadedNote
	if c.Notes != "" {
		out = append(out, HeadedNote{"Notes on the claim", c.Notes})
	}
	if n := len(c.History); n > 0 && c.History[n-1].Note != "" {
		out = append(out, HeadedNote{"Why " + string(c.History[n-1].Status), c.History[n-1].Note})
	}
	if c.Verdict != nil && c.Verdict.Note != "" {
		out = append(out, HeadedNote{"Why the verdict " + c.Verdict.Label, c.Verdict.Note})
	}
	return out
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
