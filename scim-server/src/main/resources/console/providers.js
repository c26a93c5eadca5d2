// Identity providers a directory can be created for, as the admin API names them.
export const PROVIDERS = [
  ['okta', 'Okta'],
  ['entra', 'Microsoft Entra ID'],
  ['google', 'Google Workspace (polled)'],
  ['onelogin', 'OneLogin'],
  ['jumpcloud', 'JumpCloud'],
  ['pingfederate', 'PingFederate'],
  ['rippling', 'Rippling'],
  ['cyberark', 'CyberArk'],
  ['generic', 'Other SCIM 2.0 client'],
];

export function providerName(slug) {
  const known = PROVIDERS.find(([value]) => value === slug);
  return known ? known[1] : slug;
}
