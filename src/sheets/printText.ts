/**
 * The printed footer of every sheet ClientBook writes, in the three languages: a confidentiality line on the left,
 * "page N of M" in the middle, the sheet's name on the right. Internal sheets (the book's tables, the lists, the
 * internal review) say they are client-confidential and for internal use; the review handed to the client says
 * only that it was prepared for the client — no internal wording.
 *
 * The page number, page count and sheet name are Excel's header/footer codes &P, &N and &A, which Excel, WPS and
 * LibreOffice replace when printing ("Formatting and VBA codes for headers and footers",
 * https://learn.microsoft.com/office/vba/excel/concepts/workbooks-and-worksheets/formatting-and-vba-codes-for-headers-and-footers).
 * Literal text goes through footerLiteral, which doubles "&" (a lone "&" starts a code).
 */
import type { Lang } from "../domain/types";

/** Who a printed sheet is for: the bank's staff, or the client it describes. */
export type Audience = "internal" | "client";

export interface FooterText {
  /** The confidentiality line for each audience. */
  confidential: Record<Audience, string>;
  /** "Page &P of &N" with Excel's codes already in place. */
  pageOfPages: string;
}

export const FOOTER_TEXT: Record<Lang, FooterText> = {
  "zh-CN": {
    confidential: { internal: "客户机密 仅限内部使用", client: "本资料仅供客户本人参阅" },
    pageOfPages: "第 &P 页，共 &N 页",
  },
  "zh-TW": {
    confidential: { internal: "客戶機密 僅限內部使用", client: "本資料僅供客戶本人參閱" },
    pageOfPages: "第 &P 頁，共 &N 頁",
  },
  "en-US": {
    confidential: { internal: "Client confidential – internal use only", client: "Prepared for the client's own use" },
    pageOfPages: "Page &P of &N",
  },
};

/** Text printed as it is in a header or footer: "&" doubled, since a single "&" starts a code. */
export function footerLiteral(text: string): string {
  return text.replace(/&/g, "&&");
}

/** The three parts of a printed footer, codes included: left, center, right. */
export interface PageFooter {
  left: string;
  center: string;
  right: string;
}

/** The footer of a sheet for `audience` in `lang`: confidentiality line, page N of M, the sheet's name (&A). */
export function pageFooter(lang: Lang, audience: Audience): PageFooter {
  const t = FOOTER_TEXT[lang];
  return { left: footerLiteral(t.confidential[audience]), center: t.pageOfPages, right: "&A" };
}
