package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jilin761/intake/category"
	"github.com/jilin761/intake/criteria"
	"github.com/jilin761/intake/eligibility"
	"github.com/jilin761/intake/eligibility/remedy"
	"github.com/jilin761/intake/eligibility/report"
)

// The pages are for people who do not write Go: city staff preparing the monthly
// report and provincial reviewers. They are rendered on the server with html/template
// (which escapes every value a person typed) and work with scripting off; the one
// script, assets/app.js, only shows the fields of the category chosen without a
// reload. Everything they load is embedded here, so they work on an intranet with no
// way out, and the Content-Security-Policy forbids anything else.

//go:embed templates/*.html assets/*
var webFiles embed.FS

// pageCSP allows the page's own stylesheet, script and images and nothing else: no
// inline script or style, no other origin, no framing, forms posted only here.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// downloadCSP is for the HTML report, whose styles are inline (it is one file for the
// case file): it may style itself and do nothing else.
const downloadCSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox"

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"tr":    tr,
	"words": words,
}).ParseFS(webFiles, "templates/*.html"))

// page is what every page shows: the language, the rule set and its departures from
// the letter, and the link to the other language.
type page struct {
	Lang      string
	Title     string
	Nav       string // which page: check, result or rules
	OtherLang string // the other language's code
	OtherURL  string // this page in the other language (GET pages)
	RuleSet   ruleSetView
	Check     *checkView
	Result    *resultView
	Rules     *rulesView
}

type ruleSetView struct {
	Name, Document, Title string
	Description           string
	Changes               []string
}

func pageLang(r *http.Request, form map[string]string) string {
	if form != nil && form["lang"] == "en" || r.URL.Query().Get("lang") == "en" {
		return "en"
	}
	return "zh"
}

func otherLang(lang string) string {
	if lang == "en" {
		return "zh"
	}
	return "en"
}

// newPage fills what every page shows.
func (s *server) newPage(r *http.Request, lang, nav string, title criteria.Text) page {
	q := r.URL.Query()
	q.Set("lang", otherLang(lang))
	return page{Lang: lang, Nav: nav, Title: words(lang, title), OtherLang: otherLang(lang),
		OtherURL: r.URL.Path + "?" + q.Encode(), RuleSet: s.ruleSetView(lang)}
}

// ruleSetView says which rule set the server runs and what it changes from the
// letter: the variant's own description, each parameter value in force that differs
// from the letter's (Parameter.Adjustment), and the criteria it adds, removes or
// rewrites, compared with the default rule set.
func (s *server) ruleSetView(lang string) ruleSetView {
	rs := s.engine.RuleSet()
	v := ruleSetView{Name: rs.Name, Document: rs.Document, Title: rs.Title, Description: words(lang, s.cfg.ruleSetDescription)}
	for _, p := range rs.Parameters {
		for _, dv := range p.Values {
			if adj, ok := p.Adjustment(dv.Value); ok {
				line := words(lang, adj)
				if !dv.From.IsZero() {
					line = tr(lang, "自", "from ") + words(lang, criteria.FormatDate(dv.From)) + tr(lang, "起，", ", ") + line
				}
				v.Changes = append(v.Changes, line)
			}
		}
	}
	def := criteria.Default()
	if rs.Name == def.Name && rs.Hash() == def.Hash() {
		return v
	}
	for _, c := range rs.Criteria {
		d, ok := def.Criterion(c.ID)
		switch {
		case !ok:
			v.Changes = append(v.Changes, tr(lang, "新增准则 ", "adds criterion ")+c.ID+" ("+c.Ref+")")
		case d.Require != c.Require || d.AppliesWhen != c.AppliesWhen || d.Strength != c.Strength || d.Basis != c.Basis || d.Category != c.Category:
			v.Changes = append(v.Changes, tr(lang, "改写准则 ", "rewrites criterion ")+c.ID+" ("+c.Ref+")")
		}
	}
	for _, d := range def.Criteria {
		if _, ok := rs.Criterion(d.ID); !ok {
			v.Changes = append(v.Changes, tr(lang, "删除准则 ", "removes criterion ")+d.ID+" ("+d.Ref+")")
		}
	}
	return v
}

