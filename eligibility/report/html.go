package report

import (
	_ "embed"
	"html/template"
)

// The page template. html/template escapes every value for its context (text,
// attribute, URL), so a project name or a reviewer's note is shown as written and
// can never inject markup or script; the page itself has none.
//
//go:embed report.html.tmpl
var pageSource string

// pageTemplate is parsed once; a parsed template is immutable and safe for
// concurrent Execute calls.
var pageTemplate = template.Must(template.New("report").Option("missingkey=error").Parse(pageSource))
