/**
 * Checks a person would make looking at the pane: nothing sticks out sideways at 320 px, no button or heading cuts
 * its text off, and axe-core's serious and critical accessibility rules pass.
 */
import type { Page } from "playwright-core";

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's violations on the whole page (every impact). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe?: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[] }> } }).axe;
    if (!axe) throw new Error("axe-core is not in the page (open the pane with { axe: true })");
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`),
    }));
  });
}

export const isSerious = (v: AxeViolation): boolean => v.impact === "serious" || v.impact === "critical";

/**
 * What does not fit the pane's width: the page scrolling sideways, any visible element reaching past the right
 * (or left) edge unless a clipping ancestor inside the pane cuts it, buttons, tabs, labels or headings whose
 * text is cut without an ellipsis, and message bars whose text is squeezed into a narrow column.
 */
export async function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const W = document.documentElement.clientWidth;
    const out: string[] = [];
    const describe = (el: Element) => {
      const h = el as HTMLElement;
      const text = (h.innerText ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      const cls = typeof h.className === "string" ? h.className.split(" ").filter((c) => c.startsWith("fui-")).slice(0, 2).join(".") : "";
      return `<${el.tagName.toLowerCase()}${h.getAttribute("role") ? ` role=${h.getAttribute("role")}` : ""}${cls ? ` .${cls}` : ""}> "${text}"`;
    };
    if (document.documentElement.scrollWidth > W + 1) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${W} px pane`);
    const clippedInside = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== "visible") {
          const r = a.getBoundingClientRect();
          return r.right <= W + 0.5 && r.left >= -0.5;
        }
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const s = getComputedStyle(el);
      if (s.display === "none" || s.visibility === "hidden" || Number(s.opacity) === 0) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if ((r.right > W + 0.5 || r.left < -0.5) && !clippedInside(el)) out.push(`${describe(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px of ${W}`);
    }
    for (const el of Array.from(document.body.querySelectorAll("button, [role=tab], label, h1, h2, h3, dt, dd"))) {
      const h = el as HTMLElement;
      const s = getComputedStyle(h);
      if (s.display === "none" || s.visibility === "hidden") continue;
      if (h.scrollWidth > h.clientWidth + 1 && s.textOverflow !== "ellipsis" && s.overflowX !== "visible") {
        out.push(`${describe(el)} cuts its text: ${h.scrollWidth} px of text in ${h.clientWidth} px`);
      }
    }
    // Readable buttons and tabs: no text under 12 px.
    for (const el of Array.from(document.body.querySelectorAll("button, [role=tab]"))) {
      const size = parseFloat(getComputedStyle(el).fontSize);
      if ((el as HTMLElement).innerText.trim() !== "" && size < 12) out.push(`${describe(el)} has ${size} px text`);
    }
    // A message bar's text should have the bar's width, not a narrow column beside its actions.
    for (const bar of Array.from(document.body.querySelectorAll(".fui-MessageBar"))) {
      const body = bar.querySelector(".fui-MessageBarBody");
      const b = bar.getBoundingClientRect();
      const t = body?.getBoundingClientRect();
      if (t && b.width > 0 && t.width < 0.6 * b.width) out.push(`${describe(bar)} leaves its text ${Math.round(t.width)} of ${Math.round(b.width)} px`);
    }
    return [...new Set(out)];
  });
}