// render writes a page with its security headers.
func render(w http.ResponseWriter, status int, name string, data page) {
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, name, data); err != nil {
		httpProblem(http.StatusInternalServerError, "rendering the page: "+err.Error()).write(w)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(b.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}

// asset answers GET /assets/…: the embedded stylesheet and script.
func (s *server) asset(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	data, err := fs.ReadFile(webFiles, name)
	if err != nil {
		httpProblem(http.StatusNotFound, "no asset at "+r.URL.Path).write(w)
		return
	}
	ct := mime.TypeByExtension(name[strings.LastIndexByte(name, '.'):])
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// checkView is the check page: the form, with what was typed and what is wrong.
type checkView struct {
	AsOf        string
	AsOfErrors  []fieldMessage
	Category    string
	Categories  []option
	Base        []field
	Fieldsets   []fieldset
	Record      string // the pasted JSON, kept on an error
	Errors      []fieldMessage
	RecordError []fieldMessage // problems of a pasted or uploaded record at no input
}

// checkPage answers GET /: the form for the category in ?category= (the first one
// by default), with every other category's form hidden for the script to show. POST /
// is the same form for the category the posted form chose, with what was typed: the
// button that shows another category's fields without the script.
func (s *server) checkPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	vals := map[string]string{"asOf": q.Get("asOf"), "category": q.Get("category")}
	lang := pageLang(r, nil)
	if r.Method == http.MethodPost {
		sub, prob := s.readSubmission(w, r)
		if prob != nil {
			prob.write(w)
			return
		}
		vals, lang = sub.vals, pageLang(r, sub.vals)
	}
	cv, _, err := s.checkForm(lang, vals, nil)
	if err != nil {
		httpProblem(http.StatusInternalServerError, err.Error()).write(w)
		return
	}
	cv.Record = vals["record"]
	render(w, http.StatusOK, "check.html", s.withCheck(r, lang, cv))
}

func (s *server) withCheck(r *http.Request, lang string, cv *checkView) page {
	p := s.newPage(r, lang, "check", criteria.Text{Zh: "项目入库核验", En: "Check a project"})
	p.Check = cv
	return p
}

// checkForm builds the form of every category, filled with vals and the errors at
// their inputs, and returns the chosen category's inputs.
func (s *server) checkForm(lang string, vals map[string]string, probs []fieldError) (*checkView, []field, error) {
	pl, err := s.planner()
	if err != nil {
		return nil, nil, fmt.Errorf("building the remedy planner: %w", err)
	}
	asOf := s.engine.RuleSet().Effective
	if d, err := criteria.ParseDate(vals["asOf"]); err == nil {
		asOf = d
	}
	chosen := category.Categories()[0]
	if c, err := category.ParseCategory(vals["category"]); err == nil {
		chosen = c
	}
	cv := &checkView{AsOf: vals["asOf"], Category: string(chosen)}
	for _, c := range category.Categories() {
		cv.Categories = append(cv.Categories, option{string(c), words(lang, nameOf(c))})
	}
	cv.Base = baseFieldsView(lang)
	var chosenFields []field
	labels, names := map[string]string{}, map[string]bool{}
	var fieldsets []fieldset
	for _, c := range category.Categories() {
		f, err := pl.Form(c, "", "", asOf)
		if err != nil {
			return nil, nil, fmt.Errorf("the form of %s: %w", c, err)
		}
		fields := formFields(lang, f, func(t criteria.Text) criteria.Text {
			if out, err := s.engine.RuleSet().Render(t, asOf); err == nil {
				return out
			}
			return t
		})
		if !slices.ContainsFunc(fields, func(f field) bool { return f.Name == "subtype" }) && len(c.Subtypes()) > 0 {
			// No criterion reads it, but the record states it and the verdict echoes it.
			sub := field{Name: "subtype", Path: "subtype", Label: tr(lang, "项目子类", "Subtype"), Kind: "select",
				Options: codeOptions(lang, c.Subtypes(), nameOf[category.Subtype])}
			fields = append([]field{sub}, fields...)
		}
		fs := fieldset{Category: string(c), Label: words(lang, nameOf(c)), Hidden: c != chosen, Fields: fields}
		if c == chosen {
			chosenFields = fs.Fields
			labelsOf(fs.Fields, labels, names)
		}
		fieldsets = append(fieldsets, fs)
	}
	labelsOf(cv.Base, labels, names)
	names["asOf"], labels["asOf"] = true, tr(lang, "评估日期", "Evaluation date")
	names["category"], labels["category"] = true, tr(lang, "项目类别", "Category")
	errs, rest := errorsByInput(probs, names, labels)
	cv.AsOfErrors = errs["asOf"]
	delete(errs, "asOf")
	fill(cv.Base, vals, errs)
	for i := range fieldsets {
		if fieldsets[i].Category == string(chosen) {
			fill(fieldsets[i].Fields, vals, errs)
		} else {
			fill(fieldsets[i].Fields, map[string]string{}, map[string][]fieldMessage{})
		}
	}
	cv.Fieldsets = fieldsets
	for _, m := range errs["category"] {
		cv.Errors = append(cv.Errors, m)
	}
	for _, p := range rest {
		cv.RecordError = append(cv.RecordError, problemWords(p, ""))
	}
	for _, p := range probs {
		cv.Errors = append(cv.Errors, problemWords(p, labels[p.Path]))
	}
	return cv, chosenFields, nil
}

// formSubmission is a posted form: its fields and, when one was uploaded, the record
// file. A name posted more than once (the boxes of a list of codes) holds its values
// one a line, as a list's textarea does.
type formSubmission struct {
	vals map[string]string
	file []byte
}

// readSubmission reads an urlencoded or multipart form wholly into memory, at most
// maxBody bytes: nothing is written to disk (ParseMultipartForm would spill large
// files to temporary files).
func (s *server) readSubmission(w http.ResponseWriter, r *http.Request) (formSubmission, *problem) {
	sub := formSubmission{vals: map[string]string{}}
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		mt = ""
	}
	body := http.MaxBytesReader(w, r.Body, s.cfg.maxBody)
	switch mt {
	case "application/x-www-form-urlencoded":
		data, err := io.ReadAll(body)
		if err != nil {
			return sub, readProblem(err, s.cfg.maxBody)
		}
		q, err := url.ParseQuery(string(data))
		if err != nil {
			return sub, httpProblem(http.StatusBadRequest, "the form does not parse: "+err.Error())
		}
		for k, vs := range q {
			sub.vals[k] = strings.Join(vs, "\n")
		}
	case "multipart/form-data":
		mr, err := (&http.Request{Header: http.Header{"Content-Type": {r.Header.Get("Content-Type")}}, Body: body}).MultipartReader()
		if err != nil || params["boundary"] == "" {
			return sub, httpProblem(http.StatusBadRequest, "the form does not parse: missing boundary")
		}
		for {
			part, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return sub, readProblem(err, s.cfg.maxBody)
			}
			data, err := io.ReadAll(part)
			if err != nil {
				return sub, readProblem(err, s.cfg.maxBody)
			}
			if part.FormName() == "file" {
				sub.file = data
			} else if prev, seen := sub.vals[part.FormName()]; seen {
				sub.vals[part.FormName()] = prev + "\n" + string(data)
			} else {
				sub.vals[part.FormName()] = string(data)
			}
		}
	default:
		return sub, httpProblem(http.StatusUnsupportedMediaType, "send the form as application/x-www-form-urlencoded or multipart/form-data")
	}
	return sub, nil
}

