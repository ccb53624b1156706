package storage

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"evidenceboard/app"
)

// genSize says how many of each thing a generated board holds.
type genSize struct {
	sources, parties, claims, quotes, links int
	// prose fills the board with English-like sentences that now and then
	// hold a word of another script, as a newsroom's board would, instead
	// of runes drawn at random from every script and trap.
	prose bool
}

var bigBoard = genSize{sources: 200, parties: 500, claims: 2000, quotes: 10000, links: 22000}

// Runes from several scripts and the characters that break careless code.
var genAlphabet = []rune("abcdefghij klmnopqrstuvwxyz ABCXYZ 0123456789 .,;:!?'\"\\/<>&%_=+-@\t\n" +
	"的一是不了人我在有他这中大来上国 العربيةمرحبا ёжзийклмн αβγδε 🍎🔥👩‍💻🇺🇸 é̃ \u200b\u202e\u00a0")

func genText(r *rand.Rand, min, max int) string {
	n := min + r.Intn(max-min+1)
	out := make([]rune, n)
	for i := range out {
		out[i] = genAlphabet[r.Intn(len(genAlphabet))]
	}
	if n > 0 && r.Intn(20) == 0 {
		out[r.Intn(n)] = 0 // NUL is a character like any other
	}
	return string(out)
}

// proseWords are the words genProse draws from; foreignWords are mixed
// in now and then.
var (
	proseWords = strings.Fields(`the a of to in and that for on with said says report reported
		company companies server servers board boards chip chips hardware supplier suppliers
		security investigation officials official statement denied denies alleged confirmed
		unconfirmed sources source people familiar matter government agency intelligence
		network data center customers manufacturer factory assembly motherboard component
		evidence claim claims story article published reporter reporters editor question
		questions whether any no not found find investigation investigators review audit
		testing tested tests we our they their it its was were has have had been would could
		should may might never always after before during over under about more than less
		million billion year years months week weeks days early late last first second new
		public private record interview spokesperson spokesman spokeswoman email emails
		attack attacks spy spying surveillance tiny malicious implanted implant inserted
		network cloud services service video streaming contract contracts military navy`)
	foreignWords = []string{"中国", "供应链", "مرحبا", "العربية", "ёлка", "Zürich", "café", "naïve", "Δέλτα", "🔥", "👩‍💻", "Łódź"}
)

// genProse makes English-like sentences of between min and max runes.
func genProse(r *rand.Rand, lo, hi int) string {
	n := lo + r.Intn(hi-lo+1)
	var b strings.Builder
	count, capital := 0, true
	for count < n {
		w := proseWords[r.Intn(len(proseWords))]
		if r.Intn(40) == 0 {
			w = foreignWords[r.Intn(len(foreignWords))]
		}
		if capital {
			first, size := utf8.DecodeRuneInString(w)
			w = string(unicode.ToUpper(first)) + w[size:]
			capital = false
		}
		if r.Intn(9) == 0 {
			w += "."
			capital = true
		}
		if count > 0 {
			b.WriteByte(' ')
			count++
		}
		b.WriteString(w)
		count += utf8.RuneCountInString(w)
	}
	runes := []rune(b.String())
	return strings.TrimSpace(string(runes[:min(len(runes), hi)]))
}

// genName is genText that is never blank, for required fields.
func genName(r *rand.Rand, max int) string { return "x" + genText(r, 0, max) }

func maybe(r *rand.Rand, s string) string {
	if r.Intn(3) == 0 {
		return ""
	}
	return s
}

func genTime(r *rand.Rand) time.Time {
	t := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int63n(int64(10 * 365 * 24 * time.Hour))))
	if r.Intn(4) == 0 {
		t = t.Add(time.Duration(r.Intn(1e9))) // sub-second
	}
	return t
}

func genWhen(r *rand.Rand) string {
	switch r.Intn(3) {
	case 0:
		return ""
	case 1:
		return genTime(r).Format(time.DateOnly)
	}
	return genTime(r).Format(time.RFC3339Nano)
}

