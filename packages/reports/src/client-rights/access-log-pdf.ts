import type { Language } from "@ankkuri/domain";
import { fonts, tagged, taggedPdf } from "../formats/pdf-document.js";
import { drawFacts } from "../formats/pdf-facts.js";
import { ensureSpace, note } from "../formats/pdf-table.js";
import type { AccessLogExtractDocument } from "./access-log-extract.js";

/** The extract's own words in the client's language. */
const texts: Record<
  Language,
  {
    title: string;
    intro: string;
    client: string;
    period: string;
    controller: string;
    team: string;
    generated: string;
    headers: [string, string, string, string, string];
    events: string;
    none: string;
    consent: string;
    footer: string;
  }
> = {
  fi: {
    title: "Ote lokitiedoista",
    intro:
      "Tässä otteessa luetellaan, kuka on käsitellyt tai saanut tietojasi Ankkuri-työssä, milloin ja millä perusteella (asiakastietolaki 703/2023, tietosuoja-asetuksen 15 artikla).",
    client: "Asiakas",
    period: "Ajanjakso",
    controller: "Rekisterinpitäjä",
    team: "Ankkuri-tiimi",
    generated: "Laadittu",
    headers: ["Aika", "Organisaatio", "Rooli", "Toimenpide", "Peruste"],
    events: "Tapahtumat",
    none: "Ajanjaksolta ei ole merkintöjä.",
    consent: "suostumus",
    footer:
      "Jos haluat lisätietoja tai oikaista tietojasi, ota yhteyttä rekisterinpitäjän kirjaamoon. Ajat ovat Suomen aikaa.",
  },
  sv: {
    title: "Utdrag ur loggdata",
    intro:
      "Detta utdrag visar vem som har behandlat eller fått dina uppgifter i Ankkuri-arbetet, när och på vilken grund (klientuppgiftslagen 703/2023, dataskyddsförordningen artikel 15).",
    client: "Klient",
    period: "Period",
    controller: "Personuppgiftsansvarig",
    team: "Ankkuri-teamet",
    generated: "Upprättat",
    headers: ["Tid", "Organisation", "Roll", "Åtgärd", "Grund"],
    events: "Händelser",
    none: "Det finns inga anteckningar för perioden.",
    consent: "samtycke",
    footer:
      "Kontakta den personuppgiftsansvariges registratur om du vill veta mer eller rätta dina uppgifter. Tiderna anges i finsk tid.",
  },
  en: {
    title: "Access-log extract",
    intro:
      "This extract lists who processed or received your data in Ankkuri work, when, and on what basis (client-data act 703/2023, GDPR Article 15).",
    client: "Client",
    period: "Period",
    controller: "Controller",
    team: "Ankkuri team",
    generated: "Generated",
    headers: ["Time", "Organisation", "Role", "Action", "Basis"],
    events: "Events",
    none: "There are no entries for the period.",
    consent: "consent",
    footer:
      "To learn more or to have your data corrected, contact the controller's registry office. Times are Finnish time.",
  },
};

const helsinkiTime = (language: Language) =>
  new Intl.DateTimeFormat(language === "en" ? "en-GB" : `${language}-FI`, {
    timeZone: "Europe/Helsinki",
    dateStyle: "short",
    timeStyle: "short",
  });

/**
 * The extract as a PDF the client can read, in their language (Finnish, Swedish or English):
 * who, when, what and why, one row per event, the person named only where the controller's policy
 * says so. Tagged like the annual report (`taggedPdf`): the title `H1`, the events under an `H2`, each
 * event an `H3` with a table of `TH`/`TD`, every text in the structure tree; the report's fonts embedded.
 */
export async function drawAccessLogPdf(extract: AccessLogExtractDocument): Promise<Buffer> {
  const t = texts[extract.language];
  const time = helsinkiTime(extract.language);
  // Tagged, with the report's embedded fonts, like every PDF the team hands out.
  const { doc, root } = taggedPdf({
    title: `${t.title} ${extract.from}–${extract.to}`,
    author: extract.team.name,
    subject: t.title,
    created: new Date(extract.generatedAt),
    lang: extract.language === "sv" ? "sv-FI" : extract.language === "en" ? "en" : "fi-FI",
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const left = doc.page.margins.left;
  doc.x = left;
  doc.y = 60;
  tagged(doc, root, "H1", () => {
    doc.font(fonts.bold).fontSize(20).text(t.title, left, doc.y);
  });
  doc.moveDown(0.5);
  tagged(doc, root, "P", () => {
    doc.font(fonts.regular).fontSize(10).text(t.intro, left, doc.y);
  });
  doc.moveDown(0.8);
  drawFacts(doc, root, [
    [t.client, `${extract.client.givenName} ${extract.client.familyName}`],
    [t.period, `${extract.from} – ${extract.to}`],
    [t.controller, extract.controller?.name ?? t.team],
    [t.team, extract.team.name],
    [t.generated, time.format(new Date(extract.generatedAt))],
  ]);
  doc.moveDown(0.8);
  ensureSpace(doc, 90);
  tagged(doc, root, "H2", () => {
    doc.font(fonts.bold).fontSize(14).text(t.events, left, doc.y);
  });
  doc.moveDown(0.4);
  if (extract.events.length === 0)
    tagged(doc, root, "P", () => {
      doc.font(fonts.italic).fontSize(10).text(t.none, left, doc.y);
    });
  // One heading (the time) and a small label–value table per event rather than one wide table: a
  // client reads whole sentences, not truncated cells.
  const [, organisationLabel, roleLabel, actionLabel, basisLabel] = t.headers;
  for (const e of extract.events) {
    ensureSpace(doc, 70);
    tagged(doc, root, "H3", () => {
      doc
        .font(fonts.bold)
        .fontSize(10)
        .text(time.format(new Date(e.occurredAt)), left, doc.y);
    });
    const basis = [e.basisText, e.consentIds.length > 0 ? `${t.consent} ${e.consentIds.join(", ")}` : "", e.note ?? ""]
      .filter((x) => x !== "")
      .join(" – ");
    drawFacts(
      doc,
      root,
      [
        [organisationLabel, e.person ? `${e.organisation} (${e.person})` : e.organisation],
        [roleLabel, e.role],
        [actionLabel, e.action],
        [basisLabel, basis],
      ],
      { indent: 12, labelWidth: 100, fontSize: 9 },
    );
    doc.moveDown(0.5);
  }
  note(doc, root, t.footer);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
