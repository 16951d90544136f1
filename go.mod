module github.com/parentpages/parentpages

go 1.26.8

require (
	github.com/fsnotify/fsnotify v1.10.1
	github.com/piglig/go-qr v1.1.0
	github.com/tdewolff/minify/v2 v2.24.25
	github.com/tdewolff/parse/v2 v2.8.20
	github.com/yuin/goldmark v1.8.7
	golang.org/x/image v0.48.0
	golang.org/x/sys v0.50.0
	golang.org/x/text v0.44.0
	gopkg.in/yaml.v3 v3.0.1
)
