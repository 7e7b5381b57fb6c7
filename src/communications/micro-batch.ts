/**
 * Gathers calls made within a few milliseconds into one batch: each caller awaits its own
 * result, the batch runs once. Used for the per-delivery statements of a fan-out, where a
 * round trip per delivery, not the work, would be the limit.
 */
export class MicroBatch<In, Out> {
  private pending: { input: In; resolve: (o: Out) => void; reject: (e: unknown) => void }[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly waitMs = 5,
    private readonly maxSize = 500,
  ) {}

  add(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.waitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.run(batch.map((b) => b.input)).then(
      (outputs) => batch.forEach((b, i) => b.resolve(outputs[i])),
      (err: unknown) => batch.forEach((b) => b.reject(err)),
    );
  }
}
