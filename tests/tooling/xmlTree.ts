/**
 * A small element tree over fast-xml-parser's ordered output, so tests can check element order (the Office
 * manifest schema is order-sensitive) and find elements by local name whatever their prefix (`bt:Image`).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface XmlNode {
  /** Qualified name as written, e.g. `bt:Image`. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Concatenated text content directly inside this element, trimmed. */
  text: string;
}

type Ordered = Record<string, unknown>;

export const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Parses well-formed XML or throws with file, line and column of the first error. */
export function parseXml(xml: string, file: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`${file}:${valid.err.line}:${valid.err.col}: ${valid.err.msg}`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const roots = (parser.parse(xml) as Ordered[]).map(toNode).filter((n): n is XmlNode => n !== null && !n.name.startsWith("?"));
  if (roots.length !== 1) throw new Error(`${file}: expected one root element, found ${roots.length}`);
  return roots[0];
}

function toNode(raw: Ordered): XmlNode | null {
  const name = Object.keys(raw).find((k) => k !== ":@" && k !== "#text");
  if (!name) return null;
  const content = (raw[name] as Ordered[]) ?? [];
  const attrs = (raw[":@"] as Record<string, string> | undefined) ?? {};
  const children = content.map(toNode).filter((n): n is XmlNode => n !== null);
  const text = content
    .map((c) => (typeof c["#text"] === "string" || typeof c["#text"] === "number" ? String(c["#text"]) : ""))
    .join("")
    .trim();
  return { name, attrs: { ...attrs }, children, text };
}

export const childrenNamed = (node: XmlNode, name: string): XmlNode[] => node.children.filter((c) => localName(c.name) === name);

/** The one child on a path of local names; throws naming the path when an element is missing or repeated. */
export function child(node: XmlNode, ...path: string[]): XmlNode {
  let current = node;
  const walked = [localName(node.name)];
  for (const step of path) {
    walked.push(step);
    const found = childrenNamed(current, step);
    if (found.length !== 1) throw new Error(`expected exactly one <${walked.join("/")}>, found ${found.length}`);
    current = found[0];
  }
  return current;
}

/** Every descendant (not the node itself) with this local name, in document order. */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const visit = (n: XmlNode): void => {
    for (const c of n.children) {
      if (localName(c.name) === name) out.push(c);
      visit(c);
    }
  };
  visit(node);
  return out;
}

/** Every element in the tree with its ancestry, for checks that apply wherever an attribute appears. */
export function allElements(node: XmlNode, ancestors: XmlNode[] = []): { node: XmlNode; ancestors: XmlNode[] }[] {
  return [{ node, ancestors }, ...node.children.flatMap((c) => allElements(c, [...ancestors, node]))];
}
