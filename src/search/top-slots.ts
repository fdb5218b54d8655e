export interface ScoredSlot {
  slot: number;
  score: number;
}

/**
 * The `limit` highest-scoring slots that pass `accept`, best first, via a small min-heap. Equal
 * scores go to the lower slot (the document indexed first), whatever order the slots come in.
 */
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
    if (heap.length === limit && !outranks(score, slot, heap[0]!)) continue;
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

/** Whether a slot with this score ranks above `other`: a higher score, or the same and a lower slot. */
function outranks(score: number, slot: number, other: ScoredSlot): boolean {
  return score > other.score || (score === other.score && slot < other.slot);
}

function siftUp(heap: ScoredSlot[], index: number): void {
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (!outranks(heap[parent]!.score, heap[parent]!.slot, heap[index]!)) return;
    [heap[parent], heap[index]] = [heap[index]!, heap[parent]!];
    index = parent;
  }
}

function siftDown(heap: ScoredSlot[], index: number): void {
  for (;;) {
    const left = index * 2 + 1;
    const right = left + 1;
    let smallest = index;
    if (left < heap.length && outranks(heap[smallest]!.score, heap[smallest]!.slot, heap[left]!)) smallest = left;
    if (right < heap.length && outranks(heap[smallest]!.score, heap[smallest]!.slot, heap[right]!)) smallest = right;
    if (smallest === index) return;
    [heap[smallest], heap[index]] = [heap[index]!, heap[smallest]!];
    index = smallest;
  }
}

/** kthBestScore's heap, reused: it runs several times per lookup, over thousands of slots. */
let scoreHeap = new Float64Array(64);

/**
 * The `limit`-th highest score among `slots` that pass `accept`, or -Infinity when fewer pass:
 * the bar of `selectBest`, found with a min-heap of bare scores, so no hit object is made.
 */
export function kthBestScore(
  slots: ArrayLike<number>,
  scores: Float64Array,
  limit: number,
  accept: (slot: number) => boolean,
): number {
  if (limit <= 0) return -Infinity;
  if (scoreHeap.length < limit) scoreHeap = new Float64Array(limit * 2);
  const heap = scoreHeap;
  let size = 0;
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    const score = scores[slot]!;
    if (size === limit && score <= heap[0]!) continue;
    if (!accept(slot)) continue;
    if (size < limit) {
      // Sift up.
      let index = size++;
      while (index > 0) {
        const parent = (index - 1) >> 1;
        if (heap[parent]! <= score) break;
        heap[index] = heap[parent]!;
        index = parent;
      }
      heap[index] = score;
    } else {
      // Replace the smallest, sift down.
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        if (left >= size) break;
        const right = left + 1;
        const child = right < size && heap[right]! < heap[left]! ? right : left;
        if (heap[child]! >= score) break;
        heap[index] = heap[child]!;
        index = child;
      }
      heap[index] = score;
    }
  }
  return size === limit ? heap[0]! : -Infinity;
}
