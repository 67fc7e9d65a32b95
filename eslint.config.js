import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Nothing a person reads bypasses the catalogs (src/i18n/locales): JSX text and user-facing JSX
    // attributes must come from t().
    files: ['src/app/**/*.tsx', 'src/components/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['^(aria-label|aria-description|title|placeholder|alt)$'] },
          words: { exclude: ['[\\s·…×~—()（）/:：,.+#←→-]*'] },
        },
      ],
    },
  },
  {
    // User text (documents, queries, file names) is rendered as text, never parsed as HTML.
    files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text as React children; never dangerouslySetInnerHTML.',
        },
        {
          selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Set textContent or render with React; never innerHTML/outerHTML.',
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/], CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
          message: 'No HTML parsing of strings in the page: render text with React.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'idb', '@huggingface/transformers'],
              message: 'src/core is pure: no DOM, storage, React or model runtime.',
            },
            {
              group: [
                '../storage/*',
                '../embed/*',
                '../app/*',
                '../components/*',
                '../hooks/*',
                '../worker-client/*',
                '../../workers/*',
              ],
              message: 'src/core may import only src/core.',
            },
          ],
        },
      ],
    },
  },
);
