package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// Import implements app.BoardService. It runs in one transaction with
// batched statements: all of the document lands, or none of it. The
// board's record, updated time included, is taken from the document.
func (db *DB) Import(ctx context.Context, doc *app.Document) error {
	if ps := app.ValidateDocument(doc); len(ps) > 0 {
		return app.InvalidDocument(ps)
	}
	return db.transact(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&itemRow{}).Count(&n).Error; err != nil {
			return err
		} else if n > 0 {
			return app.Errorf(app.ECONFLICT, "the board already holds %d items: import into a new board", n)
		}
		// An import is not an edit to undo: it makes the board.
		if err := setRecording(tx, db.logCols, false); err != nil {
			return err
		}
		if err := tx.Select("*").Save(toBoardRow(&doc.Board)).Error; err != nil {
			return err
		}
		if doc.Exercise != nil {
			if err := writeExercise(tx, doc.Exercise); err != nil {
				return err
			}
		}
		if doc.ExerciseKey != nil {
			if err := writeExerciseKey(tx, doc.ExerciseKey); err != nil {
				return err
			}
		}
		if err := importItems(ctx, tx.Statement.ConnPool, doc); err != nil {
			return err
		}
		return setRecording(tx, db.logCols, true)
	})
}

// inserter adds rows to one table in multi-row INSERT statements. The
// driver compiles a statement's SQL at every execution, so one statement of
// many rows costs a fraction of as many single-row ones.
type inserter struct {
	ctx    context.Context
	pool   gorm.ConnPool
	head   string // INSERT INTO t (a, b)
	cols   int
	perRow string // (?, ?)
	args   []any
	rows   int
}

// maxBatchArgs bounds the values bound per statement: the driver matches
// each placeholder to its value by a linear search, so a statement's cost
// grows with the square of its values (measured best near 200).
const maxBatchArgs = 200

func newInserter(ctx context.Context, pool gorm.ConnPool, table string, cols ...string) *inserter {
	return &inserter{ctx: ctx, pool: pool, cols: len(cols),
		head:   "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ",
		perRow: "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"}
}

func (in *inserter) add(args ...any) error {
	in.args = append(in.args, args...)
	in.rows++
	if len(in.args)+in.cols > maxBatchArgs {
		return in.flush()
	}
	return nil
}

func (in *inserter) flush() error {
	if in.rows == 0 {
		return nil
	}
	q := in.head + strings.TrimSuffix(strings.Repeat(in.perRow+", ", in.rows), ", ")
	_, err := in.pool.ExecContext(in.ctx, q, in.args...)
	in.args, in.rows = in.args[:0], 0
	return err
}

