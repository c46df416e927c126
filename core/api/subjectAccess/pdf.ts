// The subject access copy as a PDF a person can read: a title, who made it and when, a heading
// for each part of the record, each entry's facts as label and value, and "Page n of m" on every
// page. It is set in an embedded Unicode font (./font.ts), so names and notes in Polish,
// Vietnamese, Turkish, Greek, Cyrillic and other scripts are shown exactly; only a character the
// font lacks is changed (domain/drawableText), and then the copy says the CSV has the exact text.
// The PDF is tagged (headings, paragraphs, page numbers as artifacts) for screen readers.
//
// Right-to-left text (Arabic, Hebrew): pdfkit has no bidirectional layout (no Unicode bidi
// algorithm). It hands each line to the font engine (fontkit) as one run, which joins Arabic
// letters and reverses a run it takes to be right-to-left. So a line all in Arabic or Hebrew
// (a name on its own) reads right to left, though a space between two words can move to the
// start of the line; where Arabic or Hebrew shares a line with Latin words or numbers, the order
// of the words is not reliable. Every letter is in the PDF, and a copy holding such text says
// that the CSV copy has it exactly.
import { createWriteStream } from 'node:fs';
import PDFDocument from 'pdfkit';
import dayjs from 'dayjs';
import { displayDate } from '../../domain/dates';
import type { CopyField, CopySection, RecordCopy } from '../../domain/subjectAccessCopy';
import { drawableText, hasRightToLeft } from '../../domain/drawableText';
import { pdfTypeface } from './font';

const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const LABEL_WIDTH = 150;
const GAP = 10;
/** Free text longer than this goes under its label, full width, and may run across pages. */
const LONG_TEXT = 400;

type Struct = PDFKit.PDFStructureElement;

export function formatValue(field: CopyField): string {
  if (field.value === null) return 'Not recorded';
  if (field.kind === 'date') return displayDate(field.value);
  if (field.kind === 'month') return `${field.value.slice(5, 7)}/${field.value.slice(0, 4)}`;
  if (field.kind === 'timestamp') return dayjs(field.value).format('DD/MM/YYYY HH:mm');
  return field.value;
}

