/**
 * The Excel commands as the task pane runs them: src/excel's commands given what that layer may not import — the
 * sample book (src/sample) and the file renderer of the client-facing export (src/xlsx's renderSpecs, with
 * excelize-wasm: heavy, so loaded only when an export needs it and kept out of the pane's first load). The pane
 * loads this module lazily, as its own chunk (index.tsx).
 */
import { createCommands } from "../excel/commands";
import type { ClientBookCommands } from "../excel/api";
import type { SheetSpec } from "../sheets/spec";
import { sampleBook } from "../sample";

/** Where webpack.config.js puts excelize-wasm's wasm among the task pane's assets. */
export const EXCELIZE_WASM_ASSET = "assets/excelize.wasm.gz";

async function renderWorkbook(specs: readonly SheetSpec[]): Promise<Uint8Array> {
  const { renderSpecs, setExcelizeWasmLocation } = await import(
    /* webpackChunkName: "xlsx" */ "../xlsx"
  );
  // In the task pane the wasm is one of our own assets (webpack copies it), fetched from our own origin.
  if (typeof document !== "undefined") setExcelizeWasmLocation(new URL(EXCELIZE_WASM_ASSET, document.baseURI).href);
  return renderSpecs(specs);
}

export function paneCommands(): ClientBookCommands {
  return createCommands({ sampleBook, renderWorkbook });
}
