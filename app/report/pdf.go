package report

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"evidenceboard/app"
	"evidenceboard/assets"
)

const pdfFamily = "DejaVu"

// Least widths of the PDF's columns, in millimetres: dates and times, and
// status badges at 6.5 pt (UNCONFIRMED is the widest word). A column of
// times is made as wide as its widest time as drawn (see columnW): a time
// with seconds is wider than these.
const (
	pdfWhenW  = 38
	pdfBadgeW = 24
	pdfTimeW  = 20
	pdfColGap = 2
)

// Colours of the PDF, as RGB.
var (
	pdfInk    = [3]int{26, 26, 26}
	pdfMuted  = [3]int{85, 85, 85}
	pdfRule   = [3]int{200, 196, 186}
	pdfLink   = [3]int{11, 83, 148}
	pdfWhite  = [3]int{255, 255, 255}
	pdfParty  = [3]int{138, 132, 118}
	pdfStatus = map[app.Status][3]int{
		app.StatusAlleged:     {180, 83, 9},
		app.StatusDenied:      {185, 28, 28},
		app.StatusUnconfirmed: {109, 40, 217},
	}
	pdfStatusOther = [3]int{75, 85, 99}
	pdfRelation    = map[app.Relation][3]int{
		app.RelSupports:    {21, 128, 61},
		app.RelDenies:      {185, 28, 28},
		app.RelContradicts: {194, 65, 12},
		app.RelMentions:    {138, 132, 118},
	}
)

func statusRGB(s app.Status) [3]int {
	if c, ok := pdfStatus[s]; ok {
		return c
	}
	return pdfStatusOther
}

// WritePDF writes the report as a PDF on A4 or Letter paper (opts.Paper),
// with the DejaVu Sans fonts embedded. Latin, Greek and Cyrillic show as
// written. Characters the fonts lack (such as Chinese, Japanese, Korean or
// emoji) and right-to-left scripts (Arabic, Hebrew), which the PDF library
// cannot lay out, are never dropped: each run of them is shown as a
// placeholder naming their code points, like [U+4E2D U+6587], and opts.Warn
// is called once with how many characters were replaced.
//
// The PDF's creation date is opts.Generated, so the same board and Options
// give the same bytes.
func WritePDF(w io.Writer, doc *app.Document, opts Options) error {
	v := buildView(doc, opts)
	g, err := pdfCover()
	if err != nil {
		return err
	}
	size := "A4"
	switch strings.ToLower(strings.TrimSpace(opts.Paper)) {
	case "", "a4":
	case "letter":
		size = "Letter"
	default:
		return app.Errorf(app.EINVALID, "paper %q is not known: use A4 or Letter", opts.Paper)
	}
	made := v.Generated
	if made.IsZero() {
		made = doc.Board.Updated.UTC()
	}
	if made.IsZero() || made.Year() < 1970 {
		made = time.Unix(0, 0).UTC()
	}

	f := fpdf.New("P", "mm", size, "")
	f.SetCatalogSort(true)
	f.SetCompression(true)
	f.SetCreationDate(made)
	f.SetModificationDate(made)
	f.AddUTF8FontFromBytes(pdfFamily, "", assets.DejaVuSans)
	f.AddUTF8FontFromBytes(pdfFamily, "B", assets.DejaVuSansBold)
	f.SetCellMargin(0)
	p := &pdfWriter{f: f, g: g, size: size, targets: map[string]int{}}
	p.pageW, p.pageH = f.GetPageSize()
	p.left, p.top, p.right, p.bottom = 18, 18, 18, 20
	p.width = p.pageW - p.left - p.right
	f.SetMargins(p.left, p.top, p.right)
	f.SetAutoPageBreak(true, p.bottom)

	title := p.s(v.Title)
	f.SetTitle(title, true)
	f.SetSubject("Evidence Board report", true)
	f.SetCreator("Evidence Board", true)
	f.SetLang("en")
	f.AliasNbPages("{nb}")
	footTitle := p.s(truncate(v.Title, 70))
	f.SetFooterFunc(func() {
		// The page's own size: the stance grid's pages lie across.
		pw, ph := f.GetPageSize()
		width := pw - p.left - p.right
		f.SetY(ph - 12)
		p.font(false, 7.5, pdfMuted)
		f.SetX(p.left)
		f.CellFormat(width*0.75, 4, footTitle, "", 0, "L", false, 0, "")
		f.CellFormat(width*0.25, 4, fmt.Sprintf("Page %d of {nb}", f.PageNo()), "", 0, "R", false, 0, "")
	})
	// Link targets for claims and parties, placed where they are written,
	// so that the weak spots and the stance grid can point to them.
	for _, c := range v.Claims {
		if _, dup := p.targets["#claim-"+c.ID]; !dup {
			p.targets["#claim-"+c.ID] = f.AddLink()
		}
	}
	for _, pv := range v.Parties {
		if _, dup := p.targets["#party-"+pv.ID]; !dup {
			p.targets["#party-"+pv.ID] = f.AddLink()
		}
	}

	p.numberQuotes(v)

	p.cover(v)
	if img, ok := boardPNG(opts); ok {
		if err := p.boardImage(img); err != nil {
			opts.warn("The board image could not be put in the PDF (" + err.Error() + "), so the PDF has no picture of the board.")
		}
	}
	p.weakSpots(buildWeakSpots(doc))
	p.claims(v)
	p.unlinked(v)
	p.stanceGrid(v, buildStanceGrid(doc, v))
	p.matrix(buildMatrix(doc, v))
	p.parties(v)
	p.sources(v)
	p.timeline(v)

	if n := countUnsupported(g, v); n > 0 {
		opts.warn(fmt.Sprintf("The PDF's font cannot show %s of the board's text (such as Chinese, Japanese, Korean, emoji, or right-to-left scripts such as Arabic and Hebrew), so each run of them is shown as its code points, like [U+4E2D U+6587]. The HTML and Markdown reports show them as written.",
			plural(n, "character", "characters")))
	}
	if err := f.Error(); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := f.Output(bw); err != nil {
		return err
	}
	return bw.Flush()
}

