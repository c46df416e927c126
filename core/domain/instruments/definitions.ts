// The instruments the product ships. Facts are from ../shared/DOMAIN.md; where it says
// *confirm*, `toConfirm` says what, so it can be corrected here and history re-scored.
import type { Band, InstrumentDefinition, InstrumentId, ResponseOption } from './types';

const frequency4: ResponseOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

const wemwbsOptions: ResponseOption[] = [
  { value: 1, label: 'None of the time' },
  { value: 2, label: 'Rarely' },
  { value: 3, label: 'Some of the time' },
  { value: 4, label: 'Often' },
  { value: 5, label: 'All of the time' },
];

const zeroToTen: ResponseOption[] = Array.from({ length: 11 }, (_, v) => ({
  value: v,
  label: v === 0 ? '0: not at all' : v === 10 ? '10: completely' : String(v),
}));

/** PozQoL's answer scale, as on the official form: how much each statement applies. */
const pozqolOptions: ResponseOption[] = ['Not at all', 'Slightly', 'Moderately', 'Very', 'Extremely'].map((label, i) => ({ value: i + 1, label }));

/**
 * PozQoL's domains by the official form's item numbers. The four positively worded items (1, 5, 8,
 * 13) are the psychological domain and are scored as answered; the other nine are reverse-coded.
 */
export const POZQOL_POSITIVE = [1, 5, 8, 13];
export const POZQOL_DOMAINS: Record<'health' | 'psychological' | 'social' | 'functional', number[]> = { health: [2, 6, 10], psychological: [1, 5, 8, 13], social: [3, 7, 11], functional: [4, 9, 12] };
const POZQOL_DOMAIN_LABELS = { health: 'Health concerns', psychological: 'Psychological', social: 'Social', functional: 'Functional' };

/** SWEMWBS raw total → metric score (*confirm* against the licensor's chart). */
export const SWEMWBS_METRIC: Record<number, number> = {
  7: 7.0, 8: 9.51, 9: 11.25, 10: 12.4, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32, 15: 15.84, 16: 16.36, 17: 16.88,
  18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25, 22: 19.98, 23: 20.73, 24: 21.54, 25: 22.35, 26: 23.21, 27: 24.11,
  28: 25.03, 29: 26.02, 30: 27.03, 31: 28.13, 32: 29.31, 33: 30.7, 34: 32.55, 35: 35.0,
};

const WEMWBS_ITEMS = [
  "I've been feeling optimistic about the future",
  "I've been feeling useful",
  "I've been feeling relaxed",
  "I've been feeling interested in other people",
  "I've had energy to spare",
  "I've been dealing with problems well",
  "I've been thinking clearly",
  "I've been feeling good about myself",
  "I've been feeling close to other people",
  "I've been feeling confident",
  "I've been able to make up my own mind about things",
  "I've been feeling loved",
  "I've been interested in new things",
  "I've been feeling cheerful",
];
/** SWEMWBS is seven of WEMWBS's fourteen items. */
const SWEMWBS_FROM = [1, 2, 3, 6, 7, 9, 11];

const wellbeingBands = (cut: [number, number, number], max: number, min: number): Band[] => [
  { min, max: cut[0], label: 'Probable depression', level: 3 },
  { min: cut[0] + 0.001, max: cut[1], label: 'Possible depression', level: 2 },
  { min: cut[1] + 0.001, max: cut[2], label: 'Average wellbeing', level: 1 },
  { min: cut[2] + 0.001, max, label: 'High wellbeing', level: 0 },
];

const severity5 = (max: number): Band[] => [
  { min: 0, max: 4, label: 'Minimal', level: 0 },
  { min: 5, max: 9, label: 'Mild', level: 1 },
  { min: 10, max: 14, label: 'Moderate', level: 2 },
  ...(max > 21
    ? [
        { min: 15, max: 19, label: 'Moderately severe', level: 3 as const },
        { min: 20, max, label: 'Severe', level: 3 as const },
      ]
    : [{ min: 15, max, label: 'Severe', level: 3 as const }]),
];

const onsPositiveBands: Band[] = [
  { min: 0, max: 4, label: 'Low', level: 3 },
  { min: 5, max: 6, label: 'Medium', level: 2 },
  { min: 7, max: 8, label: 'High', level: 1 },
  { min: 9, max: 10, label: 'Very high', level: 0 },
];
const onsAnxietyBands: Band[] = [
  { min: 0, max: 1, label: 'Very low', level: 0 },
  { min: 2, max: 3, label: 'Low', level: 1 },
  { min: 4, max: 5, label: 'Medium', level: 2 },
  { min: 6, max: 10, label: 'High', level: 3 },
];

