// @ts-check
import base from "@ankkuri/eslint-config/base";

export default [...base];
