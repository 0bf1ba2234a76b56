import translateIcon from '@material-symbols/svg-400/rounded/translate.svg';
import wavingHandIcon from '@material-symbols/svg-400/rounded/waving_hand.svg';
import scheduleIcon from '@material-symbols/svg-400/rounded/schedule.svg';
import { useState } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppInfo, LanguageCode, SessionView } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { ReadAloudButton } from '../kit/ReadAloudButton';
import { DisplayButton, DisplayDialog } from './DisplayDialog';
import { CallVolunteerButton } from './HelpBand';
import { LanguageButtons } from './LanguageButtons';

interface AttractScreenProps {
  info: AppInfo;
  language: LanguageCode;
  onChooseLanguage: (language: LanguageCode) => void;
  /** The first completed touch anywhere on the screen. */
  onStart: () => void;
  /** Outside the opening hours: the screen says so, and when the site opens again. */
  closed?: SessionView['closed'];
}

/** Keeps a left-to-right code readable inside right-to-left text (Unicode isolate). */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** What a visitor sees first: a welcome, and the choice of language (the first touch starts the session). */
export function AttractScreen({
  info,
  language,
  onChooseLanguage,
  onStart,
  closed,
}: AttractScreenProps) {
  const { t } = useTranslation();
  const lead = closed ? reopening(t, language, closed) : t('attract.lead');
  const title = closed ? t('closed.title') : t('attract.title');
  const configProblem = info.config.problems.length > 0;
  const [display, setDisplay] = useState(false);
  return (
    // A click (not a pointer-down) starts the session, so a language tap lands before the screen changes.
    <div
      className="screen"
      data-screen="attract"
      data-closed={closed ? 'true' : undefined}
      onClick={onStart}
    >
      <header className="topbar">
        {info.branding.logo && <img className="topbar__logo" src={info.branding.logo} alt="" />}
        <span className="topbar__site">{info.siteName}</span>
        <div className="aids">
          <DisplayButton onOpen={() => setDisplay(true)} />
          <CallVolunteerButton />
        </div>
      </header>

      <main className="attract">
        <Icon src={closed ? scheduleIcon : wavingHandIcon} size={64} />
        <h1 className="attract__title">{title}</h1>
        <p className={closed ? 'attract__closed' : 'lead'} data-testid="attract-lead">
          {lead}
        </p>
        <ReadAloudButton text={`${title}. ${lead} ${t('attract.chooseLanguage')}.`} />

        <section className="languages" aria-labelledby="choose-language">
          <h2 id="choose-language" className="languages__title">
            <Icon src={translateIcon} size={44} />
            {t('attract.chooseLanguage')}
          </h2>
          <LanguageButtons
            languages={info.languages.enabled}
            current={language}
            onChoose={onChooseLanguage}
          />
        </section>

        {display && <DisplayDialog onClose={() => setDisplay(false)} />}
      </main>

      <footer className="statusbar">
        <span>
          {t('status.kiosk', { id: isolate(info.kioskId), version: isolate(info.version) })}
        </span>
        {configProblem && (
          <span className="statusbar__warning" data-testid="config-warning">
            {t('status.configDefaults')}
          </span>
        )}
      </footer>
    </div>
  );
}

/** "Elle ouvre aujourd'hui à 14:00", or on a named day: the site's wall clock, in the visitor's words. */
function reopening(
  t: TFunction,
  language: LanguageCode,
  { today, reopens }: NonNullable<SessionView['closed']>,
): string {
  if (!reopens) return t('closed.noDate');
  // The date and time are the site's own: formatted as given, never moved to another zone,
  // and in the calendar of the dates on the door (Persian would otherwise get the solar one).
  const moment = new Date(`${reopens.date}T${reopens.time}:00Z`);
  const time = new Intl.DateTimeFormat(language, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(moment);
  const day = new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
    calendar: 'gregory',
  }).format(moment);
  return reopens.date === today
    ? t('closed.reopensToday', { time: isolate(time) })
    : t('closed.reopensOn', { day: isolate(day), time: isolate(time) });
}
