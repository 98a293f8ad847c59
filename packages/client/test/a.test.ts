import { expect, test } from "vitest";
import { hello } from "@segments-ts/client";
test("x", () => expect(hello).toBe(1));
