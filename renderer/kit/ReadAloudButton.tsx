import speakerIcon from '@material-symbols/svg-400/rounded/volume_up.svg';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../main/contract/ipc-contract';
import { Icon } from './Icon';
import { readAloud } from './read-aloud';

/** "Écouter": reads the screen's text aloud, in the visitor's language. */
export function ReadAloudButton({ text }: { text: string }) {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      className="big-button big-button--compact listen-button"
      onClick={(event) => {
        event.stopPropagation();
        readAloud(text, i18n.language as LanguageCode);
      }}
    >
      <Icon src={speakerIcon} size={40} />
      {t('kit.listen')}
    </button>
  );
}
