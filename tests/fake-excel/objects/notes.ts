/**
 * Notes (ExcelApi 1.18, "Work with notes": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes)
 * and threaded comments (ExcelApi 1.10, "Work with comments": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-comments).
 * Both are tied to one cell: an address or Range of several cells is InvalidArgument, as both pages state.
 * A cell holds at most one note or one comment thread (Excel shows either a note or a thread on a cell —
 * "The difference between threaded comments and notes"); the fake refuses a second one with InvalidArgument.
 * At workbook level an address without a sheet name refers to the active sheet.
 */
import { cellA1, parseAddress, qualified } from "../core/addresses";
import { isBool, isNumber } from "../core/checks";
import { fail } from "../core/errors";
import { checkNoteText } from "../core/limits";
import { type CommentModel, findSheet, type NoteModel, type SheetModel, type WorkbookModel } from "../core/model";
import { type FakeClientResult, FakeCollection, FakeEntity, register, resolve } from "../core/proxy";
import { FakeRange } from "./range";
import { assertEditable, type RangeRef } from "../core/sheet-ops";
import type { HostState } from "../core/state";

export interface Scope {
  /** Worksheet.notes / Worksheet.comments; absent for Workbook.notes / Workbook.comments. */
  sheet?: SheetModel;
}

/** The single cell named by a Range or an address, resolved in a scope. */
export function singleCell(host: HostState, scope: Scope, cellAddress: unknown, what: string): { sheet: SheetModel; r: number; c: number } {
  let ref: RangeRef;
  if (cellAddress instanceof FakeRange) {
    const resolved = resolve(cellAddress, host);
    if (!resolved) fail("InvalidArgument", `${what}: the range is a null object`);
    ref = resolved;
  } else {
    if (typeof cellAddress !== "string") fail("InvalidArgument", `${what}: cellAddress must be a Range or an address string`);
    const parsed = parseAddress(cellAddress);
    if (!parsed) fail("InvalidArgument", `${what}: '${cellAddress}' is not a cell address`);
    let sheet = scope.sheet ?? host.book.activeSheet;
    if (parsed.sheet !== undefined) {
      const named = findSheet(host.book, parsed.sheet);
      if (!named) fail("InvalidArgument", `${what}: no sheet named '${parsed.sheet}'`);
      if (scope.sheet && named !== scope.sheet) fail("InvalidArgument", `${what}: '${cellAddress}' is not on sheet '${scope.sheet.name}'`);
      sheet = named;
    }
    ref = { sheet, rect: parsed.rect };
  }
  if (scope.sheet && ref.sheet !== scope.sheet) fail("InvalidArgument", `${what}: the cell is not on sheet '${scope.sheet.name}'`);
  const { rect } = ref;
  if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) {
    fail("InvalidArgument", `${what}: ${qualified(ref.sheet.name, rect)} is ${rect.r1 - rect.r0 + 1}×${rect.c1 - rect.c0 + 1} cells; a note or comment belongs to a single cell`);
  }
  return { sheet: ref.sheet, r: rect.r0, c: rect.c0 };
}

function sheetsInScope(book: WorkbookModel, scope: Scope): SheetModel[] {
  return scope.sheet ? [scope.sheet] : book.sheets;
}

export function notesInScope(book: WorkbookModel, scope: Scope): NoteModel[] {
  return sheetsInScope(book, scope).flatMap((s) => [...s.notes].sort((a, b) => a.r - b.r || a.c - b.c));
}

export function commentsInScope(book: WorkbookModel, scope: Scope): CommentModel[] {
  const order = book.sheets;
  return book.comments
    .filter((c) => !scope.sheet || c.sheet === scope.sheet)
    .sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet) || a.r - b.r || a.c - b.c);
}

function annotationAt(book: WorkbookModel, sheet: SheetModel, r: number, c: number): string | null {
  if (sheet.notes.some((n) => n.r === r && n.c === c)) return "a note";
  if (book.comments.some((m) => m.sheet === sheet && m.r === r && m.c === c)) return "a comment thread";
  return null;
}

export class FakeNoteCollection extends FakeCollection<Scope, FakeNote> {
  declare readonly __office?: Excel.NoteCollection;

