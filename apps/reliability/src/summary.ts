/** One line of what a scenario did (counts, outages), printed with the test output for the record. */
export function summary(line: string): void {
  process.stdout.write(`${line}\n`);
}
