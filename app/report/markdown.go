package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"evidenceboard/app"
)

// WriteMarkdown writes the report as CommonMark. Text from the board is
// escaped where CommonMark (and GitHub's tables and strikethrough) would
// read it as markup, and nowhere else (see md_escape.go): < is written &lt;
// (so <script> shows as text and no raw HTML gets through), and a line break
// inside a field becomes a hard line break that cannot start a new block. Links are written only for http, https and mailto addresses,
// with the address percent-encoded so that it cannot leave its (...).
func WriteMarkdown(w io.Writer, doc *app.Document, opts Options) error {
	v := buildView(doc, opts)
	bw := bufio.NewWriterSize(w, 64<<10)
	m := &mdWriter{w: bw}

	m.line("# " + mdLine(v.Title))
	if v.Description != "" {
		m.para(mdText(v.Description, ""))
	}
	meta := "Evidence Board report"
	if v.GeneratedText != "" {
		meta += " · generated " + v.GeneratedText
	}
	m.para(meta + " · " + plural(v.NClaims, "claim", "claims") + ": " + v.statusLine() +
		" · " + plural(v.NQuotes, "quote", "quotes") + " · " + plural(v.NParties, "party", "parties") +
		" · " + plural(v.NSources, "source", "sources"))
	if v.URL != "" {
		m.para("Published at " + mdURLText(v.URL))
	}
	if v.HasReviewer && v.Reviewer.Name != "" {
		m.para("Reviewed by " + mdLink(v.Reviewer.Name, v.Reviewer.URL))
	}

	m.line("## Where the claims stand")
	m.text("| Status | Meaning | Claims |\n")
	m.text("| --- | --- | ---: |\n")
	for _, c := range v.Counts {
		m.text(fmt.Sprintf("| **%s** | %s | %d |\n", c.Word, c.Meaning, c.N))
	}
	m.text(fmt.Sprintf("| All claims | | %d |\n\n", v.NClaims))
	m.para("Quotes are grouped under each claim by what they do: support it, deny it, contradict it or only mention it.")
	mdJudging(m, v)

	mdWeakSpots(m, buildWeakSpots(doc))

	m.line("## Claims")
	if len(v.Claims) == 0 {
		m.para("This board has no claims yet.")
	}
	for i, c := range v.Claims {
		m.line(fmt.Sprintf("### %d. %s: %s", i+1, mdLine(c.Word), mdLine(c.Statement)))
		head := "**Status: " + mdLine(c.Word) + "**"
		if len(c.MadeBy) > 0 {
			head += " · Made by " + mdLine(partyNames(c.MadeBy))
		}
		if len(c.About) > 0 {
			head += " · About " + mdLine(partyNames(c.About))
		}
		head += " · Claim " + mdLine(c.ID)
		m.para(head)
		if vd := c.Verdict; vd != nil {
			m.para(mdVerdict(v, vd))
		} else if v.NVerdicts > 0 {
			m.para("No verdict yet.")
		}
		if c.Notes != "" {
			m.para("Notes: " + mdText(c.Notes, ""))
		}
		if len(c.History) > 0 {
			m.para("**History**")
			for _, h := range c.History {
				item := "- " + h.When + " · **" + mdLine(h.Word) + "**"
				if h.Note != "" {
					item += " · " + mdText(h.Note, "  ")
				}
				m.text(item + "\n")
			}
			m.text("\n")
		}
		if len(c.Groups) == 0 {
			m.para("No quotes are tied to this claim yet.")
		}
		for _, g := range c.Groups {
			m.para(fmt.Sprintf("**%s (%d)**", g.Heading, len(g.Items)))
			for _, it := range g.Items {
				m.text(mdQuoteItem(it.Quote, it.Note, true))
			}
			m.text("\n")
		}
	}

	if len(v.Unlinked) > 0 {
		m.line("## Quotes not tied to a claim")
		for _, q := range v.Unlinked {
			m.text(mdQuoteItem(q, "", true))
		}
		m.text("\n")
	}

	mdStanceGrid(m, v, buildStanceGrid(doc, v))
	mdMatrix(m, buildMatrix(doc, v))

	m.line("## Parties")
	if len(v.Parties) == 0 {
		m.para("This board has no parties yet.")
	}
	for _, p := range v.Parties {
		h := "### " + mdLine(p.Name)
		if p.Kind != "" {
			h += " (" + mdLine(p.Kind) + ")"
		}
		m.line(h)
		if p.Reliability != "" {
			m.para("Reliability **" + mdLine(p.Reliability) + "**" + mdMeaning(p.ReliabilityMeaning()))
		}
		if p.Notes != "" {
			m.para(mdText(p.Notes, ""))
		}
		if len(p.Affiliations) > 0 {
			m.para(affiliationsText(p.Affiliations, mdLine))
		}
		m.para("**Where they stand**")
		if len(p.Stances) == 0 {
			m.para("Tied to no claim.")
		} else {
			for _, s := range p.Stances {
				verdict := ""
				if vd := s.Claim.Verdict; vd != nil {
					verdict = "verdict *" + mdLine(vd.Label) + "* · "
				}
				m.text("- **" + mdLine(s.Claim.Word) + "** · " + verdict + mdLine(truncate(s.Claim.Statement, 160)) + " — " + s.Text() + "\n")
			}
			m.text("\n")
		}
		m.para(fmt.Sprintf("**What they said (%d)**", len(p.Said)))
		if len(p.Said) == 0 {
			m.para("No quotes from them on this board.")
		} else {
			for _, q := range p.Said {
				m.text(mdQuoteItem(q, "", false))
			}
			m.text("\n")
		}
	}

	m.line("## Sources")
	if len(v.Sources) == 0 {
		m.para("This board has no sources yet.")
	}
	for _, s := range v.Sources {
		item := "- **" + mdLine(strings.TrimSpace(s.Title)) + "**"
		if b := s.Byline(); b != "" {
			item += ", " + mdLine(b)
		}
		if s.PublishedWhen != "" {
			item += ", published " + mdWhen(s.Published, s.PublishedWhen)
		}
		if s.RetrievedWhen != "" {
			item += ", retrieved " + mdWhen(s.Retrieved, s.RetrievedWhen)
		}
		if s.URL != "" {
			item += "\\\n  " + mdURLText(s.URL)
		}
		if s.Notes != "" {
			item += "\\\n  " + mdText(s.Notes, "  ")
		}
		item += "\\\n  "
		if s.Reliability != "" {
			item += "Reliability **" + mdLine(s.Reliability) + "**" + mdMeaning(s.ReliabilityMeaning()) + " · "
		}
		item += plural(s.NQuotes, "quote", "quotes") + " on this board"
		m.text(item + "\n")
	}
	if len(v.Sources) > 0 {
		m.text("\n")
	}

	m.line("## Timeline")
	if len(v.Days) == 0 {
		m.para("Nothing on this board is dated.")
	} else {
		m.para("Everything dated on the board, oldest first, day by day (UTC). What is dated to the day only comes first in its day, with no time.")
		for _, d := range v.Days {
			m.line("### " + d.Title)
			for _, e := range d.Events {
				item := "- "
				if e.Time != "" {
					item += e.Time + " · "
				}
				switch e.Kind {
				case "published":
					item += "Published: *" + mdLine(strings.TrimSpace(e.Source.Title)) + "*"
					if b := e.Source.Byline(); b != "" {
						item += ", " + mdLine(b)
					}
				case "said":
					item += "Said: **" + mdLine(partyLabel(e.Quote.Speaker)) + "**: “" + mdLine(truncate(e.Quote.Text, 200)) + "”"
				case app.EventVerdict:
					item += mdTimelineVerdict(e)
				default:
					item += "**" + mdLine(e.History.Word) + "** · " + mdLine(truncate(e.Claim.Statement, 120))
					if e.History.Note != "" {
						item += "\\\n  " + mdText(e.History.Note, "  ")
					}
				}
				m.text(item + "\n")
			}
			m.text("\n")
		}
	}
	mdUndated(m, v.Undated)
	footer := "Made with Evidence Board"
	if v.GeneratedText != "" {
		footer += " on " + v.GeneratedText
	}
	m.text(footer + ". Quotes are the exact words of their speakers, as pinned from the sources listed; statuses and notes are the board's own.\n")
	return bw.Flush()
}

