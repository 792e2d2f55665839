// Makes the Excel files of this corpus, as German offices write them: a title row above the header, typed dates
// and numbers (the AGS and postcode as numbers, so Excel has dropped the AGS's leading zero), a second sheet.
// Run once with SheetJS (npm package "xlsx" 0.18.5) in a scratch folder:  node make-excel.mjs <this folder>
import * as XLSX from 'xlsx';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2] ?? '.';
const rows = [
  ['Familienmanager:innen – Stand 01.10.2025'],
  [],
  ['Zertifikatsnummer', 'Nachname', 'Vorname', 'AGS', 'PLZ', 'Zertifiziert am', 'Status', 'Veröffentlichen', 'Breitengrad', 'Längengrad'],
  ['X-1', 'Beispiel', 'Jürgen', 5966024, 57462, new Date(Date.UTC(2023, 2, 14)), 'aktiv', 'ja', 51.0289, 7.8514],
  ['X-2', 'Muster', 'Käthe', 5315000, 50667, new Date(Date.UTC(2021, 5, 30)), 'aktiv', 'nein', 50.9413, 6.9583],
  ['X-3', 'Probe', 'Sören', 5966, 57462, 43831, 'inaktiv', 'ja', null, null],
];
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Hinweise'], ['Dieses Blatt ist kein Teil der Liste.']]), 'Hinweise');
XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), 'Liste');
writeFileSync(join(folder, 'excel-title-rows.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }));
writeFileSync(join(folder, 'excel-legacy.xls'), XLSX.write(book, { type: 'buffer', bookType: 'biff8' }));
