import { connect, type Socket } from "node:net";
import { testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrganisationTreeDocument } from "@ankkuri/client/operations";
import { type GraphQLBody, type Harness, startHarness } from "./harness.js";
import { clock, login } from "./steps.js";

// The request boundary: malformed and abusive requests get a 4xx or a coded GraphQL error with a
// readable message, never a 500 or a stack trace; probes, metrics and localisation.

interface Answer {
  status: number;
  body: GraphQLBody;
  text: string;
}

describe.each(testEngines)("the HTTP boundary on %s", (engine) => {
  let h: Harness;
  let auth: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    auth = { authorization: `Bearer ${await h.token(login.police)}` };
  });
  afterAll(async () => {
    await h.close();
  });

  async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "accept": "application/json", ...auth, ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, body: text === "" ? {} : (JSON.parse(text) as GraphQLBody) };
  }

  function expectClearError(answer: Answer, status: number, code: string, message: RegExp) {
    expect(answer.status, answer.text).toBe(status);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(answer.body.errors?.[0]?.message).toMatch(message);
    expect(answer.text).not.toMatch(/\bat .+\.(ts|js):\d+|stack/i);
  }

  describe("malformed requests", () => {
    it("refuses a body that is not JSON with 400", async () => {
      expectClearError(await post("{not json"), 400, "BAD_REQUEST", /not valid JSON/);
    });

    it("refuses JSON that is not an operation with 400", async () => {
      expectClearError(await post("42"), 400, "BAD_REQUEST", /JSON object with a `query` string/);
    });

    it("asks for a query when there is none", async () => {
      const answer = await post({});
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.errors?.[0]).toMatchObject({
        message: "Must provide query string.",
        extensions: { code: "BAD_REQUEST" },
      });
    });

    it("refuses a variable of the wrong type with 400 BAD_USER_INPUT", async () => {
      const answer = await post({
        query: "query($id: String!) { case(caseId: $id) { caseId } }",
        variables: { id: 42 },
      });
      expectClearError(answer, 400, "BAD_USER_INPUT", /Variable "\$id" got invalid value 42/);
    });

    it("refuses a malformed date with a readable message", async () => {
      const answer = await post({
        query: 'query($d: Date!) { chairCalendar(bodyId: "x", from: $d, years: 1) { __typename } }',
        variables: { d: "31.12.2025" },
      });
      expectClearError(answer, 400, "BAD_USER_INPUT", /calendar date YYYY-MM-DD/);
    });

    it("refuses an argument that fails its validation, with the reason", async () => {
      const answer = await post({ query: '{ case(caseId: "NaN") { caseId } }' });
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, path: ["case"] });
      expect(answer.body.errors?.[0]?.message).toMatch(/^Validation error: caseId: /);
      const limit = await post({ query: "{ reportRuns(limit: -1) { runId } }" });
      expect(limit.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });

    it("refuses a chair calendar outside 1–20 years rather than shortening it", async () => {
      for (const years of [0, 21]) {
        const { body } = await h.gql(
          login.leadership,
          `{ chairCalendar(bodyId: "body-hel-ankkuri-steering", years: ${String(years)}) { from } }`,
        );
        expect(body.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" }, path: ["chairCalendar"] });
      }
      const { body } = await h.gql(
        login.leadership,
        `{ chairCalendar(bodyId: "body-hel-ankkuri-steering", years: 20) { from } }`,
      );
      expect(body.errors).toBeUndefined();
    });

    it("refuses a malformed global id", async () => {
      for (const id of ["not-a-global-id", Buffer.from("Case:../../etc").toString("base64")]) {
        const answer = await post({ query: "query($id: ID!) { node(id: $id) { id } }", variables: { id } });
        expect(answer.body.errors?.[0]?.extensions?.code, answer.text).toBe("BAD_USER_INPUT");
        expect(answer.body.errors?.[0]?.message).toMatch(/Invalid (global|serialized) ID/);
      }
    });

    it("refuses a NUL character the database cannot search for", async () => {
      const answer = await post({
        query: "query($o: ID) { staff(organisationId: $o) { id } }",
        variables: { o: "before\u0000after" },
      });
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.errors?.[0]?.extensions?.code, answer.text).toBe("BAD_USER_INPUT");
    });

    it("refuses GET parameters that are not JSON objects, and an empty batch", async () => {
      const response = await h.fetch(
        `/graphql?query=${encodeURIComponent("{ viewer { name } }")}&variables=${encodeURIComponent("{not-json")}`,
        { headers: { ...auth, accept: "application/json" } },
      );
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        errors: [{ message: "The `variables` parameter must be a JSON object", extensions: { code: "BAD_REQUEST" } }],
      });
      expectClearError(await post([]), 400, "BAD_REQUEST", /batch is empty/);
    });

    it("reports an unknown field as a validation error", async () => {
      const answer = await post({ query: "{ viewer { password } }" });
      expect(answer.body.errors?.[0]).toMatchObject({
        message: 'Cannot query field "password" on type "Viewer".',
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      });
    });

    it("refuses a body over the size limit with 413 before reading it", async () => {
      expectClearError(
        await post({ query: "{ viewer { login } }", variables: { x: "a".repeat(300_000) } }),
        413,
        "PAYLOAD_TOO_LARGE",
        /larger than 262144 bytes/,
      );
    });

    it("answers a refused body's sender, who may go on sending it, and keeps the connection", async () => {
      // The client sends the headers, reads the 413 the server gives before the body, then sends
      // the body anyway (as an HTTP client writing its whole request does) and a second request.
      const { hostname, port } = new URL(h.url);
      const socket = connect(Number(port), hostname);
      const responses = rawResponses(socket);
      const head = (length: number) =>
        `POST /graphql HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\nauthorization: ${auth.authorization}\r\ncontent-length: ${String(length)}\r\n\r\n`;
      const refused = JSON.stringify({ query: "{ viewer { login } }", variables: { x: "a".repeat(1_000_000) } });
      socket.write(head(Buffer.byteLength(refused)));
      const first = await responses.next();
      expect(first.status).toBe(413);
      expect(first.headers.connection).not.toBe("close");
      await new Promise<void>((resolve, reject) =>
        socket.write(refused, (error) => {
          if (error) reject(error);
          else resolve();
        }),
      );
      const query = JSON.stringify({ query: "{ viewer { login } }" });
      socket.write(head(Buffer.byteLength(query)) + query);
      const second = await responses.next();
      socket.destroy();
      expect(second.status).toBe(200);
      expect(JSON.parse(second.body)).toEqual({ data: { viewer: { login: login.police } } });
    });

    /** A body sent in chunks, with no Content-Length: the limit must hold while it is read. */
    const chunked = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.subarray(i, i + 16_384));
          controller.close();
        },
      });

    it("refuses a chunked JSON body over the size limit with 413", async () => {
      const body = JSON.stringify({ query: `{ viewer { login } } # ${"a".repeat(300_000)}` });
      const response = await h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...auth },
        body: chunked(body),
        duplex: "half",
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    });

    it("reads another kind of body graphql-yoga parses only with a declared length within the limit", async () => {
      const send = (body: BodyInit) =>
        h.fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/graphql", ...auth },
          body,
          duplex: "half",
        } as RequestInit);
      const whole = await send("{ viewer { login } }");
      expect(whole.status).toBe(200);
      expect(await whole.json()).toEqual({ data: { viewer: { login: login.police } } });
      const big = await send(`{ viewer { login } } # ${"a".repeat(300_000)}`);
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ errors: [{ extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
      const unbounded = await send(chunked("{ viewer { login } }"));
      expect(unbounded.status).toBe(411);
      expect(await unbounded.json()).toMatchObject({
        errors: [{ message: /Content-Length/, extensions: { code: "BAD_REQUEST" } }],
      });
    });

    it("refuses a body that is not JSON by content type with 415", async () => {
      const response = await h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "text/plain", ...auth },
        body: "{ viewer { login } }",
      });
      expect(response.status).toBe(415);
    });

    it("refuses a mutation over GET with 405", async () => {
      const query = encodeURIComponent(
        'mutation { startSelection(input: {caseId: "x", on: "2026-01-01"}) { __typename } }',
      );
      const response = await h.fetch(`/graphql?query=${query}`, { headers: { ...auth, accept: "application/json" } });
      expect(response.status).toBe(405);
      expect(await response.text()).toMatch(/mutation operation from a POST request/);
    });
  });

  describe("abuse limits", () => {
    it("refuses a query deeper than the depth limit", async () => {
      const deep = `{ organisations { ${"children { ".repeat(12)} id ${"} ".repeat(12)} } }`;
      expectClearError(await post({ query: deep }), 400, "QUERY_TOO_COMPLEX", /depth limit of 10 exceeded/);
    });

    it("refuses an alias flood", async () => {
      const wide = `{ ${Array.from({ length: 40 }, (_, i) => `a${String(i)}: viewer { login }`).join(" ")} }`;
      expectClearError(await post({ query: wide }), 400, "QUERY_TOO_COMPLEX", /Aliases limit of 15 exceeded, found 40/);
    });

    it("refuses a query with too many tokens before validating it", async () => {
      const answer = await post({ query: `{ viewer { ${Array.from({ length: 2000 }, () => "login").join(" ")} } }` });
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    });

    it("refuses a directive flood", async () => {
      const answer = await post({ query: `{ viewer ${"@include(if: true) ".repeat(60)} { login } }` });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    });

    it("refuses a batch over the limit with 413", async () => {
      const batch = Array.from({ length: 10 }, () => ({ query: "{ viewer { login } }" }));
      expectClearError(await post(batch), 413, "BAD_REQUEST", /limited to 5 operations/);
    });

    it("refuses a batch with entries that are not operations with 400, without an internal error", async () => {
      for (const batch of ["[null, 1]", '[{"query": "{ viewer { login } }"}, null]', '[[], "x"]']) {
        const answer = await post(batch);
        expect(answer.text, batch).not.toContain("INTERNAL_SERVER_ERROR");
        expectClearError(answer, 400, "BAD_REQUEST", /Each operation of a batch must be a JSON object/);
      }
    });

    it("runs a batch within the limit", async () => {
      const answer = await h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", ...auth },
        body: JSON.stringify([{ query: "{ viewer { login } }" }, { query: "{ viewer { name } }" }]),
      });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual([
        { data: { viewer: { login: login.police } } },
        { data: { viewer: { name: "Maria Järvinen" } } },
      ]);
    });

    it("refuses a query over the cost limit", async () => {
      const strict = await startHarness(engine, { env: { MAX_COST: "100" }, gateway: { clock } });
      try {
        const { status, body } = await strict.gql(
          login.police,
          "{ cases(first: 50) { nodes { caseId meetings { meetingId plannedOn participants { organisation { id name children { id name } } } } } } }",
        );
        expect(status).toBe(400);
        expect(body.errors?.[0]).toMatchObject({ extensions: { code: "QUERY_TOO_COMPLEX" } });
        expect(body.errors?.[0]?.message).toMatch(/Query Cost limit of 100 exceeded/);
      } finally {
        await strict.close();
      }
    });

    const nested =
      "nodes { caseId meetings { meetingId plannedOn participants { role organisation { id name children { id name } } } } }";

    it("counts page sizes: five aliases of a hundred cases are refused before anything is read", async () => {
      const aliases = [1, 2, 3, 4, 5].map((i) => `a${String(i)}: cases(first: $n) { ${nested} }`).join(" ");
      const started = performance.now();
      const answer = await post({ query: `query Bomb($n: Int) { ${aliases} }`, variables: { n: 100 } });
      expect(performance.now() - started).toBeLessThan(2_000);
      expectClearError(answer, 400, "QUERY_TOO_COMPLEX", /Query Cost limit of 20000 exceeded/);
      // Five full pages of a flat selection run.
      const flat = [1, 2, 3, 4, 5].map((i) => `a${String(i)}: cases(first: $n) { nodes { caseId } }`).join(" ");
      const small = await post({ query: `query Flat($n: Int) { ${flat} }`, variables: { n: 100 } });
      expect(small.status, small.text).toBe(200);
    });

    it("refuses 2 000 ids for `nodes`, sent in variables", async () => {
      const ids = Array.from({ length: 2000 }, (_, i) =>
        Buffer.from(`Case:["helsinki","0193a1b2-0000-7000-8000-${String(i).padStart(12, "0")}"]`).toString("base64"),
      );
      const answer = await post({ query: "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables: { ids } });
      expect(answer.status, answer.text).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code).toMatch(/QUERY_TOO_COMPLEX|BAD_USER_INPUT/);
      expect(answer.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    });
  });

  describe("the rate limit", () => {
    it("answers a person over their rate 429 with Retry-After, and nobody else", async () => {
      const limited = await startHarness(engine, {
        env: { RATE_LIMIT_PER_SECOND: "0.1", RATE_LIMIT_BURST: "3" },
        gateway: { clock },
      });
      try {
        const answers = [];
        for (let i = 0; i < 4; i++) answers.push(await limited.gql(login.police, "{ viewer { login } }"));
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
        expect(answers[3]?.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
        const raw = await limited.fetch("/graphql", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "authorization": `Bearer ${await limited.token(login.police)}`,
          },
          body: JSON.stringify({ query: "{ viewer { login } }" }),
        });
        expect(raw.status).toBe(429);
        expect(Number(raw.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect((await limited.gql(login.socialWorker, "{ viewer { login } }")).status).toBe(200);
        expect(await limited.metrics()).toMatch(/^ankkuri_rate_limited_total [1-9]\d*$/m);
      } finally {
        await limited.close();
      }
    });
  });

  describe("authentication at the boundary", () => {
    it("answers 401 without a token, with a forged one, and with an expired one", async () => {
      const anonymous = await h.gql(null, "{ viewer { login } }");
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const token = await h.token(login.police);
      const [header = "", payload = "", signature = ""] = token.split(".");
      const forgedPayload = Buffer.from(
        JSON.stringify({
          ...(JSON.parse(Buffer.from(payload, "base64url").toString()) as object),
          roles: ["team-administrator"],
        }),
      ).toString("base64url");
      const forged = await h.gql(
        null,
        "{ viewer { login } }",
        {},
        { authorization: `Bearer ${header}.${forgedPayload}.${signature}` },
      );
      expect(forged.status).toBe(401);
      const garbage = await h.gql(null, "{ viewer { login } }", {}, { authorization: "Bearer not-a-token" });
      expect(garbage.status).toBe(401);
      expect(JSON.stringify(garbage.body)).not.toMatch(/stack|\.ts:/);
    });
  });

  describe("localisation", () => {
    const policeName = (body: unknown) =>
      (body as { organisations: { id: string; name: string }[] } | null | undefined)?.organisations.find(
        (o) => o.id === "org-hpl",
      )?.name;

    it("names organisations by Accept-Language, and the argument wins over the header", async () => {
      const names = async (headers: Record<string, string>, language?: string) =>
        policeName(
          (
            await h.gql(
              login.police,
              "query($l: Language) { organisations { id name(language: $l) } }",
              { l: language },
              headers,
            )
          ).body.data,
        );
      expect(await names({ "accept-language": "sv-FI,sv;q=0.9,en;q=0.5" })).toBe("Helsingfors polisinrättning");
      expect(await names({ "accept-language": "de-DE" })).toBe("Helsingin poliisilaitos");
      expect(await names({ "accept-language": "sv" }, "EN")).toBe("Helsinki Police Department");
      const tree = await h.request(login.police, OrganisationTreeDocument, { language: "SV" });
      expect(tree.data?.organisations.length).toBeGreaterThan(0);
    });
  });

  describe("operations endpoints", () => {
    it("answers /health and /ready while the database is up", async () => {
      const health = await h.fetch("/health");
      expect(health.status).toBe(200);
      const ready = await h.fetch("/ready");
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "ready" });
    });

    it("exposes Prometheus metrics of the GraphQL requests", async () => {
      await post({ query: "{ viewer { login } }", operationName: null });
      const metrics = await h.metrics();
      expect(metrics).toMatch(/^graphql_envelop_request_duration_count\{.*operationType="query".*\} \d+$/m);
      expect(metrics).toMatch(/^graphql_envelop_request\{.*\} \d+$/m);
      expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m);
    });

    it("keeps requests' URLs, and so their variables, out of the metrics", async () => {
      const marker = "fictional-marker-7f3a";
      const query = encodeURIComponent("query Probe($id: String!) { case(caseId: $id) { caseId } }");
      const response = await h.fetch(
        `/graphql?query=${query}&variables=${encodeURIComponent(JSON.stringify({ id: marker }))}`,
        { headers: { ...auth, accept: "application/json" } },
      );
      expect(response.status).toBe(200);
      const metrics = await h.metrics();
      expect(metrics).toMatch(/^graphql_envelop_request_duration_count\{.*operationName="other".*\} \d+$/m);
      expect(metrics).not.toContain(marker);
      expect(metrics).not.toMatch(/url="/);
    });
  });
});

