import writeXlsxFile, { type Cell, type Sheet } from "write-excel-file/node";
import type { ReportDocument } from "../report-document.js";
import { csvTables } from "./csv.js";

export const xlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A field as a spreadsheet cell: a number stays a number (no decimal-comma text), an empty field no cell. */
const cellOf = (field: string | number | null, header: boolean): Cell => {
  if (field === null) return null;
  const style = header ? { fontWeight: "bold" as const } : {};
  return typeof field === "number"
    ? { value: field, type: Number, ...style }
    : { value: field, type: String, ...style };
};

/**
 * The report as one workbook: a sheet per CSV file, in the same order with the same columns (the
 * sheet named as the file without `.csv`), so the two formats say the same. Counts are numbers; a
 * hidden cell is empty and its mark (`<5` or `x`) stands in the `_suppressed` column beside it.
 */
export async function renderXlsx(document: ReportDocument): Promise<Buffer> {
  const sheets: Sheet<Buffer>[] = csvTables(document).map((file) => ({
    sheet: file.name.replace(/\.csv$/, ""),
    data: file.lines.map((line, i) => line.map((field) => cellOf(field, i === 0))),
    stickyRowsCount: 1,
  }));
  return writeXlsxFile(sheets).toBuffer();
}
