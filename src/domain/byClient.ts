/** A book's rows of one kind (holdings, policies, contacts…) grouped by ClientId, each group in the book's order. */
export function groupByClient<T extends { clientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.clientId);
    if (list) list.push(r);
    else m.set(r.clientId, [r]);
  }
  return m;
}
