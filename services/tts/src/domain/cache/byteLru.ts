/** Limits of a {@link ByteLru}. */
export interface ByteLruOptions<V> {
  /** Total size of all entries; the least recently used go first when it is exceeded. */
  readonly maxBytes: number;
  /** A larger entry is never stored (it would evict everything for one phrase). */
  readonly maxEntryBytes: number;
  readonly sizeOf: (value: V) => number;
}

/** What {@link ByteLru.set} did. */
export interface StoreOutcome {
  readonly stored: boolean;
  /** Keys evicted to make room, least recently used first. */
  readonly evicted: readonly string[];
}

/**
 * A least-recently-used map bounded by the total size of its values, not by
 * their count: a cache of synthesised audio, where one long phrase weighs as
 * much as a hundred short ones. Pure: no clocks, no I/O.
 */
export class ByteLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(private readonly options: ByteLruOptions<V>) {}

  /** Bytes held. */
  get bytes(): number {
    return this.total;
  }

  /** Entries held. */
  get size(): number {
    return this.entries.size;
  }

  /** The value, marking it most recently used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** True when the key is held (does not change recency). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Stores a value as most recently used, evicting the least recently used until it fits. */
  set(key: string, value: V): StoreOutcome {
    const bytes = this.options.sizeOf(value);
    if (bytes > this.options.maxEntryBytes || bytes > this.options.maxBytes) {
      return { stored: false, evicted: [] };
    }
    this.delete(key);
    const evicted: string[] = [];
    for (const [oldest, entry] of this.entries) {
      if (this.total + bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
      evicted.push(oldest);
    }
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    return { stored: true, evicted };
  }

  /** Removes a key; true when it was held. */
  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.bytes;
    return true;
  }
}
