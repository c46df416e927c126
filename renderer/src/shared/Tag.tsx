// A small status label. Mantine's light badges put shade-9 text on a tint, which for green,
// orange and yellow is under 4.5:1; these pairs are all 6.9:1 or better on their own tint.
import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { TEXT, TINT } from './contrast';

const TONES = {
  danger: { background: TINT.danger, color: TEXT.danger },
  good: { background: TINT.good, color: TEXT.good },
  warning: { background: TINT.warning, color: TEXT.warning },
  neutral: { background: TINT.neutral, color: TEXT.neutral },
  info: { background: TINT.info, color: TEXT.info },
} as const;
export type Tone = keyof typeof TONES;

export function Tag({ tone = 'neutral', children, ...props }: BadgeProps & { tone?: Tone; children: ReactNode }) {
  return (
    <Badge variant="light" tt="none" radius="sm" fw={600} styles={{ root: TONES[tone] }} {...props}>
      {children}
    </Badge>
  );
}
