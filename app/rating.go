package app

import (
	"fmt"
	"time"
)

// A verdict is the fact-checker's own rating of a claim, beside its status:
// the status says where the claim stands on the record, the verdict what
// the board's author makes of it. Verdicts are labels from the board's
// rating scale.

// ScaleStep is one label of a rating scale and its value. A scale lists its
// steps worst first, with values that rise from the worst to the best.
type ScaleStep struct {
	Label string `json:"label"`
	Value int    `json:"value"`
}

// Verdict is a claim's rating: a label of the board's scale, the reasoning
// behind it, and when it was given (which may be in the past: a story is
// often rebuilt after the fact).
type Verdict struct {
	Label string    `json:"label"`
	Note  string    `json:"note,omitempty"`
	At    time.Time `json:"at"`
}

// DefaultScale is the scale of a board that defines none: five steps from
// False to True, with Unproven in the middle for a claim that the evidence
// can neither bear out nor refute.
var DefaultScale = []ScaleStep{
	{Label: "False", Value: 1},
	{Label: "Mostly false", Value: 2},
	{Label: "Unproven", Value: 3},
	{Label: "Mostly true", Value: 4},
	{Label: "True", Value: 5},
}

// MaxScaleSteps bounds the labels of one rating scale.
const MaxScaleSteps = 20

// RatingScale returns the board's scale: its own, or DefaultScale.
func (b *Board) RatingScale() []ScaleStep {
	if len(b.Scale) > 0 {
		return b.Scale
	}
	return DefaultScale
}

// ScaleStepOf returns the step with that label, and false if the scale has none.
func ScaleStepOf(scale []ScaleStep, label string) (ScaleStep, bool) {
	for _, s := range scale {
		if s.Label == label {
			return s, true
		}
	}
	return ScaleStep{}, false
}

// ValidateScale checks a scale a board would define. Returns EINVALID.
func ValidateScale(scale []ScaleStep) error {
	return validateItem(func(ps *problems) { validateScale(ps, "board.scale", scale) })
}

func validateScale(ps *problems, p string, scale []ScaleStep) {
	if len(scale) > MaxScaleSteps {
		ps.add(p, "has %d labels, over the limit of %d", len(scale), MaxScaleSteps)
		return
	}
	if len(scale) == 1 {
		ps.add(p, "has one label: a scale needs at least two, or none for the default")
	}
	seen := map[string]int{}
	for i, s := range scale {
		sp := index(p, i)
		checkText(ps, field(sp, "label"), s.Label, MaxLabel, true)
		if j, dup := seen[s.Label]; dup && s.Label != "" {
			ps.add(field(sp, "label"), "%q is already the label of %s", clip(s.Label), index(p, j))
		}
		seen[s.Label] = i
		if i > 0 && s.Value <= scale[i-1].Value {
			ps.add(field(sp, "value"), "is %d, not above %d: a scale goes worst first, and its values rise", s.Value, scale[i-1].Value)
		}
	}
}

// validateVerdict checks a verdict's own fields; whether its label is on
// the board's scale is checked by checkVerdictLabel.
func validateVerdict(ps *problems, p string, v *Verdict) {
	checkText(ps, field(p, "label"), v.Label, MaxLabel, true)
	checkText(ps, field(p, "note"), v.Note, MaxNotes, false)
}

func checkVerdictLabel(ps *problems, p string, v *Verdict, scale []ScaleStep) {
	if v == nil || v.Label == "" {
		return
	}
	if _, ok := ScaleStepOf(scale, v.Label); !ok {
		ps.add(field(p, "label"), "%q is not a label of the board's scale (%s)", clip(v.Label), scaleLabels(scale))
	}
}

// CheckVerdict checks v against its own rules and the scale. Returns
// EINVALID.
func CheckVerdict(v *Verdict, scale []ScaleStep) error {
	return validateItem(func(ps *problems) {
		validateVerdict(ps, "verdict", v)
		checkVerdictLabel(ps, "verdict", v, scale)
	})
}

func scaleLabels(scale []ScaleStep) string {
	s := ""
	for i, st := range scale {
		switch {
		case i == 0:
		case i == len(scale)-1:
			s += " or "
		default:
			s += ", "
		}
		s += fmt.Sprintf("%q", st.Label)
	}
	return s
}
