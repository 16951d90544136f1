package images

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// CacheName is the folder a build keeps its cache in, beside its output
// folder: CI can keep it between builds, and anyone may delete it.
const CacheName = ".parentpages-cache"

// makeVersion names how Make makes sizes: change it when Make's output
// changes, so that a cache made by an older program is not used.
const makeVersion = "images 1"

// Cache keeps the sizes Make made, in a folder, by a hash of the picture's
// bytes, the sizes and how they are encoded (and the Go version, whose
// encoders made them), so that a build does not make them again while the
// picture is unchanged: a 12-megapixel photo takes about half a second of
// CPU to make, and a few milliseconds to read back. A nil *Cache keeps
// nothing.
type Cache struct {
	dir string
}

// NewCache returns the cache in dir (its images/ folder, made when first
// written), or nil if dir is "".
func NewCache(dir string) *Cache {
	if dir == "" {
		return nil
	}
	return &Cache{dir: filepath.Join(dir, "images")}
}

// Make returns what Make(b, info, sizes) returns, from the cache if it has
// them; it stores what it makes. A cache that cannot be written is only
// slower.
func (c *Cache) Make(b []byte, info Info, sizes []Size) ([][]byte, error) {
	if c == nil {
		return Make(b, info, sizes)
	}
	key := cacheKey(b, info, sizes)
	names := make([]string, len(sizes))
	out := make([][]byte, len(sizes))
	hit := true
	for i, s := range sizes {
		names[i] = filepath.Join(c.dir, key[:2], fmt.Sprintf("%s-%dx%d", key[2:], s.Width, s.Height))
		if hit {
			var err error
			if out[i], err = os.ReadFile(names[i]); err != nil || len(out[i]) == 0 {
				hit = false
			}
		}
	}
	if hit {
		return out, nil
	}
	out, err := Make(b, info, sizes)
	if err != nil {
		return nil, err
	}
	for i := range out {
		_ = writeAtomic(names[i], out[i])
	}
	return out, nil
}

func cacheKey(b []byte, info Info, sizes []Size) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s %s q%d %s %d %v %v\n", makeVersion, runtime.Version(), Quality, info.Format, info.Orientation, info.Alpha, sizes)
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// writeAtomic writes a file whole or not at all, so that a build stopped
// while writing leaves no half of a picture for the next to use.
func writeAtomic(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-")
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
