/**
 * Who sees which scenario (accounts mode, in process): a what-if belongs to its creator's
 * organisation and is hidden from every other until shared, READ or EDIT; baselines are everyone's.
 * A hidden scenario is answered exactly as one that does not exist, on every path that could name
 * it: lists, node(id:), scenario(id:), lineage, changesSince, history, proposals it added, and the
 * live stream, which ends when the share is taken back. The per-operation table is accessTable.test.ts.
 */
import { createApiToken } from "@ramme/server/auth/apiTokens.ts";
import { createUser } from "@ramme/server/auth/accounts.ts";
import { createSession } from "@ramme/server/auth/sessions.ts";
import { createRammeYoga } from "@ramme/server/yoga.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { gql as typed } from "../support/documents.ts";
import { db } from "../support/graphql.ts";
import { EDIT_FIELDS, fingerprint } from "../support/scenarios.ts";
import { subscribe } from "../support/sse.ts";
import { postAs } from "../support/asCaller.ts";

const server = createRammeYoga({ auth: "accounts" });
const tokens: Record<"anna" | "viggo" | "bo" | "sara", string> = { anna: "", viggo: "", bo: "", sara: "" };
type Who = keyof typeof tokens;

async function gql(who: Who, source: string, variables: Record<string, unknown> = {}) {
  const response = await postAs(server, { query: source, variables }, { bearer: tokens[who] });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

const FORK = `mutation($input: ForkScenarioInput!) { forkScenario(input: $input) { ${EDIT_FIELDS} } }`;
const SHARE = `mutation($input: ShareScenarioInput!) { shareScenario(input: $input) { __typename ... on Scenario { key sharedWith { organisation { key } access sharedBy } } ... on InvalidInputError { problems { field code } } } }`;
const UNSHARE = `mutation($input: UnshareScenarioInput!) { unshareScenario(input: $input) { __typename ... on Scenario { key sharedWith { organisation { key } } } ... on InvalidInputError { problems { field code } } } }`;
const SET = `mutation($input: SetAllocationInput!) { setAllocation(input: $input) { ${EDIT_FIELDS} } }`;

async function forkAs(who: Who, name: string, sourceId = "aftale-2024"): Promise<string> {
  const answer = await gql(who, FORK, { input: { sourceId, name } });
  expect(answer.data.forkScenario.__typename).toBe("ScenarioEdit");
  return answer.data.forkScenario.scenario.key;
}

const scenarioKeys = async (who: Who) => (await gql(who, `{ scenarios(first: 100) { nodes { key } } }`)).data.scenarios.nodes.map((node: { key: string }) => node.key);

beforeAll(async () => {
  const people = [
    { who: "anna", email: "anna@fm.dk", role: "EDITOR", organisationKey: "finansministeriet", organisationKind: "SECRETARIAT" },
    { who: "viggo", email: "viggo@fm.dk", role: "VIEWER", organisationKey: "finansministeriet", organisationKind: "SECRETARIAT" },
    { who: "bo", email: "bo@venstre.dk", role: "EDITOR", organisationKey: "venstre", organisationKind: "PARTY" },
    { who: "sara", email: "sara@sf.dk", role: "EDITOR", organisationKey: "sf", organisationKind: "PARTY" },
  ] as const;
  for (const person of people) {
    const user = await createUser({ email: person.email, password: "et langt nok kodeord", displayName: person.who, role: person.role, organisationKey: person.organisationKey, organisationKind: person.organisationKind });
    tokens[person.who] = (await createApiToken(user.id, `${person.who}s token`, "READ_WRITE")).secret;
  }
});

describe("a what-if is its organisation's until shared", () => {
  it("is listed for its own organisation (viewers too) and for nobody else, while baselines are listed for all", async () => {
    const draft = await forkAs("anna", "Finansministeriets udkast");
    expect(await scenarioKeys("anna")).toContain(draft);
    expect(await scenarioKeys("viggo")).toContain(draft);
    for (const other of ["bo", "sara"] as const) {
      const keys = await scenarioKeys(other);
      expect(keys).not.toContain(draft);
      expect(keys).toEqual(expect.arrayContaining(["regeringens-udspil-2024", "aftale-2024"]));
    }
    const owner = await gql("viggo", `query($id: ID!) { scenario(id: $id) { owner { key } access } }`, { id: Buffer.from(`Scenario:${draft}`).toString("base64") });
    expect(owner.data.scenario).toEqual({ owner: { key: "finansministeriet" }, access: "READ" });
  });

  it("answers another organisation's draft exactly as an unknown one: scenario, node, nodes, compare, export", async () => {
    const draft = await forkAs("anna", "Hemmeligt udkast");
    const made = "ukendt-scenarie-3f2a";
    const globalId = (key: string) => Buffer.from(`Scenario:${key}`).toString("base64");
    for (const id of [draft, made]) {
      const read = await gql("bo", `query($g: ID!) { scenario(id: $g) { key } node(id: $g) { id } nodes(ids: [$g]) { id } }`, { g: globalId(id) });
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual({ scenario: null, node: null, nodes: [null] });
    }
    const compare = (id: string) => gql("bo", `query($id: ID!) { compareScenarios(baseId: "aftale-2024", otherIds: [$id]) { __typename ... on InvalidInputError { problems { field code message value } } } }`, { id });
    const hidden = (await compare(draft)).data.compareScenarios;
    const unknown = (await compare(made)).data.compareScenarios;
    expect(hidden.__typename).toBe("InvalidInputError");
    expect(hidden.problems).toEqual([{ ...unknown.problems[0], message: unknown.problems[0].message.replace(made, draft), value: draft }]);
    const exported = await gql("bo", `query($id: ID!) { exportScenario(scenarioId: $id, format: CSV) { __typename ... on InvalidInputError { problems { code } } } }`, { id: draft });
    expect(exported.data.exportScenario).toEqual({ __typename: "InvalidInputError", problems: [{ code: "UNKNOWN_SCENARIO" }] });
  });

  it("refuses another organisation's edit as unknown and stores nothing", async () => {
    const draft = await forkAs("anna", "Må ikke røres");
    const before = await fingerprint();
    const answer = await gql("sara", SET, { input: { scenarioId: draft, initiativeId: "trial-nation", year: 2025, amount: "99", expectedVersion: 1 } });
    expect(answer.data.setAllocation.__typename).toBe("InvalidInputError");
    expect(answer.data.setAllocation.problems.map((problem: { code: string; field: string }) => [problem.field, problem.code])).toEqual([["input.scenarioId", "UNKNOWN_SCENARIO"]]);
    expect(await fingerprint()).toBe(before);
  });
});

describe("sharing", () => {
  it("shares READ: the party sees, compares and forks it, but may not change it (403) and its fork is its own", async () => {
    const draft = await forkAs("anna", "Til drøftelse med Venstre");
    const shared = await gql("anna", SHARE, { input: { scenarioId: draft, organisation: "venstre", access: "READ" } });
    expect(shared.data.shareScenario).toMatchObject({ __typename: "Scenario", sharedWith: [{ organisation: { key: "venstre" }, access: "READ", sharedBy: "annas token (API, anna)" }] });

    expect(await scenarioKeys("bo")).toContain(draft);
    expect(await scenarioKeys("sara")).not.toContain(draft);
    const seen = await gql("bo", `query($id: ID!) { scenario: node(id: $id) { ... on Scenario { access owner { key } sharedWith { organisation { key } } sharingHistory { after } } } }`, {
      id: Buffer.from(`Scenario:${draft}`).toString("base64"),
    });
    expect(seen.data.scenario).toEqual({ access: "READ", owner: { key: "finansministeriet" }, sharedWith: [{ organisation: { key: "venstre" } }], sharingHistory: [] });

    const before = await fingerprint();
    const edit = await gql("bo", SET, { input: { scenarioId: draft, initiativeId: "trial-nation", year: 2025, amount: "1", expectedVersion: 1 } });
    expect(edit.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(edit.errors?.[0]?.message).toMatch(/shared with your organisation to read/);
    expect(await fingerprint()).toBe(before);

    const boFork = await forkAs("bo", "Venstres modforslag", draft);
    expect(await scenarioKeys("bo")).toContain(boFork);
    expect(await scenarioKeys("anna")).not.toContain(boFork);
  });

  it("shares EDIT: the party changes it, but only the owner shares or archives it", async () => {
    const draft = await forkAs("anna", "Fælles regneark");
    await gql("anna", SHARE, { input: { scenarioId: draft, organisation: "sf", access: "EDIT" } });
    const edit = await gql("sara", SET, { input: { scenarioId: draft, initiativeId: "trial-nation", year: 2025, amount: "5", expectedVersion: 1 } });
    expect(edit.data.setAllocation).toMatchObject({ __typename: "ScenarioEdit", version: 2 });

    const before = await fingerprint();
    const reshare = await gql("sara", SHARE, { input: { scenarioId: draft, organisation: "venstre", access: "READ" } });
    expect(reshare.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const archive = await gql("sara", `mutation($id: ID!) { archiveScenario(input: { scenarioId: $id }) { __typename } }`, { id: draft });
    expect(archive.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await fingerprint()).toBe(before);
  });

  it("takes a share back: the party no longer sees it from its next request, and the audit keeps who did what", async () => {
    const draft = await forkAs("anna", "Kun et øjeblik");
    await gql("anna", SHARE, { input: { scenarioId: draft, organisation: "venstre", access: "READ" } });
    await gql("anna", SHARE, { input: { scenarioId: draft, organisation: "venstre", access: "EDIT" } });
    expect(await scenarioKeys("bo")).toContain(draft);
    const taken = await gql("anna", UNSHARE, { input: { scenarioId: draft, organisation: "venstre" } });
    expect(taken.data.unshareScenario).toEqual({ __typename: "Scenario", key: draft, sharedWith: [] });
    expect(await scenarioKeys("bo")).not.toContain(draft);
    const history = await gql("anna", `query($id: ID!) { scenario: node(id: $id) { ... on Scenario { sharingHistory { organisation { key } before after actor } } } }`, {
      id: Buffer.from(`Scenario:${draft}`).toString("base64"),
    });
    expect(history.data.scenario.sharingHistory).toEqual([
      { organisation: { key: "venstre" }, before: null, after: "READ", actor: "annas token (API, anna)" },
      { organisation: { key: "venstre" }, before: "READ", after: "EDIT", actor: "annas token (API, anna)" },
      { organisation: { key: "venstre" }, before: "EDIT", after: null, actor: "annas token (API, anna)" },
    ]);
  });

  it("refuses bad shares with typed errors and stores nothing", async () => {
    const draft = await forkAs("anna", "Forkerte delinger");
    const before = await fingerprint();
    const cases: Array<[Record<string, unknown>, Array<[string, string]>]> = [
      [{ scenarioId: draft, organisation: "findes-ikke", access: "READ" }, [["input.organisation", "UNKNOWN_ORGANISATION"]]],
      [{ scenarioId: draft, organisation: "finansministeriet", access: "READ" }, [["input.organisation", "OWN_ORGANISATION"]]],
      [{ scenarioId: "aftale-2024", organisation: "venstre", access: "READ" }, [["input.scenarioId", "NOT_A_WHAT_IF"]]],
      [{ scenarioId: "ukendt", organisation: "venstre", access: "READ" }, [["input.scenarioId", "UNKNOWN_SCENARIO"]]],
      [{ scenarioId: draft, organisation: "", access: "EDIT" }, [["input.organisation", "REQUIRED"]]],
    ];
    for (const [input, problems] of cases) {
      const answer = await gql("anna", SHARE, { input });
      expect(answer.data.shareScenario.__typename).toBe("InvalidInputError");
      expect(answer.data.shareScenario.problems.map((problem: { field: string; code: string }) => [problem.field, problem.code])).toEqual(problems);
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe("every other path that could name a hidden scenario", () => {
  it("leaves it out of the lineage and of changesSince, and shows a fork of it as a root", async () => {
    const draft = await forkAs("anna", "Forælder der skjules");
    await gql("anna", SHARE, { input: { scenarioId: draft, organisation: "venstre", access: "READ" } });
    const child = await forkAs("bo", "Barn af delt udkast", draft);
    await gql("anna", UNSHARE, { input: { scenarioId: draft, organisation: "venstre" } });

    const lineage = await gql("bo", `{ scenarioLineage { __typename ... on ScenarioLineage { nodes { key depth parentKey parentName } } } }`);
    const nodes = lineage.data.scenarioLineage.nodes as Array<{ key: string; depth: number; parentKey: string | null; parentName: string | null }>;
    expect(nodes.map((node) => node.key)).not.toContain(draft);
    expect(nodes.find((node) => node.key === child)).toEqual({ key: child, depth: 0, parentKey: null, parentName: null });
    const parent = await gql("bo", `query($id: ID!) { scenario: node(id: $id) { ... on Scenario { parent { key } history(first: 5) { nodes { kind sourceScenario { key } } } } } }`, {
      id: Buffer.from(`Scenario:${child}`).toString("base64"),
    });
    expect(parent.errors).toBeUndefined();
    expect(parent.data.scenario.parent).toBeNull();
    expect(parent.data.scenario.history.nodes.every((change: { sourceScenario: unknown }) => change.sourceScenario === null)).toBe(true);

    const since = await gql("bo", `{ changesSince(scenarioId: "aftale-2024", version: 1) { __typename ... on ChangesSinceReport { scenarios { key } } } }`);
    const keys = since.data.changesSince.scenarios.map((entry: { key: string }) => entry.key);
    expect(keys).not.toContain(draft);
    const history = await gql("bo", `query($id: ID!) { history(scenarioId: $id) { nodes { version } } }`, { id: draft });
    expect(history.data.history.nodes).toEqual([]);
  });

  it("keeps a proposal's title with the draft that proposed it", async () => {
    const draft = await forkAs("anna", "Udkast med nyt forslag");
    const added = await gql("anna", `mutation($input: AddInitiativeInput!) { addInitiative(input: $input) { ${EDIT_FIELDS} } }`, {
      input: { scenarioId: draft, expectedVersion: 1, title: "Fortroligt forslag om biobank", themeId: "forskning-sundhedsdata" },
    });
    expect(added.data.addInitiative.__typename, JSON.stringify(added)).toBe("ScenarioEdit");
    const proposal = (await db.initiative.findFirstOrThrow({ where: { createdInScenarioId: draft } })).id;

    const titles = async (who: Who) => (await gql(who, `{ initiatives(first: 500) { nodes { key title } } }`)).data.initiatives.nodes.map((node: { key: string }) => node.key);
    expect(await titles("anna")).toContain(proposal);
    expect(await titles("bo")).not.toContain(proposal);
    const node = await gql("bo", `query($id: ID!) { node(id: $id) { id } }`, { id: Buffer.from(`Initiative:${proposal}`).toString("base64") });
    expect(node.data.node).toBeNull();

    const own = await forkAs("bo", "Venstres eget");
    const before = await fingerprint();
    const take = await gql("bo", `mutation($input: AddInitiativeInput!) { addInitiative(input: $input) { ${EDIT_FIELDS} } }`, { input: { scenarioId: own, expectedVersion: 1, initiativeId: proposal } });
    expect(take.data.addInitiative.problems.map((problem: { code: string }) => problem.code)).toEqual(["UNKNOWN_INITIATIVE"]);

    // Nor through a file: a CSV naming the proposal's key is refused where it names it, as an unknown key is.
    const exported = await gql("bo", `query($id: ID!) { exportScenario(scenarioId: $id, format: CSV, numberStyle: API) { ... on ExportFile { base64 } } }`, { id: own });
    const csv = Buffer.from(exported.data.exportScenario.base64, "base64").toString("utf8");
    const vmkRow = csv.split(/\r?\n/).find((row) => row.startsWith("vmk"))!;
    const smuggled = `${csv.trimEnd()}\r\n${vmkRow.replace(/^vmk/, proposal)}\r\n`;
    const imported = await gql("bo", `mutation($input: ImportScenarioCsvInput!) { importScenarioCsv(input: $input) { ${EDIT_FIELDS} } }`, { input: { scenarioId: own, expectedVersion: 1, content: smuggled } });
    expect(imported.data.importScenarioCsv.__typename, JSON.stringify(imported)).toBe("InvalidInputError");
    expect(imported.data.importScenarioCsv.problems.map((problem: { code: string; value: string }) => [problem.code, problem.value])).toEqual([["UNKNOWN_INITIATIVE", proposal]]);
    expect(await fingerprint()).toBe(before);
  });

  it("shows another party's theme lists exactly as before a hidden proposal existed: no count, no place in the order, no failure", async () => {
    // The attack: Venstre adds proposals of its own with chosen titles and watches where, among them,
    // the secretariat's hidden proposal falls in Theme.initiatives (ordered by title), or counts the
    // items with __typename. Neither may change when the hidden proposal comes or goes.
    const own = await forkAs("bo", "Venstres prober");
    for (const [index, title] of ["Fortrolig a", "Fortrolig m", "Fortrolig z"].entries()) {
      const probe = await gql("bo", `mutation($input: AddInitiativeInput!) { addInitiative(input: $input) { ${EDIT_FIELDS} } }`, {
        input: { scenarioId: own, expectedVersion: index + 1, title, themeId: "forskning-sundhedsdata" },
      });
      expect(probe.data.addInitiative.__typename, JSON.stringify(probe)).toBe("ScenarioEdit");
    }
    const themes = `{ themes { key initiatives { __typename key title } } }`;
    const before = await gql("bo", themes);
    expect(before.errors).toBeUndefined();

    const draft = await forkAs("anna", "Udkast med et forslag mellem Venstres");
    const added = await gql("anna", `mutation($input: AddInitiativeInput!) { addInitiative(input: $input) { ${EDIT_FIELDS} } }`, {
      input: { scenarioId: draft, expectedVersion: 1, title: "Fortrolig k", themeId: "forskning-sundhedsdata" },
    });
    expect(added.data.addInitiative.__typename).toBe("ScenarioEdit");
    const proposal = (await db.initiative.findFirstOrThrow({ where: { createdInScenarioId: draft } })).id;

    const after = await gql("bo", themes);
    expect(after.errors).toBeUndefined();
    expect(after).toEqual(before);
    // Sara's (SF) list holds neither Venstre's probes nor the hidden proposal: documents only.
    const saras = (await gql("sara", themes)).data.themes.find((theme: { key: string }) => theme.key === "forskning-sundhedsdata").initiatives;
    expect(saras.map((initiative: { key: string }) => initiative.key)).not.toContain(proposal);
    // The secretariat itself sees it, in its place.
    const annas = (await gql("anna", themes)).data.themes.find((theme: { key: string }) => theme.key === "forskning-sundhedsdata").initiatives;
    expect(annas.map((initiative: { key: string }) => initiative.key)).toContain(proposal);
  });

  it("answers a hidden proposal's key in setAllocation, setAllocations, moveAmount and removeInitiative exactly as an unknown key", async () => {
    const draft = await forkAs("anna", "Udkast med skjult forslag");
    await gql("anna", `mutation($input: AddInitiativeInput!) { addInitiative(input: $input) { ${EDIT_FIELDS} } }`, {
      input: { scenarioId: draft, expectedVersion: 1, title: "Skjult linje", themeId: "forskning-sundhedsdata" },
    });
    const hidden = (await db.initiative.findFirstOrThrow({ where: { createdInScenarioId: draft } })).id;
    const own = await forkAs("bo", "Venstres udkast");
    const answer = async (key: string) => {
      const problems = async (name: string, inputType: string, input: Record<string, unknown>) => {
        const body = await gql("bo", `mutation($input: ${inputType}!) { ${name}(input: $input) { __typename ... on InvalidInputError { problems { field code message } } } }`, { input });
        return JSON.stringify(body).replaceAll(key, "KEY");
      };
      return [
        await problems("setAllocation", "SetAllocationInput", { scenarioId: own, initiativeId: key, year: 2025, amount: "1", expectedVersion: 1 }),
        await problems("setAllocations", "SetAllocationsInput", { scenarioId: own, cells: [{ initiativeId: key, year: 2025, amount: "1" }, { initiativeId: "vmk", year: 1999, amount: "1" }], expectedVersion: 1 }),
        await problems("moveAmount", "MoveAmountInput", { scenarioId: own, fromInitiativeId: "vmk", toInitiativeId: key, amount: "0.1", fromYear: 2025, toYear: 2025, expectedVersion: 1 }),
        await problems("removeInitiative", "RemoveInitiativeInput", { scenarioId: own, initiativeId: key, expectedVersion: 1 }),
      ];
    };
    const before = await fingerprint();
    const forHidden = await answer(hidden);
    expect(forHidden[0]).toContain("UNKNOWN_INITIATIVE");
    expect(forHidden).toEqual(await answer("ingen-saadan-linje"));
    expect(await fingerprint()).toBe(before);
  });

  it("refuses a live stream of a hidden draft, and ends a party's stream when the share is taken back", async () => {
    const draft = await forkAs("anna", "Direkte visning");
    const fetchFn = async (url: string, init: RequestInit) => server.fetch(url, init);
    const subscription = typed(`subscription($id: ID!) { scenarioChanged(scenarioId: $id) { __typename ... on ScenarioChangedEvent { version } ... on InvalidInputError { problems { code } } } }`);
    const refused = await subscribe(fetchFn, "http://ramme.test/graphql", subscription, { id: draft }, { authorization: `Bearer ${tokens.bo}` });
    const first = await refused.next(5000);
    refused.close();
    expect(first.data?.scenarioChanged ?? first.errors).toEqual({ __typename: "InvalidInputError", problems: [{ code: "UNKNOWN_SCENARIO" }] });

    await gql("anna", SHARE, { input: { scenarioId: draft, organisation: "venstre", access: "READ" } });
    const stream = await subscribe(fetchFn, "http://ramme.test/graphql", subscription, { id: draft }, { authorization: `Bearer ${tokens.bo}` });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await gql("anna", SET, { input: { scenarioId: draft, initiativeId: "trial-nation", year: 2025, amount: "6", expectedVersion: 1 } });
    expect((await stream.next(5000)).data?.scenarioChanged).toEqual({ __typename: "ScenarioChangedEvent", version: 2 });

    await gql("anna", UNSHARE, { input: { scenarioId: draft, organisation: "venstre" } });
    await gql("anna", SET, { input: { scenarioId: draft, initiativeId: "trial-nation", year: 2025, amount: "7", expectedVersion: 2 } });
    expect(await stream.completed(5000)).toBe(true);
    stream.close();
  });

  it("ends an open stream when its session is signed out, its token revoked or its user disabled", { timeout: 30_000 }, async () => {
    const person = async (email: string, role: "ADMIN" | "EDITOR") =>
      createUser({ email, password: "et langt nok kodeord", displayName: email, role, organisationKey: "finansministeriet", organisationKind: "SECRETARIAT" });
    const eva = await person("eva@fm.dk", "EDITOR");
    const frank = await person("frank@fm.dk", "EDITOR");
    const ada = await person("ada@fm.dk", "ADMIN");
    const evaSession = `ramme_session=${(await createSession(eva.id)).token}`;
    const evaToken = await createApiToken(eva.id, "Evas værktøj", "READ");
    const frankToken = (await createApiToken(frank.id, "Franks værktøj", "READ")).secret;
    const adaToken = (await createApiToken(ada.id, "Adas værktøj", "READ_WRITE")).secret;

    const draft = await forkAs("anna", "Ses af hele sekretariatet");
    const fetchFn = async (url: string, init: RequestInit) => server.fetch(url, init);
    const subscription = typed(`subscription($id: ID!) { scenarioChanged(scenarioId: $id) { __typename ... on ScenarioChangedEvent { version } } }`);
    const streams = {
      signedOut: await subscribe(fetchFn, "http://ramme.test/graphql", subscription, { id: draft }, { cookie: evaSession }),
      revoked: await subscribe(fetchFn, "http://ramme.test/graphql", subscription, { id: draft }, { authorization: `Bearer ${evaToken.secret}` }),
      disabled: await subscribe(fetchFn, "http://ramme.test/graphql", subscription, { id: draft }, { authorization: `Bearer ${frankToken}` }),
      kept: await subscribe(fetchFn, "http://ramme.test/graphql", subscription, { id: draft }, { authorization: `Bearer ${tokens.viggo}` }),
    };
    await new Promise((resolve) => setTimeout(resolve, 200));
    await gql("anna", SET, { input: { scenarioId: draft, initiativeId: "trial-nation", year: 2025, amount: "6", expectedVersion: 1 } });
    for (const stream of Object.values(streams)) expect((await stream.next(5000)).data?.scenarioChanged).toEqual({ __typename: "ScenarioChangedEvent", version: 2 });

    const asEva = async (source: string, variables: Record<string, unknown> = {}) => (await postAs(server, { query: source, variables }, { cookie: evaSession })).json();
    const revoke = await asEva(`mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { __typename } }`, { input: { id: evaToken.token.id } });
    expect(revoke.data.revokeApiToken.__typename, JSON.stringify(revoke)).toBe("ApiToken");
    expect((await asEva(`mutation { signOut { __typename } }`)).errors).toBeUndefined();
    const disabled = await postAs(server, { query: `mutation($input: UserIdInput!) { disableUser(input: $input) { __typename } }`, variables: { input: { userId: frank.id } } }, { bearer: adaToken });
    expect((await disabled.json()).data.disableUser.__typename).toBe("User");

    await gql("anna", SET, { input: { scenarioId: draft, initiativeId: "trial-nation", year: 2025, amount: "7", expectedVersion: 2 } });
    expect((await streams.kept.next(5000)).data?.scenarioChanged).toEqual({ __typename: "ScenarioChangedEvent", version: 3 });
    for (const name of ["signedOut", "revoked", "disabled"] as const) expect(await streams[name].completed(5000), name).toBe(true);
    for (const stream of Object.values(streams)) stream.close();
  });
});
