import { DOCUMENT_PATH, DRAFT_PAGE_PATH, THUMBNAIL_PATH } from '../../main/contract/channels';
import { readHostToken } from './host-token';

/** A document of the visit's folder, served by the kiosk server to this page only. */
export function documentUrl(name: string, doc: Document = document): string {
  return named(DOCUMENT_PATH, name, doc);
}

/** Its first page, small: the list's and the picker's big thumbnails. */
export function thumbnailUrl(name: string, doc: Document = document): string {
  return named(THUMBNAIL_PATH, name, doc);
}

function named(path: string, name: string, doc: Document): string {
  const url = new URL(path, doc.location.href);
  url.searchParams.set('name', name);
  url.searchParams.set('token', readHostToken(doc));
  return url.href;
}

/** A page of the scan being made, as it will be saved (cropped and turned). */
export function draftPageUrl(index: number, version: number, doc: Document = document): string {
  const url = new URL(DRAFT_PAGE_PATH, doc.location.href);
  url.searchParams.set('index', String(index));
  url.searchParams.set('v', String(version));
  url.searchParams.set('token', readHostToken(doc));
  return url.href;
}