type pdfWriter struct {
	f                        *fpdf.Fpdf
	g                        *glyphSet
	pageW, pageH             float64
	left, top, right, bottom float64
	width                    float64
	size                     string // "A4" or "Letter"
	landscape                bool   // the pages being written lie across
	// targets are the link ids of claims and parties by their report
	// anchor, "#claim-c1" and "#party-p1"; each is placed once, where the
	// item is first written (see place).
	targets map[string]int
	placed  map[int]bool
	quotes  pdfQuotes // the quotes' numbers and where each is printed in full
}

// place puts the link target of anchor here, unless it is placed already.
func (p *pdfWriter) place(anchor string) {
	id, ok := p.targets[anchor]
	if !ok || p.placed[id] {
		return
	}
	if p.placed == nil {
		p.placed = map[int]bool{}
	}
	p.placed[id] = true
	p.f.SetLink(id, p.f.GetY(), -1)
}

// s makes text from the board showable (see pdfString).
func (p *pdfWriter) s(text string) string {
	out, _ := pdfString(p.g, text)
	return out
}

func (p *pdfWriter) font(bold bool, size float64, color [3]int) {
	style := ""
	if bold {
		style = "B"
	}
	p.f.SetFont(pdfFamily, style, size)
	p.f.SetTextColor(color[0], color[1], color[2])
}

// ensure starts a new page unless h millimetres fit on this one.
func (p *pdfWriter) ensure(h float64) {
	if p.f.GetY()+h > p.pageH-p.bottom {
		p.addPage()
	}
}

// text writes a paragraph across the text width, or from indent on.
func (p *pdfWriter) text(indent float64, s string, bold bool, size, lh float64, color [3]int) {
	p.font(bold, size, color)
	p.f.SetX(p.left + indent)
	p.f.MultiCell(p.width-indent, lh, s, "", "L", false)
}

// badge draws a status badge at x, y: the word in white on the status's
// colour. It returns its width.
func (p *pdfWriter) badge(x, y float64, word string, color [3]int, size float64) float64 {
	p.font(true, size, pdfWhite)
	h := size * 0.3528 * 1.55
	w := p.f.GetStringWidth(word) + 2.4
	p.f.SetFillColor(color[0], color[1], color[2])
	p.f.RoundedRect(x, y, w, h, 0.7, "1234", "F")
	p.f.SetXY(x, y)
	p.f.CellFormat(w, h, word, "", 0, "C", false, 0, "")
	return w
}

// columnW returns the width of a column of cells holding texts in the
// regular font at size: the widest text as measured in the PDF's font, and
// a gap, or least if that is wider.
func (p *pdfWriter) columnW(least, size float64, texts []string) float64 {
	p.font(false, size, pdfMuted)
	w := least
	for _, s := range texts {
		w = max(w, p.f.GetStringWidth(s)+2*p.f.GetCellMargin()+pdfColGap)
	}
	return w
}