const LICENSED_WARWICK =
  'WEMWBS and SWEMWBS are licensed by the University of Warwick: free for NHS and charity use after registration, not transferable. The wording is shown once a coordinator records that your organisation holds the licence.';

const ids = (n: number, prefix = 'q') => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

export const INSTRUMENTS: Record<InstrumentId, InstrumentDefinition> = {
  swemwbs: {
    id: 'swemwbs',
    name: 'Short Warwick-Edinburgh Mental Wellbeing Scale',
    shortName: 'SWEMWBS',
    stem: 'Below are some statements about feelings and thoughts. Please choose the answer that best describes your experience of each over the last 2 weeks.',
    options: wemwbsOptions,
    items: SWEMWBS_FROM.map((n, i) => ({ id: `q${i + 1}`, text: WEMWBS_ITEMS[n - 1] })),
    scores: [
      {
        id: 'metric',
        label: 'SWEMWBS metric score',
        method: 'sum',
        items: ids(7),
        table: SWEMWBS_METRIC,
        range: { min: 7, max: 35 },
        higherIsBetter: true,
        bands: wellbeingBands([17, 20, 27.99], 35, 7),
        meaningfulChange: 3,
      },
    ],
    primaryScore: 'metric',
    maxMissing: 0,
    minIntervalDays: 0,
    licence: { requiresConfirmation: true, note: LICENSED_WARWICK },
    scoringVersion: 1,
    toConfirm: 'The raw-to-metric table against the licensor’s chart; bands (7–17, 18–20, 21–27, 28–35) from published SWEMWBS norms.',
  },
  wemwbs: {
    id: 'wemwbs',
    name: 'Warwick-Edinburgh Mental Wellbeing Scale',
    shortName: 'WEMWBS',
    stem: 'Below are some statements about feelings and thoughts. Please choose the answer that best describes your experience of each over the last 2 weeks.',
    options: wemwbsOptions,
    items: WEMWBS_ITEMS.map((text, i) => ({ id: `q${i + 1}`, text })),
    scores: [
      {
        id: 'total',
        label: 'WEMWBS total',
        method: 'sum',
        items: ids(14),
        range: { min: 14, max: 70 },
        higherIsBetter: true,
        bands: wellbeingBands([40, 44, 59], 70, 14),
        meaningfulChange: 3,
      },
    ],
    primaryScore: 'total',
    maxMissing: 0,
    minIntervalDays: 0,
    licence: { requiresConfirmation: true, note: LICENSED_WARWICK },
    scoringVersion: 1,
    toConfirm: 'Bands (14–40, 41–44, 45–59, 60–70) from published WEMWBS norms.',
  },
  phq9: {
    id: 'phq9',
    name: 'Patient Health Questionnaire (PHQ-9)',
    shortName: 'PHQ-9',
    stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    options: frequency4,
    items: [
      'Little interest or pleasure in doing things',
      'Feeling down, depressed, or hopeless',
      'Trouble falling or staying asleep, or sleeping too much',
      'Feeling tired or having little energy',
      'Poor appetite or overeating',
      'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
      'Trouble concentrating on things, such as reading the newspaper or watching television',
      'Moving or speaking so slowly that other people could have noticed; or the opposite, being so fidgety or restless that you have been moving around a lot more than usual',
      'Thoughts that you would be better off dead, or of hurting yourself in some way',
    ].map((text, i) => ({ id: `q${i + 1}`, text })),
    scores: [
      { id: 'total', label: 'PHQ-9 total', method: 'sum', items: ids(9), range: { min: 0, max: 27 }, higherIsBetter: false, bands: severity5(27), meaningfulChange: 6, reliableChange: 6, caseness: 10 },
    ],
    primaryScore: 'total',
    maxMissing: 1,
    requiredItems: ['q9'],
    riskItem: { item: 'q9', above: 0 },
    minIntervalDays: 14,
    licence: { requiresConfirmation: false, note: 'PHQ-9 is free to use without permission.' },
    scoringVersion: 1,
  },
  gad7: {
    id: 'gad7',
    name: 'Generalised Anxiety Disorder Assessment (GAD-7)',
    shortName: 'GAD-7',
    stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    options: frequency4,
    items: [
      'Feeling nervous, anxious or on edge',
      'Not being able to stop or control worrying',
      'Worrying too much about different things',
      'Trouble relaxing',
      'Being so restless that it is hard to sit still',
      'Becoming easily annoyed or irritable',
      'Feeling afraid as if something awful might happen',
    ].map((text, i) => ({ id: `q${i + 1}`, text })),
    scores: [
      { id: 'total', label: 'GAD-7 total', method: 'sum', items: ids(7), range: { min: 0, max: 21 }, higherIsBetter: false, bands: severity5(21), meaningfulChange: 4, reliableChange: 4, caseness: 8 },
    ],
    primaryScore: 'total',
    maxMissing: 1,
    minIntervalDays: 14,
    licence: { requiresConfirmation: false, note: 'GAD-7 is free to use without permission.' },
    scoringVersion: 1,
  },
  ons4: {
    id: 'ons4',
    name: 'ONS personal wellbeing (ONS4)',
    shortName: 'ONS4',
    stem: 'Answer each on a scale of 0 to 10, where 0 is "not at all" and 10 is "completely".',
    options: zeroToTen,
    items: [
      { id: 'satisfied', text: 'Overall, how satisfied are you with your life nowadays?' },
      { id: 'worthwhile', text: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?' },
      { id: 'happy', text: 'Overall, how happy did you feel yesterday?' },
      { id: 'anxious', text: 'Overall, how anxious did you feel yesterday?' },
    ],
    scores: [
      { id: 'satisfied', label: 'Life satisfaction', method: 'sum', items: ['satisfied'], range: { min: 0, max: 10 }, higherIsBetter: true, bands: onsPositiveBands, meaningfulChange: 1 },
      { id: 'worthwhile', label: 'Worthwhile', method: 'sum', items: ['worthwhile'], range: { min: 0, max: 10 }, higherIsBetter: true, bands: onsPositiveBands, meaningfulChange: 1 },
      { id: 'happy', label: 'Happiness yesterday', method: 'sum', items: ['happy'], range: { min: 0, max: 10 }, higherIsBetter: true, bands: onsPositiveBands, meaningfulChange: 1 },
      { id: 'anxious', label: 'Anxiety yesterday', method: 'sum', items: ['anxious'], range: { min: 0, max: 10 }, higherIsBetter: false, bands: onsAnxietyBands, meaningfulChange: 1 },
    ],
    primaryScore: 'satisfied',
    maxMissing: 0,
    minIntervalDays: 0,
    licence: { requiresConfirmation: false, note: 'ONS4 questions are Crown copyright, free to use under the Open Government Licence.' },
    scoringVersion: 1,
    toConfirm: 'The meaningful change for ONS4 (taken here as a whole point on the 0–10 scale).',
  },
  pozqol: {
    id: 'pozqol',
    name: 'PozQoL: quality of life with HIV',
    shortName: 'PozQoL',
    stem: 'How much does each statement apply to you? (Wording from your licensed PozQoL form.)',
    options: pozqolOptions,
    // The official form's numbering (pozqol.org), not the published paper's table, which groups
    // the items by domain: there the four positive items appear as 4–7. Wording is not shipped.
    items: Array.from({ length: 13 }, (_, i) => {
      const n = i + 1;
      const domain = Object.entries(POZQOL_DOMAINS).find(([, items]) => items.includes(n))![0];
      return { id: `q${n}`, text: null, domain, reverse: !POZQOL_POSITIVE.includes(n) };
    }),
    scores: [
      { id: 'overall', label: 'PozQoL overall', method: 'mean', items: ids(13), range: { min: 1, max: 5 }, higherIsBetter: true, bands: pozqolBands(), meaningfulChange: 0.5 },
      ...(['health', 'psychological', 'social', 'functional'] as const).map((domain) => ({
        id: domain,
        label: POZQOL_DOMAIN_LABELS[domain],
        method: 'mean' as const,
        items: POZQOL_DOMAINS[domain].map((n) => `q${n}`),
        range: { min: 1, max: 5 },
        higherIsBetter: true,
        bands: pozqolBands(),
        meaningfulChange: 0.5,
      })),
    ],
    primaryScore: 'overall',
    maxMissing: 0,
    minIntervalDays: 0,
    // The authors: "wait at least 2 months before re-administering PozQoL".
    minIntervalMonths: 2,
    licence: { requiresConfirmation: true, note: 'PozQoL is free to use after registration with its authors; the item wording comes from your licensed form.' },
    // 2: the official form's numbering and reverse coding (1 was the paper's domain order, wrongly coded).
    scoringVersion: 2,
    toConfirm:
      'Positive items 1, 5, 8 and 13 (the psychological domain) are from the authors’ scoring guide; which of the other nine items fall in the health, social and functional domains, the means method and a meaningful change of 0.5 are to be confirmed against the licensed form.',
  },
};

function pozqolBands(): Band[] {
  return [
    { min: 1, max: 2.49, label: 'Low', level: 3 },
    { min: 2.5, max: 3.49, label: 'Moderate', level: 2 },
    { min: 3.5, max: 4.49, label: 'Good', level: 1 },
    { min: 4.5, max: 5, label: 'Very good', level: 0 },
  ];
}

export const INSTRUMENT_IDS = Object.keys(INSTRUMENTS) as InstrumentId[];
