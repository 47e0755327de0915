/*
 * Talkdesk's reference page lost the names of the GET /campaigns query parameters (../shared/talkdesk/API-NOTES.md).
 * Every name below is tagged with how we know it; the [guess] ones are the first thing to check against a live
 * account, and this table is the only place to correct them.
 */
export const TALKDESK_LIST_PARAMS = {
  page: { name: 'page', source: 'doc' },
  perPage: { name: 'per_page', source: 'doc' },
  createdAtFrom: { name: 'created_at_from', source: '3p' },
  createdAtTo: { name: 'created_at_to', source: '3p' },
  expand: { name: 'expand', source: 'guess' },
  actionRequired: { name: 'action_required', source: 'guess' },
  dialingMode: { name: 'dialing_mode', source: 'guess' },
  doNotCallListId: { name: 'do_not_call_list_id', source: 'guess' },
  name: { name: 'name', source: 'guess' },
  orderBy: { name: 'order_by', source: 'guess' },
  priority: { name: 'priority', source: 'guess' },
  recordListId: { name: 'record_list_id', source: 'guess' },
  search: { name: 'search', source: 'guess' },
  status: { name: 'status', source: 'guess' },
  userId: { name: 'user_id', source: 'guess' },
} as const satisfies Record<string, { name: string; source: 'doc' | '3p' | 'guess' }>;

export type TalkdeskListParam = keyof typeof TALKDESK_LIST_PARAMS;

/** How several `expand` values are joined is unknown ([guess]). */
export const EXPAND_SEPARATOR = ',';
export const DETAIL_EXPAND = ['dialing_mode_configuration', 'dialing_strategy'] as const;

/** The earliest instant sent when only "Created to" is set: the API rejects one bound alone ([3p]). */
export const EARLIEST_CREATED_AT = '1970-01-01T00:00:00.000Z';