// heading starts a section, with an outline entry: on a new page if
// newPage, or if the page is turned otherwise than the section (after the
// stance grid or the matrix, which lie across), or if less than a quarter
// of the page is left; otherwise it goes on below what comes before.
func (p *pdfWriter) heading(title string, newPage bool) {
	w, h := p.f.GetPageSize()
	if newPage || (w > h) != p.landscape {
		p.addPage()
	} else {
		p.ensure((p.pageH - p.top - p.bottom) / 4)
		if p.f.GetY() > p.top+1 {
			p.f.Ln(6)
		}
	}
	p.f.Bookmark(title, 0, -1)
	p.font(true, 16, pdfInk)
	p.f.SetX(p.left)
	p.f.MultiCell(p.width, 8, title, "", "L", false)
	y := p.f.GetY() + 0.8
	p.f.SetDrawColor(pdfInk[0], pdfInk[1], pdfInk[2])
	p.f.SetLineWidth(0.6)
	p.f.Line(p.left, y, p.left+p.width, y)
	p.f.SetY(y + 4)
}

// subheading is a small capitalised label such as HISTORY.
func (p *pdfWriter) subheading(s string, color [3]int) {
	p.ensure(12)
	p.f.Ln(1.2)
	p.text(0, s, true, 7.5, 4, color)
	p.f.Ln(0.6)
}

// link writes an address in link colour and makes it a link if it is safe
// to link to.
func (p *pdfWriter) link(indent float64, label, u string, size float64) {
	x, y, page := p.left+indent, p.f.GetY(), p.f.PageNo()
	safe := safeURL(u)
	color := pdfMuted
	if safe != "" {
		color = pdfLink
	}
	p.text(indent, label, false, size, size*0.45, color)
	if safe != "" && p.f.PageNo() == page {
		p.f.LinkString(x, y, p.width-indent, p.f.GetY()-y, mdDest(safe))
	}
}

// bar draws a vertical bar at x from y0 on page0 to the current position,
// across page breaks.
func (p *pdfWriter) bar(x, y0 float64, page0 int, color [3]int) {
	f := p.f
	page1, y1 := f.PageNo(), f.GetY()
	f.SetDrawColor(color[0], color[1], color[2])
	f.SetLineWidth(0.8)
	for pg := page0; pg <= page1; pg++ {
		from, to := p.top, p.pageH-p.bottom
		if pg == page0 {
			from = y0
		}
		if pg == page1 {
			to = y1
		}
		if to > from {
			f.SetPage(pg)
			f.Line(x, from, x, to)
		}
	}
	f.SetPage(page1)
	f.SetY(y1)
}

func (p *pdfWriter) cover(v *view) {
	f := p.f
	f.AddPage()
	p.text(0, "EVIDENCE BOARD REPORT", true, 8, 4, pdfMuted)
	f.Ln(1.5)
	p.text(0, p.s(v.Title), true, 22, 9.5, pdfInk)
	f.Ln(2)
	if v.Description != "" {
		p.text(0, p.s(v.Description), false, 11, 5.6, pdfInk)
		f.Ln(2)
	}
	meta := plural(v.NClaims, "claim", "claims") + ": " + v.statusLine() + " · " + plural(v.NQuotes, "quote", "quotes") +
		" · " + plural(v.NParties, "party", "parties") + " · " + plural(v.NSources, "source", "sources")
	if v.GeneratedText != "" {
		meta = "Generated " + v.GeneratedText + " · " + meta
	}
	p.text(0, meta, false, 9, 4.6, pdfMuted)
	if v.URL != "" {
		p.link(0, "Published at "+p.s(v.URL), v.URL, 9)
	}
	if v.HasReviewer && v.Reviewer.Name != "" {
		p.text(0, "Reviewed by "+p.s(v.Reviewer.Name), false, 9, 4.6, pdfMuted)
	}
	f.Ln(6)

	p.heading("Where the claims stand", false)
	for _, c := range v.Counts {
		y := f.GetY()
		p.badge(p.left, y+0.6, c.Word, statusRGB(c.Status), 8)
		p.font(false, 10, pdfInk)
		f.SetXY(p.left+32, y)
		f.MultiCell(p.width-32-20, 5.6, c.Meaning, "", "L", false)
		y2 := f.GetY()
		p.font(true, 11, pdfInk)
		f.SetXY(p.left+p.width-20, y)
		f.CellFormat(20, 5.6, fmt.Sprint(c.N), "", 0, "R", false, 0, "")
		f.SetY(y2 + 1.2)
		p.rule(0.2)
		f.Ln(1.2)
	}
	y := f.GetY()
	p.font(true, 10, pdfInk)
	f.SetXY(p.left, y)
	f.CellFormat(p.width-20, 5.6, "All claims", "", 0, "L", false, 0, "")
	p.font(true, 11, pdfInk)
	f.CellFormat(20, 5.6, fmt.Sprint(v.NClaims), "", 1, "R", false, 0, "")
	f.Ln(4)
	p.text(0, "Each status is shown as a coloured badge and in words. Quotes are grouped under each claim by what they do: support it, deny it, contradict it or only mention it. Dates and times are in UTC.", false, 9, 4.6, pdfMuted)
	p.judgingLegend(v)
}

