package storage

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"evidenceboard/app"
)

// Backups, in the manner of Zotero and Anki: a copy before every schema
// upgrade and before a restore, and a rolling set while editing, each a
// whole board made with VACUUM INTO, in a folder beside the board:
//
//	notes.evboard  ->  .notes.evboard-backups/20261127T060000Z-auto.evboard
//
// Each reason keeps its own number of copies; older ones are deleted.
var keepBackups = map[string]int{
	BackupAuto:          10,
	BackupManual:        10,
	BackupBeforeUpgrade: 3,
	BackupBeforeRestore: 5,
}

// Why a backup was made.
const (
	BackupAuto          = app.BackupAuto
	BackupManual        = app.BackupManual
	BackupBeforeUpgrade = "before-upgrade"
	BackupBeforeRestore = "before-restore"
)

// BackupInterval is how often the window makes a rolling backup while a
// board is being edited.
const BackupInterval = 30 * time.Minute

const backupStamp = "20060102T150405Z"

// BackupDir returns the folder that holds the backups of the board at path.
func BackupDir(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+"-backups")
}

// Backup writes a backup copy of the board now and prunes old ones.
// Returns EINVALID if the backup folder cannot be written, and the damage
// Verify found, if it found any: a copy of a damaged board would push a
// sound backup out of the set.
func (db *DB) Backup(ctx context.Context, reason string) (app.Backup, error) {
	if err := db.damage.Load(); err != nil {
		return app.Backup{}, *err
	}
	dir := BackupDir(db.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return app.Backup{}, app.Errorf(app.EINVALID, "cannot make the backup folder %s: %v", dir, err)
	}
	now := db.now().UTC()
	b := app.Backup{Path: filepath.Join(dir, now.Format(backupStamp)+"-"+reason+".evboard"), Taken: now, Reason: reason}
	for i := 2; fileExists(b.Path); i++ { // two in one second
		b.Path = filepath.Join(dir, fmt.Sprintf("%s-%s-%d.evboard", now.Format(backupStamp), reason, i))
	}
	if err := db.SaveCopy(ctx, b.Path); err != nil {
		return app.Backup{}, err
	}
	if fi, err := os.Stat(b.Path); err == nil {
		b.Size = fi.Size()
	}
	return b, pruneBackups(db.path)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// ListBackups returns the backups of the board at path, newest first.
func ListBackups(path string) ([]app.Backup, error) {
	entries, err := os.ReadDir(BackupDir(path))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, app.Errorf(app.EINVALID, "cannot read the backup folder: %v", err)
	}
	var out []app.Backup
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".evboard") || len(name) < len(backupStamp)+2 {
			continue
		}
		t, err := time.Parse(backupStamp, name[:len(backupStamp)])
		if err != nil {
			continue
		}
		reason := strings.TrimSuffix(name[len(backupStamp)+1:], ".evboard")
		if i := strings.LastIndexByte(reason, '-'); i > 0 && strings.Trim(reason[i+1:], "0123456789") == "" {
			reason = reason[:i]
		}
		b := app.Backup{Path: filepath.Join(BackupDir(path), name), Taken: t, Reason: reason}
		if fi, err := e.Info(); err == nil {
			b.Size = fi.Size()
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path > out[j].Path })
	return out, nil
}

// LatestBackup returns when the board at path was last backed up, or the
// zero time.
func LatestBackup(path string) time.Time {
	bs, _ := ListBackups(path)
	if len(bs) == 0 {
		return time.Time{}
	}
	return bs[0].Taken
}

func pruneBackups(path string) error {
	bs, err := ListBackups(path)
	if err != nil {
		return err
	}
	seen := map[string]int{}
	for _, b := range bs {
		seen[b.Reason]++
		if keep, ok := keepBackups[b.Reason]; ok && seen[b.Reason] > keep {
			if err := os.Remove(b.Path); err != nil {
				return app.Errorf(app.EINTERNAL, "cannot delete the old backup %s: %v", b.Path, err)
			}
			os.Remove(b.Path + "-wal") // beside a byte-for-byte copy of a damaged board
			os.Remove(b.Path + "-shm")
		}
	}
	return nil
}

// Restore puts a backup in the place of the board at path, all or
// nothing: the backup must open and pass Check; the board as it is now is
// backed up first, and if that cannot be done nothing is restored; the
// copy goes in through a temporary file and a rename. The board must not
// be open for editing.
//
// Returns ECONFLICT if the board is open elsewhere, EINVALID if the
// backup is not a sound board or the board as it is cannot be backed up.
func Restore(path, backup string, opts Options) error {
	src, err := Open(backup, Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer src.Close()
	problems, err := src.Check(context.Background())
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return app.Errorf(app.EINVALID, "the backup %s is not sound either: %s", backup, problems[0])
	}
	if fileExists(path) {
		lock, err := lockFile(path)
		if err != nil {
			return err
		}
		defer lock.release()
		if err := backupBeforeRestore(path, opts); err != nil {
			return &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf(
				"the backup was not restored and %s was left as it was, because the board as it is now could not be backed up first: %s",
				path, app.ErrorMessage(err))}
		}
	}
	return src.copyTo(context.Background(), path)
}

// backupBeforeRestore keeps the board at path as it is now among its
// backups: a copy through SQLite if it can read the board, otherwise (a
// damaged board) its bytes as they are, with its write-ahead log.
func backupBeforeRestore(path string, opts Options) error {
	if cur, err := connect(path, Options{Now: opts.Now}); err == nil {
		if err = cur.verify(); err == nil {
			cur.path = path
			var b app.Backup
			b, err = cur.Backup(context.Background(), BackupBeforeRestore)
			if err != nil && b.Path != "" && fileExists(b.Path) {
				err = nil // made; only pruning old ones failed
			}
		}
		cur.sqldb.Close()
		if err == nil {
			return nil
		}
	}
	return rawBackup(path, opts)
}

// rawBackup copies the file at path and its -wal, byte for byte, into its
// backup folder as a before-restore backup.
func rawBackup(path string, opts Options) error {
	dir := BackupDir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return app.Errorf(app.EINVALID, "cannot make the backup folder %s: %v", dir, err)
	}
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	t := now().UTC()
	dst := filepath.Join(dir, t.Format(backupStamp)+"-"+BackupBeforeRestore+".evboard")
	for i := 2; fileExists(dst); i++ {
		dst = filepath.Join(dir, fmt.Sprintf("%s-%s-%d.evboard", t.Format(backupStamp), BackupBeforeRestore, i))
	}
	copyFile := func(from, to string) error {
		in, err := os.Open(from)
		if err != nil {
			return app.Errorf(app.EINVALID, "cannot read %s: %v", from, err)
		}
		defer in.Close()
		return app.WriteFileAtomic(to, func(w io.Writer) error {
			_, err := io.Copy(w, in)
			return err
		})
	}
	// The log first: a backup is listed once its main file is there.
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		if err := copyFile(path+"-wal", dst+"-wal"); err != nil {
			return err
		}
	}
	if err := copyFile(path, dst); err != nil {
		os.Remove(dst + "-wal")
		return err
	}
	_ = pruneBackups(path)
	return nil
}
