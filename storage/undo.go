package storage

import "fmt"

// plainName reports whether s is a name of lower-case letters, digits and
// underscores, as every column of the board's schema is.
func plainName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c != '_' && (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// errForeignColumn is a column this program would never have named so.
type errForeignColumn struct{ table, column string }

func (e errForeignColumn) Error() string {
	return fmt.Sprintf("its table %s has a column named %.40q", e.table, e.column)
}
