/** When the business answers its phone: days of the week and a daily window, in one time zone. */
export interface BusinessHours {
  /** IANA time zone, e.g. `Asia/Singapore`. */
  readonly timeZone: string;
  /** Open days, 0 = Sunday … 6 = Saturday. */
  readonly days: readonly number[];
  /** Opening and closing time, minutes after midnight (closesAt exclusive). */
  readonly opensAt: number;
  readonly closesAt: number;
}

/** A business-hours setting that cannot be understood. */
export class BusinessHoursError extends Error {
  override readonly name = 'BusinessHoursError';
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const minutes = (hhmm: string, spec: string): number => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new BusinessHoursError(`bad time "${hhmm}" in "${spec}" (want HH:MM)`);
  return Number(match[1]) * 60 + Number(match[2]);
};

const dayRange = (range: string, spec: string): number[] => {
  const [from = '', to = from] = range.split('-');
  const start = DAYS.indexOf(from);
  const end = DAYS.indexOf(to);
  if (start < 0 || end < 0) throw new BusinessHoursError(`bad days "${range}" in "${spec}"`);
  const days: number[] = [];
  for (let d = start; ; d = (d + 1) % 7) {
    days.push(d);
    if (d === end) return days;
  }
};

/**
 * Parses `mon-fri 09:00-17:00 Asia/Singapore` (days as a range or a comma list such as
 * `mon,wed,sat`; the zone defaults to UTC). @throws {@link BusinessHoursError}.
 */
export function parseBusinessHours(spec: string): BusinessHours {
  const [days, window, , ...rest] = spec.trim().toLowerCase().split(/\s+/);
  if (!days || !window || rest.length)
    throw new BusinessHoursError(`"${spec}" is not "<days> <HH:MM-HH:MM> [zone]"`);
  const [open, close] = window.split('-');
  const opensAt = minutes(open ?? '', spec);
  const closesAt = minutes(close ?? '', spec);
  if (closesAt <= opensAt) throw new BusinessHoursError(`"${window}" closes before it opens`);
  const zone = spec.trim().split(/\s+/)[2] ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new BusinessHoursError(`unknown time zone "${zone}"`);
  }
  const list = days.split(',').flatMap((range) => dayRange(range, spec));
  return { timeZone: zone, days: [...new Set(list)].sort((a, b) => a - b), opensAt, closesAt };
}

/** Whether the business is open at `at`. Pure. */
export function isOpen(hours: BusinessHours, at: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: hours.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = DAYS.indexOf(part('weekday').toLowerCase());
  const minute = Number(part('hour')) * 60 + Number(part('minute'));
  return hours.days.includes(day) && minute >= hours.opensAt && minute < hours.closesAt;
}
