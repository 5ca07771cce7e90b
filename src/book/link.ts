/**
 * What a hyperlink ClientBook writes may point to — the one rule for the Clients table's Documents column (a
 * client's folder of proposals and subscription forms) and for every external link a sheet carries.
 *
 * Allowed: a web address (http:// or https:// with a host), a file URL (file://…), a Windows path with a drive
 * letter (D:\客户资料\张三, D:/…) and a network share in UNC form (\\server\share\…). Anything else is refused —
 * javascript:, data:, vbscript:, mailto: and every other scheme, relative paths, and text that starts like a formula
 * (= + - @): a link opens what it names with one click, so only places a manager keeps documents are accepted.
 * The cell itself is written as text (textSafe) like any user string, and the link is a cell hyperlink, never a
 * HYPERLINK() formula, so nothing in it is ever evaluated.
 */

/**
 * Characters of a hyperlink's address ClientBook writes: 255. Excel 2007 and 2010 refuse a longer hyperlink target
 * in a file ("Unreadable Content": jmcnamara/excel-writer-xlsx issue #26, "Excel 2007/2010 limit URLs to 255
 * characters"), and a link's location (a place in the workbook) is limited to 255 characters in every version
 * (XlsxWriter's write_url: "Excel limits the escaped URL and location/anchor to 255 characters"). Newer Excel
 * takes URLs up to 2,079 characters, but a folder path over 255 is not one a manager types; longer addresses are
 * refused here rather than cut, which would open a different folder.
 */
export const MAX_LINK_ADDRESS = 255;

export type LinkProblem = "scheme" | "tooLong" | "control";

export type LinkCheck = { ok: true; address: string } | { ok: false; problem: LinkProblem };

const WEB = /^https?:\/\/[^\s/\\?#@]+(?:[/?#]|$)/i;
const FILE_URL = /^file:\/\/\/?[^\s]/i;
const DRIVE_PATH = /^[A-Za-z]:[\\/]/;
const UNC_PATH = /^\\\\[^\\/\s]+\\[^\\/]/;

/** The kind of place an accepted link names (the xlsx renderer writes file paths as file URLs, not relative). */
export type LinkKind = "web" | "file";

export function linkKind(address: string): LinkKind {
  return WEB.test(address) ? "web" : "file";
}

/**
 * Checks a link as typed (trimmed); `address` is what the hyperlink points to (the text itself: Excel resolves
 * paths and URLs as typed). A web address's host may not carry user info (https://bank.com@evil.example/ opens
 * evil.example).
 */
export function checkLink(text: string): LinkCheck {
  const s = text.trim();
  if (/\p{Cc}/u.test(s)) return { ok: false, problem: "control" };
  if (!(WEB.test(s) || FILE_URL.test(s) || DRIVE_PATH.test(s) || UNC_PATH.test(s))) return { ok: false, problem: "scheme" };
  if (s.length > MAX_LINK_ADDRESS) return { ok: false, problem: "tooLong" };
  return { ok: true, address: s };
}
