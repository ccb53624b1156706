package storage

import (
	"context"
	"encoding/json"

	"gorm.io/gorm"

	"evidenceboard/app"
)

// The exercise record is kept as JSON in the board's exercise column ('' on
// a board that is no exercise), out of boardRow, so that edits of the
// board's own record never touch it.

func readExercise(tx *gorm.DB) (*app.Exercise, error) {
	var raw string
	if err := tx.Raw("SELECT exercise FROM board WHERE id = 1").Scan(&raw).Error; err != nil {
		return nil, err
	}
	if raw == "" {
		return nil, nil
	}
	var e app.Exercise
	if err := json.Unmarshal([]byte(raw), &e); err != nil {
		return nil, errBadRow{"its exercise record is not JSON: " + err.Error()}
	}
	return &e, nil
}

func writeExercise(tx *gorm.DB, e *app.Exercise) error {
	raw := ""
	if e != nil {
		data, err := json.Marshal(e)
		if err != nil {
			return err
		}
		raw = string(data)
	}
	return tx.Exec("UPDATE board SET exercise = ? WHERE id = 1", raw).Error
}

// Exercise implements app.ExerciseService.
func (db *DB) Exercise(ctx context.Context) (*app.Exercise, error) {
	e, err := readExercise(db.read(ctx))
	if _, bad := err.(errBadRow); bad {
		return nil, damaged(db.path, err.Error())
	}
	return e, translate(err)
}

// SetStudent implements app.ExerciseService.
func (db *DB) SetStudent(ctx context.Context, name string) (*app.Exercise, error) {
	if err := app.ValidateStudent(name); err != nil {
		return nil, err
	}
	err := db.write(ctx, "Give your name", func(tx *gorm.DB) error {
		e, err := readExercise(tx)
		if err != nil {
			return err
		}
		if e == nil {
			return app.Errorf(app.EINVALID, "this board is not an exercise: it has no student")
		}
		e.Student = name
		return writeExercise(tx, e)
	})
	if err != nil {
		return nil, err
	}
	return db.Exercise(ctx)
}
