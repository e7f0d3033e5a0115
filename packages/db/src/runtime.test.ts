import { describe, expect, it } from "vitest";
import { logNodeRuntime, nodeRuntime, supportedNodeMajor } from "./runtime.js";

describe("the runtime", () => {
  it("is the Node.js 24 the workspace brings, not the machine's own", () => {
    expect(process.versions.node.split(".")[0]).toBe(String(supportedNodeMajor));
    expect(nodeRuntime()).toEqual({ node: process.versions.node, supported: true });
  });

  it("calls any other major version unsupported", () => {
    expect(nodeRuntime("20.20.2").supported).toBe(false);
    expect(nodeRuntime("26.1.0").supported).toBe(false);
    expect(nodeRuntime("24.0.0").supported).toBe(true);
  });

  it("logs the runtime at start-up", () => {
    const lines: string[] = [];
    const node = logNodeRuntime({ info: (_f, m) => lines.push(`info ${m}`), warn: (_f, m) => lines.push(`warn ${m}`) });
    expect(node).toBe(process.versions.node);
    expect(lines).toEqual(["info runtime"]);
  });
});
