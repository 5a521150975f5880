/**
 * Two node-indexed Int32 arrays lent to one search at a time: an engine's isochrone tree search
 * (parents and keys) and its many-to-many (slots and buckets) never run at once on a thread, so
 * they share them instead of holding 32 MB each on a 4 M-node graph. A holder hands them back
 * filled with -1 where it wrote, so whoever takes them next finds them all -1.
 */
export class SearchScratch {
  readonly a: Int32Array;
  readonly b: Int32Array;
  private holder?: ScratchHolder;

  constructor(nodeCount: number) {
    this.a = new Int32Array(nodeCount).fill(-1);
    this.b = new Int32Array(nodeCount).fill(-1);
  }

  /** Lends the arrays to `holder`, after the previous holder has put them back. */
  take(holder: ScratchHolder): void {
    if (this.holder === holder) return;
    this.holder?.release();
    this.holder = holder;
  }
}

/** A search that borrows a {@link SearchScratch}. */
export interface ScratchHolder {
  /** Writes -1 back wherever it wrote in the scratch arrays. */
  release(): void;
}
