package storage

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"
	"unicode/utf8"

	_ "github.com/glebarez/go-sqlite"

	"evidenceboard/app"
	"evidenceboard/app/arrange"
)

// bigBoardFile writes the generated big board (10,000 quotes, 2,000
// claims, 500 parties, 200 sources, 22,000 links) to a file once per run.
var bigBoardPath string

func bigBoardFile(b testing.TB) string {
	b.Helper()
	if bigBoardPath != "" {
		return bigBoardPath
	}
	dir, err := filepathTempDir()
	if err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(dir, "big.evboard")
	size := bigBoard
	size.prose = os.Getenv("EVB_BIG_BOARD_TEXT") == "prose"
	doc := genDocument(rand.New(rand.NewSource(1)), size)
	if err := WriteNew(p, true, doc.Board, Options{}, func(db *DB) error { return db.Import(context.Background(), doc) }); err != nil {
		b.Fatal(err)
	}
	bigBoardPath = p
	return p
}

// BenchmarkLoad reads the whole big board through storage (Export), and
// BenchmarkLoadRaw reads the same rows with plain database/sql: the ratio
// is the cost of this package over the driver.
func BenchmarkLoad(b *testing.B) {
	db, err := Open(bigBoardFile(b), Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.Export(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadRaw(b *testing.B) {
	conn, err := sql.Open("sqlite", "file:"+bigBoardFile(b)+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close()
	queries := []string{
		`SELECT id, title, description, created, updated, url, reviewer_name, reviewer_url FROM board`,
		`SELECT s.id, title, publisher, author, url, published, retrieved, text, notes FROM sources s JOIN items i ON i.id = s.id ORDER BY i.seq`,
		`SELECT p.id, name, p.kind, notes FROM parties p JOIN items i ON i.id = p.id ORDER BY i.seq`,
		`SELECT c.id, statement, status, notes FROM claims c JOIN items i ON i.id = c.id ORDER BY i.seq`,
		`SELECT claim_id, status, at, note FROM claim_history ORDER BY claim_id, seq`,
		`SELECT q.id, text, speaker, source, said, location, notes, anchor_exact, anchor_prefix, anchor_suffix, anchor_start, anchor_end FROM quotes q JOIN items i ON i.id = q.id ORDER BY i.seq`,
		`SELECT from_id, to_id, relation, note FROM links ORDER BY seq`,
		`SELECT item, x, y FROM layout ORDER BY seq`,
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range queries {
			rows, err := conn.Query(q)
			if err != nil {
				b.Fatal(err)
			}
			cols, _ := rows.Columns()
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for j := range vals {
				ptrs[j] = &vals[j]
			}
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					b.Fatal(err)
				}
			}
			rows.Close()
		}
	}
}

// BenchmarkEdit commits one edit (a card moved) to the big board; it
// reports the median, as the target is stated.
func BenchmarkEdit(b *testing.B) {
	db, err := Open(bigBoardFile(b), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if err := db.MoveCard(ctx, "q17", float64(i%1000), 5); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}

// BenchmarkOpen opens the big board for editing (lock, checks, quick_check).
func BenchmarkOpen(b *testing.B) {
	p := bigBoardFile(b)
	for i := 0; i < b.N; i++ {
		db, err := Open(p, Options{})
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}

func filepathTempDir() (string, error) { return os.MkdirTemp("", "evboard-bench") }

// TestWriteBigBoard writes the generated big board to $EVB_BIG_BOARD, for
// .ci/measure-open; without it, it only checks that the generated board is
// a valid document. With $EVB_BIG_BOARD_TEXT=prose its text is English-like
// prose, else runes drawn from every script. $EVB_BIG_BOARD_QUOTES=n makes
// it n quotes with the rest in proportion (n/5 claims, n/20 parties, n/50
// sources, 2.2 n links); $EVB_BIG_BOARD_LAYOUT=crowded stores every card on
// a grid of 0.8 × the card size, each on its neighbours, as a script or
// another tool may write a board, and =apart on a grid of 1.3 × the card
// size, no card on another (else a third are unplaced, the rest at
// random).
func TestWriteBigBoard(t *testing.T) {
	out := os.Getenv("EVB_BIG_BOARD")
	if out == "" {
		for _, prose := range []bool{false, true} {
			doc := genDocument(rand.New(rand.NewSource(1)), genSize{sources: 20, parties: 50, claims: 200, quotes: 1000, links: 2200, prose: prose})
			if ps := app.ValidateDocument(doc); len(ps) > 0 {
				t.Fatal(ps[0])
			}
			for _, q := range doc.Quotes {
				if !utf8.ValidString(q.Text) {
					t.Fatalf("prose %v: quote text %q is not UTF-8", prose, q.Text)
				}
			}
		}
		return
	}
	size := bigBoard
	if q, err := strconv.Atoi(os.Getenv("EVB_BIG_BOARD_QUOTES")); err == nil && q > 0 {
		size = genSize{sources: q / 50, parties: q / 20, claims: q / 5, quotes: q, links: q * 22 / 10}
	}
	size.prose = os.Getenv("EVB_BIG_BOARD_TEXT") == "prose"
	doc := genDocument(rand.New(rand.NewSource(1)), size)
	switch os.Getenv("EVB_BIG_BOARD_LAYOUT") {
	case "crowded":
		doc.Layout = arrange.Crowd(doc, arrange.CardSizes, 0.8)
	case "apart":
		doc.Layout = arrange.Crowd(doc, arrange.CardSizes, 1.3)
	}
	if err := WriteNew(out, true, doc.Board, Options{}, func(db *DB) error { return db.Import(context.Background(), doc) }); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkReadBack reads back what an edit to one link touched, as the
// window does after it: the two items at its ends and their links. This,
// not a reading of the whole board (BenchmarkLoad), is what a structural
// edit costs the window on top of BenchmarkEdit.
func BenchmarkReadBack(b *testing.B) {
	db, err := Open(bigBoardFile(b), Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	links, err := db.FindLinks(ctx, app.LinkFilter{Relation: app.RelSupports})
	if err != nil || len(links) == 0 {
		b.Fatal(len(links), err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l := links[i%len(links)]
		if _, err := db.FindQuoteByID(ctx, l.From); err != nil {
			b.Fatal(err)
		}
		if _, err := db.FindClaimByID(ctx, l.To); err != nil {
			b.Fatal(err)
		}
		for _, id := range []string{l.From, l.To} {
			if _, err := db.FindLinks(ctx, app.LinkFilter{Item: id}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkUndoRedo undoes and redoes the deletion of a party on the big
// board (its quotes lose and regain their speaker, its links go and come
// back): one undo and one redo per op, each saying what it changed.
func BenchmarkUndoRedo(b *testing.B) {
	data, err := os.ReadFile(bigBoardFile(b))
	if err != nil {
		b.Fatal(err)
	}
	p := filepath.Join(b.TempDir(), "undo.evboard")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		b.Fatal(err)
	}
	db, err := Open(p, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	parties, _, err := db.FindParties(ctx, app.ItemFilter{Limit: 1})
	if err != nil || len(parties) == 0 {
		b.Fatal(err)
	}
	if err := db.DeleteParty(ctx, parties[0].ID); err != nil {
		b.Fatal(err)
	}
	touched := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ch, err := db.Undo(ctx)
		if err != nil {
			b.Fatal(err)
		}
		touched = len(ch.Items)
		if _, err := db.Redo(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(touched), "items-touched")
}

// BenchmarkChangeLogSize makes 1,000 ordinary edits on a copy of the big
// board (statements, notes and quote texts retyped, cards moved, status
// changes, links made and removed, in turn) and reports what the change
// log takes in the file: the bytes of its steps (log-bytes) and how much
// the file grew (file-growth-bytes), against the target of 5 MB.
func BenchmarkChangeLogSize(b *testing.B) {
	data, err := os.ReadFile(bigBoardFile(b))
	if err != nil {
		b.Fatal(err)
	}
	ctx := app.WithAuthor(context.Background(), "Bench")
	var logBytes, grew int64
	for n := 0; n < b.N; n++ {
		p := filepath.Join(b.TempDir(), "log.evboard")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			b.Fatal(err)
		}
		db, err := Open(p, Options{})
		if err != nil {
			b.Fatal(err)
		}
		size := func() int64 {
			if err := db.gdb.Exec("PRAGMA wal_checkpoint(TRUNCATE)").Error; err != nil {
				b.Fatal(err)
			}
			fi, err := os.Stat(p)
			if err != nil {
				b.Fatal(err)
			}
			return fi.Size()
		}
		var claims, quotes []string
		db.gdb.Raw("SELECT id FROM claims ORDER BY id").Scan(&claims)
		db.gdb.Raw("SELECT id FROM quotes ORDER BY id").Scan(&quotes)
		before := size()
		for i := 0; i < 1000; i++ {
			c, q := claims[i*7%len(claims)], quotes[i*13%len(quotes)]
			var err error
			switch i % 6 {
			case 0:
				s := fmt.Sprintf("Edited statement %d: the chips were found in a data centre", i)
				_, err = db.UpdateClaim(ctx, c, app.ClaimUpdate{Statement: &s})
			case 1:
				s := fmt.Sprintf("Checked against the filing, edit %d.", i)
				_, err = db.UpdateQuote(ctx, q, app.QuoteUpdate{Notes: &s})
			case 2:
				err = db.MoveCard(ctx, q, float64(i*7), float64(i*3))
			case 3:
				st := []app.Status{app.StatusDenied, app.StatusUnconfirmed, app.StatusAlleged}[i%3]
				_, err = db.SetClaimStatus(ctx, c, app.StatusChange{Status: st, Note: "Statement to the press", At: time.Now()})
			case 4:
				err = db.CreateLink(ctx, &app.Link{From: q, To: c, Relation: app.RelMentions})
				if app.ErrorCode(err) == app.ECONFLICT {
					err = nil
				}
			case 5:
				s := fmt.Sprintf("Retyped words of the quote, edit %d, as the source gives them.", i)
				_, err = db.UpdateQuote(ctx, q, app.QuoteUpdate{Text: &s})
			}
			if err != nil {
				b.Fatalf("edit %d: %v", i, err)
			}
		}
		grew = size() - before
		db.gdb.Raw("SELECT coalesce(sum(length(changes)), 0) FROM change_steps").Scan(&logBytes)
		db.Close()
	}
	b.ReportMetric(float64(logBytes), "log-bytes")
	b.ReportMetric(float64(grew), "file-growth-bytes")
}
