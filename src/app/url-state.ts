/**
 * The page's addressable state: what `?q=`, `?model=`, `?mode=`, `?device=`, `?dtype=`, `?hub=`, `?lang=`
 * and `?inspect=1` ask for.
 */
import type { SearchMode } from '../shared/protocol';

const DTYPES = ['fp32', 'fp16', 'q8'] as const;

/** State read from the URL. */
export interface UrlState {
  /** Query to fill in and run. */
  query: string;
  /** Registry id of the model, or undefined for the default. */
  modelId?: string;
  /** Ranking mode. */
  mode: SearchMode;
  /** Forced device. */
  device?: 'webgpu' | 'wasm';
  /** Asked-for weight precision (`fp32` to run the full-precision files); used when the model has it. */
  dtype?: (typeof DTYPES)[number];
  /** Hub mirror to download models from. */
  hubHost?: string;
  /** Interface language asked for (`zh-Hans`, `zh-Hant`, `en`), unchecked: `chooseLanguage` validates it. */
  language?: string;
  /** Whether the inspector is open. */
  inspect: boolean;
}

const MODES: readonly SearchMode[] = ['hybrid', 'semantic', 'keyword'];

/**
 * Reads the state from a query string; unknown values fall back to defaults.
 *
 * @example
 * readUrlState('?q=开源&mode=keyword'); // { query: '开源', mode: 'keyword' }
 */
export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const mode = params.get('mode') as SearchMode | null;
  const device = params.get('device');
  const dtype = DTYPES.find((d) => d === params.get('dtype'));
  return {
    query: params.get('q') ?? '',
    modelId: params.get('model') ?? undefined,
    mode: mode && MODES.includes(mode) ? mode : 'hybrid',
    device: device === 'webgpu' || device === 'wasm' ? device : undefined,
    dtype,
    hubHost: params.get('hub') ?? undefined,
    language: params.get('lang') ?? undefined,
    inspect: params.get('inspect') === '1',
  };
}

/**
 * Writes query, mode and (when given) whether the inspector is open back into a query string, keeping the
 * other parameters.
 *
 * @example
 * writeUrlState('?model=fixture-tiny', { query: '开源', mode: 'hybrid' }); // '?model=fixture-tiny&q=开源'
 */
export function writeUrlState(
  search: string,
  state: Pick<UrlState, 'query' | 'mode'> & Partial<Pick<UrlState, 'inspect'>>,
): string {
  const params = new URLSearchParams(search);
  if (state.query) params.set('q', state.query);
  else params.delete('q');
  if (state.mode !== 'hybrid') params.set('mode', state.mode);
  else params.delete('mode');
  if (state.inspect) params.set('inspect', '1');
  else if (state.inspect === false) params.delete('inspect');
  const text = params.toString();
  return text ? `?${text}` : '';
}
