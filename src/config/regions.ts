/*
 * Talkdesk regional hosts (../shared/talkdesk/API-NOTES.md). Talkdesk advises against hard-coding hosts, so these
 * are presets a deployment may override; `confirmed: false` marks hosts only seen in third-party code or guessed.
 */
export const REGION_IDS = ['us', 'eu', 'ca', 'au', 'uk', 'sandbox'] as const;
export type RegionId = (typeof REGION_IDS)[number];

export interface RegionPreset {
  label: string;
  apiUrl: string | null;
  /** `{account}` is replaced with the Talkdesk account name. */
  identityUrl: string | null;
  confirmed: { api: boolean; identity: boolean };
}

export const REGION_PRESETS: Record<RegionId, RegionPreset> = {
  us: {
    label: 'US',
    apiUrl: 'https://api.talkdeskapp.com',
    identityUrl: 'https://{account}.talkdeskid.com',
    confirmed: { api: true, identity: true },
  },
  eu: {
    label: 'EU',
    apiUrl: 'https://api.talkdeskapp.eu',
    identityUrl: 'https://{account}.talkdeskid.eu',
    confirmed: { api: true, identity: true },
  },
  ca: {
    label: 'Canada',
    apiUrl: 'https://api.talkdeskappca.com',
    identityUrl: 'https://{account}.talkdeskidca.com',
    confirmed: { api: true, identity: true },
  },
  au: {
    label: 'Australia',
    apiUrl: 'https://api.talkdeskapp.au',
    identityUrl: 'https://{account}.talkdeskid.au',
    confirmed: { api: false, identity: true },
  },
  uk: {
    label: 'UK',
    apiUrl: 'https://api.talkdeskapp.co.uk',
    identityUrl: 'https://{account}.talkdeskid.co.uk',
    confirmed: { api: false, identity: false },
  },
  sandbox: {
    label: 'Sandbox',
    apiUrl: null,
    identityUrl: null,
    confirmed: { api: true, identity: true },
  },
};
