// How a front end uses the client types generated from /openapi/v1.json (openapi-typescript writes
// generated/schema.d.ts; the API test runs the generator and type-checks this file against it).
// If an answer's shape changes in a way that breaks callers, this stops compiling.
import type { components, operations, paths } from "./generated/schema";

type SearchResponse = components["schemas"]["SearchResponse"];
type Problem = components["schemas"]["ProblemDetails"];
type SearchParameters = NonNullable<operations["Search"]["parameters"]["query"]>;

// Every operation declares its errors as ProblemDetails.
type SearchBadRequest = operations["Search"]["responses"][400]["content"]["application/problem+json"];
type WriteUnauthorized = operations["ReplaceDocument"]["responses"][401]["content"]["application/problem+json"];
type UnknownDocument = operations["GetDocument"]["responses"][404]["content"]["application/problem+json"];
type SearchTimedOut = operations["Search"]["responses"][503]["content"]["application/problem+json"];
const problems: Problem[] = [] as SearchBadRequest[] as WriteUnauthorized[] as UnknownDocument[] as SearchTimedOut[];

export function searchUrl(parameters: SearchParameters): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null) {
      query.set(name, String(value));
    }
  }
  const path: keyof paths = "/api/search";
  return `${path}?${query.toString()}`;
}

export function titles(response: SearchResponse): string[] {
  const total: number = response.total;
  const next: string | null = response.next;
  const localities = response.facets["locality"]?.map((facet) => `${facet.value} (${facet.count})`) ?? [];
  return [
    `${total} hits${next === null ? "" : ", more"}`,
    ...response.hits.map((hit) => `${hit.id}: ${hit.title ?? "(no title)"} — ${hit.snippets.join(" … ")}`),
    ...localities,
  ];
}

export function explain(problem: Problem): string {
  return `${problem.status ?? 0} ${problem.title ?? ""}: ${problem.detail ?? ""}`;
}

export const example: SearchParameters = { q: "giai phong mat bang", locality: "Tân Yên", page: 1, pageSize: 10, sort: "date" };
export const known = problems.length;
