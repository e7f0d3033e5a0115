import { workspacePath } from "@ankkuri/processes";

// The suite runs the apps as their deployments do, as processes of their own, and imports none of them.
export const gatewayDir = workspacePath("apps/gateway");
export const reporterDir = workspacePath("apps/reporter");
