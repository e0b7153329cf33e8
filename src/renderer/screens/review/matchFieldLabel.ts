/** Mail headers and body parts by the name the officer knows them by (the scanners' field keys). */
const MAIL_FIELDS: Readonly<Record<string, string>> = {
  from: 'from',
  sender: 'from',
  'reply-to': 'replyTo',
  to: 'to',
  cc: 'cc',
  bcc: 'bcc',
  subject: 'subject',
  body: 'text',
  'body:html': 'text',
  'body:rtf': 'text',
  text: 'text',
  raw: 'raw',
};

/**
 * Where in the record an identifier matched, in words: "Absender", "Betreff", "Text",
 * "Anhang offene-posten.csv". A column name (tables, call lists) is shown as it is.
 */
export function matchFieldLabel(field: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  const attachment = /^attachment:([^:]*)/.exec(field);
  if (attachment) return t('review.matchField.attachment', { name: attachment[1] });
  const known = MAIL_FIELDS[field.toLowerCase()];
  if (known) return t(`review.matchField.${known}`);
  if (field.startsWith('field:')) return field.slice('field:'.length);
  return field;
}
