import { expect, test } from './fixtures';
import { openInspected } from './inspector-helpers';

const QUERY = '开源';

/** What a reader of each browser locale must see. */
const LOCALES = [
  {
    locale: 'zh-CN',
    lang: 'zh-Hans',
    heading: '离线语义搜索',
    label: '搜索',
    placeholder: '问一个问题',
    status: '模型：',
    retry: '重试',
    error: '模型 fixture-tiny 无法使用，目前只能关键词搜索。',
    cause: '无法加载 fixture-tiny：本站没有它的文件，而且它的下载已关闭。',
    unknownModel: '未知模型“no-such-model”',
  },
  {
    locale: 'zh-TW',
    lang: 'zh-Hant',
    heading: '離線語意搜尋',
    label: '搜尋',
    placeholder: '問一個問題',
    status: '模型：',
    retry: '重試',
    error: '模型 fixture-tiny 無法使用，目前只能關鍵字搜尋。',
    cause: '無法載入 fixture-tiny：本站沒有它的檔案，而且它的下載已關閉。',
    unknownModel: '未知模型「no-such-model」',
  },
  {
    locale: 'en-US',
    lang: 'en',
    heading: 'Offline semantic search',
    label: 'Search',
    placeholder: 'Ask a question',
    status: 'model: ',
    retry: 'Retry',
    error: 'The model fixture-tiny is not available; keyword search only.',
    cause:
      'Could not load fixture-tiny: its files are not available on this site and downloading is off for it.',
    unknownModel: 'Unknown model “no-such-model”',
  },
] as const;

for (const expected of LOCALES) {
  test.describe(`browser locale ${expected.locale}`, () => {
    test.use({ locale: expected.locale });

    test(`speaks ${expected.lang}: heading, search box, status line and error`, async ({ page, context }) => {
      await context.route('**/models/fixture-tiny/**', (route) => route.abort('connectionrefused'));
      await page.goto(`/?model=fixture-tiny&q=${encodeURIComponent(QUERY)}`);
      await expect(page.locator('html')).toHaveAttribute('lang', expected.lang);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(expected.heading);
      const search = page.getByRole('searchbox', { name: expected.label, exact: true });
      await expect(search).toHaveAttribute('placeholder', expected.placeholder);
      await expect(page.getByTestId('status')).toContainText(expected.status);
      const error = page.getByTestId('error');
      await expect(error.getByTestId('error-summary')).toHaveText(expected.error);
      await expect(error.getByRole('button', { name: expected.retry })).toBeVisible();
      await expect(error).toContainText(expected.cause);
      await expect(page.getByTestId('fallback')).toContainText(expected.cause);

      await page.goto('/?model=no-such-model');
      await expect(page.getByText(expected.unknownModel)).toBeVisible();
    });
  });
}

test.describe('the language switcher', () => {
  test.use({ locale: 'zh-CN' });

  test('changes the interface and is remembered across a reload; ?lang= overrides it', async ({ page }) => {
    await page.goto('/?model=fixture-tiny');
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText('离线语义搜索');

    await page.getByTestId('language').selectOption('en');
    await expect(heading).toContainText('Offline semantic search');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('searchbox')).toHaveAttribute('placeholder', 'Ask a question');

    await page.reload();
    await expect(heading).toContainText('Offline semantic search');
    await expect(page.getByTestId('language')).toHaveValue('en');

    await page.goto('/?model=fixture-tiny&lang=zh-Hant');
    await expect(heading).toContainText('離線語意搜尋');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  });
});

/** What the inspector must say in each Chinese script. */
const INSPECTOR = [
  {
    locale: 'zh-CN',
    heading: '检视器：这个查询经历了什么',
    explain: '首先，文本被统一成一种形式。',
    stage: '分词',
    ms: '毫秒',
  },
  {
    locale: 'zh-TW',
    heading: '檢視器：這個查詢經歷了什麼',
    explain: '首先，文字被統一成一種形式。',
    stage: '斷詞',
    ms: '毫秒',
  },
] as const;

for (const expected of INSPECTOR) {
  test.describe(`the inspector, browser locale ${expected.locale}`, () => {
    test.use({ locale: expected.locale });

    test('speaks the locale’s script: heading, stage explanations, stage names and times', async ({
      page,
    }) => {
      test.setTimeout(300_000);
      const inspector = await openInspected(page, 'fixture-tiny');
      await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(expected.heading);
      const normalise = inspector.locator('[data-step="normalise"]');
      await expect(normalise.locator('.explain').first()).toContainText(expected.explain);
      const tokenise = inspector.locator('[data-testid="inspector-stage"][data-stage="tokenise"]');
      await expect(tokenise.locator('.stage-name')).toHaveText(expected.stage);
      await expect(tokenise.locator('.stage-ms')).toContainText(expected.ms);
      await expect(page.getByTestId('inspect-toggle')).not.toHaveText('Inspect');
    });
  });
}

test.describe('a refused file, browser locale zh-CN', () => {
  test.use({ locale: 'zh-CN' });

  test('is explained in Simplified Chinese', async ({ page }) => {
    await page.goto('/?model=fixture-tiny');
    await expect(page.getByTestId('status')).toHaveAttribute('data-index-phase', 'ready', {
      timeout: 110_000,
    });
    await page.getByTestId('documents').locator('summary').first().click();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await page
      .getByTestId('file-input')
      .setInputFiles({ name: '图.txt', mimeType: 'text/plain', buffer: png });
    await expect(page.getByTestId('document-messages')).toContainText(
      '图.txt：看起来是二进制文件，不是文本。',
    );
  });
});

test.describe('the model panel, browser locale zh-CN', () => {
  test.use({ locale: 'zh-CN' });

  test('says why the model runs at its precision in Simplified Chinese', async ({ page }) => {
    await page.goto('/?model=fixture-tiny&device=wasm');
    const status = page.getByTestId('status');
    await expect(status).toHaveAttribute('data-model-phase', 'ready', { timeout: 110_000 });
    await expect(status).toHaveAttribute('data-dtype-reason', 'default');
    await page.getByTestId('model-manager').locator('summary').click();
    await expect(page.getByTestId('dtype-reason')).toHaveText('精度 q8：wasm 上的默认精度');
    await page.goto('/?model=fixture-tiny&device=wasm&dtype=fp16');
    await page.getByTestId('model-manager').locator('summary').click();
    await expect(page.getByTestId('dtype-reason')).toHaveText(
      '精度 q8：要求使用 fp16，但它无法在此运行；wasm 上的默认精度',
      { timeout: 110_000 },
    );
  });
});
