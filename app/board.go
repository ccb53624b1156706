package app

import "time"

// FormatName and FormatVersion identify the interchange document this
// program reads and writes (see the format spec in the README).
const (
	FormatName    = "evidence-board"
	FormatVersion = 1
)

// Board is the board's own record: one per file.
type Board struct {
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`
	// URL is where the board is published, if it is.
	URL string `json:"url,omitempty"`
	// Reviewer is the organisation that reviews the claims; the ClaimReview
	// export names it as the review's author.
	Reviewer *Reviewer `json:"reviewer,omitempty"`
	// Scale is the board's own rating scale for verdicts, worst first;
	// empty for DefaultScale (see RatingScale).
	Scale []ScaleStep `json:"scale,omitempty"`
}

// Reviewer names who reviews a board's claims.
type Reviewer struct {
	Name string `json:"name,omitempty"`
	URL  string `json:"url,omitempty"`
}

// Document is a whole board in the interchange format: the portable,
// lossless twin of a .evboard file. Array order is meaningful and kept.
// Empty optional strings are omitted when written.
type Document struct {
	Format  string     `json:"format"`
	Version int        `json:"version"`
	Board   Board      `json:"board"`
	Sources []Source   `json:"sources"`
	Parties []Party    `json:"parties"`
	Claims  []Claim    `json:"claims"`
	Quotes  []Quote    `json:"quotes"`
	Links   []Link     `json:"links"`
	Layout  []Position `json:"layout"`
	// Exercise is set on a board handed out to students (see MakeExercise);
	// nil on any other board.
	Exercise *Exercise `json:"exercise,omitempty"`
	// ExerciseKey is set on a key that exercises were made from: its
	// secret and its record of them (see ExerciseKey); nil on any other
	// board, and always on an exercise.
	ExerciseKey *ExerciseKey `json:"exercise_key,omitempty"`
}

// Stats counts what a board holds.
type Stats struct {
	Sources, Parties, Claims, Quotes, Links int
	// ByStatus counts claims by status.
	ByStatus map[Status]int
}