// genDocument makes a random valid document of the given size: every
// kind, every relation, anchors, partial layout, all in UTC.
func genDocument(r *rand.Rand, n genSize) *app.Document {
	text, name := func(min, max int) string { return genText(r, min, max) }, func(max int) string { return genName(r, max) }
	if n.prose {
		text, name = func(min, max int) string { return genProse(r, min, max) }, func(max int) string { return genProse(r, 1, max) }
	}
	created := genTime(r)
	doc := &app.Document{Format: app.FormatName, Version: app.FormatVersion,
		Board: app.Board{Title: name(40), Description: maybe(r, text(0, 200)), Created: created, Updated: created.Add(time.Hour)}}
	if r.Intn(2) == 0 {
		doc.Board.URL = "https://example.org/boards/" + fmt.Sprint(r.Intn(1000))
		doc.Board.Reviewer = &app.Reviewer{Name: text(1, 20), URL: maybe(r, "https://example.org")}
	}
	var ids []string
	id := func(prefix string, i int) string {
		s := fmt.Sprintf("%s%d", prefix, i)
		if r.Intn(4) == 0 {
			s += "._-Z"
		}
		ids = append(ids, s)
		return s
	}
	for i := 0; i < n.sources; i++ {
		s := app.Source{ID: id("s", i), Title: name(60), Publisher: maybe(r, text(1, 20)), Author: maybe(r, text(1, 20)),
			URL: maybe(r, "https://example.org/a?b=1&c=<2>"), Published: genWhen(r), Retrieved: genWhen(r), Notes: maybe(r, text(0, 80))}
		if r.Intn(2) == 0 {
			s.Text = text(50, 400)
		}
		doc.Sources = append(doc.Sources, s)
	}
	for i := 0; i < n.parties; i++ {
		doc.Parties = append(doc.Parties, app.Party{ID: id("p", i), Name: name(30),
			Kind: app.PartyKinds[r.Intn(len(app.PartyKinds))], Notes: maybe(r, text(0, 80))})
	}
	for i := 0; i < n.claims; i++ {
		c := app.Claim{ID: id("c", i), Statement: name(120), Notes: maybe(r, text(0, 80))}
		at := genTime(r)
		for h := r.Intn(4); h > 0; h-- {
			at = at.Add(time.Duration(r.Intn(100000)) * time.Second)
			c.History = append(c.History, app.StatusChange{Status: app.Statuses[r.Intn(3)], At: at, Note: maybe(r, text(0, 40))})
		}
		c.Status = app.Statuses[r.Intn(3)]
		if len(c.History) > 0 {
			c.Status = c.History[len(c.History)-1].Status
		}
		doc.Claims = append(doc.Claims, c)
	}
	for i := 0; i < n.quotes; i++ {
		q := app.Quote{ID: id("q", i), Text: name(200), Said: genWhen(r), Location: maybe(r, "paragraph 12"), Notes: maybe(r, text(0, 40))}
		if n.parties > 0 && r.Intn(5) > 0 {
			q.Speaker = doc.Parties[r.Intn(n.parties)].ID
		}
		if n.sources > 0 && r.Intn(5) > 0 {
			src := doc.Sources[r.Intn(n.sources)]
			q.Source = src.ID
			if src.Text != "" && r.Intn(2) == 0 {
				q.Anchor = genAnchor(r, src.Text)
			}
		}
		doc.Quotes = append(doc.Quotes, q)
	}
	type triple struct {
		from, to string
		rel      app.Relation
	}
	seen := map[triple]bool{}
	for tries := 0; len(doc.Links) < n.links && tries < 10*n.links; tries++ {
		var from, to string
		var rels []app.Relation
		switch k := r.Intn(4); {
		case k == 0 && n.quotes > 0 && n.claims > 0:
			from, to, rels = doc.Quotes[r.Intn(n.quotes)].ID, doc.Claims[r.Intn(n.claims)].ID, app.RelationsFor(app.KindQuote, app.KindClaim)
		case k == 1 && n.claims > 0 && n.parties > 0:
			from, to, rels = doc.Claims[r.Intn(n.claims)].ID, doc.Parties[r.Intn(n.parties)].ID, app.RelationsFor(app.KindClaim, app.KindParty)
		case k == 2 && n.quotes > 0 && n.parties > 0:
			from, to, rels = doc.Quotes[r.Intn(n.quotes)].ID, doc.Parties[r.Intn(n.parties)].ID, app.RelationsFor(app.KindQuote, app.KindParty)
		case k == 3 && n.parties > 1:
			from, to, rels = doc.Parties[r.Intn(n.parties)].ID, doc.Parties[r.Intn(n.parties)].ID, app.RelationsFor(app.KindParty, app.KindParty)
		default:
			continue
		}
		t := triple{from, to, rels[r.Intn(len(rels))]}
		if from == to || seen[t] {
			continue
		}
		seen[t] = true
		doc.Links = append(doc.Links, app.Link{From: t.from, To: t.to, Relation: t.rel, Note: maybe(r, text(0, 30))})
	}
	for _, i := range r.Perm(len(ids)) {
		if r.Intn(3) > 0 { // a partial layout: a third of the items are unplaced
			doc.Layout = append(doc.Layout, app.Position{Item: ids[i], X: float64(r.Intn(20000)) - 5000 + float64(r.Intn(4))/4, Y: float64(r.Intn(20000))})
		}
	}
	genJudging(r, doc, text)
	return doc
}

