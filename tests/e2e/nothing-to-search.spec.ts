import { expect, test } from './fixtures';

test('a query of punctuation and function characters finds nothing and says why; a real query answers', async ({
  page,
}) => {
  await page.goto(`/?model=fixture-tiny&mode=keyword&q=${encodeURIComponent('的？！')}`);
  const empty = page.getByTestId('no-results');
  await expect(empty).toHaveAttribute('data-empty', 'nothing-to-search');
  await expect(empty).toContainText('Nothing to search for');
  await expect(page.getByTestId('result')).toHaveCount(0);

  await page.getByTestId('query').fill('PP-OCRv5');
  await expect(page.getByTestId('result').first()).toContainText('PP-OCRv5');
  await expect(page.getByTestId('no-results')).toHaveCount(0);
});
