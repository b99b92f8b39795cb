// Package sheet carries the monthly intake round of 二.1 and 三.2 in spreadsheets:
// it writes the 项目表单 template (a workbook with one row per project), reads a
// filled workbook back into project records, and writes the verdicts, remedies,
// 问题清单 and 汇总 as a result workbook.
//
// The columns are generated from the record type, its JSON schema (titles and
// descriptions) and the rule set (one group of columns per finding criterion, the
// code lists in force), so a variant's facts appear in its template.
//
// A workbook row becomes a project record by way of its JSON form: each cell gives
// the JSON value at the column's path, and the record goes through the engine's
// strict decoding and validation (eligibility.Engine.DecodeProject). A record is
// thus valid in a workbook exactly when it is valid as JSON, and every problem is
// reported at once, mapped from its JSON path back to its sheet and cell, in
// Chinese and English.
//
// Blank and absent differ (三.2): an empty cell does not state the fact, while a
// cell holding 留空 states a form field left blank. Amounts are exact to the fen:
// a cell stored as a binary float is read from its stored text and refused when it
// is not exact; a 万元 column converts exactly.
//
// Reading is bounded: the bytes read (MaxWorkbookBytes), the unzipped size
// (MaxUnzippedBytes) and the rows of a sheet (MaxRows). Merged cells, hidden
// sheets and formulas are refused. The package does no other I/O than the reader
// and writer it is given, opens no files and never reads the clock.
package sheet

//go:generate cp ../schema/project.schema.json project.schema.json
