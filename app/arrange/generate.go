package arrange

import (
	"fmt"
	"math"
	"time"

	"evidenceboard/app"
)

// BoardSize says how many of each thing a generated board holds.
type BoardSize struct {
	Claims, Quotes, Parties, Sources, Links int
}

// Newsroom is the size of a newsroom's board: six stories of five claims.
var Newsroom = BoardSize{Claims: 30, Quotes: 90, Parties: 34, Sources: 12, Links: 182}

// rng is a small deterministic generator (SplitMix64), so that what is
// made from a seed does not change with the Go release.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n); n > 0.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// Generate makes a board of the given size with no layout, the same for the
// same seed, shaped as a newsroom's board is: stories of about five claims,
// each with its own parties, sources and quotes, most quotes bearing on a
// claim of their story and some on another, a few parties and sources
// shared between stories. Links are made up to n.Links where the board
// allows that many.
func Generate(seed int64, n BoardSize) *app.Document {
	r := &rng{s: uint64(seed)}
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	doc := &app.Document{Format: app.FormatName, Version: app.FormatVersion,
		Board: app.Board{Title: fmt.Sprintf("Generated board %d", seed), Created: at, Updated: at}}
	stories := max(1, n.Claims/5)
	story := func(i, of int) int { return i * stories / max(1, of) }
	// The items of each story, by kind.
	claimsOf := make([][]int, stories)
	partiesOf := make([][]int, stories)
	sourcesOf := make([][]int, stories)
	for i := 0; i < n.Sources; i++ {
		doc.Sources = append(doc.Sources, app.Source{ID: fmt.Sprintf("s%d", i+1), Title: fmt.Sprintf("Source %d", i+1)})
		sourcesOf[story(i, n.Sources)] = append(sourcesOf[story(i, n.Sources)], i)
	}
	for i := 0; i < n.Parties; i++ {
		doc.Parties = append(doc.Parties, app.Party{ID: fmt.Sprintf("p%d", i+1), Name: fmt.Sprintf("Party %d", i+1),
			Kind: app.PartyKinds[r.intn(len(app.PartyKinds))]})
		s := story(i, n.Parties)
		partiesOf[s] = append(partiesOf[s], i)
		if r.intn(6) == 0 && stories > 1 { // a party in the news in two stories
			o := (s + 1 + r.intn(stories-1)) % stories
			partiesOf[o] = append(partiesOf[o], i)
		}
	}
	for i := 0; i < n.Claims; i++ {
		doc.Claims = append(doc.Claims, app.Claim{ID: fmt.Sprintf("c%d", i+1), Statement: fmt.Sprintf("Claim %d", i+1),
			Status: app.Statuses[r.intn(len(app.Statuses))]})
		claimsOf[story(i, n.Claims)] = append(claimsOf[story(i, n.Claims)], i)
	}
	pick := func(of []int) int {
		if len(of) == 0 {
			return -1
		}
		return of[r.intn(len(of))]
	}
	quoteStory := make([]int, n.Quotes)
	for i := 0; i < n.Quotes; i++ {
		q := app.Quote{ID: fmt.Sprintf("q%d", i+1), Text: fmt.Sprintf("Quote %d", i+1)}
		s := story(i, n.Quotes)
		quoteStory[i] = s
		if p := pick(partiesOf[s]); p >= 0 && r.intn(8) > 0 {
			q.Speaker = doc.Parties[p].ID
		}
		if src := pick(sourcesOf[s]); src >= 0 && r.intn(10) > 0 {
			q.Source = doc.Sources[src].ID
		} else if n.Sources > 0 && r.intn(3) == 0 {
			q.Source = doc.Sources[r.intn(n.Sources)].ID
		}
		doc.Quotes = append(doc.Quotes, q)
	}
	type triple struct {
		from, to string
		rel      app.Relation
	}
	seen := map[triple]bool{}
	add := func(from, to string, rel app.Relation) {
		t := triple{from, to, rel}
		if len(doc.Links) >= n.Links || from == to || seen[t] {
			return
		}
		seen[t] = true
		doc.Links = append(doc.Links, app.Link{From: from, To: to, Relation: rel})
	}
	stance := func() app.Relation {
		switch v := r.intn(20); {
		case v < 8:
			return app.RelSupports
		case v < 14:
			return app.RelDenies
		case v < 17:
			return app.RelContradicts
		}
		return app.RelMentions
	}
	// Every quote bears on a claim of its story.
	for i, q := range doc.Quotes {
		if c := pick(claimsOf[quoteStory[i]]); c >= 0 {
			add(q.ID, doc.Claims[c].ID, stance())
		}
	}
	// Every claim is made by someone, and half are about someone.
	for i, c := range doc.Claims {
		s := story(i, n.Claims)
		if p := pick(partiesOf[s]); p >= 0 {
			add(c.ID, doc.Parties[p].ID, app.RelMadeBy)
		}
		if p := pick(partiesOf[s]); p >= 0 && r.intn(2) == 0 {
			add(c.ID, doc.Parties[p].ID, app.RelAbout)
		}
	}
	// Then more of the same, now and then across stories, until there
	// are enough links.
	for tries := 0; len(doc.Links) < n.Links && tries < 20*n.Links; tries++ {
		s := r.intn(stories)
		other := s
		if stories > 1 && r.intn(5) == 0 {
			other = (s + 1 + r.intn(stories-1)) % stories
		}
		var qs []int
		for i, qsStory := range quoteStory {
			if qsStory == s {
				qs = append(qs, i)
			}
		}
		switch k := r.intn(10); {
		case k < 5:
			if q, c := pick(qs), pick(claimsOf[other]); q >= 0 && c >= 0 {
				add(doc.Quotes[q].ID, doc.Claims[c].ID, stance())
			}
		case k < 7:
			if c, p := pick(claimsOf[s]), pick(partiesOf[other]); c >= 0 && p >= 0 {
				add(doc.Claims[c].ID, doc.Parties[p].ID, []app.Relation{app.RelAbout, app.RelMadeBy}[r.intn(2)])
			}
		case k < 9:
			if q, p := pick(qs), pick(partiesOf[other]); q >= 0 && p >= 0 {
				add(doc.Quotes[q].ID, doc.Parties[p].ID, app.RelMentions)
			}
		default:
			if a, b := pick(partiesOf[s]), pick(partiesOf[other]); a >= 0 && b >= 0 {
				add(doc.Parties[a].ID, doc.Parties[b].ID, []app.Relation{app.RelPartOf, app.RelSpeaksFor}[r.intn(2)])
			}
		}
	}
	return doc
}

