package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"evidenceboard/app"
	"evidenceboard/storage"
)

// The change log on the command line: apply, log, undo and redo.

func init() {
	commands = append(commands,
		command{"apply", "[--author NAME] [--label TEXT] FILE.evboard CHANGES.json|-", "apply a JSON array of changes as one step, all or nothing", cmdApply},
		command{"log", "[--json] [--item ID] [--limit N] FILE.evboard", "list the board's edits, oldest first", cmdLog},
		command{"undo", "[--author NAME] FILE.evboard", "take back your last edit", cmdUndo},
		command{"redo", "[--author NAME] FILE.evboard", "make your last undone edit again", cmdRedo},
	)
}

// authorFlag adds --author, whose default is the account's name.
func authorFlag(fs *flag.FlagSet) *string {
	return fs.String("author", "", "whose edit it is (default: your account's name, "+app.AccountName()+")")
}

// withAuthor returns a context carrying the author, or the account's name.
func withAuthor(name string) context.Context {
	if strings.TrimSpace(name) == "" {
		name = app.AccountName()
	}
	return app.WithAuthor(context.Background(), name)
}

// openForEdit opens a board for editing and says what its upgrade had to
// tell, once.
func openForEdit(path string, stderr io.Writer) (*storage.DB, error) {
	db, err := storage.Open(path, storage.Options{})
	if err != nil {
		return nil, err
	}
	if n := db.Notice(); n != "" {
		fmt.Fprintf(stderr, "note: %s\n", n)
	}
	return db, nil
}

func cmdApply(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("apply", "apply [--author NAME] [--label TEXT] FILE.evboard CHANGES.json|-",
		"Applies a JSON array of changes (docs/change-format.md) to the board as one step, which\n"+
			"undo takes back at once. All or nothing: on any problem it lists every one, with the\n"+
			"change's path, and changes nothing. A change whose \"before\" no longer holds is refused\n"+
			"as a conflict, naming who changed the field last.")
	author := authorFlag(fs)
	label := fs.String("label", "Apply changes", "the step's name in the board's history")
	pos, code := parse(fs, args, 2, stdout, stderr)
	if code >= 0 {
		return code
	}
	var data []byte
	var err error
	if pos[1] == "-" {
		data, err = io.ReadAll(io.LimitReader(stdin, app.MaxDocumentBytes+1))
	} else {
		data, err = readLimited(pos[1])
	}
	if err != nil {
		return fail(stderr, "apply", err)
	}
	changes, bad, perr := app.ParseChangesAll(data)
	if perr != nil && changes == nil {
		return fail(stderr, "apply", perr)
	}
	db, err := openForEdit(pos[0], stderr)
	if err != nil {
		return fail(stderr, "apply", err)
	}
	defer db.Close()
	if perr != nil {
		// Every problem at once: the board's checks of the changes that
		// could be read, with the problems of those that could not.
		var ve *app.ValidationError
		errors.As(perr, &ve)
		ps := append(ve.Problems, db.CheckChanges(withAuthor(*author), changes, bad)...)
		sort.SliceStable(ps, func(i, j int) bool { return changeIndex(ps[i].Path) < changeIndex(ps[j].Path) })
		return fail(stderr, "apply", app.ChangeProblems(ps, false))
	}
	step, err := db.Apply(withAuthor(*author), *label, changes)
	if err != nil {
		return fail(stderr, "apply", err)
	}
	if step.Seq == 0 {
		fmt.Fprintf(stdout, "%s: nothing changed\n", step.Label)
		return exitOK
	}
	fmt.Fprintf(stdout, "%s: step %d, %s by %s\n", step.Label, step.Seq, app.CountWords(len(step.Changes), "change", "changes"), step.Author)
	return exitOK
}

// changeIndex is the N of a path changes[N]..., for ordering problems.
func changeIndex(path string) int {
	var n int
	if _, err := fmt.Sscanf(path, "changes[%d]", &n); err != nil {
		return -1
	}
	return n
}

func cmdLog(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("log", "log [--json] [--item ID] [--limit N] FILE.evboard",
		"Lists the board's edits, oldest first: each step's number, time, author and label, the\n"+
			"items it changed, and whether it is undone. --json prints the steps as a JSON array of\n"+
			"{step, label, author, at, undone, changes}, the changes in the change format.")
	asJSON := fs.Bool("json", false, "print JSON")
	item := fs.String("item", "", "only the steps that changed the item with this id")
	limit := fs.Int("limit", 0, "only the newest N steps")
	pos, code := parse(fs, args, 1, stdout, stderr)
	if code >= 0 {
		return code
	}
	if *limit < 0 {
		fmt.Fprintln(stderr, "evidenceboard log: --limit must be 0 or more")
		return exitUsage
	}
	// Read as it is, leaving nothing beside it (no -wal or -shm, no
	// upgrade of an older board: that is read from a private copy).
	db, done, err := storage.OpenSnapshot(pos[0], storage.Options{})
	if err != nil {
		return fail(stderr, "log", err)
	}
	defer done()
	if n := db.Notice(); n != "" {
		fmt.Fprintln(stderr, n)
	}
	steps, err := db.Log(context.Background(), app.LogFilter{Item: *item, Limit: *limit})
	if err != nil {
		return fail(stderr, "log", err)
	}
	if *asJSON {
		if steps == nil {
			steps = []app.Step{}
		}
		for i := range steps {
			if steps[i].Changes == nil {
				steps[i].Changes = []app.Change{}
			}
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(steps); err != nil {
			return fail(stderr, "log", err)
		}
		return exitOK
	}
	if len(steps) == 0 {
		fmt.Fprintln(stdout, "no edits")
		return exitOK
	}
	for _, st := range steps {
		undone := ""
		if st.Undone {
			undone = "  (undone)"
		}
		fmt.Fprintf(stdout, "%5d  %s  %s  %s  %s%s\n", st.Seq, st.At.UTC().Format("2006-01-02 15:04:05Z"), st.Author, st.Label,
			app.DescribeItems(st.Changes, 6, nil), undone)
	}
	return exitOK
}

func cmdUndo(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return replay("undo", args, stdout, stderr)
}

func cmdRedo(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return replay("redo", args, stdout, stderr)
}

func replay(verb string, args []string, stdout, stderr io.Writer) int {
	what := "Takes back your last edit of the board, as the window's Undo does: the last step of\n" +
		"the author (your account's name unless --author says otherwise). Prints its label."
	if verb == "redo" {
		what = "Makes your last undone edit of the board again. Prints its label."
	}
	fs := newFlags(verb, verb+" [--author NAME] FILE.evboard", what)
	author := authorFlag(fs)
	pos, code := parse(fs, args, 1, stdout, stderr)
	if code >= 0 {
		return code
	}
	db, err := openForEdit(pos[0], stderr)
	if err != nil {
		return fail(stderr, verb, err)
	}
	defer db.Close()
	ctx := withAuthor(*author)
	var ch app.Changes
	if verb == "undo" {
		ch, err = db.Undo(ctx)
	} else {
		ch, err = db.Redo(ctx)
	}
	if err != nil {
		if app.ErrorCode(err) == app.ENOTFOUND {
			fmt.Fprintf(stderr, "evidenceboard %s: there is nothing of %s's to %s in %s\n", verb, app.AuthorFrom(ctx), verb, pos[0])
			return exitFail
		}
		return fail(stderr, verb, err)
	}
	fmt.Fprintln(stdout, ch.Label)
	return exitOK
}
