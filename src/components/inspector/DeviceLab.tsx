import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { labCsv } from '../../core/inspect/lab-report';
import type { ModelStatus } from '../../core/status/reducer';
import { useDeviceLab } from '../../hooks/use-device-lab';
import { useDecimal } from './decimal';

const BATCHES = [1, 8, 32];
const LENGTHS = [64, 256, 512];
const COLUMNS = ['device', 'threads', 'batch', 'seq', 'ms', 'perSec', 'gflops', 'peak'] as const;

/** A link that saves `text` as a file. */
function SaveLink({ text, name, type, label }: { text: string; name: string; type: string; label: string }) {
  return (
    <a className="button" download={name} href={URL.createObjectURL(new Blob([text], { type }))}>
      {label}
    </a>
  );
}

function Checks({
  name,
  label,
  values,
  chosen,
  onChange,
}: {
  name: string;
  label: string;
  values: number[];
  chosen: number[];
  onChange: (v: number[]) => void;
}) {
  return (
    <fieldset className="lab-checks">
      <legend>{label}</legend>
      {values.map((value) => (
        <label key={value}>
          <input
            type="checkbox"
            name={`${name}-${value}`}
            checked={chosen.includes(value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...chosen, value].sort((a, b) => a - b)
                  : chosen.filter((v) => v !== value),
              )
            }
          />{' '}
          {value}
        </label>
      ))}
    </fieldset>
  );
}

/** Embeds synthetic batches on every device and thread count and shows time, passages/s and GFLOP/s. */
export default function DeviceLab({ model }: { model: ModelStatus }) {
  const { t } = useTranslation();
  const decimal = useDecimal();
  const lab = useDeviceLab(model.id);
  const [batches, setBatches] = useState(BATCHES);
  const [lengths, setLengths] = useState(LENGTHS);
  const cases = batches.flatMap((batch) => lengths.map((seq) => ({ batch, seq })));
  const fastest = Math.max(1, ...lab.rows.map((row) => row.perSec));
  const total = cases.length * lab.configs.length;
  const report = { model: model.id, dtype: model.dtype, peaks: lab.peaks, rows: lab.rows };
  return (
    <section className="device-lab" data-testid="device-lab">
      <p className="explain">{t('inspector.lab.explain')}</p>
      <p>
        <strong>{t('inspector.lab.model', { id: model.id || '—' })}</strong> · {model.dtype}
      </p>
      {lab.webgpu === false && <p className="muted">{t('inspector.lab.noWebgpu')}</p>}
      <div className="lab-controls">
        <Checks
          name="batch"
          label={t('inspector.lab.batch')}
          values={BATCHES}
          chosen={batches}
          onChange={setBatches}
        />
        <Checks
          name="tokens"
          label={t('inspector.lab.seq')}
          values={LENGTHS}
          chosen={lengths}
          onChange={setLengths}
        />
        <button
          type="button"
          disabled={lab.running || !model.id || cases.length === 0}
          onClick={() => lab.run(cases)}
        >
          {t('inspector.lab.run')}
        </button>
        {lab.running && (
          <span aria-live="polite">{t('inspector.lab.running', { done: lab.rows.length, total })}</span>
        )}
      </div>
      {lab.error && <p className="error">{lab.error}</p>}
      {Object.entries(lab.peaks).map(([threads, gflops]) => (
        <p key={threads} className="muted" data-testid="device-lab-peak">
          {t('inspector.lab.peakValue', { gflops, count: Number(threads) })}
        </p>
      ))}
      {lab.rows.length > 0 && (
        <div className="table-scroll" tabIndex={0}>
          <table className="inspector-table">
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column}>{t(`inspector.lab.${column}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lab.rows.map((row, i) => {
                const peak = row.device === 'wasm' ? lab.peaks[row.threads] : undefined;
                return (
                  <tr
                    key={i}
                    data-testid="device-lab-row"
                    data-device={row.device}
                    data-threads={row.threads}
                    data-batch={row.batch}
                    data-seq={row.seq}
                    data-ms={row.ms}
                  >
                    <td>{row.device}</td>
                    <td>{row.threads || '—'}</td>
                    <td>{row.batch}</td>
                    <td>{row.seq}</td>
                    <td>{decimal(row.ms, 1)}</td>
                    <td className="bar-cell">
                      <span
                        className={`lab-bar lab-${row.device}`}
                        style={{ width: `${(row.perSec / fastest) * 100}%` }}
                      />
                      {decimal(row.perSec, 1)}
                    </td>
                    <td>{decimal(row.gflops, 1)}</td>
                    <td>{peak ? t('inspector.percent', { value: row.gflops / peak }) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="explain">{t('inspector.lab.why')}</p>
      {lab.rows.length > 0 && !lab.running && (
        <p className="lab-save">
          <SaveLink
            text={JSON.stringify(report, null, 2)}
            name="device-lab.json"
            type="application/json"
            label={t('inspector.lab.json')}
          />{' '}
          <SaveLink
            text={labCsv(lab.rows)}
            name="device-lab.csv"
            type="text/csv"
            label={t('inspector.lab.csv')}
          />
        </p>
      )}
    </section>
  );
}