// checkSubmit answers POST /check: the record from the uploaded file, the pasted JSON
// or the form's inputs, in that order; the verdict and remedies, or the form again with
// every problem next to its input.
func (s *server) checkSubmit(w http.ResponseWriter, r *http.Request) {
	sub, prob := s.readSubmission(w, r)
	if prob != nil {
		prob.write(w)
		return
	}
	lang := pageLang(r, sub.vals)
	record, fromForm, probs := s.recordOf(lang, sub)
	asOf, asOfProbs := asOfValue(sub.vals["asOf"])
	if (len(asOfProbs) > 0 || len(probs) > 0) && record != nil {
		// Every problem at once: the record's too, checked on the rule set's
		// effective date, though without a date or with the form's own problems
		// there is no verdict.
		probs = append(probs, s.recordProblems(r.Context(), record)...)
	}
	probs = append(asOfProbs, probs...)
	var verdict *eligibility.Verdict
	var rem *remedy.Remedies
	if len(probs) == 0 {
		var prob *problem
		verdict, rem, prob = s.evaluateWithRemedies(r.Context(), record, asOf)
		if prob != nil {
			if prob.Status != http.StatusBadRequest {
				prob.write(w)
				return
			}
			probs = prob.Errors
		}
	}
	if len(probs) > 0 {
		if !fromForm {
			sub.vals["record"] = string(record)
			if len(sub.file) > 0 && sub.vals["record"] == "" {
				sub.vals["record"] = string(sub.file)
			}
		}
		cv, _, err := s.checkForm(lang, sub.vals, probs)
		if err != nil {
			httpProblem(http.StatusInternalServerError, err.Error()).write(w)
			return
		}
		cv.Record = sub.vals["record"]
		render(w, http.StatusBadRequest, "check.html", s.withCheck(r, lang, cv))
		return
	}
	p := s.newPage(r, lang, "result", criteria.Text{Zh: "核验结果", En: "The answer"})
	p.OtherURL = ""
	p.Result = s.resultView(lang, verdict, rem, record)
	render(w, http.StatusOK, "result.html", p)
}