// rule draws a thin horizontal line across the text width.
func (p *pdfWriter) rule(width float64) {
	y := p.f.GetY()
	p.f.SetDrawColor(pdfRule[0], pdfRule[1], pdfRule[2])
	p.f.SetLineWidth(width)
	p.f.Line(p.left, y, p.left+p.width, y)
}

func (p *pdfWriter) boardImage(data []byte) error {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return err
	}
	// Re-encode as 8-bit, non-interlaced PNG, the kind the PDF library reads.
	b := img.Bounds()
	if b.Dx() == 0 || b.Dy() == 0 {
		return fmt.Errorf("the image is empty")
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Bounds(), img, b.Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, rgba); err != nil {
		return err
	}
	f := p.f
	opts := fpdf.ImageOptions{ImageType: "PNG"}
	f.RegisterImageOptionsReader("board", opts, &buf)
	if f.Err() {
		err := f.Error()
		f.ClearError()
		return err
	}
	p.heading("The board", true)
	maxH := p.pageH - p.bottom - f.GetY() - 8
	w := p.width
	h := w * float64(b.Dy()) / float64(b.Dx())
	if h > maxH {
		h = maxH
		w = h * float64(b.Dx()) / float64(b.Dy())
	}
	y := f.GetY()
	f.ImageOptions("board", p.left+(p.width-w)/2, y, w, h, false, opts, 0, "")
	f.SetDrawColor(pdfRule[0], pdfRule[1], pdfRule[2])
	f.SetLineWidth(0.2)
	f.Rect(p.left+(p.width-w)/2, y, w, h, "D")
	f.SetY(y + h + 2)
	p.text(0, "The board as laid out in Evidence Board.", false, 8, 4, pdfMuted)
	return nil
}

func (p *pdfWriter) claims(v *view) {
	f := p.f
	p.heading("Claims", false)
	if v.HasGrades {
		p.text(0, v.QuoteGradeLegend(), false, 8, 4, pdfMuted)
		p.f.Ln(3)
	}
	if len(v.Claims) == 0 {
		p.text(0, "This board has no claims yet.", false, 10, 5, pdfMuted)
	}
	var whens []string
	for _, c := range v.Claims {
		for _, h := range c.History {
			whens = append(whens, h.When)
		}
	}
	whenW := p.columnW(pdfWhenW, 8.5, whens)
	for i, c := range v.Claims {
		p.ensure(32)
		if i > 0 {
			f.Ln(2)
			p.rule(0.3)
			f.Ln(4)
		}
		y := f.GetY()
		p.place("#claim-" + c.ID)
		f.Bookmark(p.s(truncate(c.Statement, 80)), 1, -1)
		word := p.s(c.Word)
		bw := p.badge(p.left, y, word, statusRGB(c.Status), 8)
		meta := fmt.Sprintf("Claim %d", i+1)
		if len(c.MadeBy) > 0 {
			meta += " · made by " + partyNames(c.MadeBy)
		}
		if len(c.About) > 0 {
			meta += " · about " + partyNames(c.About)
		}
		p.font(false, 8, pdfMuted)
		f.SetXY(p.left+bw+3, y+0.2)
		f.MultiCell(p.width-bw-3, 4.2, p.s(meta), "", "L", false)
		f.SetY(f.GetY() + 1.5)
		p.text(0, p.s(c.Statement), true, 12, 5.8, pdfInk)
		p.verdict(v, c)
		if c.Notes != "" {
			f.Ln(1)
			p.text(0, "Notes: "+p.s(c.Notes), false, 9, 4.5, pdfMuted)
		}
		if len(c.History) > 0 {
			p.subheading("HISTORY", pdfMuted)
			for _, h := range c.History {
				p.ensure(5)
				y := f.GetY()
				p.font(false, 8.5, pdfMuted)
				f.SetXY(p.left, y)
				f.CellFormat(whenW, 4.6, h.When, "", 0, "L", false, 0, "")
				bw := p.badge(p.left+whenW, y+0.5, p.s(h.Word), statusRGB(h.Status), 6.5)
				x := p.left + whenW + max(bw, pdfBadgeW) + 2.5
				p.font(false, 9, pdfInk)
				f.SetXY(x, y)
				f.MultiCell(p.left+p.width-x, 4.6, p.s(h.Note), "", "L", false)
				f.Ln(0.6)
			}
		}
		if len(c.Groups) == 0 {
			f.Ln(1.5)
			p.text(0, "No quotes are tied to this claim yet.", false, 9, 4.6, pdfMuted)
		}
		for _, g := range c.Groups {
			col := pdfRelation[g.Relation]
			p.subheading(strings.ToUpper(g.Heading)+fmt.Sprintf(" (%d)", len(g.Items)), col)
			for _, it := range g.Items {
				p.quote(it.Quote, it.Note, col, true)
			}
		}
	}
}

