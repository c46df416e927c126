// Choosing a reporting period: its kind, then its parts; "Last month" and "Last quarter" (the
// returns managers send most) are one press away. Used by Reports and by Export.
import { Button, Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarMonth } from '@tabler/icons-react';
import { useState } from 'react';
import { custom, financialQuarter, financialYear, lastMonth, lastQuarter, month, quarter, type Period, type PeriodKind } from '../../../../core/domain/export/periods';
import { DateField } from '../../shared/DateField';
import { useRole } from '../../shared/access';
import {
  convert,
  FINANCIAL_QUARTER_OPTIONS,
  fieldsOf,
  financialYearsUpTo,
  KIND_LABELS,
  MONTH_NAMES,
  periodDates,
  QUARTER_OPTIONS,
  yearsUpTo,
} from './periodChoice';

interface Props {
  /** A complete period, or null while a custom range is half typed. */
  value: Period | null;
  onChange: (p: Period | null) => void;
  today: string;
  /** Names the picker for screen readers when a page has more than one. */
  label?: string;
}

const KINDS = (Object.keys(KIND_LABELS) as PeriodKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }));
const same = (a: Period | null, b: Period) => !!a && a.kind === b.kind && a.start === b.start && a.end === b.end;

export function PeriodPicker({ value, onChange, today, label = 'Reporting period' }: Props) {
  // Reporting-only members get whole months, quarters and years (the back end refuses the rest:
  // core/domain/export/reportingPeriods.ts), so they are not offered a custom range.
  const kinds = useRole() === 'reporting' ? KINDS.filter((k) => k.value !== 'custom') : KINDS;
  // The last complete period: switching kind starts from it even while a custom range is unfinished.
  const [anchor, setAnchor] = useState<Period>(value ?? lastMonth(today));
  const [kind, setKind] = useState<PeriodKind>(value?.kind ?? 'month');
  const narrow = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const [range, setRange] = useState({ start: value?.start ?? anchor.start, end: value?.end ?? anchor.end });
  const [rangeError, setRangeError] = useState<{ start?: string; end?: string }>({});

  const pick = (p: Period) => {
    setAnchor(p);
    setKind(p.kind);
    setRange({ start: p.start, end: p.end });
    setRangeError({});
    onChange(p);
  };
  const setCustom = (start: string | null, end: string | null) => {
    setRange({ start: start ?? '', end: end ?? '' });
    if (!start || !end) {
      setRangeError({ start: start ? undefined : 'Enter the first day as DD/MM/YYYY.', end: end ? undefined : 'Enter the last day as DD/MM/YYYY.' });
      onChange(null);
    } else if (start > end) {
      setRangeError({ end: 'The period must end on or after its start.' });
      onChange(null);
    } else {
      setRangeError({});
      const p = custom(start, end);
      setAnchor(p);
      onChange(p);
    }
  };

  const f = fieldsOf(anchor);
  const years = yearsUpTo(today).map(String);
  const quick = [
    { label: 'Last month', period: lastMonth(today) },
    { label: 'Last quarter', period: lastQuarter(today) },
  ];
  return (
    <Stack gap="xs" role="group" aria-label={label}>
      <Group gap="sm" align="center" wrap="wrap">
        <SegmentedControl
          aria-label={`${label}: kind of period`}
          // Five choices side by side do not fit a narrow window (400% zoom): one under another there.
          orientation={narrow ? 'vertical' : 'horizontal'}
          fullWidth={narrow}
          data={kinds}
          value={kind}
          onChange={(k) => {
            if (k !== 'custom') return pick(convert(anchor, k as PeriodKind));
            setKind('custom');
            setCustom(range.start || null, range.end || null);
          }}
        />
        <Group gap="xs">
          {quick.map((q) => (
            <Button
              key={q.label}
              size="sm"
              variant={same(value, q.period) ? 'filled' : 'default'}
              aria-pressed={same(value, q.period)}
              leftSection={<IconCalendarMonth size={16} aria-hidden />}
              onClick={() => pick(q.period)}
            >
              {q.label}
            </Button>
          ))}
        </Group>
      </Group>
      <Group gap="sm" align="flex-start" wrap="wrap">
        {kind === 'month' && (
          <>
            <NativeSelect
              label="Month"
              w={160}
              data={MONTH_NAMES.map((m, i) => ({ value: String(i + 1), label: m }))}
              value={f.month}
              onChange={(e) => pick(month(Number(f.year), Number(e.currentTarget.value)))}
            />
            <NativeSelect label="Year" w={110} data={years} value={f.year} onChange={(e) => pick(month(Number(e.currentTarget.value), Number(f.month)))} />
          </>
        )}
        {kind === 'quarter' && (
          <>
            <NativeSelect label="Quarter" w={200} data={QUARTER_OPTIONS} value={f.quarter} onChange={(e) => pick(quarter(Number(f.year), Number(e.currentTarget.value)))} />
            <NativeSelect label="Year" w={110} data={years} value={f.year} onChange={(e) => pick(quarter(Number(e.currentTarget.value), Number(f.quarter)))} />
          </>
        )}
        {(kind === 'financial_year' || kind === 'financial_quarter') && (
          <NativeSelect
            label="Financial year"
            w={150}
            data={financialYearsUpTo(today)}
            value={f.financialYear}
            onChange={(e) => {
              const y = Number(e.currentTarget.value);
              pick(kind === 'financial_year' ? financialYear(y) : financialQuarter(y, Number(f.financialQuarter)));
            }}
          />
        )}
        {kind === 'financial_quarter' && (
          <NativeSelect
            label="Financial quarter"
            w={230}
            data={FINANCIAL_QUARTER_OPTIONS}
            value={f.financialQuarter}
            onChange={(e) => pick(financialQuarter(Number(f.financialYear), Number(e.currentTarget.value)))}
          />
        )}
        {kind === 'custom' && (
          <>
            <DateField label="From" w={200} value={range.start || null} onChange={(d) => setCustom(d, range.end || null)} error={rangeError.start} />
            <DateField label="To" w={200} value={range.end || null} onChange={(d) => setCustom(range.start || null, d)} error={rangeError.end} />
          </>
        )}
      </Group>
      {value && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {value.kind === 'custom' ? value.label : `${value.label}: ${periodDates(value)}`}
        </Text>
      )}
    </Stack>
  );
}
