export interface ScoredSlot {
  slot: number;
  score: number;
}

/** The `limit` highest-scoring slots that pass `accept`, best first, via a small min-heap. */
export function selectBest(
  slots: ArrayLike<number>,
  scores: Float64Array,
  limit: number,
  accept: (slot: number) => boolean,
): ScoredSlot[] {
  const heap: ScoredSlot[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const score = scores[slot]!;
    if (heap.length === limit && score <= heap[0]!.score) continue;
    if (!accept(slot)) continue;
    if (heap.length < limit) {
      heap.push({ slot, score });
      siftUp(heap, heap.length - 1);
    } else {
      heap[0] = { slot, score };
      siftDown(heap, 0);
    }
  }
  return heap.sort((a, b) => b.score - a.score || a.slot - b.slot);
}

function siftUp(heap: ScoredSlot[], index: number): void {
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (heap[parent]!.score <= heap[index]!.score) return;
    [heap[parent], heap[index]] = [heap[index]!, heap[parent]!];
    index = parent;
  }
}

function siftDown(heap: ScoredSlot[], index: number): void {
  for (;;) {
    const left = index * 2 + 1;
    const right = left + 1;
    let smallest = index;
    if (left < heap.length && heap[left]!.score < heap[smallest]!.score) smallest = left;
    if (right < heap.length && heap[right]!.score < heap[smallest]!.score) smallest = right;
    if (smallest === index) return;
    [heap[smallest], heap[index]] = [heap[index]!, heap[smallest]!];
    index = smallest;
  }
}
