package storage

import (
	"fmt"
	"sync"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// migration takes a board file from schema version N to N+1, where N is
// its index in the list. Each runs in one transaction with the version bump.
type migration func(tx *gorm.DB) error

// migrations is the path from every earlier schema to the current one:
// a new file runs them all, an older file runs those it lacks. Append to
// it; never change an entry that has shipped.
var migrations = []migration{
	execAll(schemaV1...),
	execAll(schemaV2...),
	execAll(schemaV3...),
	execAll(schemaV4...),
	execAll(schemaV5...),
}

// SchemaVersion is the schema this program writes, kept in user_version.
var SchemaVersion = len(migrations)

func execAll(stmts ...string) migration {
	return func(tx *gorm.DB) error {
		for _, s := range stmts {
			if err := tx.Exec(s).Error; err != nil {
				return fmt.Errorf("%w (in %.60q)", err, s)
			}
		}
		return nil
	}
}

// schemaV1 is the first schema. Every item has a row in items, which holds
// the one id namespace, the item's kind and its place in the board's order;
// deleting that row removes the item's own row, its links and its position
// by cascade, and clears it as a quote's speaker or source.
var schemaV1 = []string{
	`CREATE TABLE board (
		id            INTEGER PRIMARY KEY CHECK (id = 1),
		title         TEXT NOT NULL,
		description   TEXT NOT NULL DEFAULT '',
		created       TEXT NOT NULL,
		updated       TEXT NOT NULL,
		url           TEXT NOT NULL DEFAULT '',
		reviewer_name TEXT,
		reviewer_url  TEXT
	)`,
	`CREATE TABLE items (
		id   TEXT PRIMARY KEY,
		kind TEXT NOT NULL CHECK (kind IN ('source', 'party', 'claim', 'quote')),
		seq  INTEGER NOT NULL UNIQUE
	)`,
	`CREATE INDEX items_kind_seq ON items (kind, seq)`,
	`CREATE TABLE sources (
		id        TEXT PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
		title     TEXT NOT NULL,
		publisher TEXT NOT NULL DEFAULT '',
		author    TEXT NOT NULL DEFAULT '',
		url       TEXT NOT NULL DEFAULT '',
		published TEXT NOT NULL DEFAULT '',
		retrieved TEXT NOT NULL DEFAULT '',
		text      TEXT NOT NULL DEFAULT '',
		notes     TEXT NOT NULL DEFAULT ''
	)`,
	`CREATE TABLE parties (
		id    TEXT PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
		name  TEXT NOT NULL,
		kind  TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'government', 'media', 'anonymous')),
		notes TEXT NOT NULL DEFAULT ''
	)`,
	`CREATE TABLE claims (
		id        TEXT PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
		statement TEXT NOT NULL,
		status    TEXT NOT NULL CHECK (status IN ('alleged', 'denied', 'unconfirmed')),
		notes     TEXT NOT NULL DEFAULT ''
	)`,
	`CREATE TABLE claim_history (
		claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
		seq      INTEGER NOT NULL,
		status   TEXT NOT NULL CHECK (status IN ('alleged', 'denied', 'unconfirmed')),
		at       TEXT NOT NULL,
		note     TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (claim_id, seq)
	)`,
	`CREATE TABLE quotes (
		id            TEXT PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
		text          TEXT NOT NULL,
		speaker       TEXT REFERENCES parties (id) ON DELETE SET NULL,
		source        TEXT REFERENCES sources (id) ON DELETE SET NULL,
		said          TEXT NOT NULL DEFAULT '',
		location      TEXT NOT NULL DEFAULT '',
		notes         TEXT NOT NULL DEFAULT '',
		anchor_exact  TEXT,
		anchor_prefix TEXT,
		anchor_suffix TEXT,
		anchor_start  INTEGER,
		anchor_end    INTEGER
	)`,
	`CREATE INDEX quotes_speaker ON quotes (speaker)`,
	`CREATE INDEX quotes_source ON quotes (source)`,
	`CREATE TABLE links (
		seq      INTEGER PRIMARY KEY,
		from_id  TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
		to_id    TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
		relation TEXT NOT NULL CHECK (relation IN ('supports', 'denies', 'contradicts', 'mentions', 'about', 'made-by', 'part-of', 'speaks-for')),
		note     TEXT NOT NULL DEFAULT '',
		UNIQUE (from_id, to_id, relation)
	)`,
	`CREATE INDEX links_to ON links (to_id)`,
	`CREATE TABLE undo_log (
		seq INTEGER PRIMARY KEY,
		sql TEXT NOT NULL
	)`,
	`CREATE TABLE undo_steps (
		id        INTEGER PRIMARY KEY,
		stack     TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
		label     TEXT NOT NULL,
		first_seq INTEGER NOT NULL,
		last_seq  INTEGER NOT NULL
	)`,
	`CREATE INDEX undo_steps_stack ON undo_steps (stack, id)`,
	`CREATE TABLE layout (
		item TEXT PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
		seq  INTEGER NOT NULL,
		x    REAL NOT NULL,
		y    REAL NOT NULL
	)`,
}

// schemaV2 adds judging the story: the board's rating scale (a JSON array
// of {label, value}, ” for the default scale), each claim's verdict, and
// Admiralty grades on parties, sources and quotes.
var schemaV2 = []string{
	`ALTER TABLE board ADD COLUMN scale TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE claims ADD COLUMN verdict_label TEXT`,
	`ALTER TABLE claims ADD COLUMN verdict_note TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE claims ADD COLUMN verdict_at TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE parties ADD COLUMN reliability TEXT NOT NULL DEFAULT '' CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F'))`,
	`ALTER TABLE sources ADD COLUMN reliability TEXT NOT NULL DEFAULT '' CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F'))`,
	`ALTER TABLE quotes ADD COLUMN credibility INTEGER NOT NULL DEFAULT 0 CHECK (credibility BETWEEN 0 AND 6)`,
}

// schemaV3 adds classroom exercises: the board's exercise record (its
// JSON, ” on a board that is no exercise), and claims the student has not
// decided yet, with the status ”. SQLite cannot change a CHECK in place,
// so claims is built anew; claim_history, which refers to it, is kept
// aside meanwhile, for dropping claims would delete it by cascade.
var schemaV3 = []string{
	`ALTER TABLE board ADD COLUMN exercise TEXT NOT NULL DEFAULT ''`,
	`CREATE TEMP TABLE v3_history AS SELECT claim_id, seq, status, at, note FROM claim_history`,
	`DROP TABLE claim_history`,
	`CREATE TABLE claims_v3 (
		id            TEXT PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
		statement     TEXT NOT NULL,
		status        TEXT NOT NULL CHECK (status IN ('', 'alleged', 'denied', 'unconfirmed')),
		notes         TEXT NOT NULL DEFAULT '',
		verdict_label TEXT,
		verdict_note  TEXT NOT NULL DEFAULT '',
		verdict_at    TEXT NOT NULL DEFAULT ''
	)`,
	`INSERT INTO claims_v3 (id, statement, status, notes, verdict_label, verdict_note, verdict_at)
		SELECT id, statement, status, notes, verdict_label, verdict_note, verdict_at FROM claims`,
	`DROP TABLE claims`,
	`ALTER TABLE claims_v3 RENAME TO claims`,
	`CREATE TABLE claim_history (
		claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
		seq      INTEGER NOT NULL,
		status   TEXT NOT NULL CHECK (status IN ('alleged', 'denied', 'unconfirmed')),
		at       TEXT NOT NULL,
		note     TEXT NOT NULL DEFAULT '',
		PRIMARY KEY (claim_id, seq)
	)`,
	`INSERT INTO claim_history (claim_id, seq, status, at, note) SELECT claim_id, seq, status, at, note FROM temp.v3_history`,
	`DROP TABLE temp.v3_history`,
}

// schemaV5 adds the key's record of the exercises made from it (see
// app.ExerciseKey): its secret and, as JSON, what each exercise asked. It
// is not one of changeTables: keeping it is no edit, and the secret must
// never reach the change log.
var schemaV5 = []string{
	`CREATE TABLE exercise_key (
		id     INTEGER PRIMARY KEY CHECK (id = 1),
		secret TEXT NOT NULL,
		made   TEXT NOT NULL DEFAULT '[]'
	)`,
}

// boardTables are the tables every board file has, whatever its version.
var boardTables = []string{"board", "items", "sources", "source_texts", "parties", "claims", "claim_history", "quotes", "links", "layout", "change_steps", "change_items", "exercise_key"}

// currentColumns returns the columns of every board table in the current
// schema, as SQLite lists them, read once from an empty board in memory:
// a file of the current version must have exactly these.
var currentColumns = sync.OnceValues(func() (map[string][]string, error) {
	gdb, err := gorm.Open(sqlite.Open(":memory:"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return nil, err
	}
	sqldb, err := gdb.DB()
	if err != nil {
		return nil, err
	}
	defer sqldb.Close()
	sqldb.SetMaxOpenConns(1) // one in-memory database, not one per connection
	for _, m := range migrations {
		if err := m(gdb); err != nil {
			return nil, err
		}
	}
	out, err := tablesColumns(gdb, boardTables)
	if err != nil {
		return nil, err
	}
	return out, nil
})

// tablesColumns returns the columns of each table, in order; none for a
// table that is not there.
func tablesColumns(tx *gorm.DB, tables []string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, t := range tables {
		var cols []string
		if err := tx.Raw("SELECT name FROM pragma_table_info(?) ORDER BY cid", t).Scan(&cols).Error; err != nil {
			return nil, err
		}
		out[t] = cols
	}
	return out, nil
}
