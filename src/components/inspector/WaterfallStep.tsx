import type { Waterfall } from '../../core/inspect/stages';
import { Step } from './Step';
import { S } from './strings';

const T = S.stages.waterfall;

/** The measured time of every stage as bars laid end to end. */
export function WaterfallStep({ waterfall, totalMs }: { waterfall: Waterfall; totalMs: number }) {
  const scale = 100 / Math.max(waterfall.totalMs, totalMs, 1e-6);
  return (
    <Step id="waterfall" title={T.title} explain={T.explain}>
      <p className="muted" data-testid="inspector-total" data-ms={totalMs}>
        {T.total(totalMs)}
      </p>
      <ol className="waterfall">
        {waterfall.rows.map((row) => (
          <li key={row.stage} data-testid="inspector-stage" data-stage={row.stage} data-ms={row.ms}>
            <span className="stage-name">{S.stageNames[row.stage]}</span>
            <span className="stage-track">
              <span
                className={`stage-bar stage-${row.stage}`}
                style={{ marginLeft: `${row.startMs * scale}%`, width: `max(2px, ${row.ms * scale}%)` }}
              />
            </span>
            <span className="stage-ms">{row.ms.toFixed(2)} ms</span>
          </li>
        ))}
      </ol>
    </Step>
  );
}
