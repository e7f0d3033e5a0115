export { createGateway, type Gateway } from "./gateway.js";
export { loadGatewayConfig, type GatewayConfig } from "./env.js";
export { listen, type RunningServer } from "./server.js";
export { schema } from "./schema/index.js";
