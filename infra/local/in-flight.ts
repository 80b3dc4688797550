/** Work in progress that a clean stop waits for (requests being handled). */
export class InFlight {
  private readonly pending = new Set<Promise<unknown>>();

  track<T>(work: T | Promise<T>): Promise<T> {
    const promise = Promise.resolve(work);
    this.pending.add(promise);
    const forget = () => this.pending.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** Resolves once everything tracked so far has settled. */
  async drained(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}
