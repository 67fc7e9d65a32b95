import { useState } from 'react';
import { labCsv } from '../../core/inspect/lab-report';
import type { ModelStatus } from '../../core/status/reducer';
import { useDeviceLab } from '../../hooks/use-device-lab';
import { S } from './strings';

const T = S.lab;
const BATCHES = [1, 8, 32];
const LENGTHS = [64, 256, 512];

/** A link that saves `text` as a file. */
function SaveLink({ text, name, type, label }: { text: string; name: string; type: string; label: string }) {
  return (
    <a className="button" download={name} href={URL.createObjectURL(new Blob([text], { type }))}>
      {label}
    </a>
  );
}

function Checks({
  label,
  values,
  chosen,
  onChange,
}: {
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
            name={`${label}-${value}`}
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
  const lab = useDeviceLab(model.id);
  const [batches, setBatches] = useState(BATCHES);
  const [lengths, setLengths] = useState(LENGTHS);
  const cases = batches.flatMap((batch) => lengths.map((seq) => ({ batch, seq })));
  const fastest = Math.max(1, ...lab.rows.map((row) => row.perSec));
  const total = cases.length * lab.configs.length;
  const report = { model: model.id, dtype: model.dtype, peaks: lab.peaks, rows: lab.rows };
  return (
    <section className="device-lab" data-testid="device-lab">
      <p className="explain">{T.explain}</p>
      <p>
        <strong>{T.model(model.id || '—')}</strong> · {model.dtype}
      </p>
      {lab.webgpu === false && <p className="muted">{T.noWebgpu}</p>}
      <div className="lab-controls">
        <Checks label={T.batch} values={BATCHES} chosen={batches} onChange={setBatches} />
        <Checks label={T.seq} values={LENGTHS} chosen={lengths} onChange={setLengths} />
        <button
          type="button"
          disabled={lab.running || !model.id || cases.length === 0}
          onClick={() => lab.run(cases)}
        >
          {T.run}
        </button>
        {lab.running && <span aria-live="polite">{T.running(lab.rows.length, total)}</span>}
      </div>
      {lab.error && <p className="error">{lab.error}</p>}
      {Object.entries(lab.peaks).map(([threads, gflops]) => (
        <p key={threads} className="muted" data-testid="device-lab-peak">
          {T.peakValue(gflops, Number(threads))}
        </p>
      ))}
      {lab.rows.length > 0 && (
        <div className="table-scroll">
          <table className="inspector-table">
            <thead>
              <tr>
                <th>{T.device}</th>
                <th>{T.threads}</th>
                <th>{T.batch}</th>
                <th>{T.seq}</th>
                <th>{T.ms}</th>
                <th>{T.perSec}</th>
                <th>{T.gflops}</th>
                <th>{T.peak}</th>
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
                    <td>{row.ms.toFixed(1)}</td>
                    <td className="bar-cell">
                      <span
                        className={`lab-bar lab-${row.device}`}
                        style={{ width: `${(row.perSec / fastest) * 100}%` }}
                      />
                      {row.perSec.toFixed(1)}
                    </td>
                    <td>{row.gflops.toFixed(1)}</td>
                    <td>{peak ? `${((row.gflops / peak) * 100).toFixed(0)} %` : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="explain">{T.why}</p>
      {lab.rows.length > 0 && !lab.running && (
        <p className="lab-save">
          <SaveLink
            text={JSON.stringify(report, null, 2)}
            name="device-lab.json"
            type="application/json"
            label={T.json}
          />{' '}
          <SaveLink text={labCsv(lab.rows)} name="device-lab.csv" type="text/csv" label={T.csv} />
        </p>
      )}
    </section>
  );
}
