package app

import (
	"testing"
	"unicode/utf8"
)

func TestReanchor(t *testing.T) {
	old := "Apple said no. Amazon said no. 中文 🍎 said no."
	a, ok := NewAnchor(old, 22, 29) // the second "said no"
	if !ok || a.Exact != "said no" || a.Prefix != "Apple said no. Amazon " {
		t.Fatalf("NewAnchor = %+v, %v", a, ok)
	}
	tests := []struct {
		name      string
		text      string
		wantStart int
		wantOK    bool
	}{
		{"Unchanged", old, 22, true},
		{"TextInsertedBefore", "Update: " + old, 30, true},
		{"ContextWins", "Amazon said no. Apple said no.", 7, true},
		{"Gone", "Nobody said anything.", 0, false},
		{"MultibyteBefore", "🍎🍎 Apple said no. Amazon said no.", 25, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Reanchor(a, tt.text)
			if ok != tt.wantOK {
				t.Fatalf("ok = %v", ok)
			}
			if !ok {
				return
			}
			if got.Start != tt.wantStart || got.End-got.Start != utf8.RuneCountInString(a.Exact) {
				t.Fatalf("anchor = %+v, want start %d", got, tt.wantStart)
			}
			if s, _ := SliceRunes(tt.text, got.Start, got.End); s != a.Exact {
				t.Fatalf("anchor selects %q", s)
			}
		})
	}
}

func FuzzReanchor(f *testing.F) {
	f.Add("Apple said no. Amazon said no.", 6, 13, "Amazon said no; Apple said no.")
	f.Add("中文 🍎 text", 3, 4, "🍎🍎 中文 🍎 text")
	f.Fuzz(func(t *testing.T, text string, start, end int, changed string) {
		if !utf8.ValidString(text) || !utf8.ValidString(changed) {
			return
		}
		a, ok := NewAnchor(text, start, end)
		if !ok {
			return
		}
		if ps := (&Quote{Text: "x", Anchor: a}); ps.Validate() != nil {
			t.Fatalf("NewAnchor made an invalid anchor %+v: %v", a, ps.Validate())
		}
		b, ok := Reanchor(a, changed)
		if !ok {
			return
		}
		if s, _ := SliceRunes(changed, b.Start, b.End); s != a.Exact || b.Exact != a.Exact {
			t.Fatalf("reanchored %+v selects %q", b, s)
		}
		if err := ValidateAnchor(b, changed); err != nil {
			t.Fatal(err)
		}
	})
}
