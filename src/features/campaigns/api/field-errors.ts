import type { ApiFieldError } from '../../../lib/api-error';
import { queryNames, type QueryParam } from '../../../config/talkdesk-api-contract';
import type { FilterControl } from '../components/filter-field';

const CONTROL_FOR_PARAM: Partial<Record<QueryParam, FilterControl>> = {
  search: 'search',
  status: 'status',
  dialingMode: 'dialingMode',
  priority: 'priority',
  createdAtFrom: 'createdFrom',
  createdAtTo: 'createdTo',
  actionRequired: 'actionRequired',
  name: 'name',
  userId: 'userId',
  recordListId: 'recordListId',
  doNotCallListId: 'doNotCallListId',
};

/**
 * Places a 400's `fields` beside the filter they name. Fields that name no filter (paging, sorting, unknown
 * names) come back in `other` so they are still shown.
 */
export function fieldErrorsByControl(fields: ApiFieldError[]): {
  byControl: Partial<Record<FilterControl, string>>;
  other: ApiFieldError[];
} {
  const byControl: Partial<Record<FilterControl, string>> = {};
  const other: ApiFieldError[] = [];
  for (const field of fields) {
    const param = (Object.keys(queryNames) as QueryParam[]).find((key) => queryNames[key] === field.name);
    const control = param ? CONTROL_FOR_PARAM[param] : undefined;
    if (control) byControl[control] = byControl[control] ? `${byControl[control]} ${field.description}` : field.description;
    else other.push(field);
  }
  return { byControl, other };
}
