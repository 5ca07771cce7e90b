/**
 * Saving a file made in the task pane (the calendar's .ics) to the manager's computer, where the host allows it.
 *
 * How each host behaves (researched in the OfficeDev/office-js issues):
 * - Excel on the web: the add-in's iframe is sandboxed; since Chrome 83 a sandboxed frame may download only with
 *   `allow-downloads`, which Office on the web added to the add-in iframe in June 2020 (office-js#1221, #1241:
 *   "fixed … 100% rollout"). A Blob URL on an <a download> then downloads as in any page.
 * - Excel on Windows (WebView2, Edge): <a download> on a Blob URL works (office-js#2700, #3385, #4681 all report
 *   "works on Windows"), into the user's Downloads folder.
 * - Excel on Mac (WKWebView): downloads do not happen at all, silently — no dialog, no error — and Microsoft
 *   closed it "by design" (office-js#2700; also #3385, #4681, #503 for Outlook). openBrowserWindow is no way out:
 *   it opens web URLs in the browser, not blob:/data: URLs ("does not work with file URLs. This is by design",
 *   office-js#3), and the calendar is made in the pane, never on a server. So on Mac (and iPad) the pane does not
 *   pretend: it shows the text to copy (LadderPage's export, `canDownload`).
 * - Firefox (Excel on the web): a Blob download can be refused by a frame-src CSP that lacks blob: (office-js#1511,
 *   on the host page's policy; Microsoft closed it). Not seen in Chromium; noted in docs/ARCHITECTURE.md.
 * The Blob URL is revoked a minute later, not at once: revoking it in the click's own task can cancel the download
 * in some browsers before it has read the Blob.
 */

/** Office.context.platform values (Office.PlatformType) where an add-in cannot download (see above). */
const NO_DOWNLOAD_PLATFORMS = ["Mac", "iOS"];

/** Whether this host saves a file from <a download> (false on Excel for Mac and iPad; true outside Office). */
export function canDownload(): boolean {
  try {
    const platform = typeof Office === "undefined" ? undefined : (Office.context?.platform as unknown as string | undefined);
    return !(platform !== undefined && NO_DOWNLOAD_PLATFORMS.includes(platform));
  } catch {
    return true; // a host without Office.context.platform: a browser, where downloads work
  }
}

/** Starts the download of `text` as `fileName` (UTF-8, the given MIME type) through a Blob URL and <a download>. */
export function downloadText(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
