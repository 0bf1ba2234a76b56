import checkIcon from '@material-symbols/svg-400/rounded/check_circle-fill.svg';
import type { LanguageCode } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { LANGUAGE_NAMES } from '../kit/languages';

interface LanguageButtonsProps {
  languages: LanguageCode[];
  current: LanguageCode;
  onChoose: (language: LanguageCode) => void;
  compact?: boolean;
}

/** One button per language, each named in its own language and script. */
export function LanguageButtons({ languages, current, onChoose, compact }: LanguageButtonsProps) {
  return (
    <ul className={compact ? 'languages__list languages__list--compact' : 'languages__list'}>
      {languages.map((code) => (
        <li key={code}>
          <button
            type="button"
            className={
              compact
                ? 'big-button language-button big-button--compact'
                : 'big-button language-button'
            }
            lang={code}
            dir="auto"
            aria-pressed={code === current}
            onClick={() => onChoose(code)}
          >
            {code === current && <Icon src={checkIcon} size={compact ? 32 : 40} />}
            {LANGUAGE_NAMES[code]}
          </button>
        </li>
      ))}
    </ul>
  );
}
