/**
 * Every platform of the catalog (data/platforms.yaml, and the one-GPU node of an unknown GPU) has
 * a name in each language of the message catalogue: the English is the catalog's own name, the
 * Chinese a translation (vendor product names such as HGX, OAM or NVL72 kept).
 */
import { describe, expect, it } from 'vitest';
import { PLATFORM_DATA } from '../../src/catalog/platform-data.ts';
import { platformOf } from '../../src/catalog/platforms.ts';
import { en } from '../../src/i18n/en.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

const platforms = [...PLATFORM_DATA, platformOf('no-such-gpu')];
const messages = (catalogue: Record<string, string>, id: string) => catalogue[`platform.${id}`];

describe('platform names in the message catalogue', () => {
  it.each(platforms.map((p) => [p.id, p.name] as const))('%s: English = the catalog name, Chinese translated', (id, name) => {
    expect(messages(en, id)).toBe(name);
    const zh = messages(zhCN, id);
    expect(zh).toBeTruthy();
    expect(zh).toMatch(/\p{Script=Han}/u);
  });

  it('no catalogue entry for a platform the catalog does not have', () => {
    const ids = new Set(platforms.map((p) => p.id));
    expect(Object.keys(en).filter((k) => k.startsWith('platform.') && !ids.has(k.slice('platform.'.length)))).toEqual([]);
  });
});
