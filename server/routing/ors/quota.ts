/**
 * Client-side view of ORS's free quota per endpoint (40 a minute, 500 a day by default): waits
 * out the minute window, and refuses once the day is spent so callers fall back without calling.
 */
export class Quota {
  private recent: number[] = [];
  private day = '';
  private used = 0;
  private spentDay = '';

  constructor(
    private perMinute: number,
    private perDay: number,
    private now: () => number,
    private sleep: (ms: number) => Promise<void>,
  ) {}

  private today(): string {
    return new Date(this.now()).toISOString().slice(0, 10);
  }

  /** False once the daily allowance is used up (locally counted or reported by ORS). */
  available(): boolean {
    const d = this.today();
    if (d !== this.day) {
      this.day = d;
      this.used = 0;
    }
    return this.spentDay !== d && this.used < this.perDay;
  }

  /** Waits until a request fits the per-minute window, then counts it. */
  async take(): Promise<void> {
    for (;;) {
      const t = this.now();
      this.recent = this.recent.filter((x) => t - x < 60_000);
      if (this.recent.length < this.perMinute) break;
      await this.sleep(60_000 - (t - this.recent[0]) + 5);
    }
    this.recent.push(this.now());
    this.used++;
  }

  /** ORS said 403: no more requests until the next UTC day. */
  markSpent(): void {
    this.spentDay = this.today();
  }
}
