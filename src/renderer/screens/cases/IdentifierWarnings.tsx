import { useTranslation } from 'react-i18next';
import type { IdentifierWarning } from '../../../shared/findings.js';
import { routeHref } from '../../app/router.js';

/**
 * The identifier guard's warnings, each naming the identifier: the controller's own, over-broad in a
 * source, unverified, or already in an open case. Rendered from kind and values (the engine's English
 * message is for the CLI and the JSON).
 */
export function IdentifierWarnings({ warnings, testId }: { warnings: readonly IdentifierWarning[]; testId: string }) {
  const { t } = useTranslation();
  if (!warnings.length) return null;
  return (
    <ul className="banner banner-warning identifier-warnings" data-testid={testId}>
      {warnings.map((w, i) => (
        <li key={`${w.kind}-${w.type}-${w.value}-${w.source ?? ''}-${w.caseId ?? ''}-${i}`} data-kind={w.kind}>
          {t(`identifierWarning.${w.kind}`, { identifier: w.value, type: t(`identifierType.${w.type}`), source: w.source ?? '', findings: w.findings ?? 0, caseId: w.caseId ?? '' })}
          {w.kind === 'open-case' && w.caseId && (
            <>
              {' '}
              <a href={routeHref({ screen: 'case', caseId: w.caseId, tab: 'overview' })}>{t('identifierWarning.openCaseLink', { caseId: w.caseId })}</a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
