// The monthly return's measures added for issue 15 (support types, boroughs, events, drop-out,
// cancellations, signposting, closures, waiting list, first contact, opt-out, engagement with
// care, goals, open caseload, and the breakdown by site). Each is one selection: the count and
// the drill-down's list are both made from it, so "Show the people" lists exactly what it counts.
// Status-based figures are worked out from dated records as at the period's end, never from a
// status as it is today, so a return re-run later gives the same figures.
import { FIRST_CONTACT_TARGET_WORKING_DAYS } from '../../core/domain/export/returnMeasures';
import { workingDaysBetween } from '../../core/domain/workingDays';

/** The query's parameters: the period, and the site when the return is for one site. */
export interface SelectionParams {
  start: string;
  end: string;
  siteId: number | null;
}

export interface Selection {
  measure: string;
  breakdown: string;
  /** FROM … WHERE …, with people joined as p (a row of nulls where no person is counted). */
  from: string;
  /** The site each record belongs to: the person's clinic site, or the event's own. */
  site: string;
  /** The date the record counts on. */
  on: string;
  /** The category, in SQL (null: not recorded), or `a` and `b` worked out in code by `classify`. */
  category?: string;
  classify?: (a: string, b: string) => string;
  /** Two columns the list shows in words (labels.ts words them), and a third for a count or title. */
  a: string;
  b: string;
  /** Categories are not exclusive (one person in several): the total is the measure's own, not their sum. */
  overlapping?: boolean;
  /** What the drill-down's "what" column says about a row of this selection (labels for a and b). */
  kind: DrillKind;
}

export type DrillKind = 'support_type' | 'referral' | 'contact' | 'event' | 'registration' | 'signposting' | 'closure' | 'episode' | 'first_contact' | 'engagement' | 'goal';

const PERIOD = 'BETWEEN @start AND @end';
/**
 * Engaged as at the period's end: an attended contact, or an attempt where the person said they
 * wanted support, on or before it. A status set by hand has no date of its own: it counts from
 * the day the episode was last changed.
 */
export const ENGAGED_BY_END = `(EXISTS (SELECT 1 FROM contacts ec WHERE ec.episode_id = e.id AND ec.attendance = 'attended' AND ec.contact_on <= @end)
  OR EXISTS (SELECT 1 FROM contact_attempts ea WHERE ea.episode_id = e.id AND ea.outcome = 'spoke_engaged' AND ea.attempted_on <= @end)
  OR (e.referral_status = 'engaged' AND substr(e.updated_at, 1, 10) <= @end))`;
const DECLINED_BY_END = `(EXISTS (SELECT 1 FROM contact_attempts da WHERE da.episode_id = e.id AND da.outcome = 'spoke_declined' AND da.attempted_on <= @end)
  OR (e.referral_status = 'declined' AND substr(e.updated_at, 1, 10) <= @end))`;
const NOT_CONTACTABLE_BY_END = `(EXISTS (SELECT 1 FROM episode_closures nx WHERE nx.episode_id = e.id AND nx.reason = 'no_contact' AND nx.closed_on <= @end)
  OR (e.referral_status = 'not_contactable' AND substr(e.updated_at, 1, 10) <= @end))`;
/** The opt-out offer's outcome as at the period's end. */
const OPT_OUT_OUTCOME = `CASE WHEN ${ENGAGED_BY_END} THEN 'accepted' WHEN ${DECLINED_BY_END} THEN 'declined' WHEN ${NOT_CONTACTABLE_BY_END} THEN 'not_contactable' ELSE 'no_outcome_yet' END`;

// People are joined LEFT throughout (every record has its person): a count that uses none of
// their columns (all sites, not by site) then never reads them; the drill-down and a site's
// return do.
const EPISODES = 'FROM episodes e LEFT JOIN people p ON p.id = e.person_id';
const REFERRALS = `${EPISODES} WHERE e.referral_received_on ${PERIOD}`;
const ATTENDED_CONTACTS = `FROM contacts c JOIN episodes e ON e.id = c.episode_id LEFT JOIN people p ON p.id = e.person_id WHERE c.contact_on ${PERIOD} AND c.attendance = 'attended'`;
/**
 * Open as at the period's end: referred by then, with no closure on or before the end that was
 * not reopened by it. A closure stays on record, not reopened, for as long as the episode is
 * closed, so an episode closed on or before the end and closed still was closed then: only the
 * episodes open now and those closed after the end can have been open, and of those, one with a
 * closure on or before the end that was reopened after it was closed then. So this reads the open
 * episodes from their own covering index, the few closed since from episodes_closed_idx
 * (INDEXED BY: a plan that walks every episode ever referred is refused, not run) and the few
 * reopened closures, never each episode's closures. People are a LEFT JOIN (every episode has its
 * person) so that a count using none of their columns (all sites, by pathway) never reads them.
 */
