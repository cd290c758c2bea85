/** The last `size` ids seen, to drop repeats (the hub's and the typed client's); browser-safe, no imports. */
export class RecentIds {
  private readonly ids = new Set<string>();
  private readonly order: string[] = [];
  private head = 0;

  constructor(private readonly size: number) {}

  /** True the first time an id is seen (within the window); false for a repeat. */
  remember(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // A ring: the oldest id leaves when the window is full.
    if (this.order.length < this.size) this.order.push(id);
    else {
      this.ids.delete(this.order[this.head]!);
      this.order[this.head] = id;
      this.head = (this.head + 1) % this.size;
    }
    return true;
  }
}
