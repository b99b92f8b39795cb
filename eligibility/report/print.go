package report

// printed is what the printed page adds to the report for the official who signs it:
// the running header and page numbers of every A4 page, and the signature block. The
// running texts go into the stylesheet's @page margin boxes (Chromium prints them
// from version 131), so they are in the page itself, not left to the browser's own
// print headers, which show a URL and the date of printing.
type printed struct {
	// Running is the header of every page after the first: the title and project ID.
	Running string
	// PageBefore, PageMiddle and PageAfter surround the page number and the page
	// count: "第 " 1 " 页，共 " 3 " 页".
	PageBefore, PageMiddle, PageAfter string
	Signature                         signature
}

// signature is the block an official fills in by hand: the review opinion, who
// reviewed and who checked it, the dates and the unit's seal.
type signature struct {
	Title, Opinion, Reviewer, Checker, Date, Seal string
}

func printedFor(l Lang, title, projectID string) printed {
	if l == English {
		return printed{
			Running:    title + " · " + projectID,
			PageBefore: "Page ", PageMiddle: " of ", PageAfter: "",
			Signature: signature{Title: "Review and signature", Opinion: "Reviewer's opinion",
				Reviewer: "Reviewed by (signature)", Checker: "Checked by (signature)", Date: "Date", Seal: "Reviewing unit (seal)"},
		}
	}
	return printed{
		Running:    title + " · " + projectID,
		PageBefore: "第 ", PageMiddle: " 页，共 ", PageAfter: " 页",
		Signature: signature{Title: "审查与签字", Opinion: "审查意见",
			Reviewer: "审查人（签字）", Checker: "复核人（签字）", Date: "日期", Seal: "审查单位（盖章）"},
	}
}