func importItems(ctx context.Context, pool gorm.ConnPool, doc *app.Document) error {
	item := newInserter(ctx, pool, "items", "id", "kind", "seq")
	source := newInserter(ctx, pool, "sources", "id", "title", "publisher", "author", "url", "published", "retrieved", "notes", "reliability")
	sourceText := newInserter(ctx, pool, "source_texts", "id", "text")
	party := newInserter(ctx, pool, "parties", "id", "name", "kind", "notes", "reliability")
	claim := newInserter(ctx, pool, "claims", "id", "statement", "status", "notes", "verdict_label", "verdict_note", "verdict_at")
	history := newInserter(ctx, pool, "claim_history", "claim_id", "seq", "status", "at", "note")
	quote := newInserter(ctx, pool, "quotes", "id", "text", "speaker", "source", "said", "location", "notes",
		"anchor_exact", "anchor_prefix", "anchor_suffix", "anchor_start", "anchor_end", "credibility")
	link := newInserter(ctx, pool, "links", "seq", "from_id", "to_id", "relation", "note")
	layout := newInserter(ctx, pool, "layout", "item", "seq", "x", "y")

	// Batches of different tables go out in whatever order they fill up;
	// the foreign keys are checked once, at commit.
	if _, err := pool.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
		return err
	}
	seq := 0
	addItem := func(id string, kind app.Kind) error {
		seq++
		return item.add(id, string(kind), seq)
	}
	for i := range doc.Sources {
		v := &doc.Sources[i]
		if err := addItem(v.ID, app.KindSource); err != nil {
			return err
		}
		if err := sourceText.add(v.ID, v.Text); err != nil {
			return err
		}
		if err := source.add(v.ID, v.Title, v.Publisher, v.Author, v.URL, v.Published, v.Retrieved, v.Notes, string(v.Reliability)); err != nil {
			return err
		}
	}
	for i := range doc.Parties {
		v := &doc.Parties[i]
		if err := addItem(v.ID, app.KindParty); err != nil {
			return err
		}
		if err := party.add(v.ID, v.Name, string(v.Kind), v.Notes, string(v.Reliability)); err != nil {
			return err
		}
	}
	for i := range doc.Claims {
		v := &doc.Claims[i]
		if err := addItem(v.ID, app.KindClaim); err != nil {
			return err
		}
		r := toClaimRow(v)
		if err := claim.add(r.ID, r.Statement, r.Status, r.Notes, r.VerdictLabel, r.VerdictNote, r.VerdictAt); err != nil {
			return err
		}
		for j, h := range v.History {
			if err := history.add(v.ID, j+1, string(h.Status), formatTime(h.At), h.Note); err != nil {
				return err
			}
		}
	}
	for i := range doc.Quotes {
		v := &doc.Quotes[i]
		if err := addItem(v.ID, app.KindQuote); err != nil {
			return err
		}
		r := toQuoteRow(v)
		if err := quote.add(r.ID, r.Text, r.Speaker, r.Source, r.Said, r.Location, r.Notes,
			r.AnchorExact, r.AnchorPrefix, r.AnchorSuffix, r.AnchorStart, r.AnchorEnd, r.Credibility); err != nil {
			return err
		}
	}
	for i, v := range doc.Links {
		if err := link.add(i+1, v.From, v.To, string(v.Relation), v.Note); err != nil {
			return err
		}
	}
	for i, v := range doc.Layout {
		if err := layout.add(v.Item, i+1, v.X, v.Y); err != nil {
			return err
		}
	}
	for _, in := range []*inserter{item, source, sourceText, party, claim, history, quote, link, layout} {
		if err := in.flush(); err != nil {
			return err
		}
	}
	return nil
}

// Export implements app.BoardService. It reads in one transaction, so the
// document is one consistent state of the board.
func (db *DB) Export(ctx context.Context) (*app.Document, error) {
	doc := &app.Document{Format: app.FormatName, Version: app.FormatVersion,
		Sources: []app.Source{}, Parties: []app.Party{}, Claims: []app.Claim{}, Quotes: []app.Quote{},
		Links: []app.Link{}, Layout: []app.Position{}}
	err := db.gdb.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var b boardRow
		if err := tx.Take(&b).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return errBadRow{"it has no board record"}
			}
			return err
		}
		doc.Board = *b.toApp()
		e, err := readExercise(tx)
		if err != nil {
			return err
		}
		doc.Exercise = e
		if doc.ExerciseKey, err = readExerciseKey(tx); err != nil {
			return err
		}
		return exportItems(tx, doc)
	})
	var bad errBadRow
	if errors.As(err, &bad) {
		return nil, damaged(db.path, bad.detail)
	}
	if err != nil {
		return nil, translate(err)
	}
	return doc, nil
}

// errBadRow is a row that a sound board cannot hold: a value of the wrong
// type, or a reference the file's own indexes cannot resolve. integrity_check
// finds such damage; quick_check, run at open, does not look at indexes.
type errBadRow struct{ detail string }

func (e errBadRow) Error() string { return e.detail }

