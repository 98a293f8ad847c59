import { describe, expect, test } from "vitest";
import { createAPIError, NotFoundError } from "../src/core/errors.js";
import { PageIterator } from "../src/core/pagination.js";

function invalidPage() {
  return createAPIError({
    status: 404,
    text: '{"detail":"Invalid page."}',
    headers: new Headers(),
    method: "GET",
    path: "/x/",
  });
}

/** A fake paginated list of `total` numbers that records the pages requested. */
function source(total: number, pastEnd: "empty" | "404") {
  const requested: number[] = [];
  const fetchPage = async (page: number, perPage: number) => {
    requested.push(page);
    const items = Array.from({ length: total }, (_, i) => i).slice((page - 1) * perPage, page * perPage);
    if (items.length === 0 && pastEnd === "404") throw invalidPage();
    return items;
  };
  return { requested, fetchPage };
}

describe("PageIterator", () => {
  test("stops after a short page without an extra request", async () => {
    const { requested, fetchPage } = source(25, "404");
    expect(await new PageIterator(fetchPage, { perPage: 10 }).toArray()).toEqual(
      Array.from({ length: 25 }, (_, i) => i),
    );
    expect(requested).toEqual([1, 2, 3]);
  });

  test("a full last page followed by an empty page ends cleanly", async () => {
    const { requested, fetchPage } = source(20, "empty");
    const items: number[] = [];
    for await (const item of new PageIterator(fetchPage, { perPage: 10 })) items.push(item);
    expect(items).toHaveLength(20);
    expect(requested).toEqual([1, 2, 3]);
  });

  test("a full last page followed by 404 Invalid page ends cleanly", async () => {
    const { requested, fetchPage } = source(20, "404");
    expect(await new PageIterator(fetchPage, { perPage: 10 }).toArray()).toHaveLength(20);
    expect(requested).toEqual([1, 2, 3]);
  });

  test("pages() yields arrays and honours firstPage", async () => {
    const { fetchPage } = source(25, "404");
    const pages: number[][] = [];
    for await (const page of new PageIterator(fetchPage, { perPage: 10, firstPage: 2 }).pages())
      pages.push(page);
    expect(pages.map((p) => p.length)).toEqual([10, 5]);
  });

  test("an error on the first page propagates", async () => {
    const { fetchPage } = source(0, "404");
    await expect(new PageIterator(fetchPage, { perPage: 10 }).toArray()).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  test("breaking out early stops fetching", async () => {
    const { requested, fetchPage } = source(100, "404");
    for await (const item of new PageIterator(fetchPage, { perPage: 10 })) if (item === 3) break;
    expect(requested).toEqual([1]);
  });
});
