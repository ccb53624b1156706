package report

import (
	"fmt"
	"strings"
	"time"

	"evidenceboard/app"
)

// What the reports show of the board's own judgement: each claim's verdict
// on the board's rating scale, and the Admiralty grades of parties, sources
// (reliability, A to F) and quotes (credibility, 1 to 6).

// verdictView is a claim's verdict as the reports show it.
type verdictView struct {
	Label, Note string
	At          time.Time // UTC; zero when not given
	When        string    // At as shown, "" when zero
	// Value is the label's value on the scale; OnScale is false for a
	// label the scale lacks (a document that breaks the rules).
	Value   int
	OnScale bool
	// Class is the CSS class of its place on the scale: vd-low for the
	// worse half, vd-high for the better half, vd-mid for the middle.
	Class string
}

// verdictCount is one step of the scale and how many claims have it.
type verdictCount struct {
	Label string
	Value int
	Class string
	N     int
}

// judging is what buildView adds for verdicts and grades.
type judging struct {
	Scale    []app.ScaleStep // the board's scale: its own or the default
	OwnScale bool
	Verdicts []verdictCount // the scale's steps, worst first
	// NVerdicts counts the claims with a verdict; HasGrades is whether any
	// party, source or quote is graded.
	NVerdicts int
	HasGrades bool
}

// NoVerdict is how many claims have no verdict.
func (v *view) NoVerdict() int { return v.NClaims - v.NVerdicts }

// ScaleRange is the scale in words: "1 (False) to 5 (True)".
func (j *judging) ScaleRange() string {
	if len(j.Scale) == 0 {
		return ""
	}
	first, last := j.Scale[0], j.Scale[len(j.Scale)-1]
	return fmt.Sprintf("%d (%s) to %d (%s)", first.Value, clean(first.Label), last.Value, clean(last.Label))
}

// ScaleName says whose scale it is.
func (j *judging) ScaleName() string {
	if j.OwnScale {
		return "the board's own scale"
	}
	return "Evidence Board's default scale"
}

func scaleClass(i, n int) string {
	switch {
	case n < 2 || 2*i == n-1:
		return "vd-mid"
	case 2*i < n-1:
		return "vd-low"
	}
	return "vd-high"
}

func buildVerdict(scale []app.ScaleStep, v *app.Verdict) *verdictView {
	if v == nil {
		return nil
	}
	vv := &verdictView{Label: clean(v.Label), Note: clean(v.Note), Class: "vd-mid"}
	if !v.At.IsZero() {
		vv.At = v.At.UTC()
		vv.When = fmtTime(vv.At)
	}
	for i, s := range scale {
		if s.Label == v.Label {
			vv.Value, vv.OnScale, vv.Class = s.Value, true, scaleClass(i, len(scale))
			break
		}
	}
	return vv
}

// buildJudging fills the verdicts and grades of v from doc.
func buildJudging(v *view, doc *app.Document) {
	j := &v.judging
	j.Scale = doc.Board.RatingScale()
	j.OwnScale = len(doc.Board.Scale) > 0
	for i, s := range j.Scale {
		j.Verdicts = append(j.Verdicts, verdictCount{Label: clean(s.Label), Value: s.Value, Class: scaleClass(i, len(j.Scale))})
	}
	for i, c := range doc.Claims {
		cv := v.Claims[i]
		cv.Verdict = buildVerdict(j.Scale, c.Verdict)
		if cv.Verdict == nil {
			continue
		}
		j.NVerdicts++
		for k := range j.Verdicts {
			if j.Scale[k].Label == c.Verdict.Label {
				j.Verdicts[k].N++
			}
		}
	}
	for i, p := range doc.Parties {
		v.Parties[i].Reliability = clean(string(p.Reliability))
		j.HasGrades = j.HasGrades || p.Reliability != ""
	}
	for i, s := range doc.Sources {
		v.Sources[i].Reliability = clean(string(s.Reliability))
		j.HasGrades = j.HasGrades || s.Reliability != ""
	}
	for i, q := range doc.Quotes {
		v.Quotes[i].Credibility = q.Credibility
		j.HasGrades = j.HasGrades || q.Credibility != 0
	}
}

