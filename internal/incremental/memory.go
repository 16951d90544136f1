package incremental

import "sync"

// Memory keeps what each unit made in memory, from one build to the next:
// the dev server's cache. A build that fails leaves it as the last
// successful build left it (see Commit).
type Memory struct {
	mu      sync.Mutex
	global  string
	last    map[string]*Made // the last successful build's
	pending map[string]*Made // this build's, until Commit
}

// Begin starts a build whose site-wide inputs hash to global: when they
// changed, nothing is reused.
func (m *Memory) Begin(global string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if global != m.global {
		m.last = nil
	}
	m.global = global
	m.pending = map[string]*Made{}
}

func (m *Memory) Lookup(unit, key string, keyOf func(string) string) (*Made, Reuse) {
	m.mu.Lock()
	made := m.last[unit]
	m.mu.Unlock()
	if made == nil || key == "" || made.Key != key || !depsSame(made.Deps, keyOf) {
		return nil, Rebuild
	}
	return made, ReuseAll
}

func (m *Memory) Record(unit string, made *Made) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pending[unit] = made
}

func (m *Memory) Empty() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.last == nil
}

// Commit makes this build's units what the next build may reuse.
func (m *Memory) Commit() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last, m.pending = m.pending, nil
}
