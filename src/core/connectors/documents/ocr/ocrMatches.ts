import type { Match, RecordData } from '../../../../shared/findings.js';
import type { SubjectQuery } from '../../../domain/subjectQuery.js';
import type { OcrPage, OcrWord } from './ocrEngine.js';

/** The match field of text read by OCR. */
export const OCR_FIELD = 'ocr';

type OcrRecordPage = NonNullable<Extract<RecordData, { kind: 'document' }>['ocr']>[number];

/** What one OCR'd page contributes to a finding: its matches and the boxes of the matched words. */
export interface OcrPageMatches {
  readonly matches: Match[];
  readonly page: OcrRecordPage;
}

/**
 * The subject's identifiers on one OCR'd page, each with tesseract's confidence in the words it
 * stands in, and the boxes of those words for the review. Exact matches and those that needed OCR
 * tolerance (`tolerant`) are both kept; strengthOf turns low-confidence ones weak.
 */
export function ocrPageMatches(subject: SubjectQuery, result: OcrPage, pageNumber: number, size: { width: number; height: number }): OcrPageMatches {
  const text = result.text;
  const spans = wordSpans(text, result.words);
  const matches: Match[] = [];
  const boxes: OcrRecordPage['boxes'] = [];
  const place = (match: Match, start: number, end: number, tolerant: boolean) => {
    const covered = spans.filter((s) => s.start < end && s.end > start);
    const confidence = covered.length ? Math.min(...covered.map((s) => s.word.confidence)) : result.confidence;
    matches.push({ ...match, confidence, ...(tolerant && { tolerant: true }) });
    for (const { word } of covered) boxes.push({ ...word.bbox, value: match.value });
  };
  if (subject.scanOcrText) {
    const { exact, tolerant } = subject.scanOcrText(text, OCR_FIELD);
    for (const match of exact) {
      const at = locate(text, match.found ?? match.value);
      place(match, at, at === -1 ? -1 : at + (match.found ?? match.value).length, false);
    }
    for (const { start, end, ...match } of tolerant) place(match, start, end, true);
  } else {
    for (const match of subject.scanText(text, OCR_FIELD)) {
      const at = locate(text, match.found ?? match.value);
      place(match, at, at === -1 ? -1 : at + (match.found ?? match.value).length, false);
    }
  }
  return {
    matches,
    page: { page: pageNumber, confidence: result.confidence, rotation: result.rotation, width: size.width, height: size.height, boxes },
  };
}

/** Where each word stands in the page text (tesseract's text is its words with spaces and newlines). */
function wordSpans(text: string, words: ReadonlyArray<OcrWord>): { start: number; end: number; word: OcrWord }[] {
  const spans: { start: number; end: number; word: OcrWord }[] = [];
  let cursor = 0;
  for (const word of words) {
    const at = text.indexOf(word.text, cursor);
    if (at === -1) continue;
    spans.push({ start: at, end: at + word.text.length, word });
    cursor = at + word.text.length;
  }
  return spans;
}

function locate(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at !== -1 ? at : text.toLowerCase().indexOf(needle.toLowerCase());
}
