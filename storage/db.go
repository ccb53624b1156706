// Package storage keeps a board in one SQLite file (.evboard) through gorm
// and the pure-Go glebarez/sqlite driver, and implements app.Store on it.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"evidenceboard/app"
)

// Options tunes how a board file is opened.
type Options struct {
	// Now is the clock for every time the store records; time.Now if nil.
	// Times are stored in UTC whatever zone it returns.
	Now func() time.Time
	// ReadOnly opens the file for reading only: no migration, no writes.
	ReadOnly bool
	// DeferCheck leaves SQLite's quick check of the whole file (about 90 ms
	// on a board of 10,000 quotes) out of Open, for the caller to run with
	// Verify once the board is on screen; until Verify has passed nothing
	// else is different, and once it has failed every write is refused.
	// The window uses it; the commands do not.
	DeferCheck bool
	// Author makes the edits of a context that names none; the operating
	// system's account name if "".
	Author string

	migrations []migration // for tests of the migration mechanism
	// snapshot reads the main file alone (SQLite's immutable), with
	// ReadOnly: nothing is made beside it, not even a -shm.
	snapshot bool
}

// DB is an open board file. It implements app.Store; its methods are safe
// for use from several goroutines (they share its one connection).
type DB struct {
	gdb        *gorm.DB
	sqldb      *sql.DB
	path       string
	original   string // the board a snapshot copy was made of (OpenSnapshot), or ""
	now        func() time.Time
	readOnly   bool
	migrations []migration
	testSchema bool      // the migrations are a test's, not the board's
	lock       *fileLock // held while open for editing
	deferCheck bool
	// logCols holds the columns of the tables the change log records,
	// read when recording starts; the triggers and undo use them.
	logCols map[string][]string
	// author makes the edits of a context that names none (see
	// app.WithAuthor).
	author string
	// notice is what opening the file has to tell the user once, such as
	// an undo history an upgrade could not carry over; "" if nothing.
	notice string
	// converted is the undo history of a file of an older schema, as the
	// change log keeps it, written by the migration to schema 4.
	converted []convertedStep
	// damage is the error Verify found, after which writes are refused.
	damage atomic.Pointer[error]
}

var _ app.Store = (*DB)(nil)

// Path returns the board file's path.
func (db *DB) Path() string { return db.path }

// changeLogVersion is the schema that brings the change log.
const changeLogVersion = 4

// Notice implements app.BoardFile.
func (db *DB) Notice() string { return db.notice }

// ReadOnly reports whether the board was opened for reading only.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Close closes the file; SQLite folds the write-ahead log back into it.
// The lock goes last, after SQLite has let go of the file.
func (db *DB) Close() error {
	err := db.sqldb.Close()
	db.lock.release()
	return translate(err)
}

// Open opens an existing board file and brings its schema up to date.
//
// Returns ENOTFOUND if there is no file at path, and EINVALID, with the file
// left exactly as it was, if path is a folder, is empty, is not a SQLite
// database, is another program's database, or comes from a newer version.
func Open(path string, opts Options) (*DB, error) {
	h, err := inspect(path)
	if err != nil {
		return nil, err
	}
	if opts.ReadOnly && int(h.userVersion) < len(opts.migrationList()) {
		return nil, app.Errorf(app.EINVALID, "%s was saved by an older Evidence Board and must be upgraded; open it for editing once", path)
	}
	var lock *fileLock
	if !opts.ReadOnly {
		if lock, err = lockFile(path); err != nil {
			return nil, err
		}
	}
	db, err := connect(path, opts)
	if err != nil {
		lock.release()
		return nil, err
	}
	db.lock = lock
	if err := db.verify(); err != nil {
		db.Close()
		return nil, err
	}
	if opts.ReadOnly && !db.testSchema {
		if db.logCols, err = tablesColumns(db.gdb, changeTables); err != nil {
			db.Close()
			return nil, translate(err)
		}
	}
	if !opts.ReadOnly {
		if h.userVersion > 0 && int(h.userVersion) < len(db.migrations) {
			if _, err := db.Backup(context.Background(), BackupBeforeUpgrade); err != nil {
				db.Close()
				return nil, err
			}
		}
		if h.userVersion > 0 && int(h.userVersion) < changeLogVersion && !db.testSchema {
			conv, err := db.convertUndoHistory()
			if err != nil {
				db.notice = droppedHistory(path, err)
			}
			db.converted = conv
		}
		if err := db.migrate(); err != nil {
			db.Close()
			return nil, err
		}
		if err := db.startRecording(); err != nil {
			db.Close()
			return nil, err
		}
	}
	return db, nil
}

