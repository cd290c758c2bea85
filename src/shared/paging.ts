/** Page arithmetic shared by repositories, services and routes (the HTTP schemas: src/http/paging.ts). */
export interface PageQuery {
  page: number;
  limit: number;
}

export function pageOffset(p: PageQuery): number {
  return (p.page - 1) * p.limit;
}

export function paged<T>(data: T[], p: PageQuery, total: number) {
  return { data, pagination: { page: p.page, limit: p.limit, total } };
}
