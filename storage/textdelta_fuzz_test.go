package storage

import (
	"encoding/json"
	"testing"
	"unicode/utf8"
)

// FuzzTextDelta: the delta of any two texts turns the first into the
// second and back, survives the log's JSON, and cuts no character in two.
func FuzzTextDelta(f *testing.F) {
	f.Add("The chips were found in 2015.", "The chips were said to be found in 2015.")
	f.Add("中文 🍎 text", "中文 🍏 text")
	f.Add("", "all new")
	f.Add("aaaa", "aa")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		d := diffText(a, b)
		data, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back textDelta
		if err := json.Unmarshal(data, &back); err != nil || back != d {
			t.Fatalf("the delta %+v does not survive JSON: %+v %v", d, back, err)
		}
		if !utf8.ValidString(d.Old) || !utf8.ValidString(d.New) {
			t.Fatalf("the delta of %q → %q cuts a character: %+v", a, b, d)
		}
		if got, ok := d.apply(a, false); !ok || got != b {
			t.Fatalf("forwards %q → %q gives %q, %v", a, b, got, ok)
		}
		if got, ok := d.apply(b, true); !ok || got != a {
			t.Fatalf("backwards %q → %q gives %q, %v", b, a, got, ok)
		}
	})
}
