// Outcome assessments and engagement reviews.
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { assessmentFields, engagementFields, type Assessment, type EngagementReview } from '../../core/domain/assessment';
import { editableKeys, pick, storedKeys, type Editable } from '../../core/domain/recordFields';
import { displayDate } from '../../core/domain/dates';
import { INSTRUMENTS } from '../../core/domain/instruments/definitions';
import { monthsAfter, postClosureProblem } from '../../core/domain/instruments/postClosure';
import { bandFor, itemNumbers, listInWords, scoreAssessment } from '../../core/domain/instruments/scoring';
import type { InstrumentId } from '../../core/domain/instruments/types';
import { pluralWord } from '../../core/domain/plural';
import { DomainError } from '../../core/domain/result';
import type { Settings } from '../../core/domain/settings';
import { assessments, engagementReviews, riskFlags, workspaceMeta } from '../schema';
import type { Orm, Queryable } from '../types';
import { refuseBeforeReferral, requireEpisode } from './episodes';
import { created, type Actor } from './stamps';

export interface AssessmentInput {
  episodeId: number;
  instrument: InstrumentId;
  completedOn: string;
  method: string;
  responses: Record<string, number | null>;
  allowEarly: boolean;
  afterClosure?: boolean;
}

const MONTHS_IN_WORDS = ['', 'one month', 'two months', 'three months'];

/**
 * An instrument used no sooner than its rule allows (PozQoL: two calendar months), either side of
 * the date: a back-dated entry must keep its distance from the ones after it too.
 */
function refuseTooSoon(tx: Queryable, episodeId: number, def: (typeof INSTRUMENTS)[InstrumentId], completedOn: string): void {
  const months = def.minIntervalMonths;
  if (!months) return;
  const others = tx
    .select({ on: assessments.completedOn })
    .from(assessments)
    .where(and(eq(assessments.episodeId, episodeId), eq(assessments.instrument, def.id)))
    .all()
    .map((a) => a.on);
  const gap = MONTHS_IN_WORDS[months] ?? `${months} months`;
  const before = others.filter((on) => on <= completedOn).sort().at(-1);
  if (before && completedOn < monthsAfter(before, months)) {
    const message = `${def.shortName} is used at least ${gap} apart: the last was on ${displayDate(before)}, so the next can be from ${displayDate(monthsAfter(before, months))}.`;
    throw new DomainError('VALIDATION', message, { completedOn: message });
  }
  const after = others.filter((on) => on > completedOn).sort()[0];
  if (after && after < monthsAfter(completedOn, months)) {
    const message = `${def.shortName} is used at least ${gap} apart: there is one on ${displayDate(after)}, so this one cannot be after ${displayDate(monthsAfter(after, -months))}.`;
    throw new DomainError('VALIDATION', message, { completedOn: message });
  }
}

/** Why answers cannot be scored, in the words recording and editing both show, each beside its item. */
export function scoringProblem(def: (typeof INSTRUMENTS)[InstrumentId], scored: { missing: string[]; invalid: string[] }): DomainError {
  const required = (def.requiredItems ?? []).filter((id) => scored.missing.includes(id));
  // When only a must-answer item stops scoring, point at that one: the others may be left out.
  const optionalMissing = scored.missing.filter((id) => !required.includes(id));
  const flagged = required.length > 0 && optionalMissing.length <= def.maxMissing ? required : scored.missing;
  const fields = Object.fromEntries([...scored.invalid, ...flagged].map((id) => [`responses.${id}`, scored.invalid.includes(id) ? 'Choose one of the answers.' : 'Answer this item.']));
  const message = scored.invalid.length
    ? `Some answers are not on ${def.shortName}'s scale.`
    : required.length && flagged === required
      ? `Answer ${pluralWord(required.length, 'item')} ${listInWords(itemNumbers(def, required))}: ${pluralWord(required.length, 'it', 'they')} must always be asked.`
      : def.maxMissing === 0
        ? `Answer every item: ${def.shortName} cannot be scored with ${pluralWord(scored.missing.length, 'item')} ${listInWords(itemNumbers(def, scored.missing))} missing.`
        : `Answer ${pluralWord(scored.missing.length, 'item')} ${listInWords(itemNumbers(def, scored.missing))}: ${def.shortName} can be scored with at most ${def.maxMissing} missing.`;
  return new DomainError('VALIDATION', message, fields);
}