const OPEN_AT_END = `FROM (SELECT id, person_id, referral_received_on, pathway, referral_source, first_contact_on FROM episodes INDEXED BY episodes_open_idx
                     WHERE closed_on IS NULL AND referral_received_on <= @end
                    UNION ALL SELECT id, person_id, referral_received_on, pathway, referral_source, first_contact_on FROM episodes INDEXED BY episodes_closed_idx
                     WHERE closed_on > @end AND referral_received_on <= @end) e
            LEFT JOIN people p ON p.id = e.person_id
           WHERE e.id NOT IN (SELECT x.episode_id FROM episode_closures x INDEXED BY closures_reopened_idx
                               WHERE x.reopened_at IS NOT NULL AND x.closed_on <= @end AND substr(x.reopened_at, 1, 10) > @end)`;
const SITE_OF_PERSON = 'p.clinic_site_id';

const referral = { site: SITE_OF_PERSON, on: 'e.referral_received_on', a: 'e.referral_source', b: 'e.pathway', kind: 'referral' } as const;
// An event is about no one person: p is a row of nulls (a join to people on a false condition
// would walk the people table once per event).
const NO_PERSON = '(SELECT NULL AS id, NULL AS case_id, NULL AS preferred_name, NULL AS clinic_site_id) p';
const event = { from: `FROM group_events g CROSS JOIN ${NO_PERSON} WHERE g.held_on ${PERIOD}`, site: 'g.site_id', on: 'g.held_on', a: 'g.type', b: 'g.title', kind: 'event' } as const;
const signposted = {
  from: `FROM signposting s JOIN episodes e ON e.id = s.episode_id LEFT JOIN people p ON p.id = e.person_id WHERE s.made_on ${PERIOD}`,
  site: SITE_OF_PERSON,
  on: 's.made_on',
  a: 's.service_type',
  b: 's.outcome',
  kind: 'signposting',
} as const;
const waiting = { site: SITE_OF_PERSON, on: 'e.referral_received_on', a: 'e.pathway', b: 'e.referral_source', kind: 'episode' } as const;
const goal = { site: SITE_OF_PERSON, a: 'gl.area', b: 'gl.description', kind: 'goal' } as const;

