import { describe, expect, it } from 'vitest';
import { decidePermission, REFUSED_PERMISSIONS } from '../../../main/shell/permission-policy.js';

describe('permission policy', () => {
  it.each(REFUSED_PERMISSIONS)('refuses %s to web content', (permission) => {
    expect(decidePermission(permission)).toMatchObject({ allow: false });
  });
  it('refuses permissions it has never heard of', () => {
    expect(decidePermission('some-future-permission')).toMatchObject({ allow: false });
  });
  it('allows only element fullscreen (a video in a window that cannot leave fullscreen)', () => {
    expect(decidePermission('fullscreen')).toEqual({ allow: true });
  });
});
