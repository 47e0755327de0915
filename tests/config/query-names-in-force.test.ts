/*
 * A deployment's corrections to the API's query parameter names (TALKDESK_QUERY_NAMES, in the runtime
 * configuration) reach every list query the browser builds and the placing of a 400's field errors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readInlineRuntimeConfig } from '../../src/app/load-runtime-config';
import { RUNTIME_CONFIG_ELEMENT_ID } from '../../src/config/runtime-config';
import { applyQueryNames } from '../../src/config/talkdesk-api-contract';
import { toApiQuery } from '../../src/features/campaigns/api/to-api-query';
import { DEFAULT_FILTERS } from '../../src/features/campaigns/campaign-filters';
import { fieldErrorsByControl } from '../../src/features/campaigns/field-errors';

const CONFIG = {
  region: 'us', regionLabel: 'US', clientId: 'c', authorizeUrl: 'https://acme.talkdeskid.com/oauth/authorize', tokenPath: '/oauth/token',
  revokePath: '/oauth/revoke', apiBasePath: '/api', scope: 'openid campaigns:read', issuer: 'https://acme.talkdeskid.com',
  queryNames: { priority: 'campaign_priority', search: 'q' },
};

afterEach(() => {
  applyQueryNames();
  document.getElementById(RUNTIME_CONFIG_ELEMENT_ID)?.remove();
});

describe('the query names in force', () => {
  it('are the configuration\'s once the page has read it: the list query and the field errors use them', () => {
    const block = document.createElement('script');
    block.type = 'application/json';
    block.id = RUNTIME_CONFIG_ELEMENT_ID;
    block.textContent = JSON.stringify(CONFIG);
    document.head.append(block);
    expect(readInlineRuntimeConfig(document)?.queryNames).toEqual(CONFIG.queryNames);

    const query = toApiQuery({ ...DEFAULT_FILTERS, priority: 3, search: 'upsell', status: 'running' });
    expect(query.get('campaign_priority')).toBe('3');
    expect(query.get('q')).toBe('upsell');
    expect(query.has('priority')).toBe(false);
    expect(query.has('search')).toBe(false);
    expect(query.get('status')).toBe('running');

    const { byControl, other } = fieldErrorsByControl([{ name: 'campaign_priority', description: 'must be 1..10' }, { name: 'priority', description: 'unknown' }]);
    expect(byControl).toEqual({ priority: 'must be 1..10' });
    expect(other).toEqual([{ name: 'priority', description: 'unknown' }]);
  });

  it('are the table\'s without corrections', () => {
    applyQueryNames({ priority: 'campaign_priority' });
    applyQueryNames(undefined);
    expect(toApiQuery({ ...DEFAULT_FILTERS, priority: 3 }).get('priority')).toBe('3');
  });
});