// Create makes a new board file at path holding an empty board with the
// given record (Created and Updated default to the clock).
//
// Returns ECONFLICT if something is already at path, EINVALID if the
// folder cannot be written or the board record is invalid.
func Create(path string, board app.Board, opts Options) (*DB, error) {
	if _, err := inspect(path); app.ErrorCode(err) != app.ENOTFOUND {
		return nil, app.Errorf(app.ECONFLICT, "%s already exists", path)
	}
	db, err := connect(path, opts)
	if err != nil {
		return nil, err
	}
	if err = db.create(board); err == nil {
		err = db.startRecording()
	}
	if err != nil {
		db.sqldb.Close()
		return nil, err
	}
	return db, nil
}

func (opts Options) migrationList() []migration {
	if opts.migrations != nil {
		return opts.migrations
	}
	return migrations
}

// dsn builds the connection string. Every pragma is in it because pragmas
// hold per connection: foreign keys are off in SQLite unless asked for.
func dsn(path string, readOnly, immutable bool) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	// A board may come by mail: views, triggers and checks in its schema
	// may not call functions with side effects.
	q.Add("_pragma", "trusted_schema(0)")
	if readOnly {
		q.Set("mode", "ro")
		if immutable {
			// No -shm can be made beside a file in a read-only folder
			// or owned by another; nobody can be writing it either.
			q.Set("immutable", "1")
		}
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		// FULL: a commit that returned is on disk even after power loss.
		q.Add("_pragma", "synchronous(FULL)")
		// Take the write lock at BEGIN, so a read-then-write
		// transaction cannot fail half-way with SQLITE_BUSY.
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: abs}).EscapedPath() + "?" + q.Encode()
}

func connect(path string, opts Options) (*DB, error) {
	if opts.ReadOnly && opts.snapshot {
		return connectDSN(path, opts, dsn(path, true, true))
	}
	db, err := connectDSN(path, opts, dsn(path, opts.ReadOnly, false))
	// immutable reads the main file only: never while a write-ahead log
	// may hold committed changes that are not in it yet.
	if fi, statErr := os.Stat(path + "-wal"); err != nil && opts.ReadOnly && (statErr != nil || fi.Size() == 0) {
		if db2, err2 := connectDSN(path, opts, dsn(path, true, true)); err2 == nil {
			return db2, nil
		}
	}
	return db, err
}

func connectDSN(path string, opts Options, dsn string) (*DB, error) {
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	gdb, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{
		Logger:                 logger.Discard,
		NowFunc:                func() time.Time { return now().UTC() },
		SkipDefaultTransaction: true, // every write opens its own transaction
		PrepareStmt:            true,
	})
	if err != nil {
		return nil, describeOpenError(path, err)
	}
	sqldb, err := gdb.DB()
	if err != nil {
		return nil, translate(err)
	}
	// One connection: SQLite has one writer at a time, the pragmas above
	// hold per connection, and the UI and commands never need two.
	sqldb.SetMaxOpenConns(1)
	sqldb.SetMaxIdleConns(1)
	sqldb.SetConnMaxLifetime(0)
	db := &DB{gdb: gdb, sqldb: sqldb, path: path, now: now, author: opts.Author, readOnly: opts.ReadOnly, migrations: opts.migrationList(), testSchema: opts.migrations != nil, deferCheck: opts.DeferCheck}
	// The driver opens lazily: a file SQLite cannot read fails here.
	if err := gdb.Exec("SELECT count(*) FROM sqlite_master").Error; err != nil {
		sqldb.Close()
		return nil, describeOpenError(path, err)
	}
	return db, nil
}

