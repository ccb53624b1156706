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

// TraceStartup, when EVB_STARTUP_TRACE is set, returns a function to call
// once the window shows what it is for (a bare window: when the app has
// started; Evidence Board: when the board is on screen). It then prints on
// stderr how long the program took from launch (EVB_LAUNCHED_NS, Unix
// nanoseconds, set by the measuring script) to the next frame, and its
// resident memory then and two seconds later, when start-up work has
// settled; with EVB_STARTUP_EXIT set it then quits. .ci/measure-open uses
// it for the app and for a bare Fyne window alike. Without the variable
// the function does nothing.
func TraceStartup(a fyne.App) (shown func()) {
	if os.Getenv("EVB_STARTUP_TRACE") == "" {
		return func() {}
	}
	launched, _ := strconv.ParseInt(os.Getenv("EVB_LAUNCHED_NS"), 10, 64)
	return func() {
		go func() {
			// What was shown is drawn on the event loop's next tick.
			time.Sleep(time.Second / 60)
			fyne.DoAndWait(func() {})
			ms := float64(time.Now().UnixNano()-launched) / 1e6
			var st runtime.MemStats
			runtime.ReadMemStats(&st)
			fmt.Fprintf(os.Stderr, "first-frame-ms=%.1f rss-kb=%d go-heap-kb=%d go-sys-kb=%d\n", ms, residentKB(), st.HeapInuse/1024, st.Sys/1024)
			time.Sleep(2 * time.Second)
			runtime.ReadMemStats(&st)
			fmt.Fprintf(os.Stderr, "settled rss-kb=%d go-heap-kb=%d\n", residentKB(), st.HeapInuse/1024)
			if os.Getenv("EVB_STARTUP_EXIT") != "" {
				fyne.Do(a.Quit)
			}
		}()
	}
}

// traceNote prints a line for the measuring script when tracing.
func traceNote(format string, args ...any) {
	if os.Getenv("EVB_STARTUP_TRACE") != "" {
		fmt.Fprintf(os.Stderr, format+"\n", args...)
	}
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
