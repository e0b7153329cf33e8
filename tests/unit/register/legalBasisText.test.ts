import { describe, expect, it } from 'vitest';
import { isSpecialCategoryException, LEGAL_BASIS_CODES, legalBasisText } from '../../../src/core/register/legalBasis.js';

describe('legalBasisText', () => {
  it('cites Art. 6(1)(b) the way a German and an English letter do', () => {
    expect(legalBasisText('6(1)(b)', 'de')).toBe('Art. 6 Abs. 1 lit. b DSGVO – Vertragserfüllung');
    expect(legalBasisText('6(1)(b)', 'en')).toBe('Art. 6(1)(b) GDPR – performance of a contract');
  });

  it('words every Art. 6(1) ground', () => {
    expect(legalBasisText('6(1)(a)', 'de')).toBe('Art. 6 Abs. 1 lit. a DSGVO – Einwilligung');
    expect(legalBasisText('6(1)(c)', 'en')).toBe('Art. 6(1)(c) GDPR – legal obligation');
    expect(legalBasisText('6(1)(f)', 'de')).toBe('Art. 6 Abs. 1 lit. f DSGVO – berechtigte Interessen');
    expect(legalBasisText('6(1)(f)', 'en')).toBe('Art. 6(1)(f) GDPR – legitimate interests');
  });

  it('cites Art. 9(2) exceptions and the employment basis of the seed', () => {
    expect(legalBasisText('9(2)(a)', 'de')).toBe('Art. 9 Abs. 2 lit. a DSGVO – ausdrückliche Einwilligung');
    expect(legalBasisText('9(2)(a)', 'en')).toBe('Art. 9(2)(a) GDPR – explicit consent');
    expect(legalBasisText('88(1)+§26 BDSG', 'de')).toBe(
      'Art. 88 Abs. 1 DSGVO i. V. m. § 26 Abs. 1 BDSG – Beschäftigungsverhältnis einschließlich Bewerbung',
    );
    expect(legalBasisText('88(1)+§26 BDSG', 'en')).toBe(
      'Art. 88(1) GDPR in conjunction with Section 26(1) BDSG – employment, including job applications',
    );
  });

  it('has a distinct German and English wording for every code', () => {
    expect(LEGAL_BASIS_CODES).toHaveLength(6 + 10 + 1);
    for (const lang of ['de', 'en'] as const) {
      const texts = LEGAL_BASIS_CODES.map((code) => legalBasisText(code, lang));
      expect(new Set(texts).size).toBe(texts.length);
      for (const text of texts) expect(text).toMatch(lang === 'de' ? /^Art\. \d+ Abs\. \d+ .*DSGVO.* – \S/ : /^Art\. \d+\(\d\).* GDPR.* – \S/);
    }
  });

  it('knows which codes only lift the Art. 9(1) ban', () => {
    expect(LEGAL_BASIS_CODES.filter(isSpecialCategoryException)).toEqual([
      '9(2)(a)', '9(2)(b)', '9(2)(c)', '9(2)(d)', '9(2)(e)', '9(2)(f)', '9(2)(g)', '9(2)(h)', '9(2)(i)', '9(2)(j)',
    ]);
  });
});
