package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The PDF prints each quote in full once, where it is first met: under the
// first claim it is tied to, or among the quotes tied to no claim. Each is
// numbered there (Q1, Q2, …, in the order they are printed). Everywhere
// else (under a second claim, under its speaker in Parties, in the matrix
// and the timeline) it is referred to by its number, its first words and
// where it is printed in full, with a link there.

// pdfQuotes numbers the quotes and records where each is printed.
type pdfQuotes struct {
	no    map[string]int // quote id → its number, from 1
	at    map[string]int // quote id → the page it is printed on in full
	claim map[string]int // quote id → the claim it is printed under (index), or -1
	all   []*quoteView   // in number order
}

// numberQuotes numbers v's quotes in the order the PDF prints them, and
// makes each a link target.
func (p *pdfWriter) numberQuotes(v *view) {
	p.quotes = pdfQuotes{no: map[string]int{}, at: map[string]int{}, claim: map[string]int{}}
	add := func(q *quoteView, claim int) {
		if _, ok := p.quotes.no[q.ID]; ok {
			return
		}
		p.quotes.no[q.ID] = len(p.quotes.no) + 1
		p.quotes.claim[q.ID] = claim
		p.quotes.all = append(p.quotes.all, q)
		p.targets["#quote-"+q.ID] = p.f.AddLink()
	}
	for i, c := range v.Claims {
		for _, g := range c.Groups {
			for _, it := range g.Items {
				add(it.Quote, i)
			}
		}
	}
	for _, q := range v.Unlinked {
		add(q, -1)
	}
}

// quoteNo is "Q5", the quote's number, or "" for a quote not numbered.
func (p *pdfWriter) quoteNo(q *quoteView) string {
	if n, ok := p.quotes.no[q.ID]; ok {
		return fmt.Sprintf("Q%d", n)
	}
	return ""
}

// printed reports whether q is printed in full already.
func (p *pdfWriter) printed(q *quoteView) bool {
	_, ok := p.quotes.at[q.ID]
	return ok
}

// markPrinted records that q is printed in full here, and places its link
// target.
func (p *pdfWriter) markPrinted(q *quoteView) {
	p.quotes.at[q.ID] = p.f.PageNo()
	p.place("#quote-" + q.ID)
}

// where is where q is printed in full: "under claim 3, p. 7", the page left
// out while it is not printed yet.
func (p *pdfWriter) where(q *quoteView) string {
	s := "among the quotes tied to no claim"
	if c, ok := p.quotes.claim[q.ID]; ok && c >= 0 {
		s = fmt.Sprintf("under claim %d", c+1)
	}
	if pg, ok := p.quotes.at[q.ID]; ok {
		s += fmt.Sprintf(", p. %d", pg)
	}
	return s
}

// refsIn is text (a weak spot's message) with each quote it gives whole,
// “in quotation marks”, replaced by the quote's reference: the quote is
// printed in full under its claim.
func (p *pdfWriter) refsIn(text string) string {
	for _, q := range p.quotes.all {
		words := strings.Join(strings.Fields(q.Text), " ")
		if words == "" {
			continue
		}
		text = strings.ReplaceAll(text, "“"+words+"”", p.quoteRef(q))
	}
	return text
}

// whereShort is where, shorter: "claim 3, p. 7".
func (p *pdfWriter) whereShort(q *quoteView) string {
	return strings.TrimPrefix(strings.Replace(p.where(q), "among the quotes tied to no claim", "tied to no claim", 1), "under ")
}

// quoteRef is how q is referred to: "Q5 “first words…”".
func (p *pdfWriter) quoteRef(q *quoteView) string {
	s := "“" + firstWords(q.Text, 40) + "”"
	if n := p.quoteNo(q); n != "" {
		s = n + " " + s
	}
	return s
}

// linkQuote makes the h millimetres from y on this page a link to where q
// is printed in full.
func (p *pdfWriter) linkQuote(q *quoteView, y, h float64) {
	if id, ok := p.targets["#quote-"+q.ID]; ok {
		p.f.Link(p.left, y, p.width, h, id)
	}
}

// firstWords is the first words of s, at most n characters of them and
// always fewer than all of s (at most half of it), ending in "…": enough to
// know a quote by, never the quote again.
func firstWords(s string, n int) string {
	words := strings.Fields(s)
	n = min(n, utf8.RuneCountInString(strings.Join(words, " "))/2)
	var b strings.Builder
	for i, w := range words {
		if i == len(words)-1 || (i > 0 && utf8.RuneCountInString(b.String())+1+utf8.RuneCountInString(w) > n) {
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if utf8.RuneCountInString(b.String()) >= n {
			break
		}
	}
	if b.Len() == 0 {
		return "…"
	}
	return b.String() + "…"
}

// quoteRefBlock writes q, printed in full elsewhere, as a reference: its
// number and first words, who said it (withSpeaker) or the claims it is
// tied to (under its party), where it is printed, and the link's note.
func (p *pdfWriter) quoteRefBlock(q *quoteView, linkNote string, color [3]int, withSpeaker bool) {
	f := p.f
	p.ensure(8)
	y0, page0 := f.GetY(), f.PageNo()
	const in = 4
	rest := ""
	if withSpeaker {
		rest = "— " + nameOr(q.Speaker) + " · "
	} else {
		var ties []string
		for _, c := range q.Claims {
			ties = append(ties, fmt.Sprintf("%s claim %d", c.Relation, c.Claim.Index+1))
		}
		if len(ties) > 0 {
			rest = strings.Join(ties, ", ") + " · "
		}
	}
	rest += "printed in full " + p.where(q)
	p.lead(in, 4.3, p.s(p.quoteRef(q)), 9, pdfInk, p.s(rest), 8, pdfMuted)
	if f.PageNo() == page0 {
		p.linkQuote(q, y0, f.GetY()-y0)
	}
	if linkNote != "" {
		p.text(in, "Note on the link: "+p.s(linkNote), false, 8, 4, pdfMuted)
	}
	p.bar(p.left+1, y0+0.5, page0, color)
	f.Ln(1.8)
}

// fitLine is s cut at a word, with "…", to fit one line of width
// millimetres in the current font; s itself if it fits; cut within its
// first word if that alone is too wide.
func (p *pdfWriter) fitLine(s string, width float64) string {
	s = strings.Join(strings.Fields(s), " ")
	if p.f.GetStringWidth(s) <= width {
		return s
	}
	words := strings.Fields(s)
	for n := len(words) - 1; n >= 1; n-- {
		t := strings.Join(words[:n], " ") + "…"
		if p.f.GetStringWidth(t) <= width {
			return t
		}
	}
	r := []rune(s)
	for n := min(len(r)-1, 200); n > 0; n-- {
		if t := string(r[:n]) + "…"; p.f.GetStringWidth(t) <= width {
			return t
		}
	}
	return "…"
}
