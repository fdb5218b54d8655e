/**
 * A growable list of document slots in one Int32Array, reused from query to query: at a million
 * documents a query can touch hundreds of thousands, and a fresh JS array per query is garbage
 * the collector then has to chase.
 */
export class SlotList {
  items = new Int32Array(1024);
  length = 0;

  push(slot: number): void {
    if (this.length === this.items.length) {
      const items = new Int32Array(this.items.length * 2);
      items.set(this.items);
      this.items = items;
    }
    this.items[this.length++] = slot;
  }

  /** The slots held, as a view (valid until the next push). */
  view(): Int32Array {
    return this.items.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}
