import type { Cell } from "../report-document.js";
import { type StructParent, tagged } from "./pdf-document.js";
import { ensureSpace, fonts, heading } from "./pdf-table.js";

export interface BarChart {
  title: string;
  subtitle: string;
  bars: { label: string; value: Cell }[];
  /** The figure's text alternative: what the bars say, for those who cannot see them. */
  alt: string;
}

/**
 * A bar chart drawn with pdfkit primitives. A hidden count gets no bar, only its label ("<5" or "x")
 * at the baseline: a bar of any height would say something about the value. Tagged as a heading and
 * a `Figure` with its text alternative.
 */
export function drawBarChart(doc: PDFKit.PDFDocument, parent: StructParent, chart: BarChart): void {
  const height = 180;
  ensureSpace(doc, height + 70);
  heading(doc, parent, chart.title, chart.subtitle, height + 30);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.y + 10;
  tagged(
    doc,
    parent,
    "Figure",
    () => {
      draw(doc, chart, { left, width, top, height });
    },
    {
      alt: chart.alt,
      bbox: [left, top - 5, left + width, top + height + 18],
    },
  );
  doc.x = left;
  doc.y = top + height + 18;
}

function draw(
  doc: PDFKit.PDFDocument,
  chart: BarChart,
  { left, width, top, height }: { left: number; width: number; top: number; height: number },
): void {
  const axisX = left + 24;
  const plotWidth = width - 28;
  const baseline = top + height;
  const known = chart.bars.map((b) => (typeof b.value === "number" ? b.value : 0));
  const max = Math.max(1, ...known);
  const step = niceStep(max);
  const scaleMax = Math.ceil(max / step) * step;

  doc.lineWidth(0.5).strokeColor("#888888");
  for (let v = 0; v <= scaleMax; v += step) {
    const y = baseline - (v / scaleMax) * height;
    doc
      .moveTo(axisX, y)
      .lineTo(axisX + plotWidth, y)
      .strokeColor(v === 0 ? "#000000" : "#dddddd")
      .stroke();
    doc
      .font(fonts.regular)
      .fontSize(7)
      .fillColor("#444444")
      .text(String(v), left, y - 3, { width: 20, align: "right", lineBreak: false });
  }
  const slot = plotWidth / Math.max(1, chart.bars.length);
  const barWidth = Math.max(2, slot * 0.7);
  const labelEvery = Math.ceil(chart.bars.length / 16);
  chart.bars.forEach((bar, i) => {
    const x = axisX + i * slot + (slot - barWidth) / 2;
    if (typeof bar.value === "number") {
      const h = (bar.value / scaleMax) * height;
      if (h > 0) doc.rect(x, baseline - h, barWidth, h).fill("#2f5d8a");
      doc
        .font(fonts.regular)
        .fontSize(7)
        .fillColor("#000000")
        .text(String(bar.value), x - 4, baseline - h - 9, { width: barWidth + 8, align: "center", lineBreak: false });
    } else {
      doc
        .font(fonts.bold)
        .fontSize(7)
        .fillColor("#aa3300")
        .text(bar.value, x - 4, baseline - 9, { width: barWidth + 8, align: "center", lineBreak: false });
    }
    if (i % labelEvery === 0) {
      doc
        .font(fonts.regular)
        .fontSize(6)
        .fillColor("#000000")
        .text(bar.label, x - 10, baseline + 3, { width: barWidth + 20, align: "center", lineBreak: false });
    }
  });
  doc.fillColor("#000000").strokeColor("#000000");
}

/** A round step for the axis: 1, 2 or 5 times a power of ten, giving at most about six lines. */
function niceStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}
