// What the database global setup provides to test files (`inject`).
declare module "vitest" {
  export interface ProvidedContext {
    ankkuriPgliteTemplate: string;
    ankkuriPostgresTemplate: string | undefined;
  }
}

export {};
