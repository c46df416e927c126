// A date field that reads and shows DD/MM/YYYY and keeps the value as ISO (YYYY-MM-DD).
import { DateInput, type DateInputProps } from '@mantine/dates';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

const FORMATS = ['DD/MM/YYYY', 'D/M/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY', 'YYYY-MM-DD'];

export function parseUkDate(typed: string): string | null {
  const d = dayjs(typed.trim(), FORMATS, true);
  return d.isValid() ? d.format('YYYY-MM-DD') : null;
}

export function DateField(props: DateInputProps) {
  return <DateInput valueFormat="DD/MM/YYYY" dateParser={parseUkDate} placeholder="DD/MM/YYYY" clearable={false} {...props} />;
}
