import { describe, expect, it } from "vitest";
import { formatNumber, formatRatio, markdownTable } from "./markdown.js";

describe("markdownTable", () => {
  it("pads cells and right-aligns numeric columns", () => {
    const table = markdownTable(
      ["operation", "p50 ms"],
      [
        ["case list", 12.5],
        ["fte", 3],
      ],
    );
    expect(table).toBe(
      ["| operation | p50 ms |", "| --------- | -----: |", "| case list |   12.5 |", "| fte       |      3 |"].join(
        "\n",
      ),
    );
  });

  it("right-aligns numbers formatted beforehand, such as latencies with two decimals", () => {
    const table = markdownTable(
      ["server", "p50 ms"],
      [
        ["floor", formatNumber(0.9134, 2)],
        ["gateway", formatNumber(1234.5, 1)],
        ["none", formatNumber(Number.NaN)],
      ],
    );
    expect(table.split("\n").slice(1)).toEqual([
      "| ------- | ------: |",
      "| floor   |    0.91 |",
      "| gateway | 1 234.5 |",
      "| none    |       – |",
    ]);
  });

  it("escapes pipes and line breaks and leaves empty cells empty", () => {
    const table = markdownTable(
      ["a", "b"],
      [
        ["x|y", null],
        ["two\nlines", "z"],
      ],
    );
    expect(table.split("\n")[2]).toBe("| x\\|y      |     |");
    expect(table.split("\n")[3]).toBe("| two lines | z   |");
  });

  it("renders a header-only table", () => {
    expect(markdownTable(["a"], [])).toBe("| a   |\n| --- |");
  });
});

describe("formatting", () => {
  it("groups thousands with a space and shows unknown values as a dash", () => {
    expect(formatNumber(1234567)).toBe("1 234 567");
    expect(formatNumber(1234.567, 1)).toBe("1 234.6");
    expect(formatNumber(-5)).toBe("−5");
    expect(formatNumber(Number.NaN)).toBe("–");
  });

  it("shows ratios with two decimals", () => {
    expect(formatRatio(1.234)).toBe("1.23×");
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe("–");
  });
});
