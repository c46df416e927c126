// The harness page's calls on a busy machine (tests/harness/retry.ts, answers.ts): a call that
// gets no answer is tried again with growing waits while "Still working…" shows, is given up
// only after a while with words that say what to do, and a write tried again is done once.
// On a fake clock: the waits are counted, never slept.
import { describe, expect, it } from 'vitest';
import { Answers } from '../harness/answers';
import { HARNESS_RETRY, NoAnswer, sharedNotice, withRetry, type Clock } from '../harness/retry';

type Answer = { ok: boolean; value?: string; message?: string };

/** A clock whose sleep moves time on at once and remembers each wait. */
function fakeClock(): Clock & { waits: number[]; at: () => number } {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    at: () => now,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

/** The notice's ons and offs, in order, beside the tries. */
function recorder() {
  const events: string[] = [];
  return { events, notice: { start: () => events.push('still working'), stop: () => events.push('done') } };
}

const giveUp = (message: string): Answer => ({ ok: false, message });

/** A request that gets no answer `misses` times, then answers. */
function flaky(misses: number, events: string[] = []) {
  let tries = 0;
  const attempt = async (): Promise<Answer> => {
    tries++;
    events.push(`try ${tries}`);
    if (tries <= misses) throw new NoAnswer('no answer');
    return { ok: true, value: 'the caseload' };
  };
  return { attempt, tries: () => tries };
}

describe('a call the harness does not answer at once', () => {
  it('is tried again after growing waits, with "Still working…" shown until the answer comes', async () => {
    const clock = fakeClock();
    const { events, notice } = recorder();
    const call = flaky(3, events);
    const answer = await withRetry(call.attempt, giveUp, clock, notice);
    expect(answer).toEqual({ ok: true, value: 'the caseload' });
    expect(clock.waits).toEqual([250, 500, 1000]);
    expect(events).toEqual(['try 1', 'still working', 'try 2', 'try 3', 'try 4', 'done']);
  });

  it('an answer at the first try: no notice and no wait', async () => {
    const clock = fakeClock();
    const { events, notice } = recorder();
    const call = flaky(0, events);
    expect(await withRetry(call.attempt, giveUp, clock, notice)).toEqual({ ok: true, value: 'the caseload' });
    expect(clock.waits).toEqual([]);
    expect(events).toEqual(['try 1']);
  });

  it('never answered: given up after 30 seconds with words that say what to do, the waits never over 4 seconds', async () => {
    const clock = fakeClock();
    const { events, notice } = recorder();
    const call = flaky(Infinity);
    const answer = await withRetry(call.attempt, giveUp, clock, notice);
    expect(answer.ok).toBe(false);
    expect(answer.message).toBe('The app has not answered for 30 seconds, so this may not have been done. Check that the harness is still running (npm run harness), then reload this page.');
    expect(clock.at()).toBe(HARNESS_RETRY.giveUpAfterMs);
    expect(Math.max(...clock.waits)).toBe(HARNESS_RETRY.maxWaitMs);
    expect(clock.waits.slice(0, 5)).toEqual([250, 500, 1000, 2000, 4000]);
    // One try at the start, one after each wait (the last exactly at the deadline), none after it.
    expect(call.tries()).toBe(clock.waits.length + 1);
    expect(events).toEqual(['still working', 'done']);
  });

  it('an error that is not a missing answer is passed on at once, not tried again', async () => {
    const clock = fakeClock();
    const { events, notice } = recorder();
    let tries = 0;
    const broken = async (): Promise<Answer> => {
      tries++;
      throw new TypeError('a bug in the page');
    };
    await expect(withRetry(broken, giveUp, clock, notice)).rejects.toThrow('a bug in the page');
    expect(tries).toBe(1);
    expect(events).toEqual([]);
  });
});

describe('"Still working…" shared by every call', () => {
  it('shows once while any call is being tried again, and goes when the last one is answered', async () => {
    const shown: boolean[] = [];
    const notice = sharedNotice((on) => shown.push(on));
    const clock = fakeClock();
    const first = flaky(1);
    const second = flaky(2);
    await Promise.all([withRetry(first.attempt, giveUp, clock, notice), withRetry(second.attempt, giveUp, clock, notice)]);
    expect(shown).toEqual([true, false]);
  });
});

describe('a write tried again after its answer was lost', () => {
  it('is done once: the second try gets the first try’s answer', async () => {
    const answers = new Answers<Answer>();
    const added: string[] = [];
    const addPerson = async (): Promise<Answer> => {
      added.push('Amara Okonkwo');
      return { ok: true, value: `person ${added.length}` };
    };
    let tries = 0;
    // The first try reaches the handler, but its connection fails before the answer arrives.
    const attempt = async () => {
      tries++;
      const answer = await answers.once('call-7', addPerson);
      if (tries === 1) throw new NoAnswer('connection reset');
      return answer;
    };
    const answer = await withRetry(attempt, giveUp, fakeClock(), sharedNotice(() => undefined));
    expect(answer).toEqual({ ok: true, value: 'person 1' });
    expect(added).toEqual(['Amara Okonkwo']);
  });

  it('two different calls are both done, and a call with no id is done every time', async () => {
    const answers = new Answers<number>();
    let runs = 0;
    const run = async () => ++runs;
    expect(await answers.once('a', run)).toBe(1);
    expect(await answers.once('b', run)).toBe(2);
    expect(await answers.once('a', run)).toBe(1);
    expect(await answers.once(undefined, run)).toBe(3);
    expect(await answers.once(undefined, run)).toBe(4);
  });
});