// shortMeaning is a grade's meaning up to its colon: "usually reliable".
func shortMeaning(m string) string {
	s, _, _ := strings.Cut(m, ":")
	return s
}

// reliabilityWords is a reliability grade in words, "B, usually
// reliable", or the grade as written if it is not one.
func reliabilityWords(r string) string {
	if m := app.Reliability(r).Meaning(); m != "" {
		return r + ", " + shortMeaning(m)
	}
	return r
}

// credibilityWords is a credibility grade in words: "3, possibly true".
func credibilityWords(c int) string {
	if m := app.CredibilityMeaning(c); m != "" {
		return fmt.Sprintf("%d, %s", c, shortMeaning(m))
	}
	return fmt.Sprint(c)
}

// Grade is the quote's Admiralty code: its speaker's reliability and its
// own credibility, "C3"; "" when neither is graded.
func (q *quoteView) Grade() string {
	r := ""
	if q.Speaker != nil {
		r = q.Speaker.Reliability
	}
	return app.GradeLabel(app.Reliability(r), q.Credibility)
}

// GradeWords is the quote's grades in words: "speaker C, fairly
// reliable; credibility 3, possibly true".
func (q *quoteView) GradeWords() string {
	var parts []string
	if q.Speaker != nil && q.Speaker.Reliability != "" {
		parts = append(parts, "speaker "+reliabilityWords(q.Speaker.Reliability))
	}
	if q.Credibility != 0 {
		parts = append(parts, "credibility "+credibilityWords(q.Credibility))
	}
	return strings.Join(parts, "; ")
}

// ReliabilityMeaning is the party's grade's meaning, "usually reliable",
// or "" when it has none.
func (p *partyView) ReliabilityMeaning() string {
	return shortMeaning(app.Reliability(p.Reliability).Meaning())
}

// ReliabilityMeaning is the source's grade's meaning, or "".
func (s *sourceView) ReliabilityMeaning() string {
	return shortMeaning(app.Reliability(s.Reliability).Meaning())
}

// ReliabilityLine is the reliability grades in one line.
func (j *judging) ReliabilityLine() string { return legendText(reliabilityLegend) }

// CredibilityLine is the credibility grades in one line.
func (j *judging) CredibilityLine() string { return legendText(credibilityLegend) }

// QuoteGradeLegend says how to read a quote's code, for where codes are
// shown.
func (j *judging) QuoteGradeLegend() string {
	return "A quote's grade joins its speaker's reliability, a letter (" + legendText(reliabilityLegend) +
		"), and the credibility of what was said, a number (" + legendText(credibilityLegend) + ")."
}

// ReliabilityWords is the party's grade in words, "" when ungraded.
func (p *partyView) ReliabilityWords() string { return reliabilityWords(p.Reliability) }

// ReliabilityWords is the source's grade in words, "" when ungraded.
func (s *sourceView) ReliabilityWords() string { return reliabilityWords(s.Reliability) }

// gradeLegend is the grades in words, for the reports' legends.
type gradeLegendRow struct{ Grade, Meaning string }

var (
	reliabilityLegend = func() []gradeLegendRow {
		var out []gradeLegendRow
		for _, g := range app.Reliabilities {
			out = append(out, gradeLegendRow{string(g.Grade), shortMeaning(g.Meaning)})
		}
		return out
	}()
	credibilityLegend = func() []gradeLegendRow {
		var out []gradeLegendRow
		for c := 1; c < len(app.Credibilities); c++ {
			out = append(out, gradeLegendRow{fmt.Sprint(c), shortMeaning(app.Credibilities[c])})
		}
		return out
	}()
)

// legendText is a legend in one line: "A completely reliable · B …".
func legendText(rows []gradeLegendRow) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = r.Grade + " " + r.Meaning
	}
	return strings.Join(parts, " · ")
}

// gradesNote says how to read the grades, for under the legends.
const gradesNote = "Grades in the Admiralty (NATO) manner: a letter for how reliable a party or source has been, a number for how credible a quote's information is, judged apart. A quote's code joins its speaker's letter and its own number, as in C3."
