import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { ageBand } from "@ankkuri/domain";
import { expect, type Page, test } from "@playwright/test";
import { seedAssessment, seedCases, type RunningGateway, startGateway } from "./gateway.js";

const screens = new URL("../test-results/screens/", import.meta.url).pathname;
mkdirSync(screens, { recursive: true });

let gw: RunningGateway;
let admittedCaseId = "";
let caseCount = 0;
let birthDates: string[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(360_000);
  gw = await startGateway();
  ({ admittedCaseId, count: caseCount, birthDates } = await seedCases(gw));
  await seedAssessment(gw, admittedCaseId);
});

test.afterAll(async () => {
  await gw.stop();
});

// A script or style the Content-Security-Policy blocks, or any other error in the console, fails the test.
let consoleErrors: string[] = [];
test.beforeEach(({ page }) => {
  consoleErrors = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
});
test.afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

/**
 * Checks the screen with axe (WCAG 2.0/2.1 A and AA rules): no serious or critical violation. Keeps
 * a full-page screenshot of it.
 */
async function checkScreen(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) })),
    `axe on ${name}`,
  ).toEqual([]);
  await page.screenshot({ path: `${screens}${name}.png`, fullPage: true });
}

/** Signs in through the development issuer's page as the user named `name`. */
async function signIn(page: Page, name = "Maria Järvinen"): Promise<void> {
  await page.goto(`${gw.url}/app/`);
  await page.getByRole("button", { name: "Kirjaudu sisään" }).click();
  await expect(page).toHaveURL(/\/dev-issuer\/authorize/);
  await page.getByRole("radio", { name: new RegExp(name) }).check();
  await page.getByRole("button", { name: "Kirjaudu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Asiakkuudet" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(name);
}

test("signs in through the OIDC code flow with PKCE against the development issuer", async ({ page }) => {
  await page.goto(`${gw.url}/app/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kirjaudu Ankkuriin");
  await checkScreen(page, "01-sign-in");
  await page.getByRole("button", { name: "Kirjaudu sisään" }).click();
  await expect(page).toHaveURL(/\/dev-issuer\/authorize\?.*code_challenge_method=S256/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fi");
  await checkScreen(page, "02-dev-issuer");
  await page.getByRole("radio", { name: /Maria Järvinen/ }).check();
  await page.getByRole("button", { name: "Kirjaudu" }).click();
  await expect(page).toHaveURL(`${gw.url}/app/`);
  await expect(page.getByRole("banner")).toContainText("Maria Järvinen");
  // Signing out forgets the token.
  await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kirjaudu Ankkuriin");
});

test("lists cases with filters and paging", async ({ page }) => {
  await signIn(page);
  const rows = page.getByRole("table").getByRole("row");
  await expect(page.getByRole("heading", { level: 2, name: `${String(caseCount)} asiakkuutta` })).toBeVisible();
  await expect(rows).toHaveCount(11); // the header and a page of ten
  await checkScreen(page, "03-case-list");
  await page.getByRole("button", { name: "Seuraava sivu" }).click();
  await expect(page.getByText("Sivu 2")).toBeVisible();
  await expect(rows).toHaveCount(1 + caseCount - 10);
  await expect(page.getByRole("button", { name: "Seuraava sivu" })).toBeDisabled();
  await page.getByRole("button", { name: "Edellinen sivu" }).click();
  await expect(rows).toHaveCount(11);
  await page.getByLabel("Tila").selectOption("ADMITTED");
  await page.getByRole("button", { name: "Hae" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "1 asiakkuutta" })).toBeVisible();
  await expect(rows).toHaveCount(2);
  await page.getByRole("button", { name: "Tyhjennä rajaukset" }).click();
  await page.getByLabel("Tyyppi").selectOption("DOMESTIC_VIOLENCE");
  await page.getByLabel("Ohjattu alkaen").fill("2026-10-06");
  await page.getByRole("button", { name: "Hae" }).click();
  // Domestic violence cases are every third one (referred on 3, 6, 9 and 12 October): three from the 6th on.
  await expect(page.getByRole("heading", { level: 2, name: "3 asiakkuutta" })).toBeVisible();
  await expect(rows).toHaveCount(4);
  for (const name of ["Sofia Heikkinen", "Eino Rantala", "Aada Turunen"])
    await expect(page.getByRole("link", { name })).toBeVisible();
  await checkScreen(page, "04-case-list-filtered");
  // The age band goes to the gateway as its enum; the clients' bands today come from the domain's rule.
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Helsinki" });
  await page.getByRole("button", { name: "Tyhjennä rajaukset" }).click();
  for (const [option, code] of [
    ["18+", "18-plus"],
    ["15–17", "15-17"],
    ["alle 15", "under-15"],
  ] as const) {
    const inBand = birthDates.filter((b) => ageBand(b, today).code === code).length;
    await page.getByLabel("Ikäryhmä").selectOption({ label: option });
    await page.getByRole("button", { name: "Hae" }).click();
    await expect(page.getByRole("heading", { level: 2, name: `${String(inBand)} asiakkuutta` })).toBeVisible();
  }
});

test("plans a meeting: the consent check refuses an outside organisation and explains why", async ({ page }) => {
  await signIn(page);
  await page.getByLabel("Tila").selectOption("ADMITTED");
  await page.getByRole("button", { name: "Hae" }).click();
  await page.getByRole("link", { name: "Eetu Esimerkki" }).click();
  await expect(page).toHaveURL(`${gw.url}/app/cases/${admittedCaseId}`);
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toHaveText("Asiakkuus: Eetu Esimerkki");
  await expect(h1).toBeFocused();
  for (const section of [
    "Asiakas",
    "Huoltajat",
    "Organisaatiot",
    "Arvio",
    "Suostumukset",
    "Tapaamiset",
    "Ohjaukset palveluihin",
    "Sääntöhavainnot",
  ])
    await expect(page.getByRole("region", { name: section, exact: true })).toBeVisible();
  // The assessment recorded in the setup: its day, causes by name, the organisation needed, the
  // reader's own organisation's summary, and the open goals by due day, the overdue one said in words.
  const assessment = page.getByRole("region", { name: "Arvio", exact: true });
  await expect(assessment.getByRole("heading", { level: 2, name: "Arvio" })).toBeVisible();
  const facts = assessment.locator("dl");
  await expect(facts.locator("dd").first()).toHaveText("2.11.2026");
  await expect(facts.getByRole("listitem")).toHaveText(["Kaveripiiri", "Koulunkäynnin vaikeudet", "Lastensuojelu"]);
  await expect(facts).toContainText("Poliisin yhteenveto (kuvitteellinen).");
  const goals = assessment.getByRole("table", { name: "Avoimet tavoitteet" });
  await expect(goals.getByRole("columnheader")).toHaveText(["Tavoite", "Vastuuhenkilö", "Määräpäivä", "Tila"]);
  await expect(goals.getByRole("row", { name: /Harrastus löytyy/ }).getByRole("cell")).toHaveText([
    "Hanna Mattila",
    "15.11.2026",
    "⚠ Myöhässä",
  ]);
  await expect(goals.getByRole("row", { name: /Koulunkäynti säännöllistyy/ }).getByRole("cell")).toHaveText([
    "Maria Järvinen",
    "30.6.2030",
    "Avoin",
  ]);
  await checkScreen(page, "05-case-screen");

  // A client-side check first: the day is required.
  const plan = page.getByRole("form", { name: "Suunnittele tapaaminen" });
  await plan.getByRole("button", { name: "Suunnittele tapaaminen" }).click();
  const summary = plan.getByRole("alert");
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: /Päivä/ }).click();
  await expect(plan.getByLabel("Päivä")).toBeFocused();

  await plan.getByLabel("Päivä").fill("2026-11-10");
  await plan.getByLabel("Kutsuttava organisaatio").selectOption({ label: "Kasvatuksen ja koulutuksen toimiala" });
  await plan.getByRole("button", { name: "Suunnittele tapaaminen" }).click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading")).toHaveText("Suostumustarkistus esti tapaamisen");
  await expect(summary).toContainText("suostumuksen");
  await expect(summary.getByRole("listitem")).toHaveCount(2); // the client's and the guardian's consent
  await checkScreen(page, "06-plan-meeting-refused");
  await summary.getByRole("link", { name: "Siirry suostumuksen kirjaamiseen" }).click();
  await expect(page.getByRole("heading", { name: "Kirjaa suostumus" })).toBeFocused();

  // A case with no assessment the reader may see: said in words, not as an error.
  await page.getByRole("link", { name: "Takaisin asiakkuuksiin" }).click();
  await page.getByRole("button", { name: "Tyhjennä rajaukset" }).click();
  await page.getByLabel("Ohjattu viimeistään").fill("2026-10-02");
  await page.getByRole("button", { name: "Hae" }).click();
  await page.getByRole("link", { name: "Aino Koivisto" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Asiakkuus: Aino Koivisto");
  await expect(page.getByRole("region", { name: "Arvio", exact: true })).toContainText(
    "Sinulle näkyvää arviota ei ole.",
  );
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("records consents, plans the meeting, records it held, and withdraws a consent", async ({ page }) => {
  await signIn(page);
  await page.goto(`${gw.url}/app/cases/${admittedCaseId}`);
  const consentForm = page.getByRole("form", { name: "Kirjaa suostumus" });
  const status = page.getByRole("status");
  const consents = page.getByRole("region", { name: "Suostumukset", exact: true }).getByRole("table");
  for (const [recorded, giver] of [/^Asiakas: Eetu Esimerkki/, /^Huoltaja: Anna Esimerkki/].entries()) {
    await consentForm.getByRole("radio", { name: giver }).check();
    await consentForm.getByLabel("Annettu").fill("2026-10-06");
    await consentForm.getByRole("checkbox", { name: "Kasvatuksen ja koulutuksen toimiala" }).check();
    await consentForm.getByRole("button", { name: "Kirjaa suostumus" }).click();
    await expect(status).toHaveText("Suostumus kirjattu.");
    // The status reads the same after the second save: the new row says this one is in.
    await expect(consents.getByRole("row")).toHaveCount(2 + recorded);
  }
  await checkScreen(page, "07-consents-recorded");

  const plan = page.getByRole("form", { name: "Suunnittele tapaaminen" });
  await plan.getByLabel("Päivä").fill("2026-11-10");
  await plan.getByLabel("Kutsuttava organisaatio").selectOption({ label: "Kasvatuksen ja koulutuksen toimiala" });
  await plan.getByRole("button", { name: "Suunnittele tapaaminen" }).click();
  await expect(status).toHaveText("Tapaaminen suunniteltu.");
  // The form is gone with its button: the focus goes to the meetings' heading, not to the page's start.
  await expect(page.getByRole("heading", { level: 2, name: "Tapaamiset" })).toBeFocused();
  const meetings = page.getByRole("region", { name: "Tapaamiset", exact: true });
  await expect(meetings.getByRole("listitem")).toHaveCount(1);
  await expect(meetings.getByRole("listitem").first()).toContainText("Suunniteltu");

  await meetings.getByRole("button", { name: "Kirjaa pidetyksi" }).click();
  const held = meetings.getByRole("form", { name: "Kirjaa pidetyksi" });
  await expect(held.getByLabel("Pidetty")).toHaveValue("2026-11-10");
  await expect(held.getByLabel("Pidetty")).toBeFocused();
  await checkScreen(page, "08-record-meeting-held");
  await held.getByRole("button", { name: "Tallenna" }).click();
  await expect(status).toHaveText("Tapaaminen kirjattu pidetyksi.");
  await expect(page.getByRole("heading", { level: 2, name: "Tapaamiset" })).toBeFocused();
  await expect(meetings.getByRole("listitem").first()).toContainText("Pidetty");
  await expect(page.getByRole("region", { name: "Asiakas", exact: true })).toContainText("Aktiivinen");

  const withdraw = consents.getByRole("button", { name: "Peru suostumus" }).first();
  await withdraw.click();
  const withdrawForm = consents.getByRole("form", { name: "Peru suostumus" });
  await expect(withdrawForm.getByLabel("Peruttu päivänä")).toBeFocused();
  await withdrawForm.getByRole("button", { name: "Peruuta" }).click();
  await expect(withdraw).toBeFocused();
  await withdraw.click();
  await withdrawForm.getByLabel("Peruttu päivänä").fill("2026-11-15");
  await checkScreen(page, "09-withdraw-consent");
  await withdrawForm.getByRole("button", { name: "Vahvista peruminen" }).click();
  await expect(status).toHaveText("Suostumus peruttu.");
  await expect(consents.getByRole("button", { name: "Peru suostumus" })).toHaveCount(1);
  await expect(consents.getByRole("row").nth(1)).toContainText("Ei");
});

test("switches to Swedish and English, and the gateway answers in the same language", async ({ page }) => {
  await signIn(page);
  const requested: string[] = [];
  const bodies: { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } }[] = [];
  page.on("request", (request) => {
    if (!request.url().endsWith("/graphql")) return;
    requested.push(request.headers()["accept-language"] ?? "");
    bodies.push(request.postDataJSON() as (typeof bodies)[number]);
  });
  await page.getByLabel("Kieli").selectOption("sv");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klientskap");
  await expect(page.getByRole("banner")).toContainText("Inloggad");
  await page.goto(`${gw.url}/app/cases/${admittedCaseId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klientskap: Eetu Esimerkki");
  // The causes' names come from the gateway in the same language.
  const assessment = page.getByRole("region", { name: "Bedömning", exact: true });
  await expect(assessment).toContainText("Kamratkretsen");
  await expect(assessment.getByRole("table", { name: "Öppna mål" })).toContainText("Försenat");
  // Organisation names come from the gateway in the language asked for.
  await expect(
    page.getByRole("form", { name: "Registrera ett samtycke" }).getByText("Fostrans- och utbildningssektorn"),
  ).toBeVisible();
  await checkScreen(page, "10-case-screen-sv");
  // The consent check refuses in Swedish too (a consent is withdrawn since the last test).
  const plan = page.getByRole("form", { name: "Planera ett möte" });
  await plan.getByLabel("Dag").fill("2026-12-01");
  await plan.getByLabel("Organisation som bjuds in").selectOption({ label: "Fostrans- och utbildningssektorn" });
  await plan.getByRole("button", { name: "Planera ett möte" }).click();
  await expect(plan.getByRole("alert").getByRole("heading")).toHaveText("Samtyckeskontrollen hindrade mötet");
  expect(requested.length).toBeGreaterThan(0);
  expect(new Set(requested)).toEqual(new Set(["sv"]));
  // Built for a gateway that runs registered operations only: hashes, never text.
  for (const body of bodies) {
    expect(body.query).toBeUndefined();
    expect(body.extensions?.persistedQuery?.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
  }

  await page.getByLabel("Språk").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Case: Eetu Esimerkki");
  await checkScreen(page, "11-case-screen-en");
});

test("a change made elsewhere in the meantime is reported, and the case is loaded again", async ({ page }) => {
  await signIn(page);
  await page.goto(`${gw.url}/app/cases/${admittedCaseId}`);
  const facts = page.getByRole("region", { name: "Asiakas", exact: true });
  await expect(facts).toContainText("Versio");
  const before = await facts.locator("dd").last().textContent();
  // Someone else records a consent on the case: its version moves on.
  const recorded = await gw.gql<{ recordConsent: { __typename: string } }>(
    "hanna.mattila",
    `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { __typename } }`,
    {
      input: {
        caseId: admittedCaseId,
        giverKind: "CLIENT",
        organisationIds: ["org-hel-kasko"],
        givenOn: "2026-11-20",
        form: "ORAL",
      },
    },
  );
  expect(recorded.recordConsent.__typename).toBe("CasePayload");
  const plan = page.getByRole("form", { name: "Suunnittele tapaaminen" });
  await plan.getByLabel("Päivä").fill("2026-12-02");
  await plan.getByRole("button", { name: "Suunnittele tapaaminen" }).click();
  const summary = plan.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Asiakkuutta on muutettu sillä välin");
  await expect(facts.locator("dd").last()).toHaveText(String(Number(before) + 1));
  await checkScreen(page, "12-conflict");
  // With the case read again, the same plan goes through.
  await plan.getByRole("button", { name: "Suunnittele tapaaminen" }).click();
  await expect(page.getByRole("status")).toHaveText("Tapaaminen suunniteltu.");
});

test("the supervisor assigns the case's workers, and the lead worker finds it among her own cases", async ({
  page,
}) => {
  await signIn(page, "Tuomas Lehtinen");
  await page.goto(`${gw.url}/app/cases/${admittedCaseId}`);
  const workers = page.getByRole("region", { name: "Nimetyt työntekijät", exact: true });
  await expect(workers).toContainText("Asiakkuudelle ei ole nimetty työntekijöitä.");
  const assign = workers.getByRole("form", { name: "Nimeä työntekijä" });
  const status = page.getByRole("status");
  // Nobody chosen: the summary links to the picker.
  await assign.getByRole("button", { name: "Nimeä työntekijä" }).click();
  const summary = assign.getByRole("alert");
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: "Valitse työntekijä" }).click();
  await expect(assign.getByLabel("Työntekijä", { exact: true })).toBeFocused();
  await checkScreen(page, "13-assign-worker");

  await assign.getByLabel("Työntekijä", { exact: true }).selectOption("st-hpl-jarvinen");
  await expect(assign.getByRole("radio", { name: "Vastuutyöntekijä" })).toBeChecked();
  await assign.getByRole("button", { name: "Nimeä työntekijä" }).click();
  await expect(status).toHaveText("Työntekijä nimetty.");
  await expect(page.getByRole("heading", { level: 2, name: "Nimetyt työntekijät" })).toBeFocused();
  await expect(workers.getByRole("listitem")).toHaveCount(1);
  await expect(workers.getByRole("listitem").first()).toContainText("Vastuutyöntekijä: Maria Järvinen (poliisi");

  // A second lead is refused by the rule, in words that name the lead.
  await assign.getByLabel("Työntekijä", { exact: true }).selectOption("st-hpl-heikkinen");
  await assign.getByRole("radio", { name: "Vastuutyöntekijä" }).check();
  await assign.getByRole("button", { name: "Nimeä työntekijä" }).click();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Maria Järvinen");
  await expect(summary).not.toContainText("CASEWORKER.");
  await checkScreen(page, "14-assign-worker-refused");
  await assign.getByRole("radio", { name: "Työparin jäsen" }).check();
  await assign.getByRole("button", { name: "Nimeä työntekijä" }).click();
  await expect(status).toHaveText("Työntekijä nimetty.");
  await expect(workers.getByRole("listitem")).toHaveCount(2);
  await expect(workers.getByRole("listitem").nth(1)).toContainText("Työparin jäsen: Laura Heikkinen");

  // The pair worker's assignment ends today.
  const end = workers.getByRole("listitem").nth(1).getByRole("button", { name: "Päätä nimeäminen" });
  await end.click();
  const endForm = workers.getByRole("form", { name: "Päätä nimeäminen" });
  await expect(endForm.getByLabel("Päättyy päivänä")).toBeFocused();
  await checkScreen(page, "15-unassign-worker");
  await endForm.getByRole("button", { name: "Vahvista päättäminen" }).click();
  await expect(status).toHaveText("Nimeäminen päätetty.");
  await expect(workers.getByRole("listitem")).toHaveCount(1);

  // Maria sees herself as the lead worker but no forms to assign; her own cases are this one.
  await page.getByRole("button", { name: "Kirjaudu ulos" }).click();
  await signIn(page);
  await page.getByLabel("Vain minulle nimetyt asiakkuudet").check();
  await page.getByRole("button", { name: "Hae" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "1 asiakkuutta" })).toBeVisible();
  await checkScreen(page, "16-my-cases");
  await page.getByRole("link", { name: "Eetu Esimerkki" }).click();
  const own = page.getByRole("region", { name: "Nimetyt työntekijät", exact: true });
  await expect(own).toContainText("Vastuutyöntekijä: Maria Järvinen");
  await expect(own.getByRole("form")).toHaveCount(0);
  await expect(own.getByRole("button")).toHaveCount(0);
});

test("plans a meeting with a time and a place, and a room booked twice is a warning in words", async ({ page }) => {
  await signIn(page);
  await page.goto(`${gw.url}/app/cases/${admittedCaseId}`);
  const plan = page.getByRole("form", { name: "Suunnittele tapaaminen" });
  const status = page.getByRole("status");
  const meetings = page.getByRole("region", { name: "Tapaamiset", exact: true });
  // A time without a place: the summary says they go together and links to the place.
  await plan.getByLabel("Päivä").fill("2026-12-21");
  await plan.getByLabel("Alkamisaika").fill("10:00");
  await plan.getByRole("button", { name: "Suunnittele tapaaminen" }).click();
  const summary = plan.getByRole("alert");
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: "Anna alkamisaika, kesto ja paikka yhdessä." }).click();
  await expect(plan.getByLabel("Paikka", { exact: true })).toBeFocused();
  await checkScreen(page, "17-plan-meeting-time-and-place");

  await plan.getByLabel("Paikka", { exact: true }).selectOption({ label: "Kaupungin asiakastapaamishuone 1" });
  await plan.getByRole("button", { name: "Suunnittele tapaaminen" }).click();
  await expect(status).toHaveText("Tapaaminen suunniteltu.");
  await expect(meetings.getByText("klo 10:00, 60 min — Paikka: Kaupungin asiakastapaamishuone 1")).toBeVisible();
  const warnings = plan.getByRole("heading", { name: "Tapaaminen suunniteltiin, mutta huomaa" });
  await expect(warnings).toHaveCount(0);

  // The same room half an hour later: planned all the same, with the booking named in words.
  await plan.getByLabel("Päivä").fill("2026-12-21");
  await plan.getByLabel("Alkamisaika").fill("10:30");
  await plan.getByLabel("Kesto (minuuttia)").fill("30");
  await plan.getByLabel("Paikka", { exact: true }).selectOption({ label: "Kaupungin asiakastapaamishuone 1" });
  await plan.getByRole("button", { name: "Suunnittele tapaaminen" }).click();
  await expect(status).toHaveText("Tapaaminen suunniteltu.");
  await expect(warnings).toBeVisible();
  const warning = plan.locator("[aria-live=assertive]");
  await expect(warning).toContainText("Kaupungin asiakastapaamishuone 1");
  await expect(warning).not.toContainText("MEETING.");
  await expect(meetings.getByText("klo 10:30, 30 min — Paikka: Kaupungin asiakastapaamishuone 1")).toBeVisible();
  await checkScreen(page, "18-plan-meeting-warning");

  // Another place, in words.
  await plan.getByLabel("Päivä").fill("2026-12-22");
  await plan.getByLabel("Alkamisaika").fill("14:00");
  await plan.getByLabel("Paikka", { exact: true }).selectOption("other");
  await plan.getByLabel("Muu paikka", { exact: true }).fill("Koulun neuvotteluhuone");
  await plan.getByRole("button", { name: "Suunnittele tapaaminen" }).click();
  await expect(status).toHaveText("Tapaaminen suunniteltu.");
  await expect(warnings).toHaveCount(0);
  await expect(meetings.getByText("klo 14:00, 60 min — Paikka: Koulun neuvotteluhuone")).toBeVisible();
});

