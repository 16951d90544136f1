package render

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/parentpages/parentpages/internal/content"
	"github.com/parentpages/parentpages/internal/site"
)

// The site's feed holds the latest updates of all schools: the first
// siteFeedItems of them all sorted, newest first, ties by school and slug.
func TestSiteFeedUpdatesAreTheLatest(t *testing.T) {
	for _, tc := range []struct {
		schools, updates int
	}{
		{0, 0},
		{1, 3},
		{3, 10},  // fewer than the feed holds
		{5, 10},  // exactly as many
		{40, 15}, // many more, with many on the same day
	} {
		t.Run(fmt.Sprintf("%d schools of %d updates", tc.schools, tc.updates), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(tc.schools)))
			var schools []*site.Listing
			var all []*site.Update
			for i := range tc.schools {
				// Schools in no order, updates by date as the model keeps them.
				sch := &site.Listing{Slug: fmt.Sprintf("school-%02d", rng.IntN(100))}
				for j := range tc.updates {
					day := time.Date(2026, 9, 1+rng.IntN(20), 0, 0, 0, 0, time.UTC)
					sch.Updates = append(sch.Updates, &site.Update{Slug: fmt.Sprintf("u%d-%d", i, j), Date: content.Date{Time: day}, School: sch})
				}
				sortFunc(sch.Updates, newerUpdate)
				schools = append(schools, sch)
				all = append(all, sch.Updates...)
			}
			sortFunc(all, newerUpdate)
			want := all[:min(len(all), siteFeedItems)]
			got := SiteFeedUpdates(schools)
			if !slices.Equal(got, want) {
				t.Errorf("got %d updates, want the first %d of all sorted", len(got), len(want))
				for i := range min(len(got), len(want)) {
					if got[i] != want[i] {
						t.Errorf("first difference at %d: %s %s/%s, want %s %s/%s", i,
							got[i].Date, got[i].School.Slug, got[i].Slug, want[i].Date, want[i].School.Slug, want[i].Slug)
						break
					}
				}
			}
		})
	}
}
