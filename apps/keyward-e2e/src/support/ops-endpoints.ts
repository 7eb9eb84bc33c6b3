import type { ChildProcess } from 'node:child_process';
import type { KeywardStack } from './keyward-stack';
import { parsePrometheusText, type Sample } from './prometheus-text';

/** The fields every service's JSON log line has, and those these tests look for. */
export interface LogLine {
  readonly level: string;
  readonly time: string;
  readonly service: string;
  readonly pid: number;
  readonly msg?: string;
  readonly correlationId?: string;
  readonly opsPort?: number;
}

/** Every non-empty line of `output`; throws naming the first one that is not a JSON object. */
export const jsonLines = (output: string): LogLine[] =>
  output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        throw new Error(`not a JSON log line: ${line.slice(0, 300)}`);
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`not a JSON object: ${line.slice(0, 300)}`);
      return parsed as LogLine;
    });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Where a NATS-only service serves /metrics and /health: the port it logged at start (it was given 0). */
export const opsUrlOf = async (stack: KeywardStack, child: ChildProcess, timeoutMs = 20_000): Promise<string> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const complete = stack.logsOf(child).slice(0, stack.logsOf(child).lastIndexOf('\n') + 1);
    const port = jsonLines(complete).find((line) => typeof line.opsPort === 'number')?.opsPort;
    if (port) return `http://127.0.0.1:${port}`;
    await sleep(100);
  }
  throw new Error(`no ops port logged within ${timeoutMs} ms:\n${stack.logsOf(child).slice(-2_000)}`);
};

/** One scrape of `/metrics`, parsed (which fails on anything that is not Prometheus text). */
export class Scrape {
  private constructor(private readonly samples: readonly Sample[]) {}

  static async of(baseUrl: string): Promise<Scrape> {
    const response = await fetch(`${baseUrl}/metrics`);
    if (response.status !== 200) throw new Error(`${baseUrl}/metrics answered ${response.status}`);
    if (!response.headers.get('content-type')?.startsWith('text/plain')) throw new Error(`${baseUrl}/metrics is ${response.headers.get('content-type')}`);
    return new Scrape(parsePrometheusText(await response.text()));
  }

  has(name: string): boolean {
    return this.samples.some((s) => s.name === name);
  }

  /** The value of the sample with these labels (among others); 0 when absent, as Prometheus reads a counter not yet seen. */
  value(name: string, labels: Readonly<Record<string, string>> = {}): number {
    return this.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value ?? 0;
  }

  /** A histogram's observation count for these labels. */
  count(name: string, labels: Readonly<Record<string, string>> = {}): number {
    return this.value(`${name}_count`, labels);
  }
}
