import speakerIcon from '@material-symbols/svg-400/rounded/volume_up.svg';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../main/contract/ipc-contract';
import { Icon } from './Icon';
import { readAloud } from './read-aloud';
import { useVisitorAids } from './visitor-aids';

/**
 * "Écouter": reads a text aloud, in the visitor's language unless the text is
 * in another one (a guide shown in French reads with the French voice). With
 * no voice for that language on this kiosk there is no button: a text is
 * never read in another language's voice.
 */
export function ReadAloudButton({ text, language }: { text: string; language?: string }) {
  const { t, i18n } = useTranslation();
  const { voices, reportAid } = useVisitorAids();
  const voice = (language ?? i18n.language) as LanguageCode;
  if (!voices.includes(voice)) return null;
  return (
    <button
      type="button"
      className="big-button big-button--compact listen-button"
      onClick={(event) => {
        event.stopPropagation();
        readAloud(text, voice);
        reportAid('read-aloud');
      }}
    >
      <Icon src={speakerIcon} size={40} />
      {t('kit.listen')}
    </button>
  );
}
