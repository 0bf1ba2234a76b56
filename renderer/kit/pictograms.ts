/**
 * The drawings of the pictograms a procedure catalogue may name (Material
 * Symbols, Apache-2.0). The Record type makes a missing one a compile error.
 */
import accountBalance from '@material-symbols/svg-400/rounded/account_balance.svg';
import arrowForward from '@material-symbols/svg-400/rounded/arrow_forward.svg';
import attachFile from '@material-symbols/svg-400/rounded/attach_file.svg';
import badge from '@material-symbols/svg-400/rounded/badge.svg';
import calendar from '@material-symbols/svg-400/rounded/calendar_month.svg';
import call from '@material-symbols/svg-400/rounded/call.svg';
import checkCircle from '@material-symbols/svg-400/rounded/check_circle.svg';
import description from '@material-symbols/svg-400/rounded/description.svg';
import download from '@material-symbols/svg-400/rounded/download.svg';
import edit from '@material-symbols/svg-400/rounded/edit.svg';
import editNote from '@material-symbols/svg-400/rounded/edit_note.svg';
import euro from '@material-symbols/svg-400/rounded/euro.svg';
import familyRestroom from '@material-symbols/svg-400/rounded/family_restroom.svg';
import fingerprint from '@material-symbols/svg-400/rounded/fingerprint.svg';
import folderOpen from '@material-symbols/svg-400/rounded/folder_open.svg';
import health from '@material-symbols/svg-400/rounded/health_and_safety.svg';
import home from '@material-symbols/svg-400/rounded/home.svg';
import idCard from '@material-symbols/svg-400/rounded/id_card.svg';
import inbox from '@material-symbols/svg-400/rounded/inbox.svg';
import key from '@material-symbols/svg-400/rounded/key.svg';
import login from '@material-symbols/svg-400/rounded/login.svg';
import mail from '@material-symbols/svg-400/rounded/mail.svg';
import markEmailUnread from '@material-symbols/svg-400/rounded/mark_email_unread.svg';
import password from '@material-symbols/svg-400/rounded/password.svg';
import person from '@material-symbols/svg-400/rounded/person.svg';
import personAdd from '@material-symbols/svg-400/rounded/person_add.svg';
import print from '@material-symbols/svg-400/rounded/print.svg';
import receipt from '@material-symbols/svg-400/rounded/receipt_long.svg';
import reply from '@material-symbols/svg-400/rounded/reply.svg';
import schedule from '@material-symbols/svg-400/rounded/schedule.svg';
import search from '@material-symbols/svg-400/rounded/search.svg';
import send from '@material-symbols/svg-400/rounded/send.svg';
import sms from '@material-symbols/svg-400/rounded/sms.svg';
import taskAlt from '@material-symbols/svg-400/rounded/task_alt.svg';
import touchApp from '@material-symbols/svg-400/rounded/touch_app.svg';
import translate from '@material-symbols/svg-400/rounded/translate.svg';
import uploadFile from '@material-symbols/svg-400/rounded/upload_file.svg';
import verifiedUser from '@material-symbols/svg-400/rounded/verified_user.svg';
import warning from '@material-symbols/svg-400/rounded/warning.svg';
import work from '@material-symbols/svg-400/rounded/work.svg';
import type { Pictogram, ProcedureCategory } from '../../main/contract/ipc-contract';

export const PICTOGRAM_ICONS: Record<Pictogram, string> = {
  job: work,
  family: familyRestroom,
  health,
  tax: receipt,
  'residence-permit': badge,
  'digital-id': fingerprint,
  email: mail,
  login,
  password,
  'code-sms': sms,
  'code-email': markEmailUnread,
  phone: call,
  calendar,
  money: euro,
  bank: accountBalance,
  document: description,
  upload: uploadFile,
  download,
  print,
  form: editNote,
  person,
  'id-card': idCard,
  key,
  home,
  search,
  touch: touchApp,
  next: arrowForward,
  check: checkCircle,
  done: taskAlt,
  inbox,
  attachment: attachFile,
  send,
  reply,
  write: edit,
  warning,
  clock: schedule,
  folder: folderOpen,
  shield: verifiedUser,
  'new-account': personAdd,
  language: translate,
};

export const CATEGORY_PICTOGRAMS: Record<ProcedureCategory, Pictogram> = {
  emploi: 'job',
  'famille-aides': 'family',
  sante: 'health',
  impots: 'tax',
  'titre-sejour': 'residence-permit',
  'identite-numerique': 'digital-id',
  'email-documents': 'email',
};