describe.each(testEngines)("a gateway whose database goes away on %s", (engine) => {
  it("answers 503 on /ready and SERVICE_UNAVAILABLE for queries, with no internals", async () => {
    const h = await startHarness(engine, { gateway: { clock } });
    const token = await h.token(login.police);
    try {
      await h.database.close();
      const ready = await h.fetch("/ready");
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "unavailable" });
      expect((await h.fetch("/health")).status).toBe(200);
      const response = await h.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "authorization": `Bearer ${token}` },
        body: JSON.stringify({ query: "{ cases { totalCount } }" }),
      });
      const body = (await response.json()) as GraphQLBody;
      expect(response.status).toBe(503);
      expect(body.errors?.[0]).toMatchObject({
        message: "The database is not available; try again shortly",
        extensions: { code: "SERVICE_UNAVAILABLE" },
      });
    } finally {
      await h.close().catch(() => undefined);
    }
  });
});

/** Reads HTTP/1.1 responses with a Content-Length off a raw socket, one after another. */
function rawResponses(socket: Socket) {
  let buffered = Buffer.alloc(0);
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    wake?.();
  });
  socket.on("error", (error) => {
    failure = error;
    wake?.();
  });
  socket.on("close", () => {
    failure ??= new Error("the server closed the connection");
    wake?.();
  });
  return {
    async next(): Promise<{ status: number; headers: Record<string, string>; body: string }> {
      for (;;) {
        const end = buffered.indexOf("\r\n\r\n");
        if (end >= 0) {
          const [statusLine = "", ...lines] = buffered.subarray(0, end).toString("latin1").split("\r\n");
          const headers = Object.fromEntries(
            lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
          );
          const length = Number(headers["content-length"] ?? "0");
          if (buffered.length >= end + 4 + length) {
            const body = buffered.subarray(end + 4, end + 4 + length).toString("utf8");
            buffered = buffered.subarray(end + 4 + length);
            return { status: Number(statusLine.split(" ")[1]), headers, body };
          }
        }
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}
