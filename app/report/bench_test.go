package report

import (
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"evidenceboard/app"
)

// bigDoc is a generated board of the size the benchmarks use: 10,000
// quotes, 2,000 claims, 500 parties, 200 sources and 22,000 links. It is
// the same on every call (a fixed seed).
func bigDoc() *app.Document {
	const nSources, nParties, nClaims, nQuotes, nLinks = 200, 500, 2000, 10000, 22000
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"the", "chip", "server", "board", "denied", "report", "found", "never", "malicious", "supply",
		"chain", "Αθήνα", "Москва", "investigation", "officials", "said", "were", "not", "aware", "hardware"}
	sentence := func(n int) string {
		s := ""
		for i := 0; i < n; i++ {
			if i > 0 {
				s += " "
			}
			s += words[rng.IntN(len(words))]
		}
		return s + "."
	}
	at := time.Date(2018, 10, 4, 9, 0, 0, 0, time.UTC)
	doc := &app.Document{Format: app.FormatName, Version: app.FormatVersion,
		Board: app.Board{Title: "Generated board", Description: sentence(30), Created: at, Updated: at}}
	for i := 0; i < nSources; i++ {
		doc.Sources = append(doc.Sources, app.Source{ID: fmt.Sprintf("s%d", i), Title: sentence(8), Publisher: "Publisher",
			URL: fmt.Sprintf("https://news.example/%d", i), Published: at.AddDate(0, 0, -rng.IntN(400)).Format(time.DateOnly)})
	}
	for i := 0; i < nParties; i++ {
		doc.Parties = append(doc.Parties, app.Party{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Party %d", i),
			Kind: app.PartyKinds[i%len(app.PartyKinds)], Notes: sentence(10), Reliability: app.Reliabilities[i%len(app.Reliabilities)].Grade})
	}
	for i := 0; i < nClaims; i++ {
		st := app.Statuses[i%3]
		doc.Claims = append(doc.Claims, app.Claim{ID: fmt.Sprintf("c%d", i), Statement: sentence(18), Status: st, Notes: sentence(12),
			History: []app.StatusChange{{Status: app.StatusAlleged, At: at.Add(time.Duration(i) * time.Minute), Note: sentence(5)},
				{Status: st, At: at.Add(time.Duration(i+600) * time.Minute), Note: sentence(5)}}})
		if i%3 != 0 { // two claims in three have a verdict
			doc.Claims[i].Verdict = &app.Verdict{Label: app.DefaultScale[i%len(app.DefaultScale)].Label, Note: doc.Claims[i].Notes, At: at.Add(time.Duration(i+900) * time.Minute)}
		}
	}
	for i := 0; i < nQuotes; i++ {
		doc.Quotes = append(doc.Quotes, app.Quote{ID: fmt.Sprintf("q%d", i), Text: sentence(25),
			Speaker: fmt.Sprintf("p%d", rng.IntN(nParties)), Source: fmt.Sprintf("s%d", rng.IntN(nSources)),
			Said: at.AddDate(0, 0, -rng.IntN(400)).Format(time.DateOnly), Location: fmt.Sprintf("paragraph %d", rng.IntN(60)),
			Credibility: i % 7})
	}
	seen := map[[3]string]bool{}
	for len(doc.Links) < nLinks {
		var l app.Link
		switch k := rng.IntN(10); {
		case k < 7:
			l = app.Link{From: fmt.Sprintf("q%d", rng.IntN(nQuotes)), To: fmt.Sprintf("c%d", rng.IntN(nClaims)), Relation: quoteRelations[rng.IntN(4)]}
		case k < 9:
			l = app.Link{From: fmt.Sprintf("c%d", rng.IntN(nClaims)), To: fmt.Sprintf("p%d", rng.IntN(nParties)), Relation: []app.Relation{app.RelAbout, app.RelMadeBy}[rng.IntN(2)]}
		default:
			a, b := rng.IntN(nParties), rng.IntN(nParties)
			if a == b {
				continue
			}
			l = app.Link{From: fmt.Sprintf("p%d", a), To: fmt.Sprintf("p%d", b), Relation: app.RelPartOf}
		}
		k := [3]string{l.From, l.To, string(l.Relation)}
		if seen[k] {
			continue
		}
		seen[k] = true
		doc.Links = append(doc.Links, l)
	}
	for i := 0; i < nQuotes; i += 2 {
		doc.Layout = append(doc.Layout, app.Position{Item: fmt.Sprintf("q%d", i), X: float64(i % 5000), Y: float64(i / 5000 * 200)})
	}
	return doc
}

func TestBigDocValid(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	if ps := app.ValidateDocument(bigDoc()); len(ps) > 0 {
		t.Fatalf("the generated board is not valid: %v", ps[:min(5, len(ps))])
	}
}

func BenchmarkFormats(b *testing.B) {
	doc := bigDoc()
	for _, f := range Formats {
		b.Run(f.Name, func(b *testing.B) {
			opts := Options{Generated: goldenTime}
			for i := 0; i < b.N; i++ {
				if err := f.Write(io.Discard, doc, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