// recordProblems are the problems of a record, as the engine finds them when it
// evaluates it: none for a valid record.
func (s *server) recordProblems(ctx context.Context, record []byte) []fieldError {
	p, err := s.engine.DecodeProjectContext(ctx, record)
	if err == nil {
		_, err = s.engine.EvaluateContext(ctx, p, s.engine.RuleSet().Effective)
	}
	if err != nil && (errors.Is(err, eligibility.ErrInvalidProject) || p == nil) {
		return invalidProject(err).Errors
	}
	return nil
}

// asOfValue checks the required evaluation date.
func asOfValue(s string) (eligibility.Date, []fieldError) {
	if strings.TrimSpace(s) == "" {
		return eligibility.Date{}, []fieldError{{Path: "asOf", Message: "required: the evaluation date, YYYY-MM-DD"}}
	}
	d, err := criteria.ParseDate(strings.TrimSpace(s))
	if err != nil {
		return eligibility.Date{}, []fieldError{{Path: "asOf", Message: err.Error()}}
	}
	return d, nil
}

// recordOf is the submitted record: the uploaded file, else the pasted JSON, else the
// record the inputs state. fromForm says it came from the inputs.
func (s *server) recordOf(lang string, sub formSubmission) ([]byte, bool, []fieldError) {
	if len(bytes.TrimSpace(sub.file)) > 0 {
		return sub.file, false, nil
	}
	if strings.TrimSpace(sub.vals["record"]) != "" {
		return []byte(sub.vals["record"]), false, nil
	}
	cat, err := category.ParseCategory(sub.vals["category"])
	if err != nil {
		return nil, true, []fieldError{{Path: "category", Message: err.Error()}}
	}
	_, fields, err := s.checkForm(lang, map[string]string{"category": string(cat), "asOf": sub.vals["asOf"]}, nil)
	if err != nil {
		return nil, true, []fieldError{{Path: "", Message: err.Error()}}
	}
	all := append(baseFieldsView(lang), fields...)
	rec, probs, err := buildRecord(string(cat), all, sub.vals)
	if err != nil {
		return nil, true, []fieldError{{Path: "", Message: err.Error()}}
	}
	return rec, true, probs
}

