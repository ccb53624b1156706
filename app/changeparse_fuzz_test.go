package app_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"evidenceboard/app"
)

// FuzzParseChanges: any bytes either read as changes that write back to
// JSON and read again the same, or are refused as EINVALID with every
// problem at a path under changes; never a panic.
func FuzzParseChanges(f *testing.F) {
	for _, seed := range []string{
		`[{"op":"create","kind":"party","item":{"id":"p-fbi","name":"FBI","kind":"organisation"}}]`,
		`[{"op":"update","id":"c-1","set":{"notes":"x"},"before":{"notes":""}}]`,
		`[{"op":"update","kind":"board","set":{"title":"T"}}]`,
		`[{"op":"status","id":"c-1","status":"denied","note":"Apple","at":"2018-10-04T15:00:00Z"}]`,
		`[{"op":"link","from":"q-1","to":"c-1","relation":"denies"},{"op":"unlink","from":"q-1","to":"c-1","relation":"denies"}]`,
		`[{"op":"move","id":"c-1","x":1.5,"y":-2},{"op":"delete","id":"q-1"}]`,
		`[{"op":"update","id":"s-1","set":{"reliability":"Z"}}]`,
		`{"op":"delete"}`, `[]`, `[1, null, "x"]`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		changes, err := app.ParseChanges(data)
		if err != nil {
			var ve *app.ValidationError
			if app.ErrorCode(err) != app.EINVALID || !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("refused without a list of problems: %v", err)
			}
			for _, p := range ve.Problems {
				if !strings.HasPrefix(p.Path, "changes") {
					t.Fatalf("a problem outside the changes: %+v", p)
				}
			}
			return
		}
		again, err := json.Marshal(changes)
		if err != nil {
			t.Fatal(err)
		}
		back, err := app.ParseChanges(again)
		if err != nil {
			t.Fatalf("changes read from %q do not read again from %s: %v", data, again, err)
		}
		if !reflect.DeepEqual(normal(t, changes), normal(t, back)) {
			t.Fatalf("a round trip changed the changes:\n%s\n%s", again, mustJSON(t, back))
		}
	})
}

// normal is changes as generic JSON, so that raw values compare by value.
func normal(t *testing.T, cs []app.Change) any {
	var v any
	if err := json.Unmarshal(mustJSON(t, cs), &v); err != nil {
		t.Fatal(err)
	}
	return v
}
