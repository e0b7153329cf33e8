import { useTranslation } from 'react-i18next';

/** Shortest password the engine accepts for the AES ZIP (export options). */
export const MIN_ZIP_PASSWORD_LENGTH = 12;

/** Letters and digits that cannot be mistaken for each other when read out on the phone (no 0/O, 1/l/I). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A password for the person, read out or sent separately: 5 groups of 4 from 31 characters, about
 * 99 bits, from the browser's CSPRNG.
 */
export function generateZipPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(40));
  const chars: string[] = [];
  // Rejection sampling: 248 is the largest multiple of 31 below 256, so every character is equally likely.
  for (const b of bytes) if (b < 248 && chars.length < 20) chars.push(ALPHABET[b % ALPHABET.length]!);
  while (chars.length < 20) chars.push(ALPHABET[crypto.getRandomValues(new Uint8Array(1))[0]! % ALPHABET.length]!);
  return chars.join('').replace(/(.{4})(?=.)/g, '$1-');
}

/** The ZIP password's problem, or undefined: empty (no encryption) is fine. */
export function zipPasswordIssue(password: string, repeat: string): 'short' | 'mismatch' | undefined {
  if (!password) return undefined;
  if (password.length < MIN_ZIP_PASSWORD_LENGTH) return 'short';
  return password === repeat ? undefined : 'mismatch';
}

/**
 * The password for an encrypted ZIP: typed twice (hidden, so a mistyped one is caught before the
 * person cannot open the package), shown on request, or generated and shown for the officer to pass on.
 */
export function ZipPasswordField({
  password,
  repeat,
  onChange,
  issue,
  shown,
  onShownChange: setShown,
}: {
  password: string;
  repeat: string;
  onChange: (password: string, repeat: string) => void;
  issue: 'short' | 'mismatch' | undefined;
  /** Shown in clear text: then it is not typed twice, as the officer can read it. */
  shown: boolean;
  onShownChange: (shown: boolean) => void;
}) {
  const { t } = useTranslation();
  const type = shown ? 'text' : 'password';
  return (
    <div className="zip-password">
      <label htmlFor="zip-password">{t('export.password')}</label>
      <div className="zip-password-row">
        <input
          id="zip-password"
          type={type}
          autoComplete="new-password"
          spellCheck={false}
          value={password}
          onChange={(e) => onChange(e.target.value, repeat)}
          aria-invalid={issue === 'short' ? true : undefined}
          aria-describedby={issue === 'short' ? 'zip-password-error' : undefined}
        />
        <button type="button" onClick={() => (onChange(generateZipPassword(), ''), setShown(true))}>
          {t('export.passwordGenerate')}
        </button>
      </div>
      {issue === 'short' && (
        <p id="zip-password-error" className="field-error">
          {t('export.passwordShort', { count: MIN_ZIP_PASSWORD_LENGTH })}
        </p>
      )}
      {/* A shown password can be read and checked, so it is not typed twice. */}
      {!shown && (
        <>
          <label htmlFor="zip-password-repeat">{t('export.passwordRepeat')}</label>
          <input
            id="zip-password-repeat"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => onChange(password, e.target.value)}
            aria-invalid={issue === 'mismatch' ? true : undefined}
            aria-describedby={issue === 'mismatch' ? 'zip-password-repeat-error' : undefined}
          />
          {issue === 'mismatch' && (
            <p id="zip-password-repeat-error" className="field-error">
              {t('export.passwordMismatch')}
            </p>
          )}
        </>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} /> {t('export.passwordShow')}
      </label>
    </div>
  );
}