// evaluateWithRemedies decodes, evaluates and plans one record, with the API's
// problems.
func (s *server) evaluateWithRemedies(ctx context.Context, record []byte, asOf eligibility.Date) (*eligibility.Verdict, *remedy.Remedies, *problem) {
	pl, err := s.planner()
	if err != nil {
		return nil, nil, httpProblem(http.StatusInternalServerError, "building the remedy planner: "+err.Error())
	}
	p, err := s.engine.DecodeProjectContext(ctx, record)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, deadlineProblem(err)
		}
		return nil, nil, invalidProject(err)
	}
	v, err := s.engine.EvaluateContext(ctx, p, asOf)
	var rem *remedy.Remedies
	if err == nil {
		rem, err = pl.ForVerdict(ctx, p, v)
	}
	switch {
	case err == nil:
		return v, rem, nil
	case errors.Is(err, eligibility.ErrInvalidProject):
		return nil, nil, invalidProject(err)
	case errors.Is(err, eligibility.ErrNoParameterValue):
		return nil, nil, invalidRequest("asOf", err.Error())
	case ctx.Err() != nil:
		return nil, nil, deadlineProblem(err)
	}
	return nil, nil, httpProblem(http.StatusInternalServerError, err.Error())
}

// resultView is the answer: what was decided, why, and what to do.
type resultView struct {
	Decision, DecisionCode      string
	ProjectID, ProjectName      string
	Category, Subtype           string
	Authority, Channel          string
	AsOf, Record                string
	Failing, Undetermined, Adv  []resultItem
	Questions                   []questionItem
	Fixes                       []fixItem
	Plan                        string
	PlanChanges                 []string
	Results                     []resultItem
	Provenance                  string
	FailingCount, UndeterminedN int
}

type resultItem struct {
	ID, Ref, Letter, Requirement, Explanation, Outcome, OutcomeCode string
	Missing, Adjustments                                            []string
}

type questionItem struct {
	Rank, Label, Path, Text string
	Answers                 []string
}

type fixItem struct {
	ID, Ref, Requirement, None string
	Options                    []string
}

