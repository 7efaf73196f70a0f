package server_test

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/kg-news/kg/server"
)

// chromium finds Debian's headless browser; KG_REQUIRE_TOOLS=1 (set by
// CI) makes its absence a failure rather than a skip.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("KG_REQUIRE_TOOLS") != "" {
		t.Fatal("chromium is not installed")
	}
	t.Skip("chromium is not installed")
	return ""
}

// TestPageInBrowser opens the page in headless Chromium, searches for a
// person and reads their meetings and a supporting sentence.
func TestPageInBrowser(t *testing.T) {
	exe := chromium(t)
	ts := seededServer(t, server.Options{})
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.Flag("headless", true), chromedp.DisableGPU)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	// The pinned protocol bindings do not know every event of a newer
	// Chromium; chromedp logs those and goes on, so the log is dropped.
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(func(string, ...any) {}))
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	var central, name, timeline, quote, roles string
	var nodes int
	err := chromedp.Run(ctx,
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(`#central li`, chromedp.ByQuery),
		chromedp.Text(`#central`, &central, chromedp.ByQuery),
		chromedp.SendKeys(`#search`, "Putin", chromedp.ByQuery),
		chromedp.Click(`#search-form button`, chromedp.ByQuery),
		chromedp.WaitVisible(`#timeline li.event`, chromedp.ByQuery),
		chromedp.Text(`#entity-name`, &name, chromedp.ByQuery),
		chromedp.Text(`#roles`, &roles, chromedp.ByQuery),
		chromedp.Text(`#timeline`, &timeline, chromedp.ByQuery),
		chromedp.Text(`#timeline blockquote.quote`, &quote, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll("#graph g.node").length`, &nodes),
	)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	if !strings.Contains(central, "Vladimir Putin") {
		t.Errorf("central persons: %q", central)
	}
	if name != "Vladimir Putin" || !strings.Contains(roles, "president of Russia") {
		t.Errorf("entity %q with roles %q", name, roles)
	}
	for _, w := range []string{"Hamburg", "Danang", "Helsinki", "Donald Trump"} {
		if !strings.Contains(timeline, w) {
			t.Errorf("timeline lacks %q:\n%s", w, timeline)
		}
	}
	if len(quote) < 40 || !strings.Contains(quote, "sentence") {
		t.Errorf("supporting sentence %q", quote)
	}
	if nodes < 3 {
		t.Errorf("neighbourhood graph has %d nodes", nodes)
	}

	// The query box runs Gizmo against the same server; rows come as a
	// table, the JSON on demand.
	var table, result string
	err = chromedp.Run(ctx,
		chromedp.Click(`#run-query`, chromedp.ByQuery),
		chromedp.WaitVisible(`#query-table td`, chromedp.ByQuery),
		chromedp.Text(`#query-table`, &table, chromedp.ByQuery),
		chromedp.Click(`#query-raw summary`, chromedp.ByQuery),
		chromedp.WaitVisible(`#query-result`, chromedp.ByQuery),
		chromedp.Text(`#query-result`, &result, chromedp.ByQuery),
	)
	if err != nil || !strings.Contains(table, "president") || !strings.Contains(result, `"result"`) {
		t.Errorf("query box: %v, table %q, JSON %q", err, table, result)
	}

	// Every page has an address of its own: the entity's hash opens it,
	// here a place's page with what happened there; and at 400 px wide
	// nothing runs off the side.
	var hash, place, placeEvents string
	var width int
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`location.hash`, &hash),
		chromedp.EmulateViewport(400, 800),
		chromedp.Navigate(ts.URL+"/#/entity/Helsinki"),
		// The same page with another hash: wait for the place, not for
		// the events Putin's page already shows.
		chromedp.Poll(`document.getElementById("entity-name").textContent === "Helsinki"`, nil),
		chromedp.WaitVisible(`#timeline li.event`, chromedp.ByQuery),
		chromedp.Text(`#entity-name`, &place, chromedp.ByQuery),
		chromedp.Text(`#timeline`, &placeEvents, chromedp.ByQuery),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
	)
	if err != nil {
		t.Fatalf("browser, second page: %v", err)
	}
	if hash != "#/entity/"+url.QueryEscape("kg:person/vladimir-putin") && hash != "#/entity/kg%3Aperson%2Fvladimir-putin" {
		t.Errorf("Putin's page has address %q", hash)
	}
	if place != "Helsinki" || !strings.Contains(placeEvents, "summit") {
		t.Errorf("#/entity/Helsinki shows %q with %q", place, placeEvents)
	}
	if width > 400 {
		t.Errorf("at 400 px the page is %d px wide", width)
	}
}
