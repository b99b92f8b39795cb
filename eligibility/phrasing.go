package eligibility

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jilin761/intake/criteria"
)

// A criterion's requirement and message state thresholds, dates and lists through
// placeholders (see criteria.RuleSet.Render), so that what a verdict says is true
// under the rule set in force. The engine renders them when it is built, once per
// epoch (a span of dates in which no parameter changes), and, for the few criteria
// whose words name the evaluation year ({endOfYear(asOf)}), once per epoch and year,
// on first use. An evaluation then only picks its set of words.

// phrasing is one criterion's words in one epoch (and year).
type phrasing struct {
	summary, message, pass, na criteria.Text
	// undetermined is the message for an unknown of one missing fact or finding, by
	// its ID, for each one the criterion reads: the common case, written once.
	undetermined map[int64]criteria.Text
	// adjustments say how the parameters the criterion reads differ from the
	// letter's values.
	adjustments []criteria.Text
}

// textSet is the words of every criterion for one epoch (and year), and a verdict's
// results before evaluation: every criterion not applicable, copied into each
// verdict in one piece.
type textSet struct {
	texts    []phrasing
	template []Result
	// words are each criterion's words JSON-escaped, for Engine.AppendVerdict, and
	// paramsJSON the parameters params in force, as a verdict's JSON lists them.
	words      []resultWords
	params     []ParameterValue
	paramsJSON []byte
	// english recycles the buffer an explanation's English is written into while
	// its Chinese goes into the output (*[]byte).
	english sync.Pool
}

// yearTexts caches an epoch's text sets by evaluation year. Reads are one atomic
// load and a map lookup, so parallel evaluations do not contend; a new year copies
// the map under the lock.
type yearTexts struct {
	mu    sync.Mutex
	years atomic.Pointer[map[int]*textSet]
}

// maxCachedYears bounds each epoch's cache: a caller sweeping evaluation dates over
// centuries gets correct words, rendered on each call beyond the bound.
const maxCachedYears = 64

// phrase renders every criterion's words with the values of epoch ep, on the
// evaluation date asOf (which only {endOfYear(asOf)} reads).
func (e *Engine) phrase(ep *epoch, asOf criteria.Date) *textSet {
	ts := &textSet{texts: make([]phrasing, len(e.criteria)), template: make([]Result, len(e.criteria)),
		words: make([]resultWords, len(e.criteria)), params: ep.used, paramsJSON: paramsWords(ep)}
	for i := range e.criteria {
		ts.texts[i] = e.phraseOne(&e.criteria[i], ep, asOf)
		ts.template[i] = e.templateResult(i, &ts.texts[i])
		ts.words[i] = e.newResultWords(i, &ts.template[i], &ts.texts[i], ep)
	}
	return ts
}

func (e *Engine) templateResult(i int, tx *phrasing) Result {
	c := &e.criteria[i]
	return Result{ID: c.ID, Ref: c.Ref, Strength: c.Strength, Basis: c.Basis, Requirement: tx.summary,
		Outcome: NotApplicable, Message: tx.na}
}

func (e *Engine) phraseOne(c *compiled, ep *epoch, asOf criteria.Date) phrasing {
	render := func(t criteria.Text) criteria.Text {
		if len(ep.missing) > 0 {
			return t // evaluation in this epoch fails with ErrNoParameterValue
		}
		out, err := e.rules.Render(t, asOf)
		if err != nil {
			return t // Validate has checked every placeholder; unreachable
		}
		return out
	}
	tx := phrasing{summary: render(c.Summary), message: render(c.Message)}
	tx.pass = criteria.Text{Zh: "符合：" + tx.summary.Zh, En: "met: " + tx.summary.En}
	tx.na = criteria.Text{Zh: "不适用：" + tx.summary.Zh, En: "not applicable: " + tx.summary.En}
	tx.undetermined = e.undeterminedMessages(c, &tx)
	for _, name := range c.wordParams() {
		i := slices.IndexFunc(e.rules.Parameters, func(p criteria.Parameter) bool { return p.Name == name })
		if i < 0 {
			continue
		}
		p := &e.rules.Parameters[i]
		dv, ok := p.ValueAt(ep.from)
		if !ok {
			continue
		}
		if adj, ok := p.Adjustment(dv.Value); ok {
			tx.adjustments = append(tx.adjustments, adj)
		}
	}
	return tx
}

// wordParams are the parameters that decide c or that its words state, each once.
func (c *compiled) wordParams() []string {
	names := slices.Clone(c.reads.params)
	for _, p := range c.textParams {
		if !slices.Contains(names, p) {
			names = append(names, p)
		}
	}
	return names
}

// textsAt returns the words for an evaluation on asOf in epoch epi.
func (e *Engine) textsAt(epi int, asOf Date) *textSet {
	if len(e.dated) == 0 {
		return e.phrased[epi]
	}
	yt := &e.byYear[epi]
	if m := yt.years.Load(); m != nil {
		if ts, ok := (*m)[asOf.Year]; ok {
			return ts
		}
	}
	ts := e.phraseYear(epi, asOf)
	yt.mu.Lock()
	defer yt.mu.Unlock()
	old := yt.years.Load()
	if old != nil {
		if cached, ok := (*old)[asOf.Year]; ok {
			return cached
		}
		if len(*old) >= maxCachedYears {
			return ts
		}
	}
	m := make(map[int]*textSet, 1)
	if old != nil {
		for y, s := range *old {
			m[y] = s
		}
	}
	m[asOf.Year] = ts
	yt.years.Store(&m)
	return ts
}