  add(cellAddress: Excel.Range | string, content: any): FakeNote {
    return this._object(FakeNote, "add", [cellAddress, content], (scope, host) => {
      const { sheet, r, c } = singleCell(host, scope, cellAddress, "NoteCollection.add");
      if (typeof content !== "string") fail("InvalidArgument", `NoteCollection.add: content must be a string, not ${JSON.stringify(content)}`);
      checkNoteText(content, "NoteCollection.add");
      assertEditable(sheet, "NoteCollection.add");
      const existing = annotationAt(host.book, sheet, r, c);
      if (existing) fail("InvalidArgument", `NoteCollection.add: ${qualified(sheet.name, { r0: r, c0: c, r1: r, c1: c })} already has ${existing}`);
      host.book.counters.note += 1;
      const note: NoteModel = { id: host.book.counters.note, sheet, r, c, content, author: host.userName, visible: false, width: 144, height: 72 };
      sheet.notes.push(note);
      return note;
    });
  }

  getItem(key: string): FakeNote {
    return this._object(FakeNote, "getItem", [key], (scope, host) => {
      const { sheet, r, c } = singleCell(host, scope, key, "NoteCollection.getItem");
      return sheet.notes.find((n) => n.r === r && n.c === c) ?? null;
    });
  }

  getItemOrNullObject(key: string): FakeNote {
    return this._object(
      FakeNote,
      "getItemOrNullObject",
      [key],
      (scope, host) => {
        const { sheet, r, c } = singleCell(host, scope, key, "NoteCollection.getItemOrNullObject");
        return sheet.notes.find((n) => n.r === r && n.c === c) ?? null;
      },
      true,
    );
  }

  getItemAt(index: number): FakeNote {
    return this._object(FakeNote, "getItemAt", [index], (scope, host) => notesInScope(host.book, scope)[index] ?? null);
  }

  getCount(): FakeClientResult<number> {
    return this._callResult("getCount", [], (scope, host) => notesInScope(host.book, scope).length);
  }
}

register(FakeNoteCollection, {
  className: "NoteCollection",
  alive: (scope: Scope) => !scope.sheet?.deleted,
  scalars: {},
  navs: {},
  collection: {
    item: () => FakeNote,
    items: (scope: Scope, host) => notesInScope(host.book, scope),
    itemLabel: (n: NoteModel) => `getItem(${JSON.stringify(cellA1(n.r, n.c))})`,
  },
});

export class FakeNote extends FakeEntity<NoteModel> {
  declare readonly __office?: Excel.Note;
  declare content: string;
  declare readonly authorName: string;
  declare visible: boolean;
  declare width: number;
  declare height: number;

  delete(): void {
    this._call("delete", [], (note) => {
      note.deleted = true;
      note.sheet.notes = note.sheet.notes.filter((n) => n !== note);
    });
  }

  getLocation(): FakeRange {
    return this._object(FakeRange, "getLocation", [], (note) => ({ sheet: note.sheet, rect: { r0: note.r, c0: note.c, r1: note.r, c1: note.c } }));
  }
}

register(FakeNote, {
  className: "Note",
  alive: (n: NoteModel) => !n.deleted && !n.sheet.deleted,
  scalars: {
    content: {
      get: (n: NoteModel) => n.content,
      set: (n: NoteModel, v) => {
        if (typeof v !== "string") fail("InvalidArgument", "Note.content must be a string");
        checkNoteText(v, "Note.content");
        n.content = v;
      },
    },
    authorName: { get: (n: NoteModel) => n.author },
    visible: { get: (n: NoteModel) => n.visible, set: (n: NoteModel, v) => void (n.visible = isBool(v, "Note.visible")) },
    width: { get: (n: NoteModel) => n.width, set: (n: NoteModel, v) => void (n.width = isNumber(v, "Note.width", 0)) },
    height: { get: (n: NoteModel) => n.height, set: (n: NoteModel, v) => void (n.height = isNumber(v, "Note.height", 0)) },
  },
  navs: {},
});

export class FakeCommentCollection extends FakeCollection<Scope, FakeComment> {
  declare readonly __office?: Excel.CommentCollection;

