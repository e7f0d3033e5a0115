import { type Random, weighted } from "./random.js";

// Common Finnish and Finland-Swedish names, combined at random: the people are fictional.
const finnish = {
  youngMale: [
    "Aleksi",
    "Eetu",
    "Elias",
    "Emil",
    "Jere",
    "Joel",
    "Juho",
    "Julius",
    "Lauri",
    "Leevi",
    "Niko",
    "Onni",
    "Otto",
    "Rasmus",
    "Roope",
    "Santeri",
    "Valtteri",
    "Veeti",
    "Aatu",
    "Arttu",
    "Miro",
    "Joona",
    "Eino",
    "Väinö",
    "Niilo",
    "Topias",
    "Iiro",
    "Konsta",
    "Jesse",
    "Sisu",
  ],
  youngFemale: [
    "Aino",
    "Anni",
    "Ella",
    "Emilia",
    "Helmi",
    "Iida",
    "Inka",
    "Jenna",
    "Julia",
    "Kerttu",
    "Lotta",
    "Minea",
    "Nea",
    "Nella",
    "Oona",
    "Pihla",
    "Sara",
    "Siiri",
    "Veera",
    "Venla",
    "Viivi",
    "Aada",
    "Enni",
    "Milla",
    "Senja",
    "Tuulia",
    "Vilma",
    "Peppi",
    "Eevi",
    "Hilla",
  ],
  adultMale: [
    "Jari",
    "Mika",
    "Timo",
    "Sami",
    "Marko",
    "Petri",
    "Janne",
    "Jukka",
    "Teemu",
    "Pasi",
    "Kimmo",
    "Harri",
    "Tero",
    "Juha",
    "Markku",
    "Ari",
    "Vesa",
    "Tommi",
    "Jyrki",
    "Heikki",
  ],
  adultFemale: [
    "Johanna",
    "Sanna",
    "Tiina",
    "Minna",
    "Katja",
    "Heidi",
    "Riikka",
    "Paula",
    "Anu",
    "Susanna",
    "Merja",
    "Jenni",
    "Piia",
    "Kirsi",
    "Tanja",
    "Maarit",
    "Sirpa",
    "Leena",
    "Outi",
    "Marjo",
  ],
  family: [
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "Nieminen",
    "Mäkelä",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Lehtinen",
    "Saarinen",
    "Salminen",
    "Heinonen",
    "Niemi",
    "Heikkilä",
    "Kinnunen",
    "Salonen",
    "Turunen",
    "Salo",
    "Laitinen",
    "Tuominen",
    "Rantanen",
    "Karjalainen",
    "Jokinen",
    "Mattila",
    "Savolainen",
    "Lahtinen",
    "Ahonen",
    "Hiltunen",
    "Leppänen",
    "Räsänen",
    "Hakala",
    "Miettinen",
    "Koivisto",
    "Kallio",
    "Peltonen",
    "Väisänen",
    "Lappalainen",
  ],
};

const swedish = {
  youngMale: [
    "Axel",
    "Anton",
    "Benjamin",
    "Casper",
    "Edvin",
    "Filip",
    "Hugo",
    "Isak",
    "Jonatan",
    "Ludvig",
    "Max",
    "Oskar",
    "Sebastian",
    "Viktor",
    "William",
  ],
  youngFemale: [
    "Alma",
    "Astrid",
    "Ebba",
    "Elsa",
    "Ida",
    "Linnea",
    "Maja",
    "Matilda",
    "Olivia",
    "Saga",
    "Selma",
    "Stella",
    "Tilda",
    "Wilma",
    "Ellen",
  ],
  adultMale: ["Fredrik", "Henrik", "Johan", "Mats", "Patrik", "Stefan", "Thomas", "Mikael", "Kristian", "Niklas"],
  adultFemale: ["Annika", "Camilla", "Carina", "Helena", "Jessica", "Karin", "Maria", "Sofia", "Pia", "Susanne"],
  family: [
    "Lindholm",
    "Lindqvist",
    "Nyström",
    "Sjöberg",
    "Holmström",
    "Lindberg",
    "Forsman",
    "Grönroos",
    "Åberg",
    "Ekholm",
    "Björkman",
    "Sundström",
    "Berg",
    "Wikström",
    "Söderberg",
  ],
};

export type NameLanguage = "fi" | "sv";
export type Generation = "young" | "adult";

/** A fictional person's name. */
export interface FictionalName {
  givenName: string;
  familyName: string;
  language: NameLanguage;
}

// Roughly the language shares of the Finnish population register.
const languages = weighted<NameLanguage>([
  ["fi", 93],
  ["sv", 7],
]);

/** A given name in `language` for someone of `generation`. */
export function fictionalGivenName(random: Random, language: NameLanguage, generation: Generation): string {
  const lists = language === "fi" ? finnish : swedish;
  const male = random.chance(0.5);
  if (generation === "young") return random.pick(male ? lists.youngMale : lists.youngFemale);
  return random.pick(male ? lists.adultMale : lists.adultFemale);
}

/** A fictional person: a random combination of a common given name and family name. */
export function fictionalName(
  random: Random,
  generation: Generation,
  language: NameLanguage = random.draw(languages),
): FictionalName {
  const lists = language === "fi" ? finnish : swedish;
  return {
    givenName: fictionalGivenName(random, language, generation),
    familyName: random.pick(lists.family),
    language,
  };
}

/** A login like the seed's (`tuomas.lehtinen`): lowercase, without diacritics. */
export function loginOf(name: { givenName: string; familyName: string }): string {
  return `${name.givenName}.${name.familyName}`
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}
