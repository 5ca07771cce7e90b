/**
 * An .xlsx package made an Excel template (.xltx): the same parts, with the workbook part's content type changed
 * from a workbook's to a template's, so Excel opens it as "New from template" (a new, unsaved Book1 from it) rather
 * than as the file itself. ECMA-376 Part 1, §12.3.23 "Workbook Part": content type
 * application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml for a workbook,
 * application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml for a template; the package as a
 * whole is IANA's application/vnd.openxmlformats-officedocument.spreadsheetml.template, extension .xltx.
 */
import { XlsxError } from "./excelize";
import { entryText, makeEntry, readZip, writeZip } from "./zip";

export const WORKBOOK_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
export const TEMPLATE_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml";
const CONTENT_TYPES = "[Content_Types].xml";

/** The package in `bytes` as an Excel template (.xltx); every other part's bytes untouched. */
export async function asTemplate(bytes: Uint8Array): Promise<Uint8Array> {
  const entries = readZip(bytes);
  const at = entries.findIndex((e) => e.name === CONTENT_TYPES);
  if (at < 0) throw new XlsxError("the workbook has no [Content_Types].xml");
  const types = await entryText(entries[at]);
  const count = types.split(WORKBOOK_CONTENT_TYPE).length - 1;
  if (count !== 1) throw new XlsxError(`[Content_Types].xml names ${count} workbook parts, expected 1`);
  const out = [...entries];
  out[at] = await makeEntry(CONTENT_TYPES, new TextEncoder().encode(types.replace(WORKBOOK_CONTENT_TYPE, TEMPLATE_CONTENT_TYPE)), entries[at]);
  return writeZip(out);
}