// quote writes a quote: its words, then its speaker, source, date and
// place, its notes and the link's note, with a bar in color on its left.
// Without withSpeaker (under a party) the speaker is left out and the
// claims the quote is tied to are named instead.
func (p *pdfWriter) quote(q *quoteView, linkNote string, color [3]int, withSpeaker bool) {
	if p.printed(q) {
		p.quoteRefBlock(q, linkNote, color, withSpeaker)
		return
	}
	f := p.f
	p.ensure(14)
	p.markPrinted(q)
	y0, page0 := f.GetY(), f.PageNo()
	const in = 4
	p.text(in, "“"+p.s(q.Text)+"”", false, 10, 4.9, pdfInk)
	var parts []string
	if q.Source != nil {
		s := q.Source.Title
		if b := q.Source.Byline(); b != "" {
			s += " (" + b + ")"
		}
		parts = append(parts, s)
	} else if !withSpeaker {
		parts = append(parts, "source unknown")
	}
	if q.When != "" {
		parts = append(parts, q.When)
	}
	if q.Location != "" {
		parts = append(parts, q.Location)
	}
	if !withSpeaker {
		for _, c := range q.Claims {
			parts = append(parts, string(c.Relation)+" “"+truncate(c.Claim.Statement, 60)+"”")
		}
	}
	f.Ln(0.4)
	// The credit: the speaker in bold, then the rest.
	rest := strings.Join(parts, " · ")
	if withSpeaker {
		lead := strings.TrimSpace(p.quoteNo(q) + " — " + nameOr(q.Speaker))
		if q.Speaker != nil && q.Speaker.Kind != "" {
			rest = "(" + q.Speaker.Kind + ") · " + rest
		}
		p.lead(in, 4, p.s(lead), 8, pdfInk, p.s(strings.TrimSuffix(rest, " · ")), 8, pdfMuted)
	} else {
		p.lead(in, 4, p.quoteNo(q), 8, pdfInk, p.s(rest), 8, pdfMuted)
	}
	if g := q.Grade(); withSpeaker && g != "" {
		p.grade(in, p.s(g), p.s(q.GradeWords()))
	} else if !withSpeaker && q.Credibility != 0 {
		p.grade(in, fmt.Sprint(q.Credibility), "credibility "+credibilityWords(q.Credibility))
	}
	if q.Notes != "" {
		p.text(in, "Notes: "+p.s(q.Notes), false, 8, 4, pdfMuted)
	}
	if linkNote != "" {
		p.text(in, "Note on the link: "+p.s(linkNote), false, 8, 4, pdfMuted)
	}
	p.bar(p.left+1, y0+0.5, page0, color)
	f.Ln(2.5)
}

func (p *pdfWriter) unlinked(v *view) {
	if len(v.Unlinked) == 0 {
		return
	}
	p.f.Ln(6)
	p.heading("Quotes not tied to a claim", false)
	for _, q := range v.Unlinked {
		p.quote(q, "", pdfParty, true)
	}
}

