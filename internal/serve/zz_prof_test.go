package serve

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/build"
	"github.com/parentpages/parentpages/internal/content/contenttest"
	"github.com/parentpages/parentpages/internal/site"
)

func TestZZProf(t *testing.T) {
	d := os.Getenv("PROF_DIR")
	if d == "" {
		t.Skip()
	}
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	t0 := time.Now()
	c, _ := contenttest.Load(os.DirFS(d))
	t1 := time.Now()
	site.Load(c, site.Config{Now: now, NowIsDate: true, Drafts: true, Future: true})
	t2 := time.Now()
	build.Build(context.Background(), build.Config{Content: d, Now: now, NowIsDate: true, Drafts: true, Future: true, CheckOnly: true})
	t3 := time.Now()
	build.Build(context.Background(), build.Config{Content: d, Now: now, NowIsDate: true, Drafts: true, Future: true})
	t4 := time.Now()
	t.Logf("contenttest.Load %v, site.Load %v, check (load+render) %v, build (load+render+minify) %v", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3))
}
