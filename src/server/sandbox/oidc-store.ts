/*
 * A per-sandbox in-memory store for oidc-provider's artefacts. oidc-provider's own MemoryAdapter is a
 * process-wide cache that warns on every start; this one lives and dies with one sandbox.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry { payload: AdapterPayload; expiresAt?: number }

export class OidcStore {
  private readonly entries = new Map<string, Entry>();

  adapterFor(model: string): Adapter {
    const key = (id: string): string => `${model}:${id}`;
    const live = (id: string): Entry | undefined => {
      const entry = this.entries.get(key(id));
      if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
        this.entries.delete(key(id));
        return undefined;
      }
      return entry;
    };
    const findWhere = (predicate: (payload: AdapterPayload) => boolean): AdapterPayload | undefined => {
      for (const [entryKey, entry] of this.entries) {
        if (entryKey.startsWith(`${model}:`) && predicate(entry.payload) && live(entryKey.slice(model.length + 1))) {
          return entry.payload;
        }
      }
      return undefined;
    };
    return {
      upsert: async (id, payload, expiresIn) => {
        this.entries.set(key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined });
      },
      find: async (id) => live(id)?.payload,
      findByUid: async (uid) => findWhere((payload) => payload.uid === uid),
      findByUserCode: async (userCode) => findWhere((payload) => payload.userCode === userCode),
      consume: async (id) => {
        const entry = live(id);
        if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        this.entries.delete(key(id));
      },
      revokeByGrantId: async (grantId) => {
        for (const [entryKey, entry] of this.entries) {
          if (entry.payload.grantId === grantId) this.entries.delete(entryKey);
        }
      },
    };
  }

  clear(): void {
    this.entries.clear();
  }
}
