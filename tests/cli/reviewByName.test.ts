/**
 * clientbook review --client NAME: the id first (as the book compares ids), else a name only one client has —
 * exactly, then ignoring case, width and spaces; a shared name is refused with the candidates and their ids, exit
 * status 2 and nothing written (src/cli/usage.ts documents it).
 */
import { findClient, nameKey, reviewCommand } from "../../src/cli/commands/review";
import { runCli } from "../../src/cli/run";
import { UsageError } from "../../src/cli/usage";
import type { Book, Client } from "../../src/domain/types";
import { generateBook } from "../../src/sample";
import { bookTables } from "../../src/xlsx/bookFile";
import { writeWorkbook } from "../../src/cli/output";
import { memoryIo } from "./helpers";

const AS_OF = "2025-06-15";
const c = (clientId: string, name: string, birthday?: string): Client => ({ clientId, name, ...(birthday ? { birthday } : {}) });

describe("findClient", () => {
  const clients = [c("C0001", "张伟", "1978-03-05"), c("C0002", "李娜"), c("C0003", "张伟", "1990-01-02"), c("C0004", "Li Ming"), c("C0005", "王芳"), c("C0006", "王 芳")];

  test("an id, in any case or width, wins over names", () => {
    expect(findClient(clients, "c0002")).toEqual({ client: clients[1], by: "id" });
    expect(findClient(clients, "Ｃ０００４")).toEqual({ client: clients[3], by: "id" });
  });

  test("a unique name, exactly or ignoring case, width and spaces", () => {
    expect(findClient(clients, "李娜")).toEqual({ client: clients[1], by: "name" });
    expect(findClient(clients, " li  ming ")).toEqual({ client: clients[3], by: "name" });
    expect(findClient(clients, "ＬＩ ＭＩＮＧ")).toEqual({ client: clients[3], by: "name" });
  });

  test("an exact name beats the folded ones: 王芳 is C0005 although 王 芳 folds to it too", () => {
    expect(findClient(clients, "王芳")).toEqual({ client: clients[4], by: "name" });
    expect(findClient(clients, "王 芳")).toEqual({ client: clients[5], by: "name" });
    expect(findClient(clients, "王　　芳")).toEqual({ candidates: [clients[4], clients[5]] });
  });

  test("a shared name gives the candidates in book order; an unknown one none", () => {
    expect(findClient(clients, "张伟")).toEqual({ candidates: [clients[0], clients[2]] });
    expect(findClient(clients, "赵六")).toEqual({ candidates: [] });
  });

  test("nameKey folds width and case and drops spaces", () => {
    expect(nameKey("Ｌｉ　Ｍｉｎｇ")).toBe("liming");
  });
});

describe("the command", () => {
  const base = generateBook({ clients: 4, asOf: AS_OF });
  // two clients named alike: C0001's name given to C0003
  const book: Book = { ...base, clients: base.clients.map((x, i) => (i === 2 ? { ...x, name: base.clients[0].name } : x)) };
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = (await writeWorkbook({ tables: bookTables(book, "zh-CN") })).bytes;
  });

  test("a unique name builds that client's review", async () => {
    const who = book.clients[1];
    const r = await reviewCommand({ book: { name: "b.xlsx", bytes }, clientId: who.name, out: "r.xlsx", clientFacing: false, asOf: AS_OF });
    expect(r.summary).toContain(`of ${who.name} (${who.clientId})`);
  });

  test("a shared name: a usage error listing the candidates with their ids", async () => {
    const name = book.clients[0].name;
    const [a, b] = [book.clients[0], book.clients[2]];
    await expect(reviewCommand({ book: { name: "b.xlsx", bytes }, clientId: name, out: "r.xlsx", clientFacing: false, asOf: AS_OF })).rejects.toThrow(
      new UsageError(`"${name}" is the name of 2 clients: ${a.clientId} ${a.name} (born ${a.birthday}), ${b.clientId} ${b.name} (born ${b.birthday}); give the id with --client`),
    );
  });

  test("on the command line: exit 2, the candidates on stderr, nothing written; the id still works", async () => {
    const io = memoryIo({ "b.xlsx": bytes });
    const code = await runCli(["review", "b.xlsx", "--client", book.clients[0].name, "--out", "r.xlsx"], io);
    expect(code).toBe(2);
    expect(io.err).toContain(`${book.clients[0].clientId} ${book.clients[0].name}`);
    expect(io.err).toContain(`${book.clients[2].clientId} ${book.clients[2].name}`);
    expect(io.out).not.toContain("wrote");
    const ok = memoryIo({ "b.xlsx": bytes });
    expect(await runCli(["review", "b.xlsx", "--client", book.clients[2].clientId, "--out", "r.xlsx"], ok)).toBe(0);
    expect(ok.out).toContain("wrote r.xlsx");
  });
});
