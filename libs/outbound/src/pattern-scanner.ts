/** A stretch of text to replace: `[start, end)` in UTF-16 code units. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ScanResult {
  /** Every stretch some pattern covers, overlapping matches merged into one, in order. */
  readonly spans: readonly Span[];
  /** Moves of the automaton (each character's step plus fallbacks): at most twice the text's length, whatever the patterns. */
  readonly steps: number;
}

/**
 * Aho–Corasick over UTF-16 code units: every occurrence of any of many patterns, found in one pass
 * over the text, so the work is linear in the text however many patterns there are (a split/join
 * or a regex alternation per pattern costs the text's length once per pattern). No npm package of
 * it is kept well enough to depend on, and it is fifty lines. Transitions live in one map keyed
 * by state and code unit, so a large automaton is one object, not one per state.
 */
export class PatternScanner {
  private readonly edges = new Map<number, number>();
  /** The state of the longest proper suffix of a state's string that is also in the trie. */
  private readonly fallback: number[] = [0];
  /** The length of the longest pattern ending at a state (its own, or one by its fallbacks); 0 for none. */
  private readonly longest: number[] = [0];

  constructor(patterns: readonly string[]) {
    for (const pattern of patterns) {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const key = this.key(state, pattern.charCodeAt(i));
        let next = this.edges.get(key);
        if (next === undefined) {
          next = this.longest.length;
          this.longest.push(0);
          this.fallback.push(0);
          this.edges.set(key, next);
        }
        state = next;
      }
      if (pattern.length > 0) this.longest[state] = pattern.length;
    }
    this.link();
  }

  private key(state: number, code: number): number {
    return state * 0x10000 + code;
  }

  /** Fallbacks breadth first (a state's is shallower, so known first); a state inherits the longest pattern its fallback ends. */
  private link(): void {
    const children = new Map<number, [number, number][]>();
    for (const [key, to] of this.edges) {
      const from = Math.floor(key / 0x10000);
      const list = children.get(from) ?? [];
      list.push([key % 0x10000, to]);
      children.set(from, list);
    }
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [code, child] of children.get(state) ?? []) {
        queue.push(child);
        if (state === 0) continue;
        let back = this.fallback[state];
        while (back !== 0 && !this.edges.has(this.key(back, code))) back = this.fallback[back];
        this.fallback[child] = this.edges.get(this.key(back, code)) ?? 0;
        this.longest[child] ||= this.longest[this.fallback[child]];
      }
    }
  }

  /** One pass: at each position the longest pattern ending there (any shorter one ending there lies inside it), merged where they overlap. */
  scan(text: string): ScanResult {
    const spans: { start: number; end: number }[] = [];
    let state = 0;
    let steps = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let next = this.edges.get(this.key(state, code));
      while (next === undefined && state !== 0) {
        state = this.fallback[state];
        steps++;
        next = this.edges.get(this.key(state, code));
      }
      state = next ?? 0;
      steps++;
      const length = this.longest[state];
      if (length === 0) continue;
      let start = i + 1 - length;
      // A match may reach back over earlier spans: it swallows those it overlaps (each span is swallowed once).
      for (let last = spans.at(-1); last !== undefined && start < last.end; last = spans.at(-1)) {
        start = Math.min(start, last.start);
        spans.pop();
      }
      spans.push({ start, end: i + 1 });
    }
    return { spans, steps };
  }
}
