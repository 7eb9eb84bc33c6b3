/** Where results go: a table for people, or JSON (stdout only) for scripts; notes always go to stderr. */
export class Output {
  constructor(
    readonly json: boolean,
    private readonly stdout: Pick<NodeJS.WriteStream, 'write'> = process.stdout,
    private readonly stderr: Pick<NodeJS.WriteStream, 'write'> = process.stderr,
  ) {}

  /** The command's answer: `value` itself as JSON, or what `forPeople` makes of it. */
  result<T>(value: T, forPeople: (value: T) => string): void {
    this.stdout.write(`${this.json ? JSON.stringify(value, null, 2) : forPeople(value)}\n`);
  }

  /** A line for the person at the terminal (a warning, a hint), kept out of the JSON on stdout. */
  note(line: string): void {
    this.stderr.write(`${line}\n`);
  }
}
