/** One sample of the Prometheus text exposition format (version 0.0.4). */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\["\\n])*)"(?:,|$)/;
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const HELP = new RegExp(`^# HELP (${NAME}) `);
/** As Go's ParseFloat, which Prometheus uses: `Inf` and `NaN` in any case. */
const VALUE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|[+-]?inf|nan)$/i;
const SUFFIXES: Readonly<Record<string, readonly string[]>> = { histogram: ['_bucket', '_sum', '_count'], summary: ['', '_sum', '_count'] };

const parseLabels = (text: string, line: string): Record<string, string> => {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest !== '') {
    const m = LABEL.exec(rest);
    if (!m) throw new Error(`bad labels in: ${line}`);
    labels[m[1]] = m[2].replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    rest = rest.slice(m[0].length);
  }
  return labels;
};

/**
 * Parses and checks exposition text strictly: every line is a HELP, a TYPE, a comment or a sample
 * of a family whose TYPE came first, with the suffixes its type allows. The only npm parser
 * (`parse-prometheus-text-format`) merges a labelled histogram's series into one, losing the
 * labels these tests read, hence this.
 */
export const parsePrometheusText = (text: string): Sample[] => {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || (line.startsWith('#') && !line.startsWith('# TYPE') && !line.startsWith('# HELP'))) continue;
    const type = TYPE.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    if (HELP.test(line)) continue;
    const m = SAMPLE.exec(line);
    if (!m || !VALUE.test(m[3])) throw new Error(`not a sample line: ${line}`);
    const [, name, labelText, value] = m;
    const family = [...types.keys()].find((f) => (SUFFIXES[types.get(f) ?? ''] ?? ['']).some((suffix) => `${f}${suffix}` === name));
    if (!family) throw new Error(`a sample before its TYPE line: ${line}`);
    const labels = parseLabels(labelText ?? '', line);
    if (name === `${family}_bucket` && labels.le === undefined) throw new Error(`a bucket without "le": ${line}`);
    samples.push({ name, labels, value: /nan/i.test(value) ? Number.NaN : Number(value.replace(/inf/i, 'Infinity')) });
  }
  return samples;
};
