// How the harness's page talks to the handlers when the machine is busy. Each API call is an HTTP
// request over loopback; on a loaded machine one can fail outright (the harness process busy for a
// moment, a connection dropped) while the app itself is fine. Such a call is tried again with
// growing waits while "Still working…" shows, and given up only after a while, with words that
// say what to do: a slow moment is never a dead end. Each try of a call carries the same call id
// and the harness answers an id once (answers.ts), so a write tried again is never done twice.
//
// This file is sent to the browser (shim.ts compiles it): no imports, no Node, no DOM. What it
// needs from the page (the clock, the request, the "Still working…" notice) is passed in, which
// is also how the unit test runs it on a fake clock.

export interface RetryPolicy {
  /** The wait after the first failed try; each next wait doubles, up to maxWaitMs. */
  firstWaitMs: number;
  maxWaitMs: number;
  /** No new try starts once this long has passed since the first: the call is given up. */
  giveUpAfterMs: number;
}

export const HARNESS_RETRY: RetryPolicy = { firstWaitMs: 250, maxWaitMs: 4_000, giveUpAfterMs: 30_000 };

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The "Still working…" notice: on while at least one call is being tried again. */
export interface Notice {
  start(): void;
  stop(): void;
}

/** A failed try that is worth another: no answer came, or the harness failed to give one. */
export class NoAnswer extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NoAnswer';
  }
}

export function gaveUpMessage(policy: RetryPolicy): string {
  return (
    `The app has not answered for ${Math.round(policy.giveUpAfterMs / 1000)} seconds, so this may not have been done. ` +
    'Check that the harness is still running (npm run harness), then reload this page.'
  );
}

/**
 * Runs `attempt` until it answers. A try that throws NoAnswer is tried again after a wait
 * (firstWaitMs, doubling, at most maxWaitMs); any other error is passed on at once. Once
 * giveUpAfterMs has passed since the first try, `giveUp` is answered instead.
 */
export async function withRetry<T>(attempt: () => Promise<T>, giveUp: (message: string) => T, clock: Clock, notice: Notice, policy: RetryPolicy = HARNESS_RETRY): Promise<T> {
  const started = clock.now();
  let wait = policy.firstWaitMs;
  let noticeShown = false;
  try {
    for (;;) {
      try {
        return await attempt();
      } catch (e) {
        if (!(e instanceof NoAnswer)) throw e;
      }
      if (!noticeShown) {
        notice.start();
        noticeShown = true;
      }
      const left = started + policy.giveUpAfterMs - clock.now();
      if (left <= 0) return giveUp(gaveUpMessage(policy));
      await clock.sleep(Math.min(wait, left));
      wait = Math.min(wait * 2, policy.maxWaitMs);
    }
  } finally {
    if (noticeShown) notice.stop();
  }
}

/** A Notice shared by every call: `show(true)` when the first starts waiting, `show(false)` when the last is done. */
export function sharedNotice(show: (on: boolean) => void): Notice {
  let waiting = 0;
  return {
    start() {
      if (waiting++ === 0) show(true);
    },
    stop() {
      if (--waiting === 0) show(false);
    },
  };
}
