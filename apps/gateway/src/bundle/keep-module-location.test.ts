import { describe, expect, it } from "vitest";
import { withModuleLocation } from "./keep-module-location.js";

describe("withModuleLocation", () => {
  const path = "/srv/ankkuri/packages/db/src/migrate.ts";

  it("writes the module's own location in place of import.meta.url, __dirname and __filename", () => {
    const source = [
      'const folder = new URL("../drizzle", import.meta.url);',
      'const metrics = join(__dirname, "data", "Helvetica.afm");',
      "const self = __filename;",
    ].join("\n");
    expect(withModuleLocation(source, path)).toBe(
      [
        'const folder = new URL("../drizzle", "file:///srv/ankkuri/packages/db/src/migrate.ts");',
        'const metrics = join("/srv/ankkuri/packages/db/src", "data", "Helvetica.afm");',
        'const self = "/srv/ankkuri/packages/db/src/migrate.ts";',
      ].join("\n"),
    );
  });

  it("leaves names that only contain the tokens alone", () => {
    const source = "const my__dirname_x = 1; const a__filename = 2;";
    expect(withModuleLocation(source, path)).toBe(source);
  });

  it("escapes a location that needs it", () => {
    const odd = '/srv/a "quoted" folder/x.js';
    expect(withModuleLocation("f(__dirname)", odd)).toBe('f("/srv/a \\"quoted\\" folder")');
  });
});