test("sends a planned meeting's invitations and records a seat's answer", async ({ page }) => {
  await signIn(page);
  await page.goto(`${gw.url}/app/cases/${admittedCaseId}`);
  const status = page.getByRole("status");
  const meeting = page
    .getByRole("region", { name: "Tapaamiset", exact: true })
    .locator("ul.meetings > li")
    .filter({ hasText: "Koulun neuvotteluhuone" });
  const invitations = meeting.getByRole("table", { name: "Kutsut" });
  const clientRow = invitations.getByRole("row", { name: /Asiakas: Eetu Esimerkki/ });
  await expect(clientRow).toContainText("ei kutsuttu");
  await meeting.getByRole("button", { name: "Lähetä kutsut" }).click();
  const send = meeting.getByRole("form", { name: "Lähetä kutsut" });
  await expect(send.getByLabel("Tapa")).toBeFocused();
  await send.getByLabel("Tapa").selectOption("EMAIL");
  await checkScreen(page, "19-send-invitations");
  await send.getByRole("button", { name: "Lähetä kutsut" }).click();
  await expect(status).toHaveText("Kutsut kirjattu lähetetyiksi.");
  await expect(clientRow).toContainText("(sähköposti), ei vastausta");
  await expect(meeting.getByRole("button", { name: "Lähetä kutsut" })).toHaveCount(0);

  await clientRow.getByRole("button", { name: "Kirjaa vastaus" }).click();
  const answer = meeting.getByRole("form", { name: "Kirjaa vastaus" });
  await expect(answer.getByRole("radio", { name: "hyväksynyt" })).toBeFocused();
  await answer.getByRole("radio", { name: "kieltäytynyt" }).check();
  await checkScreen(page, "20-record-invitation-answer");
  await answer.getByRole("button", { name: "Tallenna" }).click();
  await expect(status).toHaveText("Vastaus kirjattu: Asiakas: Eetu Esimerkki.");
  await expect(clientRow).toContainText("kieltäytynyt");
});