// phraseYear copies epoch epi's words and renders again those of the criteria that
// name the evaluation year.
func (e *Engine) phraseYear(epi int, asOf Date) *textSet {
	base := e.phrased[epi]
	ts := &textSet{texts: slices.Clone(base.texts), template: slices.Clone(base.template), words: slices.Clone(base.words),
		params: base.params, paramsJSON: base.paramsJSON}
	for _, i := range e.dated {
		ts.texts[i] = e.phraseOne(&e.criteria[i], &e.epochs[epi], asOf)
		ts.template[i] = e.templateResult(i, &ts.texts[i])
		ts.words[i] = e.newResultWords(i, &ts.template[i], &ts.texts[i], &e.epochs[epi])
	}
	return ts
}

// checkTexts reads each criterion's summary and message (both languages) and refuses
// a number written as literal text: a threshold, date or count in the words must come
// from a placeholder, or a rule set that changes the parameter would state the old
// value. A number the criterion's own expressions write (the 0 of 0 ≤ completed) is
// its own and may be named. Clause references (一(一)4, 三.2, condition 1) and names
// with digits (5G, IPv6) are not numbers.
func (e *Engine) checkTexts(problems *criteria.Problems) {
	for i := range e.criteria {
		c := &e.criteria[i]
		path := criteria.Path(i, c.ID)
		own := map[string]bool{}
		for _, n := range exprNumber.FindAllString(c.AppliesWhen+" "+c.Require, -1) {
			own[n] = true
		}
		for _, f := range []struct{ field, text string }{
			{"summary.zh", c.Summary.Zh}, {"summary.en", c.Summary.En},
			{"message.zh", c.Message.Zh}, {"message.en", c.Message.En},
		} {
			refs, err := criteria.ParseTemplateRefs(f.text)
			if err != nil {
				continue // reported by Validate
			}
			for _, p := range refs.Params {
				if !slices.Contains(c.textParams, p) {
					c.textParams = append(c.textParams, p)
				}
			}
			c.datedText = c.datedText || refs.AsOf
			var named []string
			for _, n := range literalNumbers(criteria.Literal(f.text), c.Ref) {
				if !own[strings.ReplaceAll(strings.TrimRight(n, "万亿元%％年"), ",", "")] {
					named = append(named, strconv.Quote(n))
				}
			}
			if len(named) > 0 {
				problems.Add(path+"."+f.field, "names %s as literal text: state a threshold, date, count or list "+
					"through a placeholder of the parameter that holds it (%s), so the words follow the rule set in force",
					strings.Join(named, ", "), placeholderHint(c.reads.params))
			}
		}
	}
}

func placeholderHint(params []string) string {
	if len(params) == 0 {
		return "this criterion reads none: add one, or write {endOfYear(asOf)} for the end of the evaluation year"
	}
	hints := make([]string, len(params))
	for i, p := range params {
		hints[i] = "{" + p + "}"
	}
	return "this criterion reads " + strings.Join(hints, ", ")
}

var (
	// exprNumber finds the numeric literals of an expression.
	exprNumber = regexp.MustCompile(`\d+(?:\.\d+)?`)
	// clauseRef matches the letter's clause numbering: 一(一)4, 一(二)申报条件1, 三.2,
	// 一(三), and "condition 1" in English.
	clauseRef = regexp.MustCompile(`[一二三四五六七八九十]+(?:[(（][一二三四五六七八九十]+[)）](?:申报条件)?\d*|\.\d+)|(?i:condition)\s+\d+`)
	// digits is a number in ASCII digits, with thousands separators and decimals;
	// the letters around it are checked separately (5G, IPv6 are names).
	digits = regexp.MustCompile(`\d[\d,]*(?:\.\d+)?(?:万元|亿元|元|%|％|年)?`)
	// chineseNumber is a number in Chinese numerals with a unit of time, money or
	// share (三年, 五百万元, 五成); 一 alone is too common a word to count.
	chineseNumber = regexp.MustCompile(`[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:年|个月|万元|亿元|元|%|％|个百分点|成|倍)`)
	// englishNumber is a number in English words with such a unit.
	englishNumber = regexp.MustCompile(`(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\s+(?:years?|months?|percent|per\s+cent|million|thousand|hundred)\b`)
)

// literalNumbers lists the numbers in literal text.
func literalNumbers(text, ref string) []string {
	if ref != "" {
		text = strings.ReplaceAll(text, ref, " ")
	}
	text = clauseRef.ReplaceAllString(text, " ")
	var out []string
	for _, loc := range digits.FindAllStringIndex(text, -1) {
		if loc[0] > 0 && isASCIILetter(text[loc[0]-1]) || loc[1] < len(text) && isASCIILetter(text[loc[1]]) {
			continue // part of a name: 5G, IPv6
		}
		out = append(out, strings.TrimRight(text[loc[0]:loc[1]], ","))
	}
	out = append(out, chineseNumber.FindAllString(text, -1)...)
	out = append(out, englishNumber.FindAllString(text, -1)...)
	return out
}

func isASCIILetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }
