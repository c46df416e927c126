// The harness answers each call id once. The page tries a call again when a request got no answer
// (retry.ts), but the request may have reached the handlers before its connection failed: the
// second try then gets the first try's answer (waiting for it if it is still running) instead of
// running the handler again, so a person is never added twice because a connection dropped.

/** How many recent answers are kept: far more than the page can have waiting at once. */
const KEPT = 500;

export class Answers<T> {
  private readonly byId = new Map<string, Promise<T>>();

  /** The answer for `id`: run now if the id is new, else the one already given (or on its way). */
  once(id: string | undefined, run: () => Promise<T>): Promise<T> {
    if (!id) return run();
    const known = this.byId.get(id);
    if (known) return known;
    const answer = run();
    this.byId.set(id, answer);
    // Oldest first out: a Map keeps insertion order.
    if (this.byId.size > KEPT) this.byId.delete(this.byId.keys().next().value!);
    return answer;
  }
}
