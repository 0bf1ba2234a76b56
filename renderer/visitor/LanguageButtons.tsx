import checkIcon from '@material-symbols/svg-400/rounded/check_circle-fill.svg';
import type { LanguageCode } from '../../main/contract/ipc-contract';
import { Icon } from '../kit/Icon';
import { LANGUAGE_NAMES } from '../kit/languages';

interface LanguageButtonsProps {
  languages: LanguageCode[];
  current: LanguageCode;
  onChoose: (language: LanguageCode) => void;
}

/** One button per language, each named in its own language and script. */
export function LanguageButtons({ languages, current, onChoose }: LanguageButtonsProps) {
  return (
    <ul className="languages__list">
      {languages.map((code) => (
        <li key={code}>
          <button
            type="button"
            className="big-button language-button"
            lang={code}
            dir="auto"
            aria-pressed={code === current}
            onClick={() => onChoose(code)}
          >
            {code === current && <Icon src={checkIcon} size={40} />}
            {LANGUAGE_NAMES[code]}
          </button>
        </li>
      ))}
    </ul>
  );
}
