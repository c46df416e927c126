// A time of day as a plain text box: one tab stop, and what is typed stays as typed. The browser's
// own time field split it into two or three stops, so "Tab, Tab, 45" meant for the length went
// into the time's minutes and the half time was saved as no time. Here a time that reads cleanly
// ("930", "9.30") is shown as 09:30 on leaving the field; one that does not is left for the
// form's check (readTypedTime) to explain.
import { TextInput, type TextInputProps } from '@mantine/core';
import { readTypedTime } from '../../../core/domain/typedTime';

type Props = Omit<TextInputProps, 'value' | 'onChange'> & { value?: string; onChange?: (value: string) => void };

export function TimeField({ value = '', onChange, onBlur, ...props }: Props) {
  return (
    <TextInput
      description="24-hour clock, for example 09:30"
      autoComplete="off"
      spellCheck={false}
      {...props}
      value={value}
      onChange={(e) => onChange?.(e.currentTarget.value)}
      onBlur={(e) => {
        const read = readTypedTime(value);
        if (read.ok && (read.time ?? '') !== value) onChange?.(read.time ?? '');
        onBlur?.(e);
      }}
    />
  );
}
