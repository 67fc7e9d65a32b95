import type { SearchTrace } from '../../shared/inspect';
import type { SearchHit } from '../../shared/protocol';
import { Step } from './Step';
import { S } from './strings';

const T = S.stages.fusion;
const share = (value: number) => (value === 0 ? '—' : value.toFixed(5));

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
  const titles = new Map(hits.map((hit) => [hit.passageId, hit.title]));
  return (
    <Step id="fusion" title={T.title} explain={T.explain}>
      <div className="table-scroll">
        <table className="inspector-table" data-testid="inspector-fusion">
          <thead>
            <tr>
              <th>{T.final}</th>
              <th>{T.passage}</th>
              <th>{T.denseRank}</th>
              <th>{T.keywordRank}</th>
              <th>{T.denseShare}</th>
              <th>{T.keywordShare}</th>
              <th>{T.fused}</th>
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
                <td>{row.fused.toFixed(5)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Step>
  );
}
