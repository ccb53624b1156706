package storage

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// Import implements app.BoardService. It runs in one transaction with
// prepared statements: all of the document lands, or none of it. The
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
		if err := tx.Select("*").Save(toBoardRow(&doc.Board)).Error; err != nil {
			return err
		}
		return importItems(ctx, tx.Statement.ConnPool, doc)
	})
}

// stmts prepares statements on one transaction and closes them together.
type stmts struct {
	pool gorm.ConnPool
	ctx  context.Context
	list []*sql.Stmt
	err  error
}

func (s *stmts) prepare(query string) *sql.Stmt {
	if s.err != nil {
		return nil
	}
	st, err := s.pool.PrepareContext(s.ctx, query)
	if err != nil {
		s.err = err
		return nil
	}
	s.list = append(s.list, st)
	return st
}

func (s *stmts) close() {
	for _, st := range s.list {
		st.Close()
	}
}

func importItems(ctx context.Context, pool gorm.ConnPool, doc *app.Document) error {
	s := &stmts{pool: pool, ctx: ctx}
	defer s.close()
	item := s.prepare("INSERT INTO items (id, kind, seq) VALUES (?, ?, ?)")
	source := s.prepare("INSERT INTO sources (id, title, publisher, author, url, published, retrieved, text, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
	party := s.prepare("INSERT INTO parties (id, name, kind, notes) VALUES (?, ?, ?, ?)")
	claim := s.prepare("INSERT INTO claims (id, statement, status, notes) VALUES (?, ?, ?, ?)")
	history := s.prepare("INSERT INTO claim_history (claim_id, seq, status, at, note) VALUES (?, ?, ?, ?, ?)")
	quote := s.prepare(`INSERT INTO quotes (id, text, speaker, source, said, location, notes,
		anchor_exact, anchor_prefix, anchor_suffix, anchor_start, anchor_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	link := s.prepare("INSERT INTO links (seq, from_id, to_id, relation, note) VALUES (?, ?, ?, ?, ?)")
	layout := s.prepare("INSERT INTO layout (item, seq, x, y) VALUES (?, ?, ?, ?)")
	if s.err != nil {
		return s.err
	}
	seq := 0
	exec := func(st *sql.Stmt, args ...any) error {
		_, err := st.ExecContext(ctx, args...)
		return err
	}
	addItem := func(id string, kind app.Kind) error {
		seq++
		return exec(item, id, string(kind), seq)
	}
	for i := range doc.Sources {
		v := &doc.Sources[i]
		if err := addItem(v.ID, app.KindSource); err != nil {
			return err
		}
		if err := exec(source, v.ID, v.Title, v.Publisher, v.Author, v.URL, v.Published, v.Retrieved, v.Text, v.Notes); err != nil {
			return err
		}
	}
	for i := range doc.Parties {
		v := &doc.Parties[i]
		if err := addItem(v.ID, app.KindParty); err != nil {
			return err
		}
		if err := exec(party, v.ID, v.Name, string(v.Kind), v.Notes); err != nil {
			return err
		}
	}
	for i := range doc.Claims {
		v := &doc.Claims[i]
		if err := addItem(v.ID, app.KindClaim); err != nil {
			return err
		}
		if err := exec(claim, v.ID, v.Statement, string(v.Status), v.Notes); err != nil {
			return err
		}
		for j, h := range v.History {
			if err := exec(history, v.ID, j+1, string(h.Status), formatTime(h.At), h.Note); err != nil {
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
		if err := exec(quote, r.ID, r.Text, r.Speaker, r.Source, r.Said, r.Location, r.Notes,
			r.AnchorExact, r.AnchorPrefix, r.AnchorSuffix, r.AnchorStart, r.AnchorEnd); err != nil {
			return err
		}
	}
	for i, v := range doc.Links {
		if err := exec(link, i+1, v.From, v.To, string(v.Relation), v.Note); err != nil {
			return err
		}
	}
	for i, v := range doc.Layout {
		if err := exec(layout, v.Item, i+1, v.X, v.Y); err != nil {
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
			return err
		}
		doc.Board = *b.toApp()
		return exportItems(tx, doc)
	})
	if err != nil {
		return nil, translate(err)
	}
	return doc, nil
}

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
			return fmt.Errorf("reading %.40q: %w", query, err)
		}
	}
	return rows.Err()
}

func exportItems(tx *gorm.DB, doc *app.Document) error {
	err := each(tx, `SELECT s.id, title, publisher, author, url, published, retrieved, text, notes
		FROM sources s JOIN items i ON i.id = s.id ORDER BY i.seq`, func(r *sql.Rows) error {
		var v app.Source
		err := r.Scan(&v.ID, &v.Title, &v.Publisher, &v.Author, &v.URL, &v.Published, &v.Retrieved, &v.Text, &v.Notes)
		doc.Sources = append(doc.Sources, v)
		return err
	})
	if err != nil {
		return err
	}
	err = each(tx, `SELECT p.id, name, p.kind, notes FROM parties p JOIN items i ON i.id = p.id ORDER BY i.seq`, func(r *sql.Rows) error {
		var v app.Party
		err := r.Scan(&v.ID, &v.Name, &v.Kind, &v.Notes)
		doc.Parties = append(doc.Parties, v)
		return err
	})
	if err != nil {
		return err
	}
	claimAt := map[string]int{}
	err = each(tx, `SELECT c.id, statement, status, notes FROM claims c JOIN items i ON i.id = c.id ORDER BY i.seq`, func(r *sql.Rows) error {
		var v app.Claim
		err := r.Scan(&v.ID, &v.Statement, &v.Status, &v.Notes)
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
		c := &doc.Claims[claimAt[id]]
		c.History = append(c.History, h)
		return nil
	})
	if err != nil {
		return err
	}
	err = each(tx, `SELECT q.id, text, speaker, source, said, location, notes, anchor_exact, anchor_prefix, anchor_suffix, anchor_start, anchor_end
		FROM quotes q JOIN items i ON i.id = q.id ORDER BY i.seq`, func(r *sql.Rows) error {
		var v quoteRow
		err := r.Scan(&v.ID, &v.Text, &v.Speaker, &v.Source, &v.Said, &v.Location, &v.Notes,
			&v.AnchorExact, &v.AnchorPrefix, &v.AnchorSuffix, &v.AnchorStart, &v.AnchorEnd)
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