func describeOpenError(path string, err error) error {
	e := translate(err)
	return &app.Error{Code: app.ErrorCode(e), Message: fmt.Sprintf("%s: %s", path, app.ErrorMessage(e)), Err: e}
}

// verify checks what the header said, now through SQLite (the write-ahead
// log may hold a newer header than the file).
func (db *DB) verify() error {
	var appID, version int64
	if err := db.gdb.Raw("PRAGMA application_id").Scan(&appID).Error; err != nil {
		return describeOpenError(db.path, err)
	}
	if err := db.gdb.Raw("PRAGMA user_version").Scan(&version).Error; err != nil {
		return describeOpenError(db.path, err)
	}
	switch {
	case appID != ApplicationID:
		return app.Errorf(app.EINVALID, "%s is a SQLite database of another program, not an Evidence Board file", db.path)
	case version > int64(len(db.migrations)):
		return app.Errorf(app.EINVALID, "%s was saved by a newer Evidence Board (board format %d; this version reads up to %d): update Evidence Board to open it", db.path, version, len(db.migrations))
	case version == 0:
		return app.Errorf(app.EINVALID, "%s is an unfinished board file (it has no schema)", db.path)
	}
	// A file missing one of the board's tables (made by hand, or by a tool
	// that thought it knew the format) is as good as damaged. An older
	// version's tables are the migrations' business (and the tests of the
	// migration mechanism bring their own schema).
	if version == int64(len(migrations)) && !db.testSchema {
		want, err := currentColumns()
		if err != nil {
			return translate(err)
		}
		have, err := tablesColumns(db.gdb, boardTables)
		if err != nil {
			return damaged(db.path, err.Error())
		}
		for _, t := range boardTables {
			cols := have[t]
			switch {
			case len(cols) == 0:
				return damaged(db.path, "it has no "+t+" table")
			case !slices.Equal(cols, want[t]):
				return damaged(db.path, columnsDiffer(t, cols, want[t]))
			}
		}
	}
	// A damaged file is refused at the door, not half-way through an edit.
	if db.deferCheck {
		return nil
	}
	return db.quickCheck(context.Background())
}

func (db *DB) quickCheck(ctx context.Context) error {
	var quick []string
	if err := db.read(ctx).Raw("PRAGMA quick_check").Scan(&quick).Error; err != nil {
		return damaged(db.path, err.Error())
	}
	if len(quick) != 1 || quick[0] != "ok" {
		return damaged(db.path, strings.Join(quick[:min(len(quick), 3)], "; "))
	}
	return nil
}

// Verify implements app.BoardFile: SQLite's quick check of the whole
// file, which Open runs itself unless told to defer it. A damaged file
// refuses every write after.
func (db *DB) Verify(ctx context.Context) error {
	err := db.quickCheck(ctx)
	if app.ErrorCode(err) == app.EINVALID {
		db.damage.Store(&err)
	}
	return err
}

// damaged is the error for a board file SQLite finds broken.
func damaged(path, detail string) error {
	return &app.Error{Code: app.EINVALID, Err: app.ErrDamaged, Message: fmt.Sprintf(
		"%s is damaged and cannot be opened (%s).", path, detail)}
}

func (db *DB) userVersion() (int, error) {
	var v int
	err := db.gdb.Raw("PRAGMA user_version").Scan(&v).Error
	return v, translate(err)
}