// mdWeakSpots writes the "Weak spots" section.
func mdWeakSpots(m *mdWriter, w *weakSpots) {
	m.line("## Weak spots")
	if len(w.Groups) == 0 {
		m.para("Evidence Board's review finds no weak spots on this board.")
		return
	}
	m.para("Where the board's case is thin, as Evidence Board's review finds it: " + plural(w.N, "finding", "findings") + ". They are advice for the fact-checker, not errors.")
	for _, g := range w.Groups {
		m.line(fmt.Sprintf("### %s (%d)", g.Title, len(g.Findings)))
		m.para(capital(g.When) + ".")
		for _, f := range g.Findings {
			m.text("- " + mdLine(f.Message) + " (" + mdLine(f.Item) + ")\n")
		}
		m.text("\n")
	}
}

// mdStanceGrid writes the "Who stands where" section: a table of parties ×
// claims, the claims numbered as the Claims section numbers them.
func mdStanceGrid(m *mdWriter, v *view, g *stanceGrid) {
	m.line("## Who stands where")
	switch {
	case g.NCells == 0:
		m.para("No party meets a claim on this board yet.")
		return
	case !g.Fits:
		m.para(fmt.Sprintf("This board has %s, more than fit across a page (%d): where each party stands is listed under Parties, and the whole grid is in the stance export (CSV).", plural(v.NClaims, "claim", "claims"), stanceGridMaxClaims))
		return
	}
	m.para("Each party that meets a claim, and how: what its quotes do to the claim (with how many quotes), and whether it made the claim or the claim is about it. The columns are the claims, numbered as in Claims and listed below the table.")
	var b strings.Builder
	b.WriteString("| Party |")
	for _, c := range g.Claims {
		fmt.Fprintf(&b, " %d |", c.Index+1)
	}
	b.WriteString("\n| --- |")
	for range g.Claims {
		b.WriteString(" :---: |")
	}
	b.WriteString("\n")
	for _, r := range g.Rows {
		b.WriteString("| **" + mdLine(nameOr(r.Party)) + "**")
		if r.Party.Kind != "" {
			b.WriteString(" (" + mdLine(r.Party.Kind) + ")")
		}
		b.WriteString(" |")
		for _, c := range r.Cells {
			var parts []string
			if c.Stance != "" {
				parts = append(parts, fmt.Sprintf("**%s** (%d)", c.Stance, c.Quotes))
			}
			parts = append(parts, c.Roles...)
			b.WriteString(" " + strings.Join(parts, " · ") + " |")
		}
		b.WriteString("\n")
	}
	m.text(b.String() + "\n")
	for _, c := range g.Claims {
		m.text(fmt.Sprintf("%d. **%s** %s\n", c.Index+1, mdLine(c.Word), mdLine(truncate(c.Statement, 150))))
	}
	m.text("\n")
	parts := make([]string, len(stanceLegend))
	for i, l := range stanceLegend {
		parts[i] = "**" + l.Word + "**: " + l.Meaning
	}
	m.para(strings.Join(parts, " · ") + ".")
}

