// Every code set the caseload uses, as data, in one place. NHS Data Dictionary sets keep their
// national codes (exports need them); our own lists (no national set exists for peer support)
// use stable snake_case codes that an export profile can map to whatever a trust wants.
import { codeSet } from './codeSet';

export type { Code } from './codeSet';

/** NHS Data Dictionary ETHNIC CATEGORY (2001 census set, still the mandated one). */
export const ethnicCategory = codeSet([
  ['A', 'White British'],
  ['B', 'White Irish'],
  ['C', 'Any other White background'],
  ['D', 'White and Black Caribbean'],
  ['E', 'White and Black African'],
  ['F', 'White and Asian'],
  ['G', 'Any other mixed background'],
  ['H', 'Indian'],
  ['J', 'Pakistani'],
  ['K', 'Bangladeshi'],
  ['L', 'Any other Asian background'],
  ['M', 'Black Caribbean'],
  ['N', 'Black African'],
  ['P', 'Any other Black background'],
  ['R', 'Chinese'],
  ['S', 'Any other ethnic group'],
  ['Z', 'Not stated'],
  ['99', 'Not known'],
] as const);

/** NHS Data Dictionary GENDER IDENTITY CODE. */
export const genderIdentity = codeSet([
  ['1', 'Male (including trans man)'],
  ['2', 'Female (including trans woman)'],
  ['3', 'Non-binary'],
  ['4', 'Other (not listed)'],
  ['Z', 'Not stated (asked, declined)'],
  ['X', 'Not known'],
] as const);

/** Sexual Orientation Monitoring Standard (SOMS), asked of people aged 16 and over. */
export const sexualOrientation = codeSet([
  ['1', 'Heterosexual or straight'],
  ['2', 'Gay or lesbian'],
  ['3', 'Bisexual'],
  ['4', 'Other sexual orientation not listed'],
  ['U', 'Asked, does not know or is not sure'],
  ['Z', 'Not stated (asked, declined)'],
  ['9', 'Not known (not recorded)'],
] as const);

/** London boroughs by ONS code (region E12000007), plus the two answers that are not a borough. */
export const borough = codeSet([
  ['E09000001', 'City of London'],
  ['E09000002', 'Barking and Dagenham'],
  ['E09000003', 'Barnet'],
  ['E09000004', 'Bexley'],
  ['E09000005', 'Brent'],
  ['E09000006', 'Bromley'],
  ['E09000007', 'Camden'],
  ['E09000008', 'Croydon'],
  ['E09000009', 'Ealing'],
  ['E09000010', 'Enfield'],
  ['E09000011', 'Greenwich'],
  ['E09000012', 'Hackney'],
  ['E09000013', 'Hammersmith and Fulham'],
  ['E09000014', 'Haringey'],
  ['E09000015', 'Harrow'],
  ['E09000016', 'Havering'],
  ['E09000017', 'Hillingdon'],
  ['E09000018', 'Hounslow'],
  ['E09000019', 'Islington'],
  ['E09000020', 'Kensington and Chelsea'],
  ['E09000021', 'Kingston upon Thames'],
  ['E09000022', 'Lambeth'],
  ['E09000023', 'Lewisham'],
  ['E09000024', 'Merton'],
  ['E09000025', 'Newham'],
  ['E09000026', 'Redbridge'],
  ['E09000027', 'Richmond upon Thames'],
  ['E09000028', 'Southwark'],
  ['E09000029', 'Sutton'],
  ['E09000030', 'Tower Hamlets'],
  ['E09000031', 'Waltham Forest'],
  ['E09000032', 'Wandsworth'],
  ['E09000033', 'Westminster'],
  ['outside_london', 'Outside London'],
  ['not_known', 'Not known'],
] as const);

/** Our own list: no national code set exists for peer-support referral sources. */
export const referralSource = codeSet([
  ['opt_out_clinic', 'Opt-out pathway from HIV clinic'],
  ['clinician', 'Clinician referral'],
  ['self', 'Self-referral'],
  ['voluntary_sector', 'Voluntary-sector organisation'],
  ['gp', 'GP'],
  ['mental_health', 'Mental health service'],
  ['other', 'Other'],
] as const);

export const pathway = codeSet([
  ['opt_out_new_diagnosis', 'Opt-out: new diagnosis'],
  ['opt_out_reengagement', 'Opt-out: re-engaging in care'],
  ['other', 'Other'],
] as const);

/** received → contact attempted → engaged | declined | not contactable. */
export const referralStatus = codeSet([
  ['received', 'Received'],
  ['contact_attempted', 'Contact attempted'],
  ['engaged', 'Engaged'],
  ['declined', 'Declined'],
  ['not_contactable', 'Not contactable'],
] as const);
export type ReferralStatus = (typeof referralStatus.codes)[number];
/** The statuses that end the wait for first contact. */
export const REFERRAL_OUTCOMES: readonly ReferralStatus[] = ['engaged', 'declined', 'not_contactable'];

