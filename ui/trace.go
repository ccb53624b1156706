package ui

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// TraceStartup, when EVB_STARTUP_TRACE is set, prints on stderr how long
// the program took from launch (EVB_LAUNCHED_NS, Unix nanoseconds, set by
// the measuring script) to its first frame, and its resident memory then;
// with EVB_STARTUP_EXIT set it then quits. .ci/measure-open uses it for
// the app and for a bare Fyne window alike.
func TraceStartup(a fyne.App) {
	if os.Getenv("EVB_STARTUP_TRACE") == "" {
		return
	}
	launched, _ := strconv.ParseInt(os.Getenv("EVB_LAUNCHED_NS"), 10, 64)
	a.Lifecycle().SetOnStarted(func() {
		go func() {
			// The first frame is drawn on the event loop's first tick.
			time.Sleep(time.Second / 60)
			fyne.DoAndWait(func() {})
			ms := float64(time.Now().UnixNano()-launched) / 1e6
			var st runtime.MemStats
			runtime.ReadMemStats(&st)
			fmt.Fprintf(os.Stderr, "first-frame-ms=%.1f rss-kb=%d go-heap-kb=%d go-sys-kb=%d\n", ms, residentKB(), st.HeapInuse/1024, st.Sys/1024)
			if os.Getenv("EVB_STARTUP_EXIT") != "" {
				fyne.Do(a.Quit)
			}
		}()
	})
}

func residentKB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			kb, _ := strconv.Atoi(strings.Fields(line)[1])
			return kb
		}
	}
	return -1
}
