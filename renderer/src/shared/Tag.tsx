// A small status label. Mantine's light badges put shade-9 text on a tint, which for green,
// orange and yellow is under 4.5:1; these pairs are all 7:1 or better on their own tint.
import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { TEXT } from './contrast';

const TONES = {
  danger: { background: '#fde8e8', color: TEXT.danger },
  good: { background: '#e3f4e8', color: TEXT.good },
  warning: { background: '#fff1d6', color: TEXT.warning },
  neutral: { background: '#eceff2', color: TEXT.neutral },
  info: { background: '#e6f0fa', color: TEXT.info },
} as const;
export type Tone = keyof typeof TONES;

export function Tag({ tone = 'neutral', children, ...props }: BadgeProps & { tone?: Tone; children: ReactNode }) {
  return (
    <Badge variant="light" tt="none" radius="sm" fw={600} styles={{ root: TONES[tone] }} {...props}>
      {children}
    </Badge>
  );
}
