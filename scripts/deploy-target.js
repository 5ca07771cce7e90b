// The add-in built for a bank's own server: every URL the manifest gives Office (task pane, functions script,
// metadata per language, icons, support page) and the RM.* functions' help links moved from the development origin
// (https://localhost:3000/) to the address IT hosts dist/ at, and the manifest's <Version> set; the add-in <Id> is
// kept, so a deployment updates the add-in rather than adding a second one. Pure functions of text, used by
// webpack.config.js (`npm run build -- --env publicUrl=https://…/`) and tested on the built files
// (tests/tooling/deploy.test.ts). Rules, from Microsoft's add-in only manifest reference:
//   - every URL HTTPS ("You must use SSL for all URLs in the <Image> element", learn.microsoft.com/javascript/api/manifest/image;
//     "Office Add-ins must use HTTPS", learn.microsoft.com/office/dev/add-ins/concepts/requirements-for-running-office-add-ins);
//   - <Version>: 1 to 4 parts of at most 5 digits (the schema's pattern ([0-9]{1,5})(\.[0-9]{1,5}){0,3},
//     learn.microsoft.com/javascript/api/manifest/version); an update must carry a higher one for Office to take it
//     (learn.microsoft.com/microsoft-365/admin/manage/manage-deployment-of-add-ins).
"use strict";

const { URL } = require("url");

const DEV_ORIGIN = "https://localhost:3000/";

/** The address as the build uses it: absolute HTTPS, not localhost, no query or fragment, ending in "/". */
function normalizePublicUrl(raw) {
  let url;
  try {
    url = new URL(String(raw));
  } catch {
    throw new Error(`publicUrl "${raw}" is not an absolute URL (e.g. https://addins.bank.example/clientbook/)`);
  }
  if (url.protocol !== "https:") throw new Error(`publicUrl must be HTTPS (Office loads add-ins only over HTTPS), got "${raw}"`);
  if (/^(localhost|127\.|\[::1\])/i.test(url.hostname)) throw new Error(`publicUrl must be the server managers reach, not ${url.hostname}`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`publicUrl may not carry a query, fragment or credentials: "${raw}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * The manifest version of a package version: "1.2.3" → "1.2.3.0", "1.2.3.4" as it is; a pre-release or build tag
 * ("-beta.1") is dropped. Checked against the manifest schema's pattern.
 */
function manifestVersion(version) {
  const parts = String(version).split(/[+-]/)[0].split(".").slice(0, 4).filter((p) => /^\d+$/.test(p));
  while (parts.length < 4) parts.push("0");
  const v = parts.join(".");
  if (!/^([0-9]{1,5})(\.[0-9]{1,5}){0,3}$/.test(v)) throw new Error(`version "${version}" does not fit the manifest's n.n.n.n (at most 5 digits a part)`);
  return v;
}

/** Text with every development URL moved to `publicUrl` (already normalized). */
function moveUrls(text, publicUrl) {
  return text.split(DEV_ORIGIN).join(publicUrl);
}

/** manifest.xml for `publicUrl` and `version`: the URLs moved, <Version> set, nothing else changed (the <Id> kept). */
function deployManifest(xml, { publicUrl, version }) {
  const url = normalizePublicUrl(publicUrl);
  const v = manifestVersion(version);
  if (!/<Version>[^<]*<\/Version>/.test(xml)) throw new Error("manifest.xml has no <Version>");
  const out = moveUrls(xml, url).replace(/<Version>[^<]*<\/Version>/, `<Version>${v}</Version>`);
  if (out.includes("localhost")) throw new Error("manifest.xml still names localhost after the move: a URL not under https://localhost:3000/");
  return out;
}

module.exports = { DEV_ORIGIN, normalizePublicUrl, manifestVersion, moveUrls, deployManifest };
