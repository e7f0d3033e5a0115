// @ts-check
import base from "@ankkuri/eslint-config/base";

export default [...base, { ignores: ["dist/**", "test-results/**", "playwright-report/**"] }];
