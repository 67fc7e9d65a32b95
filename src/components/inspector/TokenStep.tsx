import { useTranslation } from 'react-i18next';
import { MAX_MODEL_TOKENS } from '../../core/tokenize/bert-tokenizer';
import { sourceOf } from '../../core/inspect/token-map';
import type { EmbedTrace } from '../../shared/inspect';
import { Step } from './Step';

/** WordPiece tokens as chips with ids and the characters each came from; special tokens marked. */
export function TokenStep({ embed, typed }: { embed: EmbedTrace; typed: string }) {
  const { t } = useTranslation();
  // The typed text (instruction + query before script conversion) has the model text's code points in place.
  const source =
    typed.length > 0 && Array.from(typed).length === Array.from(embed.modelText).length
      ? typed
      : embed.modelText;
  return (
    <Step id="tokenise" title={t('inspector.tokenise.title')} explain={t('inspector.tokenise.explain')}>
      <p className="muted" data-testid="inspector-token-count">
        {t('inspector.tokenise.count', { tokens: embed.tokens.length, max: MAX_MODEL_TOKENS })}
      </p>
      <ol className="token-chips">
        {embed.tokens.map((token, i) => {
          const from = sourceOf(source, token);
          return (
            <li
              key={i}
              className={`token-chip token-${token.kind}`}
              data-testid="inspector-token"
              data-token-id={token.id}
              data-kind={token.kind}
              title={
                from
                  ? t('inspector.tokenise.from', { token: token.token, id: token.id, from })
                  : `${token.token} #${token.id}`
              }
            >
              <span className="token-text">{token.token}</span>
              <span className="token-id">{token.id}</span>
              {from && from !== token.token.replace(/^##/, '') && (
                <span className="token-source">{from}</span>
              )}
            </li>
          );
        })}
      </ol>
    </Step>
  );
}