// each runs query and calls scan for every row. It reads through
// database/sql rows rather than gorm's reflection: export is a hot path.
func each(tx *gorm.DB, query string, scan func(*sql.Rows) error) error {
	rows, err := tx.Raw(query).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return errBadRow{fmt.Sprintf("a row of %.60q cannot be read: %v", strings.Join(strings.Fields(query), " "), err)}
		}
	}
	return rows.Err()
}

func exportItems(tx *gorm.DB, doc *app.Document) error {
	err := each(tx, `SELECT s.id, title, publisher, author, url, published, retrieved, coalesce(t.text, ''), notes, reliability
		FROM sources s JOIN items i ON i.id = s.id LEFT JOIN source_texts t ON t.id = s.id ORDER BY i.seq`, func(r *sql.Rows) error {
		var v app.Source
		err := r.Scan(&v.ID, &v.Title, &v.Publisher, &v.Author, &v.URL, &v.Published, &v.Retrieved, &v.Text, &v.Notes, &v.Reliability)
		doc.Sources = append(doc.Sources, v)
		return err
	})
	if err != nil {
		return err
	}
	err = each(tx, `SELECT p.id, name, p.kind, notes, reliability FROM parties p JOIN items i ON i.id = p.id ORDER BY i.seq`, func(r *sql.Rows) error {
		var v app.Party
		err := r.Scan(&v.ID, &v.Name, &v.Kind, &v.Notes, &v.Reliability)
		doc.Parties = append(doc.Parties, v)
		return err
	})
	if err != nil {
		return err
	}
	claimAt := map[string]int{}
	err = each(tx, `SELECT c.id, statement, status, notes, verdict_label, verdict_note, verdict_at FROM claims c JOIN items i ON i.id = c.id ORDER BY i.seq`, func(r *sql.Rows) error {
		var v app.Claim
		var label *string
		var note, at string
		err := r.Scan(&v.ID, &v.Statement, &v.Status, &v.Notes, &label, &note, &at)
		v.Verdict = verdictOf(label, note, at)
		claimAt[v.ID] = len(doc.Claims)
		doc.Claims = append(doc.Claims, v)
		return err
	})
	if err != nil {
		return err
	}
	err = each(tx, `SELECT claim_id, status, at, note FROM claim_history ORDER BY claim_id, seq`, func(r *sql.Rows) error {
		var id, at string
		var h app.StatusChange
		if err := r.Scan(&id, &h.Status, &at, &h.Note); err != nil {
			return err
		}
		h.At = parseTime(at)
		i, ok := claimAt[id]
		if !ok {
			return fmt.Errorf("the history of claim %q has no claim", id)
		}
		c := &doc.Claims[i]
		c.History = append(c.History, h)
		return nil
	})
	if err != nil {
		return err
	}
	err = each(tx, `SELECT q.id, text, speaker, source, said, location, notes, anchor_exact, anchor_prefix, anchor_suffix, anchor_start, anchor_end, credibility
		FROM quotes q JOIN items i ON i.id = q.id ORDER BY i.seq`, func(r *sql.Rows) error {
		var v quoteRow
		err := r.Scan(&v.ID, &v.Text, &v.Speaker, &v.Source, &v.Said, &v.Location, &v.Notes,
			&v.AnchorExact, &v.AnchorPrefix, &v.AnchorSuffix, &v.AnchorStart, &v.AnchorEnd, &v.Credibility)
		doc.Quotes = append(doc.Quotes, *v.toApp())
		return err
	})
	if err != nil {
		return err
	}
	err = each(tx, `SELECT from_id, to_id, relation, note FROM links ORDER BY seq`, func(r *sql.Rows) error {
		var v app.Link
		err := r.Scan(&v.From, &v.To, &v.Relation, &v.Note)
		doc.Links = append(doc.Links, v)
		return err
	})
	if err != nil {
		return err
	}
	return each(tx, `SELECT item, x, y FROM layout ORDER BY seq`, func(r *sql.Rows) error {
		var v app.Position
		err := r.Scan(&v.Item, &v.X, &v.Y)
		doc.Layout = append(doc.Layout, v)
		return err
	})
}