/** The new measures, in the order the return lists them. */
export const SELECTIONS: Selection[] = [
  {
    measure: 'people_supported',
    breakdown: 'support_type',
    // One row per person and support type they attended in the period.
    from: `FROM (SELECT e.person_id AS pid, c.type AS t, max(c.contact_on) AS last_on FROM contacts c JOIN episodes e ON e.id = c.episode_id
                  WHERE c.contact_on ${PERIOD} AND c.attendance = 'attended' GROUP BY 1, 2) st LEFT JOIN people p ON p.id = st.pid WHERE 1`,
    site: SITE_OF_PERSON,
    on: 'st.last_on',
    category: 'st.t',
    a: 'st.t',
    b: 'NULL',
    overlapping: true,
    kind: 'support_type',
  },
  { measure: 'referrals_received', breakdown: 'borough_at_referral', from: REFERRALS, ...referral, category: 'e.borough_at_referral' },
  { measure: 'referrals_received', breakdown: 'site', from: REFERRALS, ...referral },
  {
    measure: 'contacts_attended',
    breakdown: 'site',
    from: ATTENDED_CONTACTS,
    site: SITE_OF_PERSON,
    on: 'c.contact_on',
    a: 'c.type',
    b: 'c.mode',
    kind: 'contact',
  },
  {
    measure: 'contacts_cancelled',
    breakdown: 'by',
    from: `FROM contacts c JOIN episodes e ON e.id = c.episode_id LEFT JOIN people p ON p.id = e.person_id WHERE c.contact_on ${PERIOD} AND c.attendance IN ('cancelled_by_person', 'cancelled_by_service')`,
    site: SITE_OF_PERSON,
    on: 'c.contact_on',
    category: 'c.attendance',
    a: 'c.type',
    b: 'c.attendance',
    kind: 'contact',
  },
  { measure: 'events_held', breakdown: 'event_type', ...event, category: 'g.type' },
  { measure: 'events_held', breakdown: 'mode', ...event, category: 'g.mode' },
  {
    measure: 'group_registrations',
    breakdown: 'outcome',
    // CROSS JOIN keeps this order (the period's events, then their places) whatever the statistics.
    from: `FROM group_events g CROSS JOIN group_participants gp ON gp.event_id = g.id CROSS JOIN people p ON p.id = gp.person_id WHERE g.held_on ${PERIOD} AND gp.registered = 1`,
    site: 'g.site_id',
    on: 'g.held_on',
    category: "CASE gp.attended WHEN 1 THEN 'attended' WHEN 0 THEN 'dropped_out' END",
    a: 'g.type',
    b: 'g.title',
    kind: 'registration',
  },
  { measure: 'signposting_made', breakdown: 'category', ...signposted, category: 's.service_type' },
  { measure: 'signposting_made', breakdown: 'outcome', ...signposted, category: 's.outcome' },
  {
    measure: 'closures',
    breakdown: 'reason',
    from: `FROM episode_closures x JOIN episodes e ON e.id = x.episode_id LEFT JOIN people p ON p.id = e.person_id
            WHERE x.closed_on ${PERIOD} AND (x.reopened_at IS NULL OR substr(x.reopened_at, 1, 10) > @end)`,
    site: SITE_OF_PERSON,
    on: 'x.closed_on',
    category: 'x.reason',
    a: 'x.reason',
    b: 'NULL',
    kind: 'closure',
  },
  {
    measure: 'waiting_list_at_period_end',
    breakdown: 'pathway',
    from: `${OPEN_AT_END} AND (e.first_contact_on IS NULL OR e.first_contact_on > @end)`,
    ...waiting,
    category: 'e.pathway',
  },
  {
    measure: 'first_contact',
    breakdown: 'target',
    from: `${EPISODES} WHERE e.first_contact_on ${PERIOD}`,
    site: SITE_OF_PERSON,
    on: 'e.first_contact_on',
    a: 'e.referral_received_on',
    b: 'e.first_contact_on',
    classify: (received, first) => (workingDaysBetween(received, first) <= FIRST_CONTACT_TARGET_WORKING_DAYS ? 'within_target' : 'beyond_target'),
    kind: 'first_contact',
  },
  { measure: 'opt_out_offered', breakdown: 'outcome_at_period_end', from: `${REFERRALS} AND e.pathway LIKE 'opt\\_out\\_%' ESCAPE '\\'`, ...referral, category: OPT_OUT_OUTCOME },
  {
    measure: 'engagement_with_care',
    breakdown: 'clinic_appointments',
    // Each episode with a review from the clinic in the period, by the appointments it reports.
    from: `FROM (SELECT r.episode_id AS eid, max(r.reviewed_on) AS last_on, sum(r.appointments_kept) AS kept, sum(r.appointments_missed) AS missed, max(coalesce(r.reengaged_in_care, 0)) AS reengaged
                  FROM engagement_reviews r WHERE r.reviewed_on ${PERIOD} GROUP BY r.episode_id) er
            JOIN episodes e ON e.id = er.eid LEFT JOIN people p ON p.id = e.person_id WHERE 1`,
    site: SITE_OF_PERSON,
    on: 'er.last_on',
    category: "CASE WHEN er.missed > 0 THEN 'missed_some' WHEN er.kept > 0 THEN 'kept_all' END",
    a: 'er.kept',
    b: 'er.missed',
    kind: 'engagement',
  },
  {
    measure: 'reengaged_in_care',
    breakdown: 'pathway',
    from: `FROM (SELECT r.episode_id AS eid, min(r.reviewed_on) AS first_on FROM engagement_reviews r WHERE r.reviewed_on ${PERIOD} AND r.reengaged_in_care = 1 GROUP BY r.episode_id) rr
            JOIN episodes e ON e.id = rr.eid LEFT JOIN people p ON p.id = e.person_id WHERE 1`,
    site: SITE_OF_PERSON,
    on: 'rr.first_on',
    category: 'e.pathway',
    a: 'e.pathway',
    b: 'e.referral_source',
    kind: 'episode',
  },
  {
    measure: 'goals_set',
    breakdown: 'area',
    from: `FROM goals gl JOIN episodes e ON e.id = gl.episode_id LEFT JOIN people p ON p.id = e.person_id WHERE gl.set_on ${PERIOD}`,
    ...goal,
    on: 'gl.set_on',
    category: 'gl.area',
  },
  {
    measure: 'goals_achieved',
    breakdown: 'area',
    // A goal counts in the period of its first review marking it achieved (a dated record): the
    // reviews marking a goal achieved in the period, each the goal's first such review.
    from: `FROM (SELECT gr.goal_id AS gid, gr.reviewed_on AS achieved_on FROM goal_reviews gr
                  WHERE gr.status = 'achieved' AND gr.reviewed_on ${PERIOD}
                    AND NOT EXISTS (SELECT 1 FROM goal_reviews gb WHERE gb.goal_id = gr.goal_id AND gb.status = 'achieved'
                                     AND (gb.reviewed_on < gr.reviewed_on OR (gb.reviewed_on = gr.reviewed_on AND gb.id < gr.id)))) ga
            JOIN goals gl ON gl.id = ga.gid JOIN episodes e ON e.id = gl.episode_id LEFT JOIN people p ON p.id = e.person_id WHERE ga.achieved_on ${PERIOD}`,
    ...goal,
    on: 'ga.achieved_on',
    category: 'gl.area',
  },
  { measure: 'open_caseload_at_period_end', breakdown: 'pathway', from: OPEN_AT_END, ...waiting, category: 'e.pathway' },
];

/** The category in SQL: a site's ODS code for the breakdown by site. */
export function categoryOf(s: Selection): string {
  if (s.breakdown === 'site') return `(SELECT ods_code FROM sites WHERE id = ${s.site})`;
  return s.category ?? 'NULL';
}

/** " AND <site> = @siteId" when the return is for one site. */
export const siteFilter = (s: { site: string }, params: SelectionParams) => (params.siteId === null ? '' : ` AND ${s.site} = @siteId`);

export function findSelection(measure: string, breakdown: string | undefined): Selection | undefined {
  return SELECTIONS.find((s) => s.measure === measure && s.breakdown === breakdown);
}

export { FIRST_CONTACT_TARGET_WORKING_DAYS };
