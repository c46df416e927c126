// The app's own colours keep WCAG AA contrast (text 4.5:1, parts of the screen 3:1): each text
// colour on white and on its own tint, and the amber used for what is overdue. Worked out with
// WCAG 2's relative luminance, so a colour changed in contrast.ts is checked, not trusted.
import { describe, expect, it } from 'vitest';
import { ATTENTION, TEXT, TINT } from '../../renderer/src/shared/contrast';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

describe('contrast of the app’s colours', () => {
  it('works ratios out as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(Object.keys(TEXT) as (keyof typeof TEXT)[])('%s text is 7:1 or better on white, and AA with room to spare on its own tint', (tone) => {
    expect(contrast(TEXT[tone], '#ffffff')).toBeGreaterThanOrEqual(7);
    expect(contrast(TEXT[tone], TINT[tone])).toBeGreaterThanOrEqual(6.5);
  });

  it('the amber for overdue reads as text on its tint and its edge stands out from white and the tint', () => {
    expect(contrast(ATTENTION.text, ATTENTION.tint)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(ATTENTION.edge, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(ATTENTION.edge, ATTENTION.tint)).toBeGreaterThanOrEqual(3);
  });

  it('the amber is not the red kept for risk', () => {
    expect(ATTENTION.edge).not.toBe(TEXT.danger);
    expect(ATTENTION.text).not.toBe(TEXT.danger);
  });
});