func (p *pdfWriter) parties(v *view) {
	f := p.f
	p.heading("Parties", false)
	if v.HasGrades {
		p.text(0, "Reliability: "+v.ReliabilityLine()+". Credibility of what they said: "+v.CredibilityLine()+".", false, 8, 4, pdfMuted)
		p.f.Ln(3)
	}
	if len(v.Parties) == 0 {
		p.text(0, "This board has no parties yet.", false, 10, 5, pdfMuted)
	}
	for i, pv := range v.Parties {
		p.ensure(28)
		if i > 0 {
			f.Ln(1.5)
			p.rule(0.3)
			f.Ln(3.5)
		}
		name := p.s(pv.Name)
		p.place("#party-" + pv.ID)
		f.Bookmark(name, 1, -1)
		p.lead(0, 6, name, 12.5, pdfInk, p.s(pv.Kind), 9, pdfMuted)
		f.Ln(1)
		if pv.Reliability != "" {
			p.grade(0, p.s(pv.Reliability), "reliability: "+pv.ReliabilityMeaning())
			f.Ln(1)
		}
		if pv.Notes != "" {
			p.text(0, p.s(pv.Notes), false, 9, 4.5, pdfMuted)
		}
		if len(pv.Affiliations) > 0 {
			p.text(0, p.s(affiliationsText(pv.Affiliations, func(s string) string { return s })), false, 9, 4.5, pdfInk)
		}
		p.subheading("WHERE THEY STAND", pdfMuted)
		if len(pv.Stances) == 0 {
			p.text(0, "Tied to no claim.", false, 9, 4.5, pdfMuted)
		}
		for _, s := range pv.Stances {
			// One line: the claim's status, number and first words (it is
			// printed in full under Claims, with its verdict), then the
			// party's part in it; two if that part is long.
			p.ensure(6)
			y := f.GetY()
			bw := p.badge(p.left, y+0.4, p.s(s.Claim.Word), statusRGB(s.Claim.Status), 6.5)
			x := p.left + max(bw, pdfBadgeW) + 2.5
			avail := p.left + p.width - x
			roles := " — " + s.Text()
			p.font(false, 8.5, pdfMuted)
			rw := f.GetStringWidth(roles)
			if rw > avail*0.6 {
				rw = 0
			}
			p.font(false, 9, pdfInk)
			statement := p.fitLine(p.s(fmt.Sprintf("%d. %s", s.Claim.Index+1, s.Claim.Statement)), avail-rw)
			f.SetXY(x, y)
			sw := f.GetStringWidth(statement)
			f.CellFormat(sw, 4.7, statement, "", 0, "L", false, 0, "")
			if id, ok := p.targets["#claim-"+s.Claim.ID]; ok {
				f.Link(x, y, sw, 4.7, id)
			}
			p.font(false, 8.5, pdfMuted)
			if rw == 0 {
				f.Ln(4.7)
				f.SetX(x)
				f.MultiCell(avail, 4.3, strings.TrimPrefix(roles, " — "), "", "L", false)
			} else {
				f.CellFormat(rw, 4.7, roles, "", 1, "L", false, 0, "")
			}
			f.Ln(0.8)
		}
		p.subheading(fmt.Sprintf("WHAT THEY SAID (%d)", len(pv.Said)), pdfMuted)
		if len(pv.Said) == 0 {
			p.text(0, "No quotes from them on this board.", false, 9, 4.5, pdfMuted)
		}
		for _, q := range pv.Said {
			p.quote(q, "", pdfParty, false)
		}
	}
}

func (p *pdfWriter) sources(v *view) {
	f := p.f
	p.heading("Sources", false)
	if v.HasGrades {
		p.text(0, "Reliability: "+v.ReliabilityLine()+".", false, 8, 4, pdfMuted)
		p.f.Ln(3)
	}
	if len(v.Sources) == 0 {
		p.text(0, "This board has no sources yet.", false, 10, 5, pdfMuted)
	}
	for i, s := range v.Sources {
		p.ensure(18)
		y := f.GetY()
		p.font(true, 10, pdfMuted)
		f.SetXY(p.left, y)
		f.CellFormat(8, 5, fmt.Sprintf("%d.", i+1), "", 0, "L", false, 0, "")
		const in = 8
		p.text(in, p.s(s.Title), true, 10.5, 5.2, pdfInk)
		var parts []string
		if b := s.Byline(); b != "" {
			parts = append(parts, b)
		}
		if s.PublishedWhen != "" {
			parts = append(parts, "published "+s.PublishedWhen)
		}
		if s.RetrievedWhen != "" {
			parts = append(parts, "retrieved "+s.RetrievedWhen)
		}
		if s.Reliability != "" {
			parts = append(parts, "reliability "+s.ReliabilityWords())
		}
		parts = append(parts, plural(s.NQuotes, "quote", "quotes")+" on this board")
		p.text(in, p.s(strings.Join(parts, " · ")), false, 8.5, 4.3, pdfMuted)
		if s.URL != "" {
			label := p.s(s.URL)
			if safeURL(s.URL) == "" {
				label += " (not a web address; not linked)"
			}
			p.link(in, label, s.URL, 8.5)
		}
		if s.Notes != "" {
			p.text(in, p.s(s.Notes), false, 9, 4.5, pdfInk)
		}
		f.Ln(3)
	}
}

