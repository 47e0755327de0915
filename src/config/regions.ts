/*
 * Talkdesk regional hosts (../shared/talkdesk/API-NOTES.md). Talkdesk advises against hard-coding hosts, so these
 * are presets a deployment may override. How we know each host: REGION_HOST_SOURCES in talkdesk-api-contract.ts.
 */
export const REGION_IDS = ['us', 'eu', 'ca', 'au', 'uk', 'sandbox'] as const;
export type RegionId = (typeof REGION_IDS)[number];

export interface RegionPreset {
  label: string;
  apiUrl: string | null;
  /** `{account}` is replaced with the Talkdesk account name. */
  identityUrl: string | null;
}

export const REGION_PRESETS: Record<RegionId, RegionPreset> = {
  us: {
    label: 'US',
    apiUrl: 'https://api.talkdeskapp.com',
    identityUrl: 'https://{account}.talkdeskid.com',
  },
  eu: {
    label: 'EU',
    apiUrl: 'https://api.talkdeskapp.eu',
    identityUrl: 'https://{account}.talkdeskid.eu',
  },
  ca: {
    label: 'Canada',
    apiUrl: 'https://api.talkdeskappca.com',
    identityUrl: 'https://{account}.talkdeskidca.com',
  },
  au: {
    label: 'Australia',
    apiUrl: 'https://api.talkdeskapp.au',
    identityUrl: 'https://{account}.talkdeskid.au',
  },
  uk: {
    label: 'UK',
    apiUrl: 'https://api.talkdeskapp.co.uk',
    identityUrl: 'https://{account}.talkdeskid.co.uk',
  },
  sandbox: {
    label: 'Sandbox',
    apiUrl: null,
    identityUrl: null,
  },
};
