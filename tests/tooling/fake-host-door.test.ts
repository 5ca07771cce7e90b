/**
 * The fake Excel host's front door (eslint.config.js, fakeHostFrontDoor): code outside tests/fake-excel imports the
 * host only through tests/fake-excel/index.ts; its modules (core/, objects/, generated/, host/, its tests) import
 * each other freely. Each fixture is a short module linted as if it stood at the given path; the expected verdicts
 * are written by hand here, not read from the config.
 */
import { ruleIds, IMPORT_ERROR, SYNTAX_ERROR } from "./lintHarness";


describe("the fake Excel host is imported through its front door only", () => {
  test("the front door passes, from tests, bench and the browser stand-in", async () => {
    expect(await ruleIds(`import { installFakeOffice } from "../fake-excel";\nvoid installFakeOffice;\n`, "tests/excel/probe.test.ts")).toEqual([]);
    expect(await ruleIds(`import { installFakeOffice } from "../tests/fake-excel";\nvoid installFakeOffice;\n`, "bench/probe.ts")).toEqual([]);
    expect(await ruleIds(`import { FakeRequestContext } from "../fake-excel";\nvoid FakeRequestContext;\n`, "tests/browser/probe.ts")).toEqual([]);
  });

  test("a module behind the door fails, in any form and at any depth", async () => {
    // The imports the browser stand-in and the benchmark made before the host had a front door.
    expect(await ruleIds(`import { FakeRequestContext } from "../fake-excel/core/context";\nvoid FakeRequestContext;\n`, "tests/browser/probe.ts")).toEqual(IMPORT_ERROR);
    expect(await ruleIds(`import { DEFAULT_SETS } from "../fake-excel/api-sets";\nvoid DEFAULT_SETS;\n`, "tests/browser/probe.ts")).toEqual(IMPORT_ERROR);
    expect(await ruleIds(`import type { HostState } from "../../tests/fake-excel/core/state";\nexport type H = HostState;\n`, "bench/sub/probe.ts")).toEqual(IMPORT_ERROR);
    expect(await ruleIds(`export * from "../../fake-excel/objects/range";\n`, "tests/excel/sub/probe.ts")).toEqual(IMPORT_ERROR);
    expect(await ruleIds(`import { rejectsWith } from "../fake-excel/tests/support";\nvoid rejectsWith;\n`, "tests/excel/probe.test.ts")).toEqual(IMPORT_ERROR);
    expect(await ruleIds(`export async function f() {\n  return import("../fake-excel/host/host");\n}\n`, "tests/excel/probe.ts")).toEqual(SYNTAX_ERROR);
    expect(await ruleIds(`import { installFakeOffice } from "../fake-excel/index";\nvoid installFakeOffice;\n`, "tests/excel/probe.ts")).toEqual(IMPORT_ERROR);
  });

  test("inside the host, its modules and tests import each other", async () => {
    expect(await ruleIds(`import { fail } from "../core/errors";\nvoid fail;\n`, "tests/fake-excel/objects/probe.ts")).toEqual([]);
    expect(await ruleIds(`import { FakeRange } from "../objects/range";\nvoid FakeRange;\n`, "tests/fake-excel/tests/probe.test.ts")).toEqual([]);
  });
});
