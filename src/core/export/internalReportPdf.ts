import type { InternalReport } from './internalReport.js';
import { PdfWriter } from './pdfWriter.js';

/** Rows printed per table in the PDF; the JSON beside it has them all. */
const MAX_ROWS = 300;

/**
 * A readable rendering of the internal report for the case file. German only: it is read by the
 * officer and, on request, by the supervisory authority, not by the data subject.
 */
export async function writeInternalReportPdf(file: string, r: InternalReport): Promise<void> {
  const pdf = new PdfWriter(file, { lang: 'de-DE', title: `Interner Bericht – ${r.case.reference}`, author: 'Auskunft' });
  try {
    await writeReport(pdf, r);
  } catch (err) {
    pdf.abandon();
    throw err;
  }
}

async function writeReport(pdf: PdfWriter, r: InternalReport): Promise<void> {
  pdf.setFooter((page, total) => `${r.case.reference} · intern · Seite ${page} von ${total}`);
  const cut = <T,>(rows: readonly T[]) => rows.slice(0, MAX_ROWS);
  const more = (n: number) => (n > MAX_ROWS ? ` (die ersten ${MAX_ROWS} von ${n}; alle in Bericht-intern.json)` : '');

  pdf.begin('Sect');
  pdf.heading(1, `Interner Bericht zur Auskunft ${r.case.reference} – nicht versenden`);
  pdf.paragraph(
    [
      `Betroffene Person: ${r.case.subjectName ?? '—'}`,
      `Eingang: ${r.case.receivedOn}; Frist: ${r.case.deadline.due}${r.case.deadline.extendedDue ? `, verlängert bis ${r.case.deadline.extendedDue} (${r.case.deadline.extensionReason ?? ''})` : ''}`,
      `Erstellt: ${r.generatedAt}`,
      `Suchlauf: ${r.searchRun.id}, ${r.searchRun.startedAt} bis ${r.searchRun.finishedAt ?? '—'}, Status ${r.searchRun.status}`,
      `Workspace: ${r.searchRun.workspace}`,
    ].join('\n'),
  );
  pdf.end(pdf.structure);

  pdf.begin('Sect');
  pdf.heading(2, 'Identifikatoren und ihre Prüfung (Art. 12 Abs. 6 DSGVO)');
  pdf.table(
    [{ header: 'Art', width: 0.14 }, { header: 'Wert', width: 0.3 }, { header: 'Geprüft durch', width: 0.3 }, { header: 'Wann, von wem', width: 0.26 }],
    r.identifiers.map((i) => [
      i.type,
      i.value,
      i.verification ? `${i.verification.method}${i.verification.note ? `: ${i.verification.note}` : ''}` : 'nicht geprüft',
      i.verification ? `${i.verification.at}, ${i.verification.by}` : '—',
    ]),
  );
  for (const w of r.identifierWarnings) pdf.paragraph(`Warnung: ${w.message}`);

  pdf.heading(2, 'Durchsuchte Quellen und Abdeckung');
  pdf.table(
    [
      { header: 'Quelle', width: 0.18 },
      { header: 'Typ', width: 0.12 },
      { header: 'Status', width: 0.12 },
      { header: 'Geprüft', width: 0.12 },
      { header: 'Warnungen (nicht durchsucht)', width: 0.2 },
      { header: 'Fehler', width: 0.26 },
    ],
    r.sources.map((s) => [s.id, s.type, s.status, String(s.scanned), `${s.warnings} (${s.uncovered})`, s.error ?? '']),
  );
  const c = r.counts;
  pdf.heading(2, 'Funde und Entscheidungen');
  pdf.paragraph(
    `Gefunden: ${c.found} (${c.strong} eindeutig, ${c.weak} nur über den Namen). Aufgenommen: ${c.included}. Ausgeschlossen: ${c.excluded}. ` +
      `Offen: ${c.pending} (${c.pendingWeak} schwache, ${c.pendingStrong} eindeutige).`,
  );
  pdf.paragraph(`Mehrfach gefundene Kopien zusammengeführt: ${r.duplicates.merged}.`);
  if (r.duplicates.conflicts.length) {
    pdf.heading(3, 'Warnung: Kopien derselben Daten widersprüchlich entschieden (nicht in der Auskunft)');
    pdf.table(
      [{ header: 'Funde', width: 0.6 }, { header: 'Entscheidungen', width: 0.4 }],
      r.duplicates.conflicts.map((d) => [d.findings.join(', '), d.states.join(', ')]),
    );
  }
  if (r.exclusions.length) {
    pdf.heading(3, `Ausgeschlossene Funde${more(r.exclusions.length)}`);
    pdf.table(
      [{ header: 'Fund', width: 0.2 }, { header: 'Titel', width: 0.4 }, { header: 'Grund', width: 0.4 }],
      cut(r.exclusions).map((e) => [`${e.source}:${e.finding}`, e.title, e.reason ?? '']),
    );
  }
  if (r.heldForReview.length) {
    pdf.heading(3, `Zur Prüfung zurückgehalten (nicht in der Auskunft)${more(r.heldForReview.length)}`);
    pdf.table(
      [{ header: 'Fund', width: 0.2 }, { header: 'Stärke', width: 0.08 }, { header: 'Titel', width: 0.3 }, { header: 'Treffer', width: 0.12 }, { header: 'Grund', width: 0.3 }],
      cut(r.heldForReview).map((h) => [`${h.source}:${h.finding}`, h.strength, h.title, h.matchedBy.join(', '), h.reason ?? '']),
    );
  }
  if (r.redactions.length) {
    pdf.heading(3, 'Schwärzungen (Text nicht wiedergegeben)');
    pdf.table(
      [{ header: 'Nr.', width: 0.08 }, { header: 'Fund', width: 0.2 }, { header: 'Grund', width: 0.42 }, { header: 'SHA-256 des Textes', width: 0.3 }],
      cut(r.redactions).map((x) => [String(x.id), x.finding ?? 'ganzer Fall', x.reason, x.textSha256.slice(0, 16)]),
    );
  }
  if (r.files.withheld.length || r.files.originalsUnavailable.length) {
    pdf.heading(3, 'Nicht beigefügte Dateien');
    pdf.table(
      [{ header: 'Nr.', width: 0.1 }, { header: 'Datei', width: 0.5 }, { header: 'Grund', width: 0.4 }],
      cut([...r.files.withheld.map((w) => [String(w.item), w.name, w.reason]), ...r.files.originalsUnavailable.map((o) => [String(o.item), o.finding, 'Original nicht mehr lesbar; Wiedergabe beigefügt'])]),
    );
  }
  pdf.end(pdf.structure);

  pdf.begin('Sect');
  pdf.heading(2, 'Vor dem Versand zu prüfen');
  if (r.retentionWarnings.length) {
    pdf.heading(3, `Speicherdauer überschritten (Art. 5 Abs. 1 lit. e DSGVO)${more(r.retentionWarnings.length)}`);
    pdf.paragraph('Diese Datensätze sind älter, als das Verzeichnis für ihre Verarbeitung erlaubt. Sie gehören in die Auskunft, weil sie vorhanden sind; nach der Antwort löschen.');
    pdf.table(
      [{ header: 'Fund', width: 0.3 }, { header: 'Datum', width: 0.22 }, { header: 'Verarbeitung', width: 0.28 }, { header: 'Alter / erlaubt', width: 0.2 }],
      cut(r.retentionWarnings).map((w) => [`${w.source}:${w.finding}`, w.date, w.activity, `${w.ageDays} / ${w.retentionDays} Tage`]),
    );
  } else pdf.paragraph('Keine Datensätze älter als die Speicherdauer ihrer Verarbeitung (soweit das Verzeichnis sie in Tagen angibt).');
  if (r.registerGaps.length) {
    pdf.heading(3, 'Lücken im Verzeichnis');
    pdf.paragraph(`Ohne Angabe der Herkunft (Art. 15 Abs. 1 lit. g DSGVO; das Schreiben sagt, dass sie nicht angegeben ist): ${r.registerGaps.map((g) => g.activity).join(', ')}.`);
  }
  if (r.coverage.notSearched.length) pdf.paragraph(`Nicht durchsucht (keine Quelle, nicht als leer bestätigt; im Schreiben genannt): ${r.coverage.notSearched.join(', ')}.`);
  if (r.coverage.confirmedNoData.length) pdf.paragraph(`Von Hand geprüft, keine Daten: ${r.coverage.confirmedNoData.join(', ')}.`);
  if (r.activityOverrides) pdf.paragraph(`${r.activityOverrides} Fund(e) mit in der Prüfung gewählter Verarbeitung.`);
  pdf.end(pdf.structure);

  pdf.begin('Sect');
  pdf.heading(2, 'Paket und Prüfsummen');
  pdf.paragraph(
    [
      `Sprache: ${r.package.lang}; Datensätze in der Kopie: ${r.package.items}; Dateien beigefügt: ${r.files.shipped}`,
      `Schreiben: ${r.package.pdf.file} (${r.package.pdf.pages} Seiten)`,
      `SHA-256 von manifest.json: ${r.package.manifestSha256}`,
      r.package.zip ? `SHA-256 von ${r.package.zip.file}: ${r.package.zip.sha256}` : 'Kein verschlüsseltes ZIP erstellt.',
    ].join('\n'),
    { font: 'mono', size: 8 },
  );
  pdf.heading(2, 'Audit-Log');
  pdf.paragraph(
    `${r.audit.entries} Einträge; Hash des letzten Eintrags: ${r.audit.head}. Kette ${r.audit.chainIntact ? 'intakt' : 'VERLETZT'}.` +
      (r.audit.problems.length ? ` Probleme: ${r.audit.problems.join(' | ')}` : ''),
  );
  const shown = cut(r.audit.excerpt.slice(-MAX_ROWS));
  pdf.table(
    [{ header: 'Nr.', width: 0.07 }, { header: 'Zeit', width: 0.2 }, { header: 'Wer', width: 0.12 }, { header: 'Aktion', width: 0.16 }, { header: 'Angaben', width: 0.45 }],
    shown.map((e) => [String(e.seq), e.at, e.actor, e.action, JSON.stringify(e.detail)]),
    { size: 7 },
  );
  pdf.end(pdf.structure);
  await pdf.finish();
}
