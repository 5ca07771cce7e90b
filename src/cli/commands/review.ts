/**
 * clientbook review: one client's asset review as a workbook of its own. The client-facing copy holds that sheet
 * only — never the book's tables, other clients or the import-errors sheet (which quotes other clients' rows); when
 * a family member is also a client, a warning for the manager (stderr) says their accounts are separate.
 *
 * --client takes an id or a name (findClient): the id first, as the book compares ids; else a name that only one
 * client has, exactly as written, else ignoring case, width (full-width Ｌｉ) and spaces. A name several clients
 * share is refused with the candidates and their ids (exit 2, nothing written), so the manager can give the id.
 */
import { matchHeaders } from "../../book/headers";
import { countOf } from "../../domain/count";
import { cellText, idKey } from "../../book/text";
import { linkedClients, separateAccountsWarning } from "../../domain/linkedClients";
import type { Client, IsoDate } from "../../domain/types";
import { assetReview } from "../../sheets/assetReview";
import { writeWorkbook } from "../output";
import { rejectedRowCount, rowErrorLine, rowErrorReason } from "../rowErrors";
import { UsageError } from "../usage";
import { readBookFile } from "../bookInput";
import { seconds } from "./types";
import type { CommandContext, CommandResult, InputFile } from "./types";

export interface ReviewOptions {
  book: InputFile;
  clientId: string;
  out: string;
  clientFacing: boolean;
  asOf: IsoDate;
}

/** A name's compared form for --client: NFKC (full-width folded), lower case, no spaces. */
export function nameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

export type ClientMatch = { client: Client; by: "id" | "name" } | { candidates: Client[] };

/**
 * The client `asked` names: the one whose id it is (idKey: NFKC, ignoring case); else the clients of exactly that
 * name; else those whose name matches ignoring case, width and spaces. One client → it; several → the candidates
 * (in book order); none → no candidates.
 */
export function findClient(clients: readonly Client[], asked: string): ClientMatch {
  const a = asked.trim();
  const byId = clients.find((c) => idKey(c.clientId) === idKey(a));
  if (byId) return { client: byId, by: "id" };
  let named = clients.filter((c) => c.name.trim() === a);
  if (named.length === 0) named = clients.filter((c) => nameKey(c.name) === nameKey(a));
  return named.length === 1 ? { client: named[0], by: "name" } : { candidates: named };
}

/** The line that lists clients sharing a name: "C0003 张伟 (born 1978-03-05), C0017 张伟". */
function candidateList(candidates: readonly Client[]): string {
  return candidates.map((c) => `${c.clientId} ${c.name}${c.birthday ? ` (born ${c.birthday})` : ""}`).join(", ");
}

export async function reviewCommand(opts: ReviewOptions, ctx: CommandContext = {}): Promise<CommandResult> {
  const now = ctx.now ?? Date.now;
  const start = now();
  ctx.onProgress?.(0, 1, `reading ${opts.book.name}`);
  const { book, errors, tables } = await readBookFile(opts.book.bytes, opts.book.name, { asOf: opts.asOf });
  const asked = opts.clientId.trim();
  // ids compare as the book compares them (NFKC, ignoring case): --client c001 finds C001; else a unique name
  const match = findClient(book.clients, asked);
  if ("candidates" in match && match.candidates.length > 1) {
    throw new UsageError(
      `"${asked}" is the name of ${countOf(match.candidates.length, "client", "clients")}: ${candidateList(match.candidates)}; give the id with --client`,
    );
  }
  const client = "client" in match ? match.client : undefined;
  const id = client?.clientId ?? asked;
  if (!client) {
    // a Clients row with this id that could not be read: say which and why, rather than "unknown"
    const raw = tables.clients!;
    const idCol = matchHeaders("clients", raw.headers).indexOf.get("clientId");
    const i = idCol === undefined ? -1 : raw.rows.findIndex((r) => idKey(cellText(r[idCol]) ?? "") === idKey(id));
    const rejected = i < 0 ? undefined : errors.find((e) => e.table === "clients" && e.row === raw.headerRow + 1 + i);
    throw new UsageError(
      rejected
        ? `client ${id} is on ${opts.book.name}:${rejected.sheet} row ${rejected.row}, which could not be read (${rejected.column ? `${rejected.column}: ` : ""}${rowErrorReason(rejected)})`
        : `unknown client "${id}": ${opts.book.name} has no client with that id or name (${countOf(book.clients.length, "client", "clients")})`,
    );
  }
  const lang = book.settings.language;
  const spec = assetReview(book, { asOf: opts.asOf, lang, clientId: id, clientFacing: opts.clientFacing });
  const written = await writeWorkbook({ tables: [], sheets: { count: 1, specs: () => [spec] }, title: spec.name, onProgress: ctx.onProgress });
  const rejected = rejectedRowCount(errors);
  // The copy for the client says nothing of other clients; the manager is told here, in the book's language.
  const separate = opts.clientFacing ? separateAccountsWarning(linkedClients(book, id)) : undefined;
  return {
    files: [{ path: opts.out, bytes: written.bytes }],
    errors: errors.map((e) => rowErrorLine(e, `${opts.book.name}:${e.sheet}`)),
    ...(separate ? { warnings: [separate[lang]] } : {}),
    exitCode: rejected > 0 ? 1 : 0,
    summary:
      `${opts.clientFacing ? "client-facing review" : "review"} of ${client.name} (${id}), ${lang}, as of ${opts.asOf}` +
      (rejected > 0 ? `; ${countOf(rejected, "row", "rows")} of the book rejected` : "") +
      `, in ${seconds(now() - start)}`,
  };
}
