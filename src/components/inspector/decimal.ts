import { useTranslation } from 'react-i18next';

/**
 * Formats numbers with a fixed number of decimals in the interface language (`Intl.NumberFormat`, through
 * the catalogs' `inspector.number`), for the inspector's figures.
 *
 * @example
 * const decimal = useDecimal();
 * decimal(1234.5, 2); // en: '1,234.50'
 */
export function useDecimal(): (value: number, digits: number) => string {
  const { t } = useTranslation();
  return (value, digits) =>
    t('inspector.number', {
      value,
      formatParams: { value: { minimumFractionDigits: digits, maximumFractionDigits: digits } },
    });
}