type mdWriter struct {
	w   *bufio.Writer
	err error
}

func (m *mdWriter) text(s string) {
	if m.err == nil {
		_, m.err = m.w.WriteString(s)
	}
}

// line writes s as a block of its own: s, then a blank line.
func (m *mdWriter) line(s string) { m.text(s + "\n\n") }

// para writes a paragraph.
func (m *mdWriter) para(s string) { m.line(s) }

// mdQuoteItem is a list item for a quote: its words, then its speaker,
// source, date and place, then its notes and the link's note.
func mdQuoteItem(q *quoteView, linkNote string, withSpeaker bool) string {
	var b strings.Builder
	b.WriteString("- “")
	b.WriteString(mdText(q.Text, "  "))
	b.WriteString("”\\\n  — ")
	var parts []string
	if withSpeaker {
		s := "**" + mdLine(nameOr(q.Speaker)) + "**"
		if q.Speaker != nil && q.Speaker.Kind != "" {
			s += " (" + mdLine(q.Speaker.Kind) + ")"
		}
		parts = append(parts, s)
	}
	if q.Source != nil {
		s := "*" + mdLine(strings.TrimSpace(q.Source.Title)) + "*"
		if by := q.Source.Byline(); by != "" {
			s += " (" + mdLine(by) + ")"
		}
		parts = append(parts, s)
	} else if !withSpeaker {
		parts = append(parts, "source unknown")
	}
	if q.When != "" {
		parts = append(parts, mdWhen(q.Said, q.When))
	}
	if q.Location != "" {
		parts = append(parts, mdLine(q.Location))
	}
	b.WriteString(strings.Join(parts, ", "))
	if q.Source != nil {
		if u := safeURL(q.Source.URL); u != "" {
			b.WriteString(" · [source](" + mdDest(u) + ")")
		}
	}
	if !withSpeaker {
		for _, c := range q.Claims {
			b.WriteString(" · " + string(c.Relation) + " “" + mdLine(truncate(c.Claim.Statement, 60)) + "”")
		}
		if q.Credibility != 0 {
			b.WriteString(" · credibility **" + mdLine(credibilityWords(q.Credibility)) + "**")
		}
	} else if g := q.Grade(); g != "" {
		b.WriteString("\\\n  Grade **" + mdLine(g) + "**: " + mdLine(q.GradeWords()))
	}
	if q.Notes != "" {
		b.WriteString("\\\n  Notes: " + mdText(q.Notes, "  "))
	}
	if linkNote != "" {
		b.WriteString("\\\n  Note on the link: " + mdText(linkNote, "  "))
	}
	b.WriteString("\n")
	return b.String()
}

func nameOr(p *partyView) string {
	if p == nil || strings.TrimSpace(p.Name) == "" {
		return "Unknown speaker"
	}
	return strings.TrimSpace(p.Name)
}