func (s *server) resultView(lang string, v *eligibility.Verdict, rem *remedy.Remedies, record []byte) *resultView {
	rs := s.engine.RuleSet()
	item := func(r eligibility.Result) resultItem {
		it := resultItem{ID: r.ID, Ref: r.Ref, Requirement: words(lang, r.Requirement), Explanation: words(lang, r.Explanation()),
			Outcome: words(lang, r.Outcome.Words()), OutcomeCode: string(r.Outcome), Missing: r.Missing}
		if c, ok := rs.Criterion(r.ID); ok {
			it.Letter = c.Source
		}
		for _, a := range r.Adjustments {
			it.Adjustments = append(it.Adjustments, words(lang, a))
		}
		return it
	}
	rv := &resultView{Decision: words(lang, v.Decision.Words()), DecisionCode: string(v.Decision),
		ProjectID: v.ProjectID, ProjectName: v.ProjectName, Category: words(lang, nameOf(v.Category)),
		Authority: words(lang, nameOf(v.ConfirmingAuthority)), Channel: words(lang, nameOf(v.Channel)),
		AsOf: v.AsOf.String(), Record: string(record),
		Provenance: fmt.Sprintf("intake %s · %s · %s", v.Provenance.Version, v.RuleSet, v.Provenance.RuleSetHash)}
	if v.Subtype != "" {
		rv.Subtype = words(lang, nameOf(v.Subtype))
	}
	for _, r := range v.FailingResults() {
		rv.Failing = append(rv.Failing, item(r))
	}
	for _, r := range v.UndeterminedResults() {
		rv.Undetermined = append(rv.Undetermined, item(r))
	}
	for _, r := range v.AdvisoryResults() {
		rv.Adv = append(rv.Adv, item(r))
	}
	for _, r := range v.Results {
		rv.Results = append(rv.Results, item(r))
	}
	rank := map[remedy.Rank]criteria.Text{
		remedy.RankDecides:   {Zh: "答复即可定论", En: "the answer decides the project"},
		remedy.RankCouldFail: {Zh: "可能导致不符合", En: "an answer could make it ineligible"},
		remedy.RankOther:     {Zh: "其他", En: "other"},
	}
	for _, q := range rem.Questions {
		qi := questionItem{Rank: words(lang, rank[q.Rank]), Label: words(lang, q.Label), Path: q.Path, Text: words(lang, q.Text)}
		for _, a := range q.Answers {
			var vals []string
			for _, t := range a.Values {
				vals = append(vals, words(lang, t))
			}
			qi.Answers = append(qi.Answers, strings.Join(vals, tr(lang, "、", ", "))+" → "+words(lang, a.Decision.Words()))
		}
		rv.Questions = append(rv.Questions, qi)
	}
	for _, f := range rem.Fixes {
		fi := fixItem{ID: f.ID, Ref: f.Ref, Requirement: words(lang, f.Requirement), None: words(lang, f.NoneText)}
		for _, o := range f.Options {
			fi.Options = append(fi.Options, words(lang, o.Text))
		}
		rv.Fixes = append(rv.Fixes, fi)
	}
	// The plan's text lists its changes after its first line; the page lists them itself.
	rv.Plan, _, _ = strings.Cut(words(lang, rem.Plan.Text), "\n")
	for _, c := range rem.Plan.Changes {
		rv.PlanChanges = append(rv.PlanChanges, words(lang, c.Text))
	}
	return rv
}