func (p *pdfWriter) timeline(v *view) {
	f := p.f
	p.heading("Timeline", false)
	times := []string{"—"}
	if len(v.Undated) > 0 {
		times = append(times, "no date")
	}
	if len(v.Days) == 0 {
		p.text(0, "Nothing on this board is dated.", false, 10, 5, pdfMuted)
		p.undated(v.Undated, p.columnW(pdfTimeW, 8.5, times))
		return
	}
	p.text(0, "Everything dated on the board, oldest first, day by day (UTC). What is dated to the day only is shown with “—” and comes first in its day.", false, 9, 4.5, pdfMuted)
	for _, d := range v.Days {
		for _, e := range d.Events {
			times = append(times, e.Time)
		}
	}
	timeW := p.columnW(pdfTimeW, 8.5, times)
	for _, d := range v.Days {
		p.ensure(16)
		f.Ln(3)
		p.text(0, d.Title, true, 10.5, 5.5, pdfInk)
		f.Ln(1)
		for _, e := range d.Events {
			p.ensure(9)
			y := f.GetY()
			p.font(false, 8.5, pdfMuted)
			f.SetXY(p.left, y)
			when := e.Time
			if when == "" {
				when = "—"
			}
			f.CellFormat(timeW, 4.6, when, "", 0, "L", false, 0, "")
			x := p.left + timeW
			var text string
			var quote *quoteView
			bw := 0.0
			switch e.Kind {
			case "published":
				p.tag(x, y, "PUBLISHED")
				text = e.Source.Title
				if b := e.Source.Byline(); b != "" {
					text += " (" + b + ")"
				}
			case "said":
				p.tag(x, y, "SAID")
				text = partyLabel(e.Quote.Speaker) + ": " + p.quoteRef(e.Quote) + " (" + p.whereShort(e.Quote) + ")"
				quote = e.Quote
			case app.EventVerdict:
				p.tag(x, y, "VERDICT")
				text = p.pdfVerdictText(e, p.left+p.width-x-pdfBadgeW-2.5)
			default:
				bw = p.badge(x, y+0.5, p.s(e.History.Word), statusRGB(e.History.Status), 6.5)
				p.font(false, 9, pdfInk)
				text = p.fitLine(fmt.Sprintf("%d. %s", e.Claim.Index+1, e.Claim.Statement), p.left+p.width-x-max(bw, pdfBadgeW)-2.5)
				if e.History.Note != "" {
					text += "\n" + e.History.Note
				}
			}
			x += max(bw, pdfBadgeW) + 2.5
			p.font(false, 9, pdfInk)
			f.SetXY(x, y)
			page := f.PageNo()
			f.MultiCell(p.left+p.width-x, 4.6, p.s(text), "", "L", false)
			if quote != nil && f.PageNo() == page {
				p.linkQuote(quote, y, f.GetY()-y)
			}
			f.Ln(0.7)
		}
	}
	p.undated(v.Undated, timeW)
}

// pdfVerdictText is a verdict on the timeline: its label and the claim, in
// one line of width millimetres (the claim is printed in full under
// Claims), then its note.
func (p *pdfWriter) pdfVerdictText(e *event, width float64) string {
	p.font(false, 9, pdfInk)
	text := p.fitLine(fmt.Sprintf("%s on %d. %s", e.Verdict.Label, e.Claim.Index+1, e.Claim.Statement), width)
	if e.Verdict.Note != "" {
		text += "\n" + e.Verdict.Note
	}
	return text
}