// migrate runs the migrations the file lacks, each in one transaction
// together with its version bump, so a file is never between versions.
func (db *DB) migrate() error {
	v, err := db.userVersion()
	if err != nil {
		return err
	}
	for ; v < len(db.migrations); v++ {
		step := db.migrations[v]
		next := v + 1
		err := db.gdb.Transaction(func(tx *gorm.DB) error {
			if err := step(tx); err != nil {
				return err
			}
			if next == changeLogVersion && !db.testSchema {
				if err := db.writeConverted(tx, db.converted); err != nil {
					return err
				}
			}
			return tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", next)).Error
		})
		if err != nil {
			return &app.Error{Code: app.EINTERNAL, Message: fmt.Sprintf("%s: upgrading the board to format %d failed; the file is unchanged", db.path, next), Err: err}
		}
	}
	return nil
}

// startRecording starts recording edits in the change log, on boards whose
// schema has it (the made-up schemas of the migration tests lack it).
func (db *DB) startRecording() error {
	var n int
	if err := db.gdb.Raw("SELECT count(*) FROM sqlite_master WHERE name = 'change_steps'").Scan(&n).Error; err != nil || n == 0 {
		return translate(err)
	}
	cols, err := tablesColumns(db.gdb, changeTables)
	if err != nil {
		return translate(err)
	}
	db.logCols = cols
	err = setRecording(db.gdb, cols, true)
	var foreign errForeignColumn
	if errors.As(err, &foreign) {
		return damaged(db.path, foreign.Error())
	}
	return translate(err)
}

func (db *DB) create(b app.Board) error {
	now := db.now().UTC()
	if b.Created.IsZero() {
		b.Created = now
	}
	if b.Updated.IsZero() {
		b.Updated = b.Created
	}
	if err := b.Validate(); err != nil {
		return err
	}
	if err := db.gdb.Exec(fmt.Sprintf("PRAGMA application_id = %d", ApplicationID)).Error; err != nil {
		return describeOpenError(db.path, err)
	}
	if err := db.migrate(); err != nil {
		return err
	}
	return translate(db.gdb.Create(toBoardRow(&b)).Error)
}

// transact runs fn in one transaction and translates any error.
func (db *DB) transact(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if db.readOnly {
		return app.Errorf(app.EINVALID, "the board is open read-only: changes are not saved")
	}
	if err := db.damage.Load(); err != nil {
		return *err
	}
	return translate(db.gdb.WithContext(ctx).Transaction(fn))
}

// write runs fn in one transaction, stamps the board's updated time,
// records the edit as one step of the change log named label, by the
// author of ctx, and translates any error. It is the only way the services
// change the file.
func (db *DB) write(ctx context.Context, label string, fn func(tx *gorm.DB) error) error {
	return db.writeAt(ctx, label, db.now(), fn)
}

// writeAt is write with the edit's time given, for edits that record it.
func (db *DB) writeAt(ctx context.Context, label string, at time.Time, fn func(tx *gorm.DB) error) error {
	return db.transact(ctx, func(tx *gorm.DB) error {
		var before string
		if err := tx.Raw("SELECT updated FROM board WHERE id = 1").Scan(&before).Error; err != nil {
			return err
		}
		if err := fn(tx); err != nil {
			return err
		}
		if err := tx.Exec("UPDATE board SET updated = ? WHERE id = 1", formatTime(at)).Error; err != nil {
			return err
		}
		_, err := db.recordStep(ctx, tx, label, at, before)
		return err
	})
}

// read gives fn the database for reading, with ctx.
func (db *DB) read(ctx context.Context) *gorm.DB { return db.gdb.WithContext(ctx) }

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// columnsDiffer says how a table's columns differ from the schema's.
func columnsDiffer(table string, have, want []string) string {
	for _, c := range have {
		if !slices.Contains(want, c) {
			return fmt.Sprintf("its %s table has a column %.40q this program does not make", table, c)
		}
	}
	for _, c := range want {
		if !slices.Contains(have, c) {
			return fmt.Sprintf("its %s table lacks the column %s", table, c)
		}
	}
	return fmt.Sprintf("the columns of its %s table are not in this program's order", table)
}
