import type { ContactPoint } from './contact-policy.types';

const ET = 'America/New_York';
const CT = 'America/Chicago';
const MT = 'America/Denver';
const AZ = 'America/Phoenix';
const PT = 'America/Los_Angeles';
const AK = 'America/Anchorage';
const HI = 'Pacific/Honolulu';

// A sample of NANP area codes per zone (the rest yield no zone and fall back on the address).
const US_AREA_CODES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      '201',
      '202',
      '212',
      '215',
      '216',
      '305',
      '313',
      '404',
      '407',
      '412',
      '516',
      '617',
      '646',
      '718',
      '786',
      '813',
      '917',
    ].map((c) => [c, ET]),
  ),
  ...Object.fromEntries(
    ['214', '312', '314', '504', '512', '612', '615', '713', '773', '816', '901'].map((c) => [c, CT]),
  ),
  ...Object.fromEntries(['303', '385', '406', '505', '720', '801'].map((c) => [c, MT])),
  ...Object.fromEntries(['480', '520', '602', '623', '928'].map((c) => [c, AZ])),
  ...Object.fromEntries(['206', '213', '310', '415', '503', '510', '619', '702', '818'].map((c) => [c, PT])),
  '907': AK,
  '808': HI,
};

// States split between zones suggest every zone they span (the window is then the intersection).
const US_STATES: Readonly<Record<string, readonly string[]>> = {
  NY: [ET],
  NJ: [ET],
  PA: [ET],
  MA: [ET],
  GA: [ET],
  OH: [ET],
  MI: [ET, CT],
  FL: [ET, CT],
  IN: [ET, CT],
  KY: [ET, CT],
  TN: [ET, CT],
  DC: [ET],
  VA: [ET],
  NC: [ET],
  SC: [ET],
  MD: [ET],
  CT: [ET],
  ME: [ET],
  IL: [CT],
  TX: [CT, MT],
  MN: [CT],
  MO: [CT],
  LA: [CT],
  WI: [CT],
  AL: [CT],
  KS: [CT, MT],
  NE: [CT, MT],
  ND: [CT, MT],
  SD: [CT, MT],
  OK: [CT],
  IA: [CT],
  AR: [CT],
  MS: [CT],
  CO: [MT],
  UT: [MT],
  NM: [MT],
  MT: [MT],
  WY: [MT],
  ID: [MT, PT],
  AZ: [AZ],
  CA: [PT],
  WA: [PT],
  OR: [PT, MT],
  NV: [PT],
  AK: [AK, 'America/Adak'],
  HI: [HI],
};

const MX_LADAS: Readonly<Record<string, string>> = {
  '664': 'America/Tijuana',
  '686': 'America/Tijuana',
  '662': 'America/Hermosillo',
  '998': 'America/Cancun',
  '614': 'America/Chihuahua',
  '669': 'America/Mazatlan',
};

const MX_STATES: Readonly<Record<string, readonly string[]>> = {
  BC: ['America/Tijuana'],
  SON: ['America/Hermosillo'],
  ROO: ['America/Cancun'],
  SIN: ['America/Mazatlan'],
  BCS: ['America/Mazatlan'],
  CHH: ['America/Chihuahua', 'America/Ciudad_Juarez'],
};

const zonesOfPhone = (e164: string): readonly string[] => {
  if (e164.startsWith('+1')) return US_AREA_CODES[e164.slice(2, 5)] ? [US_AREA_CODES[e164.slice(2, 5)]] : [];
  if (e164.startsWith('+57')) return ['America/Bogota'];
  if (e164.startsWith('+52')) return [MX_LADAS[e164.slice(3, 6)] ?? 'America/Mexico_City'];
  return [];
};

const zonesOfAddress = (country: string, region: string | undefined): readonly string[] => {
  if (country === 'CO') return ['America/Bogota'];
  if (country === 'US') return (region && US_STATES[region]) || [];
  if (country === 'MX') return (region && MX_STATES[region]) || ['America/Mexico_City'];
  return [];
};

/** Every time zone the debtor's contact points suggest (an explicit zone on a point wins over tables). */
export const zonesSuggestedBy = (points: readonly ContactPoint[]): readonly string[] => {
  const zones = new Set<string>();
  for (const p of points) {
    const found =
      p.kind === 'email'
        ? []
        : p.timeZone
          ? [p.timeZone]
          : p.kind === 'phone'
            ? zonesOfPhone(p.number)
            : zonesOfAddress(p.country, p.region);
    for (const z of found) zones.add(z);
  }
  return [...zones];
};
