import type { ReactNode } from 'react';
import { ReadAloudButton } from '../kit/ReadAloudButton';
import { BackButton } from './BackButton';

/** A visitor screen's first line: the way back, the title, and "Écouter" for the whole screen. */
export function ScreenHeading({
  title,
  spoken,
  onBack,
  language,
  children,
}: {
  title: string;
  /** Everything the screen says, read aloud in one go. */
  spoken: string;
  onBack?: () => void;
  /** The title's language when it is not the screen's (a guide shown in French). */
  language?: string;
  children?: ReactNode;
}) {
  return (
    <div className="home__heading">
      {onBack && <BackButton onClick={onBack} />}
      <h1 className="home__title" lang={language}>
        {title}
      </h1>
      <ReadAloudButton text={spoken} language={language} />
      {children}
    </div>
  );
}