/** Writes the copy to `path`; answers with the number of pages. */
export async function writePdf(copy: RecordCopy, path: string): Promise<number> {
  const { regular: body, bold, canDraw } = pdfTypeface();
  let simplified = false;
  let rightToLeft = false;
  const safe = (s: string) => {
    const r = drawableText(s, canDraw);
    simplified ||= r.changed;
    rightToLeft ||= hasRightToLeft(r.text);
    return r.text;
  };
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    // Set in the embedded font from the start, so no standard font is ever put in the file.
    font: body,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    // The title is what a PDF reader puts in its window title: the case ID, never the name.
    info: { Title: `Subject access copy ${copy.caseId}`, Author: copy.meta.organisation, Subject: 'Subject access copy', Creator: 'Peer Support Caseload' },
  });
  const out = createWriteStream(path, { mode: 0o600 });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  try {
    const root = doc.struct('Document');
    doc.addStructure(root);
    const width = doc.page.width - MARGIN.left - MARGIN.right;

    const room = (height: number) => {
      if (doc.y + height > doc.page.height - MARGIN.bottom) doc.addPage();
    };
    const heading = (text: string, size: number, tag: string, parent: Struct, before: number) => {
      doc.font(bold).fontSize(size);
      // Keep a heading with at least a few lines of what follows it.
      room(doc.heightOfString(text, { width }) + 48);
      if (doc.y > MARGIN.top) doc.y += before;
      doc.fillColor(INK).text(text, MARGIN.left, doc.y, { width, structParent: parent, structType: tag });
      doc.y += 4;
    };
    const paragraph = (text: string, parent: Struct, color = INK) => {
      doc.font(body).fontSize(10).fillColor(color).text(text, MARGIN.left, doc.y, { width, structParent: parent, lineGap: 2 });
      doc.y += 6;
    };
    const field = (f: CopyField, parent: Struct) => {
      const label = safe(f.label);
      const value = safe(formatValue(f));
      doc.fontSize(9.5);
      const valueWidth = width - LABEL_WIDTH - GAP;
      if (f.kind === 'long' && value.length > LONG_TEXT) {
        // Under its label, full width; pdfkit carries it onto the next page when it must.
        doc.font(bold);
        room(doc.heightOfString(label, { width }) + 36);
        doc.fillColor(MUTED).text(label, MARGIN.left, doc.y, { width, structParent: parent });
        doc.font(body).fillColor(INK).text(value, MARGIN.left, doc.y + 2, { width, structParent: parent, lineGap: 1 });
        doc.y += 5;
        return;
      }
      doc.font(bold);
      const labelHeight = doc.heightOfString(label, { width: LABEL_WIDTH });
      doc.font(body);
      const valueHeight = doc.heightOfString(value, { width: valueWidth, lineGap: 1 });
      room(Math.max(labelHeight, valueHeight));
      const top = doc.y;
      doc.font(bold).fillColor(MUTED).text(label, MARGIN.left, top, { width: LABEL_WIDTH, structParent: parent });
      doc.font(body).fillColor(f.value === null ? MUTED : INK).text(value, MARGIN.left + LABEL_WIDTH + GAP, top, { width: valueWidth, structParent: parent, lineGap: 1 });
      doc.y = top + Math.max(labelHeight, valueHeight) + 4;
    };
    const section = (s: CopySection) => {
      const sect = doc.struct('Sect');
      root.add(sect);
      const title = s.date ? `${s.heading}: referred ${displayDate(s.date)}` : s.heading;
      heading(safe(title), s.level === 1 ? 15 : 12.5, s.level === 1 ? 'H2' : 'H3', sect, s.level === 1 ? 16 : 10);
      for (const p of s.paragraphs) paragraph(safe(p), sect);
      for (const f of s.fields) field(f, sect);
      for (const e of s.entries) {
        const entryTitle = safe(e.date ? `${e.title}: ${displayDate(e.date)}` : e.title);
        doc.font(bold).fontSize(10.5);
        room(doc.heightOfString(entryTitle, { width }) + 40);
        doc.y += 6;
        doc.fillColor(INK).text(entryTitle, MARGIN.left, doc.y, { width, structParent: sect, structType: 'H4' });
        doc.y += 3;
        for (const f of e.fields) field(f, sect);
      }
      if (s.fields.length === 0 && s.entries.length === 0 && s.empty) paragraph(safe(s.empty), sect, MUTED);
      sect.end();
    };

    // Title block.
    doc.font(bold).fontSize(20).fillColor(INK).text(safe(copy.title), MARGIN.left, MARGIN.top, { width, structParent: root, structType: 'H1' });
    doc.y += 4;
    const produced = `Subject access copy produced on ${dayjs(copy.meta.producedAt).format('DD/MM/YYYY [at] HH:mm')} by ${copy.meta.producedByName}, ${copy.meta.organisation}.`;
    paragraph(safe(produced), root, MUTED);
    const [about, ...rest] = copy.sections;
    section(about);
    for (const s of rest) section(s);
    if (simplified || rightToLeft) {
      const sect = doc.struct('Sect');
      root.add(sect);
      heading('A note on the characters in this copy', 12.5, 'H3', sect, 16);
      if (simplified) paragraph('Some characters in this record are not in the font this PDF uses, so they are shown without their accents or as "?".', sect);
      if (rightToLeft) paragraph('Arabic and Hebrew text is shown from right to left, but this PDF cannot always put its words, spaces and numbers in the order they were typed, most of all where they share a line with English.', sect);
      paragraph('The CSV copy of the record has the exact text.', sect);
      sect.end();
    }
    root.end();

    // Page numbers last, when the number of pages is known. Marked as pagination artifacts, so a
    // screen reader does not read them in the middle of a sentence that runs across pages.
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc
        .font(body)
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(`Subject access copy, case ID ${copy.caseId}. Page ${i + 1 - start} of ${count}.`, MARGIN.left, doc.page.height - 40, { width, align: 'center', lineBreak: false });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    await done;
    return count;
  } catch (e) {
    doc.unpipe(out);
    out.destroy();
    throw e;
  }
}
