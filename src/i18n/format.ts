/**
 * Numbers, byte sizes and durations in the reader's language, through `Intl`. Registered as i18next
 * formatters, so catalogs write `{{size, bytes}}` and `{{time, ms}}` and place them as the language needs.
 */

const KB = 1024;
const BYTE_UNITS = [
  ['gigabyte', KB ** 3],
  ['megabyte', KB ** 2],
  ['kilobyte', KB],
  ['byte', 1],
] as const;

/** A unit of bytes that {@link formatBytes} may write. */
export type ByteUnit = (typeof BYTE_UNITS)[number][0];

/**
 * Formatters made so far, by language and options: making an `Intl.NumberFormat` costs about a millisecond
 * (a progress line of an import used to make several per render), formatting with one a microsecond.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

/** The one `Intl.NumberFormat` for `language` and `options`, made on first use. */
function numberFormat(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}\u0000${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(language, options)));
  return format;
}

/** The one `Intl.ListFormat` for `language` and `options`, made on first use. */
function listFormat(language: string, options: Intl.ListFormatOptions): Intl.ListFormat {
  const key = `${language}\u0000${JSON.stringify(options)}`;
  let format = listFormats.get(key);
  if (!format) listFormats.set(key, (format = new Intl.ListFormat(language, options)));
  return format;
}

function inUnit(value: number, language: string, unit: string, digits: number): string {
  return numberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/**
 * A byte count in the largest unit that keeps it at least 1 (or in `smallest`), with one decimal (bytes
 * whole).
 *
 * @example
 * formatBytes(99_500_000, 'en'); // '94.9 MB'
 * formatBytes(2048, 'en', 'megabyte'); // '0.0 MB'
 */
export function formatBytes(bytes: number, language: string, smallest: ByteUnit = 'byte'): string {
  const floor = BYTE_UNITS.findIndex(([unit]) => unit === smallest);
  const [unit, size] = BYTE_UNITS.find(([, size], i) => bytes >= size || i === floor) ?? ['byte', 1];
  return inUnit(bytes / size, language, unit, unit === 'byte' ? 0 : 1);
}

/**
 * A byte count in megabytes with one decimal, for figures read side by side (`3.1 of 94.9 MB`).
 *
 * @example
 * formatMegabytes(3_250_586, 'en'); // '3.1 MB'
 */
export function formatMegabytes(bytes: number, language: string): string {
  return inUnit(bytes / KB ** 2, language, 'megabyte', 1);
}

/**
 * A byte count as a number of megabytes with one decimal and no unit, for the first figure of a pair
 * whose second carries the unit (`3.1 of 94.9 MB`).
 *
 * @example
 * formatMegabyteAmount(3_250_586, 'en'); // '3.1'
 */
export function formatMegabyteAmount(bytes: number, language: string): string {
  return numberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    bytes / KB ** 2,
  );
}

/**
 * A duration in milliseconds with the given decimals.
 *
 * @example
 * formatMs(12.345, 'zh-Hans', 1); // '12.3毫秒'
 */
export function formatMs(ms: number, language: string, digits = 1): string {
  return inUnit(ms, language, 'millisecond', digits);
}

/**
 * A duration in whole units, largest first: hours and minutes, minutes and seconds (under ten minutes),
 * or seconds, rounded up, joined as the language joins units.
 *
 * @example
 * formatDuration(125, 'en'); // '2 min 5 sec'
 * formatDuration(3725, 'zh-Hans'); // '1小时2分钟'
 */
export function formatDuration(seconds: number, language: string): string {
  const whole = Math.max(1, Math.ceil(seconds));
  const parts: [number, string][] =
    whole >= 3600
      ? [
          [Math.floor(whole / 3600), 'hour'],
          [Math.floor((whole % 3600) / 60), 'minute'],
        ]
      : whole >= 600
        ? [[Math.round(whole / 60), 'minute']]
        : whole >= 60
          ? [
              [Math.floor(whole / 60), 'minute'],
              [whole % 60, 'second'],
            ]
          : [[whole, 'second']];
  const shown = parts.filter(([value], i) => value > 0 || i === 0);
  const unit = ([value, name]: [number, string]) =>
    numberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  return listFormat(language, { type: 'unit', style: 'narrow' }).format(shown.map(unit));
}
