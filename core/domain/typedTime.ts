// Reading a time of day as a worker types it: "9:30", "09:30", "9.30", "0930" and "930" all mean
// 09:30, and "14" means 14:00. Anything else is refused with a reason and left as typed, so a
// half-typed time is never saved as no time at all.

export type TypedTime = { ok: true; time: string | null } | { ok: false; message: string };

const FORMAT_MESSAGE = 'Enter a time on the 24-hour clock, such as 09:30 or 14:45, or leave it blank.';

/** The time as HH:MM (null when left blank), or why what was typed is not a time of day. */
export function readTypedTime(typed: string): TypedTime {
  const text = typed.trim();
  if (text === '') return { ok: true, time: null };
  const parts = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(text);
  if (!parts) return { ok: false, message: FORMAT_MESSAGE };
  const hours = Number(parts[1]);
  const minutes = Number(parts[2] ?? '0');
  if (hours > 23 || minutes > 59) return { ok: false, message: `There is no ${text} in a day: enter a time from 00:00 to 23:59.` };
  return { ok: true, time: `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` };
}
