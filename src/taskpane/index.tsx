/**
 * Task-pane entry: once Office is ready, render the app in the Office theme (light or dark) and the UI language
 * (the one chosen in the pane before, else Office's display language). The Excel commands module — with the
 * sheet builders and the Office.js renderer — is loaded in parallel as its own chunk, so the first paint does not
 * wait for it.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App, preloadPages } from "./App";
import { initialLang, readStoredLang } from "./uiLang";
import { lazyCommands } from "./lazyCommands";
import { isDarkOfficeTheme } from "./theme";

function officeTheme(): Office.OfficeTheme | undefined {
  try {
    return Office.context?.officeTheme ?? undefined;
  } catch {
    return undefined; // hosts without theme support throw on access
  }
}

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) throw new Error("taskpane.html has no #root element");
  // Opened outside Excel (a plain browser) there is no Excel object model: every command says so.
  const commands = lazyCommands(() =>
    typeof Excel === "undefined"
      ? Promise.reject(Object.assign(new Error("Excel is not available"), { code: "NotInExcel" }))
      : import(/* webpackChunkName: "commands" */ "./paneCommands").then((m) => m.paneCommands()),
  );
  void commands.preload().catch(() => undefined); // the first command reports a failed load
  preloadPages();
  const lang = initialLang(readStoredLang(), Office.context?.displayLanguage);
  const theme = isDarkOfficeTheme(officeTheme()) ? webDarkTheme : webLightTheme;
  createRoot(root).render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      <App commands={commands} lang={lang} />
    </FluentProvider>,
  );
});
