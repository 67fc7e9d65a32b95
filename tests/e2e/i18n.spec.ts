import { expect, test } from './fixtures';

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
