import { compareScores, type Score } from './score.ts';

/**
 * Max-heap of waiting search nodes by their bound (a missing bound counts as
 * unbounded), first pushed first among equals, which keeps the search
 * deterministic.
 */
export class BoundQueue<T extends { limit: Score | null }> {
  private items: { p: T; seq: number }[] = [];
  private seq = 0;
  private before(x: { p: T; seq: number }, y: { p: T; seq: number }) {
    const c = x.p.limit && y.p.limit ? compareScores(x.p.limit, y.p.limit) : x.p.limit ? -1 : y.p.limit ? 1 : 0;
    return c > 0 || (c === 0 && x.seq < y.seq);
  }
  get size() {
    return this.items.length;
  }
  push(p: T) {
    const a = this.items;
    a.push({ p, seq: this.seq++ });
    for (let i = a.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (!this.before(a[i], a[up])) break;
      [a[i], a[up]] = [a[up], a[i]];
      i = up;
    }
  }
  pop(): T {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        let c = 2 * i + 1;
        if (c >= a.length) break;
        if (c + 1 < a.length && this.before(a[c + 1], a[c])) c++;
        if (!this.before(a[c], a[i])) break;
        [a[i], a[c]] = [a[c], a[i]];
        i = c;
      }
    }
    return top.p;
  }
}

