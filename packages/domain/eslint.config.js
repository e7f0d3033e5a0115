// @ts-check
import base from "@ankkuri/eslint-config/base";
import domain from "@ankkuri/eslint-config/domain";

export default [...base, ...domain];
