/** One scheduled entry: `due` orders the heap. */
export interface HeapEntry {
  readonly due: number;
}

/** A binary min-heap on `due`. Equal keys leave in no particular order. */
export class MinHeap<T extends HeapEntry> {
  private readonly items: T[] = [];

  /** Entries held (stale ones included, for a lazily-deleting user). */
  get size(): number {
    return this.items.length;
  }

  /** The entry with the smallest `due`, without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  push(entry: T): void {
    const items = this.items;
    items.push(entry);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]!.due <= entry.due) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = entry;
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child = right < items.length && items[right]!.due < items[left]!.due ? right : left;
      if (items[child]!.due >= last.due) break;
      items[i] = items[child]!;
      i = child;
    }
    items[i] = last;
    return top;
  }

  clear(): void {
    this.items.length = 0;
  }
}