// mdWhen is a date or time from the board as shown: as it is if it is a
// date or time (digits, -, : and UTC, in the middle of a line, where they
// mean nothing to Markdown), escaped otherwise.
func mdWhen(raw, shown string) string {
	if _, ok := whenTime(raw); ok {
		return shown
	}
	return mdLine(shown)
}

// mdLink is text linked to u if u is safe to link to, or just the text.
func mdLink(text, u string) string {
	if s := safeURL(u); s != "" {
		return "[" + mdLine(text) + "](" + mdDest(s) + ")"
	}
	return mdLine(text)
}

// mdURLText shows an address, linked if it is safe to link to.
func mdURLText(u string) string {
	if s := safeURL(u); s != "" {
		return "[" + mdLine(u) + "](" + mdDest(s) + ")"
	}
	return mdLine(u) + " (not a web address; not linked)"
}

// mdDest writes a link destination: every byte outside a small safe set
// (letters, digits and -._~:/?#[]@!$&'*+,;=%) is percent-encoded, so that
// no space, parenthesis, angle bracket, backslash or line break can end
// the destination early.
func mdDest(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~:/?#[]@!$&'*+,;=%", c) >= 0:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// mdJudging writes the legends of verdicts and grades, where the board
// uses them.
func mdJudging(m *mdWriter, v *view) {
	if v.NVerdicts > 0 || v.OwnScale {
		m.para("**Verdicts.** The status says where a claim stands on the record; the verdict is the fact-checker's own rating of it, on " +
			v.ScaleName() + ", worst first: " + mdLine(v.ScaleRange()) + ".")
		m.text("| Verdict | Value | Claims |\n| --- | ---: | ---: |\n")
		for _, s := range v.Verdicts {
			m.text(fmt.Sprintf("| %s | %d | %d |\n", mdLine(s.Label), s.Value, s.N))
		}
		m.text(fmt.Sprintf("| No verdict yet | | %d |\n\n", v.NoVerdict()))
	}
	if v.HasGrades {
		m.para("**Grades.** " + gradesNote)
		m.para("**Reliability** of a party or source: " + legendText(reliabilityLegend) + ".\\\n**Credibility** of a quote: " + legendText(credibilityLegend) + ".")
	}
}

// mdVerdict is a claim's verdict as a paragraph: its label, its value on
// the scale, when it was given and why.
func mdVerdict(v *view, vd *verdictView) string {
	s := "**Verdict: " + mdLine(vd.Label) + "**"
	if vd.OnScale {
		s += fmt.Sprintf(" · %d on a scale of %s", vd.Value, mdLine(v.ScaleRange()))
	}
	if vd.When != "" {
		s += " · " + vd.When
	}
	if vd.Note != "" {
		s += "\\\n" + mdText(vd.Note, "")
	}
	return s
}

// mdMeaning is a grade's meaning after a colon, or "".
func mdMeaning(m string) string {
	if m == "" {
		return ""
	}
	return ": " + m
}

// mdTimelineVerdict is a verdict on the timeline: "Verdict: **False** on claim".
func mdTimelineVerdict(e *event) string {
	s := "Verdict: **" + mdLine(e.Verdict.Label) + "** on " + mdLine(truncate(e.Claim.Statement, 120))
	if e.Verdict.Note != "" {
		s += "\\\n  " + mdText(e.Verdict.Note, "  ")
	}
	return s
}

// mdUndated writes what the timeline cannot place, under "Undated".
func mdUndated(m *mdWriter, es []*event) {
	if len(es) == 0 {
		return
	}
	m.line("### Undated")
	m.para("What has no date to place it on the timeline. Nothing is guessed: a quote with no date of its own is listed here even when its source is dated.")
	for _, e := range es {
		item := "- "
		switch e.Kind {
		case app.EventPublished:
			item += "Source: *" + mdLine(strings.TrimSpace(e.Source.Title)) + "*"
			if b := e.Source.Byline(); b != "" {
				item += ", " + mdLine(b)
			}
		case app.EventSaid:
			item += "Quote: **" + mdLine(partyLabel(e.Quote.Speaker)) + "**: “" + mdLine(truncate(e.Quote.Text, 200)) + "”"
			if s := e.Quote.Source; s != nil && s.PublishedWhen != "" {
				item += " (its source: published " + mdLine(s.PublishedWhen) + ")"
			}
		case app.EventVerdict:
			item += mdTimelineVerdict(e)
		default:
			item += "**" + mdLine(e.History.Word) + "** · " + mdLine(truncate(e.Claim.Statement, 120)) + " (no dated status change)"
		}
		m.text(item + "\n")
	}
	m.text("\n")
}
