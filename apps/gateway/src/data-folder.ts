import { seededTemplate } from "@ankkuri/db";
import { helsinkiAnkkuri } from "@ankkuri/domain";

/** What a new embedded database holds: the migrations and the Helsinki agreement (copied from its prepared folder). */
export const helsinkiDataFolder = seededTemplate("helsinki", helsinkiAnkkuri);
