import { useTranslation } from 'react-i18next';
import type { SearchTrace } from '../../shared/inspect';
import type { SearchHit } from '../../shared/protocol';
import { useDecimal } from './decimal';
import { Step } from './Step';

const COLUMNS = [
  'final',
  'passage',
  'denseRank',
  'keywordRank',
  'denseShare',
  'keywordShare',
  'fused',
] as const;

/** Dense rank, keyword rank and each side's RRF share, giving the final order. */
export function FusionStep({
  trace,
  hits,
  focusId,
}: {
  trace: SearchTrace;
  hits: SearchHit[];
  focusId?: string;
}) {
  const { t } = useTranslation();
  const decimal = useDecimal();
  const share = (value: number) => (value === 0 ? '—' : decimal(value, 5));
  const titles = new Map(hits.map((hit) => [hit.passageId, hit.title]));
  return (
    <Step id="fusion" title={t('inspector.fusion.title')} explain={t('inspector.fusion.explain')}>
      <div className="table-scroll" tabIndex={0}>
        <table className="inspector-table" data-testid="inspector-fusion">
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column}>{t(`inspector.fusion.${column}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trace.fusion.map((row) => (
              <tr key={row.id} className={row.id === focusId ? 'focus' : undefined} data-passage-id={row.id}>
                <td>{row.finalRank}</td>
                <td>{(titles.get(row.id) ?? row.id).slice(0, 16)}</td>
                <td>{row.denseRank ?? '—'}</td>
                <td>{row.keywordRank ?? '—'}</td>
                <td>{share(row.denseContribution)}</td>
                <td>{share(row.keywordContribution)}</td>
                <td>{decimal(row.fused, 5)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Step>
  );
}
