// A date field that reads and shows DD/MM/YYYY and keeps the value as ISO (YYYY-MM-DD).
import { DateInput, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useState } from 'react';

dayjs.extend(customParseFormat);

const FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY', 'YYYY-MM-DD'];

export function parseUkDate(typed: string): string | null {
  const d = dayjs(typed.trim(), FORMATS, true);
  return d.isValid() ? d.format('YYYY-MM-DD') : null;
}

// The calendar's arrow buttons have no names of their own, and both its greyed days from the
// months either side and its red weekend days are under 4.5:1: name the buttons, leave those
// days out, and show weekends like any other day.
const ARIA_LABELS = {
  nextMonth: 'Next month',
  previousMonth: 'Previous month',
  nextYear: 'Next year',
  previousYear: 'Previous year',
  nextDecade: 'Next decade',
  previousDecade: 'Previous decade',
};

export function DateField(props: DateInputProps) {
  // Mantine opens the calendar on focus, so tabbing through a form (or a dialog that starts on a
  // date) spreads a calendar over the fields below it. Open it on a click only; typing a date,
  // the quick way, closes it.
  const [calendar, setCalendar] = useState(false);
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={parseUkDate}
      // The format as visible text, not a placeholder that goes as soon as typing starts.
      description="As DD/MM/YYYY"
      clearable={false}
      ariaLabels={ARIA_LABELS}
      hideOutsideDates
      weekendDays={[]}
      {...props}
      popoverProps={{ ...props.popoverProps, opened: calendar, onChange: setCalendar, onClose: () => setCalendar(false) }}
      onClick={(e) => {
        setCalendar((open) => !open);
        props.onClick?.(e);
      }}
      onKeyDown={(e) => {
        // Escape closes the calendar only, not the dialog around it with everything typed.
        if (e.key === 'Escape' && calendar) {
          e.stopPropagation();
          setCalendar(false);
        }
        props.onKeyDown?.(e);
      }}
      onBlur={(e) => {
        setCalendar(false);
        props.onBlur?.(e);
      }}
      onChange={(value) => {
        setCalendar(false);
        props.onChange?.(value);
      }}
    />
  );
}