test("records a held meeting in the client records only, and completes the record with the statistics", async ({
  page,
}) => {
  await signIn(page);
  await page.goto(`${gw.url}/app/cases/${admittedCaseId}`);
  const status = page.getByRole("status");
  const held = page
    .getByRole("region", { name: "Tapaamiset", exact: true })
    .locator("ul.meetings > li")
    .filter({ hasText: "Pidetty" });
  await expect(held).toContainText("Kirjaus: ei vielä kirjattu");
  await held.getByRole("button", { name: "Kirjaa tapaaminen" }).click();
  const first = held.getByRole("form", { name: "Kirjaa tapaaminen" });
  await expect(first.getByLabel("Kirjattu päivänä")).toBeFocused();
  await first.getByRole("checkbox", { name: "tilastoihin" }).uncheck();
  await checkScreen(page, "21-record-meeting");
  await first.getByRole("button", { name: "Tallenna" }).click();
  await expect(status).toHaveText("Tapaaminen kirjattu.");
  await expect(held).toContainText("Kirjaus: asiakastietojärjestelmään kyllä, tilastoihin ei");

  await held.getByRole("button", { name: "Täydennä kirjaus" }).click();
  const complete = held.getByRole("form", { name: "Täydennä kirjaus" });
  await expect(complete.getByRole("checkbox")).toHaveCount(1);
  await expect(complete.getByRole("checkbox", { name: "tilastoihin" })).toBeChecked();
  await checkScreen(page, "22-complete-meeting-record");
  await complete.getByRole("button", { name: "Tallenna" }).click();
  await expect(status).toHaveText("Kirjaus täydennetty.");
  await expect(held).toContainText("Kirjaus: asiakastietojärjestelmään kyllä, tilastoihin kyllä");
  await expect(held.getByRole("button", { name: "Täydennä kirjaus" })).toHaveCount(0);
});