export function recordAssessment(orm: Orm, input: AssessmentInput, settings: Settings, actor: Actor): number {
  const def = INSTRUMENTS[input.instrument];
  if (!settings.enabledInstruments.includes(input.instrument)) {
    throw new DomainError('VALIDATION', `${def.shortName} is switched off in Settings.`, { instrument: `${def.shortName} is switched off in Settings.` });
  }
  // Only the instrument's own items are kept: anything else is not part of the record.
  const responses = Object.fromEntries(def.items.map((i) => [i.id, input.responses[i.id] ?? null]));
  const scored = scoreAssessment(def, responses);
  if (!scored.ok) throw scoringProblem(def, scored);
  return orm.transaction((tx) => {
    // A closed episode takes one kind of assessment only: the follow-up after closure, in its window.
    const episode = requireEpisode(tx, input.episodeId, !input.afterClosure);
    if (input.afterClosure) {
      if (!episode.closedOn) {
        const message = 'This episode is still open: record the assessment as part of support.';
        throw new DomainError('VALIDATION', message, { afterClosure: message });
      }
      const problem = postClosureProblem(episode.closedOn, input.completedOn);
      if (problem) throw new DomainError('VALIDATION', problem, { completedOn: problem });
    }
    refuseBeforeReferral(episode, input.completedOn, 'completedOn', 'An assessment');
    refuseTooSoon(tx, episode.id, def, input.completedOn);
    if (def.minIntervalDays > 0 && !input.allowEarly && !input.afterClosure) {
      const last = tx
        .select({ on: assessments.completedOn })
        .from(assessments)
        .where(and(eq(assessments.episodeId, episode.id), eq(assessments.instrument, input.instrument)))
        .orderBy(desc(assessments.completedOn))
        .get()?.on;
      if (last && Math.abs(Date.parse(input.completedOn) - Date.parse(last)) < def.minIntervalDays * 86_400_000) {
        const message = `${def.shortName} should not be repeated within ${def.minIntervalDays} days; the last was on ${displayDate(last)}.`;
        throw new DomainError('CONFLICT', message, { completedOn: message });
      }
    }
    tx.insert(assessments)
      .values({
        episodeId: episode.id,
        instrument: input.instrument,
        completedOn: input.completedOn,
        method: input.method,
        responses,
        scores: scored.value.scores,
        primaryScore: scored.value.scores[def.primaryScore],
        prorated: scored.value.prorated,
        scoringVersion: scored.value.scoringVersion,
        afterClosure: !!input.afterClosure,
        ...created(actor),
      })
      .run();
    if (scored.value.risk) {
      // The flag states the fact, not the person's words; the worker adds what they did.
      tx.insert(riskFlags)
        .values({
          personId: episode.personId,
          episodeId: episode.id,
          raisedOn: input.completedOn,
          description: `${def.shortName} item ${itemNumbers(def, [def.riskItem!.item])[0]} answered above 0 (thoughts of being better off dead or of self-harm).`,
          ...created(actor),
        })
        .run();
    }
    return episode.personId;
  });
}

export function recordEngagement(orm: Orm, input: { episodeId: number } & Editable<typeof engagementFields>, actor: Actor): number {
  return orm.transaction((tx) => {
    const episode = requireEpisode(tx, input.episodeId);
    refuseBeforeReferral(episode, input.reviewedOn, 'reviewedOn', 'A review');
    tx.insert(engagementReviews).values({ episodeId: episode.id, ...pick(input, editableKeys(engagementFields)), ...created(actor) }).run();
    return episode.personId;
  });
}

/** The declared fields read as stored (core/domain/assessment.ts); who recorded them is looked up. */
const ASSESSMENT = storedKeys(assessmentFields, ['createdByName']);
const ENGAGEMENT = storedKeys(engagementFields, ['createdByName']);

export function assessmentsFor(orm: Queryable, episodeIds: number[], name: (id: number) => string): Assessment[] {
  if (episodeIds.length === 0) return [];
  return orm
    .select()
    .from(assessments)
    .where(inArray(assessments.episodeId, episodeIds))
    .orderBy(assessments.completedOn, assessments.id)
    .all()
    .map((a) => {
      const def = INSTRUMENTS[a.instrument as InstrumentId];
      return {
        ...pick(a, ASSESSMENT),
        id: a.id,
        episodeId: a.episodeId,
        instrument: a.instrument as InstrumentId,
        bands: Object.fromEntries(def.scores.map((s) => [s.id, a.scores[s.id] === undefined ? undefined : bandFor(s, a.scores[s.id])])),
        risk: def.riskItem ? (a.responses[def.riskItem.item] ?? 0) > def.riskItem.above : false,
        scoringVersion: a.scoringVersion,
        afterClosure: a.afterClosure,
        createdByName: name(a.createdBy),
      };
    });
}

export function engagementFor(orm: Queryable, episodeIds: number[], name: (id: number) => string): EngagementReview[] {
  if (episodeIds.length === 0) return [];
  return orm
    .select()
    .from(engagementReviews)
    .where(inArray(engagementReviews.episodeId, episodeIds))
    .orderBy(engagementReviews.reviewedOn, engagementReviews.id)
    .all()
    .map((r) => ({ ...pick(r, ENGAGEMENT), id: r.id, episodeId: r.episodeId, createdByName: name(r.createdBy) }));
}

/**
 * Works out again every score made with an older scoring version (a corrected table, say),
 * from the stored responses. Run at unlock; cheap when nothing is out of date.
 */
export function rescoreOutdated(orm: Orm): number {
  // The versions this file was last scored with: when they match the app's, nothing to do
  // (checking every assessment row at each unlock would cost a second on a large caseload).
  const current = JSON.stringify(Object.fromEntries(Object.values(INSTRUMENTS).map((d) => [d.id, d.scoringVersion])));
  const stored = orm.select({ value: workspaceMeta.value }).from(workspaceMeta).where(eq(workspaceMeta.key, 'scoringVersions')).get()?.value;
  if (stored === current) return 0;
  let changed = 0;
  orm.transaction((tx) => {
    for (const def of Object.values(INSTRUMENTS)) {
      const stale = tx
        .select({ id: assessments.id, responses: assessments.responses })
        .from(assessments)
        .where(and(eq(assessments.instrument, def.id), ne(assessments.scoringVersion, def.scoringVersion)))
        .all();
      for (const a of stale) {
        const scored = scoreAssessment(def, a.responses);
        if (!scored.ok) continue; // kept as recorded; shown with its old scores
        tx.update(assessments)
          .set({ scores: scored.value.scores, primaryScore: scored.value.scores[def.primaryScore], prorated: scored.value.prorated, scoringVersion: def.scoringVersion })
          .where(eq(assessments.id, a.id))
          .run();
        changed++;
      }
    }
    tx.insert(workspaceMeta).values({ key: 'scoringVersions', value: current }).onConflictDoUpdate({ target: workspaceMeta.key, set: { value: current } }).run();
  });
  return changed;
}
