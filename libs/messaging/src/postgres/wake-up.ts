import { Client, type ClientConfig } from 'pg';

/** LISTEN/NOTIFY wake-up (after commit), backed by a poll timer: a lost connection only delays. */
export class WakeUp {
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Set<{ topic: string; wake: () => void }>();
  private client: Client | undefined;
  private closed = false;
  private connecting: Promise<void> | undefined;
  private readonly dropped = new WeakSet<Client>();

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
  ) {}

  /** Version counter of a topic: read it before a fetch, pass it to wait() to avoid a lost wake-up. */
  version(topic: string): number {
    return this.versions.get(topic) ?? 0;
  }

  async start(): Promise<void> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client(this.config);
    client.on('notification', (n) => n.payload && this.notify(n.payload));
    client.on('error', () => this.reconnect(client));
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      this.client = client;
      this.notifyAll(); // anything published while we were not listening
    } catch {
      this.reconnect(client);
    }
  }

  private reconnect(client: Client): void {
    if (this.dropped.has(client)) return;
    this.dropped.add(client);
    if (this.client === client) this.client = undefined;
    client.end().catch(() => undefined);
    if (this.closed) return;
    setTimeout(() => {
      this.connecting = this.connect();
    }, 500).unref();
  }

  notify(topic: string): void {
    this.versions.set(topic, this.version(topic) + 1);
    for (const w of this.waiters) if (w.topic === topic) w.wake();
  }

  private notifyAll(): void {
    for (const w of this.waiters) w.wake();
  }

  /** Resolves on a notification for `topic` newer than `seen`, on timeout, or on abort. */
  wait(topic: string, seen: number, timeoutMs: number, abort: AbortSignal): Promise<void> {
    if (this.version(topic) !== seen || abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { topic, wake: () => done() };
      const timer = setTimeout(() => done(), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        abort.removeEventListener('abort', done);
        resolve();
      };
      abort.addEventListener('abort', done);
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.notifyAll();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