// Scatter makes a board with no story in it: items of the given size and
// links drawn at random among all that may be linked, the same for the same
// seed. It is the board nobody has seen.
func Scatter(seed int64, n BoardSize) *app.Document {
	r := &rng{s: uint64(seed)}
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	doc := &app.Document{Format: app.FormatName, Version: app.FormatVersion,
		Board: app.Board{Title: fmt.Sprintf("Scattered board %d", seed), Created: at, Updated: at}}
	for i := 0; i < n.Sources; i++ {
		doc.Sources = append(doc.Sources, app.Source{ID: fmt.Sprintf("s%d", i+1), Title: "Source"})
	}
	for i := 0; i < n.Parties; i++ {
		doc.Parties = append(doc.Parties, app.Party{ID: fmt.Sprintf("p%d", i+1), Name: "Party", Kind: app.PartyPerson})
	}
	for i := 0; i < n.Claims; i++ {
		doc.Claims = append(doc.Claims, app.Claim{ID: fmt.Sprintf("c%d", i+1), Statement: "Claim", Status: app.StatusAlleged})
	}
	for i := 0; i < n.Quotes; i++ {
		q := app.Quote{ID: fmt.Sprintf("q%d", i+1), Text: "Quote"}
		if n.Parties > 0 && r.intn(4) > 0 {
			q.Speaker = doc.Parties[r.intn(n.Parties)].ID
		}
		if n.Sources > 0 && r.intn(4) > 0 {
			q.Source = doc.Sources[r.intn(n.Sources)].ID
		}
		doc.Quotes = append(doc.Quotes, q)
	}
	seen := map[app.Link]bool{}
	for tries := 0; len(doc.Links) < n.Links && tries < 20*n.Links; tries++ {
		var l app.Link
		switch k := r.intn(4); {
		case k == 0 && n.Quotes > 0 && n.Claims > 0:
			l = app.Link{From: doc.Quotes[r.intn(n.Quotes)].ID, To: doc.Claims[r.intn(n.Claims)].ID}
			l.Relation = app.RelationsFor(app.KindQuote, app.KindClaim)[r.intn(4)]
		case k == 1 && n.Claims > 0 && n.Parties > 0:
			l = app.Link{From: doc.Claims[r.intn(n.Claims)].ID, To: doc.Parties[r.intn(n.Parties)].ID}
			l.Relation = app.RelationsFor(app.KindClaim, app.KindParty)[r.intn(2)]
		case k == 2 && n.Quotes > 0 && n.Parties > 0:
			l = app.Link{From: doc.Quotes[r.intn(n.Quotes)].ID, To: doc.Parties[r.intn(n.Parties)].ID, Relation: app.RelMentions}
		case k == 3 && n.Parties > 1:
			l = app.Link{From: doc.Parties[r.intn(n.Parties)].ID, To: doc.Parties[r.intn(n.Parties)].ID}
			l.Relation = app.RelationsFor(app.KindParty, app.KindParty)[r.intn(2)]
		default:
			continue
		}
		if l.From == l.To || seen[l] {
			continue
		}
		seen[l] = true
		doc.Links = append(doc.Links, l)
	}
	return doc
}

// Crowd lays every card of doc (claims, quotes, parties, sources, in the
// document's order) row by row on a square grid whose step is pitch times
// the widest card across and pitch times the tallest card down, as a script
// or another tool may write a board: with pitch below 1 every card lies on
// its neighbours. Positions are whole units, one per card.
func Crowd(doc *app.Document, sizes map[app.Kind]Size, pitch float64) []app.Position {
	var w, h float64
	for _, s := range sizes {
		w, h = max(w, s.Width), max(h, s.Height)
	}
	cards := cardIDs(doc)
	side := int(math.Ceil(math.Sqrt(float64(len(cards)))))
	out := make([]app.Position, len(cards))
	for i, c := range cards {
		out[i] = app.Position{Item: c.id, X: math.Round(float64(i%side) * pitch * w), Y: math.Round(float64(i/side) * pitch * h)}
	}
	return out
}
