import { conformanceOfThisFile } from './openapi-conformance';

// Every e2e file: each answer its stacks' `api` received (and any a test checked itself) agrees with the OpenAPI document.
afterAll(() => {
  expect(conformanceOfThisFile().mismatches).toEqual([]);
});