// download answers POST /check/report.html, /check/report.md and /check/verdict.json:
// the record comes back in the result page's hidden field and is evaluated again, so
// the server keeps nothing between requests.
func (s *server) download(w http.ResponseWriter, r *http.Request) {
	sub, prob := s.readSubmission(w, r)
	if prob != nil {
		prob.write(w)
		return
	}
	lang := pageLang(r, sub.vals)
	asOf, probs := asOfValue(sub.vals["asOf"])
	if len(probs) > 0 {
		invalidRequest("asOf", probs[0].Message).write(w)
		return
	}
	v, rem, prob := s.evaluateWithRemedies(r.Context(), []byte(sub.vals["record"]), asOf)
	if prob != nil {
		prob.write(w)
		return
	}
	var b bytes.Buffer
	var ct, name string
	var err error
	base := "intake-" + safeName(v.ProjectID) + "-" + v.AsOf.String()
	opts := report.Options{Lang: report.Lang(lang), RuleSet: s.engine.RuleSet(), Remedies: rem}
	switch r.URL.Path {
	case "/check/report.html":
		ct, name = "text/html; charset=utf-8", base+"."+lang+".html"
		err = report.HTML(&b, v, opts)
		w.Header().Set("Content-Security-Policy", downloadCSP)
	case "/check/report.md":
		ct, name = "text/markdown; charset=utf-8", base+"."+lang+".md"
		err = report.Markdown(&b, v, opts)
	default:
		ct, name = jsonContentType, base+".verdict.json"
		var out []byte
		out, err = json.MarshalIndent(v, "", "  ")
		b.Write(out)
		b.WriteByte('\n')
	}
	if err != nil {
		httpProblem(http.StatusInternalServerError, "rendering: "+err.Error()).write(w)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	w.Header().Set("Content-Length", strconv.Itoa(b.Len()))
	_, _ = w.Write(b.Bytes())
}

// safeName keeps a project ID's letters, digits and dashes for a file name.
func safeName(id string) string {
	var b strings.Builder
	for _, c := range id {
		if c < 128 && (c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			b.WriteRune(c)
		}
	}
	if b.Len() == 0 {
		return "project"
	}
	return b.String()
}

// rulesView is the rules page: the rule set's criteria by category and its parameters
// with their dated values, as GET /v1/criteria serves them.
type rulesView struct {
	Groups     []ruleGroup
	Parameters []paramItem
	Effective  string
	AsOf       string // the date whose parameter values the requirements state
}

type ruleGroup struct {
	Label    string
	Criteria []ruleItem
}

type ruleItem struct {
	ID, Ref, Letter, Summary, Strength, Basis, AppliesWhen, Require string
}

type paramItem struct {
	Name, Label, Ref, Description, Letter string
	Values                                []string
}

func (s *server) rulesPage(w http.ResponseWriter, r *http.Request) {
	lang := pageLang(r, nil)
	rs := s.engine.RuleSet()
	// The requirements state the parameters' values in force on a date: the letter's
	// effective date, or ?asOf=.
	asOf := rs.Effective
	if d, err := criteria.ParseDate(r.URL.Query().Get("asOf")); err == nil {
		asOf = d
	}
	summary := func(t criteria.Text) string {
		if out, err := rs.Render(t, asOf); err == nil {
			return words(lang, out)
		}
		return words(lang, t)
	}
	strength := map[criteria.Strength]criteria.Text{criteria.Mandatory: {Zh: "必须", En: "mandatory"}, criteria.Encouraged: {Zh: "鼓励", En: "encouraged"}}
	basis := map[criteria.Basis]criteria.Text{criteria.Data: {Zh: "数据", En: "data"}, criteria.Finding: {Zh: "评审意见", En: "reviewer's finding"}}
	groups := map[category.Category]*ruleGroup{}
	var order []category.Category
	for _, c := range rs.Criteria {
		g, ok := groups[c.Category]
		if !ok {
			label := tr(lang, "各类别通用", "Every category")
			if c.Category != "" {
				label = words(lang, nameOf(c.Category))
			}
			g = &ruleGroup{Label: label}
			groups[c.Category] = g
			order = append(order, c.Category)
		}
		g.Criteria = append(g.Criteria, ruleItem{ID: c.ID, Ref: c.Ref, Letter: c.Source, Summary: summary(c.Summary),
			Strength: words(lang, strength[c.Strength]), Basis: words(lang, basis[c.Basis]), AppliesWhen: c.AppliesWhen, Require: c.Require})
	}
	rv := &rulesView{Effective: rs.Effective.String(), AsOf: asOf.String()}
	for _, c := range order {
		rv.Groups = append(rv.Groups, *groups[c])
	}
	for _, p := range rs.Parameters {
		pi := paramItem{Name: p.Name, Label: words(lang, p.Label), Ref: p.Ref, Description: words(lang, p.Description)}
		if p.Letter.Type() != "" {
			pi.Letter = words(lang, p.Format(p.Letter))
		}
		for _, dv := range p.Values {
			line := words(lang, p.Format(dv.Value))
			if !dv.From.IsZero() {
				line = tr(lang, "自", "from ") + dv.From.String() + tr(lang, "起：", ": ") + line
			}
			if adj, ok := p.Adjustment(dv.Value); ok {
				line += tr(lang, "（", " (") + words(lang, adj) + tr(lang, "）", ")")
			}
			pi.Values = append(pi.Values, line)
		}
		rv.Parameters = append(rv.Parameters, pi)
	}
	pg := s.newPage(r, lang, "rules", criteria.Text{Zh: "入库标准", En: "The rules"})
	pg.Rules = rv
	render(w, http.StatusOK, "rules.html", pg)
}
