// Names and identifiers refuse hidden and control characters; notes keep new lines and tabs only.
import { describe, expect, it } from 'vitest';
import { HIDDEN_CHARACTER_MESSAGE, isVisibleText } from '../../core/domain/fields';
import { addMemberSchema } from '../../core/domain/members';
import { newGoalSchema } from '../../core/domain/goal';
import { newGroupEventSchema } from '../../core/domain/group';
import { personDetailsFields } from '../../core/domain/person';
import { siteSchema } from '../../core/domain/site';
import { createWorkspaceSchema } from '../../core/domain/workspace';
import { newContactSchema } from '../../core/domain/contact';
import { profileSchema } from '../../core/domain/export/profile';
import { newEpisodeSchema } from '../../core/domain/episode';
import { newSignpostingSchema } from '../../core/domain/signposting';

/** Each hides something, reorders what is shown, or shows nothing at all. */
const NASTY: Record<string, string> = {
  'right-to-left override': 'Sam \u202Eyenom\u202C',
  'left-to-right override': '\u202DSam',
  'left-to-right embedding': 'Sam\u202A',
  'right-to-left embedding': '\u202BSam',
  'pop directional formatting': 'Sam\u202C',
  'left-to-right isolate': 'Sam\u2066x\u2069',
  'right-to-left isolate': '\u2067Sam',
  'first strong isolate': '\u2068Sam\u2069',
  'left-to-right mark': 'Sam\u200E',
  'right-to-left mark': '\u200FSam',
  'Arabic letter mark': 'Sam\u061C',
  'zero-width space only': '\u200B',
  'zero-width spaces only': '\u200B\u200B\u200B',
  'zero-width joiner only': '\u200D',
  'zero-width non-joiner only': '\u200C\u200C',
  'word joiner only': '\u2060',
  'zero-width space inside': 'S\u200Bam',
  'byte-order mark inside': 'Sa\uFEFFm',
  'NUL': 'Sam\u0000',
  'bell': 'Sam\u0007',
  'backspace': 'Sam\b\b\bBob',
  'escape sequence': 'Sam\u001B[31m',
  'vertical tab': 'Sam\u000Bx',
  'form feed': 'Sam\fx',
  'DEL': 'Sam\u007F',
  'C1 control (NEL)': 'Sam\u0085x',
  'C1 control (CSI)': 'Sam\u009B',
  'line separator': 'Sam\u2028Bob',
  'paragraph separator': 'Sam\u2029Bob',
  'lone high surrogate': 'Sam\uD800',
  'lone low surrogate': '\uDC00Sam',
  'tag characters': 'Sam\u{E0041}\u{E0042}',
  'soft hyphen': 'Sa\u00ADm',
  'invisible separator': 'Sam\u2063',
  'combining marks only': '\u0301\u0301',
};

/** Hidden in a name, but a note keeps them. */
const LINES: Record<string, string> = { 'new line': 'Sam\nBob', 'carriage return and new line': 'Sam\r\nBob', tab: 'Sam\tBob' };

const FINE = [
  'Sam Peer',
  "Siobhán O'Neill-Ó Briain",
  'José Ñúñez',
  'Zoë',
  'Ngozi Okonkwo-Adébáyọ̀',
  'Αλέξανδρος',
  'Дмитрий',
  'محمد',
  'שרה',
  'نیما\u200Cجان',
  '李小龍',
  'Mx. J. (Jay) Smith, Jr.',
  '👩🏽\u200D⚕️ Dr Ade',
  'A',
  '7',
  '-',
];

describe('hidden and control characters', () => {
  it.each(Object.entries(NASTY))('refuse %s, in a name and in a note', (_, text) => {
    expect(isVisibleText(text)).toBe(false);
    expect(isVisibleText(text, { lines: true })).toBe(false);
  });

  it.each(Object.entries(LINES))('refuse %s in a name, but a note keeps it', (_, text) => {
    expect(isVisibleText(text)).toBe(false);
    expect(isVisibleText(text, { lines: true })).toBe(true);
  });

  it.each(FINE)('let %s through', (text) => {
    expect(isVisibleText(text)).toBe(true);
    expect(isVisibleText(text, { lines: true })).toBe(true);
  });

  it('every short name and identifier field refuses them, in the worker’s words', () => {
    const { header } = (profileSchema.shape.columns.element as unknown as { shape: { header: { safeParse: (v: unknown) => Parsed } } }).shape;
    type Parsed = { success: boolean; error?: { issues: { message: string }[] } };
    const fields: [string, { safeParse: (v: unknown) => Parsed }][] = [
      ['preferred name', personDetailsFields.preferredName],
      ['first language', personDetailsFields.firstLanguage],
      ['member name', addMemberSchema.shape.name],
      ['organisation', createWorkspaceSchema.shape.organisation],
      ['display name', createWorkspaceSchema.shape.displayName],
      ['site name', siteSchema.shape.name],
      ['event title', newGroupEventSchema.shape.title],
      ['facilitator', newGroupEventSchema.shape.facilitator],
      ['referrer organisation', newEpisodeSchema.shape.referrerOrganisation],
      ['signposted organisation', newSignpostingSchema.shape.organisation],
      ['profile name', profileSchema.shape.name],
      ['column header', header],
    ];
    for (const [what, text] of [...Object.entries(NASTY), ...Object.entries(LINES)]) {
      for (const [field, schema] of fields) {
        const messages = (schema.safeParse(text).error?.issues ?? []).map((x) => x.message);
        expect(messages, `${what} in ${field}`).toContain(HIDDEN_CHARACTER_MESSAGE);
      }
      // These have their own stricter rules: refused either way.
      expect(personDetailsFields.hospitalNumber.safeParse(`AB${text}12`).success, what).toBe(false);
      // (Combining marks after a letter are an accent, not hidden.)
      if (!what.startsWith('combining')) expect(personDetailsFields.email.safeParse(`sam${text}@example.org`).success, what).toBe(false);
    }
    for (const [field, schema] of fields) for (const text of FINE) expect(schema.safeParse(text).success, `${text} in ${field}`).toBe(true);
  });

  it('notes and descriptions keep new lines and tabs, and refuse the rest', () => {
    const note = newContactSchema.shape.note;
    const description = newGoalSchema.shape.description;
    for (const schema of [note, description]) {
      expect(schema.safeParse('Talked about work.\n\tNext: housing.\r\nOK').success).toBe(true);
      for (const [what, text] of Object.entries(NASTY)) expect(schema.safeParse(text).error?.issues.map((x) => x.message), what).toContain(HIDDEN_CHARACTER_MESSAGE);
    }
  });
});
