import { useTranslation } from 'react-i18next';
import type { Waterfall } from '../../core/inspect/stages';
import { Step } from './Step';

/** The measured time of every stage as bars laid end to end. */
export function WaterfallStep({ waterfall, totalMs }: { waterfall: Waterfall; totalMs: number }) {
  const { t } = useTranslation();
  const scale = 100 / Math.max(waterfall.totalMs, totalMs, 1e-6);
  return (
    <Step id="waterfall" title={t('inspector.waterfall.title')} explain={t('inspector.waterfall.explain')}>
      <p className="muted" data-testid="inspector-total" data-ms={totalMs}>
        {t('inspector.waterfall.total', { ms: totalMs })}
      </p>
      <ol className="waterfall">
        {waterfall.rows.map((row) => (
          <li key={row.stage} data-testid="inspector-stage" data-stage={row.stage} data-ms={row.ms}>
            <span className="stage-name">{t(`inspector.stageNames.${row.stage}`)}</span>
            <span className="stage-track">
              <span
                className={`stage-bar stage-${row.stage}`}
                style={{ marginLeft: `${row.startMs * scale}%`, width: `max(2px, ${row.ms * scale}%)` }}
              />
            </span>
            <span className="stage-ms">{t('inspector.waterfall.stageMs', { ms: row.ms })}</span>
          </li>
        ))}
      </ol>
    </Step>
  );
}
