/** Scheduling of group commit and group read: at most `lanes` groups in flight, later ones join the next. */
export abstract class Batcher<Waiter> {
  protected readonly queue: Waiter[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(private readonly lanes: number) {}

  protected abstract take(): Waiter[];
  /** Sends a group and settles each of its waiters; never rejects. */
  protected abstract settle(group: Waiter[]): Promise<void>;

  protected enqueue(waiter: Waiter): void {
    this.queue.push(waiter);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.lanes || this.queue.length === 0) return;
    this.scheduled = true;
    // One macrotask later: requests issued in the same tick join the group.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.lanes && this.queue.length > 0) {
      const group = this.take();
      this.inFlight++;
      void this.settle(group).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }
}
