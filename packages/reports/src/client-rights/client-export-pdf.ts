import { fonts, tagged, taggedPdf } from "../formats/pdf-document.js";
import { drawFacts } from "../formats/pdf-facts.js";
import { drawTable, heading, note } from "../formats/pdf-table.js";
import type { ClientExportDocument } from "./client-export.js";

/**
 * The export's summary page set: who the data is about, which controller holds it, and per case what
 * it holds (the JSON beside it carries every field). Labels in Finnish, Swedish and English. Tagged
 * like the annual report (`taggedPdf`): the title `H1`, the facts and the cases as tables of `TH`/`TD`.
 */
export async function drawClientExportPdf(exported: ClientExportDocument): Promise<Buffer> {
  // Tagged, with the report's embedded fonts, like every PDF the team hands out.
  const { doc, root } = taggedPdf({
    title: "Tietojen kopio / Kopia av uppgifterna / Copy of the data",
    author: exported.controller.name,
    subject: "GDPR Article 15",
    created: new Date(exported.generatedAt),
    lang: "fi-FI",
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const left = doc.page.margins.left;
  doc.y = 60;
  tagged(doc, root, "H1", () => {
    doc.font(fonts.bold).fontSize(18).text("Tietojen kopio / Kopia av uppgifterna / Copy of the data", left, doc.y);
  });
  doc.moveDown(0.5);
  tagged(doc, root, "P", () => {
    doc
      .font(fonts.regular)
      .fontSize(9)
      .text(
        "Tietosuoja-asetuksen 15 artikla / Dataskyddsförordningen artikel 15 / GDPR Article 15. Kaikki tiedot ovat oheisessa JSON-tiedostossa / Alla uppgifter finns i JSON-filen / Every field is in the accompanying JSON file.",
        left,
        doc.y,
      );
  });
  doc.moveDown(0.8);
  const c = exported.client;
  drawFacts(
    doc,
    root,
    [
      ["Asiakas / Klient / Client", `${c.givenName} ${c.familyName}`],
      ["Henkilötunnus / Personbeteckning / Identity code", c.identityCode ?? "–"],
      ["Syntymäaika / Födelsedatum / Birth date", c.birthDate],
      ["Rekisterinpitäjä / Personuppgiftsansvarig / Controller", exported.controller.name],
      ["Laadittu / Upprättat / Generated", exported.generatedAt.slice(0, 10)],
    ],
    { labelWidth: 200 },
  );
  heading(doc, root, "Asiakkuudet / Klientskap", "Cases");
  drawTable(doc, root, {
    headers: [
      "Asiakkuus / Case",
      "Tila / Status",
      "Alkoi / Referred",
      "Päättyi / Closed",
      "Tapaamiset / Meetings",
      "Suostumukset / Consents",
      "Ohjaukset / Referrals",
      "Muistiinpanot / Notes",
    ],
    rows: exported.cases.map((x) => [
      `${x.case.type} (${x.share === "full" ? "koko / hela / whole" : "osa / del / part"})`,
      x.case.status,
      x.case.referredOn,
      x.case.closedOn ?? "",
      String(x.case.meetings.length),
      String(x.case.consents.length),
      String(x.case.referrals.length),
      String(x.notes.length),
    ]),
    labelShare: 0.28,
  });
  note(
    doc,
    root,
    "Osa: rekisterinpitäjä oli mukana vain suostumuksella tai asiakkuussuhteen perusteella / Del: den personuppgiftsansvarige deltog endast med samtycke eller på grund av ett klientförhållande / Part: the controller took part only under consent or an existing client relationship.",
  );
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
