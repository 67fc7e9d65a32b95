import { expect, test } from './fixtures';

const QUERY = '阿里已经开源了多少款模型';

test('indexes the corpus with the test model and answers a query; a reload reuses the index', async ({
  page,
}) => {
  await page.goto(`/?model=fixture-small-zh&q=${encodeURIComponent(QUERY)}`);
  const status = page.getByTestId('status');
  await expect(status).toContainText('index: ready', { timeout: 110_000 });
  await expect(status).toContainText('test model: matches shared characters, knows no meanings');
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');

  const first = page.getByTestId('result').first();
  await expect(first).toHaveAttribute('data-source', '002_eef8f8e27b2a39d9.txt');
  await expect(first).toContainText('200多款');
  await expect(page.getByTestId('timing')).toContainText(/^10 passages in [1-5] articles/);

  expect(Number(await status.getAttribute('data-embedded'))).toBeGreaterThan(0);

  await page.reload();
  await expect(status).toContainText('index: ready');
  await expect(page.getByTestId('timing')).toHaveAttribute('data-mode', 'hybrid');
  await expect(page.getByTestId('result').first()).toHaveAttribute('data-source', '002_eef8f8e27b2a39d9.txt');
  await expect(page.getByTestId('result').first()).toContainText('200多款');
  await expect(status).toHaveAttribute('data-embedded', '0');
});
