/** Prints one line of benchmark output to stdout. */
export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}
