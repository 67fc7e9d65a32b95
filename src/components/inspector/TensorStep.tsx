import type { ModelStatus } from '../../core/status/reducer';
import type { EmbedTrace } from '../../shared/inspect';
import { Step } from './Step';
import { S } from './strings';

const T = S.stages.tensors;

/** Bytes of the model's `.onnx` files as downloaded or read from the cache. */
function onnxBytes(model: ModelStatus): number {
  return Object.entries(model.files)
    .filter(([file]) => file.endsWith('.onnx'))
    .reduce((sum, [, state]) => sum + state.total, 0);
}

const shape = (dims: number[]) => `[${dims.join(', ')}]`;

/** The input tensors' shapes and types, and the model card of the model that ran. */
export function TensorStep({ embed, model }: { embed: EmbedTrace; model: ModelStatus }) {
  const bytes = onnxBytes(model);
  const card: [string, string][] = [
    [T.layers, String(embed.shape.layers)],
    [T.hidden, String(embed.shape.hidden)],
    [T.heads, String(embed.shape.heads)],
    [T.intermediate, String(embed.shape.intermediate)],
    [T.params, `${(embed.shape.parameters / 1e6).toFixed(1)} M`],
    [T.dtype, model.dtype],
    [T.device, model.device],
    [T.threads, model.device === 'wasm' ? String(model.threads) : '—'],
    [T.fileSize, bytes > 0 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : '—'],
  ];
  return (
    <Step id="tensors" title={T.title} explain={T.explain}>
      <table className="inspector-table" data-testid="inspector-tensors">
        <tbody>
          {embed.inputs.map((tensor) => (
            <tr key={tensor.name}>
              <th>{tensor.name}</th>
              <td>{shape(tensor.shape)}</td>
              <td>{tensor.dtype}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>
        {T.card}: {model.id}
      </h4>
      <dl className="model-card" data-testid="inspector-model-card">
        {card.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Step>
  );
}
