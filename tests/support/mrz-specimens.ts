/**
 * Public specimens: ICAO Doc 9303 (parts 4, 5 and 6) and the French national
 * ID card specimen (2×36, issued until 2021), with what each must read as.
 */
export const TD3 =
  'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
export const TD1 =
  'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<';
export const TD2 = 'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6';
export const FR_ID = 'IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<\n8806923102858CORINNE<<<<<<<6512068F6';

export const FR_ID_FIELDS = {
  format: 'FR-ID',
  documentType: 'ID',
  issuingCountry: 'FRA',
  documentNumber: '880692310285',
  lastName: 'BERTHIER',
  firstNames: 'CORINNE',
  nationality: 'FRA',
  birthDate: '651206',
  sex: 'F',
  optionalData: '',
};
