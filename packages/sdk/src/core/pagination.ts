/**
 * Auto-pagination over the API's page-numbered lists (`per_page` + `page`, bare JSON arrays with no "next" link).
 * A page shorter than `per_page` is the last one. A full last page is followed by one more request, which the API
 * answers with an empty array or a 404 "Invalid page."; both end the iteration cleanly.
 */
import { NotFoundError } from "./errors.js";

/** Fetches one page (1-based) of at most `perPage` items. */
export type PageFetcher<T> = (page: number, perPage: number) => PromiseLike<T[]>;

/**
 * Async iterable over every item of a paginated list, fetching pages lazily.
 *
 * @example
 * ```ts
 * for await (const sample of client.iterSamples("jane/flowers")) console.log(sample.name);
 * const all = await client.iterSamples("jane/flowers").toArray();
 * ```
 */
export class PageIterator<T> implements AsyncIterable<T> {
  readonly #fetchPage: PageFetcher<T>;
  readonly #perPage: number;
  readonly #firstPage: number;

  constructor(fetchPage: PageFetcher<T>, options: { perPage: number; firstPage?: number }) {
    this.#fetchPage = fetchPage;
    this.#perPage = options.perPage;
    this.#firstPage = options.firstPage ?? 1;
  }

  /** Iterates page by page (arrays), e.g. to process items in batches. */
  async *pages(): AsyncGenerator<T[], void, undefined> {
    for (let page = this.#firstPage; ; page++) {
      const items = await this.#fetchPageOrEnd(page);
      if (items.length > 0) yield items;
      if (items.length < this.#perPage) return;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const items of this.pages()) yield* items;
  }

  /** Collects every item into one array. */
  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const items of this.pages()) all.push(...items);
    return all;
  }

  /** Past the last page the API answers 404 "Invalid page."; after the first page that means "no more items". */
  async #fetchPageOrEnd(page: number): Promise<T[]> {
    try {
      return await this.#fetchPage(page, this.#perPage);
    } catch (error) {
      if (page > this.#firstPage && error instanceof NotFoundError && isInvalidPage(error)) return [];
      throw error;
    }
  }
}

function isInvalidPage(error: NotFoundError): boolean {
  return error.message.toLowerCase().includes("invalid page");
}