export const attemptMethod = codeSet([
  ['phone', 'Phone call'],
  ['sms', 'Text message'],
  ['email', 'Email'],
  ['letter', 'Letter'],
  ['in_clinic', 'In clinic'],
] as const);

export const attemptOutcome = codeSet([
  ['no_answer', 'No answer'],
  ['left_message', 'Left a message'],
  ['spoke_engaged', 'Spoke: wants support'],
  ['spoke_declined', 'Spoke: does not want support'],
  ['spoke_later', 'Spoke: call back later'],
  ['wrong_details', 'Wrong number or address'],
] as const);

export const contactMode = codeSet([
  ['in_clinic', 'In person in clinic'],
  ['phone', 'Phone'],
  ['video', 'Video'],
  ['message', 'Message'],
] as const);

export const contactType = codeSet([
  ['one_to_one', '1-to-1 peer support'],
  ['accompaniment', 'Accompaniment to an appointment'],
  ['signposting_only', 'Signposting only'],
] as const);

export const attendance = codeSet([
  ['attended', 'Attended'],
  ['dna', 'Did not attend'],
  ['cancelled_by_person', 'Cancelled by the person'],
  ['cancelled_by_service', 'Cancelled by the service'],
] as const);

export const contactTopic = codeSet([
  ['adjusting_to_diagnosis', 'Adjusting to diagnosis'],
  ['treatment_adherence', 'Treatment and adherence'],
  ['uu_prevention', 'U=U and prevention'],
  ['stigma', 'Stigma'],
  ['telling_others', 'Telling others'],
  ['isolation', 'Isolation'],
  ['emotional_wellbeing', 'Emotional wellbeing'],
  ['relationships_sex', 'Relationships and sex'],
  ['money_benefits', 'Money and benefits'],
  ['housing', 'Housing'],
  ['immigration', 'Immigration'],
  ['clinic_engagement', 'Engagement with the clinic'],
] as const);

export const groupEventType = codeSet([
  ['recently_diagnosed_workshop', 'Recently-diagnosed workshop'],
  ['support_group', 'Support group'],
  ['wellbeing_workshop', 'Wellbeing workshop'],
] as const);

export const goalArea = codeSet([
  ['emotional_wellbeing', 'Emotional wellbeing'],
  ['treatment_adherence', 'Treatment and adherence'],
  ['clinic_engagement', 'Engagement with the clinic'],
  ['social_connection', 'Social connection'],
  ['telling_others', 'Telling others'],
  ['practical', 'Practical: money, housing, immigration'],
  ['relationships', 'Relationships'],
  ['other', 'Other'],
] as const);

export const goalStatus = codeSet([
  ['open', 'Open'],
  ['achieved', 'Achieved'],
  ['partly', 'Partly achieved'],
  ['not_achieved', 'Not achieved'],
  ['dropped', 'Dropped'],
] as const);

export const serviceType = codeSet([
  ['counselling', 'Counselling'],
  ['mental_health', 'Mental health'],
  ['benefits_advice', 'Benefits advice'],
  ['housing', 'Housing'],
  ['immigration', 'Immigration'],
  ['food_support', 'Food support'],
  ['sexual_health', 'Sexual health'],
  ['other', 'Other'],
] as const);

export const signpostingOutcome = codeSet([
  ['pending', 'Waiting to hear'],
  ['accessed', 'Accessed the service'],
  ['not_taken_up', 'Not taken up'],
  ['not_eligible', 'Not eligible'],
  ['unknown', 'Not known'],
] as const);

export const closureReason = codeSet([
  ['goals_met', 'Goals met'],
  ['person_ended', 'Person ended support'],
  ['no_contact', 'No contact after attempts'],
  ['moved_away', 'Moved away'],
  ['transferred', 'Transferred'],
  ['died', 'Died'],
  ['other', 'Other'],
] as const);

export const contactChannel = codeSet([
  ['phone', 'Phone'],
  ['sms', 'Text message'],
  ['email', 'Email'],
  ['letter', 'Letter'],
] as const);

/** Age bands as returns usually ask for them. */
export const AGE_BANDS = [
  { code: '0-17', min: 0, max: 17 },
  { code: '18-24', min: 18, max: 24 },
  { code: '25-34', min: 25, max: 34 },
  { code: '35-44', min: 35, max: 44 },
  { code: '45-54', min: 45, max: 54 },
  { code: '55-64', min: 55, max: 64 },
  { code: '65+', min: 65, max: 200 },
] as const;