// undated lists what the timeline cannot place, under "Undated".
func (p *pdfWriter) undated(es []*event, timeW float64) {
	if len(es) == 0 {
		return
	}
	f := p.f
	p.ensure(22)
	f.Ln(3)
	p.text(0, "Undated", true, 10.5, 5.5, pdfInk)
	p.text(0, "What has no date to place it on the timeline. Nothing is guessed: a quote with no date of its own is listed here even when its source is dated.", false, 9, 4.5, pdfMuted)
	f.Ln(1)
	for _, e := range es {
		p.ensure(9)
		y := f.GetY()
		p.font(false, 8.5, pdfMuted)
		f.SetXY(p.left, y)
		f.CellFormat(timeW, 4.6, "no date", "", 0, "L", false, 0, "")
		x := p.left + timeW
		var text string
		bw := 0.0
		switch e.Kind {
		case app.EventPublished:
			p.tag(x, y, "SOURCE")
			text = e.Source.Title
			if b := e.Source.Byline(); b != "" {
				text += " (" + b + ")"
			}
		case app.EventSaid:
			p.tag(x, y, "QUOTE")
			text = partyLabel(e.Quote.Speaker) + ": " + p.quoteRef(e.Quote) + " (" + p.whereShort(e.Quote) + ")"
			if s := e.Quote.Source; s != nil && s.PublishedWhen != "" {
				text += " (its source: published " + s.PublishedWhen + ")"
			}
		case app.EventVerdict:
			p.tag(x, y, "VERDICT")
			text = p.pdfVerdictText(e, p.left+p.width-x-pdfBadgeW-2.5)
		default:
			bw = p.badge(x, y+0.5, p.s(e.History.Word), statusRGB(e.History.Status), 6.5)
			text = truncate(e.Claim.Statement, 140) + " (no dated status change)"
		}
		x += max(bw, pdfBadgeW) + 2.5
		p.font(false, 9, pdfInk)
		f.SetXY(x, y)
		f.MultiCell(p.left+p.width-x, 4.6, p.s(text), "", "L", false)
		f.Ln(0.7)
	}
}

// lead writes a paragraph that starts with lead in bold and goes on with
// rest, from indent on. (fpdf's Write does this too, but takes time that
// grows with the square of the text's length.)
func (p *pdfWriter) lead(indent, lh float64, lead string, leadSize float64, leadColor [3]int, rest string, restSize float64, restColor [3]int) {
	f := p.f
	rest = strings.Join(strings.Fields(rest), " ")
	lead = strings.Join(strings.Fields(lead), " ")
	width := p.width - indent
	p.font(true, leadSize, leadColor)
	lw := f.GetStringWidth(lead + " ")
	if lw > width*0.7 || rest == "" {
		p.text(indent, lead, true, leadSize, lh, leadColor)
		if rest != "" {
			p.text(indent, rest, false, restSize, lh, restColor)
		}
		return
	}
	p.font(false, restSize, restColor)
	avail := width - lw
	words := strings.Split(rest, " ")
	space := f.GetStringWidth(" ")
	used, n := 0.0, 0
	for n < len(words) {
		w := f.GetStringWidth(words[n])
		if n > 0 {
			w += space
		}
		if used+w > avail {
			break
		}
		used += w
		n++
	}
	p.ensure(lh)
	p.font(true, leadSize, leadColor)
	f.SetX(p.left + indent)
	f.CellFormat(lw, lh, lead+" ", "", 0, "L", false, 0, "")
	p.font(false, restSize, restColor)
	f.CellFormat(avail, lh, strings.Join(words[:n], " "), "", 1, "L", false, 0, "")
	if n < len(words) {
		p.text(indent, strings.Join(words[n:], " "), false, restSize, lh, restColor)
	}
}

// tag writes a small grey label such as SAID at x, y.
func (p *pdfWriter) tag(x, y float64, s string) {
	p.font(true, 6.5, pdfMuted)
	p.f.SetXY(x, y+0.3)
	p.f.CellFormat(pdfBadgeW, 4.2, s, "", 0, "L", false, 0, "")
}

// countUnsupported counts the characters of the board's text, as the PDF
// shows it, that the PDF cannot show (see pdfString).
func countUnsupported(g *glyphSet, v *view) int {
	n := 0
	add := func(ss ...string) {
		for _, s := range ss {
			_, k := pdfString(g, s)
			n += k
		}
	}
	add(v.Title, v.Description, v.URL, v.Reviewer.Name)
	for _, c := range v.Claims {
		add(c.Statement, c.Notes)
		if !c.Status.Valid() {
			add(c.Word)
		}
		for _, h := range c.History {
			add(h.Note)
			if !h.Status.Valid() {
				add(h.Word)
			}
		}
		for _, grp := range c.Groups {
			for _, it := range grp.Items {
				add(it.Note)
			}
		}
	}
	for _, q := range v.Quotes {
		add(q.Text, q.Said, q.Location, q.Notes)
	}
	for _, pv := range v.Parties {
		add(pv.Name, pv.Kind, pv.Notes)
		for _, a := range pv.Affiliations {
			add(a.Note)
		}
	}
	for _, s := range v.Sources {
		add(s.Title, s.Publisher, s.Author, s.URL, s.Published, s.Retrieved, s.Notes)
	}
	return n
}
