// One question of an instrument as a group of radio buttons, each answer labelled with the
// number that chooses it from the keyboard.
import { Group, Radio } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';
import type { Item, ResponseOption } from '../../../../core/domain/instruments/types';

interface Props {
  item: Item;
  number: number;
  options: ResponseOption[];
  value: number | null | undefined;
  onChange: (value: number) => void;
  onKeyDown: (e: KeyboardEvent) => void;
  error?: ReactNode;
  /** The form's name for this item's error, so the error summary can link to it. */
  path?: string;
  /** Shown under the question for items whose wording comes from a licensed form. */
  domainLabel?: string;
}

const withNumber = (o: ResponseOption) => (o.label.startsWith(String(o.value)) ? o.label : `${o.value}: ${o.label}`);

export function ItemQuestion({ item, number, options, value, onChange, onKeyDown, error, path, domainLabel }: Props) {
  const label = item.text ? `${number}. ${item.text}` : `Item ${number}${domainLabel ? ` (${domainLabel})` : ''}`;
  return (
    <Radio.Group
      label={label}
      value={value == null ? '' : String(value)}
      onChange={(v) => onChange(Number(v))}
      onKeyDown={onKeyDown}
      error={error}
      data-question={number - 1}
      data-invalid={error ? 'true' : undefined}
      data-path={path}
      styles={{ label: { fontWeight: 600, marginBottom: 4 } }}
    >
      <Group gap={options.length > 6 ? 'xs' : 'md'} mt={4}>
        {options.map((o) => (
          <Radio key={o.value} value={String(o.value)} label={withNumber(o)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
