import { describe, expect, it } from "vitest";
import { FrontendParser } from "./statement-counter.js";

function message(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

function untyped(code: number, body: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + body.length, 0);
  head.writeInt32BE(code, 4);
  return Buffer.concat([head, body]);
}

describe("FrontendParser", () => {
  it("counts simple queries and extended-protocol executes after the startup message", () => {
    let n = 0;
    const parser = new FrontendParser(() => (n += 1));
    const stream = Buffer.concat([
      untyped(80877103), // SSL request, answered 'N' by the server
      untyped(196608, Buffer.from("user\0postgres\0\0")),
      message("p", Buffer.from("secret\0")),
      message("Q", Buffer.from("select 1\0")),
      message("P", Buffer.from("\0select $1\0\0\0")),
      message("B", Buffer.alloc(10)),
      message("D", Buffer.from("P\0")),
      message("E", Buffer.from("\0\0\0\0\0")),
      message("S"),
      message("B", Buffer.alloc(10)),
      message("E", Buffer.from("\0\0\0\0\0")),
      message("S"),
    ]);
    parser.push(stream);
    expect(n).toBe(3);
  });

  it("handles messages split across chunks", () => {
    let n = 0;
    const parser = new FrontendParser(() => (n += 1));
    const stream = Buffer.concat([
      untyped(196608, Buffer.from("user\0x\0\0")),
      message("Q", Buffer.from("select 1\0")),
      message("E", Buffer.alloc(5)),
    ]);
    for (const byte of stream) parser.push(Buffer.from([byte]));
    expect(n).toBe(2);
  });
});
