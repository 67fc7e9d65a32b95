import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function literalStringErrors(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src/components/Probe.tsx' });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'i18next/no-literal-string')
    .map((message) => message.message);
}

describe('lint: no hard-coded interface text', () => {
  it('fails on JSX text and on labels written in a component', async () => {
    const errors = await literalStringErrors(
      `/** Probe. */\nexport function Probe() {\n  return <button aria-label="Close it">Close</button>;\n}\n`,
    );
    expect(errors).toHaveLength(2);
  });

  it('passes text that comes from the catalogs, and separators', async () => {
    const errors = await literalStringErrors(
      `import { useTranslation } from 'react-i18next';\n/** Probe. */\nexport function Probe() {\n  const { t } = useTranslation();\n  return (\n    <p aria-label={t('results.label')}>\n      {t('results.none')} · …\n    </p>\n  );\n}\n`,
    );
    expect(errors).toEqual([]);
  });
});
