package ui

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"evidenceboard/app"
)

// backupEvery is how often an edited board gets a rolling backup.
const backupEvery = 30 * time.Minute

// openFailed offers a way on when a board cannot be opened: read-only if
// it is open elsewhere or cannot be written, a backup if it is damaged.
func (w *boardWindow) openFailed(path string, err error) {
	msg := app.ErrorMessage(err)
	if w.file == nil { // nothing open: say so rather than show an empty board
		w.empty.Hide()
		w.status.SetText("No board open: use File ▸ Open, New Board or Open Recent.")
	}
	switch {
	case errors.Is(err, app.ErrInUse) || errors.Is(err, app.ErrReadOnly):
		w.ask("Open read-only?", msg+"\n\nOpen it read-only, to read and export but not change it?", "Open read-only", func(ok bool) {
			if !ok {
				return
			}
			f, err := w.files.OpenReadOnly(path)
			if err != nil {
				w.showError(err)
				return
			}
			if err := w.setFile(f); err != nil {
				w.showError(err)
			}
		})
	case errors.Is(err, app.ErrDamaged):
		backups, _ := w.files.Backups(path)
		if len(backups) == 0 {
			w.informError(msg + "\n\nThere is no backup of it to restore.")
			return
		}
		b := backups[0]
		w.ask("Restore from a backup?", fmt.Sprintf("%s\n\nThe newest backup is from %s (%s). Restore it? What can still be read of the damaged file is backed up first.",
			msg, b.Taken.Local().Format("2 Jan 2006 15:04"), b.Reason), "Restore", func(ok bool) {
			if ok {
				w.restore(path, b.Path)
			}
		})
	default:
		w.showError(err)
	}
}

// restore closes the board if it is open, puts the backup in its place,
// off the window's goroutine, and opens it again. If the restore is
// refused (the board as it is could not be backed up first, say) the board
// is left as it was and shown again.
func (w *boardWindow) restore(path, backup string) {
	if w.busy() {
		return
	}
	wasOpen := w.file != nil && w.file.Path() == path
	if wasOpen {
		w.closeBoard()
	}
	w.background("Restoring…", func(func(float64)) (string, error) {
		err := w.files.Restore(path, backup)
		if err == nil || wasOpen {
			do(func() { w.openPath(path) })
		}
		if err != nil {
			return "", err
		}
		return "Restored from " + backup, nil
	})
}

// showBackups lists the open board's backups, to make one or restore one.
func (w *boardWindow) showBackups() {
	if w.file == nil {
		return
	}
	path := w.file.Path()
	backups, err := w.files.Backups(path)
	if err != nil {
		w.showError(err)
		return
	}
	var d dialog.Dialog
	list := widget.NewList(func() int { return len(backups) }, func() fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, &widget.Button{Text: "Restore…"}, &widget.Label{})
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		b := backups[i]
		c := o.(*fyne.Container)
		c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %d KB", b.Taken.Local().Format("2 Jan 2006 15:04:05"), b.Reason, b.Size/1024))
		c.Objects[1].(*widget.Button).OnTapped = func() {
			w.ask("Restore this backup?", "The board will be replaced by the backup from "+b.Taken.Local().Format("2 Jan 2006 15:04")+
				". The board as it is now is backed up first, so this too can be taken back.", "Restore", func(ok bool) {
				if ok {
					d.Hide()
					w.restore(path, b.Path)
				}
			})
		}
	})
	info := caption(fmt.Sprintf("Backups are whole copies of the board, kept beside it in a hidden folder: one before every upgrade and restore, and one every %d minutes while you edit (the last 10).", int(backupEvery.Minutes())))
	if len(backups) == 0 {
		info.SetText(info.Text + "\n\nThere are no backups of this board yet.")
	}
	now := &widget.Button{Text: "Back up now", OnTapped: func() {
		d.Hide()
		w.backupNow(app.BackupManual)
	}}
	if w.readOnly() {
		now.Disable()
	}
	d = dialog.NewCustom("Backups of "+path, "Close", container.NewBorder(info, now, nil, nil, list), w.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// backupNow makes a backup off the window's goroutine, behind a progress
// dialog.
func (w *boardWindow) backupNow(reason string) {
	if w.file == nil || w.readOnly() {
		return
	}
	file := w.file
	w.background("Backing up…", func(func(float64)) (string, error) {
		b, err := file.Backup(w.ctx, reason)
		return "Backed up to " + b.Path, err
	})
}

// backupSoonIfDue makes a rolling backup of a board just opened, a little
// after it shows, if its newest backup is older than backupEvery: work of
// the first half hour is then covered too.
func (w *boardWindow) backupSoonIfDue() {
	if w.file == nil || w.readOnly() {
		return
	}
	file := w.file
	backups, err := w.files.Backups(file.Path())
	if err != nil || (len(backups) > 0 && time.Since(backups[0].Taken) < backupEvery) {
		return
	}
	time.AfterFunc(openBackupDelay, func() { w.autoBackup(file) })
}

// openBackupDelay is how long after opening a board the rolling backup
// that is due is made.
var openBackupDelay = 10 * time.Second

// autoBackup makes a rolling backup of file, if it is still the open
// board; it is called off the window's goroutine, by a timer.
func (w *boardWindow) autoBackup(file app.BoardFile) {
	do(func() {
		if w.file == file && w.shown() { // not closed or replaced meanwhile
			w.startAutoBackup(file)
		}
	})
}

// shown reports whether the window is still one of the app's.
func (w *boardWindow) shown() bool {
	for _, x := range w.app.Driver().AllWindows() {
		if x == w.win {
			return true
		}
	}
	return false
}

// startAutoBackup starts a rolling backup of file off the window's
// goroutine, saying so on the status line; it returns false if other
// background work is under way (the next one will do). Call it on the
// window's goroutine.
func (w *boardWindow) startAutoBackup(file app.BoardFile) bool {
	if file == nil || file.ReadOnly() {
		return true
	}
	return w.quietly("Backing up…", func() (string, error) {
		b, err := file.Backup(w.ctx, app.BackupAuto)
		if err != nil {
			return "Backup failed", err
		}
		return "Backed up at " + b.Taken.Local().Format("15:04"), nil
	})
}

// startAutoBackups makes a rolling backup every backupEvery while the
// board changes.
func (w *boardWindow) startAutoBackups() {
	var lastUndo string
	go func() {
		for range time.Tick(backupEvery) {
			do(func() {
				if w.file == nil || w.readOnly() || !w.shown() {
					return
				}
				// Every edit stamps the board's record in the store; the
				// window's copy of it is not kept up to date by every edit.
				board, err := w.file.Board(w.ctx)
				if err != nil {
					return
				}
				undo, _, _ := w.file.UndoState(w.ctx)
				b := board.Updated.String() + undo
				if b == lastUndo {
					return // nothing changed since the last one
				}
				if w.startAutoBackup(w.file) {
					lastUndo = b
				}
			})
		}
	}()
}
