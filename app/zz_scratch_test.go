package app

import ("testing"; "fmt"; "bytes")

func TestScratch(t *testing.T) {
	for _, in := range []string{`{"a" 1}`, "{\n  \"a\": 1,\n  x}", `{} x`, `{} {}`, `{"format":"evidence-board"} ]`, `{`, ``, `  `, `[]`, `{"a":1}`} {
		_, w, err := ParseDocument([]byte(in))
		fmt.Printf("%q -> %v | %v\n", in, err, w)
		if ve := (*ValidationError)(nil); err != nil { _ = ve }
	}
	var b bytes.Buffer
	d := &Document{}
	d.Board.Created = d.Board.Created.AddDate(-5,0,0)
	fmt.Println(WriteDocumentJSON(&b, d))
	fmt.Println(NormalizeDateOrTime("0000-01-01T00:00:00+01:00"))
}
