/**
 * Next free ids for records the client form creates: prefix + (largest number in use + 1), zero-padded to the
 * width the book already uses (C0040 → C0041), growing only when the number needs more digits (C9999 → C10000).
 * Ids that do not follow the prefix+digits pattern are left alone: they cannot collide with a generated one.
 */

/** Default widths, as in the shipped sample (C0001, H00001, P00001). */
export const ID_FORMATS = {
  client: { prefix: "C", width: 4 },
  holding: { prefix: "H", width: 5 },
  policy: { prefix: "P", width: 5 },
} as const;
export type IdKind = keyof typeof ID_FORMATS;

/** The next id after `existing` (any iterable of ids; case and surrounding spaces ignored). */
export function nextId(existing: Iterable<string>, prefix: string, defaultWidth: number): string {
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\d+)$`, "i");
  let max = 0;
  let width = 0;
  for (const id of existing) {
    const m = re.exec(id.trim());
    if (!m) continue;
    const n = Number(m[1]);
    if (n > max) max = n;
    if (m[1].length > width) width = m[1].length;
  }
  return prefix + String(max + 1).padStart(width || defaultWidth, "0");
}

/** `count` successive new ids of one kind, none of them in `existing`. */
export function nextIds(existing: Iterable<string>, kind: IdKind, count: number): string[] {
  const { prefix, width } = ID_FORMATS[kind];
  const taken = [...existing];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = nextId(taken, prefix, width);
    taken.push(id);
    out.push(id);
  }
  return out;
}

export function nextClientId(clients: readonly { clientId: string }[]): string {
  return nextId(clients.map((c) => c.clientId), ID_FORMATS.client.prefix, ID_FORMATS.client.width);
}
