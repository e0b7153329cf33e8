import { useTranslation } from 'react-i18next';

/** An error as the officer reads it: what failed, in a banner screen readers announce. */
export function ErrorMessage({ error, title }: { error: Error | string | undefined; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      <strong>{title ?? t('common.error')}</strong> <span>{typeof error === 'string' ? error : error.message}</span>
    </div>
  );
}
