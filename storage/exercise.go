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

// The key's record of its exercises is kept in the exercise_key table,
// which the change log does not track: writing it is no step, cannot be
// undone, and the secret never reaches the log.

func readExerciseKey(tx *gorm.DB) (*app.ExerciseKey, error) {
	var rows []struct{ Secret, Made string }
	if err := tx.Raw("SELECT secret, made FROM exercise_key WHERE id = 1").Scan(&rows).Error; err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	k := &app.ExerciseKey{Secret: rows[0].Secret}
	if err := json.Unmarshal([]byte(rows[0].Made), &k.Made); err != nil {
		return nil, errBadRow{"its record of the exercises made from it is not JSON: " + err.Error()}
	}
	return k, nil
}

func writeExerciseKey(tx *gorm.DB, k *app.ExerciseKey) error {
	if err := tx.Exec("DELETE FROM exercise_key").Error; err != nil || k == nil {
		return err
	}
	made := k.Made
	if made == nil {
		made = []app.ExerciseMade{}
	}
	data, err := json.Marshal(made)
	if err != nil {
		return err
	}
	return tx.Exec("INSERT INTO exercise_key (id, secret, made) VALUES (1, ?, ?)", k.Secret, string(data)).Error
}

// ExerciseKey implements app.ExerciseKeyService.
func (db *DB) ExerciseKey(ctx context.Context) (*app.ExerciseKey, error) {
	k, err := readExerciseKey(db.read(ctx))
	if _, bad := err.(errBadRow); bad {
		return nil, damaged(db.path, err.Error())
	}
	return k, translate(err)
}

// SetExerciseKey implements app.ExerciseKeyService, in one transaction
// that is no step of the change log.
func (db *DB) SetExerciseKey(ctx context.Context, k *app.ExerciseKey) error {
	if k != nil {
		if err := app.ValidateExerciseKey(k); err != nil {
			return err
		}
	}
	return db.transact(ctx, func(tx *gorm.DB) error {
		e, err := readExercise(tx)
		if err != nil {
			return err
		}
		if e != nil {
			return app.Errorf(app.EINVALID, "this board is an exercise: only the board with the answers keeps the record of its exercises")
		}
		return writeExerciseKey(tx, k)
	})
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
