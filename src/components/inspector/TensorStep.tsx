import { useTranslation } from 'react-i18next';
import type { ModelStatus } from '../../core/status/reducer';
import type { EmbedTrace } from '../../shared/inspect';
import { Step } from './Step';

/** Bytes of the model's `.onnx` files as downloaded or read from the cache. */
function onnxBytes(model: ModelStatus): number {
  return Object.entries(model.files)
    .filter(([file]) => file.endsWith('.onnx'))
    .reduce((sum, [, state]) => sum + state.total, 0);
}

const shape = (dims: number[]) => `[${dims.join(', ')}]`;

/** The input tensors' shapes and types, and the model card of the model that ran. */
export function TensorStep({ embed, model }: { embed: EmbedTrace; model: ModelStatus }) {
  const { t } = useTranslation();
  const bytes = onnxBytes(model);
  const card: [string, string][] = [
    [t('inspector.tensors.layers'), String(embed.shape.layers)],
    [t('inspector.tensors.hidden'), String(embed.shape.hidden)],
    [t('inspector.tensors.heads'), String(embed.shape.heads)],
    [t('inspector.tensors.intermediate'), String(embed.shape.intermediate)],
    [t('inspector.tensors.params'), t('inspector.tensors.paramsValue', { count: embed.shape.parameters })],
    [t('inspector.tensors.dtype'), model.dtype],
    [t('inspector.tensors.device'), model.device],
    [t('inspector.tensors.threads'), model.device === 'wasm' ? String(model.threads) : '—'],
    [
      t('inspector.tensors.fileSize'),
      bytes > 0 ? t('inspector.tensors.fileSizeValue', { size: bytes }) : '—',
    ],
  ];
  return (
    <Step id="tensors" title={t('inspector.tensors.title')} explain={t('inspector.tensors.explain')}>
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
      <h4>{t('inspector.tensors.card', { model: model.id })}</h4>
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
