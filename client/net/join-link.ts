// The join link the consoles and the projector show, from the server's answer to "where should
// phones point?" (GET /api/join-origin): on a facilitator's own laptop opened at localhost that
// is the laptop's address on the local network, not localhost.
import QRCode from "qrcode";
import type { JoinOrigin } from "../../shared/protocol/index.js";
import { t } from "../i18n/index.js";
import { h } from "../ui/dom.js";

let asked: Promise<JoinOrigin> | null = null;

/** Asked once per page; falls back to this page's own origin if the server cannot say. */
export function joinOrigin(): Promise<JoinOrigin> {
  asked ??= fetch("/api/join-origin")
    .then((r) => (r.ok ? (r.json() as Promise<JoinOrigin>) : Promise.reject(new Error(String(r.status)))))
    .catch(() => ({ origin: location.origin, source: "request" as const }));
  return asked;
}

/** One sentence for the facilitator about who can use the link. */
export function networkNote(o: JoinOrigin): string {
  switch (o.source) {
    case "local-network":
      return t("host.noteLocal", { network: o.network ?? t("host.itsNetwork") });
    case "loopback-only":
      return t("host.noteLoopback");
    default:
      return "";
  }
}

/**
 * The join link, its QR code and the network note for `code`, filled in when the server answers.
 * `qr` receives the SVG; `link` and `note` are elements to place in the page.
 */
export function joinLink(
  code: string,
  qrColours?: { dark: string; light: string },
): { link: HTMLAnchorElement; qr: HTMLElement; note: HTMLElement; url: Promise<string> } {
  const link = h("a", { target: "_blank", rel: "noopener", "data-testid": "join-link" });
  const qr = h("div", { class: "qr", role: "img", "aria-label": t("host.qrLabel") });
  const note = h("p", { class: "muted small join-note", "data-testid": "join-note" });
  const url = joinOrigin().then(async (o) => {
    const joinUrl = `${o.origin}/join/${code}`;
    link.href = joinUrl;
    link.textContent = joinUrl;
    // A labelled picture: without a role, axe rejects an aria-label on a plain div.
    qr.setAttribute("role", "img");
    qr.setAttribute("aria-label", t("host.qrFor", { url: joinUrl }));
    note.textContent = networkNote(o);
    note.hidden = note.textContent === "";
    qr.innerHTML = await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M", ...(qrColours ? { color: qrColours } : {}) });
    return joinUrl;
  });
  return { link, qr, note, url };
}