  add(cellAddress: Excel.Range | string, content: Excel.CommentRichContent | string, contentType?: Excel.ContentType | "Plain" | "Mention"): FakeComment {
    return this._object(FakeComment, "add", [cellAddress, content, contentType], (scope, host) => {
      const { sheet, r, c } = singleCell(host, scope, cellAddress, "CommentCollection.add");
      if (contentType === "Mention") fail("NotImplemented", "fake-excel: comments with mentions are not modelled");
      if (contentType !== undefined && contentType !== "Plain") fail("InvalidArgument", `CommentCollection.add: unknown contentType ${JSON.stringify(contentType)}`);
      const text = typeof content === "string" ? content : typeof content?.richContent === "string" ? content.richContent : null;
      if (text === null) fail("InvalidArgument", "CommentCollection.add: content must be a string");
      assertEditable(sheet, "CommentCollection.add");
      const existing = annotationAt(host.book, sheet, r, c);
      if (existing) fail("InvalidArgument", `CommentCollection.add: ${qualified(sheet.name, { r0: r, c0: c, r1: r, c1: c })} already has ${existing}`);
      host.book.counters.comment += 1;
      const comment: CommentModel = {
        id: `{C${String(host.book.counters.comment).padStart(7, "0")}-0000-0000-0000-000000000000}`,
        sheet,
        r,
        c,
        content: text,
        authorName: host.userName,
        authorEmail: host.userEmail,
        creationDate: host.now(),
        resolved: false,
      };
      host.book.comments.push(comment);
      return comment;
    });
  }

  getItem(commentId: string): FakeComment {
    return this._object(FakeComment, "getItem", [commentId], (scope, host) => commentsInScope(host.book, scope).find((c) => c.id === commentId) ?? null);
  }

  getItemOrNullObject(commentId: string): FakeComment {
    return this._object(FakeComment, "getItemOrNullObject", [commentId], (scope, host) => commentsInScope(host.book, scope).find((c) => c.id === commentId) ?? null, true);
  }

  getItemAt(index: number): FakeComment {
    return this._object(FakeComment, "getItemAt", [index], (scope, host) => commentsInScope(host.book, scope)[index] ?? null);
  }

  getItemByCell(cellAddress: Excel.Range | string): FakeComment {
    return this._object(FakeComment, "getItemByCell", [cellAddress], (scope, host) => {
      const { sheet, r, c } = singleCell(host, scope, cellAddress, "CommentCollection.getItemByCell");
      return host.book.comments.find((m) => m.sheet === sheet && m.r === r && m.c === c) ?? null;
    });
  }

  getCount(): FakeClientResult<number> {
    return this._callResult("getCount", [], (scope, host) => commentsInScope(host.book, scope).length);
  }
}

register(FakeCommentCollection, {
  className: "CommentCollection",
  alive: (scope: Scope) => !scope.sheet?.deleted,
  scalars: {},
  navs: {},
  collection: {
    item: () => FakeComment,
    items: (scope: Scope, host) => commentsInScope(host.book, scope),
    itemLabel: (c: CommentModel) => `getItem(${JSON.stringify(c.id)})`,
  },
});

export class FakeComment extends FakeEntity<CommentModel> {
  declare readonly __office?: Excel.Comment;
  declare readonly id: string;
  declare content: string;
  declare readonly authorName: string;
  declare readonly authorEmail: string;
  declare readonly creationDate: Date;
  declare resolved: boolean;
  declare readonly contentType: Excel.Comment["contentType"];

  delete(): void {
    this._call("delete", [], (comment, host) => {
      comment.deleted = true;
      host.book.comments = host.book.comments.filter((c) => c !== comment);
    });
  }

  getLocation(): FakeRange {
    return this._object(FakeRange, "getLocation", [], (m) => ({ sheet: m.sheet, rect: { r0: m.r, c0: m.c, r1: m.r, c1: m.c } }));
  }
}

register(FakeComment, {
  className: "Comment",
  alive: (c: CommentModel) => !c.deleted && !c.sheet.deleted,
  scalars: {
    id: { get: (c: CommentModel) => c.id },
    content: {
      get: (c: CommentModel) => c.content,
      set: (c: CommentModel, v) => {
        if (typeof v !== "string") fail("InvalidArgument", "Comment.content must be a string");
        c.content = v;
      },
    },
    authorName: { get: (c: CommentModel) => c.authorName },
    authorEmail: { get: (c: CommentModel) => c.authorEmail },
    creationDate: { get: (c: CommentModel) => new Date(c.creationDate.getTime()) },
    resolved: { get: (c: CommentModel) => c.resolved, set: (c: CommentModel, v) => void (c.resolved = isBool(v, "Comment.resolved")) },
    contentType: { get: () => "Plain" },
  },
  navs: {},
});
