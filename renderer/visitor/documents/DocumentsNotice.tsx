/** What the last action did (saved, printed) or why it could not be done. */
export interface Notice {
  tone: 'ok' | 'problem';
  text: string;
}

/** The notice under the documents' title and in the viewer: a status when done, an alert otherwise. */
export function DocumentsNotice({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  return (
    <p
      role={notice.tone === 'ok' ? 'status' : 'alert'}
      className={notice.tone === 'ok' ? 'documents__done' : 'notice'}
      data-testid="documents-notice"
    >
      {notice.text}
    </p>
  );
}
