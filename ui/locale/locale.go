// Package locale gives Fyne a locale it can parse. Fyne reads the user's
// locale while its packages initialise and logs an error for the POSIX "C"
// locale, which is the default in containers, CI and many terminals.
//
// Go initialises packages in import-path order where dependencies allow,
// and this package imports nothing of Fyne's, so its init runs before
// Fyne's: importing it for its side effect is enough.
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		if v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
			os.Setenv(name, "en_US.UTF-8")
		}
		return
	}
}