// genJudging gives some of doc's items the fields of judging the story: a
// board scale of its own, verdicts, and grades. It draws from r after
// everything else, so that the rest of a seed's document stays as it was.
func genJudging(r *rand.Rand, doc *app.Document, text func(min, max int) string) {
	if r.Intn(2) == 0 {
		v := r.Intn(5) - 2
		for i := 2 + r.Intn(4); i > 0; i-- {
			doc.Board.Scale = append(doc.Board.Scale, app.ScaleStep{Label: fmt.Sprintf("%s %d", text(1, 12), v), Value: v})
			v += 1 + r.Intn(3)
		}
	}
	scale := doc.Board.RatingScale()
	for i := range doc.Claims {
		if r.Intn(3) == 0 {
			at := genTime(r)
			if first, ok := app.FirstRecorded(&doc.Claims[i]); ok && at.Before(first) {
				at = first.Add(time.Duration(r.Intn(1000)) * time.Hour) // a verdict comes after the claim
			}
			doc.Claims[i].Verdict = &app.Verdict{Label: scale[r.Intn(len(scale))].Label, Note: maybe(r, text(0, 60)), At: at}
		}
	}
	grade := func() app.Reliability {
		if r.Intn(2) == 0 {
			return ""
		}
		return app.Reliabilities[r.Intn(len(app.Reliabilities))].Grade
	}
	for i := range doc.Sources {
		doc.Sources[i].Reliability = grade()
	}
	for i := range doc.Parties {
		doc.Parties[i].Reliability = grade()
	}
	for i := range doc.Quotes {
		doc.Quotes[i].Credibility = r.Intn(7)
	}
}

func genAnchor(r *rand.Rand, text string) *app.Anchor {
	runes := []rune(text)
	start := r.Intn(len(runes))
	end := start + 1 + r.Intn(len(runes)-start)
	from := max(0, start-app.AnchorContext)
	to := min(len(runes), end+app.AnchorContext)
	return &app.Anchor{Exact: string(runes[start:end]), Prefix: string(runes[from:start]), Suffix: string(runes[end:to]), Start: start, End: end}
}

func encodeDoc(tb testing.TB, doc *app.Document) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := app.WriteDocumentJSON(&buf, doc); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// sameJSON reports whether two documents are the same as data: their JSON
// decodes to equal values.
func sameJSON(tb testing.TB, a, b *app.Document) bool {
	tb.Helper()
	var va, vb any
	if err := json.Unmarshal(encodeDoc(tb, a), &va); err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(encodeDoc(tb, b), &vb); err != nil {
		tb.Fatal(err)
	}
	return fmt.Sprint(va) == fmt.Sprint(vb) && bytes.Equal(encodeDoc(tb, a), encodeDoc(tb, b))
}
